from __future__ import annotations

import doctest

import pytest

import rathaus.ingest.chunk
import rathaus.language.german
import rathaus.search.fusion
import rathaus.search.snippets
from rathaus.search.fusion import rrf
from rathaus.search.snippets import snippet

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("module", [rathaus.search.fusion, rathaus.search.snippets, rathaus.ingest.chunk,
                                    rathaus.language.german])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


def test_rrf_rewards_agreement_and_is_deterministic():
    fused = rrf([["a", "b"], ["b", "c"]])
    assert [k for k, _ in fused] == ["b", "a", "c"]
    assert rrf([["x"], ["y"]]) == rrf([["x"], ["y"]])


def test_snippet_marks_german_variants_and_escapes_html():
    s = snippet("<b>Die Strasse</b> wird saniert. " + "Füllwort " * 100 + "Am Ende die Straßen.",
                ["strass"], width=120)
    assert "<mark>Strasse</mark>" in s and "&lt;b&gt;" in s and s.endswith("…")
