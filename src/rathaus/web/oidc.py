"""Single sign-on routes: GET /auth/oidc/login sends the browser to the identity provider, and
GET /auth/oidc/callback takes it back, signs the user in (the same session cookie as a password
sign-in) and returns to the page it came from. See identity/oidc.py for the rules and settings."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rathaus.errors import RathausError
from rathaus.identity.oidc import OIDCClient, load_oidc_config
from rathaus.web.api.session import set_session_cookie
from rathaus.web.deps import RuntimeDep
from rathaus.web.pages.routes import NAV, _env

log = logging.getLogger(__name__)
router = APIRouter(prefix="/auth/oidc", include_in_schema=False)

TEXT = {
    "de": {"title": "Anmeldung fehlgeschlagen", "again": "Erneut anmelden",
           "off": "Die Anmeldung über den Identitätsanbieter (Single Sign-on) ist nicht eingerichtet.",
           "denied": "Die Anmeldung wurde beim Identitätsanbieter abgebrochen oder abgelehnt.",
           "disabled": "Ihr Konto ist gesperrt. Bitte wenden Sie sich an die IT."},
    "en": {"title": "Sign-in failed", "again": "Sign in again",
           "off": "Single sign-on is not configured.",
           "denied": "The sign-in was cancelled or refused at the identity provider.",
           "disabled": "Your account is locked. Please contact IT."},
}


def client_for(runtime: Any) -> OIDCClient | None:
    """The relying party, built once per runtime from the [oidc] section of rathaus.toml."""
    if "oidc_client" not in runtime.__dict__:
        config = load_oidc_config(runtime.settings)
        runtime.__dict__["oidc_client"] = OIDCClient(config, runtime.accounts) if config else None
    return runtime.__dict__["oidc_client"]


def _page(message: str, status: int, lang: str = "de") -> HTMLResponse:
    t = TEXT[lang]
    html = _env.get_template("message.html").render(title=t["title"], message=message, link="/auth/oidc/login",
                                                    link_text=t["again"], nav=NAV[lang], lang=lang, current="")
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _local_path(target: str | None) -> str:
    """Only a path on this server: never an open redirect to another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def oidc_login(request: Request, runtime: RuntimeDep, next: str = "/") -> Any:  # noqa: A002
    client = client_for(runtime)
    if client is None:
        return _page(TEXT["de"]["off"], 404)
    try:
        url = client.start(str(request.url_for("oidc_callback")), _local_path(next))
    except RathausError as exc:
        log.error("single sign-on could not start: %s", exc)
        return _page(exc.user_message, 502)
    return RedirectResponse(url, status_code=303, headers={"Cache-Control": "no-store"})


@router.get("/callback", name="oidc_callback")
def oidc_callback(request: Request, runtime: RuntimeDep, code: str = "", state: str = "",
                  error: str = "") -> Any:
    client = client_for(runtime)
    if client is None:
        return _page(TEXT["de"]["off"], 404)
    if error or not code or not state:
        log.warning("single sign-on came back without a code: %s", error or "no code")
        return _page(TEXT["de"]["denied"], 400)
    try:
        user, return_to = client.finish(code, state)
    except RathausError as exc:
        log.warning("single sign-on failed: %s", exc)
        return _page(exc.user_message, 400)
    if user.disabled:
        return _page(TEXT["de"]["disabled"], 403)
    signed_in = runtime.sessions.start(user)
    runtime.audit.record(user.name, "session.start", user.name, method="oidc", role=user.role,
                         groups=list(user.groups))
    response = RedirectResponse(_local_path(return_to), status_code=303, headers={"Cache-Control": "no-store"})
    set_session_cookie(response, request, runtime, signed_in.cookie)
    return response
