"""The citizens' assistant at / in a real browser (Debian's Chromium via Playwright, against uvicorn).

Never downloads a browser: without /usr/bin/chromium the module is skipped. One browser for the
module; each test gets a fresh index, app and browser context.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.browser import (
    CHROMIUM,
    DEEP_ACTIVE,
    SKIP_REASON,
    axe_violations,
    describe,
    serve_app,
)

if not CHROMIUM.exists():
    pytest.skip(SKIP_REASON, allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, Page, Route, expect  # noqa: E402

from rathaus.web.ratelimit import RateLimiter  # noqa: E402

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/rathaus-chat.png")
QUESTION = "Wie hoch ist die Hundesteuer ab 2025?"
NOTICE_DE = ("Sie schreiben mit einem KI-Assistenten. Antworten werden automatisch aus veröffentlichten Dokumenten "
             "der Stadt erstellt und können Fehler enthalten. Bitte prüfen Sie die verlinkten Quellen.")
NOTICE_EN = ("You are chatting with an AI assistant. Answers are generated automatically from documents the city "
             "has published and may contain errors. Please check the linked sources.")


@pytest.fixture
def base_url(app) -> Iterator[str]:
    with serve_app(app) as url:
        yield url


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=base_url, locale="de-DE", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(8000)
    # Only the app itself is reachable: no request leaves 127.0.0.1.
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url) else route.abort())
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    # CSP violations and failed scripts show up as console errors; failed API calls that a test
    # provokes on purpose are logged by Chromium as "Failed to load resource", which is fine.
    pg.on("console", lambda msg: problems.append(f"console: {msg.text}")
          if msg.type == "error" and "Failed to load resource" not in msg.text else None)
    yield pg
    assert not problems, f"errors on the page: {problems}"


def ask(page: Page, question: str) -> None:
    field = page.get_by_label("Ihre Frage")
    field.fill(question)
    page.get_by_role("button", name="Frage senden").click()


def active(page: Page) -> dict:
    return page.evaluate(DEEP_ACTIVE)


def assert_no_storage(page: Page, context: BrowserContext) -> None:
    assert context.cookies() == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]
    assert page.evaluate("() => document.cookie") == ""


def test_answer_streams_with_sources_notice_and_ai_notice(page: Page, context: BrowserContext, web_index):
    page.goto("/")
    expect(page).to_have_title("Fragen an die Stadt – Rathaus")
    assert page.locator("html").get_attribute("lang") == "de"
    # the AI notice at the top of the page and by the form
    expect(page.locator("main > .ai-notice")).to_contain_text(NOTICE_DE)
    expect(page.locator("main > .ai-notice")).to_be_visible()
    form_notice = page.locator("rathaus-assistant .notice")
    expect(form_notice).to_be_visible()
    expect(form_notice).to_contain_text(NOTICE_DE)
    assert page.get_by_label("Ihre Frage").get_attribute("aria-describedby").startswith("notice")
    # a link to the search page, and the search page links back
    expect(page.get_by_role("link", name="Ratsinformationen durchsuchen").first).to_have_attribute("href", "/suche")

    with page.expect_response("**/api/v1/ask") as info:
        ask(page, QUESTION)
    assert info.value.request.headers["accept"] == "text/event-stream"
    assert json.loads(info.value.request.post_data) == {"question": QUESTION, "assistant": "public", "language": "de"}
    expect(page.locator(".question")).to_contain_text(QUESTION)
    answer = page.locator(".answer-text")
    expect(answer).to_contain_text("Hundesteuer")
    expect(page.locator(".pending")).to_have_count(0)

    # sources: numbered links to public documents, with title, date and page
    sources = page.locator("ol.sources > li")
    expect(sources.first).to_be_visible()
    public_urls = {d.web_url: d for d in web_index.documents.values() if d.id in web_index.public_ids}
    for i in range(sources.count()):
        item = sources.nth(i)
        link = item.get_by_role("link").first
        href = link.get_attribute("href")
        assert href in public_urls, href
        assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
        expect(link).to_contain_text(public_urls[href].title)
        n = item.get_attribute("value")
        assert item.get_attribute("id") == f"src-1-{n}"
        date = public_urls[href].date
        expect(item.locator(".meta")).to_contain_text(f"{date[8:10]}.{date[5:7]}.{date[:4]}")
    # every [n] in the answer links to its source, and following it moves the focus there
    cite = answer.locator("a.cite").first
    expect(cite).to_be_visible()
    target = cite.get_attribute("href").lstrip("#")
    n = target.rsplit("-", 1)[1]
    expect(cite).to_have_text(f"[{n}]")
    expect(cite).to_have_accessible_name(re.compile(rf"^Quelle {n}: \S"))
    cite.click()
    assert active(page)["id"] == target
    # date notices of the sources
    expect(page.locator(".notices li").first).to_contain_text("Stand der Quelle")
    # feedback controls follow the answer
    expect(page.get_by_role("group", name="War diese Antwort hilfreich?")).to_be_visible()
    assert "intranet.musterstadt.de" not in page.locator("rathaus-assistant").inner_text()
    assert_no_storage(page, context)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


def test_keyboard_only(page: Page, runtime):
    page.goto("/")
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        now = active(page)
        stops.append(now["tag"] + ":" + (now["id"] or now["text"] or now["label"]))
        if now["tag"] == "textarea":
            break
    assert stops == ["a:Zum Inhalt springen", "a:KI-Assistent", "a:Ratsinformationen durchsuchen", "a:English",
                     "a:Ratsinformationen durchsuchen", "textarea:question"], stops
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator("ol.sources > li").first).to_be_visible()
    expect(page.get_by_label("Ihre Frage")).to_have_value("")
    assert active(page)["id"] == "question", "the focus stays in the field for the next question"
    page.keyboard.press("Tab")
    now = active(page)
    assert now["inShadow"] and now["tag"] == "button" and now["text"] == "Frage senden"
    # back into the answer: the feedback controls come right before the field
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert active(page)["text"] == "Rückmeldung senden"
    page.keyboard.press("Shift+Tab")
    assert active(page)["tag"] == "select"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert active(page)["text"].endswith("Ja")
    page.keyboard.press("Space")
    up = page.get_by_role("button", name="Ja")
    expect(up).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_label("Grund")).to_have_value("hilfreich")  # a thumbs up picks "Hilfreich"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page)["text"] == "Rückmeldung senden"
    page.keyboard.press("Enter")
    thanks = page.get_by_text("Vielen Dank für Ihre Rückmeldung!")
    expect(thanks).to_be_visible()
    assert active(page)["text"] == "Vielen Dank für Ihre Rückmeldung!", "the focus is not lost"
    assert runtime.provenance.feedback_summary() == {"hilfreich": 1}


def test_feedback_posts_and_thanks(page: Page, runtime):
    page.goto("/")
    ask(page, QUESTION)
    send = page.get_by_role("button", name="Rückmeldung senden")
    expect(send).to_be_visible()
    send.click()
    expect(page.locator(".fb-message")).to_have_text("Bitte wählen Sie zuerst „Ja“ oder „Nein“.")
    page.get_by_role("button", name="Nein").click()
    send.click()
    expect(page.locator(".fb-message")).to_have_text("Bitte wählen Sie einen Grund.")
    reasons = page.get_by_label("Grund").locator("option").all_inner_texts()
    assert reasons == ["Bitte wählen", "Hilfreich", "Falsch", "Unvollständig", "Veraltet", "Unverständlich",
                       "Quelle passt nicht", "Sonstiges"]
    page.get_by_label("Grund").select_option("veraltet")
    with page.expect_response("**/api/v1/feedback") as info:
        send.click()
    assert info.value.status == 204
    body = json.loads(info.value.request.post_data)
    assert body["vote"] == -1 and body["reason"] == "veraltet" and len(body["provenance_id"]) == 32
    expect(page.get_by_text("Vielen Dank für Ihre Rückmeldung!")).to_be_visible()
    expect(page.get_by_role("button", name="Rückmeldung senden")).to_have_count(0)
    assert runtime.provenance.feedback_summary() == {"veraltet": 1}


def test_refusal_is_a_normal_answer_with_the_handoff(page: Page):
    page.goto("/")
    ask(page, "Wann fährt der Bus zum Mond?")
    answer = page.locator(".answer-text")
    expect(answer).to_contain_text("keine verlässliche Antwort")
    expect(answer).to_contain_text("115")
    expect(page.locator(".answer .error")).to_have_count(0)
    expect(page.locator("ol.sources")).to_have_count(0)
    expect(page.get_by_role("group", name="War diese Antwort hilfreich?")).to_be_visible()


def test_english(page: Page):
    page.goto("/?lang=en")
    expect(page).to_have_title("Ask the city – Rathaus")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("main > .ai-notice")).to_contain_text(NOTICE_EN)
    expect(page.locator("rathaus-assistant .notice")).to_contain_text(NOTICE_EN)
    expect(page.get_by_role("link", name="Search council information").first).to_have_attribute(
        "href", "/suche?lang=en")
    with page.expect_response("**/api/v1/ask") as info:
        page.get_by_label("Your question").fill(QUESTION)
        page.get_by_role("button", name="Send question").click()
    assert json.loads(info.value.request.post_data)["language"] == "en"
    expect(page.locator(".sources-title")).to_have_text("Sources")
    expect(page.locator(".notices li").first).to_contain_text("Source date")
    expect(page.get_by_role("group", name="Was this answer helpful?")).to_be_visible()
    reasons = page.get_by_label("Reason").locator("option").all_inner_texts()
    assert reasons[1:] == ["Helpful", "Wrong", "Incomplete", "Out of date", "Hard to understand",
                           "Source does not match", "Other"]
    page.get_by_role("link", name="Deutsch").click()
    expect(page.get_by_label("Ihre Frage")).to_be_visible()


def test_empty_question_and_rate_limit_show_german_messages(page: Page, app):
    page.goto("/")
    page.get_by_role("button", name="Frage senden").click()
    alert = page.locator("#form-error")
    expect(alert).to_have_text("Bitte geben Sie eine Frage ein.")
    assert alert.get_attribute("role") == "alert"
    expect(page.get_by_label("Ihre Frage")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".exchange")).to_have_count(0)  # nothing was sent

    app.state.rate_limiter = RateLimiter(1)  # one question per minute
    ask(page, QUESTION)
    expect(page.locator("ol.sources").first).to_be_visible()
    with page.expect_response("**/api/v1/ask") as info:
        ask(page, "Was kostet die Sanierung des Spielplatzes?")
    assert info.value.status == 429
    error = page.locator(".exchange").nth(1).locator(".error")
    expect(error).to_contain_text("Sie haben in kurzer Zeit viele Fragen gestellt. Bitte warten Sie")
    expect(error).to_contain_text("Sekunden")
    expect(page.locator(".exchange").nth(1).locator(".answer-text")).to_have_count(0)


@pytest.mark.parametrize(("status", "body", "message"), [
    (400, {"error": "invalid_input", "message": "question contains binary or control characters"},
     "Diese Frage konnte nicht bearbeitet werden."),
    (503, {"error": "backend_error", "message": "backend 'gpu' failed: Traceback (most recent call last)"},
     "Der Assistent ist gerade nicht verfügbar."),
    (500, {"error": "internal_error", "message": "An unexpected error occurred; it was logged."},
     "Es ist ein Fehler aufgetreten."),
    (None, None, "Der Assistent ist nicht erreichbar."),
    (200, "event: sources\ndata: []\n\nevent: error\ndata: {\"error\": \"backend_error\", \"message\": \"boom\"}\n\n",
     "Der Assistent ist gerade nicht verfügbar."),
    (200, "event: sources\ndata: []\n\nevent: text\ndata: {\"text\": \"Halb\"}\n\n",
     "Die Antwort wurde unterbrochen."),
])
def test_errors_show_a_message_never_a_stack_trace(page: Page, status, body, message):
    def fulfil(route: Route) -> None:
        if status is None:
            route.abort("connectionrefused")
        elif isinstance(body, str):
            route.fulfill(status=status, body=body, content_type="text/event-stream")
        else:
            route.fulfill(status=status, json=body)

    page.route("**/api/v1/ask", fulfil)
    page.goto("/")
    ask(page, QUESTION)
    error = page.locator(".answer .error")
    expect(error).to_contain_text(message)
    text = page.locator("rathaus-assistant").inner_text()
    assert "Traceback" not in text and "backend_error" not in text and "boom" not in text
    expect(page.get_by_label("Ihre Frage")).to_be_editable()
    # the next question works again
    page.unroute("**/api/v1/ask")
    ask(page, QUESTION)
    expect(page.locator(".exchange").nth(1).locator("ol.sources > li").first).to_be_visible()


def test_document_html_is_shown_as_text(page: Page):
    """Titles, passages and URLs come from documents: markup in them must stay text, and only http(s)
    links are made."""
    evil = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>"
    citations = [
        {"n": 1, "document_id": "d1", "title": "Satzung " + evil, "url": "javascript:window.__pwned=3",
         "text": "Passage " + evil, "page": 3, "date": "2024-03-12", "type": "Paper"},
        {"n": 2, "document_id": "d2", "title": "Zweite <b>Quelle</b>", "url": "https://ratsinfo.example/2",
         "text": "", "page": None, "date": None, "type": "Paper"},
    ]
    done = {"answer": "", "refused": False, "citations": citations, "provenance_id": "p" * 32, "notices": [],
            "handoff": None, "model": "test"}
    stream = "".join(f"event: {name}\ndata: {json.dumps(data)}\n\n" for name, data in [
        ("sources", [{"n": c["n"], "title": c["title"], "url": c["url"]} for c in citations]),
        ("text", {"text": f"Die Steuer {evil} steigt [1]."}),
        ("text", {"text": " Mehr dazu [2][9]."}),
        ("notice", {"text": "Stand der Quelle: [1] 12.03.2024 <i>x</i>."}),
        ("done", done),
    ])
    page.route("**/api/v1/ask", lambda route: route.fulfill(status=200, body=stream,
                                                            content_type="text/event-stream"))
    page.goto("/")
    ask(page, QUESTION)
    answer = page.locator(".answer-text")
    expect(answer).to_contain_text(f"Die Steuer {evil} steigt")
    expect(answer).to_contain_text("[9]")  # a number without a source stays plain text
    expect(answer.locator("a.cite")).to_have_count(2)
    expect(page.locator(".notices li")).to_have_text("Stand der Quelle: [1] 12.03.2024 <i>x</i>.")
    expect(page.locator(".notices a.cite")).to_have_count(1)
    host = page.locator("rathaus-assistant")
    expect(host.locator("img")).to_have_count(0)
    expect(host.locator("script")).to_have_count(0)
    expect(host.locator("b")).to_have_count(0)
    expect(host.locator("i")).to_have_count(0)
    first = page.locator("ol.sources > li").first
    expect(first).to_contain_text("Satzung " + evil)
    expect(first.get_by_role("link")).to_have_count(0)  # javascript: is no link
    expect(first.locator(".meta")).to_have_text("(12.03.2024, Seite 3)")
    first.locator("summary").click()
    expect(first.locator("blockquote")).to_have_text("Passage " + evil)
    expect(page.locator("ol.sources > li").nth(1).get_by_role("link")).to_have_attribute(
        "href", "https://ratsinfo.example/2")
    assert page.evaluate("() => window.__pwned") is None


def test_security_headers_and_no_inline_script(page: Page, base_url):
    response = page.goto("/")
    headers = response.headers
    csp = headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "set-cookie" not in headers
    # the widget runs under this policy (a CSP violation would be a console error, see the fixture)
    expect(page.get_by_label("Ihre Frage")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/?lang=en"])
def test_axe_empty_page(page: Page, path):
    page.goto(path)
    expect(page.get_by_role("button", name="Frage senden").or_(
        page.get_by_role("button", name="Send question"))).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_axe_after_an_answer(page: Page):
    page.goto("/")
    ask(page, QUESTION)
    expect(page.get_by_role("button", name="Rückmeldung senden")).to_be_visible()
    page.locator("ol.sources summary").first.click()  # an opened passage too
    page.get_by_role("button", name="Nein").click()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
