"""FastAPI dependencies as Annotated aliases, in one place.

Who is asking: a request with ``Authorization: Bearer <token>`` acts for the token's user, and a
browser with a session cookie (``rathaus_session``, from POST /api/v1/session) for the signed-in
user; either way with that user's groups as they are *now* (looked up on every request). A request
with neither is anonymous and reads only published collections. A wrong, revoked or disabled
user's token is a 401, never a silent fall-back to anonymous: a script with a broken token should
fail loudly. A cookie alone never changes anything: POST, PUT, PATCH and DELETE with a session
cookie also need the session's CSRF token in ``X-CSRF-Token`` (403 otherwise).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from rathaus.documents import Access
from rathaus.runtime import Runtime

UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="rathaus"'}
SESSION_COOKIE = "rathaus_session"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_UNSET = object()


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def get_store(request: Request) -> Any:
    return request.app.state.runtime.store


def get_user(request: Request) -> Any:
    """The signed-in user (``identity.accounts.User``) or None for an anonymous request."""
    cached = getattr(request.state, "rathaus_user", _UNSET)
    if cached is not _UNSET:
        return cached
    header = request.headers.get("authorization")
    user = None
    if header is not None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HTTPException(401, "Authorization must be 'Bearer <token>'.", headers=UNAUTHORIZED_HEADERS)
        user = request.app.state.runtime.accounts.user_for_token(token.strip())
        if user is None:
            raise HTTPException(401, "The token is invalid, revoked, or its user is disabled.",
                                headers=UNAUTHORIZED_HEADERS)
    elif request.cookies.get(SESSION_COOKIE):
        resolved = request.app.state.runtime.sessions.resolve(request.cookies[SESSION_COOKIE])
        if resolved is not None:  # an expired cookie is simply no session: the page shows the sign-in
            user, csrf = resolved
            if request.method not in SAFE_METHODS and not secrets.compare_digest(
                    request.headers.get("x-csrf-token", ""), csrf):
                raise HTTPException(403, "This request needs the session's CSRF token in X-CSRF-Token.")
            request.state.rathaus_csrf = csrf
    request.state.rathaus_user = user
    return user


def get_access(request: Request) -> Access:
    """What the caller may read: the user's groups, or only published collections."""
    user = get_user(request)
    return user.access() if user is not None else Access.anonymous()


def require_user(request: Request) -> Any:
    """For staff-only endpoints: 401 without a valid token."""
    user = get_user(request)
    if user is None:
        raise HTTPException(401, "Sign in or send 'Authorization: Bearer <token>'.", headers=UNAUTHORIZED_HEADERS)
    return user


class Auditor:
    """Records an audit entry for this request's user (see identity/audit.py)."""

    def __init__(self, request: Request) -> None:
        self.request = request

    @property
    def actor(self) -> str:
        user = get_user(self.request)
        return user.name if user is not None else "anonymous"

    def __call__(self, action: str, target: str = "", **details: Any) -> None:
        self.request.app.state.runtime.audit.record(self.actor, action, target, **details)

    def read(self, document_id: str, what: str = "document") -> None:
        """Staff reading a document is recorded; anonymous reading of published documents is not."""
        if get_user(self.request) is not None:
            self(f"{what}.read", document_id)


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
StoreDep = Annotated[Any, Depends(get_store)]
AccessDep = Annotated[Access, Depends(get_access)]
UserDep = Annotated[Any, Depends(require_user)]
AuditDep = Annotated[Auditor, Depends(Auditor)]
