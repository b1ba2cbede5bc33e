"""The HTML pages: the citizens' assistant at ``/`` and the search at ``/suche``.

The search page is a plain HTML form that works without JavaScript. The assistant page is server
HTML (headings, the AI notice, navigation) around ``<rathaus-assistant mode="inline">``, driven by
``/widget.js`` — the same script a city embeds on its own site, so both behave alike.
``?lang=en`` switches either page to English.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from rathaus.documents import SearchFilters
from rathaus.search.hybrid import MAX_QUERY_CHARS
from rathaus.web.deps import AccessDep, RuntimeDep

router = APIRouter(include_in_schema=False)
_env = Environment(loader=FileSystemLoader(str(files("rathaus") / "web" / "pages")),
                   autoescape=select_autoescape(["html"]))

TEXT = {
    "de": {
        "title": "Ratsinformationen durchsuchen", "label": "Suchbegriff", "button": "Suchen",
        "placeholder": "z. B. Hundesteuer, Kita-Neubau, Radweg", "type": "Art", "all": "Alle",
        "Paper": "Vorlagen", "Meeting": "Sitzungen", "Organization": "Gremien", "from": "von", "to": "bis",
        "results": "{n} Treffer", "none": "Keine Treffer. Versuchen Sie andere oder weniger Suchbegriffe.",
        "page": "Seite", "official": "Zum Dokument im Ratsinformationssystem", "result": "Ergebnis",
        "decided": "Sitzung", "filters": "Filter", "error": "Bitte prüfen Sie die Eingabe.",
        "too_long": "Der Suchbegriff ist zu lang (höchstens {n} Zeichen).", "other": "English",
        "hint": "Durchsucht öffentliche Vorlagen, Sitzungen und Gremien.",
    },
    "en": {
        "title": "Search council information", "label": "Search terms", "button": "Search",
        "placeholder": "e.g. dog tax, new day-care centre, cycle path", "type": "Type", "all": "All",
        "Paper": "Papers", "Meeting": "Meetings", "Organization": "Bodies", "from": "from", "to": "to",
        "results": "{n} results", "none": "No results. Try other or fewer terms.", "page": "page",
        "official": "Open in the council information system", "result": "Result", "decided": "Meeting",
        "filters": "Filters", "error": "Please check your input.",
        "too_long": "The query is too long (at most {n} characters).", "other": "Deutsch",
        "hint": "Searches public papers, meetings and bodies.",
    },
}


NAV = {
    "de": {"skip": "Zum Inhalt springen", "main": "Seiten", "chat": "KI-Assistent",
           "search": "Ratsinformationen durchsuchen"},
    "en": {"skip": "Skip to content", "main": "Pages", "chat": "AI assistant", "search": "Search council information"},
}

CHAT_TEXT = {
    "de": {
        "title": "Fragen an die Stadt", "ai_label": "Hinweis:",
        "ai_notice": "Sie schreiben mit einem KI-Assistenten. Antworten werden automatisch aus veröffentlichten "
                     "Dokumenten der Stadt erstellt und können Fehler enthalten. Bitte prüfen Sie die verlinkten "
                     "Quellen.",
        "hint": "Fragen Sie zum Beispiel nach Gebühren, Anträgen, Beschlüssen oder Sitzungen. Sie suchen lieber selbst?",
        "search_link": "Ratsinformationen durchsuchen",
        "noscript": "Der Assistent braucht JavaScript. Ohne JavaScript können Sie die Ratsinformationen durchsuchen:",
        "other": "English",
    },
    "en": {
        "title": "Ask the city", "ai_label": "Please note:",
        "ai_notice": "You are chatting with an AI assistant. Answers are generated automatically from documents the "
                     "city has published and may contain errors. Please check the linked sources.",
        "hint": "Ask, for example, about fees, applications, council decisions or meetings. Prefer to search yourself?",
        "search_link": "Search council information",
        "noscript": "The assistant needs JavaScript. Without JavaScript you can search the council information:",
        "other": "Deutsch",
    },
}


def _render(lang: str, **context: Any) -> HTMLResponse:
    lang = lang if lang in TEXT else "de"
    html = _env.get_template("search.html").render(t=TEXT[lang], nav=NAV[lang], lang=lang, current="search",
                                                   **context)
    return HTMLResponse(html, status_code=context.get("status", 200))


async def invalid_page_request(request: Request) -> HTMLResponse:
    lang = request.query_params.get("lang", "de")
    q = request.query_params.get("q", "")
    t = TEXT.get(lang, TEXT["de"])
    message = t["too_long"].format(n=MAX_QUERY_CHARS) if len(q) > MAX_QUERY_CHARS else t["error"]
    return _render(lang, q=q[:MAX_QUERY_CHARS], results=None, error=message, status=422, type_="", date_from="",
                   date_to="")


@router.get("/", response_class=HTMLResponse)
def chat_page(lang: str = "de") -> HTMLResponse:
    """The citizens' assistant. An unknown language falls back to German rather than an error page."""
    lang = lang if lang in CHAT_TEXT else "de"
    html = _env.get_template("chat.html").render(t=CHAT_TEXT[lang], nav=NAV[lang], lang=lang, current="chat")
    return HTMLResponse(html)


@router.get("/suche", response_class=HTMLResponse)
def search_page(
    runtime: RuntimeDep, access: AccessDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS)] = "",
    type: Annotated[str, Query(pattern="^(|Paper|Meeting|Organization)$")] = "",  # noqa: A002
    date_from: Annotated[str, Query(pattern=r"^(|\d{4}-\d{2}-\d{2})$")] = "",
    date_to: Annotated[str, Query(pattern=r"^(|\d{4}-\d{2}-\d{2})$")] = "",
    lang: Annotated[str, Query(pattern="^(de|en)$")] = "de",
) -> HTMLResponse:
    results = None
    took = None
    if q.strip():
        filters = SearchFilters(types=[type] if type else [], date_from=date_from or None, date_to=date_to or None)
        response = runtime.searcher.search(q, access, filters, limit=20)
        results, took = response.results, response.took_ms
    return _render(lang, q=q, results=results, took=took, type_=type, date_from=date_from, date_to=date_to,
                   error=None)
