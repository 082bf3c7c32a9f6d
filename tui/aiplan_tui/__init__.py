"""aiplan-tui: read, search and compare coverage of the 2025 US and Chinese AI action plans."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aiplan-tui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
