"""Review's speaker picker: type to narrow the pack's people and organisations, or name a
new person for entities.toml. Typed text that names no one exactly is a new person (`Name,
role` split in two); the people that fit are offered below it, taken by moving to them.

Every label is pack text made a rich Text after `clean_line`, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from aiplan_tui.core.model import Entity
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.screens.review_dialogs import CANCEL, dialog_css
from aiplan_tui.ui.screens.shown import ShownModal

SPEAKERS_SHOWN = 12
"""Speakers offered at most for what is typed (the best matches first)."""


@dataclass(frozen=True)
class SpeakerChoice:
    """An entity of the pack, or a new person to add to entities.toml under this name."""

    entity_id: str = ""
    new_name: str = ""
    new_role: str = ""


NEW = "\x00new"
"""The option id of "a new speaker" (no entity id can hold a NUL)."""


def speaker_label(entity: Entity) -> Text:
    label = Text(clean_line(entity.name), style="bold")
    details = ", ".join(part for part in (entity.role, entity.kind) if part)
    label.append(f"  {clean_line(details)}", style="dim")
    return label


def split_typed(typed: str) -> tuple[str, str]:
    """`Name, role` as the name and the role (no comma: all of it is the name)."""
    name, _, role = clean_line(typed).partition(",")
    return " ".join(name.split()), " ".join(role.split())


def named_exactly(entities: Sequence[Entity], name: str) -> Entity | None:
    """The one whose name or an alias is `name` (case aside)."""
    wanted = name.casefold()
    for entity in entities:
        if wanted and wanted in {n.casefold() for n in (entity.name, *entity.aliases)}:
            return entity
    return None


def rank_speakers(entities: Sequence[Entity], typed: str) -> list[Entity]:
    """The people and organisations that fit what is typed, best first (all, by name, for
    nothing typed): fuzzy over names, aliases and roles."""
    if not typed.strip():
        return sorted(entities, key=lambda e: e.name.lower())
    from rapidfuzz import fuzz, process

    haystacks = {e.id: " ".join((e.name, *e.aliases, e.role)) for e in entities}
    found = process.extract(
        typed,
        haystacks,
        scorer=fuzz.WRatio,
        processor=str.lower,
        limit=SPEAKERS_SHOWN,
        score_cutoff=60,
    )
    by_id = {e.id: e for e in entities}
    return [by_id[key] for _, _, key in found]


class SpeakerDialog(ShownModal[SpeakerChoice | None]):
    """Type a name (`Name, role`) or narrow the pack's people and organisations; enter takes
    the one highlighted: the person named exactly, else a new one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False, id="review-speaker-down",
                tooltip="While typing a speaker's name: the next person in the list."),
        Binding("up", "move(-1)", "Up", show=False, id="review-speaker-up",
                tooltip="While typing a speaker's name: the previous person."),
        CANCEL,
    ]  # fmt: skip
    DEFAULT_CSS = dialog_css("SpeakerDialog")

    def __init__(
        self, entities: Sequence[Entity], current: str = "", title: str = "", new: bool = True
    ) -> None:
        super().__init__()
        self.new = new
        """Whether typed text may name a new person (not when merging into one)."""
        self.entities = [e for e in entities if e.kind in ("person", "organisation")]
        self.current = current
        self.title_text = title or "Who says it?"

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = clean_line(self.title_text)
            box.border_subtitle = "type to narrow · enter picks · escape cancels"
            yield Input(placeholder="A name, a role", max_length=200, id="speaker-filter")
            yield OptionList(id="speaker-list")

    def on_mount(self) -> None:
        self.fill("")
        self.query_one(Input).focus()

    def fill(self, typed: str) -> None:
        """The person the text names exactly first, else the new person it would make; then
        the others that fit. The first is highlighted (what enter takes)."""
        name, role = split_typed(typed)
        exact = named_exactly(self.entities, name)
        found = [e for e in rank_speakers(self.entities, typed) if e is not exact]
        options = [Option(speaker_label(e), id=e.id) for e in found]
        if exact is not None:
            options.insert(0, Option(speaker_label(exact), id=exact.id))
        elif name and self.new:
            label = Text("New person: ", style="italic")
            label.append(name, style="bold")
            if role:
                label.append(f", {role}")
            label.append("  (added to entities.toml)", style="dim")
            options.insert(0, Option(label, id=NEW))
        listed = self.query_one(OptionList)
        listed.clear_options()
        listed.add_options(options)
        ids = [option.id for option in options]
        start = ids.index(self.current) if not name and self.current in ids else 0
        listed.highlighted = start if options else None

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted)
    def _enter(self) -> None:
        listed = self.query_one(OptionList)
        if listed.highlighted is not None:
            self.pick(listed.get_option_at_index(listed.highlighted).id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.pick(event.option.id)

    def pick(self, option_id: str | None) -> None:
        if option_id == NEW:
            name, role = split_typed(self.query_one(Input).value)
            self.dismiss(SpeakerChoice(new_name=name, new_role=role))
        elif option_id:
            self.dismiss(SpeakerChoice(entity_id=option_id))

    def action_move(self, step: int) -> None:
        listed = self.query_one(OptionList)
        if step > 0:
            listed.action_cursor_down()
        else:
            listed.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
