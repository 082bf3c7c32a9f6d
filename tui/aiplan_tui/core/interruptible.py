"""Reading a terminal until end of input so that Ctrl-C always interrupts it.

`sys.stdin.buffer.read(n)` loops over read() calls in C: a SIGINT that lands between two of
them (the process woken by one line and not yet back in read(), which a loaded machine makes
long) only sets Python's flag, and the next read() blocks with the interrupt pending until more
input comes. Here every read waits in poll() on the terminal *and* on a wake-up pipe that
Python's signal handler writes to, so a signal before or during the wait ends it and the
KeyboardInterrupt is raised at once."""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Iterator

CHUNK = 65536


@contextlib.contextmanager
def _signal_wakeup() -> Iterator[int | None]:
    """A pipe Python's signal handler writes a byte to (its read end), for the duration; None
    where no handler can be set (not the main thread)."""
    readable, writable = os.pipe()
    os.set_blocking(readable, False)
    os.set_blocking(writable, False)
    try:
        try:
            previous = signal.set_wakeup_fd(writable, warn_on_full_buffer=False)
        except ValueError:  # only the main thread may set it
            yield None
            return
        try:
            yield readable
        finally:
            signal.set_wakeup_fd(previous)
    finally:
        os.close(readable)
        os.close(writable)


def read_to_end(fd: int, limit: int) -> bytes:
    """What `fd` gives until end of input, stopping once more than `limit` bytes came (the
    caller sees the excess and refuses); Ctrl-C raises KeyboardInterrupt whenever it comes."""
    chunks: list[bytes] = []
    size = 0
    with _signal_wakeup() as wakeup:
        waiting = select.poll()
        waiting.register(fd, select.POLLIN)
        if wakeup is not None:
            waiting.register(wakeup, select.POLLIN)
        while size <= limit:
            ready = {number for number, _ in waiting.poll()}
            if wakeup in ready:  # a signal came: its handler runs before the next line
                with contextlib.suppress(BlockingIOError):
                    os.read(wakeup, CHUNK)
            if fd not in ready:
                continue
            chunk = os.read(fd, min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    return b"".join(chunks)
