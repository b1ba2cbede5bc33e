from __future__ import annotations

import pytest

from rathaus.language.german import index_text, query_terms, split_compound, terms

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("a, b", [
    ("Straße", "Strasse"), ("Straße", "Straßen"), ("Müller", "Mueller"), ("Gebühren", "Gebühr"),
    ("Mülltonnen", "Mülltonne"), ("beschließt", "beschliesst"), ("Parkplätze", "Parkplatz"),
])
def test_variants_share_a_term(a, b):
    assert set(terms(a)) & set(terms(b))


@pytest.mark.parametrize("compound, part", [
    ("Straßenbeleuchtung", "Beleuchtung"), ("Kindertagesstätte", "Kinder"), ("Gebührenerhöhung", "Erhöhung"),
    ("Stadtbibliothek", "Bibliothek"), ("Mülltonnen", "Tonnen"), ("Sportstättenentgelte", "Entgelte"),
])
def test_compounds_are_found_by_their_parts(compound, part):
    assert set(terms(part)) <= set(terms(compound))


@pytest.mark.parametrize("word", ["verwaltung", "abstimmung", "häufigsten", "vereinbarung", "einrichtung"])
def test_plain_words_are_not_split(word):
    assert split_compound(word) == ()


def test_stop_words_and_question_words_are_dropped():
    assert terms("Wie viele Kitas gibt es in der Stadt?") == terms("Kitas Stadt")


def test_abbreviations_expand_in_queries():
    assert set(terms("Kindertagesstätte")) <= set(query_terms("Kita"))
    assert set(terms("Nahverkehr")) <= set(query_terms("ÖPNV"))


def test_hyphenated_words():
    assert {"e", "mobilitat"} & set(terms("E-Mobilität")) or "emobilitat" in terms("E-Mobilität")
    assert set(terms("Haltestelle")) <= set(terms("Bus-Haltestelle"))


def test_index_text_is_nfc_and_lowercase():
    decomposed = "Stra\u00dfe Mu\u0308ller"  # ü as u + combining diaeresis
    assert index_text(decomposed) == index_text("Straße Müller")
