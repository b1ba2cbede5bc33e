"""An adversarial permission matrix: canary documents in every classification and group, a caller of every
kind, and every read path of the HTTP API and the pages. Reusable by tests and benchmarks.

    with TestClient(app) as client:
        world = build_world(client, app.state.runtime, seed=7)
        report = Matrix(client, world).run()          # every family of paths, every caller
    print(report.summary())                           # "N attempts, 0 leaks"

or in one call: ``attempts, leaks = run_matrix(app)``.

*Canaries* are unique tokens ("KANARIE-" and ten upper-case letters and digits) written into the title,
text, URL, file name and consultations of each document, into each collection's description, into
prompts and into conversations. Each has a *scope* (the collection, prompt or conversation it lives in),
and who may read that scope is derived here from the documented rules alone (``may_read_collection``,
``may_read_prompt``), never from the product's ``access_sql``.

A *leak* is any of:
- a response (JSON, HTML or Server-Sent Events) containing a canary the caller may not read;
- a search result, citation, chunk or listed document of a collection the caller may not read;
- a count (``total``, collection counts, /healthz) that differs from the number of readable documents,
  or a collection listed that the caller may not read;
- an error that tells a forbidden object apart from a missing one (status, headers or body other than
  the echoed id);
- a rejected credential (bad, revoked or disabled token; a cookie request without CSRF token for a
  change) that gets anything but its 401/403.

Queries that name a canary send it lower-case and with a space ("kanarie q7xk2m9pla"): the analyser
finds the same terms, but the echo of the query in a response never matches the canary, which is
searched for case-sensitively in its upper-case form. Every HTTP request is one *attempt*. A *miss* is
an allowed canary that was not found where it should be: misses do not leak anything, but a matrix
with misses proves nothing, so the tests fail on them too.

Families of paths (``Matrix.FAMILIES``), each run for every caller:
- static: /, /widget.js, /openapi.json, /docs, GET /api/v1/session;
- counts: /api/v1/collections (names, counts), /healthz (documents), /api/v1/me;
- documents: /api/v1/documents (list, ``total``, type filters), /document, /document/chunks,
  /document/consultations for every canary and hidden document, odd spellings of forbidden ids;
- chunks: /api/v1/chunks/{id} for every id from 0 to past the largest (ids are guessable);
- search: /api/v1/search in every mode, naming forbidden canaries and their words, with SQL-path filters,
  ``collection`` filters naming forbidden collections (compared with a missing one), organisation filters;
- pages: the server-rendered /suche;
- staff_pages: the server-rendered staff area /intern (its pages, the document list of every collection);
- ask: /api/v1/ask, public and internal, JSON and Server-Sent Events, with ``document_ids`` naming
  forbidden documents (citations, the ``sources`` event and the follow-up notices included: the public
  canary paper names every other canary document as its follow-up);
- workspace: prompts (list, get, versions, render) and conversations (list, get, continue, rename) of
  other people;
- errors: uploads into and removals from forbidden collections, compared with missing ones;
- coverage: /healthz's ``vector_coverage`` (one hidden document is stored without vectors);
- scores: a differential probe — do search scores move when a hidden document is added?

Callers marked ``light`` (their rights equal those of a caller with a full run) and callers refused at
the door try fewer repetitions of each path; ``Matrix(thorough=True)`` tries everything (slow).
"""

from __future__ import annotations

import json
import random
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus, urlencode

TOKEN_PREFIX = "KANARIE-"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MODES = ("hybrid", "lexical", "dense")
BROAD_QUERY = "Prüfvermerk Kanarienprüfung Zugriffsrechte"  # words every canary document shares
PASSWORD = "ein langes Kanarien-Passwort 42"

# Org units: A with a sub-unit, its parent, and B beside A.
PARENT = "stadt"
A = "stadt/dezernat-1"
A_SUB = "stadt/dezernat-1/amt-11"
B = "stadt/dezernat-2"
GROUPS = (PARENT, A, A_SUB, B)

OWNER = "olga"  # the owner of the personal collection
PERSONAL = f"~{OWNER}"


@dataclass(frozen=True)
class CollectionSpec:
    key: str
    name: str
    classification: str
    groups: tuple[str, ...] = ()
    public: bool = False
    documents: int = 2


COLLECTIONS: tuple[CollectionSpec, ...] = (
    CollectionSpec("offen_public", "kanarie-offen-publik", "offen", public=True),
    CollectionSpec("offen_unpublished", "kanarie-offen-unveroeffentlicht", "offen"),
    CollectionSpec("offen_public_group_b", "kanarie-offen-publik-gruppe-b", "offen", (B,), public=True),
    CollectionSpec("intern_all", "kanarie-intern-alle", "intern"),
    CollectionSpec("intern_a", "kanarie-intern-a", "intern", (A,)),
    CollectionSpec("intern_a_sub", "kanarie-intern-a-sub", "intern", (A_SUB,)),
    CollectionSpec("vertraulich_parent", "kanarie-vertraulich-stadt", "vertraulich", (PARENT,)),
    CollectionSpec("vertraulich_a", "kanarie-vertraulich-a", "vertraulich", (A,)),
    CollectionSpec("vertraulich_a_sub", "kanarie-vertraulich-a-sub", "vertraulich", (A_SUB,)),
    CollectionSpec("vertraulich_b", "kanarie-vertraulich-b", "vertraulich", (B,)),
    CollectionSpec("vertraulich_a_or_b", "kanarie-vertraulich-a-oder-b", "vertraulich", (A, B)),
    # nobody but the operator reads it; its third document gets no vectors (see the coverage family)
    CollectionSpec("vertraulich_nobody", "kanarie-vertraulich-niemand", "vertraulich", documents=3),
    # created by its owner's upload (POST /api/v1/my/documents), not by the store
    CollectionSpec("personal", PERSONAL, "vertraulich", (f"~{OWNER}",)),
)

SUBJECTS = ("Mühlbachbrücke", "Streuobstwiese", "Glockenturm", "Skateranlage", "Bücherbus", "Hochwassermauer",
            "Trinkbrunnen", "Fahrradgarage", "Jugendzeltplatz", "Seniorentreff", "Kunstrasen", "Friedhofskapelle",
            "Wetterstation", "Bootsanleger", "Waldkindergarten", "Sternwarte", "Eisstockbahn", "Imkerhaus",
            "Kneippbecken", "Rodelhang", "Tierheim", "Stadtarchiv", "Wochenmarkthalle", "Bolzplatz",
            "Heimatmuseum", "Minigolfanlage", "Sprungturm", "Orgelempore")


# -- the rules, written down independently of the product ----------------------------------------------
@dataclass(frozen=True)
class Viewer:
    """Whom the server should see. ``kind``: anonymous, user, or rejected (then ``status`` is the answer
    the request must get: 401 for bad credentials, 403 for a cookie without its CSRF token)."""

    kind: str
    user: str | None = None
    groups: tuple[str, ...] = ()
    status: int = 0


ANONYMOUS = Viewer("anonymous")


def expand(groups: Iterable[str]) -> set[str]:
    """A member of stadt/a/b holds stadt/a/b, stadt/a and stadt."""
    out: set[str] = set()
    for group in groups:
        parts = [p for p in group.strip("/").split("/") if p]
        out.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


