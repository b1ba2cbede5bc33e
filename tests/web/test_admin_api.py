"""Administration over HTTP: only admins manage users, groups and collections; changes take effect at
once and are audited; everyone manages their own tokens."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rathaus.runtime import Runtime
from rathaus.web.app import create_app

pytestmark = pytest.mark.integration


@pytest.fixture
def admin(settings, store, web_index):
    rt = Runtime(settings, store=store)
    rt.accounts.add_group("stadt")
    rt.accounts.add_user("chefin", None, role="admin", groups=["stadt"])
    rt.accounts.add_user("kurt", None, role="curator", groups=["stadt"])
    tokens = {n: {"Authorization": f"Bearer {rt.accounts.create_token(n)}"} for n in ("chefin", "kurt")}
    with TestClient(create_app(rt)) as client:
        yield client, rt, tokens
    rt.accounts.close()


def test_only_admins_administer(admin):
    client, _, tokens = admin
    for method, path, body in (("GET", "/api/v1/admin/users", None), ("POST", "/api/v1/admin/groups", {"name": "x"}),
                               ("PUT", "/api/v1/admin/collections", {"name": "x"}), ("GET", "/api/v1/admin/audit", None),
                               ("PATCH", "/api/v1/admin/users/kurt", {"role": "admin"})):
        assert client.request(method, path, json=body, headers=tokens["kurt"]).status_code == 403, path
        assert client.request(method, path, json=body).status_code == 401, path


def test_users_groups_and_collections(admin):
    client, rt, tokens = admin
    h = tokens["chefin"]
    assert client.post("/api/v1/admin/groups", json={"name": "bauhof", "parent": "stadt"}, headers=h).json() == {
        "path": "stadt/bauhof"}
    r = client.post("/api/v1/admin/users", json={"name": "Lena", "password": "lang genug und geheim",
                                                 "groups": ["stadt/bauhof"]}, headers=h)
    assert r.status_code == 201 and r.json()["name"] == "lena" and r.json()["password"] is True
    assert client.post("/api/v1/admin/users", json={"name": "lena"}, headers=h).status_code == 400  # exists
    r = client.post("/api/v1/admin/users", json={"name": "x", "groups": ["stadt/gibtsnicht"]}, headers=h)
    assert r.status_code == 400 and "Unbekannte Gruppe" in r.json()["user_message"]

    r = client.put("/api/v1/admin/collections", headers=h, json={
        "name": "bauhof-akten", "classification": "vertraulich", "groups": ["stadt/bauhof"]})
    assert r.status_code == 200 and r.json()["public"] is False
    for bad in ({"name": "y", "classification": "intern", "public": True},
                {"name": "y", "classification": "vertraulich"}, {"name": "~lena"}, {"name": "../x"}):
        assert client.put("/api/v1/admin/collections", json=bad, headers=h).status_code == 422, bad

    lena = {"Authorization": f"Bearer {rt.accounts.create_token('lena')}"}
    names = {c["name"] for c in client.get("/api/v1/collections", headers=lena).json()["collections"]}
    assert "bauhof-akten" in names
    assert client.patch("/api/v1/admin/users/lena", json={"groups": []}, headers=h).json()["groups"] == []
    names = {c["name"] for c in client.get("/api/v1/collections", headers=lena).json()["collections"]}
    assert "bauhof-akten" not in names  # at once
    assert client.patch("/api/v1/admin/users/lena", json={"disabled": True}, headers=h).json()["disabled"]
    assert client.get("/api/v1/me", headers=lena).status_code == 401
    assert client.patch("/api/v1/admin/users/chefin", json={"disabled": True}, headers=h).status_code == 409
    assert client.patch("/api/v1/admin/users/niemand", json={"role": "user"}, headers=h).status_code == 404
    users = {u["name"]: u for u in client.get("/api/v1/admin/users", headers=h).json()["users"]}
    assert users["lena"]["disabled"] and users["kurt"]["role"] == "curator"


def test_the_audit_log_is_exportable(admin):
    client, _, tokens = admin
    h = tokens["chefin"]
    client.post("/api/v1/admin/groups", json={"name": "stadt/kaemmerei"}, headers=h)
    entries = client.get("/api/v1/admin/audit", params={"action": "group"}, headers=h).json()["entries"]
    assert [(e["actor"], e["action"], e["target"]) for e in entries] == [("chefin", "group.add", "stadt/kaemmerei")]
    r = client.get("/api/v1/admin/audit", params={"format": "csv", "since": "2020-01-01"}, headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"] and "group.add" in r.text
    assert client.get("/api/v1/admin/audit", params={"since": "gestern"}, headers=h).status_code == 422


def test_own_tokens(admin):
    client, rt, tokens = admin
    created = client.post("/api/v1/me/tokens", json={"label": "Skript"}, headers=tokens["kurt"]).json()
    assert created["token"].startswith("rth_")
    listed = client.get("/api/v1/me/tokens", headers=tokens["kurt"]).json()["tokens"]
    assert {t["label"] for t in listed} == {"API", "Skript"} and created["token"] not in str(listed)
    skript = next(t["id"] for t in listed if t["label"] == "Skript")
    assert client.delete(f"/api/v1/me/tokens/{skript}", headers=tokens["chefin"]).status_code == 404  # not hers
    assert client.delete(f"/api/v1/me/tokens/{skript}", headers=tokens["kurt"]).status_code == 204
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {created['token']}"}).status_code == 401


def test_usage_statistics_count_and_never_show_content_or_names(admin):
    client, rt, tokens = admin
    asked = client.post("/api/v1/ask", json={"question": "Wie hoch ist die Hundesteuer ab 2025?"}).json()
    client.post("/api/v1/feedback", json={"provenance_id": asked["provenance_id"], "vote": -1, "reason": "veraltet"})
    client.post("/api/v1/ask", json={"question": "Hundesteuer für den ersten Hund 2025?", "assistant": "internal"},
                headers=tokens["kurt"])
    client.get("/api/v1/document", params={"id": asked["citations"][0]["document_id"]}, headers=tokens["kurt"])
    stats = client.get("/api/v1/admin/usage", params={"days": 7}, headers=tokens["chefin"]).json()
    totals = stats["totals"]
    assert totals["answers.public"] == 1 and totals["answers.internal"] == 1 and totals["not_helpful"] == 1
    assert totals["active_staff"] == 1 and stats["per_day"][0]["day"] == stats["per_day"][-1]["day"]
    text = str(stats)
    assert "Hundesteuer" not in text and "kurt" not in text and "chefin" not in text
    assert client.get("/api/v1/admin/usage", headers=tokens["kurt"]).status_code == 403
