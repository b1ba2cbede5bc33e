"""The HTTP API and the search page through FastAPI's TestClient (lifespan included)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from rathaus.documents import Access

pytestmark = pytest.mark.integration

MODES = ("hybrid", "lexical", "dense")


def search(client, **params) -> list[dict]:
    r = client.get("/api/v1/search", params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    return r.json()["results"]


def ids(results: list[dict]) -> list[str]:
    return [r["document_id"] for r in results]


class Links(HTMLParser):
    """Collects the href of every <a> inside the results list (<ol class="results">)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_results = 0
        self.hrefs: list[str] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "ol" and "results" in (a.get("class") or ""):
            self.in_results += 1
        if tag == "a" and self.in_results:
            self.hrefs.append(a.get("href"))

    def handle_endtag(self, tag):
        if tag == "ol" and self.in_results:
            self.in_results -= 1


def results_section(html: str) -> str:
    start = html.find('<section aria-labelledby="results-heading">')
    assert start >= 0, "no results section"
    return html[start:]


def parse(html: str) -> Links:
    p = Links()
    p.feed(html)
    return p


# -- search: shape, German analysis, filters, limit -----------------------------------------------

def test_search_returns_documented_shape(client, web_index):
    results = search(client, q="Hundesteuer")
    assert results, "Hundesteuer must be found"
    for r in results:
        assert {"document_id", "title", "reference", "url", "score", "passages"} <= r.keys()
        assert isinstance(r["document_id"], str) and isinstance(r["title"], str)
        assert r["reference"] is None or isinstance(r["reference"], str)
        assert isinstance(r["url"], str) and r["url"].startswith("https://")
        assert isinstance(r["score"], float) and r["score"] > 0
        assert r["passages"], "every result cites at least one passage"
        for p in r["passages"]:
            assert {"text", "page"} <= p.keys()
            assert isinstance(p["text"], str) and p["text"]
            assert p["page"] is None or isinstance(p["page"], int)
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    top = results[0]
    doc = web_index.documents[web_index.ids["hundesteuer"]]
    assert top["document_id"] == doc.id
    assert top["title"] == doc.title
    assert top["reference"] == "VO/2024/0815"
    assert top["url"] == doc.web_url
    assert top["passages"][0]["page"] in (1, 2)
    assert "Hundesteuer" in top["passages"][0]["text"]


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
@pytest.mark.parametrize("q", ["Strassenbeleuchtung", "Straßenbeleuchtung", "STRASSENBELEUCHTUNG",
                               "strassenbeleuchtungen"])
def test_german_folding_through_http(client, web_index, q, mode):
    results = search(client, q=q, mode=mode)
    assert ids(results)[0] == web_index.ids["beleuchtung"]
    assert "lexical" in results[0]["matched_by"]


def test_compound_part_finds_compound(client, web_index):
    # "Beleuchtung" is a part of "Straßenbeleuchtung"; the meeting's agenda also mentions it.
    found = ids(search(client, q="Beleuchtung", mode="lexical"))
    assert web_index.ids["beleuchtung"] in found and web_index.ids["sitzung"] in found


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
def test_kita_synonym_finds_kindertagesstaette(client, web_index, mode):
    doc = web_index.documents[web_index.ids["kita"]]
    assert "kita" not in doc.title.lower() and all("kita" not in p.text.lower() for p in doc.passages)
    results = search(client, q="Kita", mode=mode)
    assert ids(results)[0] == doc.id
    assert "<mark>Kindertagesstätte</mark>" in results[0]["passages"][0]["snippet"]


def test_umlauts_and_eszett_survive_json(client, web_index):
    r = client.get("/api/v1/search", params={"q": "Änderung Hundesteuersatzung"})
    assert r.status_code == 200
    top = r.json()["results"][0]
    assert top["title"] == "Änderung der Hundesteuersatzung – Erhöhung der Hundesteuer ab 2025"
    assert "beschließt" in top["passages"][0]["text"]


