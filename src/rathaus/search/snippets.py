"""Highlighted snippets: the part of a passage where the query terms are densest.

Matching uses the same German analysis as the index, so "Straßen" marks "Strasse".

    >>> snippet("Die Hundesteuer steigt. Der Gemeinderat hat beschlossen.", ["hundesteu"], width=80)
    'Die <mark>Hundesteuer</mark> steigt. Der Gemeinderat hat beschlossen.'
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from rathaus.language.german import STOPWORDS, normalize, split_compound, stem

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def _stems(word: str) -> frozenset[str]:
    low = normalize(word)
    if low in STOPWORDS:
        return frozenset()
    stems = {stem(low), stem(low.replace("-", ""))}
    stems.update(stem(p) for p in split_compound(low))
    return frozenset(stems)


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    """One regex finding every place a stem could occur in lower-cased, unfolded text."""
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        pattern = re.escape(term).replace("ss", "(?:ss|ß)")
        pattern = pattern.replace("a", "[aä]").replace("o", "[oö]").replace("u", "[uü]")
        alternatives.append(pattern)
    return re.compile("|".join(alternatives)) if alternatives else None


def _matches(word: str, terms: set[str]) -> bool:
    return not _stems(word).isdisjoint(terms)


def snippet(text: str, terms: Iterable[str], width: int = 320) -> str:
    terms = set(terms)
    pattern = _term_pattern(terms)
    found = [m.start() for m in pattern.finditer(text.lower())] if pattern else []
    hits = []
    if found:  # only words around a possible stem need the full analysis
        words = list(_WORD.finditer(text))
        starts = [m.start() for m in words]
        candidates = {bisect_right(starts, pos) - 1 for pos in found}
        hits = [words[i] for i in sorted(candidates) if i >= 0 and _matches(words[i].group(), terms)]
    if len(text) <= width:
        start, end = 0, len(text)
    elif hits:
        best, best_count = hits[0].start(), 0
        for h in hits:  # the window starting at a hit that covers the most hits
            count = sum(1 for o in hits if h.start() <= o.start() < h.start() + width)
            if count > best_count:
                best, best_count = h.start(), count
        start = max(0, best - width // 4)
        start = text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(text), start + width)
    else:
        start, end = 0, width
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start + width // 2 else end
    out, pos = [], start
    for m in hits:
        if m.start() < start or m.end() > end:
            continue
        out.append(html.escape(text[pos:m.start()]))
        out.append(f"<mark>{html.escape(m.group())}</mark>")
        pos = m.end()
    out.append(html.escape(text[pos:end]))
    body = " ".join("".join(out).split())
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")
