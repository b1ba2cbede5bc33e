"""SQL that every SQL backend shares: the access rule, the search filters, and which query terms are
affordable. Built in one place so that SQLite and PostgreSQL cannot drift apart in what a caller
may see.

The SQL is the same for both; only the parameter mark differs (``?`` for sqlite3, ``%s`` for psycopg).
It expects the tables ``collections`` (name, classification, public), ``collection_groups``
(collection, grp), ``documents`` aliased ``d`` and ``document_orgs`` (document_id, value).

    >>> access_sql(Access(), mark="%s")
    ("d.collection IN (SELECT c.name FROM collections c WHERE (c.classification = 'offen' AND c.public))", [])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rathaus.documents import Access, SearchFilters

TRUE = "TRUE"  # a WHERE clause that keeps every row, in both dialects
MAX_POSTINGS = 30_000  # BM25 cost grows with the matching rows; the commonest terms go first


def marks(n: int, mark: str = "?") -> str:
    return ",".join([mark] * n)


def access_sql(access: Access, column: str = "d.collection", mark: str = "?") -> tuple[str, list[Any]]:
    """The WHERE clause that limits rows to collections the caller may read (rules in store/base.py)."""
    if access.admin:
        return TRUE, []
    groups = access.expanded_groups()
    in_groups = marks(len(groups), mark)
    visible = ["c.classification = 'offen'" if access.authenticated else "(c.classification = 'offen' AND c.public)"]
    params: list[Any] = []
    if access.authenticated:
        intern = ("(c.classification = 'intern' AND (NOT EXISTS (SELECT 1 FROM collection_groups g "
                  "WHERE g.collection = c.name)")
        if groups:
            intern += f" OR EXISTS (SELECT 1 FROM collection_groups g WHERE g.collection = c.name AND g.grp IN ({in_groups}))"
            params += groups
        visible.append(intern + "))")
        if groups:
            visible.append(f"(c.classification = 'vertraulich' AND EXISTS (SELECT 1 FROM collection_groups g "
                           f"WHERE g.collection = c.name AND g.grp IN ({in_groups})))")
            params += groups
    return f"{column} IN (SELECT c.name FROM collections c WHERE {' OR '.join(visible)})", params


def filter_sql(filters: SearchFilters | None, mark: str = "?") -> tuple[str, list[Any]]:
    """The WHERE clause for SearchFilters on the documents table aliased ``d``.

    Dates are ISO strings compared as text (a backend must compare them bytewise: PostgreSQL declares
    the columns ``COLLATE "C"``), so ``date_to`` also takes times later on that day."""
    if filters is None:
        return TRUE, []
    clauses: list[str] = []
    params: list[Any] = []

    def any_of(column: str, values: Sequence[str]) -> None:
        clauses.append(f"{column} IN ({marks(len(values), mark)})")
        params.extend(values)

    if filters.types:
        any_of("d.type", filters.types)
    if filters.collections:
        any_of("d.collection", filters.collections)
    if filters.document_ids:
        any_of("d.id", filters.document_ids)
    if filters.date_from:
        clauses.append(f"d.date >= {mark}")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append(f"d.date <= {mark}")
        params.append(filters.date_to[:10] + "\uffff")
    if filters.organization:
        clauses.append(f"EXISTS (SELECT 1 FROM document_orgs o WHERE o.document_id = d.id AND o.value = {mark})")
        params.append(filters.organization)
    if filters.body:
        clauses.append(f"d.body = {mark}")
        params.append(filters.body)
    return (" AND ".join(clauses) or TRUE), params


def selective_terms(terms: Sequence[str], df: Mapping[str, int], max_postings: int = MAX_POSTINGS) -> list[str]:
    """Keep a lexical query affordable: while the terms' document frequencies add up to more than
    ``max_postings``, drop the commonest term ("Karlsruhe" in a Karlsruhe index). Common terms barely
    change a BM25 ranking but dominate its cost. The two rarest terms always stay; the order is kept.

    >>> selective_terms(["stadt", "kita", "gebuhr"], {"stadt": 40_000, "kita": 90, "gebuhr": 700})
    ['kita', 'gebuhr']
    """
    kept = sorted(terms, key=lambda t: df.get(t, 0))
    while len(kept) > 2 and sum(df.get(t, 0) for t in kept) > max_postings:
        kept.pop()
    return [t for t in terms if t in kept]
