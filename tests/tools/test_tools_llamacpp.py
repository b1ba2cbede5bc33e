"""Each generative tool once with the real packaged 0.5B model (llamacpp, in-process).

Short inputs and small ``max_tokens`` (the model writes 15–20 tokens/s on 2 cores). The 0.5B model's
German is weak, so the assertions are about structure, never wording: a non-empty text, a
translation that differs from its input, a mind map that is valid Mermaid, readability scores for
both versions. Skipped without llama-cpp-python.
"""

from __future__ import annotations

import pytest

from rathaus.tools import check_mindmap, letter, outline, plain_language, summarise, translate
from tests.tools.conftest import HUNDESTEUER

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_chat_streams_pieces_and_reports_its_context(local_backend):
    pieces = list(local_backend.chat([{"role": "user", "content": "Sag Hallo."}], max_tokens=8, temperature=0.0))
    assert pieces and all(isinstance(p, str) for p in pieces) and "".join(pieces).strip()
    assert local_backend.context_tokens == 4096


def test_summarise(local_backend):
    result = summarise(local_backend, HUNDESTEUER, length="kurz", max_tokens=60)
    assert result.method == "generativ" and result.text.strip()
    assert result.model == local_backend.model and result.timings["calls"] == 1


def test_plain_language(local_backend):
    result = plain_language(local_backend, HUNDESTEUER, level="einfach", max_tokens=60)
    assert result.text.strip() and result.after.words > 0
    assert result.before.words == 36 and result.before.sentences == 4
    assert isinstance(result.after.wstf, float) and isinstance(result.after.flesch_amstad, float)


def test_translate(local_backend):
    text = "Das Bürgerbüro ist am Montag geschlossen."
    result = translate(local_backend, text, target="en", max_tokens=40)
    assert result.text.strip() and result.text.strip() != text
    assert result.target_name == "English"


def test_mindmap(local_backend):
    result = outline(local_backend, HUNDESTEUER, form="mindmap", max_tokens=90)
    tree = check_mindmap(result.text)  # valid Mermaid, whatever the model wrote
    assert result.text.startswith("mindmap\n  root((") and tree.children and result.nodes >= 2


def test_letter(local_backend):
    result = letter(local_backend, ["Hundesteuer ab 2026: 120 Euro für den ersten Hund", "Bescheid folgt"],
                    kind="email", max_tokens=80)
    assert result.text.strip() and isinstance(result.placeholders, list)
    assert all(p.startswith("[") and p.endswith("]") for p in result.placeholders)
