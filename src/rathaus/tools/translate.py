"""Translate a text: German ↔ English, and the other languages in ``LANGUAGES``.

    result = translate(backend, "Das Bürgerbüro ist montags geschlossen.", target="en")

Needs a generative model (ToolUnavailable otherwise). The language list holds the languages that
German cities most often need (the languages of the largest immigrant groups, the EU neighbours)
and that the Qwen2.5 models, the packaged default, name among their supported languages; a
larger model on an OpenAI-compatible server translates all of them better. The source language is
given or left to the model (``source=None``). A text longer than the model's context is translated
part by part, paragraph boundaries first.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from rathaus.errors import InputError
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

PROMPT_VERSION = "translate-2026-11-29.1"
MAX_CHARS = 20_000
REPLY_RATIO = 2.0  # reply tokens per input token: other scripts need more tokens than German

# ISO 639-1 code: (German name, used in the prompt; English name)
LANGUAGES: dict[str, tuple[str, str]] = {
    "de": ("Deutsch", "German"),
    "en": ("Englisch", "English"),
    "fr": ("Französisch", "French"),
    "es": ("Spanisch", "Spanish"),
    "it": ("Italienisch", "Italian"),
    "pt": ("Portugiesisch", "Portuguese"),
    "nl": ("Niederländisch", "Dutch"),
    "pl": ("Polnisch", "Polish"),
    "cs": ("Tschechisch", "Czech"),
    "ro": ("Rumänisch", "Romanian"),
    "bg": ("Bulgarisch", "Bulgarian"),
    "hr": ("Kroatisch", "Croatian"),
    "el": ("Griechisch", "Greek"),
    "tr": ("Türkisch", "Turkish"),
    "uk": ("Ukrainisch", "Ukrainian"),
    "ru": ("Russisch", "Russian"),
    "ar": ("Arabisch", "Arabic"),
    "fa": ("Persisch (Farsi)", "Persian"),
    "vi": ("Vietnamesisch", "Vietnamese"),
    "zh": ("Chinesisch (vereinfacht)", "Chinese (simplified)"),
}

SYSTEM = """Du bist ein Übersetzer für eine deutsche Stadtverwaltung.

Regeln:
1. Übersetze den Text vollständig und genau in die Zielsprache: {target}.
2. Übernimm Zahlen, Beträge, Daten, Namen, Adressen, Aktenzeichen und Paragrafen unverändert. \
Namen von Ämtern und Gesetzen darfst du in Klammern im Original nennen.
3. Behalte Absätze und Aufzählungen bei. Füge nichts hinzu und lass nichts weg.
4. {data}
5. {no_preamble} Gib nur die Übersetzung aus."""
INSTRUCTION = "Übersetze diesen Text{source} in die Zielsprache {target}:"
PART_INSTRUCTION = "Dies ist Teil {i} von {n} eines längeren Textes. "


@dataclass(kw_only=True)
class TranslationResult(ToolResult):
    target: str
    target_name: str
    source: str | None = None
    parts: int = 1


def language(code: str | None, what: str = "target") -> str:
    code = (code or "").strip().lower()
    if code not in LANGUAGES:
        raise InputError(f"unknown {what} language {code!r}; supported: {', '.join(LANGUAGES)}",
                         user_message="Diese Sprache wird nicht unterstützt.")
    return code


def system_prompt(target: str) -> str:
    return SYSTEM.format(target=LANGUAGES[target][0], data=data_rule(), no_preamble=NO_PREAMBLE)


def translate(backend: Any, text: str, target: str = "en", source: str | None = None, *,
              max_tokens: int | None = None) -> TranslationResult:
    """``text`` translated into ``target`` (ISO 639-1, see LANGUAGES); ``source`` if known.
    ``max_tokens`` caps each model reply (for tests)."""
    started = time.perf_counter()
    target = language(target)
    source = language(source, "source") if source else None
    if source == target:
        raise InputError("source and target language are the same",
                         user_message="Ausgangs- und Zielsprache sind gleich.")
    require_generative(backend, "translate", "Übersetzen")
    text = clean_input(text, max_chars=MAX_CHARS)
    calls = Calls()
    parts = split_text(text, part_chars(backend, reply_ratio=REPLY_RATIO))
    system = system_prompt(target)
    source_phrase = f" (Ausgangssprache: {LANGUAGES[source][0]})" if source else ""
    out = []
    for i, part in enumerate(parts, 1):
        instruction = ((PART_INSTRUCTION.format(i=i, n=len(parts)) if len(parts) > 1 else "")
                       + INSTRUCTION.format(source=source_phrase, target=LANGUAGES[target][0]))
        room = context_tokens(backend) - estimate_tokens(part) - 400
        tokens = max(64, min(int(estimate_tokens(part) * REPLY_RATIO) + 64, room))
        out.append(calls.complete(backend, messages(system, instruction, part),
                                  max_tokens=min(tokens, max_tokens) if max_tokens else tokens, temperature=0.1))
    result = TranslationResult(
        tool="translate", text="\n\n".join(out), method="generativ" if len(parts) == 1 else "teilweise",
        prompt_version=PROMPT_VERSION, target=target, target_name=LANGUAGES[target][1], source=source,
        parts=len(parts), notice="Maschinelle Übersetzung: für verbindliche Auskünfte gilt der deutsche Text.",
        **backend_names(backend))
    return finish(result, started, calls)
