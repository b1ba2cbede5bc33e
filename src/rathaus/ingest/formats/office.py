"""DOCX and ODT: the document body streamed into sections, headings found by style or element."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from rathaus.ingest.formats.archive import _Budget, _member_chunks, _parse_xml, _xml_tree
from rathaus.ingest.formats.common import UploadText, _one_line, _Sections
from rathaus.ingest.formats.errors import CorruptFile


@dataclass
class _Para:
    heading: bool = False
    level: int | None = None  # outline level from the paragraph's own properties (DOCX)
    style: str | None = None
    parts: list[str] = field(default_factory=list)


class _XmlText:
    """Parser target for a document body: paragraphs, headings and tables in reading order, without
    building a tree. Table rows become lines of cells joined by " | "; nested tables join their cell."""

    PARAGRAPHS: frozenset[str] = frozenset()
    HEADINGS: frozenset[str] = frozenset()
    TABLE = ROW = CELL = ""
    SKIP: frozenset[str] = frozenset()
    TEXT: frozenset[str] | None = None  # only data directly in these counts; None: any data in a paragraph

    def __init__(self, sections: _Sections) -> None:
        self.sections = sections
        self.path: list[str] = []
        self.skip = 0
        self.paras: list[_Para] = []
        self.frames: list[tuple[str, list]] = []  # ("table", rows) and ("cell", texts)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.path.append(tag)
        if self.skip or tag in self.SKIP:
            self.skip += 1
        elif tag in self.PARAGRAPHS:
            self.paras.append(_Para(heading=tag in self.HEADINGS))
        elif tag == self.TABLE:
            self.frames.append(("table", []))
        elif tag == self.ROW and self.frames and self.frames[-1][0] == "table":
            self.frames[-1][1].append([])
        elif tag == self.CELL:
            self.frames.append(("cell", []))
        elif self.paras:
            self.inline(tag, attrib, self.paras[-1])

    def end(self, tag: str) -> None:
        self.path.pop()
        if self.skip:
            self.skip -= 1
        elif tag in self.PARAGRAPHS and self.paras:
            para = self.paras.pop()
            text = "\n".join(line.strip() for line in "".join(para.parts).splitlines()).strip()
            self._emit(text, self.is_heading(para))
        elif tag == self.TABLE and self.frames and self.frames[-1][0] == "table":
            rows = self.frames.pop()[1]
            self._emit("\n".join(" | ".join(row) for row in rows if any(row)), heading=False)
        elif tag == self.CELL and self.frames and self.frames[-1][0] == "cell":
            cell = " ".join(self.frames.pop()[1]).replace("\n", " ")
            if self.frames and self.frames[-1][0] == "table" and self.frames[-1][1]:
                self.frames[-1][1][-1].append(cell)

    def data(self, text: str) -> None:
        if self.skip or not self.paras or (self.TEXT is not None and self.path[-1] not in self.TEXT):
            return
        self.paras[-1].parts.append(self.normalise(text))

    def close(self) -> None:
        return None

    def _emit(self, text: str, heading: bool) -> None:
        if not text:
            return
        if self.frames and self.frames[-1][0] == "cell":
            self.frames[-1][1].append(text)
        elif heading and not self.frames:
            self.sections.add_heading(text)
        else:
            self.sections.add_text(text)

    # dialect hooks
    def inline(self, tag: str, attrib: dict[str, str], para: _Para) -> None:
        pass

    def normalise(self, text: str) -> str:
        return text

    def is_heading(self, para: _Para) -> bool:
        return para.heading


# --- DOCX -------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_STRICT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"  # "Strict Open XML", same names
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_HEADING_STYLE = re.compile(r"(?:heading|[üu]?berschrift)\s*[1-9]|title|titel", re.IGNORECASE)


class _DocxText(_XmlText):
    PARAGRAPHS = frozenset({_W + "p"})
    TABLE, ROW, CELL = _W + "tbl", _W + "tr", _W + "tc"
    SKIP = frozenset({_MC_FALLBACK})  # the same content again, for old readers
    TEXT = frozenset({_W + "t"})  # not w:delText (tracked deletions) nor w:instrText (field codes)
    _INLINE = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}

    def __init__(self, sections: _Sections, heading_styles: set[str]) -> None:
        super().__init__(sections)
        self.heading_styles = heading_styles

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag.startswith(_W_STRICT):
            tag = _W + tag[len(_W_STRICT):]
            attrib = {key.replace(_W_STRICT, _W): value for key, value in attrib.items()}
        super().start(tag, attrib)

    def end(self, tag: str) -> None:
        super().end(_W + tag[len(_W_STRICT):] if tag.startswith(_W_STRICT) else tag)

    def inline(self, tag: str, attrib: dict[str, str], para: _Para) -> None:
        parent = self.path[-2] if len(self.path) > 1 else ""
        if tag in self._INLINE and parent == _W + "r":  # not w:tabs/w:tab, the tab stops in w:pPr
            para.parts.append(self._INLINE[tag])
        elif parent == _W + "pPr" and self.path[-3:-2] == [_W + "p"]:
            if tag == _W + "pStyle":
                para.style = attrib.get(_W + "val")
            elif tag == _W + "outlineLvl" and (attrib.get(_W + "val") or "").isdigit():
                para.level = int(attrib[_W + "val"])

    def is_heading(self, para: _Para) -> bool:
        if para.level is not None:
            return para.level < 9  # 9 is body text
        return bool(para.style) and (para.style in self.heading_styles or bool(_HEADING_STYLE.fullmatch(para.style)))


def _heading_styles(styles: Element | None) -> set[str]:
    """Ids of paragraph styles that are headings: by built-in name, outline level, or inheritance."""
    if styles is None:
        return set()
    based_on: dict[str, str] = {}
    headings: set[str] = set()
    for style in styles.iter(_W + "style"):
        style_id = style.get(_W + "styleId") or ""
        name = style.find(_W + "name")
        level = style.find(f"{_W}pPr/{_W}outlineLvl")
        level_value = (level.get(_W + "val") or "") if level is not None else ""
        parent = style.find(_W + "basedOn")
        if (name is not None and _HEADING_STYLE.fullmatch(name.get(_W + "val") or "")) or \
                (level_value.isdigit() and int(level_value) < 9):
            headings.add(style_id)
        elif parent is not None:
            based_on[style_id] = parent.get(_W + "val") or ""
    for style_id in based_on:  # a city template's "Überschrift Amt 32", based on "heading 1"
        seen, current = set(), style_id
        while current in based_on and current not in seen:
            seen.add(current)
            current = based_on[current]
        if current in headings:
            headings.add(style_id)
    return headings


def _read_docx(archive: zipfile.ZipFile, name: str, budget: _Budget, depth: int) -> UploadText:
    warnings: list[str] = []
    core = _xml_tree(archive, "docProps/core.xml", budget, warnings)
    styles = _xml_tree(archive, "word/styles.xml", budget, warnings)
    sections = _Sections()
    body = _DocxText(sections, _heading_styles(styles))
    _parse_xml("word/document.xml", _member_chunks(archive, "word/document.xml", budget, budget.unpacked_left),
               body)
    metadata = _core_metadata(core, {"author": _DC + "creator", "created": _DCTERMS + "created",
                                     "modified": _DCTERMS + "modified"})
    title = _text_of(core, _DC + "title") or (sections.headings[0] if sections.headings else "")
    return UploadText(title, sections.passages(name), "docx", metadata, warnings)


def _text_of(tree: Element | None, tag: str) -> str:
    node = tree.find(f".//{tag}") if tree is not None else None
    return _one_line(node.text or "") if node is not None else ""


def _core_metadata(tree: Element | None, tags: dict[str, str]) -> dict[str, Any]:
    return {key: value for key, tag in tags.items() if (value := _text_of(tree, tag))}


# --- ODT --------------------------------------------------------------------------------------------

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"


class _OdtText(_XmlText):
    PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
    HEADINGS = frozenset({_TEXT + "h"})
    TABLE, ROW, CELL = _TABLE + "table", _TABLE + "table-row", _TABLE + "table-cell"
    SKIP = frozenset({_OFFICE + "annotation", _TEXT + "note-citation", _TEXT + "tracked-changes",
                      _TEXT + "table-of-content", _SVG + "title", _SVG + "desc"})  # svg: a frame's alt text

    def inline(self, tag: str, attrib: dict[str, str], para: _Para) -> None:
        if tag == _TEXT + "s":
            count = attrib.get(_TEXT + "c", "1")
            para.parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag == _TEXT + "tab":
            para.parts.append("\t")
        elif tag == _TEXT + "line-break":
            para.parts.append("\n")

    def normalise(self, text: str) -> str:
        return re.sub(r"[ \t\r\n]+", " ", text)  # ODF collapses white space; text:s and text:tab carry it


def _read_odt(archive: zipfile.ZipFile, name: str, budget: _Budget, depth: int) -> UploadText:
    warnings: list[str] = []
    if "content.xml" not in archive.NameToInfo:
        raise CorruptFile(f"{name}: ODT file without content.xml")
    meta = _xml_tree(archive, "meta.xml", budget, warnings)
    sections = _Sections()
    _parse_xml("content.xml", _member_chunks(archive, "content.xml", budget, budget.unpacked_left),
               _OdtText(sections))
    metadata = _core_metadata(meta, {"author": _META + "initial-creator", "created": _META + "creation-date",
                                     "modified": _DC + "date"})
    if "author" not in metadata and (creator := _text_of(meta, _DC + "creator")):
        metadata["author"] = creator
    title = _text_of(meta, _DC + "title") or (sections.headings[0] if sections.headings else "")
    return UploadText(title, sections.passages(name), "odt", metadata, warnings)
