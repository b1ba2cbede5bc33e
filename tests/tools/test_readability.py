"""Readability: the German syllable counter and both formulas on examples worked out by hand."""

from __future__ import annotations

import unicodedata

import pytest

from rathaus.errors import InputError
from rathaus.tools.readability import flesch_label, readability, syllables, words, wstf_label

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("word", "expected"), [
    ("Hund", 1), ("schläft", 1), ("Katze", 2), ("Straße", 2),
    ("Feuer", 2),               # eu is one nucleus, then e
    ("Quelle", 2),              # qu: the u is a consonant
    ("Bayern", 2),              # ay
    ("Bürgerbüro", 4),
    ("Gemeindeverwaltung", 6),  # Ge-mein-de-ver-wal-tung
    ("Information", 5),         # In-for-ma-ti-on: i-o is two
    ("Situation", 5),           # Si-tu-a-ti-on
    ("Familie", 4),             # Fa-mi-li-e
    ("Immobilien", 5),          # Im-mo-bi-li-en
    ("studieren", 3),           # stu-die-ren
    ("Leichte-Sprache", 4),     # a hyphenated compound adds up its parts
    ("NRW", 1),                 # no vowel: still one syllable
])
def test_syllables(word, expected):
    assert syllables(word) == expected


def test_words_are_letters_only_and_hyphenated_compounds_are_one_word():
    assert words("Am 1. Januar 2026 zahlt das Bürger-Büro 120 €.") == ["Am", "Januar", "zahlt", "das", "Bürger-Büro"]


def test_short_simple_sentences():
    # "Der Hund bellt. Die Katze schläft."
    # words: Der(1) Hund(1) bellt(1) Die(1) Katze(2) schläft(1) -> 6 words, 7 syllables, 2 sentences
    # SL = ASL = 6/2 = 3; ASW = 7/6 = 1.1667
    # Flesch-Amstad = 180 - 3 - 58.5 * 7/6 = 177 - 68.25 = 108.75
    # MS (>= 3 syllables) = 0 %; IW (> 6 letters: "schläft" has 7) = 1/6 = 16.667 %; ES = 5/6 = 83.333 %
    # WSTF = 0.1935*0 + 0.1672*3 + 0.1297*16.667 - 0.0327*83.333 - 0.875
    #      = 0 + 0.5016 + 2.16167 - 2.725 - 0.875 = -0.93673
    r = readability("Der Hund bellt. Die Katze schläft.")
    assert (r.sentences, r.words, r.syllables) == (2, 6, 7)
    assert r.flesch_amstad == pytest.approx(108.75, abs=0.05)
    assert r.wstf == pytest.approx(-0.937, abs=0.005)
    assert r.pct_long_words == pytest.approx(16.7, abs=0.05) and r.pct_one_syllable == pytest.approx(83.3, abs=0.05)
    assert r.flesch_label == "sehr leicht" and r.wstf_label == "sehr leicht"


def test_administrative_sentence():
    # "Die Gemeindeverwaltung veröffentlicht regelmäßig umfangreiche Informationen."
    # Die(1) Ge-mein-de-ver-wal-tung(6) ver-öf-fent-licht(4) re-gel-mä-ßig(4) um-fang-rei-che(4)
    # In-for-ma-ti-o-nen(6) -> 6 words, 25 syllables, 1 sentence
    # Flesch-Amstad = 180 - 6 - 58.5 * 25/6 = 174 - 243.75 = -69.75
    # MS = 5/6 = 83.333 %; IW: all but "Die" have more than six letters = 83.333 %; ES = 1/6 = 16.667 %
    # WSTF = 0.1935*83.333 + 0.1672*6 + 0.1297*83.333 - 0.0327*16.667 - 0.875
    #      = 16.125 + 1.0032 + 10.80833 - 0.545 - 0.875 = 26.51653
    r = readability("Die Gemeindeverwaltung veröffentlicht regelmäßig umfangreiche Informationen.")
    assert (r.sentences, r.words, r.syllables) == (1, 6, 25)
    assert r.flesch_amstad == pytest.approx(-69.75, abs=0.05)
    assert r.wstf == pytest.approx(26.517, abs=0.005)
    assert r.pct_three_plus_syllables == pytest.approx(83.3, abs=0.05)
    assert r.flesch_label == "sehr schwer" and r.wstf_label == "sehr schwer"


def test_a_mixed_paragraph():
    # "Sie können den Antrag online stellen. Die Bearbeitung dauert etwa zwei Wochen."
    # Sie(1) kön-nen(2) den(1) An-trag(2) on-li-ne(3) stel-len(2)           -> 6 words, 11 syllables
    # Die(1) Be-ar-bei-tung(4) dau-ert(2) et-wa(2) zwei(1) Wo-chen(2)         -> 6 words, 12 syllables
    # (the counter reads "Bearbeitung" as Be-ar-bei-tung: e-a is two nuclei, ei one)
    # 12 words, 23 syllables, 2 sentences: SL = 6, ASW = 23/12 = 1.91667
    # Flesch-Amstad = 180 - 6 - 58.5 * 23/12 = 174 - 112.125 = 61.875
    # MS: online, Bearbeitung = 2/12 = 16.667 %
    # IW (> 6 letters): stellen (7), Bearbeitung (11) = 2/12 = 16.667 % (können, Antrag, online: 6 letters)
    # ES: Sie, den, Die, zwei = 4/12 = 33.333 %
    # WSTF = 0.1935*16.667 + 0.1672*6 + 0.1297*16.667 - 0.0327*33.333 - 0.875
    #      = 3.225 + 1.0032 + 2.16167 - 1.09 - 0.875 = 4.42487
    r = readability("Sie können den Antrag online stellen. Die Bearbeitung dauert etwa zwei Wochen.")
    assert (r.sentences, r.words, r.syllables) == (2, 12, 23)
    assert r.flesch_amstad == pytest.approx(61.875, abs=0.05)
    assert r.wstf == pytest.approx(4.425, abs=0.005)
    assert flesch_label(r.flesch_amstad) == "mittel"


def test_every_line_is_a_sentence_and_umlauts_in_nfd_count():
    text = "Das Amt hat neue Zeiten\nSie können montags kommen"
    assert readability(text).sentences == 2
    nfd = unicodedata.normalize("NFD", "Die Bürger zahlen Gebühren.")
    assert readability(nfd).words == 4 and readability(nfd).syllables == 8  # Die Bür-ger zah-len Ge-büh-ren


def test_labels():
    assert [wstf_label(x) for x in (4, 7, 9, 11, 14)] == ["sehr leicht", "leicht", "mittel", "schwer", "sehr schwer"]
    assert [flesch_label(x) for x in (10, 40, 55, 65, 75, 85, 95)] == [
        "sehr schwer", "schwer", "mittelschwer", "mittel", "mittelleicht", "leicht", "sehr leicht"]


def test_a_text_without_words_is_an_input_error():
    with pytest.raises(InputError) as err:
        readability("123 456 — 7,50 €")
    assert "Wörter" in err.value.user_message
