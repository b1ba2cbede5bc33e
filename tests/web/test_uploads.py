"""Staff documents through the API: curators upload into collections they may read, a second upload
replaces, removal deletes from every index, unreadable or oversized files change nothing, and every
step is in the audit log."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rathaus.documents import Access, Collection
from rathaus.runtime import Runtime
from rathaus.web.app import create_app

pytestmark = pytest.mark.integration

WINTER = "# Winterdienst\n\nDer Bauhof räumt die Radwege ab 5 Uhr. Streusalz lagert in Halle 3.\n"
WINTER_NEU = "# Winterdienst\n\nDer Bauhof räumt die Radwege ab 4 Uhr. Splitt lagert in Halle 7.\n"


@pytest.fixture
def staff(settings, store, web_index):
    rt = Runtime(settings.model_copy(update={"max_file_bytes": 20_000}), store=store)
    accounts = rt.accounts
    for group in ("stadt", "stadt/bauhof", "stadt/personalamt"):
        accounts.add_group(group)
    store.ensure_collection(Collection("bauhof", "intern", ("stadt/bauhof",)))
    store.ensure_collection(Collection("personal", "vertraulich", ("stadt/personalamt",)))
    accounts.add_user("kurt", None, role="curator", groups=["stadt/bauhof"])
    accounts.add_user("uwe", None, role="user", groups=["stadt/bauhof"])
    accounts.add_user("anna", None, role="admin")
    tokens = {name: {"Authorization": f"Bearer {accounts.create_token(name)}"} for name in ("kurt", "uwe", "anna")}
    with TestClient(create_app(rt)) as client:
        yield client, rt, tokens
    rt.accounts.close()
    rt.audit.close()


def upload(client, headers, collection="bauhof", files=(("Winterdienst.md", WINTER),)):
    return client.post(f"/api/v1/collections/{collection}/documents", headers=headers,
                       files=[("file", (name, body.encode() if isinstance(body, str) else body)) for name, body in files])


def hits(client, headers, q="Streusalz Radwege Halle"):
    r = client.get("/api/v1/search", params={"q": q, "mode": "lexical"}, headers=headers)
    return {h["document_id"] for h in r.json()["results"]}


def test_a_curator_uploads_replaces_and_removes(staff):
    client, rt, tokens = staff
    r = upload(client, tokens["kurt"])
    assert r.status_code == 201, r.text
    [doc] = r.json()["documents"]
    assert doc["document_id"] == "file:bauhof/Winterdienst.md" and doc["changed"] and not doc["replaced"]
    assert doc["title"] == "Winterdienst" and doc["format"] == "markdown"
    assert doc["document_id"] in hits(client, tokens["uwe"])  # the office reads it
    assert doc["document_id"] not in hits(client, {}) | hits(client, tokens["anna"])  # citizens and outsiders do not

    again = upload(client, tokens["kurt"]).json()["documents"][0]
    assert not again["changed"] and not again["replaced"]
    newer = upload(client, tokens["kurt"], files=(("Winterdienst.md", WINTER_NEU),)).json()["documents"][0]
    assert newer["changed"] and newer["replaced"]
    assert hits(client, tokens["uwe"], "Streusalz") == set() and hits(client, tokens["uwe"], "Splitt")

    assert client.delete("/api/v1/document", params={"id": doc["document_id"]}, headers=tokens["uwe"]).status_code == 403
    assert client.delete("/api/v1/document", params={"id": doc["document_id"]}).status_code == 401
    assert client.delete("/api/v1/document", params={"id": doc["document_id"]}, headers=tokens["kurt"]).status_code == 204
    assert hits(client, tokens["uwe"], "Splitt") == set()
    assert client.get("/api/v1/document", params={"id": doc["document_id"]}, headers=tokens["kurt"]).status_code == 404

    actions = [(e.actor, e.action, e.target) for e in rt.audit.entries(action="document")]
    assert ("kurt", "document.add", doc["document_id"]) in actions
    assert ("kurt", "document.remove", doc["document_id"]) in actions
    assert sum(1 for a in actions if a[1] == "document.add") == 2  # the unchanged upload is no change


def test_who_may_upload(staff):
    client, _, tokens = staff
    assert upload(client, tokens["uwe"]).status_code == 403  # reads, but is no curator
    assert upload(client, tokens["anna"]).status_code == 404  # admin role, but not in the office: not even visible
    assert upload(client, tokens["kurt"], "personal").status_code == 404
    assert upload(client, tokens["kurt"], "gibt-es-nicht").status_code == 404
    assert upload(client, {}).status_code == 401


def test_unreadable_and_oversized_files_change_nothing(staff):
    client, rt, tokens = staff
    assert upload(client, tokens["kurt"]).status_code == 201
    junk = bytes(range(256)) * 20
    r = upload(client, tokens["kurt"], files=(("Winterdienst.md", junk), ("gross.txt", "x " * 15_000)))
    assert r.status_code == 422, r.text
    failed = {f["file"]: f for f in r.json()["failed"]}
    assert failed["gross.txt"]["error"] == "too_large" and "zu groß" in failed["gross.txt"]["user_message"]
    assert failed["Winterdienst.md"]["user_message"] and failed["Winterdienst.md"]["error"] != "internal_error"
    record = rt.store.get_document("file:bauhof/Winterdienst.md", Access.operator())
    assert "Streusalz" in " ".join(c.text for c in rt.store.document_chunks(record.id, Access.operator()))

    mixed = upload(client, tokens["kurt"], files=(("neu.txt", "Neue Dienstanweisung für den Bauhof."),
                                                  ("kaputt.pdf", b"%PDF-1.7 kaputt")))
    assert mixed.status_code == 207 and len(mixed.json()["documents"]) == 1 and len(mixed.json()["failed"]) == 1


def test_a_huge_request_is_refused_before_it_is_read(staff):
    client, _, tokens = staff
    r = client.post("/api/v1/collections/bauhof/documents", headers={**tokens["kurt"], "Content-Length": str(10**9)},
                    content=b"x" * 100)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    body = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n" + b"x" * 1_500_000
    r = client.post("/api/v1/collections/bauhof/documents", headers={**tokens["kurt"],
                    "Content-Type": "multipart/form-data; boundary=b"}, content=iter([body[:1000], body[1000:]]))
    assert r.status_code == 413  # no Content-Length: counted while it streams


def test_collections_list_what_the_caller_may_read(staff):
    client, _, tokens = staff
    public = {c["name"] for c in client.get("/api/v1/collections").json()["collections"]}
    assert public == {"rat"}
    kurt = {c["name"]: c for c in client.get("/api/v1/collections", headers=tokens["kurt"]).json()["collections"]}
    assert {"rat", "verwaltung-intern", "bauhof"} <= set(kurt) and "personal" not in kurt
    assert kurt["bauhof"]["groups"] == ["stadt/bauhof"]


def test_staff_reading_a_document_is_audited(staff):
    client, rt, tokens = staff
    doc_id = upload(client, tokens["kurt"]).json()["documents"][0]["document_id"]
    client.get("/api/v1/document", params={"id": doc_id}, headers=tokens["uwe"])
    client.get("/api/v1/document/chunks", params={"id": doc_id}, headers=tokens["uwe"])
    reads = [(e.actor, e.action, e.target) for e in rt.audit.entries(actor="uwe")]
    assert reads == [("uwe", "document.read", doc_id), ("uwe", "chunks.read", doc_id)]
    assert all("Streusalz" not in str(e.details) for e in rt.audit.entries())  # never content


def test_every_format_through_the_api(staff):
    """PDF, DOCX, ODT, HTML, Markdown, text and e-mail, uploaded together, each becomes a searchable document."""
    from tests.ingest.test_formats import DOCX_BODY, STYLES, make_docx, make_mail, make_odt, make_pdf

    client, rt, tokens = staff
    files = (("anweisung.docx", make_docx(DOCX_BODY, styles=STYLES, title="Dienstanweisung Winterdienst 2025")),
             ("parkraum.odt", make_odt()),
             ("bericht.pdf", make_pdf(["Bericht über die Streusalzvorräte in Halle 3."], title="Bericht")),
             ("seite.html", b"<html><head><title>Bauhof</title></head><body><h1>Bauhof</h1><p>Fuhrpark mit "
                            b"12 Fahrzeugen.</p></body></html>"),
             ("notiz.md", WINTER), ("liste.txt", "Kehrmaschine in Reparatur."), ("anfrage.eml", make_mail()))
    r = upload(client, tokens["kurt"], files=files)
    assert r.status_code == 201, r.text
    formats = {d["file"]: d["format"] for d in r.json()["documents"]}
    assert formats == {"anweisung.docx": "docx", "parkraum.odt": "odt", "bericht.pdf": "pdf", "seite.html": "html",
                       "notiz.md": "markdown", "liste.txt": "text", "anfrage.eml": "eml"}
    assert "file:bauhof/bericht.pdf" in hits(client, tokens["uwe"], "Streusalzvorräte")
    assert "file:bauhof/liste.txt" in hits(client, tokens["uwe"], "Kehrmaschine")


CASE_FILE = ("# Widerspruch\n\nFrau Katrin Vogelsang, Lindenweg 12, 76133 Karlsruhe, widerspricht dem Bescheid. "
             "Erstattung bitte auf DE89 3704 0044 0532 0130 00. Rückfragen: katrin.vogelsang@example.org\n")


def test_uploads_are_scanned_for_personal_data_and_never_store_the_values(staff):
    client, rt, tokens = staff
    r = upload(client, tokens["kurt"], files=(("Widerspruch.md", CASE_FILE), ("Winterdienst.md", WINTER)))
    assert r.status_code == 201, r.text
    case, winter = r.json()["documents"]
    assert case["personal_data"] == {"PERSON": 1, "ADDRESS": 1, "EMAIL": 1, "IBAN": 1}
    assert case["personal_data_note"] == ("Enthält personenbezogene Daten: Namen (1), Anschriften (1), "
                                          "E-Mail-Adressen (1), IBAN (1).")
    assert winter["personal_data"] == {} and winter["personal_data_note"] == ""
    stored = rt.store.get_document(case["document_id"], Access.operator())
    assert stored.metadata["personal_data"] == case["personal_data"]
    entry = next(e for e in rt.audit.entries(action="document") if e.target == case["document_id"])
    assert "Vogelsang" not in str(entry) and "DE89" not in str(entry)  # counts only, in the audit log too


def test_personal_data_is_published_only_when_the_uploader_confirms(staff):
    client, rt, tokens = staff
    rt.store.ensure_collection(Collection("aushang", "offen", ("stadt/bauhof",), public=True))
    r = upload(client, tokens["kurt"], "aushang", files=(("Widerspruch.md", CASE_FILE), ("Winterdienst.md", WINTER)))
    assert r.status_code == 207
    [failed] = r.json()["failed"]
    assert failed["error"] == "personal_data_public" and "öffentlich" in failed["user_message"]
    assert "Vogelsang" not in failed["message"]  # the English message for logs names types, not values
    assert [d["file"] for d in r.json()["documents"]] == ["Winterdienst.md"]  # the clean file went in
    assert "file:aushang/Widerspruch.md" not in rt.store.document_ids("aushang")

    confirmed = client.post("/api/v1/collections/aushang/documents", headers=tokens["kurt"],
                            data={"publish_personal_data": "true"},
                            files=[("file", ("Widerspruch.md", CASE_FILE.encode()))])
    assert confirmed.status_code == 201, confirmed.text
    assert "file:aushang/Widerspruch.md" in rt.store.document_ids("aushang")
    # an internal collection takes it without confirmation (flagged, as above)
    assert upload(client, tokens["kurt"], files=(("Widerspruch.md", CASE_FILE),)).status_code == 201
