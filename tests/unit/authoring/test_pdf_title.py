"""A PDF's title (authoring/source.py from_pdf): the PDF's own metadata title, unless it is a
file name; else a short first line without a full stop, taken out of the paragraphs."""

from __future__ import annotations

import pytest

from aiplan_tui.authoring.source import from_pdf
from pdf_maker import Layout, policy_pdf

PAGES = [
    [["Winning the AI Race"], ["The plan has three pillars."]],
    [["Each pillar has its own actions."]],
]


@pytest.mark.parametrize(
    ("metadata", "title", "first"),
    [
        ("America's AI Action Plan", "America's AI Action Plan", "Winning the AI Race"),
        ("Microsoft Word - plan-final.docx", "Winning the AI Race", "The plan has three pillars."),
        ("", "Winning the AI Race", "The plan has three pillars."),
        ("Winning the AI Race", "Winning the AI Race", "The plan has three pillars."),
    ],
)
def test_the_title_is_the_pdfs_own_unless_it_is_a_file_name(
    metadata: str, title: str, first: str
) -> None:
    read = from_pdf(policy_pdf(PAGES, Layout(title=metadata)))
    assert (read.title, read.title_source, read.paragraphs[0]) == (title, "article", first)
    assert read.pages[-1] == 2
