"""The staff workspace over HTTP: the internal assistant keeps each user's conversation (and nobody
else reads it), "only these documents" answers from a user's own uploads, and the prompt library."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rathaus.runtime import Runtime
from rathaus.web.app import create_app

pytestmark = pytest.mark.integration

MEMO = "# Vermerk Parkraum\n\nDie Parkgebühr in der Altstadt steigt ab März auf 3,50 Euro je Stunde.\n"


@pytest.fixture
def staff(settings, store, web_index):
    rt = Runtime(settings, store=store)
    rt.accounts.add_group("stadt")
    rt.accounts.add_user("anna", None, groups=["stadt"])
    rt.accounts.add_user("ben", None, role="admin", groups=["stadt"])
    tokens = {n: {"Authorization": f"Bearer {rt.accounts.create_token(n)}"} for n in ("anna", "ben")}
    with TestClient(create_app(rt)) as client:
        yield client, rt, tokens
    rt.accounts.close()


def ask(client, headers, question, **extra):
    r = client.post("/api/v1/ask", json={"question": question, "assistant": "internal", **extra}, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


def test_internal_answers_are_kept_per_user_and_only_for_them(staff):
    client, _, tokens = staff
    first = ask(client, tokens["anna"], "Wie hoch ist die Hundesteuer für den ersten Hund ab 2025?")
    conv = first["conversation_id"]
    assert conv and "120" in first["answer"]
    second = ask(client, tokens["anna"], "Und was bringt das der Stadt?", conversation_id=conv)
    assert second["conversation_id"] == conv
    got = client.get(f"/api/v1/conversations/{conv}", headers=tokens["anna"]).json()
    assert [m["role"] for m in got["messages"]] == ["user", "assistant"] * 2
    assert got["messages"][1]["citations"] and got["messages"][1]["provenance_id"] == first["provenance_id"]
    # an administrator cannot read it, continue it or delete it
    assert client.get(f"/api/v1/conversations/{conv}", headers=tokens["ben"]).status_code == 404
    r = client.post("/api/v1/ask", json={"question": "Hundesteuer?", "assistant": "internal",
                                         "conversation_id": conv}, headers=tokens["ben"])
    assert r.status_code == 404
    assert client.delete(f"/api/v1/conversations/{conv}", headers=tokens["ben"]).status_code == 404
    assert client.get("/api/v1/conversations", headers=tokens["ben"]).json()["conversations"] == []
    # the public assistant never keeps anything
    public = client.post("/api/v1/ask", json={"question": "Hundesteuer 2025?"}, headers=tokens["anna"]).json()
    assert public["conversation_id"] is None
    assert len(client.get("/api/v1/conversations", headers=tokens["anna"]).json()["conversations"]) == 1
    # the right to erasure
    assert client.delete("/api/v1/conversations", headers=tokens["anna"]).json() == {"deleted": 1}
    assert client.get(f"/api/v1/conversations/{conv}", headers=tokens["anna"]).status_code == 404


def test_only_these_documents(staff):
    client, rt, tokens = staff
    r = client.post("/api/v1/my/documents", headers=tokens["anna"], files=[("file", ("parkraum.md", MEMO.encode()))])
    assert r.status_code == 201, r.text
    doc_id = r.json()["documents"][0]["document_id"]
    assert doc_id == "file:~anna/parkraum.md"
    answer = ask(client, tokens["anna"], "Wie hoch ist die Parkgebühr in der Altstadt?", document_ids=[doc_id])
    assert not answer["refused"] and "3,50" in answer["answer"]
    assert {c["document_id"] for c in answer["citations"]} == {doc_id}
    # restricted to that document, a question about something else finds nothing
    other = ask(client, tokens["anna"], "Wie hoch ist die Hundesteuer ab 2025?", document_ids=[doc_id])
    assert other["refused"] and other["citations"] == []
    # nobody else reads anna's files, not even an administrator who names them
    for headers in (tokens["ben"], {}):
        hits = client.get("/api/v1/search", params={"q": "Parkgebühr Altstadt"}, headers=headers).json()["results"]
        assert doc_id not in {h["document_id"] for h in hits}
        assert client.get("/api/v1/document", params={"id": doc_id}, headers=headers).status_code == 404
    stolen = ask(client, tokens["ben"], "Wie hoch ist die Parkgebühr in der Altstadt?", document_ids=[doc_id])
    assert stolen["refused"] and "3,50" not in stolen["answer"]
    # everyone removes their own files; nobody else can
    assert client.delete("/api/v1/document", params={"id": doc_id}, headers=tokens["ben"]).status_code == 404
    assert client.delete("/api/v1/document", params={"id": doc_id}, headers=tokens["anna"]).status_code == 204


def test_prompt_library_over_http(staff):
    client, _, tokens = staff
    assert client.get("/api/v1/prompts").status_code == 401
    starters = client.get("/api/v1/prompts", headers=tokens["anna"]).json()["prompts"]
    assert len(starters) >= 10 and all(p["owner_kind"] == "system" for p in starters)
    r = client.post("/api/v1/prompts", headers=tokens["anna"], json={
        "title": "Antwort Parkraum", "body": "Antworte zu {{thema}} für {{stadtteil}}.", "shared_with": ["stadt"]})
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    assert r.json()["variables"] == ["thema", "stadtteil"]
    assert client.put(f"/api/v1/prompts/{pid}", headers=tokens["ben"], json={"body": "x"}).status_code == 403
    assert client.put(f"/api/v1/prompts/{pid}", headers=tokens["anna"], json={"body": "Kurz zu {{thema}}."}).json()[
        "version"] == 2
    rendered = client.post(f"/api/v1/prompts/{pid}/render", headers=tokens["ben"],
                           json={"values": {"thema": "Anwohnerparken"}}).json()
    assert rendered == {"text": "Kurz zu Anwohnerparken."}
    r = client.post(f"/api/v1/prompts/{pid}/render", headers=tokens["ben"], json={"values": {}, "version": 1})
    assert r.status_code == 400 and "thema" in r.json()["message"]
    versions = client.get(f"/api/v1/prompts/{pid}/versions", headers=tokens["anna"]).json()["versions"]
    assert [v["version"] for v in versions] == [2, 1]
    assert client.delete(f"/api/v1/prompts/{pid}", headers=tokens["anna"]).status_code == 204
    assert client.get(f"/api/v1/prompts/{pid}", headers=tokens["ben"]).status_code == 404
