"""Content packs: loading a pack directory into the model, every problem located. No Textual."""
