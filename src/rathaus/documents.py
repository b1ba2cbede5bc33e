"""Plain data types that flow between sources, ingestion, the store and search.

A ``Document`` is what a user finds: an OParl paper (with all its files), a meeting
(with its agenda items), a file folder entry. A ``Chunk`` is a passage of a document
with its position (file, page, section); it inherits the document's metadata.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

Classification = Literal["offen", "intern", "vertraulich"]
CLASSIFICATIONS: tuple[str, ...] = ("offen", "intern", "vertraulich")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Collection:
    """A set of documents with one classification and the org units that may read it.

    ``offen``: all signed-in staff, and also anonymous citizens and the public assistant when the
    collection is ``public`` (published). ``intern``: signed-in staff of the listed access groups
    (all staff when the list is empty). ``vertraulich``: only the listed access groups. Only an
    *offen* collection can be public; the public assistant never reads anything else.
    """

    name: str
    classification: Classification = "offen"
    access_groups: tuple[str, ...] = ()
    description: str = ""
    public: bool = True  # the sources' own collections (council data, services) are published

    def __post_init__(self) -> None:
        if self.public and self.classification != "offen":
            object.__setattr__(self, "public", False)  # intern and vertraulich are never published


@dataclass(frozen=True)
class Access:
    """Who is asking. The store turns this into a WHERE clause; nothing is filtered afterwards.

    ``groups`` are hierarchical org units written as paths ("stadt/dezernat-2/amt-32"):
    membership of a unit grants what is granted to the unit and to every unit above it.
    """

    groups: frozenset[str] = frozenset()
    authenticated: bool = False
    admin: bool = False

    @classmethod
    def anonymous(cls) -> Access:
        return cls()

    @classmethod
    def operator(cls) -> Access:
        """The local operator on the command line: sees every collection."""
        return cls(authenticated=True, admin=True)

    def expanded_groups(self) -> list[str]:
        out: set[str] = set()
        for group in self.groups:
            parts = [p for p in group.strip("/").split("/") if p]
            for i in range(1, len(parts) + 1):
                out.add("/".join(parts[:i]))
        return sorted(out)


@dataclass(frozen=True)
class Passage:
    """One section of a document's text, before chunking: a page of a file, a section of a page.

    ``section`` names a section the source already knows (a service description's
    "Unterlagen", "Gebühren"): every chunk of the passage carries it. Without it, the chunker
    names sections after the headings it finds in the text.
    """

    text: str
    page: int | None = None
    file_id: str | None = None
    file_name: str | None = None
    section: str | None = None


@dataclass
class Document:
    id: str
    collection: str
    type: str  # OParl type name without schema URL ("Paper", "Meeting") or "File", "Service", ...
    title: str
    passages: list[Passage] = field(default_factory=list)
    reference: str | None = None
    date: str | None = None  # ISO date
    organizations: list[str] = field(default_factory=list)
    meeting_date: str | None = None
    result: str | None = None
    web_url: str | None = None
    source_url: str | None = None
    body: str | None = None
    modified: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def content_hash(self) -> str:
        parts = [self.title, self.reference or "", self.date or "", "|".join(self.organizations),
                 self.meeting_date or "", self.result or "", self.web_url or "", self.collection]
        # a passage's section counts only when set, so hashes of documents without sections stay as they were
        parts += [f"{p.file_id}:{p.page}:{p.text}" + (f":{p.section}" if p.section else "") for p in self.passages]
        return sha256("\x1f".join(parts))


@dataclass
class Chunk:
    document_id: str
    ord: int
    text: str
    page: int | None = None
    section: str | None = None
    file_id: str | None = None
    file_name: str | None = None
    lead: bool = False  # first passage of a file or document: embedded first

    @property
    def key(self) -> str:
        return f"{self.document_id}#{self.ord}"


@dataclass
class SearchFilters:
    types: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    organization: str | None = None  # id or name, matched exactly
    body: str | None = None
    collections: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)


@dataclass
class ChunkHit:
    chunk_id: int
    document_id: str
    score: float
    rank: int = 0


@dataclass
class PassageResult:
    chunk_id: int
    text: str
    snippet: str  # HTML-escaped, matches wrapped in <mark>
    page: int | None
    file_id: str | None
    file_name: str | None
    section: str | None


@dataclass
class SearchResult:
    document_id: str
    title: str
    type: str
    reference: str | None
    date: str | None
    url: str | None
    source_url: str | None
    collection: str
    organizations: list[str]
    meeting_date: str | None
    result: str | None
    score: float
    passages: list[PassageResult] = field(default_factory=list)
    matched_by: list[str] = field(default_factory=list)  # "lexical", "dense"