def may_read_collection(viewer: Viewer, classification: str, public: bool, granted: Iterable[str]) -> bool:
    """Anonymous: offen and published. Staff: every offen collection; intern without groups or with one of
    theirs; vertraulich only with one of theirs. A person's own group "~name" grants their personal
    collection. The role never matters."""
    if viewer.kind == "anonymous":
        return classification == "offen" and public
    if viewer.kind != "user":
        return False
    if classification == "offen":
        return True
    granted = {g.strip("/") for g in granted}
    mine = expand(viewer.groups) | {f"~{viewer.user}"}
    if classification == "intern":
        return not granted or bool(granted & mine)
    return bool(granted & mine)


def may_read_prompt(viewer: Viewer, owner_kind: str, owner: str, shared_with: Iterable[str]) -> bool:
    """The owner; members of the owning unit and of the units it is shared with, and of every unit below."""
    if viewer.kind != "user":
        return False
    if owner_kind == "system" or (owner_kind == "user" and owner == viewer.user):
        return True
    units = ([owner] if owner_kind == "group" else []) + list(shared_with)
    return any(g == u or g.startswith(u + "/") for u in units for g in viewer.groups)


# -- what the store holds, read from its tables ------------------------------------------------------
@dataclass
class Snapshot:
    """Every collection, document, chunk and vector of the store, read with plain SQL (no access rule)."""

    collections: dict[str, tuple[str, bool, tuple[str, ...]]]  # name -> (classification, public, groups)
    documents: dict[str, tuple[str, str]]  # id -> (collection, type)
    chunks: dict[int, str]  # chunk id -> document id
    vectors: set[int]

    @classmethod
    def read(cls, store: Any) -> Snapshot:
        # Through the store's own connection: a second SQLite library in the process (the standard
        # library's sqlite3 beside pysqlite3) would share POSIX locks on the file and can corrupt it.
        conn = store._conn()
        conn.execute("BEGIN")  # one consistent read
        try:
            groups: dict[str, list[str]] = {}
            for name, grp in conn.execute("SELECT collection, grp FROM collection_groups"):
                groups.setdefault(name, []).append(grp)
            collections = {name: (cls_, bool(public), tuple(sorted(groups.get(name, ()))))
                           for name, cls_, public in conn.execute(
                               "SELECT name, classification, public FROM collections")}
            documents = {i: (c, t) for i, c, t in conn.execute("SELECT id, collection, type FROM documents")}
            chunks = {i: d for i, d in conn.execute("SELECT id, document_id FROM chunks")}
            vectors = {i for (i,) in conn.execute("SELECT chunk_id FROM chunk_vectors")}
        finally:
            conn.execute("COMMIT")
        return cls(collections, documents, chunks, vectors)

    def may_read(self, viewer: Viewer, collection: str) -> bool:
        if collection not in self.collections:
            return False
        classification, public, groups = self.collections[collection]
        return may_read_collection(viewer, classification, public, groups)

    def readable_collections(self, viewer: Viewer) -> set[str]:
        return {c for c in self.collections if self.may_read(viewer, c)}

    def readable_documents(self, viewer: Viewer, type_: str | None = None) -> set[str]:
        names = self.readable_collections(viewer)
        return {d for d, (c, t) in self.documents.items() if c in names and (type_ is None or t == type_)}

    def readable_chunks(self, viewer: Viewer) -> set[int]:
        docs = self.readable_documents(viewer)
        return {c for c, d in self.chunks.items() if d in docs}


# -- canaries, callers, the world ----------------------------------------------------------------------
@dataclass
class CanaryDoc:
    key: str  # "vertraulich_a/0"
    id: str
    collection: str
    token: str
    subject: str
    number: str
    type: str

    @property
    def question(self) -> str:
        return f"Wie viel Euro veranschlagt die Stadt im Haushaltsjahr 2025 für das Vorhaben {self.subject}?"

    @property
    def words(self) -> str:
        return f"Vorhaben {self.subject}"

    @property
    def token_query(self) -> str:
        return token_query(self.token)


@dataclass
class Canary:
    token: str
    label: str
    scope: str  # collection | prompt | conversation
    collection: str | None = None
    prompt: tuple[str, str, tuple[str, ...]] | None = None  # (owner kind, owner, shared with)
    owner: str | None = None  # of a conversation


@dataclass
class Caller:
    name: str
    description: str
    headers: dict[str, str]
    viewer: Viewer  # for GET
    unsafe_viewer: Viewer  # for POST, PUT, PATCH, DELETE
    csrf: str | None = None  # sent as X-CSRF-Token with every change
    light: bool = False  # reads like a caller with a full run: fewer repetitions of each path (Matrix.few)

    def view(self, method: str) -> Viewer:
        return self.viewer if method in SAFE_METHODS else self.unsafe_viewer


@dataclass
class World:
    store: Any
    runtime: Any
    docs: list[CanaryDoc]
    canaries: dict[str, Canary]  # token body (after "KANARIE-") -> canary
    callers: list[Caller]
    prompts: dict[int, Canary]
    conversations: dict[str, str]  # conversation id -> owner
    snapshot: Snapshot = field(init=False)
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.snapshot = Snapshot.read(self.store)
        self.pattern = re.compile("|".join(sorted(self.canaries)))

    def caller(self, name: str) -> Caller:
        return next(c for c in self.callers if c.name == name)

    def may_read(self, viewer: Viewer, canary: Canary) -> bool:
        if canary.scope == "collection":
            return self.snapshot.may_read(viewer, canary.collection or "")
        if canary.scope == "prompt":
            kind, owner, shared = canary.prompt or ("user", "", ())
            return may_read_prompt(viewer, kind, owner, shared)
        return viewer.kind == "user" and viewer.user == canary.owner

    def primary_docs(self) -> list[CanaryDoc]:
        """The first document of every canary collection."""
        return [d for d in self.docs if d.key.endswith("/0")]

    def docs_of(self, collection: str) -> list[CanaryDoc]:
        return [d for d in self.docs if d.collection == collection]


def token_query(token: str) -> str:
    """How a query names a canary without echoing it: lower case, a space instead of the hyphen."""
    return token.replace("-", " ").lower()


def new_token(rng: random.Random, taken: set[str]) -> str:
    while True:
        body = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(10))
        if sum(ch.isalpha() for ch in body) >= 4 and body not in taken:
            taken.add(body)
            return TOKEN_PREFIX + body


def body_of(token: str) -> str:
    return token.removeprefix(TOKEN_PREFIX)


def canary_text(subject: str, token: str, number: str) -> str:
    return (f"Vorhaben {subject}\n\nPrüfvermerk {token}: Für das Vorhaben {subject} veranschlagt die Stadt "
            f"Musterstadt im Haushaltsjahr 2025 insgesamt {number} Euro.\n\nDie Kanarienprüfung der "
            "Zugriffsrechte betrifft nur diesen Vorgang; er wird im Fachamt bearbeitet und danach archiviert.")


