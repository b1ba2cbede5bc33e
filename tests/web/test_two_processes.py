"""The API served from two processes against one database: what one ``rathaus serve`` process writes,
the other serves at once, on SQLite (one data directory) and on PostgreSQL (RATHAUS_DATABASE_URL).
This is how a city runs several API workers behind a load balancer.

On PostgreSQL each process has a data directory of its own, as on two machines, and the commands run
from a third: accounts, sessions, the audit log, answer provenance and the workspace live in the
database (store/smalldb.py), so a sign-in on one server holds on the other."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.store.pg import pg_database, pg_server, pg_url  # noqa: F401
from tests.web.serving import start_servers, stop_servers

pytestmark = pytest.mark.integration


PASSWORD = "Streuplan im Januar 2026"


@pytest.fixture(params=["sqlite", "postgres"])
def environment(request, tmp_path) -> dict[str, str]:
    env = {**os.environ, "RATHAUS_DATA_DIR": str(tmp_path / "data"), "RATHAUS_EMBEDDER": "none"}
    env.pop("RATHAUS_DATABASE_URL", None)
    if request.param == "postgres":
        env["RATHAUS_DATABASE_URL"] = request.getfixturevalue("pg_url")
    return env


def data_dir_of(env: dict[str, str], machine: int) -> dict[str, str]:
    """The environment of one server: on PostgreSQL a data directory of its own, as on another machine."""
    if "RATHAUS_DATABASE_URL" not in env:
        return env
    return {**env, "RATHAUS_DATA_DIR": f"{env['RATHAUS_DATA_DIR']}-machine-{machine}"}


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "rathaus", *args], env=env, input=stdin, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture
def two_servers(environment) -> Iterator[tuple[str, str, str]]:
    env = environment
    cli(env, "sync", "oparl", "demo")
    cli(env, "groups", "add", "stadt")
    cli(env, "collections", "add", "bauhof", "--classification", "intern", "--group", "stadt")
    cli(env, "users", "add", "kurt", "--curator", "--group", "stadt", stdin=f"{PASSWORD}\n")
    token = cli(env, "tokens", "create", "kurt").split()[-1]
    procs, urls = start_servers([data_dir_of(env, machine) for machine in (1, 2)])
    try:
        yield urls[0], urls[1], token
    finally:
        stop_servers(procs)


def found(url: str, token: str, query: str) -> set[str]:
    r = httpx.get(f"{url}/api/v1/search", params={"q": query, "mode": "lexical"},
                  headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code == 200, r.text
    return {hit["document_id"] for hit in r.json()["results"]}


def test_what_one_process_writes_the_other_serves(two_servers, tmp_path):
    first, second, token = two_servers
    auth = {"Authorization": f"Bearer {token}"}
    assert found(first, token, "Kita Lindenweg") == found(second, token, "Kita Lindenweg") != set()

    note = Path(tmp_path / "Streuplan.md")
    note.write_text("# Streuplan\n\nDer Bauhof streut die Radwege am Quellenhof ab fünf Uhr.\n", encoding="utf-8")
    r = httpx.post(f"{first}/api/v1/collections/bauhof/documents", headers=auth, timeout=60,
                   files=[("file", (note.name, note.read_bytes()))])
    assert r.status_code == 201, r.text
    doc_id = r.json()["documents"][0]["document_id"]
    assert doc_id in found(second, token, "Radwege Quellenhof")  # written by one, found by the other
    assert httpx.get(f"{second}/api/v1/document", params={"id": doc_id}, headers=auth).status_code == 200

    assert httpx.delete(f"{second}/api/v1/document", params={"id": doc_id}, headers=auth).status_code == 204
    assert doc_id not in found(first, token, "Radwege Quellenhof")  # removed by the other, gone here too

    answers = [httpx.post(f"{url}/api/v1/ask", json={"question": "Was kostet die Hundesteuer?"}, timeout=60).json()
               for url in (first, second)]
    assert answers[0]["answer"] == answers[1]["answer"]


def test_a_sign_in_on_one_process_holds_on_the_other(two_servers):
    first, second, _ = two_servers
    signed_in = httpx.post(f"{first}/api/v1/session", json={"name": "kurt", "password": PASSWORD})
    assert signed_in.status_code == 200, signed_in.text
    cookies, csrf = signed_in.cookies, signed_in.json()["csrf_token"]
    me = httpx.get(f"{second}/api/v1/session", cookies=cookies)
    assert me.status_code == 200 and me.json()["name"] == "kurt" and me.json()["csrf_token"] == csrf

    prompt = httpx.post(f"{second}/api/v1/prompts", cookies=cookies, headers={"X-CSRF-Token": csrf},
                        json={"title": "Streuplan", "body": "Fasse den Streuplan für {{stadtteil}} zusammen."})
    assert prompt.status_code == 201, prompt.text
    listed = httpx.get(f"{first}/api/v1/prompts", cookies=cookies).json()
    assert "Streuplan" in {p["title"] for p in listed["prompts"]}  # written through one, read through the other

    assert httpx.delete(f"{second}/api/v1/session", cookies=cookies, headers={"X-CSRF-Token": csrf}).status_code == 204
    assert httpx.get(f"{first}/api/v1/session", cookies=cookies).status_code == 401  # signed out everywhere
