"""GET /api/v1/me: the signed-in user, their groups and the collections they may read (staff only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from rathaus.web.deps import StoreDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["staff"])


@router.get("/me", summary="The signed-in user", responses={401: {"description": "No valid token"}})
def me(user: UserDep, store: StoreDep) -> dict[str, Any]:
    return {"name": user.name, "display_name": user.display_name, "role": user.role, "groups": list(user.groups),
            "collections": [{"name": c.name, "classification": c.classification, "public": c.public}
                            for c in store.list_collections(user.access())]}