def build_world(client: Any, runtime: Any, *, seed: int | None = None) -> World:
    """Groups, users, tokens, sessions, canary collections, documents, prompts and conversations.

    ``client`` is a TestClient of the app over ``runtime`` (uploads, prompts, sign-ins and the seed
    conversations go through the HTTP API). ``seed=None`` draws fresh random canaries."""
    from rathaus.documents import Collection, Document, Passage
    from rathaus.embed.worker import embed_missing
    from rathaus.ingest.chunk import chunk_document

    rng: random.Random = random.Random(seed) if seed is not None else random.SystemRandom()
    taken: set[str] = set()
    store, accounts = runtime.store, runtime.accounts
    canaries: dict[str, Canary] = {}

    def canary(label: str, scope: str, **kw: Any) -> str:
        token = new_token(rng, taken)
        canaries[body_of(token)] = Canary(token, label, scope, **kw)
        return token

    # org units and people
    for group in GROUPS:
        if group not in {g for g, _, _ in accounts.groups()}:
            accounts.add_group(group)
    people = {  # name: (role, groups, password)
        "anna": ("user", (A,), None), "sven": ("user", (A_SUB,), None), "paul": ("user", (PARENT,), None),
        "bert": ("user", (B,), None), "nora": ("user", (), None), "adam": ("admin", (), None),
        "cora": ("curator", (B,), None), OWNER: ("user", (), None), "otto": ("user", (A_SUB, B), None),
        "rita": ("user", (A,), None), "dieter": ("admin", (A, B), None), "gert": ("curator", (B,), None),
        "susi": ("user", (A_SUB,), PASSWORD), "dora": ("user", (A,), PASSWORD),
    }
    for name, (role, groups, password) in people.items():
        accounts.add_user(name, password, role=role, groups=list(groups))
    tokens = {name: accounts.create_token(name, "Kanarien-Matrix") for name in people if name not in ("susi", "dora")}

    def bearer(name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[name]}"}

    def user(name: str, groups: tuple[str, ...] | None = None) -> Viewer:
        return Viewer("user", name, people[name][1] if groups is None else groups)

    # collections and documents, through the store as the sources write them
    docs: list[CanaryDoc] = []
    subjects = list(SUBJECTS)
    rng.shuffle(subjects)
    numbers: set[str] = set()
    for spec in COLLECTIONS:
        if spec.key == "personal":
            continue
        description = f"Kanarien-Sammlung {canary(f'{spec.key} (collection description)', 'collection', collection=spec.name)}"
        store.ensure_collection(Collection(spec.name, spec.classification, spec.groups, description, spec.public))
        for i in range(spec.documents):
            docs.append(_canary_doc(spec, i, subjects.pop(), rng, numbers, canary))
    newest = max(d.key for d in docs if d.key.startswith("vertraulich_nobody/"))
    others = [d.id for d in docs if d.key != "offen_public/0"]
    for doc in docs:
        if doc.key == newest:
            continue  # stored after the vectors below, so it has none
        document = _document(doc, others if doc.key == "offen_public/0" else [], Document, Passage)
        store.upsert_document(document, chunk_document(document))
    # the personal collection, through its owner's upload
    spec = next(s for s in COLLECTIONS if s.key == "personal")
    files = []
    for i in range(spec.documents):
        doc = _canary_doc(spec, i, subjects.pop(), rng, numbers, canary)
        name = f"vorhaben-{i}.md"
        doc.id = f"file:{PERSONAL}/{name}"
        files.append(("file", (name, f"# Vorhaben {doc.subject} – Prüfvermerk {doc.token}\n\n"
                                     f"{canary_text(doc.subject, doc.token, doc.number)}\n".encode())))
        docs.append(doc)
    r = client.post("/api/v1/my/documents", headers=bearer(OWNER), files=files)
    assert r.status_code == 201, r.text
    assert {d["document_id"] for d in r.json()["documents"]} == {d.id for d in docs if d.collection == PERSONAL}
    embed_missing(store, runtime.embedder, scope="all")
    document = _document(next(d for d in docs if d.key == newest), [], Document, Passage)
    store.upsert_document(document, chunk_document(document))

    # callers
    def session(name: str) -> tuple[str, str]:
        r = client.post("/api/v1/session", json={"name": name, "password": PASSWORD})
        assert r.status_code == 200, r.text
        cookie = r.cookies.get("rathaus_session")
        client.cookies.clear()  # the shared client carries no cookie; callers send theirs as a header
        return cookie, r.json()["csrf_token"]

    susi_cookie, susi_csrf = session("susi")
    susi_cookie_2, _ = session("susi")
    dora_cookie, _ = session("dora")
    accounts.revoke_token(next(t.id for t in accounts.tokens("rita")))
    accounts.set_disabled("dieter")
    accounts.set_disabled("dora")
    accounts.set_groups("gert", [])
    bad = "rth_" + "".join(rng.choice(string.ascii_letters) for _ in range(43))
    cookie = "rathaus_session={}"
    e401, e403 = Viewer("rejected", status=401), Viewer("rejected", status=403)

    def signed_in(name: str, description: str, light: bool = False) -> Caller:
        return Caller(name, description, bearer(name), user(name), user(name), light=light)

    callers = [
        Caller("anonymous", "no credentials", {}, ANONYMOUS, ANONYMOUS),
        Caller("bad_token", "a token that was never issued", {"Authorization": f"Bearer {bad}"}, e401, e401),
        Caller("not_bearer", "Basic instead of Bearer", {"Authorization": "Basic YW5uYTpnZWhlaW0="}, e401, e401),
        Caller("revoked_token", f"rita ({A}), her token revoked", bearer("rita"), e401, e401),
        Caller("disabled_user", f"dieter (admin, {A} and {B}), disabled", bearer("dieter"), e401, e401),
        Caller("moved_user", f"gert (curator), removed from {B} after his token was issued", bearer("gert"),
               user("gert", ()), user("gert", ()), light=True),
        signed_in("anna", f"user in A ({A})"),
        signed_in("sven", f"user in a sub-unit of A ({A_SUB})"),
        signed_in("paul", f"user in the parent of A ({PARENT})"),
        signed_in("bert", f"user in B ({B})"),
        signed_in("nora", "user in no group"),
        signed_in("adam", "admin in no group (reads like nora)", light=True),
        signed_in("cora", f"curator in B ({B}) (reads like bert)", light=True),
        signed_in(OWNER, "owner of the personal collection, in no group"),
        signed_in("otto", f"another user, in {A_SUB} and {B} (reads everything but {PERSONAL})"),
        Caller("session_csrf", f"susi ({A_SUB}), session cookie with X-CSRF-Token",
               {"Cookie": cookie.format(susi_cookie)}, user("susi"), user("susi"), csrf=susi_csrf, light=True),
        Caller("session_no_csrf", f"susi ({A_SUB}), session cookie without X-CSRF-Token",
               {"Cookie": cookie.format(susi_cookie_2)}, user("susi"), e403, light=True),
        Caller("stale_cookie", "a session cookie that was never issued",
               {"Cookie": cookie.format("".join(rng.choice(string.ascii_letters) for _ in range(43)))},
               ANONYMOUS, ANONYMOUS, light=True),
        Caller("disabled_session", f"dora ({A}), signed in, then disabled", {"Cookie": cookie.format(dora_cookie)},
               ANONYMOUS, ANONYMOUS, light=True),
        Caller("cookie_and_bad_token", "susi's live cookie plus a bad Bearer token",
               {"Cookie": cookie.format(susi_cookie), "Authorization": f"Bearer {bad}"}, e401, e401),
    ]

    # prompts, through the API
    prompts: dict[int, Canary] = {}
    for author, owner_group, shared in ((OWNER, None, ()), ("anna", A, ()), ("bert", None, (A_SUB,)),
                                         ("cora", B, (PARENT,))):
        kind, owner = ("group", owner_group) if owner_group else ("user", author)
        token = canary(f"prompt of {owner} shared with {list(shared)}", "prompt", prompt=(kind, owner, shared))
        r = client.post("/api/v1/prompts", headers=bearer(author),
                        json={"title": f"Kanarien-Vorlage {token}", "body": f"Bitte prüfen: {token}",
                              "description": f"Vermerk {token}", "owner_group": owner_group,
                              "shared_with": list(shared)})
        assert r.status_code == 201, r.text
        prompts[r.json()["id"]] = canaries[body_of(token)]

    # conversations with the internal assistant: the question carries a canary of its own
    conversations: dict[str, str] = {}
    for owner, doc in ((OWNER, next(d for d in docs if d.key == "personal/0")),
                       ("anna", next(d for d in docs if d.key == "vertraulich_a/0"))):
        token = canary(f"conversation of {owner}", "conversation", owner=owner)
        r = client.post("/api/v1/ask", headers=bearer(owner),
                        json={"question": f"{token}: {doc.question}", "assistant": "internal"})
        assert r.status_code == 200, r.text
        assert doc.token in r.text, f"the seed conversation of {owner} does not quote its canary: {r.text}"
        conversations[r.json()["conversation_id"]] = owner

    return World(store, runtime, docs, canaries, callers, prompts, conversations)


