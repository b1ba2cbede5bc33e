"""Browser sign-in: an HttpOnly, SameSite=Lax session cookie, a CSRF token for every change,
throttled guessing, and sessions that end on sign-out, idleness or a disabled account."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from rathaus.runtime import Runtime
from rathaus.web.app import create_app
from tests.web.conftest import VERTRAULICH

pytestmark = pytest.mark.integration

PASSWORD = "Rathausplatz 1, 12345"
SECRET_QUESTION = "Wie hoch ist die Kaufpreisobergrenze für das Grundstück der Kindertagesstätte Nord?"


@pytest.fixture
def lisa(runtime):
    runtime.accounts.add_group("stadt")
    runtime.accounts.add_group("dezernat-2", parent="stadt")
    runtime.accounts.add_group("liegenschaftsamt", parent="stadt/dezernat-2")
    return runtime.accounts.add_user("lisa", PASSWORD, groups=["stadt/dezernat-2/liegenschaftsamt"])


def sign_in(client, name="lisa", password=PASSWORD):
    return client.post("/api/v1/session", json={"name": name, "password": password})


def test_sign_in_sets_a_protected_cookie_and_acts_for_the_user(client, lisa):
    r = sign_in(client)
    assert r.status_code == 200, r.text
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("rathaus_session=") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http in the test; https requests get Secure (see below)
    csrf = r.json()["csrf_token"]
    assert r.json()["name"] == "lisa" and csrf and r.headers["cache-control"] == "no-store"
    assert client.get("/api/v1/session").json()["csrf_token"] == csrf
    hits = client.get("/api/v1/search", params={"q": "Kaufpreisobergrenze"}).json()["results"]
    assert VERTRAULICH in {h["document_id"] for h in hits}


def test_a_cookie_alone_cannot_change_anything(client, lisa):
    csrf = sign_in(client).json()["csrf_token"]
    ask = {"question": SECRET_QUESTION, "assistant": "internal"}
    r = client.post("/api/v1/ask", json=ask)
    assert r.status_code == 403 and r.json()["error"] == "forbidden"
    r = client.post("/api/v1/ask", json=ask, headers={"X-CSRF-Token": "falsch"})
    assert r.status_code == 403
    r = client.post("/api/v1/ask", json=ask, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and "1,1 Mio" in r.json()["answer"]
    assert client.delete("/api/v1/session").status_code == 403  # signing out is a change too


def test_sign_out_ends_the_session(client, lisa):
    csrf = sign_in(client).json()["csrf_token"]
    cookie = client.cookies.get("rathaus_session")
    assert client.delete("/api/v1/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/v1/session").status_code == 401
    client.cookies.set("rathaus_session", cookie)  # a copied cookie is dead too
    assert client.get("/api/v1/session").status_code == 401
    hits = client.get("/api/v1/search", params={"q": "Kaufpreisobergrenze"}).json()["results"]
    assert VERTRAULICH not in {h["document_id"] for h in hits}


def test_wrong_passwords_are_throttled_per_name(client, lisa, runtime):
    for _ in range(runtime.settings.login_max_failures):
        r = sign_in(client, password="falsch falsch falsch")
        assert r.status_code == 401 and r.json()["error"] == "unauthorized" and "set-cookie" not in r.headers
    r = sign_in(client)  # even the right password, until the window has passed
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert r.json()["error"] == "too_many_attempts" and "set-cookie" not in r.headers
    assert sign_in(client, name="niemand", password="irgendwas").status_code == 401  # other names still try
    runtime.accounts._conn().execute("UPDATE login_failures SET at = ?",
                                     ((datetime.now(UTC) - timedelta(minutes=16)).isoformat(),))
    runtime.accounts._conn().commit()
    assert sign_in(client).status_code == 200


def test_idle_sessions_and_disabled_users_end(client, lisa, runtime):
    sign_in(client)
    runtime.accounts._conn().execute("UPDATE sessions SET last_seen = ?",
                                     ((datetime.now(UTC) - timedelta(minutes=121)).isoformat(),))
    runtime.accounts._conn().commit()
    assert client.get("/api/v1/session").status_code == 401
    sign_in(client)
    assert client.get("/api/v1/session").status_code == 200
    runtime.accounts.set_disabled("lisa")
    assert client.get("/api/v1/session").status_code == 401
    assert sign_in(client).status_code == 401  # and no new one


def test_https_gets_a_secure_cookie(settings, store, web_index, lisa):
    rt = Runtime(settings.model_copy(update={"session_cookie_secure": True}), store=store)
    with TestClient(create_app(rt), base_url="https://rathaus.example") as c:
        r = sign_in(c)
        assert r.status_code == 200 and "Secure" in r.headers["set-cookie"]
        assert c.get("/api/v1/session").status_code == 200
    rt.accounts.close()


@pytest.mark.parametrize("body", [{}, {"name": "lisa"}, {"name": "", "password": "x"},
                                  {"name": "lisa", "password": "x" * 2000}])
def test_malformed_sign_ins_are_422(client, lisa, body):
    r = client.post("/api/v1/session", json=body)
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
