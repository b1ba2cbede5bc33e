"""Your conversations with the internal assistant (staff only, each person sees only their own):
GET /api/v1/conversations, GET/PATCH/DELETE /api/v1/conversations/{id}, DELETE /api/v1/conversations
(all of yours: the right to erasure). See workspace/conversations.py."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from rathaus.web.deps import AuditDep, RuntimeDep, UserDep

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])


class RenameIn(BaseModel):
    title: str = Field(..., min_length=1, max_length=200)


@router.get("", summary="Your conversations, newest first")
def list_conversations(user: UserDep, runtime: RuntimeDep) -> dict[str, Any]:
    return {"conversations": [asdict(c) | {"messages": None} for c in runtime.conversations.list(user.name)],
            "retention_days": runtime.settings.conversation_retention_days}


@router.get("/{conversation_id}", summary="One of your conversations with its messages")
def get_conversation(conversation_id: str, user: UserDep, runtime: RuntimeDep) -> dict[str, Any]:
    return asdict(runtime.conversations.get(user.name, conversation_id))


@router.patch("/{conversation_id}", status_code=204, summary="Rename a conversation")
def rename_conversation(conversation_id: str, body: RenameIn, user: UserDep, runtime: RuntimeDep) -> Response:
    runtime.conversations.rename(user.name, conversation_id, body.title)
    return Response(status_code=204)


@router.delete("/{conversation_id}", status_code=204, summary="Delete a conversation")
def delete_conversation(conversation_id: str, user: UserDep, runtime: RuntimeDep) -> Response:
    runtime.conversations.delete(user.name, conversation_id)
    return Response(status_code=204)


@router.delete("", summary="Delete all your conversations")
def delete_all_conversations(user: UserDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, int]:
    deleted = runtime.conversations.delete_all(user.name)
    audit("conversations.delete_all", user.name, count=deleted)
    return {"deleted": deleted}
