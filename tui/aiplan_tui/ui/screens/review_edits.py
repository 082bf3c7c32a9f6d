"""Review's edits to a suggestion: accept (one, or an article's), reject, its note, speaker,
kind, sides and dimensions: a part the screen owns, writing to the pack's TOML files
(authoring/review.py) through what it is given (`Editing`, review_writing.py)."""

from __future__ import annotations

from aiplan_tui.authoring import review
from aiplan_tui.authoring.ids import entity_id as new_entity_id
from aiplan_tui.core.model import HIGHLIGHT_KINDS, Highlight, Pack, Position, Quote
from aiplan_tui.core.problems import plural
from aiplan_tui.ui.review_view import pack_path
from aiplan_tui.ui.screens.review_dialogs import Choice, ChoiceDialog, ManyDialog, TextDialog
from aiplan_tui.ui.screens.review_listing import has_speaker
from aiplan_tui.ui.screens.review_writing import Editing
from aiplan_tui.ui.screens.speaker_dialog import SpeakerChoice, SpeakerDialog

QUOTE_MARKS = "\"'“”‘’«»„「」『』"
"""Characters that, right around the words, say a quotation is direct."""
FACT_CANNOT = (
    "A fact needs a metric, a value and a unit, which Review cannot invent: "
    "write them in the highlight's file."
)


def looks_direct(paragraph: str, highlight: Highlight) -> bool:
    """Whether quotation marks stand right around (or at the ends of) the words."""
    start, end = highlight.location.start, highlight.location.end
    before = paragraph[start - 1 : start] + paragraph[start : start + 1]
    after = paragraph[end - 1 : end] + paragraph[end : end + 1]
    return any(c in QUOTE_MARKS for c in before) and any(c in QUOTE_MARKS for c in after)


