"""End to end on the bundled Musterstadt demo: the real OParl and service imports, then answers.

Checks the issue's interfaces on real imported data: `rathaus ask --json` prints the API's JSON,
a decision question is answered from the committee results with date and committee, a paper's
path through its committees comes from GET /api/v1/document/consultations, and a service
question cites the service page with its section.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rathaus.answer.provenance import ProvenanceLog
from rathaus.cli import app as cli
from rathaus.config import Settings
from rathaus.runtime import Runtime
from rathaus.web.app import create_app

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data = tmp_path_factory.mktemp("demo") / "data"
    env = {"RATHAUS_EMBEDDER": "fake", "RATHAUS_DATA_DIR": str(data)}
    runner = CliRunner()
    for args in (["sync", "oparl", "demo"], ["sync", "services", "demo"]):
        result = runner.invoke(cli, args, env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    return data, env, runner


def test_cli_ask_json_has_the_api_shape(demo):
    data, env, runner = demo
    result = runner.invoke(cli, ["ask", "Was kostet ein Personalausweis für Personen ab 24 Jahren?", "--json"],
                           env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    reply = json.loads(result.output)
    assert set(reply) >= {"answer", "refused", "citations", "provenance_id"}
    assert not reply["refused"] and "37,00" in reply["answer"]
    assert all(set(c) >= {"n", "document_id", "title", "url", "text", "page"} for c in reply["citations"])
    assert any(c["document_id"].endswith("personalausweis-beantragen.md") for c in reply["citations"])


def test_decision_and_the_papers_path_through_committees(demo):
    data, _, _ = demo
    runtime = Runtime(Settings(data_dir=data, embedder="fake", embed_in_background=False, lexical_cache="eager",
                               vector_cache="eager"))
    with TestClient(create_app(runtime)) as client:
        reply = client.post("/api/v1/ask", json={
            "question": "Was hat der Gemeinderat zur Umrüstung der Straßenbeleuchtung auf LED beschlossen?"}).json()
        assert not reply["refused"], reply
        paper = next(c for c in reply["citations"] if c["document_id"].endswith("/papers/2025-0003"))
        assert "Gemeinderat" in reply["answer"] and paper["url"]
        path = client.get("/api/v1/document/consultations", params={"id": paper["document_id"]}).json()
        steps = path["consultations"]
        assert [s["role"] for s in steps] == ["Vorberatung", "Entscheidung"]
        assert steps[0]["meeting_date"] <= steps[1]["meeting_date"] and steps[1]["result"]
    runtime.close()


def test_unknown_topic_is_refused_with_the_115(demo):
    _, env, runner = demo
    result = runner.invoke(cli, ["ask", "Wann eröffnet das Meeresaquarium am Hafen?", "--json"], env=env,
                           catch_exceptions=False)
    reply = json.loads(result.output)
    assert reply["refused"] and "115" in reply["answer"] and reply["citations"] == []


def test_operators_see_feedback_and_the_answers_voted_down(demo):
    data, env, runner = demo
    asked = [json.loads(runner.invoke(cli, ["ask", q, "--json"], env=env, catch_exceptions=False).output)
             for q in ("Was kostet ein Personalausweis für Personen ab 24 Jahren?",
                       "Wann eröffnet das Meeresaquarium am Hafen?")]
    log = ProvenanceLog(data / "answers.sqlite")
    log.add_feedback(asked[0]["provenance_id"], -1, "veraltet")
    log.add_feedback(asked[1]["provenance_id"], 1, "hilfreich")
    log.close()

    result = runner.invoke(cli, ["answers", "report", "--days", "1"], env={**env, "COLUMNS": "200"},
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "public" in line)
    assert "veraltet 1" in row and "hilfreich 1" in row
    assert "Frage: Was kostet ein Personalausweis" in result.output  # the answer voted down
    assert "Meeresaquarium" not in result.output  # voted helpful: not listed
    assert "personalausweis-beantragen.md" in result.output

    result = runner.invoke(cli, ["answers", "show", asked[0]["provenance_id"]], env=env, catch_exceptions=False)
    record = json.loads(result.output)
    assert record["question"].startswith("Was kostet") and record["feedback"] == {"vote": -1, "reason": "veraltet"}
    assert record["cited"] == [c["n"] for c in asked[0]["citations"]] and record["answer"] is None

    result = runner.invoke(cli, ["answers", "show", "0" * 32], env=env, catch_exceptions=False)
    assert result.exit_code == 2 and "Fehler" in result.output
