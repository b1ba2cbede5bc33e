"""The city-service source: FIM sections from Markdown and HTML, the folder and URL-list sync, the CLI.

Parsing runs on the bundled Musterstadt services and on every Hamburg page in ../shared (skipped when
../shared is missing). The syncs write into a real SQLite store; the URL-list sync fetches from a
real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rathaus.cli import app
from rathaus.documents import Access, Collection, Document, Passage, SearchFilters, sha256
from rathaus.errors import SourceError
from rathaus.ingest.chunk import chunk_document
from rathaus.sources.services import sync as sync_module
from rathaus.sources.services.parse import (
    CANONICAL_SECTIONS,
    BadInput,
    canonical_section,
    decode_text,
    parse_service,
)
from rathaus.sources.services.sync import DEFAULT_COLLECTION, ServiceSync, demo_folder, resolve_target
from tests.conftest import SHARED

unit = pytest.mark.unit
integration = pytest.mark.integration

OPERATOR = Access.operator()
HAMBURG = SHARED / "data" / "services-hamburg" / "pages_clean"
DEMO_FILES = sorted(p for p in demo_folder().glob("*.md") if p.name != "README.md")

SERVICE = """---
title: {title}
url: https://www.musterstadt.de/buergerservice/{slug}
stand: 2026-03-01
zustaendig: Bürgerbüro
---

# {title}

Kurze Beschreibung von {title}.

## Benötigte Unterlagen

- Personalausweis
- {extra}

## Gebühren

12,00 Euro.
"""


def service(title: str, extra: str = "Nachweis") -> str:
    return SERVICE.format(title=title, slug=title.lower().replace(" ", "-"), extra=extra)


def write(folder: Path, rel: str, content: str | bytes) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def stored(store) -> dict[str, str]:
    """document id → content hash of every service document."""
    docs = store.list_documents(OPERATOR, SearchFilters(types=["Service"]), limit=1000)
    return {d.id: d.content_hash for d in docs}


def text_of(store, doc_id: str) -> str:
    return "\n".join(c.text for c in store.document_chunks(doc_id, OPERATOR))


# -- parsing -------------------------------------------------------------------------------------
@unit
@pytest.mark.parametrize("heading, name", [
    ("Beschreibung der Leistung", "Beschreibung"), ("Leistungsbeschreibung", "Beschreibung"),
    ("Allgemeine Informationen", "Beschreibung"), ("Voraussetzungen:", "Voraussetzungen"),
    ("Benötigte Unterlagen", "Unterlagen"), ("Erforderliche Unterlagen", "Unterlagen"),
    ("Was brauche ich?", "Unterlagen"), ("Kosten", "Gebühren"), ("Ablauf, Dauer & Gebühren", "Gebühren"),
    ("Gebühren und Kosten", "Gebühren"), ("FRISTEN", "Fristen"), ("Bearbeitungsdauer", "Bearbeitungsdauer"),
    ("Ablauf", "Verfahrensablauf"), ("Verfahrensablauf", "Verfahrensablauf"),
    ("Zuständige Stellen", "Zuständige Stelle"), ("Zuständigkeit", "Zuständige Stelle"),
    ("Ansprechpartner", "Zuständige Stelle"), ("Rechtsgrundlage", "Rechtsgrundlage"), ("Formulare", "Formulare"),
    ("Hinweise", "Hinweise"), ("3. Benötigte Unterlagen", "Unterlagen"),
    ("Öffnungszeiten", None), ("Rechtliche Hinweise", None), ("Unterlagen für Firmen", None),
])
def test_headings_map_to_canonical_fim_sections(heading, name):
    assert canonical_section(heading) == name


@unit
@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_demo_services_have_every_fim_section_and_their_front_matter(path):
    page = parse_service(path.read_bytes(), path.name)
    front = re.search(r"^title: (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)
    assert page.title == front
    assert [s.name for s in page.sections] == [s for s in CANONICAL_SECTIONS if page.section(s)]
    assert {s.name for s in page.sections} == set(CANONICAL_SECTIONS)
    assert page.web_url.startswith("https://www.musterstadt.de/buergerservice/")
    assert page.date.startswith("2026-") and page.organizations and not page.warnings
    contact = page.section("Zuständige Stelle").text
    assert "115" in contact and "0123 4567-" in contact
    # every phone number is fictional (0123 4567-…), or 115 / the eID blocking line 116 116
    text = path.read_text(encoding="utf-8")
    for number in re.findall(r"(?<![\d,.])\d{3,5}[ /-]?\d{3,}(?:-\d+)?", text):
        assert number.startswith("0123 4567-") or number == "116 116", number


@unit
def test_demo_has_the_seven_services():
    titles = {parse_service(p.read_bytes(), p.name).title for p in DEMO_FILES}
    assert titles == {"Personalausweis beantragen", "Reisepass beantragen", "Wohnsitz anmelden (Ummeldung)",
                      "Hund anmelden (Hundesteuer)", "Sperrmüll anmelden", "Bewohnerparkausweis beantragen",
                      "Gewerbe anmelden"}


@unit
def test_structure_rules_preamble_subheadings_unknown_sections_and_merging():
    md = """Einleitender Satz ohne Überschrift.

