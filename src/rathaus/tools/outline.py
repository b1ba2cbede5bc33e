"""Structure a text: an outline (Gliederung) or a mind map as Mermaid ``mindmap`` text.

    result = outline(backend, text, form="mindmap")
    result.text    # "mindmap\\n  root((Hundesteuer))\\n    Steuersatz\\n      120 Euro ..."
    result.tree    # the same as nested {"text": ..., "children": [...]}

Needs a generative model (ToolUnavailable otherwise). Small models write Mermaid sloppily (code
fences, bullets, numbering, shapes around every node, brackets inside node text), so the reply is
never passed on as it is: ``parse_tree`` reads any indented list (Mermaid mindmap, Markdown
bullets or headings, numbered outlines 1. / 1.1) into a tree, and ``to_mermaid`` / ``to_outline``
write it out again in a fixed form: two spaces per level, one root, node text without the
characters Mermaid reads as shapes, at most ``MAX_DEPTH`` levels and ``MAX_NODES`` nodes.
``check_mindmap`` validates such text (the tests use it). A text longer than the model's context
is first summarised part by part (as in ``summarise``), and the outline is made from those notes.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from rathaus.errors import BackendError, InputError
from rathaus.tools.base import (
    NO_PREAMBLE,
    Calls,
    ToolResult,
    backend_names,
    clean_input,
    data_rule,
    finish,
    messages,
    part_chars,
    require_generative,
    split_text,
)
from rathaus.tools.summarise import MAP_INSTRUCTION, MAP_TOKENS
from rathaus.tools.summarise import system_prompt as summary_prompt

PROMPT_VERSION = "outline-2026-11-29.1"
MAX_CHARS = 50_000
FORMS = ("gliederung", "mindmap")
REPLY_TOKENS = 500
MAX_DEPTH = 4  # levels below the root
MAX_NODES = 80
MAX_NODE_CHARS = 80
DEFAULT_ROOT = "Übersicht"

SYSTEM = {
    "gliederung": """Du bist ein Schreibassistent einer deutschen Stadtverwaltung. Du gliederst Texte.

Regeln:
1. Die erste Zeile ist ein kurzer Titel für den ganzen Text.
2. Darunter folgen die Hauptpunkte als Liste mit „- “, Unterpunkte zwei Leerzeichen weiter eingerückt.
3. Höchstens drei Ebenen. Kurze Stichworte statt ganzer Sätze. Reihenfolge wie im Text.
4. Nur Inhalte aus dem Text. Zahlen, Beträge und Daten genau übernehmen.
5. {data}
6. {no_preamble}""",
    "mindmap": """Du bist ein Schreibassistent einer deutschen Stadtverwaltung. Du erstellst Mindmaps \
in der Mermaid-Syntax.

Regeln:
1. Die erste Zeile ist genau: mindmap
2. Die zweite Zeile ist das Thema in doppelten runden Klammern, zum Beispiel: root((Thema))
3. Jeder Zweig ist eine eigene Zeile mit einem kurzen Stichwort. Unterzweige sind zwei Leerzeichen \
weiter eingerückt. Keine Spiegelstriche, keine Nummern, keine Klammern im Stichwort.
4. Höchstens drei Ebenen unter dem Thema, höchstens 6 Hauptzweige.
5. Nur Inhalte aus dem Text. Zahlen, Beträge und Daten genau übernehmen.
6. {data}
7. {no_preamble} Kein Codeblock.

