"""Reversible pseudonymisation for one request.

    p = pseudonymise("Frau Anna Roth, IBAN DE89 3704 0044 0532 0130 00, ruft an. Anna Roth …", detector)
    p.text      # "Frau [PERSON_1], IBAN [IBAN_1], ruft an. [PERSON_1] …"
    answer = p.restore(model_answer)   # the originals back, for the person who asked

The same value gets the same placeholder within a request. Placeholder-like text already in the
input ("[PERSON_1]" typed by a user) is left alone and never reused, so restoring cannot swap it for
someone's name. The mapping lives only in this object: it has no ``repr`` of its values, is never
logged, and is gone with the request.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

PLACEHOLDER = re.compile(r"\[\s*([A-Z_]+?)[_ ](\d+)\s*\]")


@dataclass
class Pseudonymised:
    text: str
    mapping: dict[str, str] = field(repr=False)  # placeholder -> original value
    counts: dict[str, int] = field(default_factory=dict)  # entity type -> distinct values (safe to log)

    def restore(self, text: str) -> str:
        return restore(text, self.mapping)

    def __str__(self) -> str:  # never the originals
        return f"Pseudonymised({len(self.mapping)} values: {self.counts})"


class Pseudonymiser:
    """One request's placeholders across several texts (a question and its sources): the same value gets
    the same placeholder everywhere, and ``restore`` undoes them all."""

    def __init__(self, detector: Any) -> None:
        self.detector = detector
        self.mapping: dict[str, str] = {}
        self._by_value: dict[tuple[str, str], str] = {}
        self._counters: Counter[str] = Counter()
        self._taken: dict[str, set[int]] = {}

    def __repr__(self) -> str:  # never the originals
        return f"Pseudonymiser({len(self.mapping)} values: {self.counts})"

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(t for t, _ in self._by_value).items()))

    def apply(self, text: str, entities: list[Any] | None = None) -> str:
        entities = self.detector.find(text) if entities is None else entities
        for m in PLACEHOLDER.finditer(text):  # placeholders typed by the user are not ours to reuse
            self._taken.setdefault(m.group(1), set()).add(int(m.group(2)))
        out, last = [], 0
        for e in sorted(entities, key=lambda e: e.start):
            if e.start < last:
                continue
            key = (e.type, " ".join(e.text.split()).casefold())
            placeholder = self._by_value.get(key)
            if placeholder is None:
                self._counters[e.type] += 1
                while self._counters[e.type] in self._taken.get(e.type, set()):
                    self._counters[e.type] += 1
                placeholder = f"[{e.type}_{self._counters[e.type]}]"
                self._by_value[key] = placeholder
                self.mapping[placeholder] = e.text
            out.append(text[last:e.start])
            out.append(placeholder)
            last = e.end
        out.append(text[last:])
        return "".join(out)

    def restore(self, text: str) -> str:
        return restore(text, self.mapping)


def restore(text: str, mapping: dict[str, str]) -> str:
    """Put the originals back wherever a model wrote one of the request's placeholders (also as
    "[PERSON 1]" or with spaces inside the brackets). Other bracketed text stays as it is."""
    def back(m: re.Match[str]) -> str:
        return mapping.get(f"[{m.group(1)}_{m.group(2)}]", m.group(0))
    return PLACEHOLDER.sub(back, text)


def pseudonymise(text: str, detector: Any, entities: list[Any] | None = None) -> Pseudonymised:
    session = Pseudonymiser(detector)
    pseudo = session.apply(text, entities)
    return Pseudonymised(pseudo, session.mapping, session.counts)


def redact(text: str, detector: Any, marker: bool = True, entities: list[Any] | None = None) -> str:
    """Personal data replaced by its type ("[PERSON]"), with no way back: for logs and stored records.
    With ``marker=False`` it is simply left out. ``entities``: what the detector already found in ``text``."""
    out, last = [], 0
    for e in detector.find(text) if entities is None else entities:
        if e.start >= last:
            out += [text[last:e.start], f"[{e.type}]" if marker else " "]
            last = e.end
    return "".join(out) + text[last:]
