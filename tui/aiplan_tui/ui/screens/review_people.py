"""Review's edits to the speaker of a quotation: their name, role, kind, side and aliases
(`p`), and merging them into another person (`M`), a part the screen owns."""

from __future__ import annotations

from aiplan_tui.authoring.review_people import merge_entities, update_entity
from aiplan_tui.core.model import Entity, Highlight, Quote
from aiplan_tui.core.safe_text import clean_line
from aiplan_tui.ui.review_view import pack_path
from aiplan_tui.ui.screens.person_dialog import Changes, PersonDialog
from aiplan_tui.ui.screens.review_writing import Editing
from aiplan_tui.ui.screens.speaker_dialog import SpeakerChoice, SpeakerDialog


class PeopleEdits:
    """The person who says the quotation under the cursor, edited or merged."""

    def __init__(self, editing: Editing) -> None:
        self.editing = editing

    def speaker_of(self, h: Highlight) -> Entity | None:
        """The quotation's speaker, or None (said why)."""
        if not isinstance(h, Quote) or not h.speaker:
            self.editing.say("Only a quote's speaker is edited here; set one first (s).")
            return None
        entity = self.editing.pack.entity(h.speaker)
        if entity is None:
            self.editing.say(f"{h.speaker} is not in entities.toml yet: pick them with s.")
        return entity

    def person(self, h: Highlight) -> None:
        """Their name, role, kind, side and aliases."""
        entity = self.speaker_of(h)
        if entity is None:
            return
        path = entity.source.path

        def keep(changes: Changes | None) -> None:
            if changes:
                said = ", ".join(sorted(changes))
                self.editing.write(
                    f"{entity.id}: {said} changed, in {pack_path(self.editing.pack, path)}",
                    lambda: update_entity(path, entity.id, changes, seen=entity),
                )

        self.editing.ask(PersonDialog(entity, self.editing.pack.sides), keep)

    def merge(self, h: Highlight) -> None:
        """Into another person, who is kept: every speaker, claim and mention moves there."""
        entity = self.speaker_of(h)
        if entity is None:
            return
        pack = self.editing.pack
        others = [e for e in pack.entities if e.id != entity.id]
        name = clean_line(entity.name)

        def keep(choice: SpeakerChoice | None) -> None:
            if choice is None or not choice.entity_id:
                return
            kept = choice.entity_id
            into = pack.entity(kept)
            if into is None:
                return

            def merge() -> None:
                merged = merge_entities(pack.root, entity, into)
                self.editing.say(
                    f"Merged {entity.id} into {kept}: {merged.references} reference(s) in "
                    f"{merged.files} file(s) moved; {name} is one of {kept}'s aliases"
                )

            self.editing.write(f"Merged {entity.id} into {kept}", merge)

        title = f"Merge {name} into… (the one kept)"
        self.editing.ask(SpeakerDialog(others, title=title, new=False), keep)
