"""The staff web interface under /intern in a real browser (Debian's Chromium via Playwright, against uvicorn).

Never downloads a browser: without /usr/bin/chromium the module is skipped. One browser and one server
(with its own index, accounts and workspace) for the whole module; every test gets a fresh browser
context (so its own cookies) and works with its own user, so the tests do not see each other's
conversations, files or prompts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest

from tests.web.browser import CHROMIUM, SKIP_REASON, axe_violations, describe, serve_app

if not CHROMIUM.exists():
    pytest.skip(SKIP_REASON, allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, Page, Route, expect  # noqa: E402

from rathaus.config import Settings  # noqa: E402
from rathaus.documents import SearchFilters  # noqa: E402
from rathaus.embed.worker import embed_missing  # noqa: E402
from rathaus.runtime import Runtime  # noqa: E402
from rathaus.store.sqlite import SQLiteStore  # noqa: E402
from rathaus.web.app import create_app  # noqa: E402
from rathaus.web.ratelimit import RateLimiter  # noqa: E402
from tests.web.conftest import RIS, fill_store  # noqa: E402

pytestmark = pytest.mark.browser

PASSWORD = "Rathausplatz 1, 12345"
QUESTION = "Wie hoch ist die Hundesteuer für den ersten Hund ab 2025?"
HUNDESTEUER_URL = f"{RIS}/vo0050.asp?__kvonr=815"
MEMO = "# Vermerk Parkraum\n\nDie Parkgebühr in der Altstadt steigt ab März auf 3,50 Euro je Stunde.\n"
INSTRUCTION = ("# Dienstanweisung Winterdienst\n\nDer Bauhof räumt die Gehwege an Schulen ab 6 Uhr. "
               "Streusalz wird nur an Steigungen verwendet.\n")
LONG_TEXT = ("Der Gemeinderat hat die neue Hundesteuersatzung beschlossen. Die Steuer für den ersten Hund steigt "
             "ab dem 1. Januar 2025 von 96 Euro auf 120 Euro im Jahr. Für gefährliche Hunde gilt weiterhin ein "
             "erhöhter Steuersatz. Blindenführhunde bleiben steuerfrei. Die Mehreinnahmen von rund 85.000 Euro "
             "fließen in den Ergebnishaushalt. Die Verwaltung informiert alle Halterinnen und Halter schriftlich. "
             "Anträge auf Ermäßigung können bis zum 31. März gestellt werden.")
NOTICE_DE = "Antworten und Texte in diesem Bereich erstellt eine KI. Sie können Fehler enthalten."
NOTICE_EN = "Answers and texts in this area are written by an AI. They may contain errors."
GENERATIVE_DE = "braucht ein generatives Sprachmodell"

USERS = {  # name: (role, groups)
    "anna": ("user", ["stadt"]), "kurt": ("curator", ["stadt"]), "ada": ("admin", ["stadt"]),
    "otto": ("user", ["stadt"]), "kim": ("user", ["stadt"]), "paul": ("user", ["stadt"]),
    "pia": ("user", ["stadt"]), "tom": ("user", ["stadt"]), "eva": ("user", ["stadt"]),
}


@dataclass
class Env:
    url: str
    runtime: Runtime


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> Iterator[Env]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("staff") / "data", embedder="fake",
                        embed_in_background=False, lexical_cache="eager", vector_cache="eager")
    store = SQLiteStore.from_settings(settings)
    fill_store(store)
    runtime = Runtime(settings, store=store)
    embed_missing(runtime.store, runtime.embedder, scope="all")
    runtime.accounts.add_group("stadt")
    for name, (role, groups) in USERS.items():
        runtime.accounts.add_user(name, PASSWORD, role=role, groups=groups, display_name=name.capitalize())
    app = create_app(runtime)
    app.state.rate_limiter = RateLimiter(0)  # many questions from 127.0.0.1 in a few seconds
    with serve_app(app) as url:
        yield Env(url, runtime)
    runtime.accounts.close()
    store.close()


@pytest.fixture
def context(browser: Browser, env: Env) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=env.url, locale="de-DE", viewport={"width": 1280, "height": 900},
                              accept_downloads=True)
    ctx.set_default_timeout(8000)
    # Only the app itself is reachable: no request leaves 127.0.0.1.
    ctx.route("**/*", lambda route: route.continue_() if route.request.url.startswith(env.url) else route.abort())
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    # CSP violations and failed scripts are console errors; API errors that a test provokes on purpose are
    # logged by Chromium as "Failed to load resource", which is fine.
    pg.on("console", lambda msg: problems.append(f"console: {msg.text}")
          if msg.type == "error" and "Failed to load resource" not in msg.text else None)
    pg.on("dialog", lambda dialog: dialog.accept())  # "really delete?" is answered with yes
    yield pg
    assert not problems, f"errors on the page: {problems}"


def sign_in(context: BrowserContext, env: Env, name: str) -> None:
    """A session for ``name`` in this browser context (the cookie), without going through the form."""
    r = context.request.post(f"{env.url}/api/v1/session", data={"name": name, "password": PASSWORD})
    assert r.ok, r.text()


def settled(page: Page) -> None:
    """Wait until the page's own API calls are done."""
    page.wait_for_load_state("networkidle")


