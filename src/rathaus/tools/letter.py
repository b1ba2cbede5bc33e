"""Draft a letter or an e-mail from bullet points, in formal German administrative style.

    result = letter(backend, ["Antrag auf Sondernutzung eingegangen", "Unterlagen fehlen: Lageplan"],
                    kind="brief", subject="Ihr Antrag auf Sondernutzung")
    result.text, result.placeholders   # [..., "[Name]", "[Datum]"]

Needs a generative model (ToolUnavailable otherwise). The prompt asks for the "Sie" form, short
sentences, only the facts in the points, and a placeholder in square brackets (``[Name]``,
``[Datum]``, ``[Aktenzeichen]``) wherever a fact is missing, so nothing is invented. The result
lists the placeholders left to fill, and ``warnings`` names what a reader should check (an informal
"du", a missing greeting or closing); the draft is always for a person to check and sign.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from rathaus.errors import InputError
from rathaus.tools.base import (
    NO_PREAMBLE,
    Calls,
    ToolResult,
    backend_names,
    clean_input,
    data_rule,
    finish,
    messages,
    require_generative,
)

PROMPT_VERSION = "letter-2026-11-29.1"
KINDS = ("brief", "email")
TONES = ("formell", "freundlich")
MAX_POINTS = 30
MAX_POINT_CHARS = 500
MAX_SUBJECT_CHARS = 200
REPLY_TOKENS = 700

_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\]")
_INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer|eure)\b", re.IGNORECASE)
_GREETING = re.compile(r"^\s*(sehr geehrte|guten tag|hallo)", re.IGNORECASE | re.MULTILINE)
_CLOSING = re.compile(r"(mit freundlichen grüßen|freundliche grüße|mit freundlichem gruß)", re.IGNORECASE)

KIND_RULES = {
    "brief": """Aufbau eines Briefs:
- erste Zeile: Betreff (ohne das Wort „Betreff“), darunter eine Leerzeile
- Anrede: „Sehr geehrte/r [Anrede] [Name],“ oder, wenn niemand genannt ist, „Sehr geehrte Damen und Herren,“
- Text in kurzen Absätzen ohne Zwischenüberschriften: worum es geht, was die Person tun muss und bis wann
- Schluss: „Mit freundlichen Grüßen“, darunter [Name] und [Dienststelle]""",
    "email": """Aufbau einer E-Mail:
- erste Zeile: „Betreff: …“, darunter eine Leerzeile
- Anrede: „Sehr geehrte/r [Anrede] [Name],“ oder „Sehr geehrte Damen und Herren,“
- kurzer Text in wenigen Absätzen
- Schluss: „Mit freundlichen Grüßen“, darunter [Name], [Dienststelle] und [Telefon]""",
}
TONE_RULES = {
    "formell": "Ton: sachlich und förmlich, höflich, ohne Floskeln.",
    "freundlich": "Ton: freundlich und zugewandt, aber förmlich; weiterhin mit „Sie“.",
}
SYSTEM = """Du schreibst Briefe und E-Mails für eine deutsche Stadtverwaltung in klarem, \
bürgernahem Verwaltungsdeutsch.