Form (ersetze Thema, Hauptpunkte und Einzelheiten durch kurze Stichworte aus dem Text):
mindmap
  root((Thema))
    Erster Hauptpunkt
      Einzelheit
    Zweiter Hauptpunkt
      Einzelheit""",
}
INSTRUCTION = {"gliederung": "Gliedere diesen Text:", "mindmap": "Erstelle eine Mindmap zu diesem Text:"}


@dataclass
class Node:
    text: str
    children: list[Node] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "children": [c.to_json() for c in self.children]}

    def count(self) -> int:
        return 1 + sum(c.count() for c in self.children)


@dataclass(kw_only=True)
class OutlineResult(ToolResult):
    form: str
    tree: dict[str, Any]
    nodes: int
    parts: int = 1


# -- reading whatever the model wrote ----------------------------------------------------------

_SKIP = re.compile(r"^\s*(?:```|~~~|%%|::|mindmap\s*$|graph\b|flowchart\b)", re.IGNORECASE)
# 1. / 1) / 1.2 / 1.2.3. / a) / IV.  Not "120 Euro" or "230.000 €" (numbers, not numbering), and not
# "1. Januar" (a date).
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_NUMBERING = re.compile(r"^(?:(\d{1,2}(?:\.\d{1,2})*)[.)]|(\d{1,2}(?:\.\d{1,2})+)|(?:[IVX]+|[a-zA-Z])[.)])\s+"
                        rf"(?=\S)(?!(?:{_MONTHS})\b)")
_BULLET = re.compile(r"^[-*+•–·]\s+")
_HEADING = re.compile(r"^(#{1,6})\s+")
# Mermaid node shapes, with an optional id in front: id((text)), id(text), id[text], id{{text}}, id))text((, id)text(
_SHAPE = re.compile(r"^[\w-]*\s*(\(\(|\)\)|\{\{|\(|\[|\))(.+?)(\)\)|\(\(|\}\}|\)|\]|\()\s*$")
_UNSAFE = re.compile(r"[()\[\]{}<>\"`|;#]")


def clean_node_text(text: str) -> str:
    """Node text Mermaid cannot misread: no bracket, quote or markup characters, one line, short."""
    text = re.sub(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)", "", text)  # Markdown emphasis
    text = _UNSAFE.sub(" ", text)
    text = " ".join(text.split()).strip(" :-–,;")
    if len(text) > MAX_NODE_CHARS:
        text = text[:MAX_NODE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return text


def _line(raw: str) -> tuple[int, str, bool] | None:
    """(indentation, node text, marked) of one line, or None for a line that is no node. ``marked``:
    the line had a bullet or a number (a list item rather than a title)."""
    if not raw.strip() or _SKIP.match(raw):
        return None
    expanded = raw.expandtabs(4)
    indent = len(expanded) - len(expanded.lstrip())
    content = expanded.strip()
    heading = _HEADING.match(content)
    if heading:  # Markdown headings: # is the top, ## one level down, …
        indent = (len(heading.group(1)) - 1) * 2
        content = content[heading.end():]
    marked = bool(_BULLET.match(content))
    content = _BULLET.sub("", content)
    numbering = _NUMBERING.match(content)
    if numbering:
        number = numbering.group(1) or numbering.group(2) or ""
        indent += 2 * number.count(".")  # 1.2.3 is two levels below 1.
        content = content[numbering.end():]
        marked = True
    shape = _SHAPE.match(content)
    if shape:
        content = shape.group(2)
    text = clean_node_text(content)
    return (indent, text, marked) if text else None


def parse_tree(raw: str, title: str | None = None) -> Node:
    """The tree in a model's reply. The least indented line is the root when it is the only one at
    that level; otherwise the top-level lines hang below a root named ``title`` (or "Übersicht").
    Levels deeper than MAX_DEPTH join their ancestor at MAX_DEPTH; nodes after MAX_NODES are dropped;
    siblings with the same text merge; a second root (the model starting over) ends the tree."""
    parsed = [p for raw_line in raw.split("\n") if (p := _line(raw_line)) is not None]
    if not parsed:
        return Node(clean_node_text(title or "") or DEFAULT_ROOT)
    again = next((j for j in range(1, len(parsed)) if parsed[j][:2] == parsed[0][:2]), None)
    if again is not None:  # the model starts the same map again (small models loop)
        parsed = parsed[:again]
    top = min(indent for indent, _, _ in parsed)
    tops = [i for i, (indent, _, _) in enumerate(parsed) if indent == top]
    lines = [(indent, text) for indent, text, _ in parsed]
    title_line = not parsed[0][2] and all(marked for _, _, marked in parsed[1:])
    if (len(tops) == 1 and tops[0] == 0) or (len(parsed) > 1 and title_line):
        # one line above all others, or an unmarked title line over a list: that line is the root
        root = Node(lines[0][1])
        rest = [(max(indent, top + 1), text) for indent, text in lines[1:]]
    else:
        root = Node(clean_node_text(title or "") or DEFAULT_ROOT)
        rest = lines
    stack: list[tuple[int, Node, int]] = [(-1, root, 0)]  # (indent, node, depth)
    count = 1
    for indent, text in rest:
        if count >= MAX_NODES:
            break
        while len(stack) > 1 and stack[-1][0] >= indent:
            stack.pop()
        _, parent, depth = stack[-1]
        while depth >= MAX_DEPTH:  # too deep: attach to the deepest allowed ancestor
            stack.pop()
            _, parent, depth = stack[-1]
        node = next((c for c in parent.children if c.text == text), None)
        if node is None:  # a repeated sibling merges into the first one
            node = Node(text)
            parent.children.append(node)
            count += 1
        stack.append((indent, node, depth + 1))
    return root


def to_mermaid(root: Node) -> str:
    out = ["mindmap", f"  root(({root.text}))"]

    def walk(node: Node, level: int) -> None:
        for child in node.children:
            out.append("  " * (level + 1) + child.text)
            walk(child, level + 1)

    walk(root, 1)
    return "\n".join(out)


def to_outline(root: Node) -> str:
    """A numbered outline (1., 1.1, 1.1.1), the title first."""
    out = [root.text]

    def walk(node: Node, prefix: str, level: int) -> None:
        for i, child in enumerate(node.children, 1):
            number = f"{prefix}{i}"
            out.append("  " * level + (f"{number}." if level == 0 else number) + " " + child.text)
            walk(child, f"{number}.", level + 1)

    walk(root, "", 0)
    return "\n".join(out)


def check_mindmap(text: str) -> Node:
    """Validate Mermaid mindmap text as ``to_mermaid`` writes it and return its tree. ValueError says
    what is wrong: the header, a code fence, more than one root, a jump of more than one level,
    odd indentation, an empty node or a character Mermaid reads as markup in a node's text."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "mindmap":
        raise ValueError("the first line must be 'mindmap'")
    if "```" in text:
        raise ValueError("a code fence is left in the text")
    body = [line for line in lines[1:] if line.strip()]
    if not body:
        raise ValueError("there is no root node")
    root_match = re.fullmatch(r"  root\(\((.+)\)\)", body[0])
    if not root_match or _UNSAFE.search(root_match.group(1)):
        raise ValueError(f"the root must be '  root((text))', got {body[0]!r}")
    root = Node(root_match.group(1))
    stack = [root]
    for line in body[1:]:
        indent = len(line) - len(line.lstrip(" "))
        if indent % 2 or indent < 4:
            raise ValueError(f"bad indentation ({indent} spaces): {line!r}")
        level = indent // 2 - 1  # root is level 0 at two spaces
        if level > len(stack):
            raise ValueError(f"a node skips a level: {line!r}")
        content = line.strip()
        if not content or _UNSAFE.search(content):
            raise ValueError(f"node text is empty or contains markup characters: {line!r}")
        del stack[level:]
        node = Node(content)
        stack[-1].children.append(node)
        stack.append(node)
    return root


