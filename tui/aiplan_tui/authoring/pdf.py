"""An article's text from a PDF: pdfminer.six's text boxes (it finds the blocks of a page and
their reading order, columns included), the running headers, footers and page numbers left
out, the lines of a block joined into a paragraph with hyphenation at line ends undone, a
paragraph carried on across a page or column break, and each paragraph's page kept.

pdfminer.six was measured against pypdf on four policy PDFs (docs/authoring.md#pdf): the
same words, but pypdf's text has no paragraph breaks where pdfminer's boxes do."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass

from aiplan_tui.authoring.paragraphs import Block, joined_paragraphs

MARGIN = 0.1
"""Running headers and footers sit in the top or bottom tenth of the page."""
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?(?:\d{1,4}|(?=[ivxlc])c?(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]",
    re.IGNORECASE,
)
_LIGATURES = dict.fromkeys(map(ord, "ﬀﬁﬂﬃﬄﬅﬆ"))
_CID = re.compile(r"\(cid:\d+\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BAD_TITLE = re.compile(
    r"^(?:microsoft \w+ - |untitled\b)|\.(?:docx?|pdf|indd|pptx?|rtf|odt)$", re.IGNORECASE
)


COLUMN_SLACK = 12.0
"""Points a column's text may reach past the page's middle (about a sixth of an inch)."""


class PdfError(Exception):
    """Why no text can be had from the PDF (what to do about it)."""


@dataclass(frozen=True)
class PdfText:
    """What the PDF gives: its paragraphs, the page each starts on, and its own title."""

    paragraphs: tuple[str, ...]
    pages: tuple[int, ...]
    title: str


@dataclass(frozen=True)
class _Box:
    page: int
    top: float
    """Distance from the page's top edge to the box's, as a share of the page's height."""
    bottom: float
    lines: tuple[str, ...]

    @property
    def words(self) -> str:
        """The box's words, lower case, spaces collapsed."""
        return " ".join(" ".join(self.lines).lower().split())

    @property
    def key(self) -> str:
        """The box's words with every number alike: "Page 4" and "Page 5" are one footer."""
        return re.sub(r"\d+", "#", self.words)


def read_pdf(data: bytes) -> PdfText:
    """The text of the PDF's pages; PdfError when it is damaged, locked with a password, or
    has no text (scanned pages)."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings are not for users
    try:
        boxes, title, count = _boxes(data)
    except PdfError:
        raise
    except Exception as exc:  # a damaged file raises anything from deep inside pdfminer
        detail = " ".join(str(exc).split())[:80] or type(exc).__name__
        raise PdfError(
            f"it is not a PDF that can be read ({detail}): the file may be damaged or cut "
            "short; download it again, or open it and save a copy"
        ) from exc
    repeated = _repeated_in_margins(boxes, count)
    kept = [box for box in boxes if not _furniture(box, repeated)]
    if boxes and not kept:
        raise PdfError(
            "its pages hold nothing but running headers, footers and page numbers: there is "
            "no text to take"
        )
    blocks = [Block(box.page, box.lines) for box in kept]
    paragraphs, pages = joined_paragraphs(blocks)
    if not paragraphs:
        raise PdfError(
            f"none of its {count} page{'' if count == 1 else 's'} has text to take (scanned "
            "pages are pictures of text): run it through OCR first (ocrmypdf in.pdf out.pdf) "
            "and give the result"
        )
    return PdfText(tuple(paragraphs), tuple(pages), title)


def _boxes(data: bytes) -> tuple[list[_Box], str, int]:
    """Every text box of every page, in reading order; the document's title; its pages."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTPage
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect as exc:
        raise PdfError(
            "it is locked with a password: open it with the password and save or print an "
            "unlocked copy, then give that"
        ) from exc
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    boxes: list[_Box] = []
    count = 0
    for count, page in enumerate(PDFPage.create_pages(document), start=1):
        interpreter.process_page(page)
        layout = device.get_result()
        assert isinstance(layout, LTPage)
        boxes.extend(_page_boxes(layout, count))
    return boxes, _title(document), count