def _canary_doc(spec: CollectionSpec, i: int, subject: str, rng: random.Random, numbers: set[str],
                canary: Callable[..., str]) -> CanaryDoc:
    while (number := f"{rng.randint(101, 989)}.{rng.randint(100, 999)}") in numbers:
        pass
    numbers.add(number)
    key = f"{spec.key}/{i}"
    token = canary(f"{key} in {spec.name} ({spec.classification}, groups {list(spec.groups)}, "
                   f"{'public' if spec.public else 'not public'})", "collection", collection=spec.name)
    return CanaryDoc(key, f"kanarie:{key}", spec.name, token, subject, number, "Paper" if i == 0 else "Meeting")


def _document(doc: CanaryDoc, later: list[str], Document: Any, Passage: Any) -> Any:
    # Dates: the public paper is the oldest and names every other canary document as its follow-up;
    # the nobody-may-read documents are the newest, so a follow-up notice would pick them first.
    if doc.key == "offen_public/0":
        date = "2023-01-10"
    elif doc.key.startswith("vertraulich_nobody/"):
        date = f"2025-06-{10 + int(doc.key[-1]):02d}"
    else:
        date = f"2024-{1 + sum(map(ord, doc.key)) % 12:02d}-{1 + len(doc.key) % 27:02d}"
    metadata: dict[str, Any] = {}
    if doc.type == "Paper":
        metadata["consultations"] = [{"organizations": [f"Fachausschuss {doc.subject}"], "role": "Beratung",
                                      "meeting_name": f"Beratung {doc.token}", "meeting_date": date,
                                      "agenda_item_name": f"Vorhaben {doc.subject} ({doc.token})",
                                      "result": "zur Kenntnis genommen"}]
    if later:
        metadata["subordinatedPaper"] = later
    return Document(
        id=doc.id, collection=doc.collection, type=doc.type, title=f"Vorhaben {doc.subject} – Prüfvermerk {doc.token}",
        reference=f"KV/{doc.token}", date=date, organizations=[f"Fachamt {doc.subject}"],
        web_url=f"https://intranet.musterstadt.de/kanarie/{doc.token}", metadata=metadata,
        result="zur Kenntnis genommen" if doc.type == "Paper" else None,
        passages=[Passage(canary_text(doc.subject, doc.token, doc.number), page=1,
                          file_id=f"{doc.id}#datei", file_name=f"Vermerk {doc.token}.pdf")])


# -- the matrix --------------------------------------------------------------------------------------
@dataclass
class Report:
    attempts: int = 0
    leaks: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    by_family: Counter[str] = field(default_factory=Counter)

    def add(self, other: Report) -> None:
        self.attempts += other.attempts
        self.leaks += other.leaks
        self.misses += other.misses
        self.by_family.update(other.by_family)

    def summary(self) -> str:
        return f"{self.attempts} attempts, {len(self.leaks)} leaks"

    def details(self, limit: int = 60) -> str:
        lines = [self.summary() + (f", {len(self.misses)} misses" if self.misses else "")]
        lines += [f"LEAK {x}" for x in self.leaks[:limit]]
        lines += [f"MISS {x}" for x in self.misses[:limit]]
        if len(self.leaks) > limit or len(self.misses) > limit:
            lines.append("…")
        return "\n".join(lines)