class SuggestionEdits:
    """The edits to the suggestion under the cursor, each behind its key."""

    def __init__(self, editing: Editing) -> None:
        self.editing = editing

    @property
    def pack(self) -> Pack:
        return self.editing.pack

    def accept(self, h: Highlight) -> None:
        """Accept the suggestion; a quote with no speaker yet asks who said it first (its
        speaker set, `a` again accepts it)."""
        if isinstance(h, Quote) and not has_speaker(h, self.pack):

            def keep(choice: SpeakerChoice | None) -> None:
                if choice is not None:
                    self.set_speaker(h, choice, {})

            title = "Who said it? (a quote is accepted with its speaker; then a again)"
            self.editing.ask(SpeakerDialog(self.pack.entities, h.speaker, title=title), keep)
            return
        path = h.source.path
        self.editing.write(
            f"Accepted {h.id} in {pack_path(self.pack, path)}",
            lambda: review.accept(path, h.id, seen=h),
            gone=True,
        )

    def accept_all(self, h: Highlight) -> None:
        """Every listed suggestion of its article that can be accepted, as one step."""
        pack = self.pack
        mine = [x for x in self.editing.listing.items if x.article == h.article]
        ready = [x for x in mine if not isinstance(x, Quote) or has_speaker(x, pack)]
        left = len(mine) - len(ready)
        article = pack.article(h.article)
        title = article.title if article else h.article
        waiting = f"; {plural(left, 'quote')} with no speaker left" if left else ""
        if not ready:
            self.editing.say(f"Nothing to accept in {title}{waiting}: set their speakers (s).")
            return
        self.editing.write(
            f"Accepted {plural(len(ready), 'suggestion')} of {title}{waiting}",
            lambda: review.accept_all(pack.root, ready),
            gone=True,
        )

    def reject(self, h: Highlight) -> None:
        path = h.source.path
        self.editing.write(
            f"Rejected {h.id}: its table is gone from {pack_path(self.pack, path)}",
            lambda: review.reject(path, h.id, seen=h),
            gone=True,
        )

    def note(self, h: Highlight) -> None:

        def keep(note: str | None) -> None:
            if note is not None and note != h.note:
                said = f"note {'set' if note else 'removed'}"
                self.editing.write(
                    f"{h.id}: {said} in {pack_path(self.pack, h.source.path)}",
                    lambda: review.update(h.source.path, h.id, {"note": note or None}, seen=h),
                )

        self.editing.ask(
            TextDialog("Note", h.note, placeholder="Why it matters (empty: no note)"), keep
        )

    def speaker(self, h: Highlight) -> None:
        if not isinstance(h, Quote):
            self.editing.say(
                f"Only a quote has a speaker; this is {'an' if h.kind[0] in 'aeiou' else 'a'} "
                f"{h.kind} (K makes it a quote).",
            )
            return

        def keep(choice: SpeakerChoice | None) -> None:
            if choice is not None:
                self.set_speaker(h, choice, {})

        self.editing.ask(SpeakerDialog(self.pack.entities, h.speaker), keep)

    def set_speaker(
        self, h: Highlight, choice: SpeakerChoice, retype: dict[str, object] | None
    ) -> None:
        """The quote's speaker (a new person first added to entities.toml); `retype` not
        None makes the highlight a quote, with these fields besides."""
        path = h.source.path
        entity_id = choice.entity_id
        if choice.new_name:
            taken = {e.id for e in self.pack.entities}
            entity_id = new_entity_id(choice.new_name, taken)
            entities = self.pack.root / "entities.toml"
            made = self.editing.write(
                f"Added {choice.new_name} as {entity_id} to {pack_path(self.pack, entities)}",
                lambda: review.new_entity(
                    entities, entity_id, choice.new_name, role=choice.new_role
                ),
                last=False,  # the speaker is set next, then the pack loaded again
            )
            if not made:
                return
        if retype:
            fields = {**retype, "speaker": entity_id}
            self.editing.write(
                f"{h.id} is a quote by {entity_id} now, in {pack_path(self.pack, path)}",
                lambda: review.change_kind(path, h.id, "quote", fields, seen=h),
            )
        else:
            self.editing.write(
                f"{h.id}: speaker {entity_id}, in {pack_path(self.pack, path)}",
                lambda: review.update(path, h.id, {"speaker": entity_id}, seen=h),
            )

    def change_kind(self, h: Highlight) -> None:
        labels = {
            "quote": "quote: someone's words (asks who)",
            "position": "position: a side's stance (asks which side)",
            "event": "event: something that happened",
            "fact": "fact: not offered here",
        }
        choices = [
            Choice(kind, labels[kind], enabled=kind not in (h.kind, "fact"))
            for kind in HIGHLIGHT_KINDS
        ]
        article = "an" if h.kind[0] in "aeiou" else "a"
        note = f"It is {article} {h.kind} now. {FACT_CANNOT}"

        def keep(kind: str | None) -> None:
            if kind is not None:
                self.retype(h, kind)

        self.editing.ask(ChoiceDialog("Make it a…", choices, note), keep)

    def retype(self, h: Highlight, kind: str) -> None:
        path = h.source.path
        if kind == "quote":
            article = self.pack.article(h.article)
            paragraphs = article.paragraphs if article else ()
            paragraph = paragraphs[h.location.paragraph] if paragraphs else ""
            direct = looks_direct(paragraph, h)

            def speaker(choice: SpeakerChoice | None) -> None:
                if choice is not None:
                    self.set_speaker(h, choice, {"direct": direct})

            self.editing.ask(SpeakerDialog(self.pack.entities, title="Who says it?"), speaker)
        elif kind == "position":

            def side(chosen: str | None) -> None:
                if chosen is not None:
                    self.editing.write(
                        f"{h.id} is a position of {chosen} now, in {pack_path(self.pack, path)}",
                        lambda: review.change_kind(
                            path, h.id, "position", {"side": chosen}, seen=h
                        ),
                    )

            self.editing.ask(ChoiceDialog("Whose position?", self.side_choices()), side)
        elif kind == "event":
            self.editing.write(
                f"{h.id} is an event now, in {pack_path(self.pack, path)}",
                lambda: review.change_kind(path, h.id, "event", {}, seen=h),
            )

    def side_choices(self) -> list[Choice]:
        return [Choice(side.id, side.label) for side in self.pack.sides]

    def side(self, h: Highlight) -> None:
        path = h.source.path
        if isinstance(h, Position):

            def one(chosen: str | None) -> None:
                if chosen is not None and chosen != h.side:
                    self.editing.write(
                        f"{h.id}: side {chosen}, in {pack_path(self.pack, path)}",
                        lambda: review.update(path, h.id, {"side": chosen}, seen=h),
                    )

            dialog = ChoiceDialog("Whose position?", self.side_choices(), current=h.side)
            self.editing.ask(dialog, one)
            return

        def many(chosen: list[str] | None) -> None:
            if chosen is not None and tuple(chosen) != h.sides:
                said = ", ".join(chosen) or "none"
                self.editing.write(
                    f"{h.id}: sides {said}, in {pack_path(self.pack, path)}",
                    lambda: review.update(path, h.id, {"sides": chosen or None}, seen=h),
                )

        self.editing.ask(ManyDialog("Which sides?", self.side_choices(), h.sides), many)

    def dimensions(self, h: Highlight) -> None:
        path = h.source.path
        choices = [Choice(d.id, d.title) for d in self.pack.dimensions]

        def keep(chosen: list[str] | None) -> None:
            if chosen is not None and tuple(chosen) != h.dimensions:
                said = ", ".join(chosen) or "none"
                self.editing.write(
                    f"{h.id}: dimensions {said}, in {pack_path(self.pack, path)}",
                    lambda: review.update(path, h.id, {"dimensions": chosen or None}, seen=h),
                )

        self.editing.ask(ManyDialog("Which dimensions?", choices, h.dimensions), keep)
