"""FastAPI dependencies as Annotated aliases, in one place.

Who is asking: a request with ``Authorization: Bearer <token>`` acts for the token's user, with
that user's groups as they are *now* (looked up on every request). A request without one is
anonymous and reads only published collections. A wrong, revoked or disabled user's token is a
401, never a silent fall-back to anonymous: a script with a broken token should fail loudly.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from rathaus.documents import Access
from rathaus.runtime import Runtime

UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="rathaus"'}
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


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
StoreDep = Annotated[Any, Depends(get_store)]
AccessDep = Annotated[Access, Depends(get_access)]
UserDep = Annotated[Any, Depends(require_user)]
