"""GET /api/v1/search: hybrid search over the collections the caller may read."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel

from rathaus.documents import SearchFilters
from rathaus.search.hybrid import MAX_QUERY_CHARS, SearchResponse
from rathaus.web.deps import AccessDep, RuntimeDep

router = APIRouter(prefix="/api/v1", tags=["search"])


class PassageOut(BaseModel):
    text: str
    snippet: str
    page: int | None
    chunk_id: int
    file_id: str | None
    file_name: str | None
    section: str | None


class ResultOut(BaseModel):
    document_id: str
    title: str
    type: str
    reference: str | None
    date: str | None
    url: str | None
    source_url: str | None
    organizations: list[str]
    meeting_date: str | None
    result: str | None
    score: float
    matched_by: list[str]
    passages: list[PassageOut]


class SearchOut(BaseModel):
    query: str
    mode: str
    took_ms: float
    dense_used: bool
    results: list[ResultOut]


def to_api(response: SearchResponse) -> dict[str, Any]:
    out = asdict(response)
    out.pop("terms", None)
    return out


@router.get("/search", response_model=SearchOut, summary="Search documents")
def search(
    runtime: RuntimeDep,
    access: AccessDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, pattern=r"\S",
                            description="The query, in German (not blank).")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    mode: Literal["hybrid", "lexical", "dense"] = "hybrid",
    type: Annotated[list[str] | None, Query(description="Paper, Meeting, Organization")] = None,  # noqa: A002
    date_from: date | None = None,
    date_to: date | None = None,
    organization: Annotated[str | None, Query(description="Organisation id or name")] = None,
    body: Annotated[str | None, Query(description="OParl body id")] = None,
    collection: Annotated[list[str] | None, Query()] = None,
) -> dict[str, Any]:
    filters = SearchFilters(types=type or [], date_from=date_from.isoformat() if date_from else None,
                            date_to=date_to.isoformat() if date_to else None, organization=organization, body=body,
                            collections=collection or [])
    return to_api(runtime.searcher.search(q, access, filters, limit=limit, mode=mode))