class Matrix:
    """Every family of read paths for every caller of ``world``, against one client."""

    FAMILIES = ("static", "counts", "documents", "chunks", "search", "pages", "staff_pages", "ask", "workspace",
                "errors", "coverage", "scores")
    STAFF_PAGES = ("/intern", "/intern/dokumente", "/intern/vorlagen", "/intern/konto", "/intern/verwaltung",
                   "/intern/werkzeuge", "/intern/anmelden")

    def __init__(self, client: Any, world: World, *, label: str = "", thorough: bool = False,
                 light: bool = False) -> None:
        """``thorough``: every repetition for every caller (slow); ``light``: every caller light (a second
        pass over another store configuration)."""
        self.client = client
        self.world = world
        self.label = label
        self.thorough = thorough
        self.light = light
        self.report = Report()
        self.family = ""
        self.rng = random.Random(0)

    # -- running ---------------------------------------------------------------------------------
    def run(self, families: Sequence[str] | None = None) -> Report:
        total = Report()
        for name in families or self.FAMILIES:
            total.add(self.run_family(name))
        return total

    def run_family(self, name: str) -> Report:
        if name not in self.FAMILIES:
            raise ValueError(f"unknown family {name!r}; known: {', '.join(self.FAMILIES)}")
        self.report, self.family = Report(), name
        self.world.refresh()
        for caller in self.world.callers:
            getattr(self, f"_{name}")(caller)
        if name == "scores":
            self._score_side_channel()
        return self.report

    # -- bookkeeping -----------------------------------------------------------------------------
    def leak(self, caller: Caller | str, where: str, what: str) -> None:
        name = caller.name if isinstance(caller, Caller) else caller
        self.report.leaks.append(f"[{self.family}{'/' + self.label if self.label else ''}] {name}: {where} -> {what}")

    def miss(self, caller: Caller, where: str, what: str) -> None:
        self.report.misses.append(f"[{self.family}{'/' + self.label if self.label else ''}] {caller.name}: "
                                  f"{where} -> {what}")

    def request(self, caller: Caller, method: str, path: str, *, params: Any = None, json_body: Any = None,
                files: Any = None, headers: dict[str, str] | None = None, viewer: Viewer | None = None,
                static: bool = False) -> tuple[Any, str, set[str]]:
        """One attempt. Returns the response, its label and the canaries (token bodies) it holds; every
        canary ``viewer`` (default: the caller's) may not read is a leak, and so is any success of a
        rejected caller outside ``static`` paths."""
        sent = dict(caller.headers)
        if method not in SAFE_METHODS and caller.csrf:
            sent["X-CSRF-Token"] = caller.csrf
        sent.update(headers or {})
        response = self.client.request(method, path, params=params, json=json_body, files=files, headers=sent)
        self.report.attempts += 1
        self.report.by_family[self.family] += 1
        label = f"{method} {path}" + (f"?{urlencode(params, doseq=True)}" if params else "")
        if json_body is not None:
            label += " " + json.dumps(json_body, ensure_ascii=False)
        label = label if len(label) <= 240 else label[:237] + "…"
        viewer = viewer or caller.view(method)
        found = set(self.world.pattern.findall(response.text))
        for body in sorted(found):
            canary = self.world.canaries[body]
            if not self.world.may_read(viewer, canary):
                self.leak(caller, f"{label} [{response.status_code}]", f"canary {canary.token} of {canary.label}")
        if viewer.kind == "rejected" and not static and response.status_code != viewer.status:
            self.leak(caller, label, f"answered {response.status_code}, expected {viewer.status}")
        return response, label, found

    def same_as_missing(self, caller: Caller, label: str, got: Any, got_id: str | int, missing: Any,
                        missing_id: str | int) -> None:
        """A forbidden object must answer exactly like a missing one, but for the echoed id."""
        def norm(text: str, ident: str | int) -> str:
            """The echoed id as <ID>, in every spelling, but not inside a longer name ("a" in "a-sub")."""
            forms = {str(ident), json.dumps(str(ident))[1:-1], quote(str(ident), safe=""), quote_plus(str(ident))}
            for form in sorted(forms, key=len, reverse=True):
                text = re.sub(rf"(?<![\w.~%-]){re.escape(form)}(?![\w.~%-])", "<ID>", text)
            return text

        def diff(a: str, b: str) -> str:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            return f"at {at}: {a[max(0, at - 80):at + 80]!r} vs {b[max(0, at - 80):at + 80]!r}"

        def names(r: Any) -> list[str]:
            return sorted(k.lower() for k in r.headers if k.lower() not in ("content-length", "date"))

        problems = []
        if got.status_code != missing.status_code:
            problems.append(f"status {got.status_code} vs {missing.status_code} for a missing id")
        if got.headers.get("content-type") != missing.headers.get("content-type"):
            problems.append(f"content-type {got.headers.get('content-type')} vs {missing.headers.get('content-type')}")
        if names(got) != names(missing):
            problems.append(f"headers {names(got)} vs {names(missing)}")
        a, b = norm(got.text, got_id), norm(missing.text, missing_id)
        if a != b:
            problems.append(f"body {diff(a, b)}")
        if problems:
            self.leak(caller, label, "distinguishable from a missing id: " + "; ".join(problems))

    def viewer_of(self, caller: Caller, method: str = "GET", *, staff_only: bool = False,
                  public_assistant: bool = False) -> Viewer:
        viewer = caller.view(method)
        if viewer.kind == "anonymous" and staff_only:
            return Viewer("rejected", status=401)
        if viewer.kind == "user" and public_assistant:
            return ANONYMOUS  # a public assistant reads as a citizen, whoever asks
        return viewer

    def few(self, caller: Caller, items: Iterable[Any], method: str = "GET") -> list[Any]:
        """The items to try. Unless the matrix is thorough: only the first for a caller refused at the door
        (every request gets the same 401/403), every fourth for a ``light`` caller (one whose rights
        another caller's full run already pins down)."""
        items = list(items)
        if self.thorough:
            return items
        if caller.view(method).kind == "rejected":
            return items[:1]
        return items[::4] if caller.light or self.light else items

    def canary_for(self, doc_id: str) -> CanaryDoc | None:
        return next((d for d in self.world.docs if d.id == doc_id), None)

    # -- families --------------------------------------------------------------------------------
    def _static(self, caller: Caller) -> None:
        for path in ("/", "/?lang=en", "/widget.js", "/openapi.json", "/docs"):
            self.request(caller, "GET", path, static=True)
        self.request(caller, "GET", "/api/v1/session", viewer=self.viewer_of(caller, staff_only=True))

    def _counts(self, caller: Caller) -> None:
        snap, viewer = self.world.snapshot, caller.viewer
        readable = snap.readable_collections(viewer)
        r, label, _ = self.request(caller, "GET", "/api/v1/collections")
        if viewer.kind != "rejected":
            listed = {c["name"]: c for c in r.json()["collections"]}
            for name in sorted(set(listed) - readable):
                self.leak(caller, label, f"lists collection {name!r}")
            for name in sorted(readable - set(listed)):
                self.miss(caller, label, f"collection {name!r} not listed")
            for name in sorted(set(listed) & readable):
                want = sum(1 for c, _ in snap.documents.values() if c == name)
                if listed[name]["documents"] != want:
                    self.leak(caller, label, f"{name!r} counts {listed[name]['documents']} documents, "
                                             f"the caller may read {want}")
        r, label, _ = self.request(caller, "GET", "/healthz")
        if viewer.kind != "rejected":
            want = len(snap.readable_documents(viewer))
            if r.json()["documents"] != want:
                self.leak(caller, label, f"documents {r.json()['documents']}, the caller may read {want}")
        me_viewer = self.viewer_of(caller, staff_only=True)
        r, label, _ = self.request(caller, "GET", "/api/v1/me", viewer=me_viewer)
        if me_viewer.kind == "user":
            listed = {c["name"] for c in r.json()["collections"]}
            for name in sorted(listed - readable):
                self.leak(caller, label, f"lists collection {name!r}")
            for name in sorted(readable - listed):
                self.miss(caller, label, f"collection {name!r} not listed")

    def _documents(self, caller: Caller) -> None:
        snap, viewer = self.world.snapshot, caller.viewer
        for type_ in self.few(caller, (None, "Paper", "Meeting", "Document")):
            params: dict[str, Any] = {"limit": 200} | ({"type": type_} if type_ else {})
            r, label, _ = self.request(caller, "GET", "/api/v1/documents", params=params)
            if viewer.kind == "rejected":
                continue
            want = snap.readable_documents(viewer, type_)
            body = r.json()
            listed = {d["id"] for d in body["documents"]}
            if body["total"] != len(want):
                self.leak(caller, label, f"total {body['total']}, the caller may read {len(want)}")
            for doc_id in sorted(listed - want):
                self.leak(caller, label, f"lists {doc_id} of {snap.documents.get(doc_id, ('?',))[0]!r}")
            for doc_id in sorted(want - listed):
                self.miss(caller, label, f"{doc_id} not listed")
        missing_id = f"kanarie:gibt-es-nicht/{self.rng.randrange(10**9)}"
        endpoints = ("/api/v1/document", "/api/v1/document/chunks", "/api/v1/document/consultations")
        baseline = {ep: self.request(caller, "GET", ep, params={"id": missing_id})[0] for ep in endpoints}
        readable = snap.readable_documents(viewer)
        # every canary and every document not all may read; the public background only when thorough
        public = snap.readable_documents(ANONYMOUS) - {d.id for d in self.world.docs}
        primary = {d.id for d in self.world.primary_docs()} | (set(snap.documents) - public - {d.id for d in
                                                                                             self.world.docs})
        targets = sorted(snap.documents) if self.thorough else [d for d in sorted(snap.documents) if d in primary]
        variants_left, readable_left = 1, 1
        for doc_id in self.few(caller, targets):
            canary = self.canary_for(doc_id)
            # a readable document: all three endpoints once, then the document itself (unless thorough)
            full = self.thorough or doc_id not in readable or readable_left
            readable_left -= doc_id in readable and readable_left > 0
            for ep in endpoints if full else endpoints[:1]:
                r, label, found = self.request(caller, "GET", ep, params={"id": doc_id})
                if viewer.kind == "rejected":
                    continue
                if doc_id in readable:
                    if r.status_code != 200:
                        self.miss(caller, label, f"status {r.status_code} for a readable document")
                    elif canary and body_of(canary.token) not in found:
                        self.miss(caller, label, f"canary {canary.token} not in the response")
                else:
                    self.same_as_missing(caller, label, r, doc_id, baseline[ep], missing_id)
            if doc_id in readable or viewer.kind == "rejected" or doc_id not in primary:
                continue
            variants = [doc_id.upper(), f" {doc_id}", f"{doc_id} ", f"{doc_id}%", doc_id.replace("/", "%2F")]
            if not self.thorough:  # the upper-case form of each; the padded forms once
                variants = variants[:1] + (variants[1:3] if variants_left else [])
                variants_left = 0
            for variant in variants:
                r, label, _ = self.request(caller, "GET", endpoints[0], params={"id": variant})
                self.same_as_missing(caller, label, r, variant, baseline[endpoints[0]], missing_id)

    def _chunks(self, caller: Caller) -> None:
        snap, viewer = self.world.snapshot, caller.viewer
        readable = snap.readable_chunks(viewer)
        top = max(snap.chunks, default=0)
        missing_id = top + 1000
        baseline, _, _ = self.request(caller, "GET", f"/api/v1/chunks/{missing_id}")
        canaries = {d.id for d in self.world.docs}
        everyone = snap.readable_chunks(ANONYMOUS)
        ids = [i for i in range(0, top + 3)  # ids are small integers: try them all (but the public background)
               if self.thorough or i not in everyone or snap.chunks[i] in canaries]
        for chunk_id in self.few(caller, ids):
            r, label, found = self.request(caller, "GET", f"/api/v1/chunks/{chunk_id}")
            if viewer.kind == "rejected":
                continue
            if chunk_id in readable:
                canary = self.canary_for(snap.chunks[chunk_id])
                if r.status_code != 200:
                    self.miss(caller, label, f"status {r.status_code} for a readable chunk")
                elif canary and body_of(canary.token) not in found:
                    self.miss(caller, label, f"canary {canary.token} not in the response")
            else:
                self.same_as_missing(caller, label, r, chunk_id, baseline, missing_id)

    def _check_results(self, caller: Caller, label: str, response: Any, viewer: Viewer) -> list[str]:
        """Search results: every document and passage must be readable. Returns the result ids."""
        if viewer.kind == "rejected" or response.status_code != 200:
            if viewer.kind != "rejected":
                self.miss(caller, label, f"status {response.status_code}")
            return []
        snap = self.world.snapshot
        docs, chunks = snap.readable_documents(viewer), snap.readable_chunks(viewer)
        ids = []
        for result in response.json()["results"]:
            ids.append(result["document_id"])
            if result["document_id"] not in docs:
                self.leak(caller, label, f"result {result['document_id']} of "
                                         f"{snap.documents.get(result['document_id'], ('?',))[0]!r}")
            for passage in result["passages"]:
                if passage["chunk_id"] not in chunks:
                    self.leak(caller, label, f"passage chunk {passage['chunk_id']}")
        return ids

    def search(self, caller: Caller, params: dict[str, Any], expect: Sequence[CanaryDoc] = ()) -> tuple[Any, list[str]]:
        """One search; ``expect``: canary documents it must find (with their canaries in the response)."""
        r, label, found = self.request(caller, "GET", "/api/v1/search", params={"limit": 50} | params)
        ids = self._check_results(caller, label, r, caller.viewer)
        if caller.viewer.kind != "rejected":
            for doc in expect:
                if doc.id not in ids:
                    self.miss(caller, label, f"{doc.key} not found")
                elif body_of(doc.token) not in found:
                    self.miss(caller, label, f"canary {doc.token} of {doc.key} not in the response")
        return r, ids

    def split(self, caller: Caller, docs: Iterable[CanaryDoc], viewer: Viewer | None = None
              ) -> tuple[list[CanaryDoc], list[CanaryDoc]]:
        """(readable, forbidden) canary documents for the caller."""
        readable = self.world.snapshot.readable_collections(viewer or caller.viewer)
        docs = list(docs)
        return [d for d in docs if d.collection in readable], [d for d in docs if d.collection not in readable]

    def _search(self, caller: Caller) -> None:
        world, snap = self.world, self.world.snapshot
        allowed, forbidden = self.split(caller, world.primary_docs())
        every_allowed, _ = self.split(caller, world.docs)
        queries: list[tuple[str, Sequence[CanaryDoc]]] = [(BROAD_QUERY, every_allowed)]
        for docs, expect in ((forbidden, False), (allowed, True)):
            if docs:  # one query naming every canary of the kind, one made of their ordinary words
                queries += [(" ".join(d.token_query for d in docs), docs if expect else ()),
                            (" ".join(d.words for d in docs), docs if expect else ())]
        if self.thorough:
            queries += [(q, [d] if d in allowed else []) for d in world.primary_docs() for q in (d.token_query, d.words)]
        for mode in self.few(caller, MODES):
            for q, expect in self.few(caller, queries):
                self.search(caller, {"q": q, "mode": mode, "limit": 100}, expect if mode != "dense" else ())
            # filters that take the SQL path (FTS5 / filtered vector search) instead of the memory indexes
            extras = [{"date_from": "2000-01-01"}, {"date_to": "2030-12-31", "type": "Meeting"}, {"type": "Paper"}]
            for extra in self.few(caller, extras if self.thorough else extras[:2]):
                self.search(caller, {"q": BROAD_QUERY, "mode": mode, "limit": 100} | extra)
        # naming one forbidden canary alone
        for doc in self.few(caller, forbidden):
            for mode in MODES if self.thorough else ("lexical",):
                self.search(caller, {"q": doc.token_query, "mode": mode})
        # a collection filter naming a forbidden collection answers like one naming no collection at all
        nowhere = f"kanarie-gibt-es-nicht-{self.rng.randrange(10**6)}"
        names = sorted(set(snap.collections) - snap.readable_collections(caller.viewer))
        for mode in self.few(caller, MODES):
            base, _ = self.search(caller, {"q": BROAD_QUERY, "mode": mode, "collection": [nowhere]})
            each = self.thorough or mode == "hybrid"
            for filter_ in self.few(caller, [[n] for n in names] if each else [names] if names else []):
                r, _ = self.search(caller, {"q": BROAD_QUERY, "mode": mode, "collection": filter_})
                if caller.viewer.kind != "rejected" and _without_timing(r) != _without_timing(base):
                    self.leak(caller, f"GET /api/v1/search collection={filter_} mode={mode}",
                              "differs from a filter naming a missing collection")
            if names and caller.viewer.kind != "rejected":
                self.search(caller, {"q": BROAD_QUERY, "mode": mode, "collection": names + sorted(
                    snap.readable_collections(caller.viewer))})
        for doc in self.few(caller, forbidden if self.thorough else forbidden[:3]):
            self.search(caller, {"q": doc.words, "mode": "hybrid", "organization": f"Fachamt {doc.subject}"})

    def _pages(self, caller: Caller) -> None:
        allowed, forbidden = self.split(caller, self.world.primary_docs())
        queries: list[tuple[dict[str, str], Sequence[CanaryDoc]]] = [
            ({"q": BROAD_QUERY}, ()), ({"q": BROAD_QUERY, "type": "Paper"}, ()), ({"q": BROAD_QUERY, "lang": "en"}, ())]
        if forbidden:
            queries += [({"q": " ".join(d.words for d in forbidden)}, ()),
                        ({"q": " ".join(d.token_query for d in forbidden)}, ())]
        if allowed:  # the page shows 20 results: at most 13 canaries are named
            queries += [({"q": " ".join(d.words for d in allowed)}, allowed)]
        if self.thorough:
            queries += [({"q": q}, [d] if d in allowed else []) for d in self.world.primary_docs()
                        for q in (d.words, d.token_query)]
        for params, expect in self.few(caller, queries):
            r, label, found = self.request(caller, "GET", "/suche", params=params)
            if caller.viewer.kind == "rejected":
                continue
            for doc in expect:
                if body_of(doc.token) not in found:
                    self.miss(caller, label, f"canary {doc.token} of {doc.key} not on the page")

    def _staff_pages(self, caller: Caller) -> None:
        """The server-rendered staff area (/intern): every page, and the document list of each collection.
        A page may redirect to the sign-in, so only canaries and the forbidden-versus-missing comparison
        count here, not the status."""
        viewer, snap = caller.viewer, self.world.snapshot
        for path in self.few(caller, self.STAFF_PAGES):
            self.request(caller, "GET", path, static=True)
        missing = f"kanarie-gibt-es-nicht-{self.rng.randrange(10**6)}"
        base, _, _ = self.request(caller, "GET", "/intern/dokumente", params={"sammlung": missing}, static=True)
        readable = snap.readable_collections(viewer)
        for name in self.few(caller, sorted(snap.collections)):
            r, label, found = self.request(caller, "GET", "/intern/dokumente", params={"sammlung": name},
                                           static=True)
            if viewer.kind == "user" and name in readable:
                docs = self.world.docs_of(name)
                if r.status_code == 200 and docs and not any(body_of(d.token) in found for d in docs):
                    self.miss(caller, label, f"no canary document of {name!r} on the page")
            elif viewer.kind == "user":
                self.same_as_missing(caller, label, r, name, base, missing)

    SAMPLE = ("offen_public/0", "offen_unpublished/0", "intern_a/0", "vertraulich_a_sub/0", "vertraulich_b/0",
              "personal/0")

    def _ask(self, caller: Caller) -> None:
        primary = self.world.primary_docs()
        sample = primary if self.thorough else [d for d in primary if d.key in self.SAMPLE]
        runs: list[tuple[CanaryDoc, str, bool, list[str] | None]] = []
        runs += [(d, "internal", False, None) for d in primary]
        runs += [(d, "internal", True, None) for d in sample]
        # the public assistant reads as a citizen whoever asks: a few questions per caller suffice
        runs += [(d, "public", False, None) for d in sample]
        runs += [(d, "public", True, None) for d in (sample if self.thorough else sample[::3])]
        # "only these documents", naming documents the caller may not read
        internal_view = self.viewer_of(caller, "POST", staff_only=True)
        _, forbidden = self.split(caller, primary, internal_view if internal_view.kind == "user" else ANONYMOUS)
        runs += [(d, "internal", False, [x.id for x in self.world.docs_of(d.collection)]) for d in forbidden]
        if forbidden:
            hidden = [x.id for d in forbidden for x in self.world.docs_of(d.collection)]
            runs += [(forbidden[0], "internal", True, hidden), (forbidden[-1], "public", False, hidden)]
        runs += [(d, "public", False, [x.id for x in self.world.docs_of(d.collection)])
                 for d in (sample if self.thorough else sample[1::2])]
        for doc, assistant, stream, ids in self.few(caller, runs, "POST"):
            self.ask(caller, doc, assistant, stream, ids)

    def ask(self, caller: Caller, doc: CanaryDoc, assistant: str, stream: bool, document_ids: list[str] | None,
            *, conversation_id: str | None = None) -> Any:
        viewer = self.viewer_of(caller, "POST", staff_only=assistant == "internal",
                                public_assistant=assistant == "public")
        body: dict[str, Any] = {"question": doc.question, "assistant": assistant}
        if document_ids:
            body["document_ids"] = document_ids
        if conversation_id:
            body["conversation_id"] = conversation_id
        headers = {"Accept": "text/event-stream"} if stream else None
        r, label, found = self.request(caller, "POST", "/api/v1/ask", json_body=body, headers=headers, viewer=viewer)
        if viewer.kind == "rejected" or conversation_id:
            return r
        if r.status_code != 200:
            self.miss(caller, label, f"status {r.status_code}")
            return r
        result = _sse_done(r.text) if stream else r.json()
        if result is None:
            self.miss(caller, label, "the stream has no done event")
            return r
        readable = self.world.snapshot.readable_documents(viewer)
        for citation in result["citations"]:
            if citation["document_id"] not in readable:
                self.leak(caller, label, f"cites {citation['document_id']}")
        if stream:
            for event in _sse_events(r.text):
                if event[0] == "sources" and not isinstance(event[1], list):
                    self.miss(caller, label, "the sources event is no list")
        if doc.id in readable and (result["refused"] or doc.number not in result["answer"]
                                   or body_of(doc.token) not in found):
            self.miss(caller, label, f"no answer quoting {doc.key} ({doc.number}, {doc.token})")
        return r

    def _workspace(self, caller: Caller) -> None:
        world = self.world
        viewer = self.viewer_of(caller, staff_only=True)
        for params in (None, {"q": "Kanarien"}):
            r, label, found = self.request(caller, "GET", "/api/v1/prompts", params=params, viewer=viewer)
            if viewer.kind == "user":
                for canary in world.prompts.values():
                    if world.may_read(viewer, canary) and body_of(canary.token) not in found:
                        self.miss(caller, label, f"prompt canary {canary.token} ({canary.label}) missing")
        missing = max(world.prompts) + 1000
        post_viewer = self.viewer_of(caller, "POST", staff_only=True)
        base = {
            "get": self.request(caller, "GET", f"/api/v1/prompts/{missing}", viewer=viewer)[0],
            "versions": self.request(caller, "GET", f"/api/v1/prompts/{missing}/versions", viewer=viewer)[0],
            "render": self.request(caller, "POST", f"/api/v1/prompts/{missing}/render", json_body={},
                                   viewer=post_viewer)[0],
        }
        readable_left = 1  # a readable prompt: all three endpoints once, then only itself (unless thorough)
        for prompt_id, canary in self.few(caller, sorted(world.prompts.items())):
            endpoints = [("get", "GET", f"/api/v1/prompts/{prompt_id}"),
                         ("versions", "GET", f"/api/v1/prompts/{prompt_id}/versions"),
                         ("render", "POST", f"/api/v1/prompts/{prompt_id}/render")]
            if world.may_read(viewer, canary) and not self.thorough:
                endpoints, readable_left = (endpoints if readable_left else endpoints[:1]), 0
            for what, method, path in endpoints:
                v = viewer if method == "GET" else post_viewer
                r, label, found = self.request(caller, method, path, json_body={} if method == "POST" else None,
                                               viewer=v)
                if v.kind != "user":
                    continue
                if world.may_read(v, canary):
                    if r.status_code != 200:
                        self.miss(caller, label, f"status {r.status_code} for a readable prompt")
                else:
                    self.same_as_missing(caller, label, r, prompt_id, base[what], missing)
        r, label, found = self.request(caller, "GET", "/api/v1/conversations", viewer=viewer)
        for canary in world.canaries.values():  # the title is the question, which carries the canary
            if canary.scope == "conversation" and world.may_read(viewer, canary) and body_of(canary.token) not in found:
                self.miss(caller, label, f"own conversation {canary.token} not listed")
        missing_conv = "".join(self.rng.choice("0123456789abcdef") for _ in range(32))
        base_get = self.request(caller, "GET", f"/api/v1/conversations/{missing_conv}", viewer=viewer)[0]
        probe = world.primary_docs()[0]
        base_ask = self.ask(caller, probe, "internal", False, None, conversation_id=missing_conv)
        base_rename = self.request(caller, "PATCH", f"/api/v1/conversations/{missing_conv}",
                                   json_body={"title": "umbenannt"}, viewer=post_viewer)[0]
        for conv_id, owner in self.few(caller, sorted(world.conversations.items())):
            r, label, found = self.request(caller, "GET", f"/api/v1/conversations/{conv_id}", viewer=viewer)
            mine = viewer.kind == "user" and viewer.user == owner
            if mine:
                token = next(c.token for c in world.canaries.values() if c.scope == "conversation" and c.owner == owner)
                if r.status_code != 200 or body_of(token) not in found:
                    self.miss(caller, label, f"own conversation without its canary {token}")
                continue
            if viewer.kind == "user":
                self.same_as_missing(caller, label, r, conv_id, base_get, missing_conv)
            if post_viewer.kind == "user":
                r = self.ask(caller, probe, "internal", False, None, conversation_id=conv_id)
                self.same_as_missing(caller, f"POST /api/v1/ask conversation_id={conv_id}", r, conv_id, base_ask,
                                     missing_conv)
                r, label, _ = self.request(caller, "PATCH", f"/api/v1/conversations/{conv_id}",
                                           json_body={"title": "umbenannt"}, viewer=post_viewer)
                self.same_as_missing(caller, label, r, conv_id, base_rename, missing_conv)

    def _errors(self, caller: Caller) -> None:
        """Changes aimed at what the caller may not read: uploads into and removals from forbidden
        collections must fail exactly as for missing ones (and change nothing)."""
        snap, viewer = self.world.snapshot, caller.unsafe_viewer
        readable = snap.readable_collections(viewer)
        garbage = [("file", ("kaputt.bin", b"\x00\x01\x02\x03 kein Text \xff\xfe"))]
        missing = f"kanarie-gibt-es-nicht-{self.rng.randrange(10**6)}"
        base, _, _ = self.request(caller, "POST", f"/api/v1/collections/{missing}/documents", files=garbage,
                                  viewer=self.viewer_of(caller, "POST", staff_only=True))
        # a readable collection may answer 403 or take the upload: not an oracle
        for name in self.few(caller, [n for n in sorted(snap.collections) if n not in readable], "POST"):
            r, label, _ = self.request(caller, "POST", f"/api/v1/collections/{name}/documents", files=garbage,
                                       viewer=self.viewer_of(caller, "POST", staff_only=True))
            if viewer.kind == "user":
                self.same_as_missing(caller, label, r, name, base, missing)
        missing_doc = f"kanarie:gibt-es-nicht/{self.rng.randrange(10**9)}"
        base, _, _ = self.request(caller, "DELETE", "/api/v1/document", params={"id": missing_doc},
                                  viewer=self.viewer_of(caller, "DELETE", staff_only=True))
        docs = snap.readable_documents(viewer)
        second = {d.id for d in self.world.docs if not d.key.endswith("/0")} if not self.thorough else set()
        for doc_id in self.few(caller, sorted(set(snap.documents) - docs - second), "DELETE"):
            r, label, _ = self.request(caller, "DELETE", "/api/v1/document", params={"id": doc_id},
                                       viewer=self.viewer_of(caller, "DELETE", staff_only=True))
            if viewer.kind == "user":
                self.same_as_missing(caller, label, r, doc_id, base, missing_doc)
        after = Snapshot.read(self.world.store)
        if after.documents != snap.documents:
            self.leak(caller, "uploads and removals", "changed the store's documents")
            self.world.refresh()

    def _coverage(self, caller: Caller) -> None:
        """/healthz's vector coverage must be computed over what the caller may read."""
        snap, viewer = self.world.snapshot, caller.viewer
        r, label, _ = self.request(caller, "GET", "/healthz")
        if viewer.kind == "rejected":
            return
        chunks = snap.readable_chunks(viewer)
        want = round(len(chunks & snap.vectors) / len(chunks), 3) if chunks else None
        got = r.json()["vector_coverage"]
        if got != want:
            self.leak(caller, label, f"vector_coverage {got}, over the chunks the caller may read {want} "
                                     f"(the ratio counts chunks of collections the caller may not read)")

    def _scores(self, caller: Caller) -> None:
        pass  # see _score_side_channel: one differential probe, not one per caller

    def _score_side_channel(self) -> None:
        """Does a document the caller may not read change what the caller sees? Search as the anonymous
        caller for a public canary's words, add a hidden document holding the same words to a collection
        nobody may read, search again, remove it. Any change in scores or order is an oracle for the
        existence (and word statistics) of hidden documents."""
        from rathaus.documents import Document, Passage
        from rathaus.ingest.chunk import chunk_document

        world = self.world
        target = next(d for d in world.docs if d.key == "offen_public/0")
        hidden_collection = next(s.name for s in COLLECTIONS if s.key == "vertraulich_nobody")
        probes = [(world.caller("anonymous"), mode) for mode in ("lexical", "hybrid")]
        probes += [(world.caller("bert"), "lexical")]

        def observe() -> dict[tuple[str, str], list[tuple[str, float]]]:
            out = {}
            for caller, mode in probes:
                r, _ = self.search(caller, {"q": target.words, "mode": mode})
                out[(caller.name, mode)] = [(x["document_id"], x["score"]) for x in r.json()["results"]]
            return out

        before = observe()
        hidden = Document(id="kanarie:seitenkanal/0", collection=hidden_collection, type="Paper",
                          title=f"Vorhaben {target.subject}",
                          passages=[Passage(f"Vorhaben {target.subject}. " * 3 + "Nichtöffentlicher Vermerk.")])
        world.store.upsert_document(hidden, chunk_document(hidden))
        try:
            during = observe()
        finally:
            world.store.delete_document(hidden.id)
        after = observe()
        for (name, mode), seen in before.items():
            if after[(name, mode)] != seen:
                self.miss(world.caller(name), f"GET /api/v1/search q={target.words!r} mode={mode}",
                          "results differ before and after the probe (the probe is not deterministic)")
            if during[(name, mode)] != seen:
                self.leak(name, f"GET /api/v1/search?q={target.words} mode={mode}",
                          f"scores change when a document the caller may not read is added to "
                          f"{hidden_collection!r}: {seen[:2]} -> {during[(name, mode)][:2]}")


