"""The user's files: config.toml, state.json, theme files as data. No Textual."""
