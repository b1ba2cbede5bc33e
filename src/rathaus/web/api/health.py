"""GET /healthz: liveness plus what the index holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from rathaus import __version__
from rathaus.web.deps import RuntimeDep

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Health and index status")
def healthz(runtime: RuntimeDep) -> dict[str, Any]:
    stats = runtime.store.stats()
    done, total = runtime.store.vector_progress(runtime.embedder.name, runtime.settings.embed_scope)
    return {"status": "ok", "version": __version__, "documents": stats["documents"], "chunks": stats["chunks"],
            "embedder": runtime.embedder.name, "vectors": {"done": done, "total": total}}