# -- the tool ----------------------------------------------------------------------------------

def system_prompt(form: str) -> str:
    return SYSTEM[form].format(data=data_rule(), no_preamble=NO_PREAMBLE)


def outline(backend: Any, text: str, form: str = "gliederung", title: str | None = None, *,
            max_tokens: int | None = None) -> OutlineResult:
    """An outline (``form="gliederung"``) or a Mermaid mind map (``"mindmap"``) of ``text``. ``title``
    names the root when the model gives none. ``max_tokens`` caps each model reply (for tests)."""
    started = time.perf_counter()
    if form not in FORMS:
        raise InputError(f"form must be one of {', '.join(FORMS)}",
                         user_message="Bitte wählen Sie Gliederung oder Mindmap.")
    require_generative(backend, "outline", "Mindmap" if form == "mindmap" else "Gliederung")
    text = clean_input(text, max_chars=MAX_CHARS)
    calls = Calls()
    reply_tokens = max_tokens or REPLY_TOKENS
    budget = part_chars(backend, reply_tokens=reply_tokens)
    parts = 1
    if len(text) > budget:  # notes per part first, as in summarise's map step
        map_tokens = min(MAP_TOKENS, reply_tokens)
        chunks = split_text(text, part_chars(backend, reply_tokens=map_tokens))
        parts = len(chunks)
        system = summary_prompt("mittel", "stichpunkte")
        text = "\n".join(calls.complete(backend, messages(system, MAP_INSTRUCTION.format(i=i, n=parts), chunk),
                                        max_tokens=map_tokens) for i, chunk in enumerate(chunks, 1))[:budget]
    reply = calls.complete(backend, messages(system_prompt(form), INSTRUCTION[form], text), max_tokens=reply_tokens)
    tree = parse_tree(reply, title)
    if not tree.children:
        raise BackendError(f"backend {getattr(backend, 'name', '?')!r} returned no outline: {reply[:120]!r}",
                           user_message="Das Sprachmodell hat keine verwertbare Gliederung geliefert. Bitte "
                                        "versuchen Sie es noch einmal.")
    rendered = to_mermaid(tree) if form == "mindmap" else to_outline(tree)
    result = OutlineResult(tool="outline", text=rendered, method="generativ" if parts == 1 else "map-reduce",
                           prompt_version=PROMPT_VERSION, form=form, tree=tree.to_json(), nodes=tree.count(),
                           parts=parts, notice="Von einem Sprachmodell erzeugt: bitte vor der Weitergabe prüfen.",
                           **backend_names(backend))
    return finish(result, started, calls)
