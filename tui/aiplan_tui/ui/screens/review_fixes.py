"""Review's fixes to a suggestion's quoting and words: direct or paraphrase (`d`, a quote's)
and the words (`w`, any highlight's), a part the screen owns, given what it writes through
(`Editing`, review_writing.py)."""

from __future__ import annotations

from aiplan_tui.authoring import review
from aiplan_tui.authoring.spans import Anchored
from aiplan_tui.core.model import Highlight, Quote
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.review_view import pack_path
from aiplan_tui.ui.screens.review_writing import Editing
from aiplan_tui.ui.screens.words_dialog import WordsDialog


class QuoteFixes:
    """Direct or paraphrase, and the words of a suggestion."""

    def __init__(self, editing: Editing) -> None:
        self.editing = editing

    def flip_direct(self, h: Highlight) -> None:
        """A direct quotation made a paraphrase, or the other way."""
        if not isinstance(h, Quote):
            self.editing.say(f"Only a quote is direct or a paraphrase; this is {_a(h.kind)}.")
            return
        path = h.source.path
        direct = not h.direct
        self.editing.write(
            f"{h.id}: {'direct' if direct else 'paraphrase'} now, "
            f"in {pack_path(self.editing.pack, path)}",
            lambda: review.update(path, h.id, {"direct": direct}, seen=h),
        )

    def words(self, h: Highlight) -> None:
        """The words widened, narrowed or typed anew, in their paragraph."""
        article = self.editing.pack.article(h.article)
        at = h.location
        if article is None or at.paragraph >= len(article.paragraphs):
            self.editing.say(f"{h.id}: its article is not in the pack; fix its file instead.")
            return
        path = h.source.path

        def keep(found: Anchored | None) -> None:
            if found is None or (found.exact, found.prefix, found.suffix) == (
                h.exact,
                h.prefix,
                h.suffix,
            ):
                return
            values = {
                "exact": found.exact,
                "prefix": found.prefix or None,
                "suffix": found.suffix or None,
            }
            self.editing.write(
                f"{h.id}: the words are “{clean_line(found.exact)}” now, in "
                f"{pack_path(self.editing.pack, path)}",
                lambda: review.update(path, h.id, values, seen=h),
            )

        dialog = WordsDialog(article.paragraphs, at.paragraph, at.start, at.end)
        self.editing.ask(dialog, keep)


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
