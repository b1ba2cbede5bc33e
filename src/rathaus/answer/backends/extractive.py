"""The extractive backend: no model. The answer is the sources' own best sentences, each cited.

It is always available and the default. For every sentence of the numbered sources it scores
the question terms the sentence contains, weighted by how rare they are among the sources'
sentences (a rare term like "Passbild" counts more than "Antrag"), favours higher-ranked sources,
sentences with an amount, a date or a figure when the question asks for one, and committee results
when it asks for a decision. The best sentence and up to two close runners-up form the answer,
verbatim, each followed by its source number. Because every sentence is copied from the source it
cites, its citations always pass the engine's check.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rathaus.answer.backends.base import GenerationRequest, Source
from rathaus.answer.citations import CheckedSentence, split_sentences
from rathaus.answer.questions import DECISION_QUESTION, QUESTION_WORDS
from rathaus.language.german import query_terms, terms

MAX_SENTENCE_CHARS = 400
MAX_SENTENCES = 3
RUNNER_UP = 0.6  # a further sentence needs this share of the best score
TITLE_CONTEXT = 0.7  # weight of a question term found only in the sentence's document title
RANK_PRIOR = 0.05  # score divided by 1 + RANK_PRIOR * (source number - 1)

# What kind of fact a question asks for, and what a sentence that gives it looks like.
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
INTENTS = [
    (re.compile(r"\b(kost\w*|gebühr\w*|preis\w*|zuschuss\w*|euro|betrag|beträgt|wie teuer|how much|fee|cost)\b",
                re.IGNORECASE), re.compile(r"\d\s*(€|Euro|EUR)|(€|EUR)\s*\d|kostenlos|gebührenfrei", re.IGNORECASE),
     1.6),
    (re.compile(r"\b(wann|bis wann|ab wann|seit wann|datum|frist\w*|when)\b", re.IGNORECASE),
     re.compile(rf"\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}\.\s?({_MONTHS})|({_MONTHS})\s\d{{4}}|\b(19|20)\d{{2}}\b|"
                rf"\b\d+\s(Tage|Wochen|Monate|Jahre)", re.IGNORECASE), 1.4),
    (re.compile(r"\b(wie ?viele?|wie hoch|wie lange|wie groß|anzahl|how many)\b", re.IGNORECASE), re.compile(r"\d"), 1.3),
]
_DECISION_LINE = re.compile(r"\b(Entscheidung|beschlossen|zugestimmt|Zustimmung|abgelehnt|Ablehnung|"
                            r"einstimmig|mehrheitlich|genehmigt|bewilligt)\b", re.IGNORECASE)


@dataclass
class Candidate:
    source: Source
    index: int  # position of the sentence in its source
    text: str
    terms: set[str]
    score: float = 0.0


def segments(text: str) -> list[str]:
    """Sentences of a passage; list items and lines of a header count as sentences too."""
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-•*]\s)|\n(?=[A-ZÄÖÜ][\w ]{0,30}:)", text):
        block = re.sub(r"^\s*[-•*]\s+", "", " ".join(block.split()))
        out.extend(split_sentences(block))
    return [s for s in out if len(s) > 15 and re.search(r"[^\W\d_]{3}", s) and prose(s)]


def prose(text: str) -> bool:
    """False for a keyword list ("Suchwörter: Gewerbe Anmeldung Gewerbeschein …"): German prose has
    articles, verbs and prepositions in lower case. Rows with figures stay (tables hold answers)."""
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 6 or re.search(r"\d", text):
        return True
    return sum(1 for w in words if w[0].islower()) >= 0.15 * len(words)


def shorten(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


class ExtractiveBackend:
    kind = "extractive"
    model = "extractive"
    trusted = True  # nothing leaves the process

    def __init__(self, config: dict[str, Any] | None = None, settings: Any = None) -> None:
        config = config or {}
        self.name = config.get("name", "extractive")
        self.max_sentences = int(config.get("max_sentences", MAX_SENTENCES))

    def rank(self, request: GenerationRequest) -> list[Candidate]:
        wanted = [t for t in query_terms(request.question) if t not in QUESTION_WORDS]
        candidates = [Candidate(s, i, text, set(terms(text)))
                      for s in request.sources for i, text in enumerate(segments(s.text))]
        if not wanted or not candidates:
            return []
        df = {t: sum(1 for c in candidates if t in c.terms) for t in wanted}
        idf = {t: math.log(1 + len(candidates) / (1 + df[t])) for t in wanted}
        intents = [(answer, bonus) for asks, answer, bonus in INTENTS if asks.search(request.question)]
        decision = bool(DECISION_QUESTION.search(request.question))
        total = sum(idf.values())
        title_terms = {s.n: set(terms(f"{s.title} {s.reference or ''}")) for s in request.sources}
        for c in candidates:
            # A sentence is read in the context of its document: a question term in the title counts
            # (at a lower weight), so "Die Gesamtkosten betragen 230.000 €" answers "Was kostet die
            # Erneuerung der Straßenbeleuchtung?" in a paper titled "Erneuerung der Straßenbeleuchtung".
            in_title = title_terms[c.source.n]
            c.score = sum(idf[t] * (TITLE_CONTEXT if t in in_title else 1.0 if t in c.terms else 0.0)
                          for t in wanted) / total
            if not (c.terms & set(wanted)) - in_title:
                c.score = 0.0  # the sentence must add something asked for beyond repeating the title
                continue
            for answer, bonus in intents:
                if answer.search(c.text):
                    c.score *= bonus
            if decision and _DECISION_LINE.search(c.text):
                c.score *= 1.3
            c.score /= 1 + RANK_PRIOR * (c.source.n - 1)  # the retriever's order carries information
        return sorted((c for c in candidates if c.score > 0), key=lambda c: (-c.score, c.source.n, c.index))

    def select(self, request: GenerationRequest) -> list[Candidate]:
        ranked = self.rank(request)
        if not ranked:
            return []
        best = ranked[0]
        chosen = [best]
        for c in ranked[1:]:
            if len(chosen) >= self.max_sentences or c.score < RUNNER_UP * best.score:
                break
            if any(c.text == o.text for o in chosen):
                continue
            chosen.append(c)
        # Keep sentences of one source in their original order, sources in rank order.
        return sorted(chosen, key=lambda c: (c.source.n, c.index))

    def generate(self, request: GenerationRequest) -> Iterator[str]:
        for i, c in enumerate(self.select(request)):
            sentence = CheckedSentence(shorten(c.text), [c.source.n]).render()
            yield ("" if i == 0 else "\n") + sentence
