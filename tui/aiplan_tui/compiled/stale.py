"""The one answer to anything wrong with a compiled pack: build it again. No imports, so
the app can catch it without loading the search engine before its first frame."""


class Stale(Exception):
    """The database is not there, not whole, damaged, or not of the pack as it is now."""
