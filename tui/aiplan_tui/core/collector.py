"""Pausing Python's cyclic garbage collector while a great many objects are made."""

from __future__ import annotations

import gc


class collector_paused:
    """Building makes a great many objects that all live on, and the cyclic collector would
    walk the whole heap again and again for nothing (a large pack's build took twice as long).

    With `freeze`, what was made is kept out of the collector's walks from then on (it holds
    no cycles: reference counting frees it when it goes): made while the collector was paused,
    a large pack's objects all waited in its youngest generation, and the first collection
    after walked every one (half a second for 100,000 highlights, on the app's first key).

    With `collect`, one full collection ends it instead: what was made goes to the oldest
    generation at once (0.13 s for a pack of 100,000 highlights), and cyclic garbage made
    meanwhile is freed. Freezing would keep such garbage for good: the screens that a reload
    drops, once per edit.

    (A class rather than a `contextlib.contextmanager`: a warm search imports no contextlib.)"""

    def __init__(self, freeze: bool = False, collect: bool = False) -> None:
        self.freeze, self.collect = freeze, collect
        self.was_enabled = False

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self.freeze:
            gc.freeze()
        if self.was_enabled:
            gc.enable()
        if self.collect:
            gc.collect()
