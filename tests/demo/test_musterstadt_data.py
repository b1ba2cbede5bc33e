"""Consistency checks for the bundled, fictional Musterstadt OParl 1.1 demo data set."""

import json
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

DATA = Path(__file__).parents[2] / "src/rathaus/demo/musterstadt"
LISTS = ["organizations", "persons", "memberships", "locations", "papers", "meetings", "consultations"]
SCHEMA = "https://schema.oparl.org/1.1/"
BODY_ID = "{base}/bodies/1"
PREFIX = BODY_ID + "/"
# properties holding references to other objects (string or list of strings)
REF_KEYS = {
    "body", "paper", "meeting", "agendaItem", "organization", "person", "location", "consultation",
    "underDirectionOf", "originatorOrganization", "superordinatedPaper", "subordinatedPaper", "relatedPaper",
    "membership", "onBehalfOf", "subOrganizationOf", "participant", "accessUrl", "downloadUrl",
}


def _load(name):
    raw = (DATA / f"{name}.json").read_text(encoding="utf-8")
    assert "\\u00" not in raw, f"{name}.json must be written with ensure_ascii=False"
    return json.loads(raw)


@pytest.fixture(scope="module")
def ds():
    d = {name: _load(name) for name in LISTS}
    d["body"] = _load("body")
    d["by_id"] = {}
    for name in LISTS:
        for obj in d[name]:
            d["by_id"][obj["id"]] = obj
    d["agendaitems"] = {a["id"]: a for m in d["meetings"] for a in m.get("agendaItem", [])}
    d["files"] = {}
    for p in d["papers"]:
        for f in [p.get("mainFile")] + p.get("auxiliaryFile", []):
            if f:
                d["files"][f["id"]] = f
    for m in d["meetings"]:
        for k in ("invitation", "resultsProtocol"):
            if k in m:
                d["files"][m[k]["id"]] = m[k]
        for f in m.get("auxiliaryFile", []):
            d["files"][f["id"]] = f
    return d


def _walk(obj):
    """Yield every dict that looks like an OParl object (has a type)."""
    if isinstance(obj, dict):
        if "type" in obj:
            yield obj
        for v in obj.values():
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)


def _all_objects(ds):
    yield from _walk(ds["body"])
    for name in LISTS:
        yield from _walk(ds[name])


def _as_list(v):
    return v if isinstance(v, list) else [v]


def _ids(values):
    """Reference values as id strings (embedded objects contribute their id)."""
    out = []
    for v in _as_list(values):
        out.append(v["id"] if isinstance(v, dict) else v)
    return out


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _paper_consultation_ids(paper):
    return _ids(paper.get("consultation", []))


# ---------------------------------------------------------------- shape and counts

def test_all_files_are_json_arrays_and_body_is_object(ds):
    for name in LISTS:
        assert isinstance(ds[name], list) and ds[name], name
    body = ds["body"]
    assert isinstance(body, dict)
    assert body["id"] == BODY_ID
    assert body["type"] == SCHEMA + "Body"
    assert body["ags"] == "09999999"
    for key in ("paper", "meeting", "person", "organization", "membership", "agendaItem", "consultation", "file",
                "locationList", "legislativeTermList"):
        assert key not in body, f"list URL {key} must be added by the replay server"
    assert len(body["legislativeTerm"]) >= 2


def test_counts(ds):
    assert len(ds["papers"]) >= 30
    assert len(ds["meetings"]) >= 10
    assert len(ds["organizations"]) >= 15
    assert len(ds["persons"]) >= 20
    assert len(ds["memberships"]) >= 25
    assert len(ds["locations"]) >= 3


def test_paper_type_mix(ds):
    count = {}
    for p in ds["papers"]:
        count[p["paperType"]] = count.get(p["paperType"], 0) + 1
    assert count.get("Beschlussvorlage", 0) >= 12
    assert count.get("Antrag", 0) >= 7
    assert count.get("Anfrage", 0) >= 6
    assert count.get("Informationsvorlage", 0) >= 4
    assert count.get("Änderungsantrag", 0) >= 2


def test_organization_kinds(ds):
    kinds = {}
    for o in ds["organizations"]:
        kinds.setdefault(o["organizationType"], []).append(o)
    assert any(o["classification"] == "Gemeinderat" for o in kinds["Gremium"])
    assert sum(1 for o in kinds["Gremium"] if o["classification"] == "Ausschuss") >= 4
    assert any(o["classification"] == "Ortschaftsrat" for o in kinds["Gremium"])
    assert len(kinds["Fraktion"]) >= 4
    assert len(kinds["Verwaltungsbereich"]) >= 5


def test_every_object_has_id_type_created_modified(ds):
    n = 0
    for obj in _all_objects(ds):
        n += 1
        for key in ("id", "type", "created", "modified"):
            assert key in obj, f"{obj.get('id')} lacks {key}"
        assert obj["type"].startswith(SCHEMA), obj["type"]
        created = datetime.fromisoformat(obj["created"])
        modified = datetime.fromisoformat(obj["modified"])
        assert created.tzinfo is not None and modified.tzinfo is not None, obj["id"]
        assert created <= modified, obj["id"]
        assert 2025 <= created.year <= 2026 and 2025 <= modified.year <= 2026, obj["id"]
    assert n > 300


