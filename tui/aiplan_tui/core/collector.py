"""Pausing Python's cyclic garbage collector while a great many objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(freeze: bool = False) -> Iterator[None]:
    """Building makes a great many objects that all live on, and the cyclic collector would
    walk the whole heap again and again for nothing (a large pack's build took twice as long).

    With `freeze`, what was made is kept out of the collector's walks from then on (it holds
    no cycles: reference counting frees it when it goes): made while the collector was paused,
    a large pack's objects all waited in its youngest generation, and the first collection
    after walked every one (half a second for 100,000 highlights, on the app's first key)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