def _without_timing(response: Any) -> Any:
    if response.status_code != 200:
        return (response.status_code, response.text)
    body = response.json()
    body.pop("took_ms", None)
    return body


def _sse_events(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.split("\n\n"):
        name, data = "", []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if name:
            events.append((name, json.loads("\n".join(data)) if data else None))
    return events


def _sse_done(text: str) -> dict[str, Any] | None:
    return next((data for name, data in _sse_events(text) if name == "done"), None)


def run_matrix(app: Any, *, seed: int | None = None, families: Sequence[str] | None = None,
               require_coverage: bool = True) -> tuple[int, list[str]]:
    """Build the canary world in ``app``'s store and run every family: (attempts, leaks).

    ``app`` is a FastAPI app from ``rathaus.web.app.create_app`` over a scratch data directory (the
    world adds groups, users and collections to it). The per-client rate limit on questions is lifted
    for the run. With ``require_coverage`` a miss (an allowed canary not found) raises AssertionError,
    since such a run would prove nothing."""
    from fastapi.testclient import TestClient

    from rathaus.web.ratelimit import RateLimiter

    limiter = app.state.rate_limiter
    app.state.rate_limiter = RateLimiter(0)
    try:
        with TestClient(app) as client:
            world = build_world(client, app.state.runtime, seed=seed)
            report = Matrix(client, world).run(families)
    finally:
        app.state.rate_limiter = limiter
    if require_coverage and report.misses:
        raise AssertionError("the matrix missed allowed canaries:\n" + "\n".join(report.misses[:50]))
    return report.attempts, report.leaks