def assert_axe(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def active(page: Page) -> dict:
    return page.evaluate("""() => {
      const el = document.activeElement;
      return {tag: el.tagName.toLowerCase(), id: el.id || "", text: (el.textContent || "").trim().slice(0, 80),
              href: el.getAttribute("href") || "", label: el.getAttribute("aria-label") || ""};
    }""")


def ask(page: Page, question: str) -> None:
    page.get_by_label("Ihre Frage").fill(question)
    page.get_by_role("button", name="Frage senden").click()


# ------------------------------------------------------------------------------------------ sign-in


def test_every_page_needs_a_session(context: BrowserContext, env: Env):
    for path in ["/intern", "/intern/dokumente?sammlung=rat", "/intern/werkzeuge?werkzeug=brief&lang=en",
                 "/intern/vorlagen", "/intern/verwaltung", "/intern/konto"]:
        r = context.request.get(env.url + path, max_redirects=0)
        assert r.status == 303, path
        location = r.headers["location"]
        assert location.startswith("/intern/anmelden?next="), location
        assert re.search(r"next=([^&]+)", location).group(1) == quote(path, safe="")
        assert location.endswith("&lang=en") == ("lang=en" in path)
        assert r.headers["cache-control"] == "no-store"


def test_sign_in_wrong_then_right_password_and_sign_out(page: Page, context: BrowserContext, env: Env):
    page.goto("/intern/vorlagen")
    expect(page).to_have_url(re.compile(r"/intern/anmelden\?next=%2Fintern%2Fvorlagen$"))
    expect(page).to_have_title("Anmelden – Rathaus Intern")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden")
    expect(page.get_by_role("link", name="Mit Single Sign-on anmelden")).to_have_count(0)  # not configured
    name, password = page.get_by_label("Benutzername"), page.get_by_label("Passwort")

    page.get_by_role("button", name="Anmelden").click()  # nothing filled in
    expect(page.locator("#sign-in-name-error")).to_have_text("Bitte geben Sie Ihren Benutzernamen ein.")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_attribute("aria-describedby", "sign-in-name-error")
    expect(name).to_be_focused()
    expect(page.locator("#sign-in-password-error")).to_have_text("Bitte geben Sie Ihr Passwort ein.")

    name.fill("otto")
    password.fill("falsch falsch falsch")
    with page.expect_response("**/api/v1/session") as info:
        page.get_by_role("button", name="Anmelden").click()
    assert info.value.status == 401
    alert = page.get_by_role("alert").filter(has_text="Benutzername oder Passwort ist falsch.")
    expect(alert).to_be_visible()
    expect(password).to_have_attribute("aria-invalid", "true")
    assert "sign-in-error" in password.get_attribute("aria-describedby")
    assert not name.get_attribute("aria-describedby").startswith("sign-in-name-error")
    assert_axe(page)  # with the error shown

    password.fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/intern/vorlagen$"))
    expect(page.get_by_role("banner")).to_contain_text("Angemeldet als Otto")
    expect(page.get_by_role("link", name="Vorlagen")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name="Verwaltung")).to_have_count(0)  # not an admin
    cookie = next(c for c in context.cookies() if c["name"] == "rathaus_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("() => document.cookie") == ""
    # the CSRF token is nowhere in the page's HTML, only in the script's memory
    csrf = context.request.get(f"{env.url}/api/v1/session").json()["csrf_token"]
    assert csrf not in page.content()

    with page.expect_request("**/api/v1/session") as request:
        page.get_by_role("button", name="Abmelden").click()
    assert request.value.method == "DELETE" and request.value.headers["x-csrf-token"] == csrf
    expect(page).to_have_url(re.compile(r"/intern/anmelden\?abgemeldet=1$"))
    expect(page.get_by_role("status")).to_have_text("Sie sind abgemeldet.")
    assert not [c for c in context.cookies() if c["name"] == "rathaus_session"]
    page.goto("/intern")
    expect(page).to_have_url(re.compile(r"/intern/anmelden\?next=%2Fintern$"))


def test_single_sign_on_link_when_configured(page: Page, env: Env):
    env.runtime.__dict__["oidc_client"] = object()  # client_for(runtime) now says: configured
    try:
        page.goto("/intern/anmelden?next=/intern/konto&lang=en")
        link = page.get_by_role("link", name="Sign in with single sign-on")
        expect(link).to_have_attribute("href", "/auth/oidc/login?next=%2Fintern%2Fkonto")
        expect(page.get_by_label("User name")).to_be_visible()  # the password form stays
        # a foreign target is never followed
        page.goto("/intern/anmelden?next=https://evil.example/")
        expect(page.get_by_role("link", name="Mit Single Sign-on anmelden")).to_have_attribute(
            "href", "/auth/oidc/login?next=%2Fintern")
        assert page.locator("#sign-in-form").get_attribute("data-next") == "/intern"
    finally:
        env.runtime.__dict__["oidc_client"] = None


def test_keyboard_only_sign_in_and_chat(page: Page, env: Env):
    page.goto("/intern")
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        now = active(page)
        stops.append(f"{now['tag']}:{now['id'] or now['text']}")
        if now["id"] == "sign-in-name":
            break
    assert stops == ["a:Zum Inhalt springen", "a:Rathaus Intern", "a:English", "input:sign-in-name"], stops
    page.keyboard.type("kim")
    page.keyboard.press("Tab")
    assert active(page)["id"] == "sign-in-password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/intern$"))
    settled(page)

    page.keyboard.press("Tab")
    assert active(page)["text"] == "Zum Inhalt springen"
    page.keyboard.press("Enter")  # the skip link
    page.keyboard.press("Tab")
    assert active(page)["id"] == "new-conversation"
    page.keyboard.press("Tab")
    assert active(page)["id"] == "question"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator("ol.sources > li").first).to_be_visible()
    expect(page.get_by_label("Ihre Frage")).to_have_value("")
    assert active(page)["id"] == "question", "the focus stays in the field for the next question"
    expect(page.locator("#ask-status")).to_contain_text("Die Antwort ist fertig")
    # backwards from the field: the sources of the answer, then the conversation list
    page.keyboard.press("Shift+Tab")
    assert active(page)["href"].startswith("http"), active(page)
    for _ in range(20):
        page.keyboard.press("Shift+Tab")
        if active(page)["text"].startswith("Löschen"):
            break
    assert active(page)["label"] == f"Löschen: {QUESTION}"
    page.keyboard.press("Enter")  # deletes it (the confirmation is accepted)
    expect(page.locator("#conversation-list li")).to_have_count(0)
    assert active(page)["id"] == "conversations-heading", "the focus is not lost"
    assert env.runtime.conversations.list("kim") == []


