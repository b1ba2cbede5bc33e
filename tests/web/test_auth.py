"""Personal API tokens on the HTTP API: a Bearer token acts for its user with the user's groups as they
are at that moment; no token means published collections only; a bad token is a 401, never anonymous."""

from __future__ import annotations

import pytest

from tests.web.conftest import INTERN, VERTRAULICH

pytestmark = pytest.mark.integration

SECRET_QUESTION = "Wie hoch ist die Kaufpreisobergrenze für das Grundstück der Kindertagesstätte Nord?"
LIEGENSCHAFTEN = "stadt/dezernat-2/liegenschaftsamt"


@pytest.fixture
def accounts(runtime):
    accounts = runtime.accounts
    accounts.add_group("stadt")
    accounts.add_group("dezernat-2", parent="stadt")
    accounts.add_group("liegenschaftsamt", parent="stadt/dezernat-2")
    accounts.add_group("stadt/bauhof")
    accounts.add_user("lisa", "ein langes Passwort 1", groups=[LIEGENSCHAFTEN])
    accounts.add_user("bernd", "ein langes Passwort 2", groups=["stadt/bauhof"])
    return accounts


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def found(client, headers=None, q="Kaufpreisobergrenze Kindertagesstätte Hundesteuer Personalengpass") -> set[str]:
    r = client.get("/api/v1/search", params={"q": q, "limit": 20}, headers=headers or {})
    assert r.status_code == 200, r.text
    return {hit["document_id"] for hit in r.json()["results"]}


def test_a_token_reads_what_its_users_groups_allow(client, accounts):
    lisa, bernd = accounts.create_token("lisa"), accounts.create_token("bernd")
    assert not found(client) & {INTERN, VERTRAULICH}
    assert {INTERN, VERTRAULICH} <= found(client, bearer(lisa))  # intern for all staff, vertraulich by group
    assert INTERN in found(client, bearer(bernd)) and VERTRAULICH not in found(client, bearer(bernd))
    doc = client.get("/api/v1/document", params={"id": VERTRAULICH}, headers=bearer(lisa))
    assert doc.status_code == 200
    for headers in ({}, bearer(bernd)):
        assert client.get("/api/v1/document", params={"id": VERTRAULICH}, headers=headers).status_code == 404


def test_the_internal_assistant_needs_a_user_and_reads_their_collections(client, accounts):
    lisa, bernd = accounts.create_token("lisa"), accounts.create_token("bernd")
    r = client.post("/api/v1/ask", json={"question": SECRET_QUESTION, "assistant": "internal"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    r = client.post("/api/v1/ask", json={"question": SECRET_QUESTION, "assistant": "internal"}, headers=bearer(lisa))
    assert r.status_code == 200, r.text
    body = r.json()
    assert not body["refused"] and "1,1 Mio" in body["answer"]
    assert VERTRAULICH in {c["document_id"] for c in body["citations"]}
    r = client.post("/api/v1/ask", json={"question": SECRET_QUESTION, "assistant": "internal"}, headers=bearer(bernd))
    assert VERTRAULICH not in {c["document_id"] for c in r.json()["citations"]} and "1,1 Mio" not in r.json()["answer"]
    # the public assistant stays public, whoever asks
    r = client.post("/api/v1/ask", json={"question": SECRET_QUESTION, "assistant": "public"}, headers=bearer(lisa))
    assert not {c["document_id"] for c in r.json()["citations"]} & {INTERN, VERTRAULICH}


def test_a_streamed_internal_answer_acts_for_the_user(client, accounts):
    lisa = accounts.create_token("lisa")
    r = client.post("/api/v1/ask", json={"question": SECRET_QUESTION, "assistant": "internal"},
                    headers={**bearer(lisa), "Accept": "text/event-stream"})
    assert r.status_code == 200 and "1,1 Mio" in r.text
    r = client.post("/api/v1/ask", json={"question": SECRET_QUESTION, "assistant": "internal"},
                    headers={"Accept": "text/event-stream"})
    assert r.status_code == 401


def test_removal_from_a_group_takes_effect_with_the_next_request(client, accounts):
    lisa = accounts.create_token("lisa")
    assert VERTRAULICH in found(client, bearer(lisa))
    accounts.set_groups("lisa", ["stadt/bauhof"])
    assert VERTRAULICH not in found(client, bearer(lisa))
    assert client.get("/api/v1/document", params={"id": VERTRAULICH}, headers=bearer(lisa)).status_code == 404


@pytest.mark.parametrize("header", ["Bearer rth_wrong", "Bearer ", "Basic bGlzYTpwdw==", "rth_no_scheme"])
def test_a_bad_token_is_refused_not_treated_as_anonymous(client, accounts, header):
    for method, path, kwargs in (("GET", "/api/v1/search", {"params": {"q": "Hundesteuer"}}),
                                 ("GET", "/api/v1/me", {}),
                                 ("POST", "/api/v1/ask", {"json": {"question": "Hundesteuer?"}})):
        r = client.request(method, path, headers={"Authorization": header}, **kwargs)
        assert r.status_code == 401, (path, r.text)
        assert r.json()["error"] == "unauthorized" and r.headers["www-authenticate"].startswith("Bearer")


def test_revoked_tokens_and_disabled_users_lose_access_at_once(client, accounts):
    lisa, again = accounts.create_token("lisa", "Fachverfahren"), accounts.create_token("lisa")
    assert client.get("/api/v1/me", headers=bearer(lisa)).status_code == 200
    token_id = next(t.id for t in accounts.tokens("lisa") if t.label == "Fachverfahren")
    accounts.revoke_token(token_id)
    assert client.get("/api/v1/me", headers=bearer(lisa)).status_code == 401
    assert client.get("/api/v1/me", headers=bearer(again)).status_code == 200
    accounts.set_disabled("lisa")
    assert client.get("/api/v1/me", headers=bearer(again)).status_code == 401
    assert next(t for t in accounts.tokens("lisa") if t.id == token_id).last_used is not None


def test_me_lists_the_users_collections(client, accounts):
    r = client.get("/api/v1/me")
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    me = client.get("/api/v1/me", headers=bearer(accounts.create_token("bernd"))).json()
    assert me["name"] == "bernd" and me["role"] == "user" and me["groups"] == ["stadt/bauhof"]
    assert {c["name"] for c in me["collections"]} == {"rat", "verwaltung-intern"}
