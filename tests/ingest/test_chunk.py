from __future__ import annotations

import pytest

from rathaus.documents import Document, Passage
from rathaus.ingest.chunk import chunk_document, is_heading

pytestmark = pytest.mark.unit

VORLAGE = """Beschlussvorlage

Vorlage Nr.: 2025/0012

Beschlussantrag

Der Gemeinderat beschließt den Neubau der Kindertagesstätte Lindenweg.

1. Ausgangslage

{long}

2. Planung

2.1 Varianten

Es wurden drei Varianten geprüft. Variante B ist die günstigste.

Finanzielle Auswirkungen

Gesamtkosten: 4,2 Mio. Euro."""


def make(text: str, pages: int = 1) -> Document:
    passages = [Passage(text, page=i + 1 if pages > 1 else None, file_id="f1", file_name="Vorlage")
                for i in range(pages)]
    return Document("d1", "c", "Paper", "Kita Lindenweg", passages=passages)


@pytest.mark.parametrize("line, expected", [
    ("1. Ausgangslage", True), ("2.1 Varianten", True), ("Begründung", True), ("Finanzielle Auswirkungen", True),
    ("# Titel", True), ("IV. Beschluss", True), ("Der Gemeinderat beschließt den Neubau.", False),
    ("3. Mai 2025 wurde beschlossen, dass die Stadt handelt und die Kosten übernimmt, soweit sie", False),
    ("", False),
])
def test_heading_detection(line, expected):
    assert is_heading(line) is expected


def test_chunks_follow_sections_and_stay_within_target():
    long = " ".join(["Der Bedarf an Betreuungsplätzen steigt seit Jahren deutlich an."] * 40)
    chunks = chunk_document(make(VORLAGE.format(long=long)), target=600, overlap=80)
    assert all(len(c.text) <= 600 for c in chunks)
    sections = [c.section for c in chunks]
    assert "1. Ausgangslage" in sections and sections[-1] == "2. Planung"
    assert [c.ord for c in chunks] == list(range(len(chunks)))
    assert chunks[0].lead and not any(c.lead for c in chunks[1:])
    assert all(c.file_id == "f1" and c.file_name == "Vorlage" for c in chunks)
    # long paragraphs are split at sentence ends with overlap: no text is lost
    joined = " ".join(c.text for c in chunks)
    assert "Gesamtkosten: 4,2 Mio. Euro." in joined and "Variante B ist die günstigste." in joined


def test_chunks_never_span_pages():
    chunks = chunk_document(make("Kurzer Text auf einer Seite.", pages=3))
    assert [c.page for c in chunks] == [1, 2, 3]


def test_empty_document_gives_no_chunks():
    assert chunk_document(Document("d", "c", "Paper", "T", passages=[Passage("  \n\n ")])) == []
