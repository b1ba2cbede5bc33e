"""Every request body that reaches an external model, recorded on the wire: a recording proxy sits between
Rathaus's OpenAI-compatible backend (marked untrusted) and a real llama.cpp server with the packaged
0.5B model. No original personal value may appear in any recorded body, from the answer engine or
from a text tool."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from rathaus.answer.backends.llamacpp import DEFAULT_MODEL
from rathaus.answer.backends.openai import OpenAIBackend
from rathaus.answer.engine import AnswerEngine
from rathaus.answer.profiles import parse_config
from rathaus.documents import Access, Collection, Document, Passage
from rathaus.ingest.chunk import chunk_document
from rathaus.privacy.guard import guarded
from rathaus.privacy.policy import PrivacyPolicy
from rathaus.tools import translate
from tests.answer.test_backends import llama_server, local_backend, model_settings  # noqa: F401

pytestmark = pytest.mark.integration

MEMO = ("Vermerk: Frau Anna Roth, Hauptstraße 12a, 70173 Stuttgart, Telefon 0711 / 216-12345, "
        "E-Mail anna.roth@example.de, IBAN DE89 3704 0044 0532 0130 00, Steuer-ID 86095742719, "
        "beantragt Wohngeld für die Wohnung am Rosenhang.")
ORIGINALS = ["Anna Roth", "Hauptstraße 12a", "70173 Stuttgart", "216-12345", "anna.roth@example.de",
             "DE89 3704 0044 0532 0130 00", "86095742719"]


@pytest.fixture(scope="module")
def recorded(llama_server: str) -> Iterator[tuple[str, list[bytes]]]:  # noqa: F811
    """A proxy on loopback that records every request body and passes it on to the llama.cpp server."""
    bodies: list[bytes] = []
    upstream = llama_server.rsplit("/v1", 1)[0]

    class Proxy(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            bodies.append(body)
            headers = {"content-type": self.headers.get("content-type", "application/json")}
            with httpx.stream("POST", upstream + self.path, content=body, headers=headers, timeout=300) as r:
                self.send_response(r.status_code)
                self.send_header("content-type", r.headers.get("content-type", "application/json"))
                self.end_headers()
                for chunk in r.iter_raw():
                    self.wfile.write(chunk)
                    self.wfile.flush()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", bodies
    server.shutdown()


def external(url: str) -> OpenAIBackend:
    return OpenAIBackend({"kind": "openai", "name": "extern", "url": url, "model": DEFAULT_MODEL, "timeout": 300,
                          "max_tokens": 60})


def assert_clean(bodies: list[bytes]) -> None:
    assert bodies, "nothing reached the external model"
    for body in bodies:
        text = body.decode("utf-8")
        leaked = [v for v in ORIGINALS if v in text or v.replace(" ", "") in text]
        assert not leaked, f"personal data reached the external model: {leaked}"


def test_the_answer_engine_sends_only_placeholders(recorded, runtime):
    url, bodies = recorded
    bodies.clear()
    runtime.store.ensure_collection(Collection("sozialamt", "intern"))
    doc = Document("memo", "sozialamt", "Document", "Wohngeldantrag Rosenhang", passages=[Passage(MEMO)])
    runtime.store.upsert_document(doc, chunk_document(doc))
    config = parse_config({"backends": {"extern": {"kind": "openai", "url": url, "model": DEFAULT_MODEL,
                                                   "timeout": 300, "max_tokens": 60}},
                           "assistants": {"internal": {"backend": "extern", "audience": "staff", "sources": 2,
                                                       "source_chars": 400}}})
    engine = AnswerEngine(runtime.store, runtime.searcher, config, runtime.settings, runtime.provenance)
    result = engine.ask("Was beantragt Anna Roth (Telefon 0711 / 216-12345)?", "internal",
                        access=Access(frozenset({"stadt"}), authenticated=True), document_ids=["memo"])
    assert_clean(bodies)
    assert b"[PERSON_1]" in bodies[0]
    record = runtime.provenance.get(result.provenance_id)
    assert record.routing["pseudonymised"] and record.routing["backend_trusted"] is False


def test_a_text_tool_sends_only_placeholders(recorded, runtime):
    url, bodies = recorded
    bodies.clear()
    engine = runtime.answers
    model = guarded(external(url), PrivacyPolicy(), engine.detector)
    result = translate(model, MEMO, "en")
    assert_clean(bodies)
    assert result.text and "[IBAN_1]" not in result.text  # the reply has the originals back where it used them


NOTE = "Walburga Ostertag meldet, dass Tiberius die Unterlagen noch nicht erhalten hat. Bitte zurückrufen."


def test_the_name_model_catches_a_name_the_rules_miss_before_it_goes_out(recorded, runtime, local_backend):  # noqa: F811
    """The rules miss "Tiberius" (a first name in no list, alone, without a cue); the packaged model, run
    in-process as the trusted name model, lists it, so the external model never sees it."""
    from rathaus.privacy.detect import Detector
    from rathaus.privacy.model_names import ModelAssistedDetector

    url, bodies = recorded
    rules = Detector()
    assert "Tiberius" not in {e.text for e in rules.find(NOTE)}
    with_model = ModelAssistedDetector(rules, local_backend)
    assert {"Walburga Ostertag", "Tiberius"} <= {e.text for e in with_model.find(NOTE)}

    bodies.clear()
    result = translate(guarded(external(url), PrivacyPolicy(), with_model), NOTE, "en")
    assert bodies and not any(b"Tiberius" in body or b"Ostertag" in body for body in bodies)
    assert result.text
