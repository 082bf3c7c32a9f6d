"""The core: the model, problems, safe text, TOML reading, field checks, atomic files and
formatting. Imports neither Textual nor any other part of the package."""
