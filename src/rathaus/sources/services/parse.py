"""Service descriptions (Leistungsbeschreibungen in the FIM structure) from Markdown and HTML.

    page = parse_service(path.read_bytes(), "personalausweis.md")
    page.title, [s.name for s in page.sections]
    # 'Personalausweis beantragen', ['Beschreibung', 'Voraussetzungen', 'Unterlagen', 'Gebühren', ...]

FIM sections are recognised by their headings, whatever their level, and their common variants
map to one canonical name ("Benötigte Unterlagen", "Was brauche ich?" → ``Unterlagen``):

    >>> canonical_section("Ablauf, Dauer & Gebühren")
    'Gebühren'
    >>> canonical_section("Öffnungszeiten") is None
    True

A heading that is no FIM section starts a section under its own name, unless it sits below the
current section's level: then it is a sub-heading and its line stays in that section's text
("#### Links im Internet" under "### Formulare"). Text before the first section belongs to
``Beschreibung``, which always comes first (its chunk is the document's lead). Sections with the
same canonical name are joined; sections without text are dropped.

Title: front matter ``title:``, else the first H1 (unless the H1 is itself a FIM section), else the
HTML ``<title>``, else the file name. Markdown may start with YAML-like front matter between
``---`` lines; the keys ``url``, ``stand``/``date``, ``zustaendig`` and ``leika`` are read. HTML
loses scripts, styles, navigation, asides and page headers/footers (only ``<main>`` is read when the
page has one); its heading levels are kept.

Bytes that are not text raise ``BadInput`` with a German reason, which the sync reports: binary
data, an empty file, an encoding that is neither UTF-8 (nor the declared charset) nor
Windows-1252, or a page with no text at all.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any

from rathaus.documents import nfc
from rathaus.errors import ExtractionError

BESCHREIBUNG = "Beschreibung"
# Canonical FIM section names and the heading variants that mean them (compared after _norm).
SECTION_ALIASES: dict[str, tuple[str, ...]] = {
    BESCHREIBUNG: ("Beschreibung", "Beschreibung der Leistung", "Leistungsbeschreibung", "Allgemeine Informationen",
                   "Kurzbeschreibung", "Kurztext", "Volltext", "Worum geht es?"),
    "Voraussetzungen": ("Voraussetzungen", "Voraussetzung", "Welche Voraussetzungen gibt es?",
                        "Wer kann den Antrag stellen?", "Antragsberechtigte"),
    "Unterlagen": ("Unterlagen", "Benötigte Unterlagen", "Erforderliche Unterlagen", "Notwendige Unterlagen",
                   "Mitzubringende Unterlagen", "Was brauche ich?", "Was brauche ich dafür?",
                   "Welche Unterlagen werden benötigt?", "Welche Unterlagen brauche ich?"),
    "Gebühren": ("Gebühren", "Gebühr", "Kosten", "Gebühren und Kosten", "Kosten und Gebühren",
                 "Ablauf, Dauer & Gebühren", "Ablauf, Dauer und Gebühren", "Was kostet das?", "Was kostet es?"),
    "Fristen": ("Fristen", "Frist", "Fristen und Termine", "Welche Fristen muss ich beachten?"),
    "Bearbeitungsdauer": ("Bearbeitungsdauer", "Dauer", "Bearbeitungszeit", "Wie lange dauert es?",
                          "Wie lange dauert das?"),
    "Verfahrensablauf": ("Verfahrensablauf", "Ablauf", "Ablauf des Verfahrens", "Wie funktioniert es?",
                         "Wie läuft das Verfahren ab?", "So funktioniert es"),
    "Zuständige Stelle": ("Zuständige Stelle", "Zuständige Stellen", "Zuständigkeit", "Ansprechpartner",
                          "Ansprechpartnerin", "Ansprechpartner*innen", "Ansprechpartnerinnen und Ansprechpartner",
                          "Ansprechpunkt", "Kontakt", "Adresse und Kontakt", "Wo bekomme ich die Leistung?",
                          "An wen muss ich mich wenden?"),
    "Rechtsgrundlage": ("Rechtsgrundlage", "Rechtsgrundlagen", "Rechtliche Grundlagen", "Gesetzliche Grundlagen"),
    "Formulare": ("Formulare", "Formular", "Formulare und Downloads", "Formulare, Services & Links",
                  "Formulare und Links", "Formulare und Online-Dienste", "Online-Dienste", "Onlinedienste",
                  "Online-Service", "Online-Service nutzen", "Onlineantrag", "Online-Antrag"),
    "Hinweise": ("Hinweise", "Hinweis", "Wichtige Hinweise", "Weitere Hinweise", "Zu beachten",
                 "Was ist zu beachten?", "Bitte beachten Sie", "Besonderheiten", "Hinweise (Besonderheiten)"),
}
CANONICAL_SECTIONS: tuple[str, ...] = tuple(SECTION_ALIASES)
# Office pickers ("Wählen Sie eine von 23 Einrichtungen ...") list the offices that provide the service.
_SECTION_PATTERNS = ((re.compile(r"^wählen sie eine von \d+ einrichtungen?\b"), "Zuständige Stelle"),)
EXTENSIONS: dict[str, str] = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
MAX_HEADING_CHARS = 120


class BadInput(ExtractionError):
    """A file or page that is no usable service description; the sync skips and reports it."""

    code = "bad_service_input"

    def __init__(self, reason: str) -> None:
        super().__init__(reason, user_message=reason)
        self.reason = reason


@dataclass
class Section:
    name: str
    text: str
    canonical: bool


@dataclass
class ServicePage:
    title: str
    sections: list[Section]
    web_url: str | None = None
    date: str | None = None  # ISO date
    organizations: list[str] = field(default_factory=list)
    leika: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


# -- headings ----------------------------------------------------------------------------------
def _norm(heading: str) -> str:
    text = unicodedata.normalize("NFC", heading).replace("&", " und ").casefold()
    text = re.sub(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,4}\.|[a-h]\))\s+", "", text)  # "2. Unterlagen"
    text = re.sub(r"[^\w\s*-]", " ", text)  # punctuation, "?" and ":" go
    return " ".join(text.split())


_ALIASES = {_norm(alias): name for name, aliases in SECTION_ALIASES.items() for alias in (name, *aliases)}


def canonical_section(heading: str) -> str | None:
    """The canonical FIM section a heading means, or None for any other heading."""
    key = _norm(heading)
    if key in _ALIASES:
        return _ALIASES[key]
    return next((name for pattern, name in _SECTION_PATTERNS if pattern.match(key)), None)


def _heading_text(text: str) -> str:
    text = _inline(text).strip().strip("*_").strip()
    return " ".join(text.rstrip(":").split())


# -- decoding --------------------------------------------------------------------------------
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
          b"\xd0\xcf\x11\xe0", b"Rar!", b"\x7fELF", b"MZ")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and encoding of a file's bytes; ``BadInput`` for binary data or an unreadable encoding.

    Tried in turn, strictly: the declared charset (HTTP header), UTF-8, a charset named in an HTML
    ``<meta>``, Windows-1252 (legacy files of German offices)."""
    if not data.strip():
        raise BadInput("leere Datei")
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte order mark
        try:
            return nfc(data.decode("utf-16").replace("\r\n", "\n")), "utf-16"
        except UnicodeDecodeError as exc:
            raise BadInput("Zeichenkodierung nicht lesbar (UTF-16 fehlerhaft)") from exc
    if head.startswith(_MAGIC) or b"\x00" in head:
        raise BadInput("Binärdatei, kein Text")
    meta = _META_CHARSET.search(head)
    candidates = [declared, "utf-8-sig", meta.group(1).decode("ascii") if meta else None, "cp1252"]
    for encoding in dict.fromkeys(c.strip().lower() for c in candidates if c):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
        if controls > max(2, len(text[:8192]) // 100):
            raise BadInput("Binärdatei, kein Text")
        return nfc(text.replace("\r\n", "\n").replace("\r", "\n")), encoding
    raise BadInput("Zeichenkodierung nicht lesbar (weder UTF-8 noch Windows-1252)")


# -- front matter and dates --------------------------------------------------------------------
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return re.sub(r"\s+#.*$", "", value).strip()


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML-like front matter (``key: value``, ``key: [a, b]``, ``- item`` lists) and the text after it."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    data: dict[str, Any] = {}
    last: str | None = None
    for line in match.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s+-\s+(.*)$|^-\s+(.*)$", line)
        if item and last is not None:
            value = _scalar(item.group(1) or item.group(2))
            current = data.get(last)
            data[last] = [*current, value] if isinstance(current, list) else [value]
            continue
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[\w-]+", key.strip()):
            continue
        last = key.strip().lower()
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            data[last] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            data[last] = _scalar(value) if value else []
    return data, text[match.end():]


def iso_date(value: Any) -> str | None:
    """``2026-03-01``, ``2026-03-01T10:00:00+01:00`` or ``01.03.2026`` as an ISO date; None otherwise."""
    text = str(value or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?", text)
    parts = (m.group(1), m.group(2), m.group(3)) if m else None
    if not parts:
        m = re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})", text)
        parts = (m.group(3), m.group(2), m.group(1)) if m else None
    if not parts:
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


