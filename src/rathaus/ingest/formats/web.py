"""HTML: visible text in sections started by h1–h3; the title from <title>, else the first h1."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from rathaus.ingest.extract import decode
from rathaus.ingest.formats.archive import _Budget
from rathaus.ingest.formats.common import UploadText, _one_line, _Sections

_HTML_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
_HTML_BLOCKS = {"p", "div", "br", "li", "tr", "h4", "h5", "h6", "section", "article", "table", "ul", "ol",
                "header", "footer", "dd", "dt", "blockquote", "pre", "main", "nav", "aside", "figure", "hr"}
_HTML_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_HTML_SECTIONS = {"h1", "h2", "h3"}


class _HTMLSections(HTMLParser):
    """Like ``rathaus.ingest.extract.html_to_text``, with h1–h3 starting sections and table cells
    joined by " | "."""

    def __init__(self, sections: _Sections) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = sections
        self.parts: list[str] = []
        self.skip = 0
        self.heading: list[str] | None = None
        self.title_parts: list[str] | None = None
        self.title = ""
        self.first_h1 = ""
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title" and not self.title and self.title_parts is None:
            self.title_parts = []
        elif tag == "body":
            self.skip = 0  # a <head> whose end tag was left out (HTML allows that)
        elif tag in _HTML_SKIP:
            self.skip += 1
        elif self.skip:
            return
        elif tag in _HTML_SECTIONS:
            self._flush()
            self.heading = []
        elif tag in ("td", "th"):
            self.parts.append(" | " if self.cells else "")
            self.cells += 1
        elif tag in _HTML_BLOCKS:
            self.cells = 0 if tag == "tr" else self.cells
            self.parts.append("\n\n" if tag in ("p", "h4", "h5", "h6") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = _one_line("".join(self.title_parts)) or " "
            self.title_parts = None
        elif tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag in _HTML_SECTIONS and self.heading is not None:
            text = _one_line("".join(self.heading))
            self.heading = None
            self.sections.add_heading(text)
            if tag == "h1" and not self.first_h1:
                self.first_h1 = text
        elif tag in _HTML_BLOCKS and tag != "tr":  # rows: one line each
            self.parts.append("\n\n" if tag in ("p", "h4", "h5", "h6") else "\n")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        elif not self.skip:
            (self.heading if self.heading is not None else self.parts).append(data)

    def _flush(self) -> None:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.parts))
        text = re.sub(r" ?\n ?", "\n", text)
        self.sections.add_text(re.sub(r"\n{3,}", "\n\n", text))
        self.parts = []

    def finish(self) -> None:
        self.close()
        if self.heading is not None:  # an h1 never closed: its text is text
            self.parts += self.heading
            self.heading = None
        self._flush()


def _read_html(data: bytes, name: str, budget: _Budget, depth: int) -> UploadText:
    match = _HTML_CHARSET.search(data[:4096])
    charset = "utf-8" if data.startswith(b"\xef\xbb\xbf") else match.group(1).decode("ascii") if match else None
    sections = _Sections()
    parser = _HTMLSections(sections)
    parser.feed(decode(data.removeprefix(b"\xef\xbb\xbf"), charset))
    parser.finish()
    return UploadText(parser.title.strip() or parser.first_h1, sections.passages(name), "html")
