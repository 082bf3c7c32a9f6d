"""Commands answered from the compiled pack, when it is current, without loading the pack.

The answer is an exit status, or None when there is no current database or it turns out
damaged while being read: then the command loads the pack and compiles it again.
"""

from __future__ import annotations

from collections.abc import Callable

from aiplan_tui.compiled.current import open_compiled
from aiplan_tui.compiled.stale import Stale

TYPE_CHECKING = False  # typing's, without importing typing at start-up (issue 34)
if TYPE_CHECKING:
    from aiplan_tui.cli.context import PackContext
    from aiplan_tui.compiled.store import CompiledPack


def answer_from_compiled(
    context: PackContext, manifest: str, answer: Callable[[CompiledPack], int | None]
) -> int | None:
    """`answer` (`search`'s or `export`'s) from the compiled pack of the context's pack, if
    that is a pack and its compiled pack is current for `manifest`."""
    if not context.is_pack():
        return None
    return _answered(open_compiled(context.content, manifest=manifest), answer)


def answer_built(
    context: PackContext, manifest: str, answer: Callable[[CompiledPack], int | None]
) -> int | None:
    """`answer` from the compiled pack built now, in steps an interruption keeps
    (compiled/staged.py), with its progress on a terminal; None if the pack cannot be built
    so, or is not a pack (then it is loaded and compiled whole, as before)."""
    from aiplan_tui.compiled.current import build_compiled

    if not context.is_pack():
        return None
    return _answered(build_compiled(context.content, manifest, shown=True), answer)


def _answered(
    compiled: CompiledPack | None, answer: Callable[[CompiledPack], int | None]
) -> int | None:
    """`answer` from `compiled`, closed after; None if there is none or it went stale."""
    if compiled is None:
        return None
    try:
        return answer(compiled)
    except Stale:
        return None
    finally:
        compiled.close()
