"""The search page in a real browser: Debian's Chromium driven by Playwright, against uvicorn.

Never downloads a browser: without /usr/bin/chromium (``apt-get install chromium``) the
module is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.browser import CHROMIUM, SKIP_REASON, axe_violations, describe, serve_app

if not CHROMIUM.exists():
    pytest.skip(SKIP_REASON, allow_module_level=True)

from playwright.sync_api import Browser, Page, expect  # noqa: E402

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/rathaus-search.png")


@pytest.fixture
def base_url(app) -> Iterator[str]:
    """uvicorn serving the test app in a background thread on a free port of 127.0.0.1."""
    with serve_app(app) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale="de-DE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(5000)
    # Only the app itself is reachable: no request leaves 127.0.0.1.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base_url)
                  else route.abort())
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def active(page: Page) -> dict:
    return page.evaluate("() => ({tag: document.activeElement.tagName.toLowerCase(), "
                         "id: document.activeElement.id, text: document.activeElement.textContent.trim(), "
                         "type: document.activeElement.getAttribute('type')})")


def test_search_with_enter_shows_highlighted_results(page: Page, web_index):
    page.goto("/suche")
    expect(page).to_have_title("Ratsinformationen durchsuchen – Rathaus")
    assert page.locator("html").get_attribute("lang") == "de"
    field = page.get_by_label("Suchbegriff")
    expect(field).to_be_visible()
    expect(field).to_be_focused()  # autofocus on the empty page
    expect(page.locator(".results")).to_have_count(0)

    field.fill("Straßenbeleuchtung")
    field.press("Enter")
    page.wait_for_url("**/suche?*q=*")

    results = page.locator("ol.results > li")
    expect(results.first).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Treffer")
    mark = page.locator("ol.results mark").first
    expect(mark).to_be_visible()
    expect(mark).to_have_text("Straßenbeleuchtung")
    first_link = results.first.locator("h3 a")
    doc = web_index.documents[web_index.ids["beleuchtung"]]
    expect(first_link).to_have_text(doc.title)
    assert first_link.get_attribute("href") == doc.web_url
    expect(page.get_by_label("Suchbegriff")).to_have_value("Straßenbeleuchtung")
    # nothing internal or confidential on the page
    assert "intranet.musterstadt.de" not in page.content()

    # mark is actually highlighted (a background colour, not transparent)
    bg = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000


def test_keyboard_only(page: Page, web_index):
    page.goto("/suche")
    expect(page.get_by_label("Suchbegriff")).to_be_focused()
    page.keyboard.type("Kita")
    # Tab through the filters (a date input has several stops) to the button, then press it.
    for _ in range(25):
        page.keyboard.press("Tab")
        if active(page)["tag"] == "button":
            break
    assert active(page) == {"tag": "button", "id": "", "text": "Suchen", "type": "submit"}
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche?*q=Kita*")
    first = page.locator("ol.results > li").first.locator("h3 a")
    expect(first).to_have_attribute("href", web_index.documents[web_index.ids["kita"]].web_url)
    expect(page.locator("ol.results mark").filter(has_text="Kindertagesstätte").first).to_be_visible()


def test_keyboard_type_filter(page: Page, web_index):
    """Enter in the field submits the form, and the type filter works with the keyboard."""
    page.goto("/suche")
    page.keyboard.type("Musterstadt")
    page.keyboard.press("Tab")
    assert active(page)["id"] == "type"
    page.keyboard.press("ArrowDown")  # Alle -> Vorlagen
    page.keyboard.press("ArrowDown")  # -> Sitzungen
    expect(page.locator("#type")).to_have_value("Meeting")
    page.keyboard.press("Shift+Tab")
    assert active(page)["id"] == "q"
    page.keyboard.press("Enter")
    page.wait_for_url("**type=Meeting*")
    links = page.locator("ol.results > li h3 a")
    expect(links).to_have_count(1)
    expect(links.first).to_have_attribute("href", web_index.documents[web_index.ids["sitzung"]].web_url)


def test_skip_link(page: Page):
    page.goto("/suche?q=Hundesteuer")  # with a query the field has no autofocus: focus starts at the top
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_have_count(1)
    assert skip.get_attribute("href") == "#main"
    assert not skip.is_visible() or skip.bounding_box()["x"] < 0  # off screen until focused
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")
    page.keyboard.press("Tab")
    assert active(page)["id"] == "q", "after the skip link, Tab goes to the search field"


def test_english_and_error_message(page: Page):
    page.goto("/suche?lang=en")
    field = page.get_by_label("Search terms")
    expect(field).to_be_visible()
    page.get_by_role("link", name="Deutsch").click()
    expect(page.get_by_label("Suchbegriff")).to_be_visible()
    # the field's maxlength stops typing beyond 1000; a crafted URL gets a German message
    page.goto("/suche?q=" + "x" * 1001)
    expect(page.get_by_role("alert")).to_have_text("Der Suchbegriff ist zu lang (höchstens 1000 Zeichen).")
    expect(page.get_by_label("Suchbegriff")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("path", ["/suche", "/suche?q=Hundesteuer", "/suche?lang=en&q=Kita"])
def test_axe(page: Page, path: str):
    page.goto(path)
    expect(page.locator("h1")).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_links_between_search_and_assistant(page: Page):
    page.goto("/suche")
    nav = page.get_by_role("navigation", name="Seiten")
    expect(nav.get_by_role("link", name="Ratsinformationen durchsuchen")).to_have_attribute("aria-current", "page")
    nav.get_by_role("link", name="KI-Assistent").click()
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fragen an die Stadt")
