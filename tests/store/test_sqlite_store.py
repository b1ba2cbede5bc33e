"""The SQLite store runs the full Store contract."""

from __future__ import annotations

import pytest

from rathaus.store.sqlite import SQLiteStore
from tests.contracts.store_contract import StoreContract

pytestmark = pytest.mark.unit


class TestSQLiteStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path):
        s = SQLiteStore(tmp_path / "rathaus.sqlite")
        yield s
        s.close()


def test_migrations_are_idempotent(tmp_path):
    SQLiteStore(tmp_path / "x.sqlite").close()
    s = SQLiteStore(tmp_path / "x.sqlite")
    assert s.stats()["documents"] == 0
    s.close()
