"""Small PDFs made in the tests (fpdf2), laid out as policy documents are: a running header
and footer with the page's number, paragraphs given line by line (so a test chooses where a
word is hyphenated across a line end), one or two columns; and the PDFs `add` must refuse:
locked with a password, pictures of pages with no text, damaged bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fpdf import FPDF

Paragraph = Sequence[str]
"""A paragraph as its lines on the page."""
LINE = 5.0
"""Millimetres from one line to the next in a paragraph; twice that between paragraphs."""


@dataclass(frozen=True)
class Layout:
    header: str = "National AI Plan - Consultation draft"
    footer: str = "Page {page}"
    """The footer's text; `{page}` is the page's number."""
    columns: int = 1
    title: str = ""
    """The PDF's own metadata title ("" for none)."""
    top: float = 40.0
    """Millimetres from the page's top edge to the first line (under 29.7: in the top tenth)."""


def policy_pdf(pages: Sequence[Sequence[Paragraph]], layout: Layout = Layout()) -> bytes:
    """A PDF of these pages, each a list of paragraphs, laid out in `layout`."""
    pdf = _document(layout)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        _furniture(pdf, layout, number)
        _body(pdf, paragraphs, layout.columns, layout.top)
    return bytes(pdf.output())


def _document(layout: Layout) -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=11)
    if layout.title:
        pdf.set_title(layout.title)
    return pdf


def _furniture(pdf: FPDF, layout: Layout, number: int) -> None:
    pdf.set_font("helvetica", size=9)
    if layout.header:
        pdf.text(20, 12, layout.header)
    if layout.footer:
        pdf.text(100, 288, layout.footer.format(page=number))
    pdf.set_font("helvetica", size=11)


def _body(pdf: FPDF, paragraphs: Sequence[Paragraph], columns: int, top: float) -> None:
    """The paragraphs down the page, in `columns` columns: a column that is full goes on at
    the next one's top."""
    lefts = [20.0] if columns == 1 else [20.0, 110.0]
    column, y = 0, top
    for paragraph in paragraphs:
        for line in paragraph:
            if y > 260:
                column, y = column + 1, top
            pdf.text(lefts[min(column, len(lefts) - 1)], y, line)
            y += LINE
        y += LINE


def locked_pdf() -> bytes:
    """A PDF that opens only with its password."""
    pdf = _document(Layout())
    pdf.add_page()
    pdf.text(20, 40, "Nothing here can be read without the password.")
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    return bytes(pdf.output())


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are pictures, as a scanner makes them: no text at all."""
    from PIL import Image

    pdf = FPDF(format="A4", unit="mm")
    for _ in range(pages):
        pdf.add_page()
        pdf.image(Image.new("L", (60, 80), color=200), x=20, y=20, w=170)
    return bytes(pdf.output())


def damaged_pdf() -> bytes:
    """What is left of a PDF whose download broke after its first bytes."""
    whole = policy_pdf([[["A paragraph that will not survive."]]])
    return whole[:40] + b"\x00garbage\xff" * 20
