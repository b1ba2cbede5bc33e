"""What every reader shares: the result type, the section builder, and text clean-up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from rathaus.documents import Passage

_CONTROL_OUT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass
class UploadText:
    title: str  # the document's own title, else the file name without extension
    passages: list[Passage]  # reading order; PDF: one per page; others: one per section
    format: str  # one of FORMATS
    metadata: dict[str, Any] = field(default_factory=dict)  # pages, author, created; e-mail: from, to, date
    warnings: list[str] = field(default_factory=list)  # English, for logs and the curator


class _Sections:
    """Text blocks grouped into passages: a heading starts a new one, named after it. A heading with
    no text of its own (a chapter right before its first subsection) leads into the next passage."""

    def __init__(self) -> None:
        self.done: list[tuple[str | None, str]] = []
        self.heading: str | None = None
        self.lead: list[str] = []
        self.blocks: list[str] = []
        self.headings: list[str] = []

    def add_heading(self, text: str) -> None:
        text = _one_line(text)
        if len(text) > 200:  # a paragraph styled as a heading
            self.add_text(text)
            return
        if not text:
            return
        self.headings.append(text)
        if self.blocks:
            self._flush()
        elif self.heading:
            self.lead.append(self.heading)
        self.heading = text

    def add_text(self, text: str) -> None:
        if text := text.strip():
            self.blocks.append(text)

    def _flush(self) -> None:
        parts = self.lead + ([self.heading] if self.heading else []) + self.blocks
        if parts:
            self.done.append((self.heading, "\n\n".join(parts)))
        self.lead, self.blocks = [], []

    def passages(self, file_name: str) -> list[Passage]:
        self._flush()
        self.heading = None
        return [Passage(text, file_name=file_name, section=section) for section, text in self.done]


def _base_name(filename: str) -> str:
    return _CONTROL_OUT.sub("", (filename or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()


def _one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", _CONTROL_OUT.sub("", text or "")).strip()


def _clean(text: str) -> str:
    """NFC, Unix line ends, no control characters but tab and newline, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = _CONTROL_OUT.sub("", text.replace("\x0c", "\n\n"))
    return re.sub(r"[ \t]+\n", "\n", text).strip()
