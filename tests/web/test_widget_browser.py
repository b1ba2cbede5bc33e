"""The embeddable widget on another site, in a real browser (Debian's Chromium via Playwright).

Two servers on 127.0.0.1: uvicorn with the app (the API and /widget.js), and a second, plain HTTP
server on another port — another origin — serving a city's page that includes the widget with one
tag. The widget is answered only while that origin is listed in ``widget_origins``.
"""

from __future__ import annotations

import json
import sqlite3
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
    serve_pages,
)

if not CHROMIUM.exists():
    pytest.skip(SKIP_REASON, allow_module_level=True)

from playwright.sync_api import Browser, BrowserContext, Page, expect  # noqa: E402

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/rathaus-widget.png")
QUESTION = "Wie hoch ist die Hundesteuer ab 2025?"

HOST_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <title>Stadt Musterstadt – Bürgerservice</title>
  <style>
    /* A city's own styles, deliberately heavy-handed: none of it may reach the widget. */
    * {{ font-family: Georgia, serif; }}
    button {{ background: rgb(128, 0, 0); color: rgb(255, 255, 255); border-radius: 0; }}
    p {{ color: rgb(0, 128, 0); }}
    .launcher, .panel, textarea {{ display: none !important; }}
  </style>
</head>
<body>
  <header><a href="#inhalt">Zum Inhalt</a></header>
  <main id="inhalt">
    <h1>Bürgerservice</h1>
    <p>Willkommen auf den Seiten der Stadt Musterstadt.</p>
    <button type="button" id="host-button">Eine Schaltfläche der Stadt</button>
    {element}
  </main>
  <script src="{api}/widget.js" defer></script>
</body>
</html>
"""


@pytest.fixture
def api(app) -> Iterator[str]:
    with serve_app(app) as url:
        yield url


@pytest.fixture
def pages(api: str) -> dict[str, str]:
    return {
        "/": HOST_PAGE.format(lang="de", api=api, element=""),
        "/en.html": HOST_PAGE.format(lang="en", api=api, element=""),
        "/explicit.html": HOST_PAGE.format(lang="de", api=api,
                                           element='<rathaus-assistant lang="en" assistant="public">'
                                                   '</rathaus-assistant>'),
        "/unknown-assistant.html": HOST_PAGE.format(lang="de", api=api,
                                                    element='<rathaus-assistant assistant="geheim"></rathaus-assistant>'),
    }


@pytest.fixture
def site(pages: dict[str, str]) -> Iterator[str]:
    with serve_pages(pages) as url:
        yield url


@pytest.fixture
def context(browser: Browser, api: str, site: str) -> Iterator[BrowserContext]:
    ctx = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(8000)
    ctx.route("**/*", lambda route: route.continue_()
              if route.request.url.startswith((api, site)) else route.abort())
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def allowed(runtime, site: str) -> str:
    runtime.settings.widget_origins = f"https://www.musterstadt.de, {site}"
    return site


def active(page: Page) -> dict:
    return page.evaluate(DEEP_ACTIVE)


def open_panel(page: Page) -> None:
    launcher = page.get_by_role("button", name="Fragen an die Stadt")
    expect(launcher).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.click()
    expect(page.get_by_role("dialog", name="KI-Assistent der Stadt")).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")


def ask(page: Page, question: str = QUESTION) -> None:
    page.get_by_label("Ihre Frage").fill(question)
    page.keyboard.press("Enter")


def answers_recorded(runtime) -> int:
    path = Path(runtime.settings.data_dir) / "answers.sqlite"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM provenance").fetchone()[0]


def test_widget_answers_on_an_allowed_site(page: Page, context: BrowserContext, allowed: str, api: str,
                                           web_index, runtime):
    page.goto(allowed + "/")
    assert page.locator("rathaus-assistant").count() == 1  # added by the script: the page has none
    open_panel(page)
    assert active(page)["id"] == "question", "opening the panel puts the focus into the field"
    notice = page.locator("rathaus-assistant .notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Sie schreiben mit einem KI-Assistenten.")
    with page.expect_response(f"{api}/api/v1/ask") as info:
        ask(page)
    response = info.value
    assert response.status == 200
    assert response.headers["access-control-allow-origin"] == allowed
    assert "access-control-allow-credentials" not in response.headers
    assert json.loads(response.request.post_data)["language"] == "de"
    expect(page.locator("rathaus-assistant .answer-text")).to_contain_text("Hundesteuer")
    link = page.locator("rathaus-assistant ol.sources > li a").first
    expect(link).to_be_visible()
    public_urls = {d.web_url for d in web_index.documents.values() if d.id in web_index.public_ids}
    assert link.get_attribute("href") in public_urls
    expect(page.locator("rathaus-assistant .notices li").first).to_contain_text("Stand der Quelle")

    # feedback from the other site
    page.get_by_role("button", name="Ja", exact=True).click()
    with page.expect_response(f"{api}/api/v1/feedback") as info:
        page.get_by_role("button", name="Rückmeldung senden").click()
    assert info.value.status == 204
    expect(page.get_by_text("Vielen Dank für Ihre Rückmeldung!")).to_be_visible()
    assert runtime.provenance.feedback_summary() == {"hilfreich": 1}

    # nothing stored in the browser, for either origin
    assert context.cookies() == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_widget_is_refused_on_a_site_not_listed(page: Page, context: BrowserContext, runtime, site: str):
    runtime.settings.widget_origins = "https://www.musterstadt.de"
    page.goto(site + "/")
    open_panel(page)
    ask(page)
    error = page.locator("rathaus-assistant .answer .error")
    expect(error).to_contain_text("Der Assistent ist nicht erreichbar.")
    expect(page.locator("rathaus-assistant .answer-text")).to_have_count(0)
    expect(page.locator("rathaus-assistant ol.sources")).to_have_count(0)
    assert answers_recorded(runtime) == 0, "the question never reached the answer engine"
    assert context.cookies() == []


def test_widget_sends_no_cookies(page: Page, context: BrowserContext, allowed: str, api: str):
    """credentials: "omit": a cookie the browser holds for the API's host is not sent with the question."""
    context.add_cookies([{"name": "tracking", "value": "1", "url": api}])
    page.goto(allowed + "/")
    open_panel(page)
    with page.expect_request(f"{api}/api/v1/ask") as info:
        ask(page)
    assert "cookie" not in info.value.all_headers()
    expect(page.locator("rathaus-assistant ol.sources > li").first).to_be_visible()


