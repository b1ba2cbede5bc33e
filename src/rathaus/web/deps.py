"""FastAPI dependencies as Annotated aliases, in one place."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from rathaus.documents import Access
from rathaus.runtime import Runtime


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def get_store(request: Request) -> Any:
    return request.app.state.runtime.store


def get_access(request: Request) -> Access:
    """Who is asking. Until sign-in exists (issue 4), every web request is anonymous: public collections only."""
    return Access.anonymous()


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
StoreDep = Annotated[Any, Depends(get_store)]
AccessDep = Annotated[Access, Depends(get_access)]
