"""Turn raw OParl objects into searchable documents.

A Paper becomes one document: a header passage written from its metadata and its path
through the committees (consultations, agenda-item results, resolutions), then the pages of
its main file and its attachments. A Meeting becomes one document: a header with its agenda
and results, then its invitation and protocols. An Organization becomes a short document
naming its members. Everything a document was built from is recorded as a dependency, so a
change to any of those objects rebuilds it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from rathaus.documents import Document, Passage, nfc

FILE_KEYS_PAPER = ("mainFile", "auxiliaryFile")
FILE_KEYS_MEETING = ("invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile")
DECIDING_ROLES = ("entscheidung", "beschluss", "beschlussfassung")

FileText = Callable[[dict[str, Any]], list[str] | None]


def german_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%d.%m.%Y")
    except ValueError:
        return value


def iso_date(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and len(value) >= 10 else None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Resolver:
    """Looks up referenced objects (embedded or by URL) and remembers what was used."""

    def __init__(self, lookup: Callable[[str], dict[str, Any] | None]) -> None:
        self.lookup = lookup
        self.deps: set[str] = set()

    def get(self, ref: Any) -> dict[str, Any] | None:
        if isinstance(ref, dict):
            if isinstance(ref.get("id"), str):
                self.deps.add(ref["id"])
                stored = self.lookup(ref["id"])
                # a separately listed version may be newer than the embedded copy
                if stored and stored.get("modified", "") > ref.get("modified", "") and not stored.get("deleted"):
                    return stored
            return ref
        if isinstance(ref, str):
            self.deps.add(ref)
            obj = self.lookup(ref)
            return None if obj is None or obj.get("deleted") else obj
        return None

    def name(self, ref: Any) -> str | None:
        obj = self.get(ref)
        return nfc(obj.get("name") or obj.get("shortName") or "") or None if obj else None


def _files(obj: dict[str, Any], keys: tuple[str, ...], res: Resolver) -> list[dict[str, Any]]:
    out = []
    for key in keys:
        for ref in as_list(obj.get(key)):
            f = res.get(ref)
            if f and not f.get("deleted") and f.get("id") not in {x.get("id") for x in out}:
                out.append(f)
    return out


def _file_passages(files: list[dict[str, Any]], file_text: FileText) -> list[Passage]:
    passages = []
    for f in files:
        pages = file_text(f) or []
        name = nfc(f.get("name") or f.get("fileName") or "Datei")
        numbered = len(pages) > 1 or (f.get("mimeType") == "application/pdf" and "text" not in f)
        for i, page in enumerate(pages, start=1):
            if page.strip():
                passages.append(Passage(nfc(page), page=i if numbered else None, file_id=f.get("id"), file_name=name))
    return passages


def _consultations(paper: dict[str, Any], res: Resolver) -> list[dict[str, Any]]:
    out = []
    for ref in as_list(paper.get("consultation")):
        c = res.get(ref)
        if not c:
            continue
        meeting = res.get(c.get("meeting")) if c.get("meeting") else None
        item = res.get(c.get("agendaItem")) if c.get("agendaItem") else None
        orgs = [n for n in (res.name(o) for o in as_list(c.get("organization"))) if n]
        if not orgs and meeting:
            orgs = [n for n in (res.name(o) for o in as_list(meeting.get("organization"))) if n]
        out.append({
            "id": c.get("id"),
            "role": c.get("role"),
            "authoritative": c.get("authoritative"),
            "organizations": orgs,
            "organization_ids": [o if isinstance(o, str) else o.get("id") for o in as_list(c.get("organization"))],
            "meeting_id": meeting.get("id") if meeting else c.get("meeting"),
            "meeting_name": meeting.get("name") if meeting else None,
            "meeting_date": iso_date(meeting.get("start")) if meeting else None,
            "meeting_web": meeting.get("web") if meeting else None,
            "agenda_item_id": item.get("id") if item else c.get("agendaItem"),
            "agenda_item_number": item.get("number") if item else None,
            "agenda_item_name": item.get("name") if item else None,
            "result": item.get("result") if item else None,
            "resolution": item.get("resolutionText") if item else None,
        })
    out.sort(key=lambda c: c["meeting_date"] or "9999")
    return out


def _deciding(consultations: list[dict[str, Any]]) -> dict[str, Any] | None:
    for c in consultations:
        if (c.get("role") or "").lower() in DECIDING_ROLES and c.get("result"):
            return c
    with_result = [c for c in consultations if c.get("result")]
    return with_result[-1] if with_result else None


def _header(lines: list[str], opening: str, budget: int) -> str:
    meta = "\n".join(line for line in lines if line)
    room = max(200, budget - len(meta) - 50)
    if opening:
        cut = opening[:room]
        cut = cut[: cut.rfind(" ")] if len(opening) > room and " " in cut else cut
        return f"{meta}\n\n{cut.strip()}"
    return meta


def build_paper(paper: dict[str, Any], res: Resolver, file_text: FileText, collection: str,
                chunk_chars: int = 1200) -> Document:
    title = nfc(paper.get("name") or paper.get("reference") or "Vorlage ohne Titel")
    kind = paper.get("paperType") or "Vorlage"
    consultations = _consultations(paper, res)
    deciding = _deciding(consultations)
    lead_orgs = [n for n in (res.name(o) for o in as_list(paper.get("underDirectionOf"))) if n]
    originators = [n for n in (res.name(o) for o in as_list(paper.get("originatorOrganization"))) if n]
    originators += [n for n in (res.name(p) for p in as_list(paper.get("originatorPerson"))) if n]
    files = _files(paper, FILE_KEYS_PAPER, res)
    file_passages = _file_passages(files, file_text)
    lines = [f"{kind} {paper.get('reference') or ''}: {title}".replace("  ", " "),
             f"Datum: {german_date(paper.get('date'))}" if paper.get("date") else "",
             f"Federführend: {', '.join(lead_orgs)}" if lead_orgs else "",
             f"Eingereicht von: {', '.join(originators)}" if originators else ""]
    if consultations:
        lines.append("Beratungsfolge:")
        for c in consultations:
            parts = [", ".join(c["organizations"]) or "Gremium", f"({c['role']})" if c.get("role") else ""]
            if c.get("meeting_date"):
                parts.append(f"am {german_date(c['meeting_date'])}")
            line = " ".join(p for p in parts if p)
            if c.get("result"):
                line += f": {c['result']}"
            if c.get("resolution"):
                line += f". Beschluss: {nfc(c['resolution'])}"
            lines.append(f"- {line}")
    opening = file_passages[0].text if file_passages else ""
    header = Passage(_header(lines, " ".join(opening.split()), chunk_chars))
    org_ids = [o for o in as_list(paper.get("underDirectionOf")) if isinstance(o, str)]
    org_ids += [i for c in consultations for i in c["organization_ids"] if i]
    return Document(
        id=paper["id"], collection=collection, type="Paper", title=title, passages=[header, *file_passages],
        reference=paper.get("reference"), date=iso_date(paper.get("date")) or iso_date(paper.get("created")),
        organizations=list(dict.fromkeys(lead_orgs + originators + [o for c in consultations for o in c["organizations"]])),
        meeting_date=deciding["meeting_date"] if deciding else None,
        result=deciding["result"] if deciding else None,
        web_url=paper.get("web"), source_url=paper["id"], body=paper.get("body"), modified=paper.get("modified"),
        metadata={
            "paperType": kind, "consultations": consultations, "organization_ids": list(dict.fromkeys(org_ids)),
            "files": [{"id": f.get("id"), "name": f.get("name"), "accessUrl": f.get("accessUrl"),
                       "web": f.get("web")} for f in files],
            "superordinatedPaper": as_list(paper.get("superordinatedPaper")),
            "subordinatedPaper": as_list(paper.get("subordinatedPaper")),
        },
    )


def build_meeting(meeting: dict[str, Any], res: Resolver, file_text: FileText, collection: str,
                  chunk_chars: int = 1200) -> Document:
    title = nfc(meeting.get("name") or "Sitzung")
    orgs = [n for n in (res.name(o) for o in as_list(meeting.get("organization"))) if n]
    location = res.get(meeting.get("location")) if meeting.get("location") else None
    place = ", ".join(filter(None, [location.get("description"), location.get("streetAddress"),
                                     location.get("locality")])) if location else ""
    items = [res.get(i) for i in as_list(meeting.get("agendaItem"))]
    items = [i for i in items if i and not i.get("deleted")]
    items.sort(key=lambda i: (i.get("order") or 0, str(i.get("number") or "")))
    lines = [title, f"Datum: {german_date(meeting.get('start'))}" if meeting.get("start") else "",
             f"Gremium: {', '.join(orgs)}" if orgs else "", f"Ort: {place}" if place else ""]
    agenda = []
    for item in items:
        line = f"TOP {item.get('number') or ''} {nfc(item.get('name') or '')}".strip()
        if item.get("public") is False:
            line += " (nicht öffentlich)"
        if item.get("result"):
            line += f" – Ergebnis: {item['result']}"
        if item.get("resolutionText"):
            line += f". Beschluss: {nfc(item['resolutionText'])}"
        agenda.append(line)
    header_text = "\n".join(x for x in lines if x)
    passages = [Passage(header_text)]
    if agenda:
        passages.append(Passage("Tagesordnung\n\n" + "\n\n".join(agenda)))
    files = _files(meeting, FILE_KEYS_MEETING, res)
    passages += _file_passages(files, file_text)
    return Document(
        id=meeting["id"], collection=collection, type="Meeting", title=title, passages=passages,
        date=iso_date(meeting.get("start")) or iso_date(meeting.get("created")), organizations=orgs,
        meeting_date=iso_date(meeting.get("start")), web_url=meeting.get("web"), source_url=meeting["id"],
        body=meeting.get("body"), modified=meeting.get("modified"),
        metadata={"organization_ids": [o for o in as_list(meeting.get("organization")) if isinstance(o, str)],
                  "agenda": [{"id": i.get("id"), "number": i.get("number"), "name": i.get("name"),
                              "result": i.get("result"), "public": i.get("public")} for i in items],
                  "meetingState": meeting.get("meetingState"), "cancelled": meeting.get("cancelled"),
                  "files": [{"id": f.get("id"), "name": f.get("name")} for f in files]},
    )


def build_organization(org: dict[str, Any], res: Resolver, members: list[dict[str, Any]], collection: str) -> Document:
    title = nfc(org.get("name") or org.get("shortName") or "Organisation")
    lines = [title, f"Kurzname: {org['shortName']}" if org.get("shortName") else "",
             f"Art: {org.get('organizationType') or org.get('classification') or ''}".rstrip(": ")]
    names = []
    for m in members:
        person = res.get(m.get("person"))
        if person and person.get("name"):
            names.append(f"{nfc(person['name'])}" + (f" ({m['role']})" if m.get("role") else ""))
    if names:
        lines.append("Mitglieder: " + "; ".join(names))
    return Document(
        id=org["id"], collection=collection, type="Organization", title=title,
        passages=[Passage("\n".join(x for x in lines if x and x != "Art"))],
        date=iso_date(org.get("startDate")), web_url=org.get("web"), source_url=org["id"], body=org.get("body"),
        modified=org.get("modified"), organizations=[title],
        metadata={"organizationType": org.get("organizationType"), "classification": org.get("classification"),
                  "organization_ids": [org["id"]], "members": names},
    )


def text_of_file(file_obj: dict[str, Any]) -> list[str] | None:
    """Pages of a File's own ``text`` field (form feeds separate pages), or None."""
    text = file_obj.get("text")
    if isinstance(text, str) and text.strip():
        return text.split("\f")
    return None