# Parkausweis für Handwerker

## Allgemeine Informationen
Mehr zur Leistung.

## Unterlagen
- Gewerbeanmeldung

### Für Firmen mit Sitz außerhalb
- Handelsregisterauszug

## Öffnungszeiten
Mo bis Fr 8 bis 12 Uhr

**Kosten**

30 Euro pro Jahr.

## Leer

## Was brauche ich?
- Fahrzeugschein
"""
    page = parse_service(md.encode(), "parken.md")
    assert page.title == "Parkausweis für Handwerker"
    assert [s.name for s in page.sections] == ["Beschreibung", "Unterlagen", "Öffnungszeiten", "Gebühren"]
    assert page.section("Beschreibung").text == "Einleitender Satz ohne Überschrift.\n\nMehr zur Leistung."
    unterlagen = page.section("Unterlagen").text
    assert "Für Firmen mit Sitz außerhalb" in unterlagen and "Handelsregisterauszug" in unterlagen
    assert "Fahrzeugschein" in unterlagen  # the second "Unterlagen" heading joins the first
    assert page.section("Öffnungszeiten").canonical is False
    assert page.section("Gebühren").text == "30 Euro pro Jahr."


@unit
def test_title_falls_back_from_front_matter_to_h1_to_html_title_to_file_name():
    assert parse_service(b"---\ntitle: Aus Front Matter\n---\n# H1\n\nText", "x.md").title == "Aus Front Matter"
    assert parse_service(b"# Erste H1\n\nText\n\n# Zweite", "x.md").title == "Erste H1"
    assert parse_service(b"# Voraussetzungen\n\nText", "hund_anmelden.md").title == "hund anmelden"
    html = b"<html><head><title>Aus dem Title-Tag</title></head><body><p>Text</p></body></html>"
    assert parse_service(html, "seite.html").title == "Aus dem Title-Tag"
    assert parse_service(b"Nur Text.", "Sperrmuell_anmelden.md").title == "Sperrmuell anmelden"


@unit
def test_front_matter_keys():
    md = """---
title: "Hund anmelden"
url: https://www.musterstadt.de/buergerservice/hund
stand: 15.01.2026
zustaendig:
  - Kämmerei
  - Steuerabteilung
leika: 99108012000000  # Schlüssel aus dem Leistungskatalog
---
Text.
"""
    page = parse_service(md.encode(), "hund.md")
    assert (page.title, page.web_url, page.date) == ("Hund anmelden", "https://www.musterstadt.de/buergerservice/hund",
                                                     "2026-01-15")
    assert page.organizations == ["Kämmerei", "Steuerabteilung"] and page.leika == "99108012000000"
    bad = parse_service(b"---\ndate: bald\nurl: www.example.org\n---\nText.", "x.md")
    assert bad.date is None and bad.web_url is None and len(bad.warnings) == 2
    # without front matter, a closing "Stand:" line dates the page
    assert parse_service(b"# T\n\nText.\n\nLetzte Aktualisierung: 16.06.2025", "x.md").date == "2025-06-16"


@unit
def test_html_loses_scripts_styles_and_navigation_and_keeps_its_headings():
    html = """<!doctype html><html><head><title>Stadt – Personalausweis</title>
