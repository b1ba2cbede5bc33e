"""GET /healthz: liveness plus what the index holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from rathaus import __version__
from rathaus.web.deps import AccessDep, RuntimeDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Health and index status")
def healthz(runtime: RuntimeDep, access: AccessDep) -> dict[str, Any]:
    """Counts and the vector coverage are those of what the caller may see, so they reveal nothing about
    collections the caller cannot read."""
    done, total = runtime.store.vector_progress(runtime.embedder.name, runtime.settings.embed_scope, access)
    return {"status": "ok", "version": __version__, "documents": runtime.store.count_documents(access),
            "embedder": runtime.embedder.name, "vector_coverage": round(done / total, 3) if total else None}
