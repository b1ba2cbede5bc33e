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
        """Put the originals back wherever the model wrote one of this request's placeholders (also as
        "[PERSON 1]" or with spaces inside the brackets)."""
        def back(m: re.Match[str]) -> str:
            return self.mapping.get(f"[{m.group(1)}_{m.group(2)}]", m.group(0))
        return PLACEHOLDER.sub(back, text)

    def __str__(self) -> str:  # never the originals
        return f"Pseudonymised({len(self.mapping)} values: {self.counts})"


def pseudonymise(text: str, detector: Any, entities: list[Any] | None = None) -> Pseudonymised:
    entities = detector.find(text) if entities is None else entities
    taken: dict[str, set[int]] = {}
    for m in PLACEHOLDER.finditer(text):  # placeholders typed by the user are not ours to reuse
        taken.setdefault(m.group(1), set()).add(int(m.group(2)))
    by_value: dict[tuple[str, str], str] = {}
    mapping: dict[str, str] = {}
    counters: Counter[str] = Counter()
    out, last = [], 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.start < last:
            continue
        key = (e.type, " ".join(e.text.split()).casefold())
        placeholder = by_value.get(key)
        if placeholder is None:
            counters[e.type] += 1
            while counters[e.type] in taken.get(e.type, set()):
                counters[e.type] += 1
            placeholder = f"[{e.type}_{counters[e.type]}]"
            by_value[key] = placeholder
            mapping[placeholder] = e.text
        out.append(text[last:e.start])
        out.append(placeholder)
        last = e.end
    out.append(text[last:])
    counts = Counter(t for t, _ in by_value)
    return Pseudonymised("".join(out), mapping, dict(sorted(counts.items())))