_STAND = re.compile(r"^\s*(?:Stand|Letzte Aktualisierung|Zuletzt aktualisiert|Aktualisiert am)\s*:?\s*"
                    r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2})\s*$", re.I | re.M)


# -- inline Markdown ---------------------------------------------------------------------------
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_TAGS = re.compile(r"</?(?:br|p|div|span|strong|b|em|i|u|a|small|sup|sub)(?:\s[^<>]*)?/?>", re.I)


def _link(match: re.Match[str]) -> str:
    label, target = match.group(1).strip(), match.group(2).strip()
    if target.lower().startswith("mailto:"):
        address = target[7:].split("?")[0]
        return label if address in label else f"{label} ({address})".strip()
    if re.match(r"https?://", target, re.I) and target not in label:
        return f"{label} ({target})" if label and label not in target else target
    return label


def _inline(line: str) -> str:
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(_link, line)
    line = _TAGS.sub(" ", line)
    line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
    return html.unescape(line)


# -- events: ("h", level, text) and ("t", 0, line) --------------------------------------------
Event = tuple[str, int, str]
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_BULLET = re.compile(r"^(\s*)[*+](\s+)")
_RULE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")
_TABLE_RULE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*\|?\s*")
_PSEUDO = re.compile(r"^\s*(?:\*\*|__)?([^*_]{2,80}?)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$")


