"""The SQL both SQL backends share (store/sql.py): one access rule and one filter grammar, whatever the
parameter mark, and the same choice of affordable query terms."""

from __future__ import annotations

import pytest

from rathaus.documents import Access, SearchFilters
from rathaus.store.sql import TRUE, access_sql, filter_sql, selective_terms

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("access", [Access(), Access(authenticated=True), Access.operator(),
                                    Access(frozenset({"stadt/dez2/amt32"}), authenticated=True)])
def test_both_dialects_get_the_same_access_rule(access):
    sqlite, sqlite_params = access_sql(access)
    postgres, postgres_params = access_sql(access, mark="%s")
    assert postgres == sqlite.replace("?", "%s") and postgres_params == sqlite_params
    assert "?" not in postgres


def test_both_dialects_get_the_same_filters():
    filters = SearchFilters(types=["Paper", "Meeting"], date_from="2025-01-01", date_to="2025-06-30",
                            organization="Gemeinderat", body="b1", collections=["rat"], document_ids=["p1"])
    sqlite, params = filter_sql(filters)
    assert filter_sql(filters, mark="%s") == (sqlite.replace("?", "%s"), params)
    assert params[-3:-1] == ["2025-06-30\uffff", "Gemeinderat"]  # the whole last day
    assert filter_sql(None) == filter_sql(SearchFilters()) == (TRUE, [])


def test_the_commonest_terms_go_first_but_two_always_stay():
    df = {"stadt": 40_000, "karlsruh": 35_000, "kita": 90, "gebuhr": 700}
    assert selective_terms(["stadt", "kita", "karlsruh", "gebuhr"], df) == ["kita", "gebuhr"]
    assert selective_terms(["stadt", "karlsruh"], df) == ["stadt", "karlsruh"]
    assert selective_terms(["stadt", "kita", "gebuhr"], df, max_postings=50_000) == ["stadt", "kita", "gebuhr"]
