"""Answers from any OpenAI-compatible chat server: vLLM, Ollama, the llama.cpp server, a city gateway.

Configured in ``rathaus.toml``::

    [backends.gpu]
    kind = "openai"
    url = "http://gpu:8000/v1"         # the base URL; /chat/completions is appended
    model = "Qwen2.5-32B-Instruct"
    api_key_env = "RATHAUS_GPU_KEY"   # or api_key = "..." (prefer the environment variable)
    trusted = true                    # may receive personal data (the city's own hardware)
    timeout = 120                     # seconds to connect, and at most between two streamed pieces
    max_tokens = 800                  # optional cap on the answer length the engine asks for
    context_tokens = 8192             # the model's context window; the text tools size their input by it

The answer is streamed (``stream: true``, server-sent events), so the first words reach the user while
the server is still writing. Every failure becomes a ``BackendError`` naming the URL and the problem;
the API key never appears in a message, a log line or ``repr``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from typing import Any

import httpx

from rathaus.answer.backends.base import GenerationRequest
from rathaus.answer.prompt import build_messages
from rathaus.errors import BackendError, ConfigError

log = logging.getLogger(__name__)


class OpenAIBackend:
    def __init__(self, config: dict[str, Any], settings: Any = None, *, client: httpx.Client | None = None) -> None:
        self.name = str(config.get("name") or "openai")
        self.url = str(config.get("url") or "").strip().rstrip("/")
        self.model = str(config.get("model") or "").strip()
        if not self.url or not self.url.startswith(("http://", "https://")):
            raise ConfigError(f"answer backend {self.name!r} (openai) needs 'url', the server's base URL "
                              f"ending in /v1, e.g. http://gpu:8000/v1 (got {self.url!r})")
        if not self.model:
            raise ConfigError(f"answer backend {self.name!r} (openai) needs 'model', the model name on {self.url}")
        self.trusted = bool(config.get("trusted", False))
        try:
            self.timeout = float(config.get("timeout", 120))
            self.max_tokens = int(config["max_tokens"]) if config.get("max_tokens") else None
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"answer backend {self.name!r}: 'timeout' and 'max_tokens' must be numbers") from exc
        if self.timeout <= 0:
            raise ConfigError(f"answer backend {self.name!r}: 'timeout' must be positive")
        try:
            self.context_tokens = int(config.get("context_tokens", 8192))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"answer backend {self.name!r}: 'context_tokens' must be an integer") from exc
        if self.context_tokens < 256:
            raise ConfigError(f"answer backend {self.name!r}: 'context_tokens' must be at least 256")
        self.endpoint = f"{self.url}/chat/completions"
        self._api_key = self._read_key(config)
        self._client = client or httpx.Client(timeout=httpx.Timeout(self.timeout))

    def _read_key(self, config: dict[str, Any]) -> str:
        if config.get("api_key"):
            return str(config["api_key"])
        env = config.get("api_key_env")
        if env:
            key = os.environ.get(str(env), "")
            if not key:
                raise ConfigError(f"answer backend {self.name!r}: the environment variable {env} "
                                  "named in 'api_key_env' is not set")
            return key
        return ""

    def __repr__(self) -> str:  # no key in here
        return f"OpenAIBackend(name={self.name!r}, url={self.url!r}, model={self.model!r}, trusted={self.trusted})"

    def close(self) -> None:
        self._client.close()

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        """Answer text in pieces as the server streams it. Raises BackendError on any failure."""
        log.debug("asking %s (model %s, %d sources)", self.endpoint, self.model, len(request.sources))
        yield from self.chat(build_messages(request), max_tokens=request.max_tokens, temperature=request.temperature)

    def chat(self, messages: list[dict[str, str]], *, max_tokens: int = 800,
             temperature: float = 0.2, response_format: dict[str, Any] | None = None) -> Iterator[str]:
        """The given messages, the reply in pieces as the server streams it (answers and the text tools).
        The configured ``max_tokens`` caps the reply. ``response_format``: a JSON schema the reply must
        follow (OpenAI's ``json_schema`` response format). Raises BackendError on any failure."""
        if self.max_tokens:
            max_tokens = min(max_tokens, self.max_tokens) if max_tokens else self.max_tokens
        payload: dict[str, Any] = {"model": self.model, "messages": messages, "stream": True,
                                   "temperature": temperature, "max_tokens": max_tokens}
        if response_format:
            payload["response_format"] = {"type": "json_schema",
                                          "json_schema": {"name": "reply", "schema": response_format}}
        headers = {"Accept": "text/event-stream"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        where = f"answer server {self.endpoint}"
        log.debug("chat with %s (model %s, %d messages)", self.endpoint, self.model, len(messages))
        try:
            with self._client.stream("POST", self.endpoint, json=payload, headers=headers) as resp:
                if resp.status_code >= 400:
                    resp.read()
                    raise BackendError(f"{where} answered HTTP {resp.status_code}: {_error_text(resp)}")
                if resp.headers.get("content-type", "").startswith("application/json"):
                    yield from _complete_answer(resp, where)
                    return
                yield from _stream_answer(resp, where)
        except httpx.TimeoutException as exc:
            raise BackendError(f"{where} timed out after {self.timeout:g} s ({type(exc).__name__})") from exc
        except httpx.ConnectError as exc:
            raise BackendError(f"{where} is not reachable: {exc}") from exc
        except httpx.HTTPError as exc:
            raise BackendError(f"{where} failed: {type(exc).__name__}: {exc}") from exc


def _stream_answer(resp: httpx.Response, where: str) -> Iterator[str]:
    """Parse server-sent events: ``data: {json}`` lines, ``data: [DONE]`` at the end, ``:`` comments
    (keep-alive) and other fields ignored."""
    finished = False
    for raw in resp.iter_lines():
        line = raw.strip()
        if not line or line.startswith(":") or not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            event = json.loads(data)
        except ValueError as exc:
            raise BackendError(f"{where} sent invalid JSON in its stream: {data[:120]!r}") from exc
        if not isinstance(event, dict):
            raise BackendError(f"{where} sent an unexpected stream event: {data[:120]!r}")
        if event.get("error"):
            raise BackendError(f"{where} reported an error: {_message(event['error'])}")
        choices = event.get("choices") or []
        if not isinstance(choices, list):
            raise BackendError(f"{where} sent an unexpected stream event: {data[:120]!r}")
        for choice in choices:
            if not isinstance(choice, dict):
                continue
            delta = choice.get("delta") or {}
            content = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(content, str) and content:
                yield content
            if choice.get("finish_reason"):
                finished = True
    if not finished:
        raise BackendError(f"{where} ended its stream before the answer was complete")


def _complete_answer(resp: httpx.Response, where: str) -> Iterator[str]:
    try:
        body = resp.read()
        content = json.loads(body)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise BackendError(f"{where} sent an answer that is not an OpenAI chat completion") from exc
    if not isinstance(content, str):
        raise BackendError(f"{where} sent an answer without text")
    if content:
        yield content


def _message(error: Any) -> str:
    if isinstance(error, dict):
        return str(error.get("message") or error)[:300]
    return str(error)[:300]


def _error_text(resp: httpx.Response) -> str:
    try:
        body = resp.json()
    except ValueError:
        return resp.text.strip()[:300] or resp.reason_phrase
    if isinstance(body, dict) and "error" in body:
        return _message(body["error"])
    if isinstance(body, dict) and "detail" in body:
        return str(body["detail"])[:300]
    return str(body)[:300]