def markdown_events(text: str) -> list[Event]:
    events: list[Event] = []
    lines = text.split("\n")
    fence: str | None = None
    previous_blank = True
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if fence:
            events.append(("t", 0, line))
            if line.lstrip().startswith(fence):
                fence = None
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            events.append(("t", 0, line))
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if "|" in line and _TABLE_RULE.fullmatch(line):
            continue  # a table's header separator
        if _RULE.fullmatch(line):
            events.append(("t", 0, ""))  # a horizontal rule
        elif m := _ATX.match(line):
            events.append(("h", len(m.group(1)), _heading_text(m.group(2) or "")))
        elif (line.strip() and previous_blank and re.fullmatch(r"=+|-{2,}", nxt)
              and not _BULLET.match(line) and not line.lstrip().startswith(("-", "|", ">"))):
            events.append(("h", 1 if nxt.startswith("=") else 2, _heading_text(line)))
            lines[i + 1] = ""  # the underline
        elif previous_blank and (m := _PSEUDO.match(line)) and canonical_section(m.group(1)) \
                and (line.strip().startswith(("**", "__")) or line.strip().endswith(":") or not nxt):
            events.append(("h", 7, _heading_text(m.group(1))))  # "**Unterlagen**" or "Unterlagen:" alone
        else:
            events.append(("t", 0, _BULLET.sub(r"\1-\2", _inline(line))))
        previous_blank = not line.strip() or events[-1][0] == "h"
    return events


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "aside", "iframe", "button", "select", "object",
         "canvas", "dialog", "head"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
_BLOCK = {"p", "div", "section", "article", "main", "table", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
          "figure", "figcaption", "address", "details", "summary", "form", "fieldset", "header", "footer"}


