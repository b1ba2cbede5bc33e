"""One test per OParl vendor quirk in rathaus.sources.oparl.quirks, plus every real System and
Body response in ../shared/data/oparl-systems (29 municipal RIS endpoints)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest

from rathaus.errors import InvalidObject, NotOParl, SourceError
from rathaus.sources.oparl import quirks
from rathaus.sources.oparl.client import OParlClient
from rathaus.sources.oparl.state import SourceState

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("RATHAUS_SHARED_DIR", ROOT.parent / "shared"))
REAL = SHARED / "data" / "oparl-systems"
S10, S11 = "https://schema.oparl.org/1.0/", "https://schema.oparl.org/1.1/"
BASE = "https://ris.example.test/oparl"


# -- type inference and type URIs --------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (S11 + "Paper", "Paper"),
    (S10 + "Paper", "Paper"),                     # OParl 1.0 URIs beside 1.1 ones
    (S10 + "LegislativeTerm", "LegislativeTerm"),
    (S11 + "AgendaItem/", "AgendaItem"),          # a trailing slash
    ("Meeting", "Meeting"),                       # a bare name
    (S11 + "Unicorn", None),                      # not an OParl type
    ("", None),
    (None, None),
    (42, None),
])
def test_type_name_reads_1_0_and_1_1_type_uris(value, expected):
    assert quirks.type_name(value) == expected


def test_object_type_uses_the_objects_own_type_first():
    assert quirks.object_type({"id": f"{BASE}/m/1", "type": S10 + "Meeting"}, "Paper") == "Meeting"


def test_object_type_is_inferred_from_the_list_when_missing_or_invalid():
    assert quirks.object_type({"id": f"{BASE}/p/1"}, "Paper") == "Paper"
    assert quirks.object_type({"id": f"{BASE}/p/1", "type": "Vorlage"}, "Paper") == "Paper"
    assert quirks.object_type({"id": f"{BASE}/p/1", "type": None}, "Paper") == "Paper"


def test_object_type_without_a_type_and_without_a_list_is_invalid():
    with pytest.raises(InvalidObject):
        quirks.object_type({"id": f"{BASE}/p/1"}, None)


# -- check_object --------------------------------------------------------------------------

def test_check_object_returns_id_and_type():
    assert quirks.check_object({"id": f"{BASE}/p/1", "type": S11 + "Paper"}, "Paper") == (f"{BASE}/p/1", "Paper")
    assert quirks.check_object({"id": "http://ris.test/p/2"}, "Paper") == ("http://ris.test/p/2", "Paper")


@pytest.mark.parametrize("obj", [
    {"type": S11 + "Paper", "name": "ohne id"},
    {"id": None, "type": S11 + "Paper"},
    {"id": 17, "type": S11 + "Paper"},
    {"id": "", "type": S11 + "Paper"},
    {"id": "/oparl/papers/1", "type": S11 + "Paper"},   # relative
    {"id": "urn:paper:1", "type": S11 + "Paper"},
    {"id": "ftp://ris.test/p/1", "type": S11 + "Paper"},
    {},
], ids=["missing", "null", "int", "empty", "relative", "urn", "ftp", "empty-object"])
def test_check_object_rejects_missing_or_invalid_ids(obj):
    with pytest.raises(InvalidObject):
        quirks.check_object(obj, "Paper")


@pytest.mark.parametrize("item", [None, 42, "https://ris.test/p/1", ["x"], 1.5])
def test_check_object_rejects_non_objects(item):
    with pytest.raises(InvalidObject, match="not an object"):
        quirks.check_object(item, "Paper")


def test_invalid_object_is_a_source_error_the_sync_can_count():
    assert issubclass(InvalidObject, SourceError)


# -- list pages ----------------------------------------------------------------------------

def test_list_page_returns_items_and_next():
    doc = {"data": [{"id": "a"}], "links": {"next": f"{BASE}/p?page=2"}}
    assert quirks.list_page(doc, BASE) == ([{"id": "a"}], f"{BASE}/p?page=2")


@pytest.mark.parametrize("links", [None, {}, {"next": ""}, {"next": None}, {"next": 3}, "next", []])
def test_list_page_without_a_usable_next_link_is_the_last_page(links):
    doc = {"data": [], "links": links}
    assert quirks.list_page(doc, BASE) == ([], None)


@pytest.mark.parametrize("doc", [
    [{"id": "a"}],                       # a bare array
    {"items": [{"id": "a"}]},            # no data
    {"data": {"id": "a"}},               # data is not a list
    {"data": None},
    None,
    "<html>",
    {"id": BASE, "type": S11 + "System"},
], ids=["array", "no-data", "data-object", "data-null", "null", "string", "system"])
def test_list_page_rejects_non_lists(doc):
    with pytest.raises(SourceError, match="not an OParl list"):
        quirks.list_page(doc, BASE)


def test_total_elements_is_never_read():
    doc = {"data": [{"id": "a"}], "pagination": {"totalElements": 0, "totalPages": 0},
           "links": {"next": f"{BASE}/p?page=2"}}
    assert quirks.list_page(doc, BASE)[1] == f"{BASE}/p?page=2"


# -- system ----------------------------------------------------------------------------------

@pytest.mark.parametrize("schema", [S10, S11])
def test_check_system_accepts_a_system(schema):
    system = {"id": BASE, "type": schema + "System", "body": f"{BASE}/bodies"}
    assert quirks.check_system(system, BASE) is system


@pytest.mark.parametrize("schema", [S10, S11])
def test_check_system_accepts_a_bare_body(schema):
    body = {"id": f"{BASE}/body/1", "type": schema + "Body", "paper": f"{BASE}/body/1/paper"}
    system = quirks.check_system(body, f"{BASE}/body/1")
    assert quirks.type_name(system["type"]) == "System"
    assert system["body"] == [body]


@pytest.mark.parametrize("doc", [
    {"error": "not found"},
    {"counts": {"paper": 3}},
    {"id": BASE, "type": S11 + "System"},                           # no body
    {"id": f"{BASE}/body/1", "type": S11 + "Body"},                 # a body without lists
    {"id": f"{BASE}/p/1", "type": S11 + "Paper", "body": "x"},
    {"data": [], "links": {}},                                      # a list, not a system
    [{"id": BASE, "type": S11 + "System", "body": "x"}],
    "OParl",
    None,
    42,
], ids=["error", "other-json", "system-no-body", "body-no-lists", "paper", "list", "array", "string", "null", "int"])
def test_check_system_rejects_other_json(doc):
    with pytest.raises(NotOParl):
        quirks.check_system(doc, BASE)


# -- bodies --------------------------------------------------------------------------------

def test_body_lists_of_an_oparl_1_0_body():
    body = {
        "id": f"{BASE}/bodies.asp?id=1", "type": S10 + "Body",
        "organization": f"{BASE}/organizations.asp?body=1", "person": f"{BASE}/persons.asp?body=1",
        "meeting": f"{BASE}/meetings.asp?body=1", "paper": f"{BASE}/papers.asp?body=1",
        "legislativeTerm": [
            {"id": f"{BASE}/lt.asp?id=1", "type": S10 + "LegislativeTerm", "name": "Wahlperiode V"},
            {"id": f"{BASE}/lt.asp?id=2", "name": "Wahlperiode VI"},
            "not an object",
        ],
    }
    urls, embedded = quirks.body_lists(body)
    assert urls == {"Organization": f"{BASE}/organizations.asp?body=1", "Person": f"{BASE}/persons.asp?body=1",
                    "Meeting": f"{BASE}/meetings.asp?body=1", "Paper": f"{BASE}/papers.asp?body=1"}
    assert [e["id"] for e in embedded] == [f"{BASE}/lt.asp?id=1", f"{BASE}/lt.asp?id=2"]


def test_body_lists_of_an_oparl_1_1_body():
    b = f"{BASE}/body/1"
    body = {
        "id": b, "type": S11 + "Body",
        "organization": f"{b}/organization", "person": f"{b}/person", "meeting": f"{b}/meeting",
        "paper": f"{b}/paper", "membership": f"{b}/membership", "agendaItem": f"{b}/agendaItem",
        "consultation": f"{b}/consultation", "file": f"{b}/file",
        "legislativeTermList": f"{b}/legislativeTerm", "locationList": f"{b}/location",
        "legislativeTerm": [{"id": f"{b}/lt/1", "type": S11 + "LegislativeTerm"}],
        "location": {"id": f"{b}/location/1", "type": S11 + "Location", "locality": "Musterstadt"},
    }
    urls, embedded = quirks.body_lists(body)
    assert urls == {
        "Organization": f"{b}/organization", "Person": f"{b}/person", "Meeting": f"{b}/meeting",
        "Paper": f"{b}/paper", "Membership": f"{b}/membership", "AgendaItem": f"{b}/agendaItem",
        "Consultation": f"{b}/consultation", "File": f"{b}/file", "LegislativeTerm": f"{b}/legislativeTerm",
        "Location": f"{b}/location",
    }
    assert {e["id"] for e in embedded} == {f"{b}/lt/1", f"{b}/location/1"}


def test_body_lists_ignores_values_that_are_not_absolute_urls():
    body = {"id": f"{BASE}/body/1", "paper": "/oparl/papers", "meeting": "", "person": None,
            "organization": 7, "file": f"{BASE}/body/1/file"}
    assert quirks.body_lists(body) == ({"File": f"{BASE}/body/1/file"}, [])


# -- quirks handled in the client and the state (documented in quirks.py) -------------------

def _client(handler) -> OParlClient:
    return OParlClient(httpx.Client(transport=httpx.MockTransport(handler)), retries=3, backoff=0.0)


def test_quirk_empty_list_answered_with_404():
    client = _client(lambda request: httpx.Response(404, json={"error": "no objects"}))
    assert list(client.iter_list(f"{BASE}/body/1/person")) == []


def test_quirk_wrong_total_elements():
    first = f"{BASE}/body/1/paper"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("page") == "2":
            return httpx.Response(200, json={"data": [{"id": "b"}], "pagination": {"totalElements": 1}, "links": {}})
        return httpx.Response(200, json={"data": [{"id": "a"}], "pagination": {"totalElements": 1},
                                         "links": {"next": f"{first}?page=2"}})

    assert [i["id"] for p in _client(handler).iter_list(first) for i in p.items] == ["a", "b"]


def test_quirk_page_cut_off_mid_json_once():
    calls = []
    full = json.dumps({"data": [{"id": "a"}], "links": {}}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, content=full[:10] if len(calls) == 1 else full)

    client = _client(handler)
    assert [i["id"] for p in client.iter_list(f"{BASE}/body/1/paper") for i in p.items] == ["a"]
    assert len(calls) == 2


def test_quirk_next_link_pointing_at_the_page_itself():
    url = f"{BASE}/body/1/paper"
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(200, json={"data": [{"id": "a"}], "links": {"next": url}})

    assert len(list(_client(handler).iter_list(url))) == 1
    assert len(calls) == 1


def test_quirk_pages_repeating_the_last_object_are_idempotent(tmp_path):
    state = SourceState(tmp_path / "state.sqlite")
    paper = {"id": f"{BASE}/p/1", "type": S11 + "Paper", "name": "Haushalt"}
    with state.transaction() as conn:
        assert state.put_objects(conn, [(paper["id"], "Paper", paper)], "run1") == 1
    with state.transaction() as conn:  # the next page repeats it
        assert state.put_objects(conn, [(paper["id"], "Paper", dict(paper))], "run1") == 0
    assert state.count_by_type() == {"Paper": 1}
    assert state.dirty_documents() == [paper["id"]]
    state.close()


# -- real System and Body responses ----------------------------------------------------------

def _real(kind: str) -> list:
    folder = REAL / kind
    found = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not found:
        reason = f"real OParl {kind} missing: {folder} (../shared/data/oparl-systems) is not there"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id=f"no-{kind}")]
    return [pytest.param(path, id=path.stem) for path in found]


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", _real("systems"))
def test_check_system_accepts_every_real_system(path):
    doc = _load(path)
    system = quirks.check_system(doc, doc.get("id", str(path)))
    assert quirks.type_name(system["type"]) == "System"
    assert system["body"]


@pytest.mark.parametrize("path", _real("bodies"))
def test_body_lists_finds_the_main_lists_of_every_real_body(path):
    body = _load(path)
    urls, embedded = quirks.body_lists(body)
    for kind in ("Paper", "Meeting", "Organization", "Person"):
        assert kind in urls, f"{path.name}: no {kind} list in {sorted(urls)}"
        assert urls[kind].startswith(("http://", "https://"))
    for obj in embedded:
        assert quirks.object_type(obj, "LegislativeTerm") in ("LegislativeTerm", "Location")


@pytest.mark.parametrize("path", _real("bodies"))
def test_check_system_accepts_every_real_body_given_as_entry_point(path):
    body = _load(path)
    system = quirks.check_system(body, body["id"])
    assert system["body"] == [body]