def test_filter_type(client, web_index):
    meetings = search(client, q="Musterstadt", type="Meeting")
    assert ids(meetings) == [web_index.ids["sitzung"]]
    assert all(r["type"] == "Meeting" for r in meetings)
    papers = search(client, q="Musterstadt", type="Paper")
    assert papers and all(r["type"] == "Paper" for r in papers)
    assert web_index.ids["sitzung"] not in ids(papers)
    both = search(client, q="Musterstadt", type=["Paper", "Meeting"])
    assert set(ids(both)) == web_index.public_ids
    assert search(client, q="Musterstadt", type="Organization") == []


@pytest.mark.parametrize("mode", MODES)
def test_filter_dates_inclusive(client, web_index, mode):
    results = search(client, q="Musterstadt", date_from="2024-01-01", date_to="2024-05-14", mode=mode)
    assert set(ids(results)) == {web_index.ids["hundesteuer"], web_index.ids["sitzung"]}
    assert all("2024-01-01" <= r["date"] <= "2024-05-14" for r in results)
    only_from = search(client, q="Musterstadt", date_from="2024-05-15", mode=mode)
    assert ids(only_from) == [web_index.ids["kita"]]
    only_to = search(client, q="Musterstadt", date_to="2022-12-31", mode=mode)
    assert ids(only_to) == [web_index.ids["spielplatz"]]
    assert search(client, q="Musterstadt", date_from="2025-01-01", mode=mode) == []


@pytest.mark.parametrize("mode", MODES)
def test_filter_organization(client, web_index, mode):
    results = search(client, q="Musterstadt", organization="Ausschuss für Umwelt und Verkehr", mode=mode)
    assert set(ids(results)) == {web_index.ids["beleuchtung"], web_index.ids["spielplatz"]}
    assert all("Ausschuss für Umwelt und Verkehr" in r["organizations"] for r in results)
    # Jugendhilfeausschuss is linked to the public Kita paper and to the confidential one.
    assert ids(search(client, q="Kindertagesstätte", organization="Jugendhilfeausschuss", mode=mode)) == [
        web_index.ids["kita"]]
    assert search(client, q="Musterstadt", organization="Umwelt", mode=mode) == []  # exact match only


def test_limit(client, web_index):
    assert set(ids(search(client, q="Musterstadt"))) == web_index.public_ids
    assert len(search(client, q="Musterstadt", limit=2)) == 2
    assert len(search(client, q="Musterstadt", limit=1)) == 1
    assert len(search(client, q="Musterstadt", limit=100)) == len(web_index.public_ids)


def test_search_is_deterministic(client):
    first = client.get("/api/v1/search", params={"q": "Hundesteuer Straßenbeleuchtung"}).json()["results"]
    second = client.get("/api/v1/search", params={"q": "Hundesteuer Straßenbeleuchtung"}).json()["results"]
    assert [(r["document_id"], r["score"]) for r in first] == [(r["document_id"], r["score"]) for r in second]


# -- access: anonymous callers see only 'offen' ----------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("q", ["Musterstadt", "Hundesteuer", "Straßenbeleuchtung", "Kita", "Kindertagesstätte Nord",
                               "Kaufpreisobergrenze", "Personalengpass Bauhof", "Interner Vermerk Nichtöffentlich"])
def test_search_never_shows_hidden_documents(client, web_index, q, mode):
    r = client.get("/api/v1/search", params={"q": q, "mode": mode, "limit": 100})
    assert r.status_code == 200
    results = r.json()["results"]
    assert not set(ids(results)) & web_index.hidden_ids
    shown = json.dumps(results, ensure_ascii=False)  # not the echoed query
    for word in ("Kaufpreisobergrenze", "Personalengpass", "intranet.musterstadt.de", "NÖ/2024", "INT/2025"):
        assert word not in shown


@pytest.mark.parametrize("q", ["Kaufpreisobergrenze", "Personalengpass"])
def test_words_only_in_hidden_documents_find_nothing(client, q):
    assert search(client, q=q, mode="lexical") == []


