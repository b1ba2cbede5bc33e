"""The prompt library (staff only): GET/POST /api/v1/prompts, GET/PUT/DELETE /api/v1/prompts/{id},
GET /api/v1/prompts/{id}/versions, POST /api/v1/prompts/{id}/render. See workspace/prompts.py."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from rathaus.web.deps import AuditDep, RuntimeDep, UserDep

router = APIRouter(prefix="/api/v1/prompts", tags=["prompts"])


class PromptIn(BaseModel):
    title: str = Field(..., max_length=200)
    body: str = Field(..., max_length=20_000)
    description: str = Field("", max_length=1000)
    tags: list[str] = Field(default_factory=list, max_length=20)
    owner_group: str | None = Field(None, description="An org unit of yours that owns it; empty: you personally.")
    shared_with: list[str] = Field(default_factory=list, max_length=50, description="Org units that may use it.")


class PromptUpdate(BaseModel):
    title: str | None = Field(None, max_length=200)
    body: str | None = Field(None, max_length=20_000)
    description: str | None = Field(None, max_length=1000)
    tags: list[str] | None = Field(None, max_length=20)
    shared_with: list[str] | None = Field(None, max_length=50)


class RenderIn(BaseModel):
    values: dict[str, str] = Field(default_factory=dict)
    version: int | None = None


def _out(prompt: Any) -> dict[str, Any]:
    return {**asdict(prompt), "variables": prompt.variables}


@router.get("", summary="The prompts you may use")
def list_prompts(user: UserDep, runtime: RuntimeDep, q: Annotated[str, Query(max_length=100)] = "") -> dict[str, Any]:
    return {"prompts": [_out(p) for p in runtime.prompts.visible(user, q)]}


@router.post("", status_code=201, summary="Create a prompt")
def create_prompt(body: PromptIn, user: UserDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, Any]:
    prompt = runtime.prompts.create(user, body.title, body.body, description=body.description, tags=body.tags,
                                    owner_group=body.owner_group, shared_with=body.shared_with)
    audit("prompt.create", str(prompt.id), owner=prompt.owner, shared_with=prompt.shared_with)
    return _out(prompt)


@router.get("/{prompt_id}", summary="A prompt (its newest version, or ?version=N)")
def get_prompt(prompt_id: int, user: UserDep, runtime: RuntimeDep,
               version: Annotated[int | None, Query(ge=1)] = None) -> dict[str, Any]:
    return _out(runtime.prompts.get(user, prompt_id, version))


@router.put("/{prompt_id}", summary="Change a prompt (a new version)")
def update_prompt(prompt_id: int, body: PromptUpdate, user: UserDep, runtime: RuntimeDep,
                  audit: AuditDep) -> dict[str, Any]:
    prompt = runtime.prompts.update(user, prompt_id, **body.model_dump(exclude_none=True))
    audit("prompt.update", str(prompt_id), version=prompt.version)
    return _out(prompt)


@router.delete("/{prompt_id}", status_code=204, summary="Delete a prompt (its versions stay on record)")
def delete_prompt(prompt_id: int, user: UserDep, runtime: RuntimeDep, audit: AuditDep) -> Response:
    runtime.prompts.delete(user, prompt_id)
    audit("prompt.delete", str(prompt_id))
    return Response(status_code=204)


@router.get("/{prompt_id}/versions", summary="A prompt's versions, newest first")
def prompt_versions(prompt_id: int, user: UserDep, runtime: RuntimeDep) -> dict[str, Any]:
    return {"versions": [{"version": v, "title": t, "created_by": b, "created_at": a}
                         for v, t, b, a in runtime.prompts.versions(user, prompt_id)]}


@router.post("/{prompt_id}/render", summary="Fill in a prompt's variables")
def render_prompt(prompt_id: int, body: RenderIn, user: UserDep, runtime: RuntimeDep) -> dict[str, Any]:
    return {"text": runtime.prompts.render(user, prompt_id, body.values, body.version)}