class _HTMLEvents(HTMLParser):
    """HTML → heading and text events; skips navigation and page chrome, reads ``<main>`` when there is one."""

    def __init__(self, strip_chrome: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.strip_chrome = strip_chrome
        self.title = ""
        self.canonical: str | None = None
        self.meta_date: str | None = None
        self._in_title = False
        self._skip: list[str] = []
        self._open: list[tuple[str, bool]] = []  # open content tags and whether each is the page's main part
        self._heading: tuple[int, list[str]] | None = None
        self._href: list[str | None] = []
        self._lists = 0
        self.all: list[Event] = []
        self.main: list[Event] = []
        self._line: list[str] = []

    @property
    def _in_main(self) -> bool:
        return any(is_main for _, is_main in self._open)

    # output
    def _flush(self) -> None:
        line = " ".join("".join(self._line).split())
        self._line = []
        if line:
            self._emit(("t", 0, line))

    def _emit(self, event: Event) -> None:
        self.all.append(event)
        if self._in_main:
            self.main.append(event)

    def _blank(self) -> None:
        self._flush()
        self._emit(("t", 0, ""))

    def _skipping_starts(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in ("script", "style", "template", "head", "noscript", "svg"):
            return True
        if not self.strip_chrome:
            return False
        if tag in _SKIP or "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return True
        if (attrs.get("role") or "").lower() in _SKIP_ROLES:
            return True
        # page header and footer; an <article>'s own header (with its H1) stays
        return tag in ("header", "footer") and not any(t in ("article", "main") for t, _ in self._open)

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): v for k, v in attr_list}
        if tag == "title":
            self._in_title = True
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split():
            self.canonical = self.canonical or attrs.get("href")
        elif tag == "meta" and (attrs.get("name") or attrs.get("property") or "").lower() in (
                "date", "dcterms.modified", "dc.date", "last-modified", "article:modified_time"):
            self.meta_date = self.meta_date or iso_date(attrs.get("content"))
        if tag == "body" and self._skip[:1] == ["head"]:  # <head> was never closed
            self._skip = []
        if self._skip:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if self._skipping_starts(tag, attrs):
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag not in _VOID:
            self._open.append((tag, tag == "main" or (attrs.get("role") or "").lower() == "main"))
        if re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading = (int(tag[1]), [])
        elif tag == "br":
            if self._heading:
                self._heading[1].append(" ")
            else:
                self._flush()
        elif tag == "li":
            self._flush()
            self._line.append("  " * max(0, self._lists - 1) + "- ")
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists += 1
        elif tag == "tr":
            self._flush()
        elif tag in ("td", "th"):
            if self._line:
                self._line.append(" | ")
        elif tag == "a":
            self._href.append(attrs.get("href"))
        elif tag == "hr" or tag in _BLOCK:
            self._blank()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if re.fullmatch(r"h[1-6]", tag) and self._heading:
            level, parts = self._heading
            self._heading = None
            text = _heading_text("".join(parts))
            if text:
                self._emit(("h", level, text))
        elif tag in ("ul", "ol"):
            self._flush()
            self._lists = max(0, self._lists - 1)
        elif tag in ("li", "tr"):
            self._flush()
        elif tag == "a" and self._href:
            href = self._href.pop()
            if href and re.match(r"https?://", href, re.I) and not self._heading and href not in "".join(self._line):
                self._line.append(f" ({href})")
        elif tag in _BLOCK:
            self._blank()
        if any(t == tag for t, _ in self._open):  # after the flush above: a </main> ends the main part
            while self._open and self._open.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._skip:
            return
        if self._heading is not None:
            self._heading[1].append(data)
        else:
            self._line.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_events(text: str) -> tuple[list[Event], _HTMLEvents]:
    parser = _HTMLEvents()
    parser.feed(text)
    parser.close()
    events = parser.main if any(e[2] for e in parser.main) else parser.all
    if not any(e[0] == "t" and e[2] for e in events):  # an unclosed <nav> or <header> swallowed the page
        parser = _HTMLEvents(strip_chrome=False)
        parser.feed(text)
        parser.close()
        events = parser.all
    return events, parser


