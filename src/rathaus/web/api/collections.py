"""Collections and uploads: GET /api/v1/collections, POST /api/v1/collections/{name}/documents.

Everyone sees the collections they may read (anonymous callers: the published ones), with their
document counts. Curators and admins who may read a collection upload files into it as multipart
form data (field ``file``, repeatable): one document per file, replaced when a file of the same
name comes again. A file that cannot be read is reported with its reason and changes nothing.

Every file is scanned for personal data (sources/files/library.py): the response lists how many
distinct values of each type were found (``personal_data``), never the values. A file with personal
data is refused for a published collection unless the form says ``publish_personal_data=true``.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from rathaus.documents import Collection, SearchFilters
from rathaus.errors import NotFound, RathausError
from rathaus.identity.accounts import personal_collection, personal_group
from rathaus.privacy.detect import describe
from rathaus.sources.files.library import may_manage
from rathaus.web.deps import AccessDep, AuditDep, RuntimeDep, StoreDep, UserDep

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["collections"])
MAX_FILES = 20  # per request


@router.get("/collections", summary="The collections the caller may read")
def list_collections(store: StoreDep, access: AccessDep) -> dict[str, Any]:
    out = []
    for c in store.list_collections(access):
        item: dict[str, Any] = {"name": c.name, "classification": c.classification, "public": c.public,
                                "description": c.description,
                                "documents": store.count_documents(access, SearchFilters(collections=[c.name]))}
        if access.authenticated:
            item["groups"] = list(c.access_groups)
        out.append(item)
    return {"collections": out}


@router.post("/my/documents", summary="Upload files for yourself (to ask about only these documents)",
             responses={401: {"description": "Not signed in"}, 413: {"description": "Too large"}})
async def upload_mine(request: Request, user: UserDep, runtime: RuntimeDep, audit: AuditDep,
                      file: Annotated[list[UploadFile], File(description="One or more files")]) -> Any:
    """Every signed-in member of staff has a personal collection that only they can read. Ask about
    these files with ``document_ids`` in POST /api/v1/ask."""
    name = personal_collection(user.name)
    try:
        await run_in_threadpool(runtime.store.get_collection, name)
    except NotFound:  # created with the first own file
        await run_in_threadpool(runtime.store.ensure_collection,
                                Collection(name, "vertraulich", (personal_group(user.name),), "Eigene Dateien", False))
    return await _store_files(name, user, runtime, audit, file, False)


@router.post("/collections/{name}/documents", summary="Upload files into a collection (curators and admins)",
             responses={401: {"description": "Not signed in"}, 403: {"description": "Not allowed"},
                        413: {"description": "Too large"}})
async def upload(name: str, request: Request, user: UserDep, runtime: RuntimeDep, audit: AuditDep,
                 file: Annotated[list[UploadFile], File(description="One or more files")],
                 publish_personal_data: Annotated[bool, Form(description="Add files with personal data to a "
                                                             "published collection (the uploader checked them)")]
                 = False) -> Any:
    visible = await run_in_threadpool(runtime.store.list_collections, user.access())
    if name not in {c.name for c in visible}:  # unknown, or not this user's to know about
        raise HTTPException(404, f"collection {name!r} does not exist")
    if not may_manage(user):  # may read it (above), but not manage it
        raise HTTPException(403, f"Only curators and admins may add documents to {name!r}.")
    return await _store_files(name, user, runtime, audit, file, publish_personal_data)


async def _store_files(name: str, user: Any, runtime: Any, audit: Any, file: list[UploadFile],
                       publish_personal_data: bool) -> JSONResponse:
    limit = runtime.settings.max_file_bytes
    if len(file) > MAX_FILES:
        raise HTTPException(413, f"At most {MAX_FILES} files per request.")
    library = runtime.library
    results, failed = [], []
    for upload_file in file:
        filename = upload_file.filename or "upload"
        data = await upload_file.read(limit + 1)
        if len(data) > limit:
            failed.append({"file": filename, "error": "too_large",
                           "message": f"larger than {limit} bytes", "user_message":
                           f"Die Datei ist zu groß (höchstens {limit // 1_000_000} MB)."})
            continue
        try:
            result = await run_in_threadpool(library.add, data, filename, name, added_by=user.name,
                                             publish_personal_data=publish_personal_data)
        except RathausError as exc:
            log.info("upload of %r into %s refused: %s", filename, name, exc)
            failed.append({"file": filename, "error": exc.code, "message": str(exc),
                           "user_message": exc.user_message})
            continue
        if result.changed:
            audit("document.add", result.document_id, collection=name, replaced=result.replaced,
                  format=result.format, personal_data=result.personal_data)
        results.append({"file": filename, "document_id": result.document_id, "title": result.title,
                        "format": result.format, "changed": result.changed, "replaced": result.replaced,
                        "chunks": result.chunks, "warnings": result.warnings,
                        "personal_data": result.personal_data,
                        "personal_data_note": (f"Enthält personenbezogene Daten: {describe(result.personal_data)}."
                                               if result.personal_data else "")})
    status = 201 if results and not failed else (207 if results else 422)
    return JSONResponse({"collection": name, "documents": results, "failed": failed}, status_code=status)