Regeln:
1. Sprich die Empfängerin oder den Empfänger mit „Sie“ an (Sie, Ihnen, Ihr groß geschrieben). Nie „du“.
2. Verwende nur die Fakten aus den Stichpunkten. Wo eine Angabe fehlt (Name, Anrede, Datum, Frist, \
Aktenzeichen, Betrag, Anschrift), setze einen Platzhalter in eckigen Klammern, zum Beispiel [Name], \
[Datum] oder [Aktenzeichen]. Erfinde keine Namen, Daten, Beträge oder Rechtsgrundlagen.
3. Kurze, klare Sätze in aktiver Form.
4. {tone}
5. {kind}
6. {data}
7. {no_preamble}"""
INSTRUCTION = {"brief": "Schreibe einen Brief aus diesen Stichpunkten.",
               "email": "Schreibe eine E-Mail aus diesen Stichpunkten."}


@dataclass(kw_only=True)
class LetterResult(ToolResult):
    kind: str
    tone: str
    placeholders: list[str] = field(default_factory=list)  # e.g. ["[Name]", "[Datum]"], to fill in
    warnings: list[str] = field(default_factory=list)  # German, for the user


def system_prompt(kind: str, tone: str) -> str:
    return SYSTEM.format(tone=TONE_RULES[tone], kind=KIND_RULES[kind], data=data_rule("stichpunkte"),
                         no_preamble=NO_PREAMBLE)


def clean_points(points: Any) -> list[str]:
    if isinstance(points, str):
        points = points.split("\n")
    if not isinstance(points, list | tuple):
        raise InputError("points must be a list of strings", user_message="Bitte geben Sie Stichpunkte ein.")
    out = []
    for point in points:
        if isinstance(point, str) and not point.strip():
            continue
        point = clean_input(point, max_chars=MAX_POINT_CHARS, what="a point", label="Ein Stichpunkt")
        out.append(re.sub(r"^\s*[-*•]\s*", "", " ".join(point.split())))
    if not out:
        raise InputError("no points given", user_message="Bitte geben Sie mindestens einen Stichpunkt ein.")
    if len(out) > MAX_POINTS:
        raise InputError(f"more than {MAX_POINTS} points", user_message=f"Höchstens {MAX_POINTS} Stichpunkte.")
    return out


def review(text: str) -> tuple[list[str], list[str]]:
    """The placeholders left in a draft and German warnings about what to check."""
    placeholders = list(dict.fromkeys(_PLACEHOLDER.findall(text)))
    warnings = []
    informal = sorted({m.group(1).lower() for m in _INFORMAL.finditer(text)})
    if informal:
        warnings.append(f"Der Entwurf duzt an einer Stelle ({', '.join(informal)}); bitte auf „Sie“ ändern.")
    if not _GREETING.search(text):
        warnings.append("Die Anrede fehlt.")
    if not _CLOSING.search(text):
        warnings.append("Die Grußformel fehlt.")
    if placeholders:
        warnings.append(f"Bitte die Platzhalter ausfüllen: {', '.join(placeholders)}.")
    return placeholders, warnings


def letter(backend: Any, points: list[str], kind: str = "brief", tone: str = "formell", subject: str | None = None,
           *, max_tokens: int | None = None) -> LetterResult:
    """A draft letter (``kind="brief"``) or e-mail (``"email"``) from ``points``. ``subject`` is used
    as the subject line when given. ``max_tokens`` caps the model's reply (for tests)."""
    started = time.perf_counter()
    if kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}", user_message="Bitte wählen Sie Brief oder E-Mail.")
    if tone not in TONES:
        raise InputError(f"tone must be one of {', '.join(TONES)}", user_message="Unbekannter Ton.")
    require_generative(backend, "letter", "Brief schreiben" if kind == "brief" else "E-Mail schreiben")
    items = clean_points(points)
    instruction = INSTRUCTION[kind]
    if subject and subject.strip():
        subject = clean_input(subject, max_chars=MAX_SUBJECT_CHARS, what="subject", label="Der Betreff")
        items = [f"Betreff: {' '.join(subject.split())}", *items]
        instruction += " Verwende den angegebenen Betreff."
    calls = Calls()
    text = calls.complete(backend, messages(system_prompt(kind, tone), instruction,
                                            "\n".join(f"- {p}" for p in items), tag="stichpunkte"),
                          max_tokens=max_tokens or REPLY_TOKENS, temperature=0.3)
    placeholders, warnings = review(text)
    result = LetterResult(tool="letter", text=text, method="generativ", prompt_version=PROMPT_VERSION, kind=kind,
                          tone=tone, placeholders=placeholders, warnings=warnings,
                          notice="Entwurf eines Sprachmodells: bitte Inhalt, Rechtsgrundlagen und Platzhalter "
                                 "prüfen, bevor er versendet wird.", **backend_names(backend))
    return finish(result, started, calls)
