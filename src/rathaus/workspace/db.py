"""The workspace database (``workspace.sqlite``, or the schema ``workspace``: store/smalldb.py) and its
migrations."""

from __future__ import annotations

from typing import Any

from rathaus.store import migrations


def m001_workspace(conn: Any) -> None:
    migrations.script(conn, """
        CREATE TABLE prompts (
            id INTEGER PRIMARY KEY,
            owner_kind TEXT NOT NULL CHECK (owner_kind IN ('user', 'group', 'system')),
            owner TEXT NOT NULL,              -- user name, org-unit path, or 'rathaus' for starter prompts
            created_at TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE prompt_versions (
            prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (prompt_id, version)
        );
        CREATE TABLE prompt_shares (
            prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
            grp TEXT NOT NULL,                -- an org unit whose members (and sub-units) may use it
            PRIMARY KEY (prompt_id, grp)
        );
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            title TEXT NOT NULL,
            assistant TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX conversations_user ON conversations(user_name, updated_at);
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
            text TEXT NOT NULL,
            citations TEXT NOT NULL DEFAULT '[]',
            provenance_id TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX messages_conversation ON messages(conversation_id, id);
    """)


DATABASE = "workspace"  # workspace.sqlite, or the schema "workspace" (store/smalldb.py)
MIGRATIONS = [("workspace_001", m001_workspace)]