def _page_boxes(layout: object, number: int) -> list[_Box]:
    from pdfminer.layout import LTPage, LTTextBox

    assert isinstance(layout, LTPage)
    height = layout.height or 1.0
    middle = (layout.x0 + layout.x1) / 2
    placed: list[tuple[float, float, float, _Box]] = []
    for item in layout:
        if not isinstance(item, LTTextBox):
            continue
        lines = tuple(line for line in (_clean(t) for t in item.get_text().split("\n")) if line)
        if lines:
            top = (layout.y1 - item.y1) / height
            box = _Box(number, top, (item.y0 - layout.y0) / height, lines)
            placed.append((item.x0 - middle, item.x1 - middle, top, box))
    return _reading_order(placed)


def _reading_order(placed: list[tuple[float, float, float, _Box]]) -> list[_Box]:
    """Top to bottom; where the page has two columns, the left one before the right one.
    Each entry is (left, right, top, box), left and right measured from the page's middle:
    a box across the middle is as wide as the page, and the columns between two such boxes
    are read one after the other."""
    ordered: list[_Box] = []
    band: list[tuple[float, float, float, _Box]] = []
    for entry in sorted(placed, key=lambda e: e[2]):
        left, right = entry[0], entry[1]
        if left < -COLUMN_SLACK and right > COLUMN_SLACK:
            ordered.extend(_columns(band))
            band = []
            ordered.append(entry[3])
        else:
            band.append(entry)
    ordered.extend(_columns(band))
    return ordered


def _columns(band: list[tuple[float, float, float, _Box]]) -> list[_Box]:
    left = [e for e in band if e[1] <= COLUMN_SLACK]
    right = [e for e in band if e[1] > COLUMN_SLACK]
    return [e[3] for part in (left, right) for e in sorted(part, key=lambda e: e[2])]


def _clean(line: str) -> str:
    """A line's text: ligatures as letters, unmapped glyphs and control characters gone,
    spaces collapsed."""
    line = line.translate({k: unicodedata.normalize("NFKC", chr(k)) for k in _LIGATURES})
    line = _CONTROL.sub("", _CID.sub("", line)).replace("\u00a0", " ")
    return " ".join(line.split())


def _in_margin(box: _Box) -> bool:
    return box.top <= MARGIN or box.bottom <= MARGIN


def _repeated_in_margins(boxes: list[_Box], count: int) -> set[str]:
    """Running words: the same words in the margin of more than one page, or words that differ
    only in their numbers ("Page 4", "Page 5") in the margins of more than half the pages. A
    numbered heading at the top of a few pages ("Chapter 5", "Chapter 6") is text."""
    same: dict[str, set[int]] = {}
    alike: dict[str, set[int]] = {}
    for box in boxes:
        if _in_margin(box):
            same.setdefault(box.words, set()).add(box.page)
            alike.setdefault(box.key, set()).add(box.page)
    repeated = {words for words, seen in same.items() if len(seen) > 1}
    return repeated | {key for key, seen in alike.items() if len(seen) > max(1, count / 2)}


def _furniture(box: _Box, repeated: set[str]) -> bool:
    """A running header or footer: in the top or bottom margin, and a page number or running
    words (`_repeated_in_margins`)."""
    if not _in_margin(box):
        return False
    page_number = _PAGE_NUMBER.fullmatch(" ".join(box.lines))
    return bool(page_number) or box.words in repeated or box.key in repeated


def _title(document: object) -> str:
    """The title the PDF's own metadata gives, unless it is a file name or a placeholder."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in getattr(document, "info", []) or []:
        value = resolve1(resolve1(info).get("Title")) if isinstance(resolve1(info), dict) else None
        if isinstance(value, bytes):
            value = decode_text(value)
        if isinstance(value, str):
            title = " ".join(_CONTROL.sub("", value).split())
            if len(title) > 3 and not _BAD_TITLE.search(title):
                return title
    return ""
