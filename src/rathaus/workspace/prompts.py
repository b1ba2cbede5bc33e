"""The shared prompt library: templates with variables, owned by a person or an org unit, shared with
org units, and versioned.

    library = PromptLibrary(db)
    p = library.create(user, "Bürgeranfrage beantworten", "Beantworte höflich: {{anfrage}}", owner_group=None)
    library.update(user, p.id, body="…")                 # a new version; older ones stay readable
    text = library.render(user, p.id, {"anfrage": "…"})  # every variable must be given

Variables are written ``{{name}}`` (letters, digits, underscore; German umlauts allowed). Who sees a
prompt: its owner (a person), the members of its owning org unit and of every unit below, the
members of the units it is shared with (and below), and everyone signed in for the starter prompts
that ship with Rathaus. Who changes it: the owner; for a unit's prompt, curators and admins of that
unit. A change is a new version; deleting hides the prompt but keeps its versions for the record.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from typing import Any

from rathaus.errors import Forbidden, InputError, NotFound
from rathaus.identity.accounts import normalise_group

VARIABLE = re.compile(r"\{\{\s*([^\W\d][\w]*)\s*\}\}")
MAX_BODY = 20_000
MAX_TITLE = 120
SYSTEM_OWNER = "rathaus"


class PromptForbidden(Forbidden):
    user_message = "Diese Vorlage dürfen Sie nicht ändern."


@dataclass(frozen=True)
class Prompt:
    id: int
    version: int
    title: str
    description: str
    body: str
    tags: list[str]
    owner_kind: str  # user | group | system
    owner: str
    shared_with: list[str]
    created_by: str  # who wrote this version
    created_at: str
    can_edit: bool

    @property
    def variables(self) -> list[str]:
        return list(dict.fromkeys(VARIABLE.findall(self.body)))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _within(unit: str, groups: tuple[str, ...] | list[str]) -> bool:
    """True when a person of ``groups`` is a member of ``unit`` or of a unit below it."""
    return any(g == unit or g.startswith(unit + "/") for g in groups)


class PromptLibrary:
    def __init__(self, db: Any) -> None:
        self.db = db

    # -- reading ---------------------------------------------------------------------------
    def visible(self, user: Any, query: str = "") -> list[Prompt]:
        rows = self.db.conn().execute("SELECT id FROM prompts WHERE deleted = 0 ORDER BY id").fetchall()
        prompts = [p for (pid,) in rows if (p := self._load(pid, user)) is not None and self._may_read(user, p)]
        if query:
            q = query.casefold()
            prompts = [p for p in prompts if q in p.title.casefold() or q in p.description.casefold()
                       or any(q in t.casefold() for t in p.tags)]
        return sorted(prompts, key=lambda p: (p.owner_kind != "user", p.owner_kind == "system", p.title.casefold()))

    def get(self, user: Any, prompt_id: int, version: int | None = None) -> Prompt:
        prompt = self._load(prompt_id, user, version)
        if prompt is None or not self._may_read(user, prompt):
            raise NotFound(f"no prompt {prompt_id}" + (f" version {version}" if version else ""))
        return prompt

    def versions(self, user: Any, prompt_id: int) -> list[tuple[int, str, str, str]]:
        """(version, title, created_by, created_at), newest first."""
        self.get(user, prompt_id)
        return [tuple(r) for r in self.db.conn().execute(
            "SELECT version, title, created_by, created_at FROM prompt_versions WHERE prompt_id = ? "
            "ORDER BY version DESC", (prompt_id,))]

    def render(self, user: Any, prompt_id: int, values: dict[str, str], version: int | None = None) -> str:
        prompt = self.get(user, prompt_id, version)
        missing = [v for v in prompt.variables if not str(values.get(v, "")).strip()]
        if missing:
            raise InputError(f"missing values for: {', '.join(missing)}",
                             user_message=f"Bitte füllen Sie aus: {', '.join(missing)}.")
        return VARIABLE.sub(lambda m: str(values[m.group(1)]), prompt.body)

    # -- writing ---------------------------------------------------------------------------
    def create(self, user: Any, title: str, body: str, *, description: str = "", tags: list[str] | None = None,
               owner_group: str | None = None, shared_with: list[str] | None = None) -> Prompt:
        title, body = self._check(title, body)
        if owner_group is not None:
            owner_group = normalise_group(owner_group)
            if owner_group not in user.groups:
                raise PromptForbidden(f"{user.name} is not a member of {owner_group}",
                                      user_message="Vorlagen einer Organisationseinheit können nur ihre Mitglieder "
                                                   "anlegen.")
        shares = sorted({normalise_group(g) for g in shared_with or []})
        with self.db.write() as conn:
            prompt_id = conn.execute("INSERT INTO prompts(owner_kind, owner, created_at) VALUES (?,?,?) RETURNING id",
                                     ("group" if owner_group else "user", owner_group or user.name, _now())
                                     ).fetchone()[0]
            self._add_version(conn, prompt_id, 1, title, description, body, tags or [], user.name)
            conn.executemany("INSERT INTO prompt_shares VALUES (?, ?)", [(prompt_id, g) for g in shares])
        return self.get(user, prompt_id)

    def update(self, user: Any, prompt_id: int, *, title: str | None = None, body: str | None = None,
               description: str | None = None, tags: list[str] | None = None,
               shared_with: list[str] | None = None) -> Prompt:
        current = self.get(user, prompt_id)
        if not current.can_edit:
            raise PromptForbidden(f"{user.name} may not change prompt {prompt_id}")
        new_title, new_body = self._check(title if title is not None else current.title,
                                          body if body is not None else current.body)
        with self.db.write() as conn:
            self._add_version(conn, prompt_id, current.version + 1, new_title,
                              description if description is not None else current.description, new_body,
                              tags if tags is not None else current.tags, user.name)
            if shared_with is not None:
                conn.execute("DELETE FROM prompt_shares WHERE prompt_id = ?", (prompt_id,))
                conn.executemany("INSERT INTO prompt_shares VALUES (?, ?)",
                                 [(prompt_id, g) for g in sorted({normalise_group(x) for x in shared_with})])
        return self.get(user, prompt_id)

    def delete(self, user: Any, prompt_id: int) -> None:
        if not self.get(user, prompt_id).can_edit:
            raise PromptForbidden(f"{user.name} may not delete prompt {prompt_id}")
        with self.db.write() as conn:
            conn.execute("UPDATE prompts SET deleted = 1 WHERE id = ?", (prompt_id,))

    def install_starters(self) -> int:
        """Add the German starter prompts that ship with Rathaus (once; later runs add only new ones)."""
        data = tomllib.loads((files("rathaus.workspace") / "starter_prompts.toml").read_text(encoding="utf-8"))
        added = 0
        with self.db.write() as conn:  # read inside the transaction: processes starting together add them once
            have = {r[0] for r in conn.execute("SELECT v.title FROM prompts p JOIN prompt_versions v "
                                               "ON v.prompt_id = p.id WHERE p.owner_kind = 'system'")}
            for item in data["prompt"]:
                if item["title"] in have:
                    continue
                prompt_id = conn.execute("INSERT INTO prompts(owner_kind, owner, created_at) VALUES ('system', ?, ?) "
                                         "RETURNING id", (SYSTEM_OWNER, _now())).fetchone()[0]
                self._add_version(conn, prompt_id, 1, item["title"], item.get("description", ""), item["body"].strip(),
                                  item.get("tags", []), SYSTEM_OWNER)
                added += 1
        return added

    # -- internals -------------------------------------------------------------------------
    @staticmethod
    def _check(title: str, body: str) -> tuple[str, str]:
        title, body = " ".join(str(title).split()), str(body).strip()
        if not title or len(title) > MAX_TITLE:
            raise InputError(f"title must be 1 to {MAX_TITLE} characters",
                             user_message=f"Bitte geben Sie einen Titel an (höchstens {MAX_TITLE} Zeichen).")
        if not body or len(body) > MAX_BODY:
            raise InputError(f"body must be 1 to {MAX_BODY} characters",
                             user_message=f"Der Vorlagentext fehlt oder ist zu lang (höchstens {MAX_BODY} Zeichen).")
        return title, body

    @staticmethod
    def _add_version(conn: Any, prompt_id: int, version: int, title: str, description: str, body: str,
                     tags: list[str], author: str) -> None:
        conn.execute("INSERT INTO prompt_versions VALUES (?,?,?,?,?,?,?,?)",
                     (prompt_id, version, title, description, body, json.dumps([str(t) for t in tags][:20]),
                      author, _now()))

    def _load(self, prompt_id: int, user: Any, version: int | None = None) -> Prompt | None:
        conn = self.db.conn()
        head = conn.execute("SELECT owner_kind, owner FROM prompts WHERE id = ? AND deleted = 0",
                            (prompt_id,)).fetchone()
        if head is None:
            return None
        sql = ("SELECT version, title, description, body, tags, created_by, created_at FROM prompt_versions "
               "WHERE prompt_id = ?" + (" AND version = ?" if version else "") + " ORDER BY version DESC LIMIT 1")
        row = conn.execute(sql, (prompt_id, version) if version else (prompt_id,)).fetchone()
        if row is None:
            return None
        shares = [r[0] for r in conn.execute("SELECT grp FROM prompt_shares WHERE prompt_id = ? ORDER BY grp",
                                             (prompt_id,))]
        owner_kind, owner = head
        can_edit = (owner_kind == "user" and owner == user.name) or (
            owner_kind == "group" and owner in user.groups and user.role in ("admin", "curator"))
        return Prompt(prompt_id, row[0], row[1], row[2], row[3], json.loads(row[4]), owner_kind, owner, shares,
                      row[5], row[6], can_edit)

    @staticmethod
    def _may_read(user: Any, prompt: Prompt) -> bool:
        if prompt.owner_kind == "system":
            return True
        if prompt.owner_kind == "user" and prompt.owner == user.name:
            return True
        units = ([prompt.owner] if prompt.owner_kind == "group" else []) + prompt.shared_with
        return any(_within(unit, user.groups) for unit in units)
