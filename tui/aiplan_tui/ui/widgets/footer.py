"""The footer: the keys of the moment, as many whole keys as fit, in the order they were bound.

Textual's footer lets keys run under the palette key docked at its right, so at 80 columns
the last one was cut mid-word (`t Th▏^p palette`). This one hides the keys that do not fit
whole, from the end, so what is shown can be read and pressed; `?` lists them all.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Footer

FIT_TRIES = 5
"""Refreshes to wait for new keys to be laid out before fitting them."""
PALETTE_CLASS = "-command-palette"
"""The class Textual gives the palette key, docked at the footer's right."""


class KeysFooter(Footer):
    """A footer that shows only the keys it has room for, whole."""

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.fit_keys)

    _composed: tuple[object, ...] | None = None
    """What the keys were last built from (None: not built since mounted)."""

    async def recompose(self) -> None:
        """Textual rebuilds the keys whenever the bindings may have changed (a dozen times as
        the app starts, every key measured and styled again each time): only when the keys
        to show did change, then fit the new ones."""
        if not self.is_attached:
            return  # (as Textual's own does)
        shown = self._keys_shown()
        if shown == self._composed:
            return
        await super().recompose()
        self._composed = shown
        self.call_after_refresh(self.fit_keys)

    def compose(self) -> ComposeResult:
        """Textual's keys, those bound to the footer's `compact` made as compact as it is
        already: each was made compact, then bound to the footer's setting, and so styled
        twice more as it mounted (a tenth of the footer's start), for the same look. (The
        palette key is not bound: it stays compact.)"""
        for widget in super().compose():
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive) and not widget.has_class(PALETTE_CLASS):
                widget.set_reactive(compact, self.compact)
            yield widget

    def _keys_shown(self) -> tuple[object, ...]:
        """The footer's keys as the screen's bindings give them: each key, what it does and
        says, and whether it can act now."""
        return tuple(
            (binding.key, binding.action, binding.description, binding.show, binding.group,
             self.app.get_key_display(binding), enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        )  # fmt: skip

    def fit_keys(self, tries: int = 0) -> None:
        """Hide the keys past the room left of the palette key. Keys just composed are
        measured once laid out (before, their styles, padding included, are not applied)."""
        if not self.is_attached:
            return
        if any(child.display and not child.outer_size.width for child in self.children):
            if tries < FIT_TRIES:
                self.call_after_refresh(self.fit_keys, tries + 1)
            return
        keys = [child for child in self.children if not child.has_class(PALETTE_CLASS)]
        room = self.size.width - sum(
            self._width(child) for child in self.children if child.has_class(PALETTE_CLASS)
        )
        used = 0
        fits = True
        for key in keys:
            used += self._width(key)
            fits = fits and used <= room
            if key.display != fits:
                key.display = fits

    def _width(self, widget: Widget) -> int:
        """The cells a key takes, shown or not: as laid out, else its text and gutter; and
        its margins."""
        if widget.display and widget.outer_size.width:
            width = widget.outer_size.width
        else:
            width = widget.get_content_width(self.size, self.app.size) + widget.styles.gutter.width
        return width + widget.styles.margin.width

    def shown_keys(self) -> list[str]:
        """The keys on show now, palette key included, left to right."""
        return [str(getattr(child, "key", "")) for child in self.children if child.display]