# -- sections ----------------------------------------------------------------------------------
def build_sections(events: list[Event]) -> tuple[str | None, list[Section]]:
    """The first H1 (the title, unless it names a FIM section) and the sections, Beschreibung first."""
    title: str | None = None
    order: list[str] = []
    texts: dict[str, list[str]] = {}
    canonical: dict[str, bool] = {}
    current, level = BESCHREIBUNG, 7  # text before the first heading describes the service
    canonical[BESCHREIBUNG] = True
    headings = 0
    for kind, lvl, text in events:
        if kind == "t":
            if text.strip() or texts.get(current):
                if current not in texts:
                    order.append(current)
                texts.setdefault(current, []).append(text)
            continue
        if not text:
            continue
        name = canonical_section(text)
        if lvl == 1 and title is None and name is None and not headings:
            title = text
            continue
        headings += 1
        if name is None and len(text) > MAX_HEADING_CHARS:  # a paragraph marked up as a heading
            kind, lvl = "t", 8
        if name:
            level = min(level, lvl) if name == current else lvl
            current = name
            canonical[name] = True
        elif kind == "h" and lvl <= level:
            current, level = text, lvl
            canonical.setdefault(text, False)
        else:  # a sub-heading inside the current section
            if current not in texts:
                order.append(current)
            texts.setdefault(current, []).extend(["", text, ""])
    sections = []
    for name in order:
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in texts[name])).strip()
        if body:
            sections.append(Section(name, body, canonical.get(name, False)))
    sections.sort(key=lambda s: s.name != BESCHREIBUNG)
    return title, sections


def _as_list(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value] if value else []
    return [str(v).strip() for v in values if str(v).strip()]


def parse_service(data: bytes, name: str, *, kind: str | None = None, charset: str | None = None) -> ServicePage:
    """Parse one service description. ``name`` is its file name or URL path; ``kind`` is
    "markdown" or "html" (default: from the name's extension, else sniffed from the text)."""
    text, encoding = decode_text(data, charset)
    suffix = PurePosixPath(name.split("?")[0]).suffix.lower()
    kind = kind or EXTENSIONS.get(suffix) or (
        "html" if re.match(r"\s*(?:<!doctype html|<html|<head|<body)", text[:1000], re.I) else "markdown")
    meta: dict[str, Any] = {}
    html_title, canonical, meta_date = "", None, None
    if kind == "html":
        events, parser = html_events(text)
        html_title, canonical, meta_date = " ".join(parser.title.split()), parser.canonical, parser.meta_date
        if not any(e[0] == "h" and e[1] == 1 for e in events):  # <main> without the page's H1
            h1s = [e for e in parser.all if e[0] == "h" and e[1] == 1 and not canonical_section(e[2])]
            html_title = h1s[0][2] if h1s else html_title
    else:
        meta, body = front_matter(text)
        events = markdown_events(body)
    h1, sections = build_sections(events)
    if not sections:
        raise BadInput("kein Text")
    warnings = []
    stem = PurePosixPath(name.split("?")[0].rstrip("/")).stem or name
    title = _scalar(str(meta.get("title") or "")) or h1 or html_title or stem.replace("_", " ").strip()
    page_date = None
    for key in ("stand", "date"):
        if meta.get(key):
            page_date = iso_date(meta[key])
            if page_date is None:
                warnings.append(f"{key}: {meta[key]!r} ist kein Datum (JJJJ-MM-TT)")
            break
    if page_date is None and not any(meta.get(k) for k in ("stand", "date")):
        found = _STAND.findall("\n".join(s.text for s in sections))
        page_date = iso_date(found[-1]) if found else meta_date
    url = str(meta.get("url") or "").strip() or (canonical or "").strip() or None
    if url and not re.match(r"https?://", url, re.I):
        warnings.append(f"url: {url!r} ist keine http(s)-Adresse")
        url = None
    leika = str(meta.get("leika") or "").strip() or None
    return ServicePage(title=nfc(" ".join(title.split())), sections=sections, web_url=url, date=page_date,
                       organizations=_as_list(meta.get("zustaendig")), leika=leika, front_matter=meta,
                       encoding=encoding, warnings=warnings)
