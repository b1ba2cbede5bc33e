"""Documents and chunks: GET /api/v1/documents, /document?id=…, /document/chunks?id=…, /chunks/{id};
DELETE /api/v1/document?id=… for a file document (curators).

Document ids are OParl URLs, so they are passed as the query parameter ``id``
(``/api/v1/document?id=https://…``). Staff reading a document or its passages is audited.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response

from rathaus.documents import SearchFilters
from rathaus.identity.accounts import personal_collection
from rathaus.sources.files.library import may_manage
from rathaus.web.deps import AccessDep, AuditDep, RuntimeDep, StoreDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["documents"])


def _doc(record: Any) -> dict[str, Any]:
    out = asdict(record)
    out["url"] = record.web_url or record.source_url
    return out


@router.get("/documents", summary="List documents, newest first")
def list_documents(
    store: StoreDep, access: AccessDep,
    type: Annotated[list[str] | None, Query()] = None,  # noqa: A002
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    filters = SearchFilters(types=type or [])
    return {"total": store.count_documents(access, filters),
            "documents": [_doc(d) for d in store.list_documents(access, filters, offset, limit)]}


@router.get("/document", summary="One document by id (OParl URL)")
def get_document(store: StoreDep, access: AccessDep, audit: AuditDep,
                 id: Annotated[str, Query()]) -> dict[str, Any]:  # noqa: A002
    record = _doc(store.get_document(id, access))
    audit.read(id)
    return record


@router.get("/document/consultations", summary="A council paper's path through its committees")
def document_consultations(store: StoreDep, access: AccessDep, id: Annotated[str, Query()]) -> dict[str, Any]:  # noqa: A002
    """Each consultation in date order: committee, role, meeting (date, link), agenda item and result.
    Empty for documents that are not council papers."""
    record = store.get_document(id, access)
    steps = [{k: c.get(k) for k in ("organizations", "role", "authoritative", "meeting_name", "meeting_date",
                                     "meeting_web", "agenda_item_number", "agenda_item_name", "result")}
             for c in record.metadata.get("consultations", [])]
    return {"document_id": id, "title": record.title, "result": record.result, "consultations": steps}


@router.get("/document/chunks", summary="The chunks of one document")
def document_chunks(store: StoreDep, access: AccessDep, audit: AuditDep,
                    id: Annotated[str, Query()]) -> dict[str, Any]:  # noqa: A002
    chunks = store.document_chunks(id, access)
    audit.read(id, "chunks")
    return {"document_id": id, "chunks": [{k: v for k, v in asdict(c).items() if k != "document"} for c in chunks]}


@router.get("/chunks/{chunk_id}", summary="One chunk with its document")
def get_chunk(store: StoreDep, access: AccessDep, audit: AuditDep, chunk_id: int) -> dict[str, Any]:
    chunk = store.get_chunk(chunk_id, access)
    audit.read(chunk.document_id, "chunk")
    out = {k: v for k, v in asdict(chunk).items() if k != "document"}
    out["document"] = _doc(chunk.document)
    return out


@router.delete("/document", status_code=204, summary="Remove a file document (curators and admins; your own files)",
               responses={401: {"description": "Not signed in"}, 403: {"description": "Not allowed"}})
def delete_document(store: StoreDep, user: UserDep, audit: AuditDep, runtime: RuntimeDep,
                    id: Annotated[str, Query()]) -> Response:  # noqa: A002
    record = store.get_document(id, user.access())  # 404 for what the user cannot see
    own = record.collection == personal_collection(user.name)  # everyone removes their own files
    if not own and not may_manage(user):
        raise HTTPException(403, "Only curators and admins of this collection may remove its documents.")
    runtime.library.remove(id)
    audit("document.remove", id, collection=record.collection)
    return Response(status_code=204)
