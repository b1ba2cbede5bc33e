"""Browser sign-in: server-side sessions, CSRF tokens and login throttling, in the accounts database
(``identity.sqlite``, or the schema ``identity`` on PostgreSQL), so every API process sees every session.

    sessions = Sessions(accounts)
    signed_in = sessions.login("mmeier", password, client="…")   # raises Throttled after repeated failures
    cookie, csrf = signed_in.cookie, signed_in.csrf
    user, csrf = sessions.resolve(cookie)                        # None when expired, logged out or disabled

The cookie holds 32 random bytes; the table holds only their SHA-256, so a copy of the database
signs nobody in. A session ends after ``idle_minutes`` without a request or ``max_hours`` after
sign-in, whichever comes first; logging out or disabling the user ends it at once. Each session
has its own CSRF token, which a browser page sends back as ``X-CSRF-Token`` on every request that
changes something (the cookie alone is never enough for that).

Throttling: after ``max_failures`` failed sign-ins for one name within ``window_minutes``, that
name is refused for the rest of the window, whatever the password; the same holds for one client
address at five times the limit (someone trying many names). Failures are kept in the database,
so every worker process sees them, and are deleted when the window has passed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from rathaus.errors import RathausError
from rathaus.identity.accounts import Accounts, User


class Throttled(RathausError):
    code = "too_many_attempts"
    user_message = "Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie einige Minuten."

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class SignedIn:
    user: User
    cookie: str  # the session cookie's value: give it to the browser, keep it nowhere else
    csrf: str


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class Sessions:
    def __init__(self, accounts: Accounts, *, idle_minutes: int = 120, max_hours: int = 10, max_failures: int = 5,
                 window_minutes: int = 15) -> None:
        self.accounts = accounts
        self.idle = timedelta(minutes=idle_minutes)
        self.max_age = timedelta(hours=max_hours)
        self.max_failures = max_failures
        self.window = timedelta(minutes=window_minutes)

    def _conn(self):
        return self.accounts._conn()

    def _write(self):
        return self.accounts.db.write()

    # -- throttling --------------------------------------------------------------------------
    def check_throttle(self, name: str, client: str) -> None:
        now = datetime.now(UTC)
        since = _iso(now - self.window)
        conn = self._conn()
        for column, value, limit in (("name", name.strip().lower(), self.max_failures),
                                     ("client", client, self.max_failures * 5)):
            count, first = conn.execute(f"SELECT count(*), min(at) FROM login_failures WHERE {column} = ? AND at >= ?",
                                        (value, since)).fetchone()
            if count >= limit:
                wait = (datetime.fromisoformat(first) + self.window - now).total_seconds()
                raise Throttled(f"too many failed sign-ins for this {'account' if column == 'name' else 'client'}; "
                                "try again later", retry_after=max(1.0, wait))

    def _fail(self, name: str, client: str) -> None:
        now = datetime.now(UTC)
        with self._write() as conn:
            conn.execute("DELETE FROM login_failures WHERE at < ?", (_iso(now - self.window),))
            conn.execute("INSERT INTO login_failures VALUES (?, ?, ?)", (name.strip().lower(), client, _iso(now)))

    # -- sessions ----------------------------------------------------------------------------
    def login(self, name: str, password: str, client: str = "") -> SignedIn | None:
        """A new session for a correct name and password; None (and a recorded failure) otherwise."""
        self.check_throttle(name, client)
        user = self.accounts.verify_password(name, password)
        if user is None:
            self._fail(name, client)
            return None
        return self.start(user)

    def start(self, user: User) -> SignedIn:
        """A session for a user who proved who they are (password or single sign-on)."""
        cookie, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(24), _iso(datetime.now(UTC))
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE created_at < ?", (_iso(datetime.now(UTC) - self.max_age),))
            conn.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (_hash(cookie), user.id, csrf, now, now))
        return SignedIn(user, cookie, csrf)

    def resolve(self, cookie: str) -> tuple[User, str] | None:
        """The enabled user and the CSRF token of a live session; None otherwise. Touches the session."""
        if not cookie:
            return None
        row = self._conn().execute(
            "SELECT s.id_hash, u.name, s.csrf, s.created_at, s.last_seen FROM sessions s JOIN users u "
            "ON u.id = s.user_id WHERE s.id_hash = ? AND u.disabled = 0", (_hash(cookie),)).fetchone()
        if row is None:
            return None
        now = datetime.now(UTC)
        if now - datetime.fromisoformat(row[3]) > self.max_age or now - datetime.fromisoformat(row[4]) > self.idle:
            self.logout(cookie)
            return None
        if now - datetime.fromisoformat(row[4]) > timedelta(minutes=1):  # keep writes rare
            with self._write() as conn:
                conn.execute("UPDATE sessions SET last_seen = ? WHERE id_hash = ?", (_iso(now), row[0]))
        return self.accounts.user(row[1]), row[2]

    def logout(self, cookie: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM sessions WHERE id_hash = ?", (_hash(cookie),))

    def end_all(self, name: str) -> int:
        """End every session of a user (after a password change or when they leave)."""
        user = self.accounts.user(name)
        with self._write() as conn:
            return conn.execute("DELETE FROM sessions WHERE user_id = ?", (user.id,)).rowcount