def test_ids_unique(ds):
    seen = {}
    for obj in _all_objects(ds):
        oid = obj["id"]
        if oid in seen:
            # embedded copies (consultations in papers, locations in meetings) must equal the listed object
            assert seen[oid] == obj, f"conflicting objects with id {oid}"
            assert obj["type"] in (SCHEMA + "Consultation", SCHEMA + "Location"), f"duplicate id {oid}"
        seen[oid] = obj
    for name in LISTS:
        ids = [o["id"] for o in ds[name]]
        assert len(ids) == len(set(ids)), name


def test_ids_and_references_use_base_placeholder(ds):
    for obj in _all_objects(ds):
        if obj["type"] == SCHEMA + "Body":
            assert obj["id"] == BODY_ID
        else:
            assert obj["id"].startswith(PREFIX), obj["id"]
        for key, value in obj.items():
            if key in REF_KEYS:
                for ref in _ids(value):
                    assert ref == BODY_ID or ref.startswith(PREFIX), f"{obj['id']}.{key} = {ref}"


def test_web_urls(ds):
    for p in ds["papers"]:
        assert p["web"].startswith("https://") and ".example/" in p["web"], p["id"]
    for m in ds["meetings"]:
        assert m["web"].startswith("https://") and ".example/" in m["web"], m["id"]


# ---------------------------------------------------------------- referential integrity

def test_paper_references(ds):
    by_id = ds["by_id"]
    for p in ds["papers"]:
        assert p["body"] == BODY_ID
        for key, typ in (("underDirectionOf", "Organization"), ("originatorOrganization", "Organization"),
                         ("superordinatedPaper", "Paper"), ("subordinatedPaper", "Paper"), ("relatedPaper", "Paper")):
            for ref in _ids(p.get(key, [])):
                assert ref in by_id, f"{p['id']}.{key} -> {ref}"
                assert by_id[ref]["type"] == SCHEMA + typ
        assert p["underDirectionOf"], p["id"]
        for sup in p.get("superordinatedPaper", []):
            assert p["id"] in by_id[sup].get("subordinatedPaper", []), f"{sup} does not list {p['id']}"
        for sub in p.get("subordinatedPaper", []):
            assert p["id"] in by_id[sub].get("superordinatedPaper", []), f"{sub} does not point back to {p['id']}"
        if p["paperType"] in ("Antrag", "Änderungsantrag", "Anfrage"):
            orgs = [by_id[o] for o in p["originatorOrganization"]]
            assert all(o["organizationType"] == "Fraktion" for o in orgs), p["id"]


def test_consultation_references(ds):
    by_id, items = ds["by_id"], ds["agendaitems"]
    for c in ds["consultations"]:
        assert c["type"] == SCHEMA + "Consultation"
        assert c["role"] in ("Vorberatung", "Entscheidung", "Kenntnisnahme"), c["id"]
        assert isinstance(c["authoritative"], bool)
        paper = by_id[c["paper"]]
        meeting = by_id[c["meeting"]]
        assert paper["type"] == SCHEMA + "Paper" and meeting["type"] == SCHEMA + "Meeting"
        assert c["id"] in _paper_consultation_ids(paper), f"{c['id']} not listed in its paper"
        item = items[c["agendaItem"]]
        assert item["consultation"] == c["id"], c["id"]
        assert item["meeting"] == c["meeting"], c["id"]
        assert item in meeting["agendaItem"]
        for org in c["organization"]:
            assert by_id[org]["type"] == SCHEMA + "Organization"
            assert org in meeting["organization"], c["id"]


def test_agenda_item_references(ds):
    by_id = ds["by_id"]
    for m in ds["meetings"]:
        numbers = [a["number"] for a in m["agendaItem"]]
        orders = [a["order"] for a in m["agendaItem"]]
        assert len(numbers) == len(set(numbers)) and orders == sorted(set(orders)), m["id"]
        for a in m["agendaItem"]:
            assert a["meeting"] == m["id"]
            assert isinstance(a["public"], bool)
            if "consultation" in a:
                c = by_id[a["consultation"]]
                assert c["agendaItem"] == a["id"] and c["meeting"] == m["id"]
            if not a["public"]:
                assert "consultation" not in a and "resolutionText" not in a, a["id"]
            if m["meetingState"] != "durchgeführt":
                assert "result" not in a, a["id"]


def test_meeting_references(ds):
    by_id = ds["by_id"]
    for m in ds["meetings"]:
        assert m["meetingState"] in ("durchgeführt", "eingeladen"), m["id"]
        assert datetime.fromisoformat(m["start"]) < datetime.fromisoformat(m["end"])
        for org in m["organization"]:
            assert by_id[org]["type"] == SCHEMA + "Organization" and by_id[org]["organizationType"] == "Gremium"
        (loc,) = _ids(m["location"])
        assert by_id[loc]["type"] == SCHEMA + "Location", m["id"]
        for person in m.get("participant", []):
            assert by_id[person]["type"] == SCHEMA + "Person"
    assert sum(1 for m in ds["meetings"] if "resultsProtocol" in m) >= 4
    assert any(isinstance(m["location"], dict) for m in ds["meetings"])


