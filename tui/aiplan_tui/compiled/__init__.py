"""The compiled pack: a loaded, checked pack and its search index in one SQLite database."""
