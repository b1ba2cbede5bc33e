"""Rewrite a text in Einfache Sprache or Leichte Sprache, with its readability before and after.

    result = plain_language(backend, text, level="einfach")
    result.text, result.before.wstf, result.after.wstf, result.copied

Needs a generative model (ToolUnavailable otherwise); readability alone is ``rathaus.tools.readability``
and needs none. A text longer than the model's context is rewritten part by part (paragraph
boundaries first) and the parts are joined. ``copied`` flags a rewrite that is a near copy of the
original (small models often hand the text back; the packaged 0.5B model did so for 9 of 10 DEplain
passages, see docs/BENCHMARKS.md), and the notice then says that a larger model is needed.

The rules in the prompts follow common guidance: for Einfache Sprache DIN 8581-1 and the
Bundesverwaltungsamt's handbook "Bürgernahe Verwaltungssprache"; for Leichte Sprache the rules of
the Netzwerk Leichte Sprache as printed in the BMAS guide "Leichte Sprache. Ein Ratgeber" (2014). A model's rewrite is a draft: Leichte
Sprache in particular is only "Leichte Sprache" after a check by readers of the target group.
"""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass
from typing import Any

from rathaus.errors import BackendError, InputError
from rathaus.tools.base import (
    NO_PREAMBLE,
    Calls,
    ToolResult,
    backend_names,
    clean_input,
    context_tokens,
    data_rule,
    estimate_tokens,
    finish,
    messages,
    part_chars,
    require_generative,
    split_text,
)
from rathaus.tools.readability import Readability, readability

PROMPT_VERSION = "plain-language-2026-11-29.1"
MAX_CHARS = 20_000
LEVELS = ("einfach", "leicht")
REPLY_RATIO = {"einfach": 1.3, "leicht": 2.0}  # reply tokens per input token
LABELS = {"einfach": "Einfache Sprache", "leicht": "Leichte Sprache"}
IN_LABELS = {"einfach": "in Einfacher Sprache", "leicht": "in Leichter Sprache"}

RULES = {
    "einfach": """Schreibe den Text in Einfacher Sprache neu. Regeln:
1. Kurze Sätze mit höchstens 15 Wörtern. Ein Gedanke pro Satz.
2. Bekannte, alltägliche Wörter. Fachwörter vermeiden oder kurz erklären.
3. Verben statt Hauptwörter („beantragen“ statt „die Beantragung“). Aktiv statt Passiv.
4. Sprich die Leserin oder den Leser mit „Sie“ an.
5. Das Wichtigste zuerst.
6. Behalte alle Fakten: Zahlen, Beträge, Daten, Fristen, Namen und Adressen bleiben genau erhalten. \
Lass nichts Wichtiges weg und erfinde nichts dazu.""",
    "leicht": """Schreibe den Text in Leichter Sprache neu. Regeln:
1. Sehr kurze Sätze. Jeder Satz hat nur eine Aussage.
2. Jeder Satz steht in einer eigenen Zeile.
3. Keine Nebensätze, kein Konjunktiv, kein Genitiv. Möglichst keine Verneinung.
4. Einfache, bekannte Wörter. Schwere Wörter erklärst du in einem eigenen Satz.
5. Lange Wörter trennst du mit Bindestrich: Bürger-Büro, Hunde-Steuer.
6. Zahlen schreibst du als Ziffern.
7. Sprich die Leserin oder den Leser mit „Sie“ an.
8. Behalte alle wichtigen Fakten: Zahlen, Beträge, Daten, Fristen, Namen und Adressen. Erfinde nichts dazu.""",
}
SYSTEM = """Du bist ein Schreibassistent einer deutschen Stadtverwaltung. Du machst Texte für alle \
Menschen verständlich.

{rules}

{data}
{no_preamble}"""
INSTRUCTION = {"einfach": "Schreibe diesen Text in Einfacher Sprache:",
               "leicht": "Schreibe diesen Text in Leichter Sprache:"}
PART_INSTRUCTION = "Dies ist Teil {i} von {n} eines längeren Textes. "


COPY_SHARE = 0.9  # a rewrite with this share of its words in the original's order is a near copy


@dataclass(kw_only=True)
class PlainLanguageResult(ToolResult):
    level: str
    before: Readability
    after: Readability
    parts: int = 1
    copied: bool = False  # the model (nearly) copied the original instead of rewriting it


def near_copy(original: str, rewrite: str) -> bool:
    """True when at least 90 % of the rewrite's words appear in the original in the same order:
    small models often hand the text back unchanged (bench/plain_language.py measures how often)."""
    a, b = original.split(), rewrite.split()
    if not b:
        return True
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) >= COPY_SHARE * len(b)


def system_prompt(level: str) -> str:
    return SYSTEM.format(rules=RULES[level], data=data_rule(), no_preamble=NO_PREAMBLE)


def reply_tokens(backend: Any, part: str, level: str) -> int:
    wanted = int(estimate_tokens(part) * REPLY_RATIO[level]) + 64
    room = context_tokens(backend) - estimate_tokens(part) - 400
    return max(64, min(wanted, room))


def plain_language(backend: Any, text: str, level: str = "einfach", *,
                   max_tokens: int | None = None) -> PlainLanguageResult:
    """``text`` rewritten in Einfache (``level="einfach"``) or Leichte Sprache (``"leicht"``), with
    readability scores of the original (``before``) and of the rewrite (``after``). ``max_tokens``
    caps each model reply (for tests)."""
    started = time.perf_counter()
    if level not in LEVELS:
        raise InputError(f"level must be one of {', '.join(LEVELS)}",
                         user_message="Bitte wählen Sie Einfache oder Leichte Sprache.")
    require_generative(backend, "plain_language", LABELS[level])
    text = clean_input(text, max_chars=MAX_CHARS)
    before = readability(text)
    calls = Calls()
    parts = split_text(text, part_chars(backend, reply_ratio=REPLY_RATIO[level]))
    system = system_prompt(level)
    rewritten = []
    for i, part in enumerate(parts, 1):
        instruction = (PART_INSTRUCTION.format(i=i, n=len(parts)) if len(parts) > 1 else "") + INSTRUCTION[level]
        tokens = reply_tokens(backend, part, level)
        rewritten.append(calls.complete(backend, messages(system, instruction, part),
                                        max_tokens=min(tokens, max_tokens) if max_tokens else tokens))
    output = "\n\n".join(rewritten)
    try:
        after = readability(output)
    except InputError as exc:
        raise BackendError(f"backend {getattr(backend, 'name', '?')!r} returned no words",
                           user_message="Das Sprachmodell hat keinen lesbaren Text geliefert.") from exc
    copied = near_copy(text, output)
    notice = (f"Das Sprachmodell hat den Text kaum verändert; für {LABELS[level]} ist ein größeres Modell nötig."
              if copied else
              f"Entwurf {IN_LABELS[level]}, von einem Sprachmodell erzeugt: bitte Inhalt und Verständlichkeit "
              "vor der Veröffentlichung prüfen.")
    result = PlainLanguageResult(
        tool="plain_language", text=output, method="generativ" if len(parts) == 1 else "teilweise",
        prompt_version=PROMPT_VERSION, level=level, before=before, after=after, parts=len(parts), copied=copied,
        notice=notice, **backend_names(backend))
    return finish(result, started, calls)
