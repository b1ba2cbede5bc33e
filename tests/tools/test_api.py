"""The text tools over HTTP: /api/v1/tools/* for signed-in staff, with the extractive backend (the
default of the internal assistant) and with the real 0.5B model named in the request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rathaus.config import Settings
from rathaus.runtime import Runtime
from rathaus.web.app import create_app
from tests.tools.conftest import HUNDESTEUER, NEEDS_LLAMA

pytestmark = pytest.mark.integration

ENDPOINTS = {
    "summarise": {"text": HUNDESTEUER},
    "plain-language": {"text": HUNDESTEUER},
    "translate": {"text": HUNDESTEUER, "target": "en"},
    "outline": {"text": HUNDESTEUER, "form": "mindmap"},
    "letter": {"points": ["Antrag eingegangen", "Lageplan fehlt"]},
    "readability": {"text": HUNDESTEUER},
}
GENERATIVE = ["plain-language", "translate", "outline", "letter"]


def _runtime(settings: Settings, tmp_path: Path, model: Path | None = None) -> Runtime:
    lines = []
    if model is not None:  # a second backend; the internal assistant keeps the extractive one
        lines += ["[backends.lokal]", 'kind = "llamacpp"', f'path = "{model}"', "threads = 2", ""]
    lines += ["[assistants.internal]", 'backend = "extractive"', 'audience = "staff"']
    config = tmp_path / "rathaus.toml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Runtime(settings.model_copy(update={"config": config}))


def _client(runtime: Runtime) -> Iterator[tuple[TestClient, dict[str, str]]]:
    app = create_app(runtime)
    runtime.accounts.add_user("paula", "ein langes Passwort 1")
    token = runtime.accounts.create_token("paula")
    with TestClient(app) as client:
        yield client, {"Authorization": f"Bearer {token}"}
    runtime.close()


@pytest.fixture
def client(settings: Settings, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    yield from _client(_runtime(settings, tmp_path))


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_anonymous_callers_get_401(client, endpoint):
    http, _ = client
    r = http.post(f"/api/v1/tools/{endpoint}", json=ENDPOINTS[endpoint])
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    assert http.get("/api/v1/tools/languages").status_code == 401
    r = http.post(f"/api/v1/tools/{endpoint}", json=ENDPOINTS[endpoint], headers={"Authorization": "Bearer falsch"})
    assert r.status_code == 401


def test_summarise_without_a_model_returns_a_labelled_excerpt(client):
    http, auth = client
    r = http.post("/api/v1/tools/summarise", json={"text": HUNDESTEUER, "style": "stichpunkte"}, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["method"] == "auszug" and body["notice"].startswith("Auszug") and body["backend"] == "extractive"
    assert body["text"].startswith("- ") and body["sentences"] == [0, 1, 2]


@pytest.mark.parametrize("endpoint", GENERATIVE)
def test_generative_tools_answer_409_without_a_model(client, endpoint):
    http, auth = client
    r = http.post(f"/api/v1/tools/{endpoint}", json=ENDPOINTS[endpoint], headers=auth)
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["error"] == "generative_model_required"
    assert "generative backend" in body["message"]
    assert "generatives Sprachmodell" in body["user_message"] and "rathaus.toml" in body["user_message"]


def test_readability_needs_no_model(client):
    http, auth = client
    r = http.post("/api/v1/tools/readability", json={"text": "Der Hund bellt. Die Katze schläft."}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["words"] == 6 and r.json()["flesch_amstad"] == pytest.approx(108.8)
    r = http.post("/api/v1/tools/readability", json={"text": "123 456"}, headers=auth)
    assert r.status_code == 400 and r.json()["error"] == "invalid_input" and r.json()["user_message"]


def test_languages(client):
    http, auth = client
    r = http.get("/api/v1/tools/languages", headers=auth)
    assert r.status_code == 200
    codes = {lang["code"]: lang for lang in r.json()}
    assert {"de", "en", "uk", "ar", "tr"} <= set(codes) and codes["en"]["name_de"] == "Englisch"


def test_bad_requests(client):
    http, auth = client
    r = http.post("/api/v1/tools/summarise", json={"text": HUNDESTEUER, "backend": "gibtsnicht"}, headers=auth)
    assert r.status_code == 400 and r.json()["error"] == "invalid_input" and "not configured" in r.json()["message"]
    r = http.post("/api/v1/tools/summarise", json={"text": "   "}, headers=auth)
    assert r.status_code == 400 and r.json()["user_message"] == "Der Text ist leer."
    r = http.post("/api/v1/tools/summarise", json={"text": "x" * 100_001}, headers=auth)
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    r = http.post("/api/v1/tools/summarise", json={"text": HUNDESTEUER, "length": "episch"}, headers=auth)
    assert r.status_code == 422
    r = http.post("/api/v1/tools/letter", json={"points": []}, headers=auth)
    assert r.status_code == 422


@pytest.mark.slow
def test_translate_with_the_packaged_model(settings, tmp_path, gguf_path):
    pytest.importorskip("llama_cpp", reason=NEEDS_LLAMA)
    for http, auth in _client(_runtime(settings, tmp_path, gguf_path)):
        text = "Das Bürgerbüro ist am Montag geschlossen."
        r = http.post("/api/v1/tools/translate", json={"text": text, "target": "en", "backend": "lokal"},
                      headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["text"].strip() and body["text"].strip() != text
        assert body["backend"] == "lokal" and body["method"] == "generativ" and body["timings"]["calls"] == 1
        # the same request against the internal assistant's backend (extractive) is refused
        r = http.post("/api/v1/tools/translate", json={"text": text, "target": "en"}, headers=auth)
        assert r.status_code == 409
