"""What a search result can be: its own module, so the command line's parser names the kinds
without importing the search engine."""

from __future__ import annotations

KINDS = ("quote", "fact", "position", "event", "paragraph", "entity", "compare", "article")
"""Every kind of search document, in the order results list them."""
