"""Single sign-on with OpenID Connect (Keycloak, Azure AD / Entra ID, ADFS, any certified provider).

Configured in ``rathaus.toml``::

    [oidc]
    issuer = "https://login.stadt.example/realms/stadt"   # exactly as the provider's discovery says
    client_id = "rathaus"
    client_secret_env = "RATHAUS_OIDC_SECRET"            # or client_secret = "…" (prefer the variable)
    redirect_uri = "https://rathaus.stadt.example/auth/oidc/callback"  # optional: from the request
    scopes = "openid profile email"
    username_claim = "preferred_username"
    groups_claim = "groups"                              # a list of the user's groups at the provider
    default_role = "user"
    require_mapped_group = false                         # true: refuse users with no mapped org unit

    [oidc.roles]                                         # provider group -> role; the highest wins
    admin = ["rathaus-admins"]
    curator = ["rathaus-redaktion"]

    [oidc.org_units]                                     # provider group -> org unit (created if missing)
    "/Stadt/Dezernat 2/Amt 32" = "stadt/dezernat-2/amt-32"

The flow is the authorization-code flow with PKCE (S256), ``state`` and ``nonce``. The ID token's
signature is checked against the provider's published keys (JWKS), and so are its issuer,
audience, expiry and nonce. The provider is the source of truth for a single-sign-on user: role and
org units are set from the mapping at every sign-in (a change at the provider takes effect with the
next sign-in; sessions end after ``session_max_hours``). An SSO user is linked to the provider by
issuer and subject, never by name alone: a local account of the same name is not taken over.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from rathaus.config import read_config_file
from rathaus.errors import ConfigError, RathausError
from rathaus.identity.accounts import ROLES, Accounts, User, normalise_group

log = logging.getLogger(__name__)
PENDING_MINUTES = 10  # a sign-in must come back from the provider within this time


class SignInError(RathausError):
    code = "sign_in_failed"
    user_message = "Die Anmeldung über den Identitätsanbieter ist fehlgeschlagen."


@dataclass
class OIDCConfig:
    issuer: str
    client_id: str
    client_secret: str = field(default="", repr=False)
    redirect_uri: str = ""
    scopes: str = "openid profile email"
    username_claim: str = "preferred_username"
    groups_claim: str = "groups"
    default_role: str = "user"
    require_mapped_group: bool = False
    roles: dict[str, list[str]] = field(default_factory=dict)
    org_units: dict[str, str] = field(default_factory=dict)
    timeout: float = 10.0

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> OIDCConfig:
        known = {"issuer", "client_id", "client_secret", "client_secret_env", "redirect_uri", "scopes",
                 "username_claim", "groups_claim", "default_role", "require_mapped_group", "roles", "org_units",
                 "timeout"}
        unknown = set(table) - known
        if unknown:
            raise ConfigError(f"[oidc]: unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("issuer", "client_id"):
            if not str(table.get(key) or "").strip():
                raise ConfigError(f"[oidc] needs {key}")
        secret = str(table.get("client_secret") or "")
        if table.get("client_secret_env"):
            secret = os.environ.get(str(table["client_secret_env"]), "")
            if not secret:
                raise ConfigError(f"[oidc]: the environment variable {table['client_secret_env']} is not set")
        roles = {str(k): [str(g) for g in v] for k, v in (table.get("roles") or {}).items()}
        if set(roles) - set(ROLES):
            raise ConfigError(f"[oidc.roles]: roles are {', '.join(ROLES)}")
        default_role = str(table.get("default_role", "user"))
        if default_role not in ROLES:
            raise ConfigError(f"[oidc] default_role must be one of {', '.join(ROLES)}")
        org_units = {str(k): normalise_group(str(v)) for k, v in (table.get("org_units") or {}).items()}
        return cls(issuer=str(table["issuer"]).rstrip("/"), client_id=str(table["client_id"]), client_secret=secret,
                   redirect_uri=str(table.get("redirect_uri") or ""), scopes=str(table.get("scopes") or cls.scopes),
                   username_claim=str(table.get("username_claim") or cls.username_claim),
                   groups_claim=str(table.get("groups_claim") or cls.groups_claim), default_role=default_role,
                   require_mapped_group=bool(table.get("require_mapped_group", False)), roles=roles,
                   org_units=org_units, timeout=float(table.get("timeout", 10.0)))


def load_oidc_config(settings: Any) -> OIDCConfig | None:
    data, _ = read_config_file(settings)
    return OIDCConfig.from_table(data["oidc"]) if "oidc" in data else None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


class OIDCClient:
    """The relying party: builds the provider's sign-in URL and turns its answer into a local user."""

    def __init__(self, config: OIDCConfig, accounts: Accounts, http: httpx.Client | None = None) -> None:
        self.config = config
        self.accounts = accounts
        self.http = http or httpx.Client(timeout=config.timeout, follow_redirects=False)
        self._discovery: dict[str, Any] | None = None
        self._keys: tuple[float, KeySet] | None = None

    # -- provider metadata -----------------------------------------------------------------
    def discovery(self) -> dict[str, Any]:
        if self._discovery is None:
            url = f"{self.config.issuer}/.well-known/openid-configuration"
            data = self._get_json(url)
            if str(data.get("issuer", "")).rstrip("/") != self.config.issuer:
                raise ConfigError(f"the provider at {url} calls itself {data.get('issuer')!r}, "
                                  f"not the configured issuer {self.config.issuer!r}")
            self._discovery = data
        return self._discovery

    def keys(self, refresh: bool = False) -> KeySet:
        if refresh or self._keys is None or time.monotonic() - self._keys[0] > 3600:
            self._keys = (time.monotonic(), KeySet.import_key_set(self._get_json(self.discovery()["jwks_uri"])))
        return self._keys[1]

    def _get_json(self, url: str) -> dict[str, Any]:
        try:
            response = self.http.get(url)
            response.raise_for_status()
            return response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise SignInError(f"the identity provider did not answer at {url}: {exc}",
                              user_message="Der Identitätsanbieter ist nicht erreichbar. Bitte später erneut "
                                           "versuchen.") from exc

    # -- step 1: send the browser to the provider ------------------------------------------
    def start(self, redirect_uri: str, return_to: str = "/") -> str:
        """The provider's sign-in URL. The state, nonce and PKCE verifier stay on the server."""
        state, nonce, verifier = secrets.token_urlsafe(24), secrets.token_urlsafe(24), secrets.token_urlsafe(48)
        redirect_uri = self.config.redirect_uri or redirect_uri
        now = datetime.now(UTC)
        with self.accounts.db.write() as conn:
            conn.execute("DELETE FROM oidc_pending WHERE created_at < ?",
                         ((now - timedelta(minutes=PENDING_MINUTES)).isoformat(timespec="seconds"),))
            conn.execute("INSERT INTO oidc_pending VALUES (?, ?, ?, ?, ?, ?)",
                         (_hash(state), nonce, verifier, redirect_uri, return_to, now.isoformat(timespec="seconds")))
        challenge = _b64(hashlib.sha256(verifier.encode()).digest())
        query = urlencode({"response_type": "code", "client_id": self.config.client_id, "redirect_uri": redirect_uri,
                           "scope": self.config.scopes, "state": state, "nonce": nonce,
                           "code_challenge": challenge, "code_challenge_method": "S256"})
        return f"{self.discovery()['authorization_endpoint']}?{query}"

    # -- step 2: the provider sends the browser back ---------------------------------------
    def finish(self, code: str, state: str) -> tuple[User, str]:
        """Check the answer, redeem the code, verify the ID token, and create or update the user.
        Returns the user and where the browser wanted to go."""
        with self.accounts.db.write() as conn:
            row = conn.execute("SELECT nonce, verifier, redirect_uri, return_to, created_at FROM oidc_pending "
                               "WHERE state_hash = ?", (_hash(state),)).fetchone()
            conn.execute("DELETE FROM oidc_pending WHERE state_hash = ?", (_hash(state),))  # one use only
        if row is None or datetime.now(UTC) - datetime.fromisoformat(row[4]) > timedelta(minutes=PENDING_MINUTES):
            raise SignInError("unknown or expired sign-in state", user_message="Die Anmeldung ist abgelaufen oder "
                              "ungültig. Bitte melden Sie sich erneut an.")
        nonce, verifier, redirect_uri, return_to, _ = row
        try:
            response = self.http.post(self.discovery()["token_endpoint"], data={
                "grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                "code_verifier": verifier}, auth=(self.config.client_id, self.config.client_secret))
        except httpx.HTTPError as exc:
            raise SignInError(f"the token endpoint did not answer: {exc}") from exc
        if response.status_code != 200:
            raise SignInError(f"the token endpoint refused the code: HTTP {response.status_code} {response.text[:200]}")
        id_token = response.json().get("id_token")
        if not id_token:
            raise SignInError("the token response has no id_token (is 'openid' among the scopes?)")
        claims = self.verify(id_token, nonce)
        return self.user_for(claims), return_to

    def verify(self, id_token: str, nonce: str) -> dict[str, Any]:
        try:
            try:
                token = jwt.decode(id_token, self.keys())
            except (JoseError, ValueError):  # the provider may have rotated its keys
                token = jwt.decode(id_token, self.keys(refresh=True))
            jwt.JWTClaimsRegistry(
                iss={"essential": True, "value": self.config.issuer},
                aud={"essential": True, "value": self.config.client_id},
                sub={"essential": True}, exp={"essential": True}, nonce={"essential": True, "value": nonce},
            ).validate(token.claims)
        except (JoseError, ValueError) as exc:
            raise SignInError(f"the ID token is not valid: {exc}") from exc
        return dict(token.claims)

    # -- the local account -----------------------------------------------------------------
    def mapping(self, provider_groups: list[str]) -> tuple[str, list[str]]:
        """(role, org units) for a user's groups at the provider."""
        role = self.config.default_role
        for candidate in ("admin", "curator", "user"):  # the highest mapped role wins
            if set(self.config.roles.get(candidate, [])) & set(provider_groups):
                role = candidate if ROLES.index(candidate) < ROLES.index(role) else role
        units = sorted({self.config.org_units[g] for g in provider_groups if g in self.config.org_units})
        return role, units

    def user_for(self, claims: dict[str, Any]) -> User:
        external_id = f"{self.config.issuer}|{claims['sub']}"
        raw_name = str(claims.get(self.config.username_claim) or claims.get("email") or claims["sub"])
        name = re.sub(r"[^a-z0-9._@-]", "-", raw_name.strip().lower())[:64].strip("-.") or "sso"
        groups = claims.get(self.config.groups_claim) or []
        groups = [groups] if isinstance(groups, str) else [str(g) for g in groups]
        role, units = self.mapping(groups)
        if self.config.require_mapped_group and not units:
            raise SignInError(f"{name}: none of the provider groups {groups} is mapped to an org unit",
                              user_message="Ihr Konto ist keiner Organisationseinheit zugeordnet. Bitte wenden Sie "
                                           "sich an die IT.")
        for unit in units:  # the configured units exist locally
            self.accounts.ensure_group(unit)
        return self.accounts.upsert_external_user(external_id, name, role, units, str(claims.get("name") or ""))
