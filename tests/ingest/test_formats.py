"""extract_upload: every format's text, title, sections and pages, and refusals of bad input.

Every test file is built here: DOCX and ODT from hand-written XML, PDFs with pypdf's PdfWriter,
e-mails with EmailMessage, and zip bombs by hand (repeated deflate blocks, so 300 MB of zeros
costs a few kilobytes and no compression time).
"""

from __future__ import annotations

import io
import random
import struct
import time
import tracemalloc
import zipfile
import zlib
from email.message import EmailMessage
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from rathaus.errors import InputError
from rathaus.ingest.formats import (
    CorruptFile,
    EmptyDocument,
    EncryptedFile,
    TooLarge,
    UnsupportedFormat,
    UploadText,
    extract_upload,
)

pytestmark = pytest.mark.unit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --- builders ---------------------------------------------------------------------------------------

def w_para(text: str, style: str | None = None, extra_ppr: str = "") -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + extra_ppr
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def w_table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{w_para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{cells}</w:tbl>"


def w_document(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
            f'xmlns:mc="{MC}"><w:body>{body}<w:sectPr/></w:body></w:document>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>
    <w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="AmtUeberschrift"><w:name w:val="Amt Überschrift"/>
    <w:basedOn w:val="berschrift2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Hinweis"><w:name w:val="Hinweis"/><w:basedOn w:val="Standard"/></w:style>
</w:styles>"""


def core_xml(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
            'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>Amt 66 Bauhof</dc:creator>"
            "<dcterms:created>2025-01-06T08:00:00Z</dcterms:created></cp:coreProperties>")


def make_docx(body: str = "", *, document_xml: str | None = None, title: str | None = None,
              styles: str | None = None, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                          'package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml or w_document(body), compress_type=method)
        if styles:
            z.writestr("word/styles.xml", styles)
        if title is not None:
            z.writestr("docProps/core.xml", core_xml(title))
    return buf.getvalue()


DOCX_BODY = "".join([
    w_para("Dienstanweisung Winterdienst", "Title"),
    w_para("Gilt für alle Mitarbeitenden des Bauhofs."),
    w_para("1 Räumpflicht", "Heading1"),
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    "<w:r><w:t>Gehwege</w:t></w:r><w:r><w:tab/><w:t>bis 7 Uhr räumen.</w:t></w:r>"
    "<w:del><w:r><w:delText>GELÖSCHT</w:delText></w:r></w:del>"
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r></w:p>',
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>'
    + w_para("Textfeld: Notruf 112") + "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>"
    + w_para("Textfeld: Notruf 112") + "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>",
    w_para("1.1 Streugut", "berschrift2"),
    w_table([["Fläche", "Streugut"], ["Gehweg", "Sand"], ["Radweg", "Sole"]]),
    w_para("2 Haftung", "AmtUeberschrift"),
    w_para("Die Stadt haftet nach § 839 BGB.", "Hinweis"),
    w_para("3 Kontakt", None, '<w:outlineLvl w:val="0"/>'),
    w_para("Bauhof, Telefon 0301 12345"),
])

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODT_BODY = """
<text:h text:outline-level="1">Parkraumkonzept</text:h>
<text:p>Die Innenstadt   wird<text:s text:c="2"/>neu geordnet.<office:annotation><text:p>Kommentar intern</text:p>
</office:annotation></text:p>
<text:h text:outline-level="2">Gebühren</text:h>
<table:table table:name="Tabelle1"><table:table-column/>
  <table:table-header-rows><table:table-row><table:table-cell><text:p>Zone</text:p></table:table-cell>
    <table:table-cell><text:p>Euro je Stunde</text:p></table:table-cell></table:table-row></table:table-header-rows>
  <table:table-row><table:table-cell><text:p>Altstadt</text:p></table:table-cell>
    <table:table-cell><text:p>3,00</text:p></table:table-cell></table:table-row>
</table:table>
<text:list><text:list-item><text:p>Anwohnerparken<text:tab/>30 € im Jahr<text:line-break/>ab 1. März</text:p>
</text:list-item></text:list>
"""


def make_odt(body: str = ODT_BODY, *, title: str | None = "Parkraumkonzept Innenstadt",
             mimetype: str = "application/vnd.oasis.opendocument.text", manifest: str | None = None) -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{OFFICE_NS}" '
               f'xmlns:text="{TEXT_NS}" xmlns:table="{TABLE_NS}" office:version="1.3"><office:automatic-styles/>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        if title is not None:
            z.writestr("meta.xml", f'<?xml version="1.0"?><office:document-meta xmlns:office="{OFFICE_NS}" '
                                   'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:'
                                   f'opendocument:xmlns:meta:1.0"><office:meta><dc:title>{escape(title)}</dc:title>'
                                   "<meta:initial-creator>Amt 61</meta:initial-creator></office:meta>"
                                   "</office:document-meta>")
        if manifest:
            z.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def make_pdf(pages: list[str], *, title: str | None = None, user_password: str | None = None) -> bytes:
    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    for text in pages:
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        if text:
            stream = DecodedStreamObject()
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            stream.set_data(f"BT /F1 12 Tf 72 760 Td ({escaped}) Tj ET".encode("cp1252"))
            page.replace_contents(stream)
    if title:
        writer.add_metadata({"/Title": title, "/Author": "Amt 32"})
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="verwaltung", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_mail(*, attachments: bool = True) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Maria Meier <m.meier@musterstadt.de>"
    msg["To"] = "Bauhof <bauhof@musterstadt.de>"
    msg["Subject"] = "Winterdienst: Einsatzplan für Januar"
    msg["Date"] = "Mon, 06 Jan 2025 07:30:00 +0100"
    msg.set_content("Guten Morgen,\n\nanbei der Einsatzplan. Streubeginn ist um 5 Uhr.\n\nGrüße\nMaria Meier\n")
    msg.add_alternative("<p>HTML-Fassung des Textes</p>", subtype="html")
    if attachments:
        msg.add_attachment(make_docx(w_para("Einsatzplan", "Heading1") + w_para("Tour 1: Marktplatz.")),
                           maintype="application", subtype=DOCX_TYPE.split("/")[1], filename="Einsatzplan.docx")
        msg.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(64), maintype="image", subtype="png", filename="logo.png")
        inner = EmailMessage()
        inner["From"] = "Leitstelle <leitstelle@musterstadt.de>"
        inner["Subject"] = "GlätteWarnung"
        inner["Date"] = "Sun, 05 Jan 2025 22:00:00 +0100"
        inner.set_content("Ab Mitternacht Glatteis erwartet.")
        inner.add_attachment(make_pdf(["Wetterbericht"]), maintype="application", subtype="pdf",
                             filename="Wetter.pdf")
        msg.add_attachment(inner, filename="Warnung.eml")
    return bytes(msg)


def raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand: (name, data as stored, method, crc, declared uncompressed size)."""
    out, central = bytearray(), bytearray()
    for name, data, method, crc, size in members:
        encoded, offset = name.encode(), len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc, len(data), size,
                           len(encoded), 0) + encoded + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def deflated_zeros(megabytes: int) -> tuple[bytes, int]:
    """Raw deflate of ``megabytes`` MiB of zeros, and its CRC. After a full flush the compressor starts
    afresh, so one 4 MiB block repeated is a valid stream: no time spent compressing 300 MB."""
    piece = bytes(4 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(piece) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(megabytes // 4):
        crc = zlib.crc32(piece, crc)
    return block * (megabytes // 4) + compressor.flush(), crc


@pytest.fixture(scope="module")
def zeros_300mb() -> tuple[bytes, int]:
    return deflated_zeros(300)


def sections(result: UploadText) -> list[str | None]:
    return [p.section for p in result.passages]


# --- formats ----------------------------------------------------------------------------------------

def test_pdf_pages_title_metadata_and_scanned_page_warning():
    data = make_pdf(["Seite eins: Hundesteuer", "", "Seite drei: Straße"], title="Microsoft Word - Satzung.docx")
    result = extract_upload(data, "satzung.pdf")
    assert result.format == "pdf" and result.title == "Satzung"
    assert [(p.page, p.file_name) for p in result.passages] == [(1, "satzung.pdf"), (3, "satzung.pdf")]
    assert "Hundesteuer" in result.passages[0].text and "Straße" in result.passages[1].text
    assert result.metadata["pages"] == 3 and result.metadata["author"] == "Amt 32"
    assert result.warnings == ["page 2 has no text layer (scanned?); no OCR"]


def test_pdf_title_falls_back_to_file_name():
    assert extract_upload(make_pdf(["Text"]), "Haushalt 2025.pdf").title == "Haushalt 2025"


def test_pdf_with_password_is_refused_and_owner_only_protection_opens():
    with pytest.raises(EncryptedFile) as caught:
        extract_upload(make_pdf(["Vertraulich"], user_password="geheim"), "personal.pdf")
    assert "Passwort" in caught.value.user_message
    opened = extract_upload(make_pdf(["Offen lesbar"], user_password=""), "offen.pdf")
    assert "Offen lesbar" in opened.passages[0].text


def test_truncated_and_garbled_pdfs_are_corrupt():
    data = make_pdf(["Seite eins", "Seite zwei"])
    with pytest.raises(CorruptFile):
        extract_upload(data[: len(data) // 2], "kaputt.pdf")
    with pytest.raises(CorruptFile):
        extract_upload(b"%PDF-1.7\n" + bytes(range(256)) * 20, "kaputt.pdf")


@pytest.mark.parametrize("pages", [[""], ["", ""], []])
def test_pdf_without_text_is_an_empty_document(pages):
    with pytest.raises(EmptyDocument) as caught:
        extract_upload(make_pdf(pages), "scan.pdf")
    assert caught.value.user_message.startswith("Die PDF-Datei")


def test_docx_sections_tables_title_and_noise_left_out():
    result = extract_upload(make_docx(DOCX_BODY, styles=STYLES, title="Dienstanweisung Winterdienst 2025"),
                            "dienstanweisung.docx")
    assert result.format == "docx" and result.title == "Dienstanweisung Winterdienst 2025"
    assert result.metadata == {"author": "Amt 66 Bauhof", "created": "2025-01-06T08:00:00Z"}
    assert sections(result) == ["Dienstanweisung Winterdienst", "1 Räumpflicht", "1.1 Streugut", "2 Haftung",
                                "3 Kontakt"]
    first, duty, grit, liability, contact = (p.text for p in result.passages)
    assert first == "Dienstanweisung Winterdienst\n\nGilt für alle Mitarbeitenden des Bauhofs."
    assert "Gehwege\tbis 7 Uhr räumen." in duty
    assert "GELÖSCHT" not in duty and "PAGE" not in duty
    assert duty.count("Textfeld: Notruf 112") == 1  # the mc:Fallback copy is skipped
    assert grit == "1.1 Streugut\n\nFläche | Streugut\nGehweg | Sand\nRadweg | Sole"
    assert liability.endswith("§ 839 BGB.") and "Bauhof, Telefon" in contact
    assert {p.file_name for p in result.passages} == {"dienstanweisung.docx"}


def test_docx_title_from_first_heading_and_german_style_ids_without_styles_part():
    body = w_para("Vorwort") + w_para("Beschlussvorlage Radweg", "berschrift1") + w_para("Text.") + \
        w_para("Anlagen", "Heading2") + w_para("Lageplan")
    result = extract_upload(make_docx(body), "vorlage.docx")
    assert result.title == "Beschlussvorlage Radweg"
    assert sections(result) == [None, "Beschlussvorlage Radweg", "Anlagen"]


def test_docx_in_strict_open_xml():
    strict = w_document(w_para("Satzung", "Heading1") + w_para("§ 1 Geltungsbereich")).replace(
        W, "http://purl.oclc.org/ooxml/wordprocessingml/main")
    result = extract_upload(make_docx(document_xml=strict), "strict.docx")
    assert [(p.section, p.text) for p in result.passages] == [("Satzung", "Satzung\n\n§ 1 Geltungsbereich")]


def test_docx_heading_without_text_leads_into_the_next_section():
    body = w_para("1 Allgemeines", "Heading1") + w_para("1.1 Zweck", "Heading2") + w_para("Regelt den Dienst.")
    result = extract_upload(make_docx(body), "a.docx")
    assert [(p.section, p.text) for p in result.passages] == [
        ("1.1 Zweck", "1 Allgemeines\n\n1.1 Zweck\n\nRegelt den Dienst.")]


def test_odt_sections_tables_spaces_and_title():
    result = extract_upload(make_odt(), "parken.odt")
    assert result.format == "odt" and result.title == "Parkraumkonzept Innenstadt"
    assert result.metadata["author"] == "Amt 61"
    assert sections(result) == ["Parkraumkonzept", "Gebühren"]
    intro, fees = (p.text for p in result.passages)
    assert intro == "Parkraumkonzept\n\nDie Innenstadt wird  neu geordnet."  # text:s c=2: two spaces
    assert "Zone | Euro je Stunde\nAltstadt | 3,00" in fees
    assert "Anwohnerparken\t30 € im Jahr\nab 1. März" in fees
    assert "Kommentar" not in intro + fees


def test_odt_title_from_heading_without_meta():
    assert extract_upload(make_odt(title=None), "x.odt").title == "Parkraumkonzept"


def test_html_title_sections_tables_and_scripts_dropped():
    html = """<!DOCTYPE html><html lang="de"><head><meta charset="iso-8859-1"><title>Hundesteuer - Stadt</title>
    <script>var geheim = 1;</script><style>p {color: red}</style>
    <body><nav>Menü</nav><h1>Hundesteuer</h1><p>Jeder Hund muss angemeldet werden.</p>
    <h2>Gebühren</h2><table><tr><th>Hund</th><th>Euro</th></tr><tr><td>erster</td><td>96</td></tr></table>
    <h4>Ermäßigung</h4><p>Für Blindenhunde entfällt die Steuer.</p><h2>Formulare</h2><p>Anmeldung&nbsp;online</p>
    </body></html>""".encode("iso-8859-1")
    result = extract_upload(html, "hundesteuer.html")
    assert result.format == "html" and result.title == "Hundesteuer - Stadt"
    assert sections(result) == [None, "Hundesteuer", "Gebühren", "Formulare"]
    text = "\n".join(p.text for p in result.passages)
    assert "geheim" not in text and "color" not in text
    assert "Hund | Euro\nerster | 96" in text and "Ermäßigung\n\nFür Blindenhunde" in text


def test_html_title_from_h1_and_fragment_by_extension():
    assert extract_upload(b"<html><body><h1>Wahlen</h1><p>Termine</p></body></html>", "w.htm").title == "Wahlen"
    fragment = extract_upload(b"<p>Nur ein <b>Absatz</b></p>", "teil.html")
    assert fragment.format == "html" and fragment.passages[0].text == "Nur ein Absatz"


def test_markdown_headings_code_blocks_and_setext():
    text = """---
title: Leitfaden Bürgerbüro
---
Einleitung ohne Überschrift.

# Öffnungszeiten

Montag bis Freitag.

```bash
# kein Titel, nur ein Kommentar
```

Terminvergabe
-------------

Online unter termine.musterstadt.de.

#### Unterpunkt bleibt im Text
Details.
"""
    result = extract_upload(text.encode(), "leitfaden.md")
    assert result.format == "markdown" and result.title == "Leitfaden Bürgerbüro"
    assert sections(result) == [None, "Öffnungszeiten", "Terminvergabe"]
    assert "# kein Titel" in result.passages[1].text
    assert "#### Unterpunkt bleibt im Text\nDetails." in result.passages[2].text


def test_markdown_recognised_by_headings_in_a_txt_file_without_warning():
    result = extract_upload(b"## Protokoll\n\nAnwesend: 5", "protokoll.txt")
    assert result.format == "markdown" and result.title == "Protokoll" and result.warnings == []


def test_plain_text_encodings_and_title_from_file_name():
    result = extract_upload("Straße – Gebühr 5 €\r\nZeile 2".encode("cp1252"), "notiz.txt")
    assert result.format == "text" and result.title == "notiz"
    assert result.passages[0].text == "Straße – Gebühr 5 €\nZeile 2" and result.passages[0].section is None
    utf16 = extract_upload("Bürgeramt".encode("utf-16"), "win.txt")
    assert utf16.passages[0].text == "Bürgeramt"
    pages = extract_upload(b"Seite 1\fSeite 2", "druck.txt")
    assert [(p.page, p.text) for p in pages.passages] == [(1, "Seite 1"), (2, "Seite 2")]


def test_eml_headers_body_attachments_and_nested_mail():
    result = extract_upload(make_mail(), "einsatzplan.eml")
    assert result.format == "eml" and result.title == "Winterdienst: Einsatzplan für Januar"
    assert result.metadata["from"] == "Maria Meier <m.meier@musterstadt.de>"
    assert result.metadata["to"] == "Bauhof <bauhof@musterstadt.de>"
    assert result.metadata["date"] == "2025-01-06T07:30:00+01:00" and result.metadata["attachments"] == 3
    head, body = result.passages[0].text, result.passages[1].text
    assert head.splitlines() == ["Von: Maria Meier <m.meier@musterstadt.de>", "An: Bauhof <bauhof@musterstadt.de>",
                                 "Datum: 06.01.2025 07:30", "Betreff: Winterdienst: Einsatzplan für Januar"]
    assert "Streubeginn ist um 5 Uhr" in body and "HTML-Fassung" not in body  # text/plain preferred
    attached = [(p.file_name, p.section) for p in result.passages[2:]]
    assert ("Einsatzplan.docx", "Einsatzplan") in attached
    assert "Tour 1: Marktplatz." in next(p.text for p in result.passages if p.file_name == "Einsatzplan.docx")
    nested = " ".join(p.text for p in result.passages if p.file_name == "Warnung.eml")
    assert "Glatteis" in nested and "Betreff: GlätteWarnung" in nested
    assert "Wetterbericht" not in " ".join(p.text for p in result.passages)  # one level deep only
    assert "attachments not extracted (unsupported format): logo.png" in result.warnings
    assert any("Wetter.pdf" in w and "one level" in w for w in result.warnings)


def test_eml_html_only_body_and_content_sniffing_of_a_txt_name():
    mail = (b"From: buergerbuero@musterstadt.de\r\nTo: amt32@musterstadt.de\r\nSubject: Anfrage\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            b"<html><body><p>Bitte um R\xc3\xbcckruf.</p><script>x()</script></body></html>")
    result = extract_upload(mail, "anfrage.txt")
    assert result.format == "eml" and result.title == "Anfrage"
    assert result.passages[1].text == "Bitte um Rückruf."
    assert result.warnings == ["file extension .txt but content is eml"]


def test_wrong_extension_uses_the_content_and_warns():
    result = extract_upload(make_docx(w_para("Bericht", "Heading1") + w_para("Inhalt")), "bericht.pdf")
    assert result.format == "docx" and result.title == "Bericht"
    assert result.warnings == ["file extension .pdf but content is docx"]
    pdf = extract_upload(make_pdf(["Seite"]), "scan.docx")
    assert pdf.format == "pdf" and pdf.warnings == ["file extension .docx but content is pdf"]


# --- refusals ---------------------------------------------------------------------------------------

def test_zip_bomb_of_300_mb_is_refused_quickly(zeros_300mb):
    stream, crc = zeros_300mb
    bomb = raw_zip([("[Content_Types].xml", b"<Types/>", 0, zlib.crc32(b"<Types/>"), 8),
                    ("word/document.xml", stream, 8, crc, 300 << 20)])
    assert len(bomb) < 400_000
    started = time.perf_counter()
    with pytest.raises(TooLarge) as caught:
        extract_upload(bomb, "harmlos.docx")
    assert time.perf_counter() - started < 0.5
    assert "zip bomb" in str(caught.value) and "Zip-Bombe" in caught.value.user_message
    with pytest.raises(TooLarge):  # also past the declared-size limit of 20 × max_bytes
        extract_upload(bomb, "harmlos.docx", max_bytes=1_000_000)


def test_zip_member_that_lies_about_its_size_is_read_only_as_far_as_declared(zeros_300mb):
    stream, _ = zeros_300mb
    liar = raw_zip([("word/document.xml", stream, 8, 0, 1000)])  # says 1000 bytes, inflates to 300 MB
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(CorruptFile):
            extract_upload(liar, "luege.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 0.5
    assert peak < 20_000_000


def test_many_small_members_past_the_unpacked_limit_are_refused():
    zeros = bytes(900_000)  # each member below the size where the ratio check applies
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", w_document(w_para("x")))
        for i in range(3):
            z.writestr(f"word/media/fill{i}.bin", zeros)
    with pytest.raises(TooLarge, match="declare"):
        extract_upload(buf.getvalue(), "a.docx", max_bytes=100_000)  # limit: 2 MB unpacked


def test_too_many_zip_members_are_refused():
    members = [(f"m{i}", b"", 0, 0, 0) for i in range(10_001)]
    doc = w_document(w_para("x")).encode()
    archive = raw_zip([("word/document.xml", doc, 0, zlib.crc32(doc), len(doc)), *members])
    with pytest.raises(TooLarge, match="members"):
        extract_upload(archive, "viele.docx")


def test_billion_laughs_and_external_entities_in_docx_are_corrupt():
    laughs = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">'
                                       for i in range(1, 10)]
    document = (f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(laughs)}]><w:document xmlns:w="{W}"><w:body>'
                "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    started = time.perf_counter()
    with pytest.raises(CorruptFile, match="DTD or entities"):
        extract_upload(make_docx(document_xml=document), "lol.docx")
    assert time.perf_counter() - started < 0.5
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W}">'
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(CorruptFile):
        extract_upload(make_docx(document_xml=xxe), "xxe.docx")


def test_oversized_file_is_refused_before_parsing():
    with pytest.raises(TooLarge) as caught:
        extract_upload(b"\x00junk" * 300_000, "riesig.pdf", max_bytes=1_000_000)  # "500 MB" against 1 MB
    assert "1,500,000 bytes" in str(caught.value)
    assert caught.value.user_message == "Die Datei ist zu groß (1,5 MB); erlaubt sind höchstens 1 MB."
    with pytest.raises(TooLarge):  # an e-mail attachment counts against the same limit
        extract_upload(make_mail(), "a.eml", max_bytes=100)


@pytest.mark.parametrize(("data", "name"), [
    (random.Random(7).randbytes(4096), "zufall.pdf"),
    (b"\x00\x01\x02\x03" * 100, "daten.txt"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "foto.png"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "alt.doc"),
    (b"{\\rtf1\\ansi Hallo}", "brief.rtf"),
])
def test_binary_junk_and_other_formats_are_unsupported(data, name):
    with pytest.raises(UnsupportedFormat):
        extract_upload(data, name)


def test_zips_that_are_not_documents():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="XLSX"):
        extract_upload(buf.getvalue(), "tabelle.docx")
    with pytest.raises(UnsupportedFormat, match="spreadsheet"):
        extract_upload(make_odt(mimetype="application/vnd.oasis.opendocument.spreadsheet"), "t.ods")
    with pytest.raises(CorruptFile):
        extract_upload(b"PK\x03\x04" + bytes(range(256)) * 4, "kaputt.docx")
    with pytest.raises(CorruptFile, match="compression method"):  # bzip2 has no output bound in zipfile
        extract_upload(make_docx(w_para("x"), method=zipfile.ZIP_BZIP2), "bz.docx")


def test_encrypted_office_files():
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
                "</manifest:file-entry></manifest:manifest>")
    with pytest.raises(EncryptedFile):
        extract_upload(make_odt(manifest=manifest), "geheim.odt")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(100)
    with pytest.raises(EncryptedFile):
        extract_upload(ole, "geheim.docx")


@pytest.mark.parametrize("data", [b"", b"  \n\t ", make_docx(w_para("  ")), make_odt(body="<text:p/>")])
def test_files_without_text_are_empty_documents(data):
    with pytest.raises(EmptyDocument):
        extract_upload(data, "leer.docx")


def test_every_error_has_its_own_code_and_a_german_user_message():
    classes = [UnsupportedFormat, CorruptFile, EncryptedFile, TooLarge, EmptyDocument]
    assert all(issubclass(cls, InputError) for cls in classes)
    assert len({cls.code for cls in classes} | {InputError.code}) == len(classes) + 1
    raised = []
    for data, name, kwargs in [(b"\x00" * 10, "x.bin", {}), (make_pdf([""]), "x.pdf", {}),
                               (make_pdf(["x"], user_password="pw"), "x.pdf", {}), (b"abc" * 10, "x.txt",
                                                                                     {"max_bytes": 5}),
                               (b"%PDF-1.4\n" + bytes(range(256)), "x.pdf", {})]:
        with pytest.raises(InputError) as caught:
            extract_upload(data, name, **kwargs)
        raised.append(caught.value)
    assert {type(e) for e in raised} == set(classes)
    for error in raised:
        assert error.user_message != InputError.user_message and error.user_message != str(error)
        assert "Datei" in error.user_message and error.user_message.endswith(".")


@pytest.mark.parametrize("fmt", ["docx", "odt", "pdf", "eml", "html"])
def test_damaged_files_never_raise_anything_but_input_errors(fmt):
    valid = {"docx": lambda: make_docx(DOCX_BODY, styles=STYLES, title="T"), "odt": make_odt,
             "pdf": lambda: make_pdf(["Seite eins", "Seite zwei"], title="T"), "eml": make_mail,
             "html": lambda: b"<!doctype html><title>T</title><h1>A</h1><p>B</p><table><tr><td>C</td></tr>"}[fmt]()
    rng = random.Random(fmt)
    for _ in range(40):
        data = bytearray(valid)
        if rng.random() < 0.3:
            data = data[: rng.randrange(1, len(data))]
        for _ in range(rng.randrange(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            result = extract_upload(bytes(data), f"kaputt.{fmt}")
        except InputError as error:
            assert error.user_message
        else:
            assert result.passages and result.format in ("docx", "odt", "pdf", "eml", "html", "text", "markdown")
