"""Review's person box: a person's (or organisation's) name, role, kind, side and aliases,
in one form; enter in any line keeps what changed, tab moves between the fields.

Every value is pack text made a rich Text after `clean_line`, never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from aiplan_tui.core.model import ENTITY_KINDS, Entity, Side
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.screens.review_dialogs import CANCEL, dialog_css
from aiplan_tui.ui.screens.shown import ShownModal

Changes = dict[str, object | None]
"""The fields to set (None: removed)."""


def alias_list(typed: str) -> list[str]:
    """Aliases typed with commas between them, each once."""
    aliases: list[str] = []
    for part in typed.split(","):
        alias = " ".join(part.split())
        if alias and alias not in aliases:
            aliases.append(alias)
    return aliases


class PersonDialog(ShownModal[Changes | None]):
    """The fields of one entity; what changed is returned (nothing changed: an empty dict)."""

    BINDINGS: ClassVar[list[BindingType]] = [CANCEL]
    DEFAULT_CSS = (
        dialog_css("PersonDialog")
        + """
    PersonDialog .person-field { height: 1; margin-top: 1; }
    PersonDialog Label { color: $text-muted; width: 9; }
    PersonDialog Input, PersonDialog Select { width: 1fr; }
    PersonDialog #person-wrong { color: $error; text-style: bold; height: auto; }
    """
    )

    def __init__(self, entity: Entity, sides: Sequence[Side]) -> None:
        super().__init__()
        self.entity = entity
        self.sides = list(sides)

    def compose(self) -> ComposeResult:
        e = self.entity
        sides = [(Text(clean_line(side.label)), side.id) for side in self.sides]
        fields: list[tuple[str, Widget]] = [
            ("Name", Input(clean_line(e.name), max_length=200, id="person-name", compact=True)),
            ("Role", Input(clean_line(e.role), placeholder="none", max_length=200,
                           id="person-role", compact=True)),
            ("Aliases", Input(clean_line(", ".join(e.aliases)), max_length=1000,
                              placeholder="none (commas between them)", id="person-aliases",
                              compact=True)),
            ("Kind", Select([(kind, kind) for kind in ENTITY_KINDS], value=e.kind,
                            allow_blank=False, id="person-kind", compact=True)),
            ("Side", Select(sides, value=e.side or Select.NULL, prompt="no side",
                            id="person-side", compact=True)),
        ]  # fmt: skip
        with Vertical() as box:
            box.border_title = clean_line(f"{e.name} ({e.id})")
            box.border_subtitle = "tab moves · enter keeps · escape cancels"
            for label, field in fields:
                with Horizontal(classes="person-field"):
                    yield Label(label)
                    yield field
            yield Static(id="person-wrong")

    def on_mount(self) -> None:
        name = self.query_one("#person-name", Input)
        name.focus()
        name.select_all()  # (as tab to a field does: typing replaces it)

    def changes(self) -> Changes:
        e = self.entity
        typed = {
            "name": " ".join(self.query_one("#person-name", Input).value.split()),
            "role": " ".join(self.query_one("#person-role", Input).value.split()),
            "aliases": alias_list(self.query_one("#person-aliases", Input).value),
            "kind": self.query_one("#person-kind", Select).value,
            "side": self.query_one("#person-side", Select).value,
        }
        typed["side"] = typed["side"] if isinstance(typed["side"], str) else ""
        now = {"name": e.name, "role": e.role, "aliases": list(e.aliases), "kind": e.kind}
        now["side"] = e.side
        return {key: value or None for key, value in typed.items() if value != now[key]}

    @on(Input.Submitted)
    def _keep(self) -> None:
        if not self.query_one("#person-name", Input).value.strip():
            self.query_one("#person-wrong", Static).update(Text("A name is needed."))
            return
        self.dismiss(self.changes())

    def action_cancel(self) -> None:
        self.dismiss(None)