def test_keyboard_escape_and_focus(page: Page, allowed: str):
    page.goto(allowed + "/")
    for _ in range(6):
        page.keyboard.press("Tab")
        if active(page)["text"] == "Fragen an die Stadt":
            break
    launcher = active(page)
    assert launcher["text"] == "Fragen an die Stadt" and launcher["inShadow"], launcher
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    assert active(page)["id"] == "question"
    # type, send with Enter, and the answer arrives while the focus stays in the field
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    expect(page.locator("rathaus-assistant ol.sources > li").first).to_be_visible()
    assert active(page)["id"] == "question"
    page.keyboard.press("Tab")
    assert active(page)["text"] == "Frage senden"
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert active(page)["text"] == "Fragen an die Stadt", "Escape returns the focus to the launcher"
    expect(page.get_by_role("button", name="Fragen an die Stadt")).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Space")
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator("rathaus-assistant .answer-text")).to_contain_text("Hundesteuer")  # still there
    # the close button works too, and also hands the focus back
    page.get_by_role("button", name="Assistent schließen").click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert active(page)["text"] == "Fragen an die Stadt"


def test_styles_stay_inside_the_shadow_root(page: Page, allowed: str):
    page.goto(allowed + "/")
    launcher = page.get_by_role("button", name="Fragen an die Stadt")
    expect(launcher).to_be_visible()  # the host's `.launcher { display: none }` does not reach it
    style = launcher.evaluate("b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).fontFamily]")
    assert style[0] == "rgb(0, 75, 135)" and "Georgia" not in style[1]
    # and the widget's styles do not reach the host page
    host_button = page.locator("#host-button")
    assert host_button.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(128, 0, 0)"
    assert page.locator("main p").first.evaluate("p => getComputedStyle(p).color") == "rgb(0, 128, 0)"
    assert page.evaluate("() => document.styleSheets.length") == 1  # only the host's own <style>
    assert page.evaluate("() => document.adoptedStyleSheets.length") == 0


def test_language_from_the_page_and_from_the_attribute(page: Page, allowed: str):
    page.goto(allowed + "/en.html")
    page.get_by_role("button", name="Ask the city").click()
    expect(page.get_by_role("dialog", name="The city's AI assistant")).to_be_visible()
    expect(page.locator("rathaus-assistant .notice")).to_contain_text("You are chatting with an AI assistant.")
    page.goto(allowed + "/explicit.html")
    assert page.locator("rathaus-assistant").count() == 1  # the page's own element, none added
    page.get_by_role("button", name="Ask the city").click()
    with page.expect_request("**/api/v1/ask") as info:
        page.get_by_label("Your question").fill(QUESTION)
        page.keyboard.press("Enter")
    assert json.loads(info.value.post_data) == {"question": QUESTION, "assistant": "public", "language": "en"}
    expect(page.locator("rathaus-assistant .sources-title")).to_have_text("Sources")


def test_unknown_assistant_gives_a_message(page: Page, allowed: str):
    page.goto(allowed + "/unknown-assistant.html")
    open_panel(page)
    ask(page)
    expect(page.locator("rathaus-assistant .answer .error")).to_contain_text(
        "Der Assistent ist auf dieser Website nicht richtig eingerichtet.")


def test_axe_host_page_with_the_panel_open(page: Page, allowed: str):
    page.goto(allowed + "/")
    open_panel(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    ask(page)
    expect(page.get_by_role("button", name="Rückmeldung senden")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
