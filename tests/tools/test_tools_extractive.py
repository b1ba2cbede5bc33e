"""The tools with the extractive backend (no model): summarising gives a labelled excerpt, every other
tool refuses with ToolUnavailable and a German message naming what to configure."""

from __future__ import annotations

import pytest

from rathaus.errors import InputError
from rathaus.tools import ToolUnavailable, letter, outline, plain_language, summarise, translate
from rathaus.tools.summarise import EXCERPT_SENTENCES, candidate_sentences

pytestmark = pytest.mark.unit

# A council paper: the central sentences are about the street lighting; the others are procedure.
PAPER = """Erneuerung der Straßenbeleuchtung in der Hauptstraße

Die Straßenbeleuchtung in der Hauptstraße ist über 40 Jahre alt und verbraucht viel Strom.
Die Verwaltung schlägt vor, die Straßenbeleuchtung in der Hauptstraße vollständig auf LED-Leuchten umzustellen.
Mit LED-Leuchten sinkt der Stromverbrauch der Straßenbeleuchtung um etwa 60 Prozent.
Die Sitzung begann um 18 Uhr im großen Saal des Rathauses.
Die Kosten der neuen Straßenbeleuchtung betragen 230.000 Euro, davon werden 40 Prozent gefördert.
Frau Müller bedankte sich bei allen Anwesenden für ihr Kommen.
Der Bauhof übernimmt die Wartung der LED-Leuchten in der Hauptstraße.
Die nächste Sitzung findet im Oktober statt."""


def test_the_excerpt_is_labelled_and_quotes_central_sentences_in_order(extractive):
    result = summarise(extractive, PAPER, length="kurz")
    assert result.method == "auszug" and result.tool == "summarise"
    assert result.notice.startswith("Auszug") and "keine erzeugte Zusammenfassung" in result.notice
    assert result.backend == "extractive" and result.model == "extractive"
    candidates = candidate_sentences(PAPER)
    assert result.sentences == sorted(result.sentences) and len(result.sentences) == EXCERPT_SENTENCES["kurz"]
    assert result.text == " ".join(candidates[i] for i in result.sentences)  # verbatim, original order
    assert all(candidates[i] in PAPER for i in result.sentences)
    chosen = " ".join(candidates[i] for i in result.sentences)
    assert "Straßenbeleuchtung" in chosen
    assert "Frau Müller" not in chosen and "18 Uhr" not in chosen and "nächste Sitzung" not in chosen
    assert result.timings["calls"] == 0 and result.timings["total_ms"] >= 0


def test_length_and_style_of_the_excerpt(extractive):
    short = summarise(extractive, PAPER, length="kurz", style="stichpunkte")
    longer = summarise(extractive, PAPER, length="mittel", style="stichpunkte")
    assert len(longer.sentences) > len(short.sentences)
    assert all(line.startswith("- ") for line in short.text.split("\n"))
    # a text with fewer sentences than asked for is quoted whole
    everything = summarise(extractive, PAPER, length="lang")
    assert len(everything.sentences) == len(candidate_sentences(PAPER))


def test_a_text_without_sentences_gives_its_start(extractive):
    result = summarise(extractive, "Haushalt 2026 Teilhaushalt 1 Produkt 11.01")
    assert result.method == "auszug" and result.text == "Haushalt 2026 Teilhaushalt 1 Produkt 11.01"


@pytest.mark.parametrize(("call", "label"), [
    (lambda b: plain_language(b, PAPER), "„Einfache Sprache“"),
    (lambda b: plain_language(b, PAPER, level="leicht"), "„Leichte Sprache“"),
    (lambda b: translate(b, PAPER, target="en"), "„Übersetzen“"),
    (lambda b: outline(b, PAPER, form="mindmap"), "„Mindmap“"),
    (lambda b: outline(b, PAPER), "„Gliederung“"),
    (lambda b: letter(b, ["Antrag eingegangen"], kind="email"), "„E-Mail schreiben“"),
])
def test_generative_tools_refuse_without_a_model(extractive, call, label):
    with pytest.raises(ToolUnavailable) as err:
        call(extractive)
    exc = err.value
    assert exc.code == "generative_model_required"
    assert "needs a generative backend" in str(exc)
    assert label in exc.user_message and "generatives Sprachmodell" in exc.user_message
    assert 'kind = "llamacpp"' in exc.user_message


@pytest.mark.parametrize("call", [
    lambda b: summarise(b, PAPER, length="sehr lang"),
    lambda b: summarise(b, PAPER, style="gedicht"),
    lambda b: summarise(b, ""),
    lambda b: summarise(b, "x" * 100_001),
    lambda b: plain_language(b, PAPER, level="schwer"),
    lambda b: translate(b, PAPER, target="xx"),
    lambda b: translate(b, PAPER, target="de", source="de"),
    lambda b: outline(b, PAPER, form="tabelle"),
    lambda b: letter(b, ["Punkt"], kind="fax"),
])
def test_bad_options_are_input_errors_before_anything_else(extractive, call):
    with pytest.raises(InputError) as err:
        call(extractive)
    assert err.value.user_message


def test_letter_points_are_checked(scripted):
    for points in ([], ["", "  "], ["x" * 501], ["Punkt"] * 31, "kein Text\x00"):
        with pytest.raises(InputError):
            letter(scripted, points)
    assert not scripted.calls
