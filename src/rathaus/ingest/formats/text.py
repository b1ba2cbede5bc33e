"""Markdown (sections by heading, YAML front matter title) and plain text (pages by form feed)."""

from __future__ import annotations

import re

from rathaus.documents import Passage
from rathaus.ingest.formats.archive import _Budget
from rathaus.ingest.formats.common import UploadText, _Sections

_MD_HEADING = re.compile(r"^ {0,3}(#{1,3})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


def _read_markdown(text: str, name: str, budget: _Budget, depth: int) -> UploadText:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = ""
    if lines and lines[0].strip() == "---":  # YAML front matter
        end = next((i for i, line in enumerate(lines[1:200], 1) if line.strip() in ("---", "...")), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            if key.strip().lower() == "title":
                title = value.strip().strip("\"'")
        lines = lines[end + 1:] if end else lines
    sections = _Sections()
    buffer: list[str] = []
    fence = ""

    def flush() -> None:
        sections.add_text("\n".join(buffer))
        buffer.clear()

    for line in lines:
        stripped = line.strip()
        if fence:  # inside a code block: no headings
            buffer.append(line)
            fence = "" if stripped.startswith(fence) else fence
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            buffer.append(line)
            continue
        heading = _MD_HEADING.match(line)
        underline = re.fullmatch(r"=+|-+", stripped) and len(stripped) >= 2
        if heading:
            flush()
            sections.add_heading(heading.group(2))
        elif underline and buffer and buffer[-1].strip() and not buffer[-1].lstrip().startswith(("-", "*", "|", ">")):
            previous = buffer.pop()  # a setext heading: the line above an underline of = or -
            flush()
            sections.add_heading(previous)
        else:
            buffer.append(line)
    flush()
    title = title or (sections.headings[0] if sections.headings else "")
    return UploadText(title, sections.passages(name), "markdown")


def _read_text(text: str, name: str, budget: _Budget, depth: int) -> UploadText:
    pages = text.split("\f")
    if len(pages) == 1:
        return UploadText("", [Passage(text, file_name=name)], "text")
    passages = [Passage(page, page=number, file_name=name) for number, page in enumerate(pages, 1)]
    return UploadText("", passages, "text", {"pages": len(pages)})
