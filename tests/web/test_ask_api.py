"""The answer API, the origin allow-list, the security headers, /widget.js and the chat page, through
FastAPI's TestClient (lifespan included) over the small German index of conftest.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest
from fastapi.testclient import TestClient

from rathaus.runtime import Runtime
from rathaus.web.app import create_app
from rathaus.web.cors import normalise_origin, parse_origins

pytestmark = pytest.mark.integration

QUESTION = "Wie hoch ist die Hundesteuer ab 2025?"
SITE = "https://www.musterstadt.de"
OTHER = "https://evil.example"
SSE = {"Accept": "text/event-stream"}


def events(text: str) -> list[tuple[str, object]]:
    out = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        assert lines[0].startswith("event: ") and lines[1].startswith("data: "), block
        out.append((lines[0][7:], json.loads(lines[1][6:])))
    return out


def ask(client, question=QUESTION, **extra):
    return client.post("/api/v1/ask", json={"question": question, **extra})


@pytest.fixture
def widget_client(settings, store, web_index):
    """The app with a city site allowed to embed the widget."""
    rt = Runtime(settings.model_copy(update={"widget_origins": f"{SITE}, https://Rathaus.Musterstadt.de:443/"}),
                 store=store)
    with TestClient(create_app(rt)) as c:
        yield c


# -- answers ---------------------------------------------------------------------------------------

def test_json_answer_shape(client, web_index):
    r = ask(client)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert {"answer", "refused", "citations", "provenance_id"} <= set(body)
    assert isinstance(body["answer"], str) and body["answer"]
    assert body["refused"] is False
    assert re.fullmatch(r"[0-9a-f]{32}", body["provenance_id"])
    assert body["citations"]
    for c in body["citations"]:
        assert {"n", "document_id", "title", "url", "text", "page"} <= set(c)
        assert isinstance(c["n"], int) and f"[{c['n']}]" in body["answer"]
        assert c["document_id"] in web_index.public_ids
        assert c["url"] == web_index.documents[c["document_id"]].web_url
        assert c["text"]
        assert c["page"] is None or isinstance(c["page"], int)
    assert "Hundesteuer" in body["answer"]


def test_sse_event_order(client):
    r = client.post("/api/v1/ask", json={"question": QUESTION}, headers=SSE)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    assert r.headers["cache-control"] == "no-store"
    got = events(r.text)
    names = [n for n, _ in got]
    assert names[0] == "sources" and names[-1] == "done" and names.count("done") == 1
    assert "text" in names and "error" not in names
    first_text, last_text = names.index("text"), len(names) - 1 - names[::-1].index("text")
    assert all(n == "text" for n in names[first_text:last_text + 1])
    assert all(n == "notice" for n in names[last_text + 1:-1])  # date notices after the text
    sources = got[0][1]
    assert [s["n"] for s in sources] == list(range(1, len(sources) + 1))
    assert all(set(s) == {"n", "title", "url"} for s in sources)
    done = got[-1][1]
    streamed = "".join(d["text"] for n, d in got if n == "text")
    assert done["answer"].startswith(streamed)
    assert done["notices"] == [d["text"] for n, d in got if n == "notice"]
    assert {c["n"] for c in done["citations"]} <= {s["n"] for s in sources}


def test_refusal_has_the_handoff(client):
    body = ask(client, "Wann fährt der Bus zum Mond?").json()
    assert body["refused"] is True and body["citations"] == []
    assert body["handoff"] and body["handoff"] in body["answer"]
    english = ask(client, "Wann fährt der Bus zum Mond?", language="en").json()
    assert english["refused"] and "115" in english["answer"] and "found no reliable answer" in english["answer"]


@pytest.mark.parametrize("question", ["", "   \n\t ", "x" * 1001, "Hundesteuer\x00"])
@pytest.mark.parametrize("stream", [False, True])
def test_bad_question_is_400_json_in_english(client, question, stream):
    r = client.post("/api/v1/ask", json={"question": question}, headers=SSE if stream else {})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"] == "invalid_input"
    assert re.search(r"question (is empty|is longer than 1000 characters|contains binary)", body["message"])


def test_question_of_1000_chars_is_accepted(client):
    assert ask(client, "Hundesteuer " * 83 + "x" * 4).status_code == 200  # 1000 characters


@pytest.mark.parametrize("body", [{}, {"question": 3}, {"question": "Hundesteuer", "language": "fr"}])
def test_malformed_request_is_422(client, body):
    r = client.post("/api/v1/ask", json=body)
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"


def test_unknown_assistant_is_400(client):
    r = ask(client, assistant="geheim")
    assert r.status_code == 400 and r.json()["error"] == "config_error"


def test_rate_limit_429_with_retry_after(settings, store, web_index):
    rt = Runtime(settings.model_copy(update={"ask_rate_limit": 3}), store=store)
    with TestClient(create_app(rt)) as c:
        for _ in range(3):
            assert ask(c, "Hundesteuer").status_code == 200
        r = ask(c, "Hundesteuer")
        assert r.status_code == 429
        assert int(r.headers["retry-after"]) >= 1
        assert r.json()["error"] == "rate_limited" and r.json()["retry_after"] > 0
        assert c.post("/api/v1/ask", json={"question": "Hundesteuer"}, headers=SSE).status_code == 429
        # other endpoints are not limited by it
        assert c.get("/api/v1/search", params={"q": "Hundesteuer"}).status_code == 200


@pytest.mark.parametrize("question", [
    "Wie hoch ist die Kaufpreisobergrenze für das Grundstück der Kindertagesstätte Nord?",
    "Gibt es einen Personalengpass im Bauhof bei den Hundesteuer-Kontrollen?",
    "Personalplanung Bauhof 2025 Straßenbeleuchtung",
    "Was steht im internen Vermerk der Stadt Musterstadt?",
])
def test_non_public_collections_never_appear(client, web_index, question):
    body = ask(client, question).json()
    assert not {c["document_id"] for c in body["citations"]} & web_index.hidden_ids
    for word in ("Kaufpreisobergrenze", "Personalengpass", "1,1 Mio", "Nichtöffentlich", "intranet"):
        assert word not in body["answer"]
        assert all(word not in c["text"] and word not in c["title"] for c in body["citations"])
    r = client.post("/api/v1/ask", json={"question": question}, headers=SSE)
    assert "intranet.musterstadt.de" not in r.text and "Kaufpreisobergrenze" not in r.text
    for name, data in events(r.text):
        if name == "sources":
            assert all("intranet" not in (s["url"] or "") for s in data)
        if name == "done":
            assert not {c["document_id"] for c in data["citations"]} & web_index.hidden_ids


# -- feedback --------------------------------------------------------------------------------------

def test_feedback(client, runtime):
    provenance_id = ask(client).json()["provenance_id"]
    r = client.post("/api/v1/feedback", json={"provenance_id": provenance_id, "vote": 1, "reason": "hilfreich"})
    assert r.status_code == 204 and r.content == b""
    assert runtime.provenance.feedback_summary() == {"hilfreich": 1}
    # a second vote on the same answer replaces the first: one answer, one feedback
    for _ in range(3):
        r = client.post("/api/v1/feedback", json={"provenance_id": provenance_id, "vote": -1, "reason": "veraltet"})
        assert r.status_code == 204
    assert runtime.provenance.feedback_summary() == {"veraltet": 1}
    other = ask(client).json()["provenance_id"]
    client.post("/api/v1/feedback", json={"provenance_id": other, "vote": 1, "reason": "hilfreich"})
    assert runtime.provenance.feedback_summary() == {"veraltet": 1, "hilfreich": 1}


def test_feedback_errors(client):
    provenance_id = ask(client).json()["provenance_id"]
    r = client.post("/api/v1/feedback", json={"provenance_id": "0" * 32, "vote": 1, "reason": "hilfreich"})
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    r = client.post("/api/v1/feedback", json={"provenance_id": provenance_id, "vote": 1, "reason": "toll"})
    assert r.status_code in (400, 422) and r.json()["error"] in ("invalid_input", "invalid_request")
    for bad in ({"provenance_id": provenance_id, "vote": 0, "reason": "hilfreich"},
                {"provenance_id": provenance_id, "vote": 1, "reason": "x" * 41},
                {"provenance_id": "x" * 65, "vote": 1, "reason": "hilfreich"},
                {"provenance_id": provenance_id, "vote": 1}):
        r = client.post("/api/v1/feedback", json=bad)
        assert r.status_code == 422 and r.json()["error"] == "invalid_request", bad


# -- origins (CORS) --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/ask", "/api/v1/feedback"])
def test_preflight_allowed_for_listed_origins(widget_client, path):
    for origin in (SITE, "https://rathaus.musterstadt.de"):
        r = widget_client.options(path, headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "content-type"})
        assert r.status_code == 204, r.text
        assert r.headers["access-control-allow-origin"] == origin
        assert "POST" in r.headers["access-control-allow-methods"]
        assert "content-type" in r.headers["access-control-allow-headers"].lower()
        assert "access-control-allow-credentials" not in r.headers
        assert "Origin" in r.headers["vary"]


@pytest.mark.parametrize("path", ["/api/v1/ask", "/api/v1/feedback"])
@pytest.mark.parametrize("origin", [OTHER, "null", "https://www.musterstadt.de.evil.example", "http://www.musterstadt.de",
                                    "https://www.musterstadt.de:8443"])
def test_preflight_refused_for_other_origins(widget_client, path, origin):
    r = widget_client.options(path, headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "content-type"})
    assert r.status_code == 403
    assert r.json()["error"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in r.headers


def test_preflight_refuses_other_headers(widget_client):
    r = widget_client.options("/api/v1/ask", headers={"Origin": SITE, "Access-Control-Request-Method": "POST",
                                                      "Access-Control-Request-Headers": "content-type, x-secret"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers


def test_requests_by_origin(widget_client):
    r = widget_client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Origin": SITE})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == SITE
    assert "access-control-allow-credentials" not in r.headers
    assert "Retry-After" in r.headers["access-control-expose-headers"]
    r = widget_client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Origin": SITE, **SSE})
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == SITE
    assert events(r.text)[-1][0] == "done"
    # another origin: refused before anything is answered
    r = widget_client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Origin": OTHER})
    assert r.status_code == 403 and r.json()["error"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in r.headers
    r = widget_client.post("/api/v1/feedback", json={"provenance_id": "0" * 32, "vote": 1, "reason": "hilfreich"},
                           headers={"Origin": OTHER})
    assert r.status_code == 403
    # this server's own pages, and clients that send no Origin (curl, servers)
    r = widget_client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Origin": "http://testserver"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    assert widget_client.post("/api/v1/ask", json={"question": QUESTION}).status_code == 200
    # other endpoints are not part of the widget API and are left alone
    r = widget_client.get("/api/v1/search", params={"q": "Hundesteuer"}, headers={"Origin": OTHER})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_without_widget_origins_only_the_own_origin(client):
    assert client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Origin": SITE}).status_code == 403
    assert client.post("/api/v1/ask", json={"question": QUESTION},
                       headers={"Origin": "http://testserver"}).status_code == 200


def test_star_is_never_an_allowed_origin(settings, store, web_index):
    rt = Runtime(settings.model_copy(update={"widget_origins": "*, https://*.example, ftp://files.example"}),
                 store=store)
    with TestClient(create_app(rt)) as c:
        r = c.options("/api/v1/ask", headers={"Origin": OTHER, "Access-Control-Request-Method": "POST"})
        assert r.status_code == 403 and "access-control-allow-origin" not in r.headers


def test_origin_parsing():
    assert normalise_origin("HTTPS://WWW.Musterstadt.de:443/") == "https://www.musterstadt.de"
    assert normalise_origin("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert normalise_origin("http://[::1]:8000") == "http://[::1]:8000"
    for bad in ("null", "*", "https://", "https://a.example/path", "ftp://a.example", "https://u:p@a.example",
                "https://a.example:99999"):
        assert normalise_origin(bad) is None, bad
    assert parse_origins(" https://a.example , ,http://b.example:8080/ ,*") == {"https://a.example",
                                                                                 "http://b.example:8080"}


# -- no cookies, security headers, the widget script, the pages -----------------------------------

def test_no_endpoint_sets_a_cookie(widget_client):
    provenance_id = ask(widget_client).json()["provenance_id"]
    responses = [
        widget_client.get("/"), widget_client.get("/?lang=en"), widget_client.get("/suche?q=Hundesteuer"),
        widget_client.get("/widget.js"), widget_client.get("/static/style.css"), widget_client.get("/healthz"),
        widget_client.get("/api/v1/search", params={"q": "Hundesteuer"}), widget_client.get("/docs"),
        ask(widget_client), widget_client.post("/api/v1/ask", json={"question": QUESTION}, headers=SSE),
        widget_client.post("/api/v1/feedback", json={"provenance_id": provenance_id, "vote": 1,
                                                      "reason": "hilfreich"}),
        widget_client.options("/api/v1/ask", headers={"Origin": SITE, "Access-Control-Request-Method": "POST"}),
        widget_client.post("/api/v1/ask", json={"question": QUESTION}, headers={"Origin": OTHER}),
    ]
    for r in responses:
        assert "set-cookie" not in r.headers, r.url
    assert not widget_client.cookies


@pytest.mark.parametrize("path", ["/", "/?lang=en", "/suche", "/suche?q=Hundesteuer"])
def test_pages_have_security_headers(client, path):
    r = client.get(path)
    assert r.status_code == 200
    csp = dict(d.strip().split(" ", 1) for d in r.headers["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'" and csp["default-src"] == "'none'" and csp["object-src"] == "'none'"
    assert "unsafe" not in r.headers["content-security-policy"]
    assert csp["frame-ancestors"] == "'self'" and csp["connect-src"] == "'self'"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    # the policy can hold: no inline script, no inline event handler, no style attribute
    assert not re.search(r"<script(?![^>]*\ssrc=)", r.text)
    assert not re.search(r"\son[a-z]+\s*=", r.text) and " style=" not in r.text


def test_api_responses_have_nosniff(client):
    for r in (client.get("/healthz"), ask(client, "")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "content-security-policy" not in r.headers


def test_docs_policy_allows_only_its_own_inline_script(client):
    r = client.get("/docs")
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    csp = r.headers["content-security-policy"]
    assert f"'sha256-{digest}'" in csp and "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]


def test_widget_script_is_served_to_anyone(client):
    r = client.get("/widget.js", headers={"Origin": OTHER})
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "max-age=" in r.headers["cache-control"] and "public" in r.headers["cache-control"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["etag"]
    assert "customElements.define(\"rathaus-assistant\"" in r.text
    assert "credentials: \"omit\"" in r.text
    # no eval, no HTML parsing of text, no storage in the browser (comments aside)
    code = re.sub(r"/\*.*?\*/", "", r.text, flags=re.DOTALL)
    code = "\n".join(line for line in code.splitlines() if not line.strip().startswith("//"))
    for forbidden in ("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                      "localStorage", "sessionStorage", "document.cookie", "indexedDB", "setTimeout(\""):
        assert forbidden not in code, forbidden
    again = client.get("/widget.js", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_chat_page(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="de">' in r.text
    assert "Sie schreiben mit einem KI-Assistenten. Antworten werden automatisch aus veröffentlichten Dokumenten " \
           "der Stadt erstellt und können Fehler enthalten. Bitte prüfen Sie die verlinkten Quellen." in r.text
    assert '<rathaus-assistant mode="inline" lang="de">' in r.text
    assert '<script src="/widget.js" defer></script>' in r.text
    assert 'href="/suche"' in r.text and 'href="#main"' in r.text
    assert "<noscript>" in r.text
    r = client.get("/", params={"lang": "en"})
    assert '<html lang="en">' in r.text and "You are chatting with an AI assistant." in r.text
    assert '<rathaus-assistant mode="inline" lang="en">' in r.text and 'href="/suche?lang=en"' in r.text
    assert client.get("/", params={"lang": "fr"}).text.startswith("<!doctype html>\n<html lang=\"de\">")
    # the search page links back to the assistant
    r = client.get("/suche")
    assert 'href="/"' in r.text and "KI-Assistent" in r.text
