"""The Store contract. A backend's test module subclasses StoreContract and provides a ``store`` fixture.

It pins the semantics written in rathaus/store/base.py: identity and duplicates, deletes,
access inside the query, filters, German lexical search and vector search.
"""

from __future__ import annotations

import numpy as np
import pytest

from rathaus.documents import Access, Collection, Document, Passage, SearchFilters
from rathaus.errors import NotFound, StoreError
from rathaus.ingest.chunk import chunk_document
from rathaus.language.german import query_terms

ANON = Access.anonymous()
ADMIN = Access.operator()
STAFF = Access(authenticated=True)


def doc(doc_id: str, collection: str = "rat", title: str = "Titel", text: str = "Text", **kw) -> Document:
    return Document(id=doc_id, collection=collection, type=kw.pop("type", "Paper"), title=title,
                    passages=[Passage(text)], **kw)


def put(store, document: Document) -> bool:
    return store.upsert_document(document, chunk_document(document))


def ids(hits) -> list[str]:
    return list(dict.fromkeys(h.document_id for h in hits))


def fill(store):
    """The contract's collections and documents; the PostgreSQL parity tests index them too."""
    store.ensure_collection(Collection("rat", "offen"))
    store.ensure_collection(Collection("amt32", "intern", ("stadt/dez2/amt32",)))
    store.ensure_collection(Collection("alle", "intern"))
    store.ensure_collection(Collection("personal", "vertraulich", ("stadt/hauptamt",)))
    store.ensure_collection(Collection("handbuch", "offen", public=False))  # offen, but not published
    put(store, doc("p1", title="Straßenbeleuchtung auf LED", text="Die Straßenbeleuchtung in der Hauptstraße "
                   "wird erneuert.", date="2025-03-01", organizations=["Gemeinderat"], body="b1",
                   metadata={"organization_ids": ["org/gr"]}))
    put(store, doc("p2", title="Hundesteuersatzung", text="Die Hundesteuer steigt auf 120 Euro.",
                   date="2025-06-15", organizations=["Hauptausschuss"], type="Paper", body="b1"))
    put(store, doc("m1", title="Sitzung des Gemeinderats", text="Tagesordnung: Hundesteuer, Beleuchtung.",
                   date="2025-07-01", type="Meeting", organizations=["Gemeinderat"], body="b2"))
    put(store, doc("i1", "amt32", title="Interne Notiz Beleuchtung", text="Beleuchtung intern geplant."))
    put(store, doc("a1", "alle", title="Rundschreiben Beleuchtung", text="Beleuchtung für alle."))
    put(store, doc("v1", "personal", title="Personalakte Beleuchtung", text="Vertraulich: Beleuchtung."))
    put(store, doc("h1", "handbuch", title="Handbuch Beleuchtung", text="Beleuchtung für Mitarbeitende."))
    return store


