"""The PostgreSQL server and per-test databases (tests/store/pg.py) for the store tests."""

from tests.store.pg import pg_database, pg_server, pg_url  # noqa: F401
