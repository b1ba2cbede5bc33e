"""Administration over HTTP (role ``admin``): users, org units, collections and the audit log; and
everyone's own API tokens (``/api/v1/me/tokens``). Every change is audited. The admin role manages;
it never reads other people's conversations, and it reads documents only through its own groups."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from io import StringIO
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from pydantic import BaseModel, Field

from rathaus.documents import CLASSIFICATIONS, Collection
from rathaus.web.deps import AuditDep, RuntimeDep, UserDep, require_user

router = APIRouter(prefix="/api/v1", tags=["admin"])


def require_admin(user: Annotated[Any, Depends(require_user)]) -> Any:
    if user.role != "admin":
        raise HTTPException(403, "This needs the role admin.")
    return user


AdminDep = Annotated[Any, Depends(require_admin)]


class UserIn(BaseModel):
    name: str = Field(..., max_length=64)
    password: str | None = Field(None, max_length=1024, description="Empty: single sign-on only.")
    role: Literal["admin", "curator", "user"] = "user"
    groups: list[str] = Field(default_factory=list, max_length=50)
    display_name: str = Field("", max_length=200)


class UserChange(BaseModel):
    role: Literal["admin", "curator", "user"] | None = None
    groups: list[str] | None = Field(None, max_length=50)
    disabled: bool | None = None


class GroupIn(BaseModel):
    name: str = Field(..., max_length=300)
    parent: str | None = Field(None, max_length=300)
    description: str = Field("", max_length=300)


class CollectionIn(BaseModel):
    name: str = Field(..., min_length=1, max_length=100, pattern=r"^[A-Za-z0-9ÄÖÜäöüß][\w .-]*$")
    classification: Literal["offen", "intern", "vertraulich"] = "intern"
    groups: list[str] = Field(default_factory=list, max_length=50)
    public: bool = False
    description: str = Field("", max_length=500)


class TokenIn(BaseModel):
    label: str = Field("", max_length=100)


def _user(u: Any) -> dict[str, Any]:
    return {"name": u.name, "display_name": u.display_name, "role": u.role, "groups": list(u.groups),
            "disabled": u.disabled, "password": u.has_password}


@router.get("/admin/users", summary="All staff accounts")
def list_users(admin: AdminDep, runtime: RuntimeDep) -> dict[str, Any]:
    return {"users": [_user(u) for u in runtime.accounts.users()]}


@router.post("/admin/users", status_code=201, summary="Add a staff account")
def add_user(body: UserIn, admin: AdminDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, Any]:
    user = runtime.accounts.add_user(body.name, body.password or None, body.role, body.groups, body.display_name)
    audit("user.add", user.name, role=user.role, groups=list(user.groups))
    return _user(user)


@router.patch("/admin/users/{name}", summary="Change a user's role, groups, or lock the account")
def change_user(name: str, body: UserChange, admin: AdminDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, Any]:
    accounts = runtime.accounts
    accounts.user(name)  # 404 first
    if body.disabled is True and name == admin.name:
        raise HTTPException(409, "You cannot lock your own account.")
    if body.role is not None:
        accounts.set_role(name, body.role)
        audit("user.role", name, role=body.role)
    if body.groups is not None:
        accounts.set_groups(name, body.groups)
        audit("user.groups", name, groups=body.groups)
    if body.disabled is not None:
        accounts.set_disabled(name, body.disabled)
        if body.disabled:
            runtime.sessions.end_all(name)
        audit("user.disable" if body.disabled else "user.enable", name)
    return _user(accounts.user(name))


@router.get("/admin/groups", summary="All org units")
def list_groups(admin: AdminDep, runtime: RuntimeDep) -> dict[str, Any]:
    return {"groups": [{"path": p, "description": d, "members": n} for p, d, n in runtime.accounts.groups()]}


@router.post("/admin/groups", status_code=201, summary="Add an org unit")
def add_group(body: GroupIn, admin: AdminDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, Any]:
    path = runtime.accounts.add_group(body.name, body.parent, body.description)
    audit("group.add", path)
    return {"path": path}


@router.put("/admin/collections", summary="Create a collection, or change its classification, groups, publication")
def set_collection(body: CollectionIn, admin: AdminDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, Any]:
    if body.classification not in CLASSIFICATIONS or (body.public and body.classification != "offen"):
        raise HTTPException(422, "Only an offen collection can be public.")
    if body.classification == "vertraulich" and not body.groups:
        raise HTTPException(422, "A vertraulich collection needs at least one group.")
    if body.name.startswith("~"):
        raise HTTPException(422, "Names starting with ~ are personal collections.")
    groups = runtime.accounts.known_groups(body.groups)
    collection = Collection(body.name, body.classification, tuple(groups), body.description, body.public)
    runtime.store.ensure_collection(collection)
    audit("collection.set", body.name, classification=body.classification, groups=groups, public=body.public)
    return asdict(collection)


@router.get("/admin/audit", summary="The audit log (JSON, or an export as CSV or JSON Lines)")
def audit_log(admin: AdminDep, runtime: RuntimeDep, audit: AuditDep,
              since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
              actor: Annotated[str | None, Query(max_length=64)] = None,
              action: Annotated[str | None, Query(max_length=64)] = None,
              format: Annotated[Literal["json", "csv", "jsonl"], Query()] = "json",  # noqa: A002
              limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
              newest_first: bool = False) -> Any:
    start = datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
    entries = runtime.audit.entries(start, actor, action, limit, newest_first)
    audit("audit.read", "", format=format, count=len(entries))
    if format == "json":
        return {"entries": [asdict(e) for e in entries]}
    out = StringIO()
    runtime.audit.export(entries, out, format)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return Response(out.getvalue(), media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="rathaus-audit.{format}"'})


@router.get("/admin/usage", summary="Usage statistics per day (counts only, never content)")
def usage_stats(admin: AdminDep, runtime: RuntimeDep, days: Annotated[int, Query(ge=1, le=366)] = 30) -> Any:
    from rathaus.usage import usage

    return usage(runtime.provenance, runtime.audit, days)


@router.get("/me/tokens", summary="Your API tokens (never the tokens themselves)")
def my_tokens(user: UserDep, runtime: RuntimeDep) -> dict[str, Any]:
    return {"tokens": [asdict(t) for t in runtime.accounts.tokens(user.name)]}


@router.post("/me/tokens", status_code=201, summary="Create an API token (shown once)")
def create_my_token(body: TokenIn, user: UserDep, runtime: RuntimeDep, audit: AuditDep) -> dict[str, Any]:
    token = runtime.accounts.create_token(user.name, body.label)
    audit("token.create", user.name, label=body.label)
    return {"token": token, "label": body.label or "API"}


@router.delete("/me/tokens/{token_id}", status_code=204, summary="Revoke one of your tokens")
def revoke_my_token(token_id: int, user: UserDep, runtime: RuntimeDep, audit: AuditDep) -> Response:
    if token_id not in {t.id for t in runtime.accounts.tokens(user.name)}:
        raise HTTPException(404, f"no token {token_id}")
    runtime.accounts.revoke_token(token_id)
    audit("token.revoke", str(token_id))
    return Response(status_code=204)
