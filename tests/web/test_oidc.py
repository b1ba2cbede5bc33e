"""Single sign-on against a real OpenID Connect provider on loopback (oidc-provider-mock: Authlib's
server with RS256-signed ID tokens and a JWKS endpoint). The browser's part is played by httpx:
it follows our redirect to the provider, submits the provider's sign-in form, and brings the code
back to our callback."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from fastapi.testclient import TestClient

from rathaus.identity.oidc import OIDCClient, OIDCConfig, SignInError
from rathaus.runtime import Runtime
from rathaus.web.app import create_app
from tests.web.conftest import VERTRAULICH

oidc_provider_mock = pytest.importorskip("oidc_provider_mock", reason="the dev extra installs oidc-provider-mock")
pytestmark = pytest.mark.integration

LIEGENSCHAFTEN = "/Stadt/Dezernat 2/Liegenschaftsamt"


@pytest.fixture(scope="module")
def provider():
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(settings, store, web_index, provider):
    (settings.data_dir / "rathaus.toml").write_text(f'''
[oidc]
issuer = "{provider}"
client_id = "rathaus"
client_secret = "geheim"
groups_claim = "groups"

[oidc.roles]
admin = ["rathaus-admins"]

[oidc.org_units]
"{LIEGENSCHAFTEN}" = "stadt/dezernat-2/liegenschaftsamt"
''', encoding="utf-8")
    runtime = Runtime(settings, store=store)
    with TestClient(create_app(runtime)) as client:
        yield client, runtime
    runtime.accounts.close()


def set_claims(provider: str, sub: str, **claims) -> None:
    assert httpx.put(f"{provider}/users/{sub}", json=claims).status_code == 204


def sign_in(client: TestClient, sub: str, next_page: str = "/suche") -> httpx.Response:
    """Our login -> the provider's form (submitted as `sub`) -> our callback. Returns the callback's response."""
    start = client.get("/auth/oidc/login", params={"next": next_page}, follow_redirects=False)
    assert start.status_code == 303, start.text
    authorize = start.headers["location"]
    query = parse_qs(urlparse(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    back = httpx.post(authorize, data={"sub": sub}, follow_redirects=False)
    assert back.status_code in (302, 303), back.text
    callback = urlparse(back.headers["location"])
    assert callback.path == "/auth/oidc/callback"
    return client.get(f"{callback.path}?{callback.query}", follow_redirects=False)


def test_sign_in_maps_provider_groups_to_role_and_org_units(sso, provider):
    client, runtime = sso
    set_claims(provider, "u-4711", preferred_username="alice", name="Alice Adler",
               groups=[LIEGENSCHAFTEN, "rathaus-admins", "unbekannt"])
    r = sign_in(client, "u-4711")
    assert r.status_code == 303 and r.headers["location"] == "/suche"
    assert "rathaus_session=" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]
    me = client.get("/api/v1/session").json()
    assert me["name"] == "alice" and me["role"] == "admin" and me["display_name"] == "Alice Adler"
    assert me["groups"] == ["stadt/dezernat-2/liegenschaftsamt"]
    hits = client.get("/api/v1/search", params={"q": "Kaufpreisobergrenze"}).json()["results"]
    assert VERTRAULICH in {h["document_id"] for h in hits}
    assert not runtime.accounts.user("alice").has_password  # no password to guess


def test_the_provider_decides_at_every_sign_in(sso, provider):
    client, runtime = sso
    set_claims(provider, "u-1", preferred_username="bob", groups=[LIEGENSCHAFTEN])
    sign_in(client, "u-1")
    assert runtime.accounts.user("bob").groups == ("stadt/dezernat-2/liegenschaftsamt",)
    set_claims(provider, "u-1", preferred_username="bob", groups=[])  # moved out of the office
    client.cookies.clear()
    sign_in(client, "u-1")
    assert runtime.accounts.user("bob").groups == () and runtime.accounts.user("bob").role == "user"
    hits = client.get("/api/v1/search", params={"q": "Kaufpreisobergrenze"}).json()["results"]
    assert VERTRAULICH not in {h["document_id"] for h in hits}


def test_a_local_account_is_not_taken_over_by_name(sso, provider):
    client, runtime = sso
    runtime.accounts.add_user("carla", "ein langes lokales Passwort")
    set_claims(provider, "u-2", preferred_username="carla", groups=[LIEGENSCHAFTEN])
    r = sign_in(client, "u-2")
    assert r.status_code == 400 and "lokales Konto" in r.text and "set-cookie" not in r.headers
    assert runtime.accounts.user("carla").groups == ()


def test_a_state_is_used_once_and_foreign_answers_are_refused(sso, provider):
    client, runtime = sso
    set_claims(provider, "u-3", preferred_username="dora")
    start = client.get("/auth/oidc/login", follow_redirects=False).headers["location"]
    back = urlparse(httpx.post(start, data={"sub": "u-3"}, follow_redirects=False).headers["location"])
    first = client.get(f"{back.path}?{back.query}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    replay = client.get(f"{back.path}?{back.query}", follow_redirects=False)
    assert replay.status_code == 400 and "abgelaufen oder ungültig" in replay.text
    for query in ("code=x&state=erfunden", "error=access_denied", ""):
        r = client.get(f"/auth/oidc/callback?{query}", follow_redirects=False)
        assert r.status_code == 400 and "set-cookie" not in r.headers and 'lang="de"' in r.text


def test_only_local_pages_are_return_targets(sso, provider):
    client, _ = sso
    set_claims(provider, "u-5", preferred_username="emil")
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        r = sign_in(client, "u-5", target)
        assert r.headers["location"] == "/"


def test_id_tokens_signed_by_someone_else_are_refused(provider, tmp_path):
    from joserfc import jwt
    from joserfc.jwk import RSAKey

    from rathaus.identity.accounts import Accounts

    accounts = Accounts(tmp_path / "identity.sqlite")
    client = OIDCClient(OIDCConfig(issuer=provider, client_id="rathaus"), accounts)
    forged = jwt.encode({"alg": "RS256"}, {"iss": provider, "aud": "rathaus", "sub": "u-9", "nonce": "n",
                                           "exp": int(time.time()) + 300}, RSAKey.generate_key(2048))
    with pytest.raises(SignInError, match="not valid"):
        client.verify(forged, "n")
    accounts.close()


def test_without_configuration_single_sign_on_says_so(client):
    r = client.get("/auth/oidc/login", follow_redirects=False)
    assert r.status_code == 404 and "nicht eingerichtet" in r.text
