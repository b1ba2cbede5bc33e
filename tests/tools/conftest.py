"""Fixtures for the text tools: the extractive backend, the real packaged 0.5B model (llamacpp) and a
scripted chat backend for the map-reduce bookkeeping.

The model tests need the ``local-llm`` extra; without llama-cpp-python they are skipped. The packaged
model is joined from its part packages into a temporary directory once per session (as in
tests/answer/test_backends.py); ``RATHAUS_TEST_GGUF=/path/to/qwen2.5-coder-0.5b.gguf`` uses an already
joined file instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rathaus import plugins
from rathaus.answer.backends.llamacpp import DEFAULT_MODEL, PACKAGED_MODELS, join_model
from rathaus.errors import BackendError

NEEDS_LLAMA = "llama-cpp-python is not installed: pip install 'rathaus[local-llm]' (make test does)"

HUNDESTEUER = ("Der Gemeinderat der Stadt Musterstadt hat am 12. März 2025 die Änderung der Hundesteuersatzung "
               "beschlossen. Ab dem 1. Januar 2026 beträgt die Hundesteuer für den ersten Hund 120 Euro im Jahr. "
               "Für jeden weiteren Hund werden 180 Euro fällig. Blindenführhunde bleiben steuerfrei.")


@pytest.fixture
def extractive() -> Any:
    return plugins.factory("backend", "extractive")({"kind": "extractive", "name": "extractive"}, None)


@pytest.fixture(scope="session")
def gguf_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("llama_cpp", reason=NEEDS_LLAMA)
    given = os.environ.get("RATHAUS_TEST_GGUF")
    if given and Path(given).is_file():
        yield Path(given)
        return
    target = tmp_path_factory.mktemp("tools-llm") / f"{DEFAULT_MODEL}.gguf"
    try:
        join_model(PACKAGED_MODELS[DEFAULT_MODEL], target)
    except BackendError as exc:
        pytest.skip(f"the packaged model is not installed: {exc}")
    yield target
    shutil.rmtree(target.parent, ignore_errors=True)  # 491 MB; pytest keeps old temp dirs


@pytest.fixture(scope="session")
def local_backend(gguf_path: Path) -> Any:
    """The packaged 0.5B model through the plugin path, loaded once for the session."""
    backend = plugins.factory("backend", "llamacpp")(
        {"kind": "llamacpp", "name": "lokal", "path": str(gguf_path), "threads": 2, "n_ctx": 4096}, None)
    backend.load()
    return backend


class ScriptedChat:
    """A generative backend whose replies are computed from the prompt: enough to check which calls
    the tools make (parts, order, prompts), with a small context window to force splitting."""

    name = "scripted"
    model = "scripted-chat"
    trusted = True

    def __init__(self, context_tokens: int = 1024, reply: Any = None) -> None:
        self.context_tokens = context_tokens
        self.calls: list[dict[str, Any]] = []
        self.reply = reply or (lambda messages, n: f"- Notiz {n}")

    def generate(self, request: Any) -> Iterator[str]:  # the AnswerBackend protocol; unused by the tools
        yield ""

    def chat(self, messages: list[dict[str, str]], *, max_tokens: int = 800,
             temperature: float = 0.2) -> Iterator[str]:
        self.calls.append({"messages": messages, "max_tokens": max_tokens, "temperature": temperature})
        text = self.reply(messages, len(self.calls))
        yield from (text[i:i + 7] for i in range(0, len(text), 7))  # in pieces, like a real stream


@pytest.fixture
def scripted() -> ScriptedChat:
    return ScriptedChat()
