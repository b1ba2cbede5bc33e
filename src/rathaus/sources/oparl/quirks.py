"""Every OParl vendor workaround, in one place. Each one has a test in tests/sources/test_quirks.py.

Seen in real systems and in the replay server's fault modes:

* objects without ``type`` (the list tells what they are)            -> ``object_type``
* OParl 1.0 and 1.1 type URIs side by side                          -> ``object_type``
* an empty list answered with 404 instead of an empty page           -> client.iter_list
* pages that repeat the last object of the page before               -> upserts are idempotent
* ``pagination.totalElements`` that is wrong                         -> only ``links.next`` is followed
* a page cut off mid-JSON, once                                      -> client.get_json retries
* list URLs given as a list of embedded objects (``legislativeTerm``)-> ``body_lists``
* ``next`` links that point at the page itself                       -> client.iter_list stops
"""

from __future__ import annotations

import logging
from typing import Any

from rathaus.errors import InvalidObject, NotOParl, SourceError

log = logging.getLogger(__name__)

TYPES = ("System", "Body", "LegislativeTerm", "Organization", "Person", "Membership", "Meeting",
         "AgendaItem", "Paper", "Consultation", "File", "Location")

# Body attribute -> object type of the list behind it. 1.0 has the first four (legislativeTerm
# embedded); 1.1 adds the rest.
BODY_LISTS = {
    "organization": "Organization",
    "person": "Person",
    "meeting": "Meeting",
    "paper": "Paper",
    "membership": "Membership",
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "file": "File",
    "legislativeTermList": "LegislativeTerm",
    "locationList": "Location",
    "legislativeTerm": "LegislativeTerm",
}


def type_name(value: Any) -> str | None:
    """'https://schema.oparl.org/1.1/Paper' -> 'Paper'; also accepts '.../1.0/...' and bare names."""
    if not isinstance(value, str) or not value:
        return None
    name = value.rstrip("/").rsplit("/", 1)[-1]
    return name if name in TYPES else None


def object_type(obj: dict[str, Any], expected: str | None) -> str:
    """The OParl type of an object, inferred from its list when the vendor left it out."""
    name = type_name(obj.get("type"))
    if name:
        return name
    if expected:
        log.debug("object %s has no valid type; taking %s from its list", obj.get("id"), expected)
        return expected
    raise InvalidObject(f"object {obj.get('id')!r} has no valid type")


def check_object(obj: Any, expected: str | None) -> tuple[str, str]:
    """Return (id, type) of a list item or raise InvalidObject with the reason."""
    if not isinstance(obj, dict):
        raise InvalidObject(f"list item is {type(obj).__name__}, not an object")
    oid = obj.get("id")
    if not isinstance(oid, str) or not oid.startswith(("http://", "https://")):
        raise InvalidObject(f"object without a valid id: {str(obj)[:120]}")
    return oid, object_type(obj, expected)


def list_page(doc: Any, url: str) -> tuple[list[Any], str | None]:
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), list):
        raise SourceError(f"{url} is not an OParl list (no 'data' array)")
    links = doc.get("links") if isinstance(doc.get("links"), dict) else {}
    nxt = links.get("next")
    return doc["data"], nxt if isinstance(nxt, str) and nxt else None


def check_system(doc: Any, url: str) -> dict[str, Any]:
    if isinstance(doc, dict) and type_name(doc.get("type")) == "Body" and "paper" in doc:
        return {"id": doc.get("id", url), "type": "https://schema.oparl.org/1.1/System", "body": [doc]}
    if not isinstance(doc, dict) or type_name(doc.get("type")) != "System" or "body" not in doc:
        raise NotOParl(f"{url} is not an OParl System object (type {str(doc.get('type') if isinstance(doc, dict) else doc)[:80]!r})")
    return doc


def body_lists(body: dict[str, Any]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """List URLs of a Body, and objects it embeds (legislative terms, its location)."""
    urls: dict[str, str] = {}
    embedded: list[dict[str, Any]] = []
    for key, kind in BODY_LISTS.items():
        value = body.get(key)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            urls.setdefault(kind, value)
        elif isinstance(value, list):
            embedded += [v for v in value if isinstance(v, dict)]
    if isinstance(body.get("location"), dict):
        embedded.append(body["location"])
    return urls, embedded