<meta charset="utf-8"><style>body { color: red }</style>
<link rel="canonical" href="https://www.musterstadt.de/buergerservice/personalausweis">
<script>var tracking = "alert(1)";</script></head>
<body><header><a href="/">Startseite</a> Suche</header>
<nav><ul><li>Menüpunkt Bürgerservice</li></ul></nav>
<main><article><header><h1>Personalausweis beantragen</h1></header>
<p>Den Ausweis gibt es im Bürgerbüro.<script>document.write("eingeschleust")</script></p>
<h2>Benötigte Unterlagen</h2><ul><li>altes Ausweisdokument</li><li>digitales <b>Passfoto</b></li></ul>
<h3>Für Kinder</h3><p>Geburtsurkunde</p>
<h2>Gebühren</h2><table><tr><th>ab 24</th><td>37,00 Euro</td></tr></table>
<h2>Formulare</h2><p><a href="https://www.musterstadt.de/termin">Termin buchen</a></p>
</article></main><aside>Das könnte Sie auch interessieren</aside>
<footer>Impressum Datenschutz</footer></body></html>"""
    page = parse_service(html.encode(), "personalausweis.html")
    text = "\n".join(s.text for s in page.sections)
    for gone in ("tracking", "alert", "eingeschleust", "color", "Startseite", "Menüpunkt", "interessieren",
                 "Impressum"):
        assert gone not in text
    assert page.title == "Personalausweis beantragen"
    assert page.web_url == "https://www.musterstadt.de/buergerservice/personalausweis"
    assert [s.name for s in page.sections] == ["Beschreibung", "Unterlagen", "Gebühren", "Formulare"]
    assert "- altes Ausweisdokument" in page.section("Unterlagen").text
    assert "Für Kinder" in page.section("Unterlagen").text  # an h3 below an h2 section stays inside it
    assert "ab 24 | 37,00 Euro" in page.section("Gebühren").text
    assert "Termin buchen (https://www.musterstadt.de/termin)" in page.section("Formulare").text


@unit
def test_decoding_accepts_legacy_windows_1252_and_refuses_garbage():
    assert decode_text("Gebühren für Hundesteuer".encode("cp1252")) == ("Gebühren für Hundesteuer", "cp1252")
    assert decode_text("\ufeffÄnderung".encode()) == ("Änderung", "utf-8-sig")
    assert decode_text("Straße".encode("utf-16")) == ("Straße", "utf-16")
    for data, reason in ((b"", "leer"), (b" \n\t", "leer"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "Binär"),
                         (b"Text\x00mit Nullbyte", "Binär"), (b"Geb\x81hren \x8d\x90 kaputt", "Zeichenkodierung")):
        with pytest.raises(BadInput, match=reason):
            decode_text(data)
    with pytest.raises(BadInput, match="kein Text"):
        parse_service("---\ntitle: Nur Kopf\n---\n# Nur eine Überschrift\n".encode(), "leer.md")
    with pytest.raises(BadInput, match="kein Text"):
        parse_service(b"<html><body><script>var x = 1;</script></body></html>", "leer.html")


@unit
def test_passage_sections_reach_the_chunks_and_leave_old_hashes_alone():
    doc = Document("service:x/a.md", "x", "Service", "T", passages=[
        Passage("Erster Absatz.", section="Beschreibung"),
        Passage("1. Termin buchen\n\nDann vorsprechen.", section="Verfahrensablauf")])
    assert [(c.section, c.lead) for c in chunk_document(doc)] == [("Beschreibung", True),
                                                                  ("Verfahrensablauf", False)]
    old = Document("d", "c", "Paper", "Titel", passages=[Passage("Text", 2, "f1")])
    assert old.content_hash() == sha256("\x1f".join(["Titel", "", "", "", "", "", "", "c", "f1:2:Text"]))


@integration
def test_every_hamburg_page_yields_a_title_and_a_fim_section():
    if not HAMBURG.is_dir():
        pytest.skip(f"the Hamburg service pages are missing ({HAMBURG}); they live in ../shared/data")
    pages = sorted(HAMBURG.rglob("*.md"))
    assert len(pages) >= 70
    counts: Counter[str] = Counter()
    for path in pages:
        page = parse_service(path.read_bytes(), path.name)
        assert page.title and page.title != path.stem, path
        assert any(s.canonical for s in page.sections), path
        counts.update(s.name for s in page.sections if s.canonical)
        raw = path.read_text(encoding="utf-8")
        if re.search(r"^#+ Benötigte Unterlagen\n+[^#\n]", raw, re.M):
            assert page.section("Unterlagen"), path
        if re.search(r"^#+ Gebühren\n+[^#\n]", raw, re.M):
            assert page.section("Gebühren"), path
    print(f"\nFIM sections in {len(pages)} Hamburg pages: " + ", ".join(f"{n} {counts[n]}" for n in CANONICAL_SECTIONS))


# -- folder sync ----------------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "leistungen"
    shutil.copytree(demo_folder(), target)
    return target


@unit
def test_sync_writes_one_service_document_per_file_with_sections(store, settings, folder):
    report = ServiceSync(store, settings).run(folder)
    assert (report.seen, report.written, report.unchanged, report.deleted, report.ignored) == (7, 7, 0, 0, 1)
    assert not report.skipped and not report.errors and not report.warnings
    assert store.get_collection(DEFAULT_COLLECTION).classification == "offen"
    docs = {d.id: d for d in store.list_documents(Access.anonymous(), SearchFilters(types=["Service"]))}
    assert sorted(docs) == sorted(f"service:leistungen/{p.name}" for p in DEMO_FILES)
    doc = docs["service:leistungen/personalausweis-beantragen.md"]
    assert doc.id.endswith("personalausweis-beantragen.md") and doc.type == "Service"
    assert doc.web_url == "https://www.musterstadt.de/buergerservice/personalausweis-beantragen"
    assert doc.date == "2026-02-02" and doc.organizations == ["Ordnungsamt", "Bürgerbüro"]
    assert doc.metadata == {"source": f"folder:{folder.resolve()}", "path": "personalausweis-beantragen.md"}
    chunks = store.document_chunks(doc.id, OPERATOR)
    assert chunks[0].section == "Beschreibung" and chunks[0].lead
    assert {c.section for c in chunks} == set(CANONICAL_SECTIONS)
    fees = next(c for c in chunks if c.section == "Gebühren")
    assert "22,80 Euro" in fees.text and "37,00 Euro" in fees.text


@unit
def test_second_sync_writes_nothing_and_changes_are_picked_up(store, settings, folder):
    ServiceSync(store, settings).run(folder)
    before = stored(store)
    again = ServiceSync(store, settings).run(folder)
    assert (again.written, again.unchanged, again.deleted) == (0, 7, 0)
    assert stored(store) == before

    path = folder / "hund-anmelden.md"
    path.write_text(path.read_text(encoding="utf-8").replace("108,00 Euro", "120,00 Euro"), encoding="utf-8")
    (folder / "sperrmuell-anmelden.md").unlink()
    write(folder, "neu/baumfaellung.md", service("Baumfällung beantragen"))
    report = ServiceSync(store, settings).run(folder)
    assert (report.written, report.unchanged, report.deleted) == (2, 5, 1)
    after = stored(store)
    assert "service:leistungen/sperrmuell-anmelden.md" not in after
    assert "service:leistungen/neu/baumfaellung.md" in after
    assert "120,00 Euro" in text_of(store, "service:leistungen/hund-anmelden.md")
    unchanged = set(before) - {"service:leistungen/sperrmuell-anmelden.md", "service:leistungen/hund-anmelden.md"}
    assert all(after[i] == before[i] for i in unchanged)


@unit
def test_an_empty_folder_deletes_nothing(store, settings, folder):
    ServiceSync(store, settings).run(folder)
    before = stored(store)
    for path in folder.glob("*.md"):
        if path.name != "README.md":
            path.unlink()
    report = ServiceSync(store, settings).run(folder)
    assert (report.seen, report.deleted) == (0, 0) and "nichts gelöscht" in report.warnings[0]
    assert stored(store) == before


@unit
def test_an_unreadable_subfolder_deletes_nothing(store, settings, folder, monkeypatch):
    write(folder, "amt32/parken.md", service("Parkausweis"))
    ServiceSync(store, settings).run(folder)
    before = stored(store)
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("amt32"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(sync_module.os, "scandir", scandir)
    (folder / "gewerbe-anmelden.md").unlink()
    report = ServiceSync(store, settings).run(folder)
    assert report.deleted == 0 and "nicht lesbar" in report.warnings[0]
    assert stored(store) == before


@unit
def test_a_missing_folder_is_refused_before_anything_happens(store, settings, tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        ServiceSync(store, settings).run(tmp_path / "gibt-es-nicht")
    with pytest.raises(SourceError):
        resolve_target(write(tmp_path, "liste.pdf", b"%PDF-1.4"))


@unit
def test_bad_files_are_skipped_and_reported_and_stored_documents_stay(store, settings, tmp_path):
    folder = tmp_path / "svc"
    names = ["binaer.md", "leer.md", "kodierung.md", "ohne-text.md", "gut.md"]
    for name in names:
        write(folder, name, service(name.removesuffix(".md").title()))
    ServiceSync(store, settings).run(folder)
    before = stored(store)
    texts = {i: text_of(store, i) for i in before}

    write(folder, "binaer.md", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    write(folder, "leer.md", b"")
    write(folder, "kodierung.md", b"Geb\x81hren \x8d\x90 und noch mehr")
    write(folder, "ohne-text.md", "---\ntitle: Nur Kopf\n---\n\n# Nur Kopf\n")
    write(folder, "neu-binaer.htm", b"\x00\x01\x02\x03" * 100)
    write(folder, "alt-kodiert.md", service("Gebühren alt", "Lichtbild für Anträge").encode("cp1252"))
    report = ServiceSync(store, settings).run(folder)
    assert report.skipped == {
        "binaer.md": "Binärdatei, kein Text", "kodierung.md": report.skipped["kodierung.md"],
        "leer.md": "leere Datei", "neu-binaer.htm": "Binärdatei, kein Text", "ohne-text.md": "kein Text"}
    assert report.skipped["kodierung.md"].startswith("Zeichenkodierung nicht lesbar")
    assert (report.seen, report.written, report.unchanged, report.deleted) == (7, 1, 1, 0)
    after = stored(store)
    assert {i: after[i] for i in before} == before  # nothing removed, nothing damaged
    assert {i: text_of(store, i) for i in before} == texts
    assert "Lichtbild für Anträge" in text_of(store, "service:leistungen/alt-kodiert.md")  # Windows-1252 is read
    assert "service:leistungen/neu-binaer.htm" not in after


@unit
def test_html_files_sync_without_scripts(store, settings, tmp_path):
    page = ("<html><head><title>Sperrmüll</title><script>alert('x')</script></head><body>"
            "<nav>Hauptmenü</nav><h1>Sperrmüll anmelden</h1><p>Die Stadt holt Möbel ab.</p>"
            "<h2>Kosten</h2><p>Zweimal im Jahr kostenlos.</p><script>trackVisit()</script></body></html>")
    write(tmp_path / "html", "abfall/sperrmuell.html", page)
    report = ServiceSync(store, settings).run(tmp_path / "html")
    assert report.written == 1
    doc_id = "service:leistungen/abfall/sperrmuell.html"
    chunks = store.document_chunks(doc_id, OPERATOR)
    assert store.get_document(doc_id, OPERATOR).title == "Sperrmüll anmelden"
    assert [(c.section, c.text) for c in chunks] == [("Beschreibung", "Die Stadt holt Möbel ab."),
                                                    ("Gebühren", "Zweimal im Jahr kostenlos.")]


@unit
def test_two_folders_in_one_collection_keep_their_own_documents(store, settings, tmp_path):
    write(tmp_path / "a", "a1.md", service("Eins"))
    write(tmp_path / "b", "b1.md", service("Zwei"))
    write(tmp_path / "b", "b2.md", service("Drei"))
    ServiceSync(store, settings).run(tmp_path / "a")
    ServiceSync(store, settings).run(tmp_path / "b")
    (tmp_path / "b" / "b2.md").unlink()
    report = ServiceSync(store, settings).run(tmp_path / "b")
    assert report.deleted == 1
    assert sorted(stored(store)) == ["service:leistungen/a1.md", "service:leistungen/b1.md"]


@unit
def test_existing_collection_keeps_its_classification_and_leika_changes_are_written(store, settings, tmp_path):
    store.ensure_collection(Collection("intern-svc", "intern", ("stadt/amt32",)))
    write(tmp_path / "s", "hund.md", service("Hund").replace("zustaendig:", "leika: 111\nzustaendig:"))
    ServiceSync(store, settings, collection="intern-svc").run(tmp_path / "s")
    assert store.get_collection("intern-svc").classification == "intern"
    assert store.count_documents(Access.anonymous()) == 0
    assert store.get_document("service:intern-svc/hund.md", OPERATOR).metadata["leika"] == "111"
    write(tmp_path / "s", "hund.md", service("Hund").replace("zustaendig:", "leika: 222\nzustaendig:"))
    report = ServiceSync(store, settings, collection="intern-svc").run(tmp_path / "s")
    assert report.written == 1
    assert store.get_document("service:intern-svc/hund.md", OPERATOR).metadata["leika"] == "222"


# -- URL list --------------------------------------------------------------------------------------
PAGES = {
    "/buergerservice/personalausweis": ("text/html; charset=utf-8", """<html><head>
