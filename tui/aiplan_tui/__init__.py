"""aiplan-tui: read, search and compare coverage of the 2025 US and Chinese AI action plans."""

from __future__ import annotations

__version__ = "0.1.0"
"""The one place the version is written: the build reads it from here (pyproject.toml), and
nothing reads package metadata at start-up, which cost 30 ms."""