# ------------------------------------------------------------------------------------------ assistant


def test_chat_streams_an_answer_keeps_the_conversation_and_deletes_it(page: Page, context: BrowserContext,
                                                                      env: Env):
    sign_in(context, env, "anna")
    page.goto("/intern")
    expect(page).to_have_title("Interner Assistent – Rathaus Intern")
    expect(page.locator("main .ai-notice")).to_contain_text(NOTICE_DE)
    expect(page.locator("#conversations-empty")).to_be_visible()
    expect(page.locator("#retention")).to_have_text("Gespräche werden nach 90 Tagen automatisch gelöscht.")
    expect(page.locator("#question-keys")).to_have_text(
        "Die Eingabetaste sendet die Frage, Umschalt und Eingabetaste beginnen eine neue Zeile.")

    with page.expect_response("**/api/v1/ask") as info:
        ask(page, QUESTION)
    request = info.value.request
    assert request.headers["accept"] == "text/event-stream" and request.headers["x-csrf-token"]
    assert json.loads(request.post_data) == {"question": QUESTION, "assistant": "internal", "language": "de",
                                             "document_ids": []}
    answer = page.locator(".answer-text").first
    expect(answer).to_contain_text("120")
    assert answer.get_attribute("aria-live") == "polite"
    expect(page.locator(".pending")).to_have_count(0)
    source = page.locator("ol.sources > li").filter(has=page.locator(f"a[href='{HUNDESTEUER_URL}']"))
    expect(source).to_have_count(1)
    expect(source.get_by_role("link")).to_contain_text("Hundesteuer")
    cite = answer.locator("a.cite").first
    expect(cite).to_have_accessible_name(re.compile(r"^Quelle \d+: \S"))
    cite.click()
    assert active(page)["id"] == cite.get_attribute("href")[1:]
    # the conversation is in the list and in the address
    item = page.locator("#conversation-list li")
    expect(item).to_have_count(1)
    expect(item.get_by_role("link")).to_have_text(QUESTION)
    expect(item.get_by_role("link")).to_have_attribute("aria-current", "page")
    expect(page).to_have_url(re.compile(r"/intern\?gespraech=\w+"))
    conversation_id = re.search(r"gespraech=(\w+)", page.url).group(1)
    expect(page.locator("#conversation-heading")).to_have_text(QUESTION)

    # a follow-up continues the same conversation
    with page.expect_response("**/api/v1/ask") as info:
        ask(page, "Wie hoch sind die Mehreinnahmen durch die Hundesteuer?")
    assert json.loads(info.value.request.post_data)["conversation_id"] == conversation_id
    expect(page.locator(".exchange")).to_have_count(2)
    expect(page.locator(".exchange").nth(1).locator(".answer-text")).to_contain_text("85.000")
    assert_axe(page)

    # reloading keeps it: questions, answers and their sources
    page.reload()
    expect(page.locator(".exchange")).to_have_count(2)
    expect(page.locator(".question").first).to_contain_text(QUESTION)
    expect(page.locator(".answer-text").first).to_contain_text("120")
    assert page.locator(".answer-text").first.get_attribute("aria-live") is None  # history is not re-announced
    expect(page.locator(f"ol.sources a[href='{HUNDESTEUER_URL}']").first).to_be_visible()
    expect(page.locator("#conversation-heading")).to_have_text(QUESTION)

    # a new conversation, then back to the first one from the list
    page.get_by_role("button", name="Neues Gespräch").click()
    expect(page.locator(".exchange")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/intern$"))
    expect(page.get_by_label("Ihre Frage")).to_be_focused()
    page.locator("#conversation-list").get_by_role("link", name=QUESTION).click()
    expect(page.locator(".exchange")).to_have_count(2)
    expect(page.locator("#conversation-heading")).to_be_focused()
    expect(page).to_have_url(re.compile(rf"gespraech={conversation_id}$"))

    page.get_by_role("button", name=f"Löschen: {QUESTION}").click()
    expect(page.locator("#conversation-list li")).to_have_count(0)
    expect(page.locator("#conversations-status")).to_have_text(f"Das Gespräch „{QUESTION}“ wurde gelöscht.")
    expect(page.locator(".exchange")).to_have_count(0)
    expect(page.locator("#conversation-heading")).to_have_text("Neues Gespräch")
    assert env.runtime.conversations.list("anna") == []


def test_own_file_and_only_these_documents(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "paul")
    page.goto("/intern")
    expect(page.locator("#no-own-files")).to_be_visible()
    page.get_by_role("button", name="Hochladen").click()
    expect(page.locator("#own-upload-file-error")).to_have_text("Bitte wählen Sie mindestens eine Datei aus.")
    page.get_by_label("Dateien auswählen").set_input_files(
        files=[{"name": "parkraum.md", "mimeType": "text/markdown", "buffer": MEMO.encode()}])
    with page.expect_response("**/api/v1/my/documents") as info:
        page.get_by_role("button", name="Hochladen").click()
    assert info.value.status == 201 and info.value.request.headers["x-csrf-token"]
    expect(page.locator("#own-upload-status")).to_contain_text("Hochgeladen: Vermerk Parkraum – parkraum.md.")
    box = page.get_by_role("checkbox", name="Vermerk Parkraum")
    expect(box).to_be_checked()  # chosen for the next question
    expect(page.locator("#no-own-files")).to_be_hidden()

    with page.expect_response("**/api/v1/ask") as info:
        ask(page, "Wie hoch ist die Parkgebühr in der Altstadt?")
    assert json.loads(info.value.request.post_data)["document_ids"] == ["file:~paul/parkraum.md"]
    expect(page.locator(".exchange .meta").first).to_have_text("Nur aus: Vermerk Parkraum")
    expect(page.locator(".answer-text")).to_contain_text("3,50")
    sources = page.locator("ol.sources > li")
    expect(sources).to_have_count(1)
    expect(sources).to_contain_text("Vermerk Parkraum")

    # the file is listed on the documents page and on the next visit of the assistant
    page.goto("/intern/dokumente")
    expect(page.locator("#own-documents tbody tr")).to_have_count(1)
    expect(page.locator("#own-documents")).to_contain_text("Vermerk Parkraum")
    page.goto("/intern")
    expect(page.get_by_role("checkbox", name="Vermerk Parkraum")).not_to_be_checked()
    # nobody else sees it
    assert not env.runtime.store.list_documents(env.runtime.accounts.user("anna").access(),
                                                SearchFilters(collections=["~paul"]))


# ------------------------------------------------------------------------------------------ documents


def test_curator_uploads_into_a_collection_and_removes_it(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "kurt")
    page.goto("/intern/dokumente")
    rows = page.locator("#collections tbody tr")
    expect(rows).to_have_count(2)  # not the confidential collection of another group
    intern = rows.filter(has_text="verwaltung-intern")
    expect(intern.locator("td").nth(0)).to_have_text("intern")
    expect(intern.locator(".count")).to_have_text("1")
    expect(page.locator("#collections")).not_to_contain_text("liegenschaften")
    intern.get_by_role("link", name="verwaltung-intern: Dokumente anzeigen").click()
    expect(page.get_by_role("heading", name="Sammlung „verwaltung-intern“")).to_be_visible()
    expect(page.locator("#collection-documents tbody tr")).to_have_count(1)
    # a document from a source is not removed here, only files
    expect(page.locator("#collection-documents").get_by_role("button")).to_have_count(0)

    page.locator("#collection-upload-file").set_input_files(
        files=[{"name": "winterdienst.md", "mimeType": "text/markdown", "buffer": INSTRUCTION.encode()},
               {"name": "kaputt.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 nothing"}])
    with page.expect_response("**/api/v1/collections/verwaltung-intern/documents") as info:
        page.locator("#collection-upload").get_by_role("button", name="Hochladen").click()
    assert info.value.status == 207
    status = page.locator("#collection-upload-status")
    expect(status).to_contain_text("Hochgeladen: Dienstanweisung Winterdienst – winterdienst.md.")
    expect(status.locator(".error")).to_contain_text("Nicht hochgeladen: kaputt.pdf:")
    row = page.locator("#collection-documents tbody tr").filter(has_text="Dienstanweisung Winterdienst")
    expect(row).to_have_count(1)
    expect(intern.locator(".count")).to_have_text("2")
    assert "file:verwaltung-intern/winterdienst.md" in env.runtime.store.document_ids("verwaltung-intern")

    page.reload()  # listed by the server too
    row = page.locator("#collection-documents tbody tr").filter(has_text="Dienstanweisung Winterdienst")
    expect(row).to_have_count(1)
    assert_axe(page)
    with page.expect_response(re.compile(r"/api/v1/document\?id=")) as info:
        row.get_by_role("button", name="Entfernen: Dienstanweisung Winterdienst").click()
    assert info.value.status == 204 and info.value.request.method == "DELETE"
    expect(row).to_have_count(0)
    expect(page.locator("#collection-upload-status")).to_have_text("„Dienstanweisung Winterdienst“ wurde entfernt.")
    expect(page.locator("#documents-heading")).to_be_focused()
    assert "file:verwaltung-intern/winterdienst.md" not in env.runtime.store.document_ids("verwaltung-intern")


LETTER = "Sehr geehrte Frau Katrin Vogelsang,\n\nIhre Erstattung geht auf DE89 3704 0044 0532 0130 00.\n"


def test_a_file_with_personal_data_is_published_only_when_the_curator_confirms(page: Page, context: BrowserContext,
                                                                               env: Env):
    from rathaus.documents import Collection

    env.runtime.store.ensure_collection(Collection("aushang", "offen", ("stadt",), "Aushänge", public=True))
    sign_in(context, env, "kurt")
    page.goto("/intern/dokumente?sammlung=aushang")
    confirm = page.get_by_label("Personenbezogene Daten geprüft: diese Dateien dürfen veröffentlicht werden")
    expect(confirm).not_to_be_checked()
    page.locator("#collection-upload-file").set_input_files(
        files=[{"name": "erstattung.txt", "mimeType": "text/plain", "buffer": LETTER.encode()}])
    upload = page.locator("#collection-upload").get_by_role("button", name="Hochladen")
    upload.click()
    status = page.locator("#collection-upload-status")
    expect(status.locator(".error")).to_contain_text("enthält personenbezogene Daten (Namen (1), IBAN (1))")
    assert "file:aushang/erstattung.txt" not in env.runtime.store.document_ids("aushang")

    confirm.check()
    upload.click()
    expect(status.locator(".notice")).to_contain_text("erstattung.txt: Enthält personenbezogene Daten: Namen (1), IBAN (1).")
    page.reload()
    row = page.locator("#collection-documents tbody tr").filter(has_text="erstattung")
    expect(row).to_contain_text("Personenbezogene Daten: Namen (1), IBAN (1)")
    assert_axe(page)


def test_a_plain_user_reads_but_does_not_manage(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "eva")
    page.goto("/intern/dokumente?sammlung=verwaltung-intern")
    expect(page.locator("#collection-documents tbody tr")).to_have_count(1)
    expect(page.locator("#collection-upload")).to_have_count(0)
    page.goto("/intern/dokumente?sammlung=liegenschaften-vertraulich")
    expect(page.get_by_text("Diese Sammlung gibt es nicht oder Sie dürfen sie nicht lesen.")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Grundstücksankauf")


# ------------------------------------------------------------------------------------------ tools


def test_tools_summarise_gives_an_excerpt_and_plain_language_needs_a_model(page: Page, context: BrowserContext,
                                                                             env: Env):
    sign_in(context, env, "anna")
    page.goto("/intern/werkzeuge")
    expect(page.get_by_role("link", name="Zusammenfassen")).to_have_attribute("aria-current", "page")
    expect(page.locator("#extractive-notice")).to_contain_text("Sie erhalten deshalb einen Auszug")
    page.get_by_role("button", name="Zusammenfassen").click()
    expect(page.locator("#tool-text-error")).to_have_text("Bitte geben Sie einen Text ein.")
    expect(page.get_by_label("Text", exact=True)).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Text", exact=True).fill(LONG_TEXT)
    page.get_by_label("Stichpunkte").check()
    with page.expect_response("**/api/v1/tools/summarise") as info:
        page.get_by_role("button", name="Zusammenfassen").click()
    assert info.value.status == 200
    assert json.loads(info.value.request.post_data) == {"text": LONG_TEXT, "length": "kurz", "style": "stichpunkte"}
    expect(page.locator("#excerpt-notice")).to_contain_text("Auszug: Ohne generatives Sprachmodell")
    result = page.locator("#result-text")
    expect(result).not_to_be_empty()
    excerpt = result.inner_text()
    assert any(sentence.strip(" .") in excerpt for sentence in LONG_TEXT.split(". ")), excerpt
    expect(page.locator("#result-heading")).to_be_focused()
    expect(page.locator("#tool-status")).to_have_text("Fertig. Das Ergebnis steht unten.")
    assert_axe(page)

    page.get_by_role("link", name="Einfache Sprache").click()
    expect(page.locator("#extractive-notice")).to_contain_text("Dieses Werkzeug braucht ein generatives Sprachmodell.")
    page.get_by_label("Text", exact=True).fill(LONG_TEXT)
    with page.expect_response("**/api/v1/tools/plain-language") as info:
        page.get_by_role("button", name="Umschreiben").click()
    assert info.value.status == 409
    alert = page.locator("#tool-error")
    expect(alert).to_contain_text(GENERATIVE_DE)
    expect(alert).to_contain_text("Einfache Sprache")
    assert alert.get_attribute("role") == "alert"
    expect(page.locator("#tool-result")).to_be_hidden()
    # the readability needs no model
    page.get_by_role("button", name="Lesbarkeit prüfen").click()
    expect(page.locator("#tool-result table")).to_contain_text("Wiener Sachtextformel")
    expect(page.locator("#tool-error")).to_be_empty()
    assert_axe(page)


def test_tools_in_english_say_a_model_is_needed(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "anna")
    page.goto("/intern/werkzeuge?werkzeug=uebersetzen&lang=en")
    expect(page.get_by_role("heading", level=2, name="Translate")).to_be_visible()
    page.get_by_label("Text", exact=True).fill(LONG_TEXT)
    page.get_by_label("Target language").select_option("fr")
    with page.expect_response("**/api/v1/tools/translate") as info:
        page.get_by_role("button", name="Translate").click()
    assert json.loads(info.value.request.post_data)["target"] == "fr"
    expect(page.locator("#tool-error")).to_contain_text("This tool needs a generative language model")
    # links keep the language
    expect(page.get_by_role("link", name="Letter from bullet points")).to_have_attribute(
        "href", "/intern/werkzeuge?werkzeug=brief&lang=en")
    assert_axe(page)


def test_mind_map_download_and_letter_form(page: Page, context: BrowserContext, env: Env):
    """With a generative model the outline comes back as Mermaid text: the page offers it as a .mmd file.
    (The test server has only the extractive backend, so the model's answer is simulated here.)"""
    sign_in(context, env, "anna")
    mermaid = "mindmap\n  root((Hundesteuer))\n    Erhöhung\n      120 Euro\n    Ausnahmen"
    reply = {"tool": "outline", "text": mermaid, "method": "generativ", "backend": "lokal", "model": "qwen",
             "prompt_version": "1", "timings": {}, "notice": None, "form": "mindmap", "tree": {}, "nodes": 4,
             "parts": 1}

    def fulfil(route: Route) -> None:
        assert route.request.headers["x-csrf-token"]
        route.fulfill(status=200, json=reply)

    page.route("**/api/v1/tools/outline", fulfil)
    page.goto("/intern/werkzeuge?werkzeug=gliederung")
    page.get_by_label("Text", exact=True).fill(LONG_TEXT)
    page.get_by_label("Mindmap (Mermaid)").check()
    with page.expect_request("**/api/v1/tools/outline") as request:
        page.get_by_role("button", name="Erstellen").click()
    assert json.loads(request.value.post_data)["form"] == "mindmap"
    expect(page.locator("#result-text")).to_have_text(mermaid)
    with page.expect_download() as download:
        page.get_by_role("link", name="Mindmap als Mermaid-Datei herunterladen (.mmd)").click()
    assert download.value.suggested_filename == "mindmap.mmd"
    with open(download.value.path(), encoding="utf-8") as f:
        assert f.read() == mermaid
    assert_axe(page)

    page.goto("/intern/werkzeuge?werkzeug=brief")
    page.get_by_role("button", name="Entwurf schreiben").click()
    expect(page.locator("#tool-points-error")).to_have_text("Bitte geben Sie mindestens einen Stichpunkt ein.")
    points = page.get_by_role("textbox", name="Stichpunkte")
    expect(points).to_be_focused()
    assert points.get_attribute("aria-describedby") == "tool-points-error tool-points-hint"
    points.fill("- Antrag eingegangen\n\n- Unterlagen fehlen\n")
    page.get_by_label("E-Mail").check()
    with page.expect_response("**/api/v1/tools/letter") as info:
        page.get_by_role("button", name="Entwurf schreiben").click()
    body = json.loads(info.value.request.post_data)
    assert body == {"points": ["Antrag eingegangen", "Unterlagen fehlen"], "kind": "email", "tone": "formell"}
    expect(page.locator("#tool-error")).to_contain_text(GENERATIVE_DE)


# ------------------------------------------------------------------------------------------ prompts


def test_prompt_library_create_fill_edit_and_send_to_chat(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "pia")
    page.goto("/intern/vorlagen")
    expect(page.locator("#prompt-count")).to_contain_text("Vorlagen gefunden.")
    assert page.locator("#prompt-items li").count() >= 10  # the starter prompts
    page.get_by_label("Suchbegriff").fill("gibt es sicher nicht")
    page.get_by_role("button", name="Suchen").click()
    expect(page.locator("#prompt-count")).to_have_text("Keine Vorlage gefunden.")
    page.get_by_label("Suchbegriff").fill("")
    page.get_by_role("button", name="Suchen").click()

    page.get_by_role("button", name="Neue Vorlage anlegen").click()
    expect(page.get_by_role("heading", name="Neue Vorlage")).to_be_focused()
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator("#pf-title-error")).to_have_text("Bitte geben Sie einen Titel ein.")
    expect(page.get_by_label("Titel")).to_be_focused()
    page.get_by_label("Titel").fill("Antwort Parkraum")
    page.get_by_label("Vorlagentext").fill("Antworte zu {{thema}} für {{stadtteil}}.")
    page.get_by_label("Schlagwörter (optional, durch Kommas getrennt)").fill("Parken, Bürgeranfrage")
    page.get_by_role("checkbox", name="stadt").check()
    with page.expect_response("**/api/v1/prompts") as info:
        page.get_by_role("button", name="Speichern").click()
    assert info.value.status == 201
    assert json.loads(info.value.request.post_data)["shared_with"] == ["stadt"]
    title = page.locator("#prompt-title")
    expect(title).to_have_text("Antwort Parkraum")
    expect(title).to_be_focused()
    expect(page.locator("#prompt-meta")).to_contain_text("Eigene Vorlage · geteilt mit stadt")
    expect(page).to_have_url(re.compile(r"/intern/vorlagen\?id=\d+$"))
    expect(page.locator("#prompt-items").get_by_role("link", name="Antwort Parkraum")).to_have_attribute(
        "aria-current", "true")

    page.get_by_role("button", name="Text erstellen").click()
    expect(page.locator("#var-0-error")).to_have_text("Bitte füllen Sie „thema“ aus.")
    expect(page.get_by_label("thema")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("thema").fill("Anwohnerparken")
    page.get_by_label("stadtteil").fill("die Altstadt")
    page.get_by_role("button", name="Text erstellen").click()
    expect(page.get_by_label("Fertiger Text")).to_have_value("Antworte zu Anwohnerparken für die Altstadt.")
    expect(page.get_by_label("Fertiger Text")).to_be_focused()
    assert_axe(page)

    # edit: a new version, the old one stays readable
    page.get_by_role("button", name="Bearbeiten").click()
    expect(page.get_by_label("Titel")).to_have_value("Antwort Parkraum")
    page.get_by_label("Vorlagentext").fill("Kurz zu {{thema}}: Was gilt für Anwohner?")
    with page.expect_response(re.compile(r"/api/v1/prompts/\d+$")) as info:
        page.get_by_role("button", name="Speichern").click()
    assert info.value.request.method == "PUT"
    expect(page.locator("#prompt-count")).to_have_text("Die Vorlage wurde gespeichert (Version 2).")
    expect(page.locator("#prompt-versions li")).to_have_count(2)
    page.get_by_role("button", name="Version 1 anzeigen").click()
    expect(page.locator("#prompt-body")).to_have_text("Antworte zu {{thema}} für {{stadtteil}}.")
    expect(page.locator("#prompt-meta")).to_contain_text("Sie sehen eine ältere Version.")
    page.get_by_role("button", name="Version 2 anzeigen").click()
    expect(page.locator("#fill-fields textarea")).to_have_count(1)
    page.reload()  # the address opens the prompt again
    expect(page.locator("#prompt-title")).to_have_text("Antwort Parkraum")
    page.get_by_label("thema").fill("Anwohnerparken")
    page.get_by_role("button", name="Text erstellen").click()
    expect(page.get_by_label("Fertiger Text")).to_have_value("Kurz zu Anwohnerparken: Was gilt für Anwohner?")
    page.get_by_role("button", name="An den Assistenten senden").click()
    expect(page).to_have_url(re.compile(r"/intern$"))
    expect(page.get_by_label("Ihre Frage")).to_have_value("Kurz zu Anwohnerparken: Was gilt für Anwohner?")
    expect(page.get_by_label("Ihre Frage")).to_be_focused()
    expect(page.locator("#ask-status")).to_contain_text("Der Text aus der Vorlage steht im Eingabefeld.")
    assert page.evaluate("() => sessionStorage.length") == 0  # taken over and gone

    # others in the unit may use it, but not change it
    anna = env.runtime.accounts.user("anna")
    shared = [p for p in env.runtime.prompts.visible(anna) if p.title == "Antwort Parkraum"]
    assert shared and not shared[0].can_edit


# ------------------------------------------------------------------------------------------ administration


def test_admin_adds_a_group_and_a_user_and_locks_it(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "ada")
    page.goto("/intern/verwaltung")
    expect(page.get_by_role("link", name="Verwaltung")).to_have_attribute("aria-current", "page")
    users = page.locator("#user-list table")
    expect(users.get_by_role("rowheader", name="anna", exact=True)).to_be_visible()
    # the privacy policy, explained: confidential content never goes to an external model
    privacy = page.get_by_role("region", name="Datenschutz: welches Sprachmodell was sehen darf")
    expect(privacy.get_by_role("row", name="vertraulich")).to_contain_text("abgelehnt, nichts wird gesendet")
    expect(privacy.get_by_role("row", name="extractive")).to_contain_text("vertrauenswürdig")
    expect(privacy).to_contain_text("Hochgeladene Dateien werden auf personenbezogene Daten geprüft.")
    expect(privacy).to_contain_text("Eine zweite Prüfung durch ein eigenes Sprachmodell ist nicht eingerichtet")

    groups = page.locator("#add-group")
    groups.get_by_role("button", name="Hinzufügen").click()  # empty
    expect(page.locator("#ng-name-error")).to_have_text("Bitte geben Sie einen Namen ein.")
    page.locator("#ng-name").fill("bauhof")
    groups.get_by_label("Übergeordnete Einheit").select_option("stadt")
    groups.get_by_label("Beschreibung (optional)").fill("Bauhof und Grünflächen")
    with page.expect_response("**/api/v1/admin/groups") as info:
        groups.get_by_role("button", name="Hinzufügen").click()
    assert info.value.status == 201 and info.value.request.headers["x-csrf-token"]
    expect(page.locator("#groups-status")).to_have_text("Die Organisationseinheit „stadt/bauhof“ wurde angelegt.")
    expect(page.locator("#group-list")).to_contain_text("stadt/bauhof")

    form = page.locator("#add-user")
    form.get_by_label("Benutzername").fill("neu")
    form.get_by_label("Anzeigename (optional)").fill("Nora Neu")
    form.get_by_label("Passwort (optional)").fill("kurz")
    form.get_by_label("Rolle").select_option("curator")
    form.get_by_label("Gruppen (durch Kommas getrennt)").fill("stadt/bauhof")
    form.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator("#add-user-error")).to_contain_text("Das Passwort muss mindestens")  # the server's words
    form.get_by_label("Passwort (optional)").fill("ein langes Passwort 9")
    form.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator("#users-status")).to_have_text("Der Benutzer „neu“ wurde angelegt.")
    expect(users.get_by_role("rowheader", name="neu", exact=True)).to_be_visible()
    created = env.runtime.accounts.user("neu")
    assert (created.role, created.groups, created.display_name) == ("curator", ("stadt/bauhof",), "Nora Neu")

    page.get_by_label("neu sperren").check()
    page.get_by_role("button", name="Speichern: neu").click()
    expect(page.locator("#users-status")).to_have_text("Die Änderungen für „neu“ sind gespeichert.")
    assert env.runtime.accounts.user("neu").disabled
    page.get_by_label("ada sperren").check()
    page.get_by_role("button", name="Speichern: ada").click()
    expect(page.locator("#users-error")).to_have_text("Sie können Ihr eigenes Konto nicht sperren.")
    assert not env.runtime.accounts.user("ada").disabled

    page.get_by_role("button", name="Die letzten 20 Einträge anzeigen").click()
    expect(page.locator("#audit-list table")).to_contain_text("user.add")
    with page.expect_download() as download:
        page.get_by_role("button", name="Protokoll als CSV herunterladen").click()
    assert download.value.suggested_filename == "rathaus-audit.csv"
    with open(download.value.path(), encoding="utf-8") as f:
        assert "group.add" in f.read()
    assert_axe(page)


