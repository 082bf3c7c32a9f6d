"""Pausing Python's cyclic garbage collector while a great many objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building makes a great many objects that all live on, and the cyclic collector would
    walk the whole heap again and again for nothing (a large pack's build took twice as long)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
