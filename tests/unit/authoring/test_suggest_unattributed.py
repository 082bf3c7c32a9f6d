"""Issue 29: a quotation whose speaker `add` could not find is still a valid suggestion."""

from __future__ import annotations

import pytest

from aiplan_tui.authoring import review
from aiplan_tui.core.model import Quote
from aiplan_tui.pack.loader import load_pack
from conftest import HIGHLIGHTS, PackFactory


def test_a_suggested_quote_without_a_speaker_loads_with_a_warning(
    make_pack: PackFactory,
) -> None:
    suggested = HIGHLIGHTS.replace('speaker = "george-chen"\n', 'status = "suggested"\n', 1)
    result = load_pack(make_pack({"highlights/wire.toml": suggested}))
    assert not result.problems.errors
    [warning] = result.problems.warnings
    assert "no speaker yet" in warning.format()
    [quote] = [q for q in result.pack.suggested if q.id == "q-camps"]
    assert isinstance(quote, Quote) and quote.speaker == ""


def test_an_accepted_quote_still_needs_a_speaker(make_pack: PackFactory) -> None:
    accepted = HIGHLIGHTS.replace('speaker = "george-chen"\n', "", 1)
    result = load_pack(make_pack({"highlights/wire.toml": accepted}))
    [error] = result.problems.errors
    assert 'missing required field "speaker"' in error.format()
    assert result.pack.highlight("q-camps") is None


def test_review_will_not_accept_it_until_it_has_a_speaker(make_pack: PackFactory) -> None:
    suggested = HIGHLIGHTS.replace('speaker = "george-chen"\n', 'status = "suggested"\n', 1)
    root = make_pack({"highlights/wire.toml": suggested})
    path = root / "highlights" / "wire.toml"
    before = path.read_bytes()
    with pytest.raises(review.ReviewError, match="needs a speaker"):
        review.accept(path, "q-camps")
    assert path.read_bytes() == before
    review.update(path, "q-camps", {"speaker": "george-chen"})
    review.accept(path, "q-camps")
    result = load_pack(root)
    assert not result.problems.errors and not result.problems.warnings
    assert result.pack.highlight("q-camps") is not None
