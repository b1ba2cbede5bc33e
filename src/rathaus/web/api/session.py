"""Browser sign-in for staff: POST /api/v1/session (name and password), GET /api/v1/session (who is signed
in, and the CSRF token), DELETE /api/v1/session (sign out). See identity/sessions.py for the rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from rathaus.identity.sessions import Throttled
from rathaus.web.deps import SESSION_COOKIE, UNAUTHORIZED_HEADERS, RuntimeDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["staff"])


class LoginIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


def _user(user: Any, csrf: str | None) -> dict[str, Any]:
    return {"name": user.name, "display_name": user.display_name, "role": user.role, "groups": list(user.groups),
            "csrf_token": csrf}


def _secure(request: Request, runtime: Any) -> bool:
    configured = runtime.settings.session_cookie_secure
    if configured is not None:
        return configured
    forwarded = request.headers.get("x-forwarded-proto", "") if runtime.settings.trust_proxy_headers else ""
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


@router.post("/session", summary="Sign in", responses={401: {"description": "Wrong name or password"},
                                                       429: {"description": "Too many failed attempts"}})
def login(body: LoginIn, request: Request, runtime: RuntimeDep) -> Any:
    client = request.app.state.rate_limiter.client_key(request)
    try:
        signed_in = runtime.sessions.login(body.name, body.password, client)
    except Throttled as exc:
        runtime.audit.record("anonymous", "session.throttled", body.name.strip().lower()[:64])
        return JSONResponse({"error": exc.code, "message": str(exc), "retry_after": round(exc.retry_after)},
                            status_code=429, headers={"Retry-After": str(round(exc.retry_after))})
    if signed_in is None:
        runtime.audit.record("anonymous", "session.failed", body.name.strip().lower()[:64])
        raise HTTPException(401, "Wrong name or password.", headers=UNAUTHORIZED_HEADERS)
    runtime.audit.record(signed_in.user.name, "session.start", signed_in.user.name, method="password")
    response = JSONResponse(_user(signed_in.user, signed_in.csrf))
    set_session_cookie(response, request, runtime, signed_in.cookie)
    response.headers["Cache-Control"] = "no-store"
    return response


def set_session_cookie(response: Response, request: Request, runtime: Any, cookie: str) -> None:
    """The session cookie: HttpOnly, so no script reads it, and SameSite=Lax, so another site's forms and
    scripts never send it. (Strict would also drop it on the first page after single sign-on, which
    the browser reaches through the provider's redirect.) Every change needs the CSRF token anyway."""
    response.set_cookie(SESSION_COOKIE, cookie, max_age=runtime.settings.session_max_hours * 3600, path="/",
                        httponly=True, samesite="lax", secure=_secure(request, runtime))


@router.get("/session", summary="The signed-in user and the CSRF token",
            responses={401: {"description": "Not signed in"}})
def current(user: UserDep, request: Request) -> dict[str, Any]:
    return _user(user, getattr(request.state, "rathaus_csrf", None))


@router.delete("/session", status_code=204, summary="Sign out")
def logout(user: UserDep, request: Request, runtime: RuntimeDep) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        runtime.sessions.logout(cookie)
        runtime.audit.record(user.name, "session.end", user.name)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response
