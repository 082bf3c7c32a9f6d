"""The Textual app: screens, widgets, the palette, keys and themes."""