def test_membership_references(ds):
    by_id = ds["by_id"]
    for ms in ds["memberships"]:
        assert by_id[ms["person"]]["type"] == SCHEMA + "Person"
        assert by_id[ms["organization"]]["type"] == SCHEMA + "Organization"
        if "onBehalfOf" in ms:
            assert by_id[ms["onBehalfOf"]]["organizationType"] == "Fraktion"
        assert ms["id"] in by_id[ms["person"]]["membership"], ms["id"]
    for p in ds["persons"]:
        for mid in p.get("membership", []):
            assert by_id[mid]["person"] == p["id"]
    for o in ds["organizations"]:
        for mid in o.get("membership", []):
            assert by_id[mid]["organization"] == o["id"]
        if "subOrganizationOf" in o:
            assert by_id[o["subOrganizationOf"]]["type"] == SCHEMA + "Organization"


# ---------------------------------------------------------------- consultations and agenda coverage

def test_half_embedded_half_referenced_consultations(ds):
    embedded = referenced = 0
    listed = {c["id"]: c for c in ds["consultations"]}
    for p in ds["papers"]:
        cons = p.get("consultation", [])
        assert cons, f"{p['id']} has no consultation"
        kinds = {type(c) for c in cons}
        assert len(kinds) == 1, f"{p['id']} mixes embedded and referenced consultations"
        if kinds == {dict}:
            embedded += 1
            for c in cons:
                assert listed[c["id"]] == c, f"embedded {c['id']} differs from consultations.json"
                assert c["paper"] == p["id"]
        else:
            referenced += 1
            for cid in cons:
                assert listed[cid]["paper"] == p["id"]
    assert abs(embedded - referenced) <= 1, (embedded, referenced)
    in_papers = {cid for p in ds["papers"] for cid in _paper_consultation_ids(p)}
    assert in_papers == set(listed), "consultations.json and papers disagree"


def test_every_paper_is_on_an_agenda(ds):
    treated = {ds["by_id"][a["consultation"]]["paper"] for a in ds["agendaitems"].values() if "consultation" in a}
    missing = [p["id"] for p in ds["papers"] if p["id"] not in treated]
    assert not missing, missing


def test_some_papers_pass_several_committees(ds):
    multi = [p for p in ds["papers"] if len(p["consultation"]) >= 2]
    three = [p for p in ds["papers"] if len(p["consultation"]) >= 3]
    assert len(multi) >= 10 and three


def test_anfragen_have_answers(ds):
    by_id = ds["by_id"]
    for p in ds["papers"]:
        if p["paperType"] != "Anfrage":
            continue
        answer_files = [f for f in p.get("auxiliaryFile", []) if f["name"] == "Antwort der Verwaltung"]
        answer_papers = [by_id[s] for s in p.get("subordinatedPaper", [])
                         if by_id[s]["paperType"] in ("Stellungnahme", "Antwort")]
        assert answer_files or answer_papers, f"{p['id']} has no answer"


# ---------------------------------------------------------------- files and texts

def test_files(ds):
    for fid, f in ds["files"].items():
        assert f["type"] == SCHEMA + "File"
        assert f["mimeType"] == "application/pdf"
        assert f["fileName"].endswith(".pdf")
        suffix = fid.rsplit("/files/", 1)[1]
        assert f["accessUrl"] == f"{PREFIX}filecontent/{suffix}", fid
        assert f["downloadUrl"] == f"{PREFIX}filecontent/{suffix}", fid
        assert 1500 <= len(f["text"]) <= 6000, (fid, len(f["text"]))


def test_every_paper_has_a_substantial_text(ds):
    for p in ds["papers"]:
        files = [p["mainFile"]] + p.get("auxiliaryFile", [])
        assert max(len(f.get("text", "")) for f in files) >= 1000, p["id"]


def test_multi_page_texts(ds):
    multi = [fid for fid, f in ds["files"].items() if "\f" in f["text"]]
    assert len(multi) >= 6, multi
    for fid in multi:
        assert all(page.strip() for page in ds["files"][fid]["text"].split("\f")), fid


def test_text_is_nfc(ds):
    for name in LISTS + ["body"]:
        for s in _strings(ds[name]):
            assert unicodedata.is_normalized("NFC", s), f"{name}: {s[:60]!r}"


def test_german_vocabulary_present(ds):
    corpus = "\n".join(f["text"] for f in ds["files"].values())
    for word in ("Kindertagesstätte", "Kita", "Straßenbeleuchtung", "Hauptstraße", "Bahnhofstraße",
                 "Gebührenerhöhung", "Kindertagesstättenbedarfsplanung", "Müllabfuhr", "Bürgerbüro",
                 "Grundstücksverkauf"):
        assert word in corpus, word
