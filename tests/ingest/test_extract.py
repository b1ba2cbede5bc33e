from __future__ import annotations

import pytest

from rathaus.errors import ExtractionError
from rathaus.ingest.extract import extract_text

pytestmark = pytest.mark.unit


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one text line per page (Helvetica, WinAnsi), written by hand."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               "/Encoding /WinAnsiEncoding >>"]
    kids = []
    for text in pages:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("cp1252")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream")
        content_no = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_no} 0 R "
                       f"/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        body = obj if isinstance(obj, bytes) else obj.encode("latin-1")
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_keeps_pages():
    result = extract_text(make_pdf(["Seite eins: Hundesteuer", "Seite zwei: Straße"]), "application/pdf")
    assert len(result.pages) == 2
    assert "Hundesteuer" in result.pages[0] and "Straße" in result.pages[1]


def test_garbage_pdf_is_an_extraction_error():
    with pytest.raises(ExtractionError):
        extract_text(b"\x00\x01garbage" * 100, "application/pdf")
    with pytest.raises(ExtractionError):
        extract_text(b"%PDF-1.4\n" + b"\x00\xff" * 500, "application/pdf")


def test_plain_text_with_form_feeds_and_charset():
    result = extract_text("Seite 1\fSeite 2 – Gebühr".encode("cp1252"), "text/plain", charset="windows-1252")
    assert result.pages == ["Seite 1", "Seite 2 – Gebühr"]


def test_html_drops_scripts_and_keeps_blocks():
    html = b"<html><head><title>x</title><script>alert(1)</script></head><body><h1>Personalausweis</h1>" \
           b"<p>Sie brauchen ein Foto.</p><ul><li>Geb&uuml;hr: 37 &euro;</li></ul></body></html>"
    text = extract_text(html, "text/html; charset=utf-8").text
    assert "alert" not in text and "Personalausweis" in text and "Gebühr: 37 €" in text


def test_binary_served_as_text_and_unknown_types_are_refused():
    with pytest.raises(ExtractionError):
        extract_text(b"abc\x00def", "text/plain")
    with pytest.raises(ExtractionError):
        extract_text(b"PK\x03\x04", "application/zip")