def test_a_non_admin_gets_a_clear_403(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "anna")
    response = page.goto("/intern/verwaltung")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Kein Zugriff")
    expect(page.locator("#forbidden")).to_have_text(
        "Die Verwaltung ist nur für Administratorinnen und Administratoren. Wenn Sie hier etwas ändern müssen, "
        "wenden Sie sich bitte an die IT.")
    expect(page.get_by_role("link", name="Verwaltung")).to_have_count(0)
    assert_axe(page)


# ------------------------------------------------------------------------------------------ account


def test_api_token_is_shown_once_and_revoked(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "tom")
    page.goto("/intern/konto")
    expect(page.locator("#token-list")).to_have_text("Sie haben noch keine API-Schlüssel.")
    page.get_by_label("Bezeichnung (optional)").fill("Fachverfahren")
    page.get_by_role("button", name="Schlüssel erstellen").click()
    field = page.get_by_label("Neuer API-Schlüssel")
    expect(field).to_be_focused()
    token = field.input_value()
    assert len(token) > 20
    assert env.runtime.accounts.user_for_token(token).name == "tom"
    expect(page.locator("#token-warning")).to_contain_text("Er wird nur jetzt angezeigt")
    row = page.locator("#token-list tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("aktiv")
    assert_axe(page)
    page.reload()
    assert token not in page.content()  # shown once
    page.get_by_role("button", name="Widerrufen: Fachverfahren").click()
    expect(page.locator("#token-status")).to_have_text("Der API-Schlüssel „Fachverfahren“ wurde widerrufen.")
    expect(page.locator("#token-list tbody tr")).to_contain_text("widerrufen")
    assert env.runtime.accounts.user_for_token(token) is None


# ------------------------------------------------------------------------------------------ every page


PAGES = ["/intern", "/intern/dokumente?sammlung=verwaltung-intern", "/intern/werkzeuge",
         "/intern/werkzeuge?werkzeug=einfache-sprache", "/intern/werkzeuge?werkzeug=uebersetzen",
         "/intern/werkzeuge?werkzeug=gliederung", "/intern/werkzeuge?werkzeug=brief", "/intern/vorlagen",
         "/intern/verwaltung", "/intern/konto"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_on_every_page(page: Page, context: BrowserContext, env: Env, lang: str):
    sign_in(context, env, "ada")  # an admin sees every page and every control
    for path in PAGES:
        page.goto(path + (("&" if "?" in path else "?") + "lang=en" if lang == "en" else ""))
        settled(page)
        assert page.locator("html").get_attribute("lang") == lang
        expect(page.locator("main .ai-notice")).to_contain_text(NOTICE_DE if lang == "de" else NOTICE_EN)
        violations = axe_violations(page)
        assert violations == [], f"{path} ({lang}):\n{describe(violations)}"
        # every link in the page keeps the language
        hrefs = page.eval_on_selector_all("a[href^='/intern']:not([hreflang])",
                                          "links => links.map(a => a.getAttribute('href'))")
        assert all(("lang=en" in h) == (lang == "en") for h in hrefs if "/anmelden" not in h), (path, hrefs)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_sign_in_page(page: Page, lang: str):
    page.goto("/intern/anmelden" + ("?lang=en" if lang == "en" else ""))
    expect(page.get_by_role("button", name="Anmelden" if lang == "de" else "Sign in")).to_be_visible()
    assert_axe(page)


def test_english_chat(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "eva")
    page.goto("/intern?lang=en")
    expect(page).to_have_title("Internal assistant – Rathaus Staff")
    expect(page.get_by_role("link", name="Deutsch")).to_have_attribute("href", "/intern")
    with page.expect_response("**/api/v1/ask") as info:
        page.get_by_label("Your question").fill(QUESTION)
        page.get_by_role("button", name="Send question").click()
    assert json.loads(info.value.request.post_data)["language"] == "en"
    expect(page.locator(".sources-title")).to_have_text("Sources")
    expect(page.locator("#ask-status")).to_contain_text("The answer is complete")
    expect(page).to_have_url(re.compile(r"/intern\?gespraech=\w+&lang=en$"))
    expect(page.locator("#conversation-list a")).to_have_attribute("href", re.compile(r"&lang=en$"))
    assert_axe(page)
    page.get_by_role("button", name=f"Delete: {QUESTION}").click()
    expect(page.locator("#conversations-status")).to_have_text(f"The conversation “{QUESTION}” was deleted.")


def test_security_headers_and_no_inline_script(page: Page, context: BrowserContext, env: Env):
    sign_in(context, env, "eva")
    response = page.goto("/intern")
    csp = response.headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert response.headers["cache-control"] == "no-store"
    html = page.content()
    assert "<script>" not in html and " style=" not in html
    assert "onclick" not in html


def test_nothing_can_be_clicked_before_the_page_script_runs(browser: Browser, env: Env):
    """Buttons come disabled and the page's module enables them, so a quick click on a busy machine cannot
    submit a form the plain HTML way."""
    ctx = browser.new_context(base_url=env.url, java_script_enabled=False)
    sign_in(ctx, env, "kurt")
    page = ctx.new_page()
    page.goto("/intern/dokumente?sammlung=verwaltung-intern")
    upload = page.locator("#collection-upload").get_by_role("button", name="Hochladen")
    assert upload.is_disabled()
    ctx.close()
    ctx = browser.new_context(base_url=env.url)
    sign_in(ctx, env, "kurt")
    page = ctx.new_page()
    page.goto("/intern/dokumente?sammlung=verwaltung-intern")
    expect(page.locator("#collection-upload").get_by_role("button", name="Hochladen")).to_be_enabled()
    expect(page.locator("body")).to_have_attribute("data-ready", "1")
    ctx.close()