<title>Personalausweis – Musterstadt</title><script>alert("x")</script></head><body>
<nav>Menü</nav><main><h1>Personalausweis beantragen</h1><p>Im Bürgerbüro.</p>
<h2>Gebühren</h2><p>37,00 Euro ab 24 Jahren.</p></main></body></html>"""),
    "/buergerservice/hund.md": ("text/markdown; charset=utf-8", service("Hund anmelden", "Chipnummer")),
}


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict]]:
    pages = dict(PAGES)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server API
            if self.path not in pages:
                self.send_error(404)
                return
            content_type, body = pages[self.path]
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        server.server_close()


@integration
def test_url_list_sync_against_a_real_http_server(store, settings, tmp_path, http_server):
    base, pages = http_server
    urls = write(tmp_path, "leistungen.txt", f"""# Leistungen der Stadt Musterstadt
{base}/buergerservice/personalausweis
{base}/buergerservice/hund.md   # Markdown geht auch

{base}/buergerservice/gibt-es-nicht
ftp://example.org/datei
http://127.0.0.1:port/kaputt
""")
    report = ServiceSync(store, settings).run(urls)
    assert (report.seen, report.written, report.deleted) == (3, 2, 0)
    assert report.errors == {f"{base}/buergerservice/gibt-es-nicht": "HTTP 404",
                             "Zeile 6: ftp://example.org/datei": "keine http(s)-URL",
                             "Zeile 7: http://127.0.0.1:port/kaputt": "keine http(s)-URL"}
    host = base.removeprefix("http://")
    ausweis = store.get_document(f"service:leistungen/{host}/buergerservice/personalausweis", OPERATOR)
    assert ausweis.id.endswith("/buergerservice/personalausweis") and ausweis.title == "Personalausweis beantragen"
    assert ausweis.web_url == ausweis.source_url == f"{base}/buergerservice/personalausweis"
    chunks = store.document_chunks(ausweis.id, OPERATOR)
    assert [c.section for c in chunks] == ["Beschreibung", "Gebühren"] and "alert" not in text_of(store, ausweis.id)
    hund = store.get_document(f"service:leistungen/{host}/buergerservice/hund.md", OPERATOR)
    assert hund.web_url == "https://www.musterstadt.de/buergerservice/hund-anmelden"  # front matter wins
    assert "Chipnummer" in text_of(store, hund.id)

    again = ServiceSync(store, settings).run(urls)
    assert (again.written, again.unchanged, again.deleted) == (0, 2, 0)

    pages["/buergerservice/hund.md"] = ("text/markdown", "\x00binär")
    report = ServiceSync(store, settings).run(urls)
    assert report.skipped == {f"{base}/buergerservice/hund.md": "Binärdatei, kein Text"}
    assert "Chipnummer" in text_of(store, hund.id)  # the stored version stays

    urls.write_text(f"{base}/buergerservice/personalausweis\n", encoding="utf-8")
    report = ServiceSync(store, settings).run(urls)
    assert report.deleted == 1 and sorted(stored(store)) == [ausweis.id]


@integration
def test_url_list_with_an_unreachable_server_deletes_nothing(store, settings, tmp_path, http_server):
    base, _ = http_server
    urls = write(tmp_path, "urls.txt", f"{base}/buergerservice/personalausweis\n")
    ServiceSync(store, settings).run(urls)
    before = stored(store)
    write(tmp_path, "urls.txt", "http://127.0.0.1:1/buergerservice/personalausweis\n")
    report = ServiceSync(store, settings, timeout=2).run(urls)
    assert report.deleted == 0 and "nicht erreichbar" in next(iter(report.errors.values()))
    assert any("nichts gelöscht" in w for w in report.warnings) and stored(store) == before


# -- CLI -------------------------------------------------------------------------------------------
@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("RATHAUS_EMBEDDER", "fake")  # registered through the plugin path in conftest
    monkeypatch.setenv("RATHAUS_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, list(args), catch_exceptions=False)
        return result, " ".join(result.output.split())

    return invoke


@integration
def test_cli_syncs_the_demo_services_and_search_finds_them(run):
    result, out = run("sync", "services", "demo")
    assert result.exit_code == 0, result.output
    assert "Leistungsbeschreibungen synchronisiert" in out and re.search(r"neu oder geändert │ 7 │", out)
    result, _ = run("search", "Was kostet ein Personalausweis?", "--json", "--mode", "lexical", "--limit", "3")
    body = json.loads(result.output[result.output.index("{"):])
    top = body["results"][0]
    assert top["document_id"] == "service:leistungen/personalausweis-beantragen.md" and top["type"] == "Service"
    assert top["url"] == "https://www.musterstadt.de/buergerservice/personalausweis-beantragen"
    result, out = run("sync", "services", "demo")
    assert result.exit_code == 0 and re.search(r"unverändert │ 7 │", out) and re.search(r"gelöscht │ 0 │", out)


@integration
def test_cli_collection_option_and_reported_problems(run, tmp_path):
    write(tmp_path / "svc", "gut.md", service("Gut"))
    write(tmp_path / "svc", "kaputt.md", b"\x00\x01\x02")
    result, out = run("sync", "services", str(tmp_path / "svc"), "--collection", "buergerservice")
    assert result.exit_code == 0, result.output
    assert "Sammlung │ buergerservice" in out and "Übersprungen: kaputt.md: Binärdatei, kein Text" in out
    result, out = run("collection", "list")
    assert "buergerservice" in out and "offen" in out


@integration
@pytest.mark.parametrize("make_path, message", [
    (lambda tmp: str(tmp / "gibt-es-nicht"), "gibt es nicht"),
    (lambda tmp: str(write(tmp, "formular.pdf", b"%PDF-1.4")), "weder ein Ordner noch eine .txt-Datei"),
    (lambda tmp: "https://www.musterstadt.de/buergerservice/", "einzelne URL"),
])
def test_cli_bad_path_gives_a_german_error_and_exit_code_2(run, tmp_path, make_path, message):
    result, out = run("sync", "services", make_path(tmp_path))
    assert result.exit_code == 2
    assert "Fehler:" in out and message in out
    assert not (tmp_path / "data" / "rathaus.sqlite").exists()  # refused before the store was opened
