"""The protocol every answer backend implements, and the request it receives.

A backend turns a ``GenerationRequest`` (the question and its numbered sources) into answer text,
streamed as text pieces. It cites sources inline as ``[1]``, ``[2]``; the engine checks every
citation afterwards, whatever the backend. Generative backends build their prompt with
``rathaus.answer.prompt.build_messages``; the extractive backend reads the sources directly.

Backends register under the entry-point group ``rathaus.backends`` (see ``rathaus.plugins``) and
are configured in ``rathaus.toml``::

    [backends.gpu]
    kind = "openai"
    url = "http://gpu:8000/v1"
    model = "Qwen2.5-32B-Instruct"
    trusted = true            # may receive personal data (runs on the city's own hardware)

The factory is called with the backend's TOML table (a dict, ``kind`` included) and the Settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


@dataclass
class Source:
    """One numbered source passage shown to the backend and cited as ``[n]``."""

    n: int
    chunk_id: int
    document_id: str
    title: str
    text: str
    url: str | None = None
    page: int | None = None
    date: str | None = None  # the document's date (ISO)
    type: str = ""  # Paper, Meeting, Service, ...
    collection: str = ""
    reference: str | None = None
    result: str | None = None  # decision result of a council paper, if any
    meeting_date: str | None = None
    organizations: list[str] = field(default_factory=list)
    text_hash: str = ""
    personal_data: bool = False  # its document was found to hold personal data when it was added


@dataclass
class GenerationRequest:
    question: str
    sources: list[Source]
    language: str = "de"
    max_tokens: int = 400
    temperature: float = 0.0
    today: str = ""  # ISO date, so answers can say how old a document is
    max_source_chars: int = 1500  # each source's text is cut to this for a model's prompt


@runtime_checkable
class AnswerBackend(Protocol):
    name: str  # the configured name, e.g. "gpu"
    model: str  # what generated the text, for the provenance record
    trusted: bool  # may receive personal data

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        """Answer text in pieces, citing sources as [n]. Raises BackendError when it cannot answer."""
        ...