class StoreContract:
    @pytest.fixture
    def filled(self, store):
        return fill(store)

    # -- identity, duplicates, deletes ---------------------------------------------------
    def test_upsert_is_idempotent(self, filled):
        d = doc("p1", title="Straßenbeleuchtung auf LED", text="Die Straßenbeleuchtung in der Hauptstraße "
                "wird erneuert.", date="2025-03-01", organizations=["Gemeinderat"], body="b1",
                metadata={"organization_ids": ["org/gr"]})
        assert put(filled, d) is False
        assert filled.count_documents(ADMIN) == 7

    def test_upsert_replaces_chunks(self, filled):
        put(filled, doc("p2", title="Hundesteuersatzung", text="Neuer Text über Katzen."))
        chunks = filled.document_chunks("p2", ADMIN)
        assert [c.text for c in chunks] == ["Neuer Text über Katzen."]
        assert "p2" not in ids(filled.lexical_search(query_terms("120 Euro steigt"), ADMIN))
        assert "p2" in ids(filled.lexical_search(query_terms("Katzen"), ADMIN))

    def test_delete_removes_everything(self, filled):
        cid = filled.document_chunks("p1", ADMIN)[0].id
        filled.put_vectors("m", [(cid, [1.0, 0.0])])
        assert filled.delete_document("p1") is True
        with pytest.raises(NotFound):
            filled.get_document("p1", ADMIN)
        with pytest.raises(NotFound):
            filled.get_chunk(cid, ADMIN)
        assert "p1" not in ids(filled.lexical_search(query_terms("Straßenbeleuchtung"), ADMIN))
        assert filled.vector_search([1.0, 0.0], "m", ADMIN) == []
        assert filled.delete_document("p1") is False

    def test_only_offen_collections_can_be_published(self, filled):
        assert filled.get_collection("rat").public is True
        assert filled.get_collection("handbuch").public is False
        assert filled.get_collection("personal").public is False  # the default never publishes vertraulich
        filled.ensure_collection(Collection("handbuch", "offen", public=True))
        assert filled.get_document("h1", ANON).title == "Handbuch Beleuchtung"

    def test_unknown_collection_is_refused(self, store):
        with pytest.raises(StoreError):
            put(store, doc("x", "nowhere"))

    # -- access -------------------------------------------------------------------------
    @pytest.mark.parametrize("access, visible", [
        (ANON, {"p1", "p2", "m1"}),
        (STAFF, {"p1", "p2", "m1", "a1", "h1"}),
        (Access(frozenset({"stadt/dez2/amt32/sg1"}), authenticated=True), {"p1", "p2", "m1", "a1", "i1", "h1"}),
        (Access(frozenset({"stadt/dez2"}), authenticated=True), {"p1", "p2", "m1", "a1", "h1"}),
        (Access(frozenset({"stadt/hauptamt"}), authenticated=True), {"p1", "p2", "m1", "a1", "v1", "h1"}),
        (Access(frozenset({"stadt/hauptamt"}), authenticated=False), {"p1", "p2", "m1"}),
        (ADMIN, {"p1", "p2", "m1", "a1", "i1", "v1", "h1"}),
    ])
    def test_access_applies_everywhere(self, filled, access, visible):
        everything = {"p1", "p2", "m1", "a1", "i1", "v1", "h1"}
        assert {d.id for d in filled.list_documents(access, limit=100)} == visible
        assert filled.count_documents(access) == len(visible)
        assert set(ids(filled.lexical_search(query_terms("Beleuchtung Hundesteuer"), access))) <= visible
        for doc_id in everything - visible:
            with pytest.raises(NotFound):
                filled.get_document(doc_id, access)
            with pytest.raises(NotFound):
                filled.document_chunks(doc_id, access)
            cid = filled.document_chunks(doc_id, ADMIN)[0].id
            assert filled.get_chunks([cid], access) == {}
        cids = {d: filled.document_chunks(d, ADMIN)[0].id for d in everything}
        filled.put_vectors("m", [(cid, [1.0, 0.1 * i]) for i, cid in enumerate(cids.values())])
        assert set(ids(filled.vector_search([1.0, 0.0], "m", access))) == visible
        assert {c.name for c in filled.list_collections(access)} >= ({"rat"} if visible else set())

    # -- filters ------------------------------------------------------------------------
    @pytest.mark.parametrize("filters, expected", [
        (SearchFilters(types=["Meeting"]), {"m1"}),
        (SearchFilters(date_from="2025-06-15"), {"p2", "m1"}),
        (SearchFilters(date_to="2025-06-15"), {"p1", "p2"}),
        (SearchFilters(date_from="2025-03-02", date_to="2025-06-30"), {"p2"}),
        (SearchFilters(organization="Gemeinderat"), {"p1", "m1"}),
        (SearchFilters(organization="org/gr"), {"p1"}),
        (SearchFilters(body="b2"), {"m1"}),
        (SearchFilters(collections=["alle"]), {"a1"}),
        (SearchFilters(document_ids=["p2", "i1"]), {"p2", "i1"}),
    ])
    def test_filters(self, filled, filters, expected):
        got = set(ids(filled.lexical_search(query_terms("Beleuchtung Hundesteuer Gemeinderat"), ADMIN, filters)))
        assert got == expected
        assert {d.id for d in filled.list_documents(ADMIN, filters, limit=100)} == expected

    # -- lexical search -----------------------------------------------------------------
    @pytest.mark.parametrize("query, expected", [
        ("Strasse", "p1"), ("Straßen", "p1"), ("Beleuchtung", "p1"), ("hundesteuer", "p2"), ("HUNDESTEUERN", "p2"),
    ])
    def test_german_lexical_search(self, filled, query, expected):
        assert ids(filled.lexical_search(query_terms(query), ANON))[0] == expected

    def test_lexical_search_quotes_user_input(self, filled):
        for nasty in ['"', "NEAR(a b)", "a OR", "*", "-x", "title:x", "(("]:
            filled.lexical_search([nasty], ANON)  # must not raise an FTS syntax error

    def test_title_outranks_body(self, filled):
        put(filled, doc("p3", title="Haushalt", text="Ein Satz über Hundesteuer und viele andere Dinge."))
        assert ids(filled.lexical_search(query_terms("Hundesteuersatzung"), ANON))[0] == "p2"

    # -- vectors ------------------------------------------------------------------------
    def test_vectors(self, filled):
        todo = filled.chunks_to_embed("m", "all", 100)
        assert len(todo) == 7 and all(isinstance(t, str) for _, t in todo)
        lead_todo = filled.chunks_to_embed("m", "lead", 100)
        assert {cid for cid, _ in lead_todo} <= {cid for cid, _ in todo}
        rng = np.random.default_rng(0)
        vecs = {cid: rng.normal(size=8).astype(np.float32) for cid, _ in todo}
        assert filled.put_vectors("m", vecs.items()) == 7
        assert filled.vector_progress("m", "all") == (7, 7)
        assert filled.chunks_to_embed("m", "all", 100) == []
        target_cid = next(iter(vecs))
        hits = filled.vector_search(vecs[target_cid], "m", ADMIN, limit=3)
        assert hits[0].chunk_id == target_cid and hits[0].score == pytest.approx(1.0, abs=1e-5)
        assert filled.vector_search(vecs[target_cid], "other-model", ADMIN) == []
        # a new model replaces the vector space
        filled.put_vectors("m2", [(target_cid, np.ones(4))])
        assert filled.vector_progress("m", "all")[0] == 0
        assert filled.vector_progress("m2", "all") == (1, 7)

    def test_newest_leads_are_embedded_first(self, filled):
        first = filled.chunks_to_embed("m", "all", 1)[0][0]
        assert filled.get_chunk(first, ADMIN).document_id == "m1"  # newest date, lead chunk

    def test_unchanged_chunks_keep_their_vectors_on_update(self, filled):
        long = doc("p9", title="Radweg Bahnhofstraße", text="Erster Abschnitt über den Radweg.\n\n" + "Füllsatz. " * 150
                   + "\n\nLetzter Abschnitt über Kosten.")
        put(filled, long)
        todo = filled.chunks_to_embed("m", "all", 1000)
        filled.put_vectors("m", [(cid, np.ones(8, dtype=np.float32)) for cid, _ in todo])
        before = filled.vector_progress("m", "all")
        changed = doc("p9", title="Radweg Bahnhofstraße", text="Erster Abschnitt über den Radweg.\n\n"
                      + "Füllsatz. " * 150 + "\n\nLetzter Abschnitt über Kosten, jetzt 2 Mio. Euro.")
        assert put(filled, changed) is True
        done, total = filled.vector_progress("m", "all")
        assert total == before[1] and done == before[0] - 1  # only the changed chunk needs a new vector
        retitled = doc("p9", title="Radweg Bahnhofstraße (geändert)", text=changed.passages[0].text)
        put(filled, retitled)
        assert filled.vector_progress("m", "all")[0] == done - (len(filled.document_chunks("p9", ADMIN)) - 1)
