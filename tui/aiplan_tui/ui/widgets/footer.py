"""The footer: the keys of the moment, as many whole keys as fit, in the order they were bound.

Textual's footer lets keys run under the palette key docked at its right, so at 80 columns
the last one was cut mid-word (`t Th▏^p palette`). This one hides the keys that do not fit
whole, from the end, so what is shown can be read and pressed; `?` lists them all.
"""

from __future__ import annotations

from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer

PALETTE_CLASS = "-command-palette"
"""The class Textual gives the palette key, docked at the footer's right."""


class KeysFooter(Footer):
    """A footer that shows only the keys it has room for, whole."""

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.fit_keys)

    async def recompose(self) -> None:
        """Textual rebuilds the keys when the bindings change; fit the new ones."""
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self) -> None:
        if not self.is_attached:
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
        """The cells a key takes, shown or not: its text, padding, border and margins."""
        content = widget.get_content_width(self.size, self.app.size)
        return content + widget.styles.gutter.width + widget.styles.margin.width

    def shown_keys(self) -> list[str]:
        """The keys on show now, palette key included, left to right."""
        return [str(getattr(child, "key", "")) for child in self.children if child.display]
