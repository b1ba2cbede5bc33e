"""Staff accounts, org-unit groups and personal API tokens, in a small database of their own
(``identity.sqlite``, or the schema ``identity`` when the store is PostgreSQL).

    accounts = Accounts.from_settings(settings)
    accounts.add_group("stadt"); accounts.add_group("amt-32", parent="stadt/dezernat-2")
    user = accounts.add_user("mmeier", password, role="user", groups=["stadt/dezernat-2/amt-32"])
    token = accounts.create_token("mmeier", "Fachverfahren")   # shown once, stored as a hash
    access = accounts.access_for_token(token)                   # -> Access(groups=..., authenticated=True)

Roles: ``admin`` manages users, groups and collections; ``curator`` manages documents of the
collections they may read; ``user`` searches and asks. A role never widens what a person may
*read*: that comes from their groups alone, so an administrator does not see a confidential
collection of an office they do not belong to. (Only the local operator on the command line reads
everything.)

Groups are org units written as paths, "stadt/dezernat-2/amt-32". A unit's parent must exist
before it. Membership of a unit grants what is granted to the unit and to every unit above it
(see ``Access.expanded_groups``).

Passwords are hashed with argon2id (argon2-cffi's defaults). API tokens are 32 random bytes;
only their SHA-256 is stored, so a copy of this file gives nobody a usable token. Access is
computed from the database on every request: a user removed from a group, disabled, or whose
token was revoked loses access with their next request.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from rathaus.documents import Access
from rathaus.errors import InputError, NotFound
from rathaus.store import migrations
from rathaus.store.smalldb import open_small_db
from rathaus.store.sqlitedb import SQLiteFile

ROLES = ("admin", "curator", "user")
TOKEN_PREFIX = "rth_"
MIN_PASSWORD = 12
_NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
_UNIT = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def m001_accounts(conn: Any) -> None:
    migrations.script(conn, """
        CREATE TABLE groups (
            path TEXT PRIMARY KEY,            -- "stadt/dezernat-2/amt-32"
            parent TEXT REFERENCES groups(path),
            description TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL DEFAULT '',
            password_hash TEXT,               -- NULL: signs in only through single sign-on
            role TEXT NOT NULL CHECK (role IN ('admin', 'curator', 'user')),
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE user_groups (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            grp TEXT NOT NULL REFERENCES groups(path) ON DELETE CASCADE,
            PRIMARY KEY (user_id, grp)
        );
        CREATE TABLE tokens (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,  -- sha256 of the token; the token itself is never stored
            created_at TEXT NOT NULL,
            last_used TEXT,
            revoked INTEGER NOT NULL DEFAULT 0
        );
    """)


def m002_sessions(conn: Any) -> None:
    migrations.script(conn, """
        CREATE TABLE sessions (
            id_hash TEXT PRIMARY KEY,         -- sha256 of the cookie value; the value itself is never stored
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen TEXT NOT NULL
        );
        CREATE TABLE login_failures (
            name TEXT NOT NULL,
            client TEXT NOT NULL,             -- a hash of the client address, never the address
            at TEXT NOT NULL
        );
        CREATE INDEX login_failures_at ON login_failures(at);
    """)


def m003_single_sign_on(conn: Any) -> None:
    """external_id: "<issuer>|<subject>" of a single-sign-on user."""
    migrations.script(conn, """
        ALTER TABLE users ADD COLUMN external_id TEXT;
        CREATE UNIQUE INDEX users_external_id ON users(external_id);
        CREATE TABLE oidc_pending (               -- sign-ins sent to the provider and not yet back
            state_hash TEXT PRIMARY KEY,
            nonce TEXT NOT NULL,
            verifier TEXT NOT NULL,               -- the PKCE code verifier
            redirect_uri TEXT NOT NULL,
            return_to TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
    """)


DATABASE = "identity"  # identity.sqlite, or the schema "identity" (store/smalldb.py)
MIGRATIONS = [("accounts_001", m001_accounts), ("accounts_002_sessions", m002_sessions),
              ("accounts_003_single_sign_on", m003_single_sign_on)]


@dataclass(frozen=True)
class User:
    id: int
    name: str
    display_name: str
    role: str
    disabled: bool
    groups: tuple[str, ...]
    has_password: bool

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def access(self) -> Access:
        """What this person may read: their org units, and their own personal collection."""
        return Access(groups=frozenset(self.groups) | {personal_group(self.name)}, authenticated=True)


@dataclass(frozen=True)
class Token:
    id: int
    user: str
    label: str
    created_at: str
    last_used: str | None
    revoked: bool


def personal_group(name: str) -> str:
    """The access group of one person alone ("~mmeier"): org-unit paths never start with "~"."""
    return f"~{name}"


def personal_collection(name: str) -> str:
    """The collection of files a person uploaded for themselves (to ask about "only these documents")."""
    return f"~{name}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_group(path: str) -> str:
    parts = [p for p in str(path).strip().strip("/").lower().split("/") if p]
    if not parts or not all(_UNIT.fullmatch(p) for p in parts):
        raise InputError(f"invalid group {path!r}: use org-unit paths like stadt/dezernat-2/amt-32 "
                         "(lower-case letters, digits, - and _)",
                         user_message=f"Ungültige Gruppe „{path}“: erlaubt sind Pfade wie stadt/dezernat-2/amt-32.")
    return "/".join(parts)


class Accounts:
    def __init__(self, db: str | Path | Any) -> None:
        """``db``: a path to a SQLite file, or an opened small database (see store/smalldb.py)."""
        self.db = SQLiteFile(db, MIGRATIONS) if isinstance(db, str | Path) else db
        self.path = self.db.path
        self._hasher = PasswordHasher()

    @classmethod
    def from_settings(cls, settings: Any) -> Accounts:
        return cls(open_small_db(settings, DATABASE, MIGRATIONS))

    def _conn(self) -> Any:
        return self.db.conn()

    def close(self) -> None:
        self.db.close()

    # -- groups ----------------------------------------------------------------------------
    def add_group(self, name: str, parent: str | None = None, description: str = "") -> str:
        """Create an org unit; ``name`` may be a full path or a unit below ``parent``. Returns the path."""
        path = normalise_group(f"{parent}/{name}" if parent else name)
        parent_path = path.rsplit("/", 1)[0] if "/" in path else None
        with self.db.write() as conn:
            if parent_path and conn.execute("SELECT 1 FROM groups WHERE path = ?", (parent_path,)).fetchone() is None:
                raise InputError(f"parent group {parent_path!r} does not exist; create it first",
                                 user_message=f"Die übergeordnete Gruppe „{parent_path}“ gibt es nicht.")
            conn.execute("INSERT INTO groups(path, parent, description, created_at) VALUES (?,?,?,?) "
                         "ON CONFLICT(path) DO UPDATE SET description = excluded.description",
                         (path, parent_path, description, _now()))
        return path

    def ensure_group(self, path: str) -> str:
        """Create an org unit and any missing units above it."""
        parts = normalise_group(path).split("/")
        for i in range(1, len(parts) + 1):
            sub = "/".join(parts[:i])
            if self._conn().execute("SELECT 1 FROM groups WHERE path = ?", (sub,)).fetchone() is None:
                self.add_group(sub)
        return "/".join(parts)

    def groups(self) -> list[tuple[str, str, int]]:
        """(path, description, direct members), sorted so that a parent comes before its children."""
        return [(r[0], r[1], r[2]) for r in self._conn().execute(
            "SELECT g.path, g.description, count(ug.user_id) FROM groups g LEFT JOIN user_groups ug "
            "ON ug.grp = g.path GROUP BY g.path ORDER BY g.path")]

    def known_groups(self, groups: list[str]) -> list[str]:
        """The groups as normalised paths; an InputError names any that do not exist (a typo in an
        access list would otherwise lock everyone out, silently)."""
        return self._require_groups(self._conn(), groups)

    def _require_groups(self, conn: Any, groups: list[str]) -> list[str]:
        paths = [normalise_group(g) for g in groups]
        missing = [p for p in paths if conn.execute("SELECT 1 FROM groups WHERE path = ?", (p,)).fetchone() is None]
        if missing:
            raise InputError(f"unknown group(s): {', '.join(missing)}; create them with `rathaus groups add`",
                             user_message=f"Unbekannte Gruppe(n): {', '.join(missing)}.")
        return paths

    # -- users -----------------------------------------------------------------------------
    def add_user(self, name: str, password: str | None, role: str = "user", groups: list[str] | tuple[str, ...] = (),
                 display_name: str = "") -> User:
        name = name.strip().lower()
        if not _NAME.fullmatch(name):
            raise InputError(f"invalid user name {name!r}: lower-case letters, digits, '.', '-' and '_'",
                             user_message="Ungültiger Benutzername: erlaubt sind Kleinbuchstaben, Ziffern, . - _")
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}",
                             user_message=f"Die Rolle muss {', '.join(ROLES)} sein.")
        hashed = self._hash(password) if password is not None else None
        with self.db.write() as conn:
            if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise InputError(f"user {name!r} already exists", user_message=f"Den Benutzer „{name}“ gibt es schon.")
            paths = self._require_groups(conn, list(groups))
            user_id = conn.execute("INSERT INTO users(name, display_name, password_hash, role, created_at) "
                                   "VALUES (?,?,?,?,?) RETURNING id", (name, display_name, hashed, role, _now())
                                   ).fetchone()[0]
            conn.executemany("INSERT INTO user_groups VALUES (?, ?)", [(user_id, p) for p in paths])
        return self.user(name)

    def upsert_external_user(self, external_id: str, name: str, role: str, groups: list[str],
                             display_name: str = "") -> User:
        """Create or update a single-sign-on user, found by ``external_id`` (issuer and subject). The role
        and groups are replaced: the identity provider is the source of truth for them."""
        with self.db.write() as conn:
            paths = self._require_groups(conn, groups)
            row = conn.execute("SELECT id, name FROM users WHERE external_id = ?", (external_id,)).fetchone()
            if row is None:
                if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                    raise InputError(f"a local account named {name!r} exists and is not linked to {external_id}",
                                     user_message=f"Es gibt bereits ein lokales Konto „{name}“. Bitte wenden Sie "
                                                  "sich an die IT.")
                if not _NAME.fullmatch(name):
                    raise InputError(f"the provider's user name {name!r} is not usable",
                                     user_message="Ihr Benutzername beim Identitätsanbieter ist hier nicht nutzbar.")
                user_id = conn.execute("INSERT INTO users(name, display_name, password_hash, role, created_at, "
                                       "external_id) VALUES (?,?,NULL,?,?,?) RETURNING id",
                                       (name, display_name, role, _now(), external_id)).fetchone()[0]
            else:
                user_id, name = row
                conn.execute("UPDATE users SET role = ?, display_name = ? WHERE id = ?", (role, display_name, user_id))
            conn.execute("DELETE FROM user_groups WHERE user_id = ?", (user_id,))
            conn.executemany("INSERT INTO user_groups VALUES (?, ?)", [(user_id, p) for p in paths])
        return self.user(name)

    def _hash(self, password: str) -> str:
        if len(password) < MIN_PASSWORD:
            raise InputError(f"password is shorter than {MIN_PASSWORD} characters",
                             user_message=f"Das Passwort muss mindestens {MIN_PASSWORD} Zeichen lang sein.")
        return self._hasher.hash(password)

    def user(self, name: str) -> User:
        row = self._conn().execute("SELECT id, name, display_name, role, disabled, password_hash IS NOT NULL "
                                   "FROM users WHERE name = ?", (name.strip().lower(),)).fetchone()
        if row is None:
            raise NotFound(f"no user {name!r}")
        groups = tuple(r[0] for r in self._conn().execute(
            "SELECT grp FROM user_groups WHERE user_id = ? ORDER BY grp", (row[0],)))
        return User(row[0], row[1], row[2], row[3], bool(row[4]), groups, bool(row[5]))

    def users(self) -> list[User]:
        return [self.user(r[0]) for r in self._conn().execute("SELECT name FROM users ORDER BY name")]

    def set_groups(self, name: str, groups: list[str]) -> User:
        """Replace a user's groups; their next request sees only what the new groups allow."""
        user = self.user(name)
        with self.db.write() as conn:
            paths = self._require_groups(conn, groups)
            conn.execute("DELETE FROM user_groups WHERE user_id = ?", (user.id,))
            conn.executemany("INSERT INTO user_groups VALUES (?, ?)", [(user.id, p) for p in paths])
        return self.user(name)

    def set_role(self, name: str, role: str) -> User:
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}",
                             user_message=f"Die Rolle muss {', '.join(ROLES)} sein.")
        user = self.user(name)
        with self.db.write() as conn:
            conn.execute("UPDATE users SET role = ? WHERE id = ?", (role, user.id))
        return self.user(name)

    def set_disabled(self, name: str, disabled: bool = True) -> User:
        user = self.user(name)
        with self.db.write() as conn:
            conn.execute("UPDATE users SET disabled = ? WHERE id = ?", (int(disabled), user.id))
        return self.user(name)

    def set_password(self, name: str, password: str) -> None:
        user = self.user(name)
        hashed = self._hash(password)
        with self.db.write() as conn:
            conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed, user.id))

    def verify_password(self, name: str, password: str) -> User | None:
        """The user, if the name and password match and the account is enabled; otherwise None.
        An unknown name costs as much time as a wrong password, so names cannot be probed."""
        row = self._conn().execute("SELECT password_hash, disabled FROM users WHERE name = ?",
                                   (name.strip().lower(),)).fetchone()
        stored = row[0] if row and row[0] else None
        try:
            self._hasher.verify(stored or _DUMMY_HASH, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if stored is None or row[1]:
            return None
        if self._hasher.check_needs_rehash(stored):
            with self.db.write() as conn:
                conn.execute("UPDATE users SET password_hash = ? WHERE name = ?",
                             (self._hasher.hash(password), name.strip().lower()))
        return self.user(name)

    # -- tokens ----------------------------------------------------------------------------
    def create_token(self, user: str, label: str = "") -> str:
        """A new personal API token for ``user``. It is returned once and stored only as a hash."""
        account = self.user(user)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.db.write() as conn:
            conn.execute("INSERT INTO tokens(user_id, label, token_hash, created_at) VALUES (?,?,?,?)",
                         (account.id, label.strip() or "API", token_hash(token), _now()))
        return token

    def tokens(self, user: str | None = None) -> list[Token]:
        sql = ("SELECT t.id, u.name, t.label, t.created_at, t.last_used, t.revoked FROM tokens t "
               "JOIN users u ON u.id = t.user_id")
        params: tuple[Any, ...] = ()
        if user is not None:
            sql += " WHERE u.name = ?"
            params = (user.strip().lower(),)
        return [Token(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in self._conn().execute(sql + " ORDER BY t.id",
                                                                                              params)]

    def revoke_token(self, token_id: int) -> None:
        with self.db.write() as conn:
            if conn.execute("UPDATE tokens SET revoked = 1 WHERE id = ?", (token_id,)).rowcount == 0:
                raise NotFound(f"no token {token_id}")

    def user_for_token(self, token: str) -> User | None:
        """The enabled user a valid, unrevoked token belongs to; None otherwise."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        row = self._conn().execute(
            "SELECT t.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id "
            "WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0", (token_hash(token),)).fetchone()
        if row is None:
            return None
        now = _now()
        with self.db.write() as conn:  # minute resolution keeps writes rare
            conn.execute("UPDATE tokens SET last_used = ? WHERE id = ? AND (last_used IS NULL OR last_used < ?)",
                         (now, row[0], now[:16]))
        return self.user(row[1])


_DUMMY_HASH = PasswordHasher().hash("rathaus-timing-equaliser")