def test_search_collection_filter_cannot_unlock_hidden(client):
    for name in ("verwaltung-intern", "liegenschaften-vertraulich"):
        assert search(client, q="Hundesteuer", collection=name) == []


def test_documents_list_and_total_are_public_only(client, web_index):
    r = client.get("/api/v1/documents", params={"limit": 200})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(web_index.public_ids)
    assert {d["id"] for d in body["documents"]} == web_index.public_ids
    assert all(d["classification"] == "offen" for d in body["documents"])
    dates = [d["date"] for d in body["documents"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    # the url is the RIS page
    urls = {d["id"]: d["url"] for d in body["documents"]}
    assert urls[web_index.ids["beleuchtung"]] == web_index.documents[web_index.ids["beleuchtung"]].web_url
    papers = client.get("/api/v1/documents", params={"type": "Paper"}).json()
    assert papers["total"] == 4 and {d["id"] for d in papers["documents"]} <= web_index.public_ids
    page = client.get("/api/v1/documents", params={"limit": 2, "offset": 4}).json()
    assert page["total"] == 5 and len(page["documents"]) == 1


def _not_found_body(r, secret: str) -> dict:
    assert r.status_code == 404, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"] == "not_found"
    return {k: (v.replace(secret, "<id>") if isinstance(v, str) else v) for k, v in body.items()}


@pytest.mark.parametrize("name", ["intern", "vertraulich"])
def test_hidden_document_is_404_like_a_missing_one(client, web_index, name):
    hidden = web_index.ids[name]
    missing = "https://oparl.musterstadt.de/oparl/v1/paper/gibt-es-nicht"
    for path in ("/api/v1/document", "/api/v1/document/chunks"):
        r_hidden = client.get(path, params={"id": hidden})
        r_missing = client.get(path, params={"id": missing})
        assert _not_found_body(r_hidden, hidden) == _not_found_body(r_missing, missing)
        assert "Personalengpass" not in r_hidden.text and "Kaufpreis" not in r_hidden.text


def test_hidden_chunk_is_404_like_a_missing_one(client, web_index):
    assert web_index.hidden_chunk_ids
    missing_id = max(web_index.hidden_chunk_ids + web_index.public_chunk_ids) + 1000
    r_missing = client.get(f"/api/v1/chunks/{missing_id}")
    expected = _not_found_body(r_missing, str(missing_id))
    for chunk_id in web_index.hidden_chunk_ids:
        r = client.get(f"/api/v1/chunks/{chunk_id}")
        assert _not_found_body(r, str(chunk_id)) == expected


def test_public_document_chunk_endpoints(client, web_index):
    doc_id = web_index.ids["hundesteuer"]
    r = client.get("/api/v1/document", params={"id": doc_id})
    assert r.status_code == 200
    doc = r.json()
    assert doc["id"] == doc_id and doc["title"].startswith("Änderung") and doc["chunk_count"] >= 2
    assert doc["url"] == web_index.documents[doc_id].web_url
    chunks = client.get("/api/v1/document/chunks", params={"id": doc_id}).json()
    assert chunks["document_id"] == doc_id
    assert [c["ord"] for c in chunks["chunks"]] == list(range(len(chunks["chunks"])))
    assert {c["page"] for c in chunks["chunks"]} == {1, 2}
    one = client.get(f"/api/v1/chunks/{chunks['chunks'][0]['id']}")
    assert one.status_code == 200
    assert one.json()["document"]["id"] == doc_id and one.json()["text"] == chunks["chunks"][0]["text"]


# -- errors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("params, field", [
    ({"q": ""}, "query.q"),
    ({"q": "   "}, "query.q"),  # blank: would otherwise rank everything by the embedding of ""
    ({"q": "\t\n"}, "query.q"),
    ({"q": "x" * 1001}, "query.q"),
    ({"q": "Hundesteuer", "limit": 0}, "query.limit"),
    ({"q": "Hundesteuer", "limit": 1000}, "query.limit"),
    ({"q": "Hundesteuer", "limit": "zehn"}, "query.limit"),
    ({"q": "Hundesteuer", "date_from": "2024-13-45"}, "query.date_from"),
    ({"q": "Hundesteuer", "date_to": "gestern"}, "query.date_to"),
    ({"q": "Hundesteuer", "mode": "magisch"}, "query.mode"),
    ({}, "query.q"),
])
def test_bad_input_is_422_json_in_english(client, params, field):
    r = client.get("/api/v1/search", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"] == "invalid_request"
    assert body["message"] == "The request parameters are invalid."
    assert field in [d["field"] for d in body["details"]]
    for d in body["details"]:
        assert d["message"] and d["message"].isascii()  # English (pydantic's messages), no German


def test_query_of_exactly_1000_chars_is_accepted(client):
    r = client.get("/api/v1/search", params={"q": ("Hundesteuer " * 100)[:1000]})
    assert r.status_code == 200


def test_unknown_document_is_404_json(client):
    r = client.get("/api/v1/document", params={"id": "https://example.org/paper/404"})
    assert r.status_code == 404
    assert r.json()["error"] == "not_found"
    assert r.json()["message"]
    r = client.get("/api/v1/chunks/987654")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    r = client.get("/api/v1/chunks/keine-zahl")
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    r = client.get("/api/v1/document")
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"


# -- health, OpenAPI ------------------------------------------------------------------------------

def test_healthz(client, runtime):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["version"]
    # only what an anonymous caller may see is counted: hidden collections stay invisible
    assert body["documents"] == runtime.store.count_documents(Access.anonymous()) < runtime.store.stats()["documents"]
    assert "chunks" not in body
    assert body["embedder"] == "fake/hashed-stems"
    assert body["vector_coverage"] == 1.0


def test_openapi_and_docs_are_served(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    assert spec["info"]["title"] == "Rathaus"
    for path in ("/api/v1/search", "/api/v1/documents", "/api/v1/document", "/api/v1/document/chunks",
                 "/api/v1/chunks/{chunk_id}", "/healthz"):
        assert path in spec["paths"], path
    assert "/" not in spec["paths"]  # the HTML page is not part of the API
    r = client.get("/docs")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "swagger" in r.text.lower() and "/openapi.json" in r.text
    # every script and stylesheet of the docs page is served here: it works without internet
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', r.text)
    assert assets and all(a.startswith("/static/") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_static_stylesheet_is_served(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")


# -- the search page ------------------------------------------------------------------------------

def test_page_renders_german_form(client):
    r = client.get("/suche")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    page = parse(r.text)
    assert page.html_lang == "de"
    assert '<label for="q">Suchbegriff</label>' in r.text
    assert "Ratsinformationen durchsuchen" in r.text
    assert ">Suchen</button>" in r.text
    assert 'href="#main"' in r.text and "Zum Inhalt springen" in r.text
    assert 'role="search"' in r.text
    assert "Treffer" not in r.text  # no results section before a search


def test_page_shows_results_with_marks_and_links(client, web_index):
    r = client.get("/suche", params={"q": "Hundesteuer"})
    assert r.status_code == 200
    page = parse(r.text)
    assert page.html_lang == "de"
    doc = web_index.documents[web_index.ids["hundesteuer"]]
    assert page.hrefs and page.hrefs[0] == doc.web_url
    assert "<mark>Hundesteuer</mark>" in r.text
    assert re.search(r"\d+ Treffer", r.text)
    assert "Zum Dokument im Ratsinformationssystem" in r.text
    assert "12.03.2024" in r.text  # German date format
    assert 'value="Hundesteuer"' in r.text  # the query stays in the field


def test_page_folding_and_synonyms(client, web_index):
    r = client.get("/suche", params={"q": "Strassenbeleuchtung"})
    assert parse(r.text).hrefs[0] == web_index.documents[web_index.ids["beleuchtung"]].web_url
    assert "<mark>Straßenbeleuchtung</mark>" in r.text
    r = client.get("/suche", params={"q": "Kita"})
    assert parse(r.text).hrefs[0] == web_index.documents[web_index.ids["kita"]].web_url
    assert "<mark>Kindertagesstätte</mark>" in r.text


def test_page_filters(client, web_index):
    r = client.get("/suche", params={"q": "Musterstadt", "type": "Meeting"})
    hrefs = parse(r.text).hrefs
    assert set(hrefs) == {web_index.documents[web_index.ids["sitzung"]].web_url}
    r = client.get("/suche", params={"q": "Musterstadt", "date_to": "2022-12-31"})
    assert set(parse(r.text).hrefs) == {web_index.documents[web_index.ids["spielplatz"]].web_url}


def test_page_never_shows_hidden_documents(client, web_index):
    for q in ("Musterstadt", "Kaufpreisobergrenze", "Personalengpass", "Kindertagesstätte Nord"):
        r = client.get("/suche", params={"q": q})
        assert r.status_code == 200
        assert "intranet.musterstadt.de" not in r.text
        shown = results_section(r.text)  # the query itself is echoed in the form and title
        for word in ("Kaufpreisobergrenze", "Personalengpass", "Grundstücksankauf", "Personalplanung"):
            assert word not in shown


def test_page_no_results_message(client):
    r = client.get("/suche", params={"q": "Hundesteuer", "date_from": "2030-01-01"})
    assert r.status_code == 200
    assert "0 Treffer" in r.text
    assert "Keine Treffer. Versuchen Sie andere oder weniger Suchbegriffe." in r.text
    assert parse(r.text).hrefs == []


def test_page_in_english(client):
    r = client.get("/suche", params={"lang": "en"})
    assert parse(r.text).html_lang == "en"
    assert '<label for="q">Search terms</label>' in r.text and ">Search</button>" in r.text
    assert "Skip to content" in r.text
    r = client.get("/suche", params={"lang": "en", "q": "Hundesteuer"})
    assert parse(r.text).html_lang == "en"
    assert re.search(r"\d+ results", r.text) and "<mark>Hundesteuer</mark>" in r.text
    assert 'href="?lang=de&amp;q=Hundesteuer"' in r.text  # the language switch keeps the query


def test_page_too_long_query_gives_german_message(client):
    r = client.get("/suche", params={"q": "Hundesteuer " * 100 + "x"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    assert parse(r.text).html_lang == "de"
    assert "Der Suchbegriff ist zu lang (höchstens 1000 Zeichen)." in r.text
    assert 'role="alert"' in r.text and 'aria-invalid="true"' in r.text
    assert not r.text.lstrip().startswith("{") and "invalid_request" not in r.text
    r = client.get("/suche", params={"q": "x" * 1001, "lang": "en"})
    assert r.status_code == 422 and "The query is too long (at most 1000 characters)." in r.text


def test_page_other_bad_input_gives_german_message(client):
    for params in ({"q": "Hundesteuer", "type": "Geheim"}, {"q": "Hundesteuer", "date_from": "morgen"},
                   {"q": "Hundesteuer", "lang": "fr"}):
        r = client.get("/suche", params=params)
        assert r.status_code == 422
        assert r.headers["content-type"].startswith("text/html")
        assert "Bitte prüfen Sie die Eingabe." in r.text
        assert parse(r.text).html_lang == "de"


def test_page_escapes_user_input_and_document_text(client):
    r = client.get("/suche", params={"q": '<script>alert("x")</script> Spielplatz'})
    assert r.status_code == 200
    assert "<script>" not in r.text
    assert "&lt;script&gt;" in r.text
    # the document text "Kosten < 50.000 € & Eigenleistung" is escaped in the snippet
    assert "Kosten &lt; 50.000 € &amp; Eigenleistung" in r.text
    assert "<mark>Spielplatz</mark>" in r.text
