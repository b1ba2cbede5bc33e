"""Sentences, inline citations and the check that a cited passage supports its sentence.

A citation ``[n]`` is kept only when source n exists and supports the sentence: enough of the
sentence's content terms (German stems, compounds split) occur in the passage, and every number
in the sentence occurs in the passage too (numbers are where a model invents most). Small models
often forget the marks, or put them on the wrong source: a sentence whose citations are all missing
or rejected is attributed to the source that supports it best, under the same test. A sentence
that no source supports is not shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rathaus.answer.backends.base import Source
from rathaus.language.german import terms, tokens

CITATION = re.compile(r"\s*\[(\d{1,3})\]")
# A sentence ends at . ! ? (or a citation after one) followed by space and an upper-case letter,
# a digit or an opening quote; not after an abbreviation, an ordinal number or a single initial.
_ABBREV = ("z. B.", "z.B.", "d. h.", "u. a.", "bzw.", "ca.", "Dr.", "Nr.", "Abs.", "Art.", "vgl.", "ggf.",
           "inkl.", "evtl.", "Str.", "St.", "gem.", "lt.", "S.", "Tel.", "usw.", "etc.", "Mio.", "Mrd.", "Prof.")
_END = re.compile(r"(?<=[.!?])((?:\s*\[\d{1,3}\])*)\s+(?=[A-ZÄÖÜ0-9\"„»(])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MIN_SUPPORT = 0.5


def split_sentences(text: str) -> list[str]:
    """Split German text into sentences, keeping trailing citations with their sentence. A line
    break always ends a sentence (list items, headers, one extracted sentence per line)."""
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        for m in _END.finditer(line):
            head = line[start:m.start()]
            if (" " + head).endswith(tuple(" " + a for a in _ABBREV)) or re.search(
                    r"(?:^|\s)(?:\d{1,2}|[A-ZÄÖÜ]|[a-zäöü])\.$", head):
                continue  # "3. Mai", "Dr. Müller", "A. Schmidt", "z. B."
            out.append((head + m.group(1)).strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def cited_numbers(sentence: str) -> list[int]:
    return [int(n) for n in CITATION.findall(sentence)]


def strip_citations(sentence: str) -> str:
    return CITATION.sub("", sentence).strip()


def numbers(text: str) -> set[str]:
    """Numbers in a canonical form: '1.200,50' and '1200,50' both give '120050'; years stay years."""
    return {re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text)}


def concepts(text: str) -> list[tuple[str, ...]]:
    """The content words of a text, each as its index terms (a compound's stem, then its parts)."""
    out: dict[tuple[str, ...], None] = {}
    for token in tokens(text):
        if not token.isdigit() and (word := tuple(terms(token))):
            out.setdefault(word, None)
    return list(out)


def support(sentence: str, passage: str) -> float:
    """Share of the sentence's content words found in the passage; 0 if a number is missing, and 0
    for a short claim (three content words or fewer) that misses any of them. A compound counts once,
    and is found when the passage has the compound or all of its parts ("Hundesteuer": hund, steuer),
    so its parts cannot outvote the claim's other words."""
    claim = strip_citations(sentence)
    if not numbers(claim) <= numbers(passage):
        return 0.0
    wanted = concepts(claim)
    if not wanted:
        return 1.0
    have = set(terms(passage))
    found = sum(1 for word in wanted if word[0] in have or (len(word) > 1 and all(t in have for t in word[1:])))
    share = found / len(wanted)
    return share if len(wanted) > 3 or share == 1.0 else 0.0


@dataclass
class CheckedSentence:
    text: str  # without citation marks
    citations: list[int]  # the supporting sources, in the order cited
    rejected: list[int] = field(default_factory=list)  # cited but missing or not supporting
    attributed: bool = False  # the citation was found by the check, not written by the backend

    def render(self) -> str:
        """The sentence with its citations before the closing punctuation: "… im Jahr [1]." """
        if not self.citations:
            return self.text
        marks = "".join(f"[{n}]" for n in self.citations)
        # every rendered sentence ends with punctuation, so a list item or a table row taken from a
        # source cannot run into the next sentence
        body, end = (self.text[:-1], self.text[-1]) if self.text and self.text[-1] in ".!?" else (self.text, ".")
        return f"{body.rstrip()} {marks}{end}"


def check_sentence(sentence: str, sources: Sequence[Source], min_support: float = MIN_SUPPORT) -> CheckedSentence:
    by_n = {s.n: s for s in sources}
    kept, rejected = [], []
    if not re.search(r"[^\W\d_]", strip_citations(sentence)):  # nothing but numbers, marks or punctuation
        return CheckedSentence(strip_citations(sentence), [], cited_numbers(sentence))
    for n in dict.fromkeys(cited_numbers(sentence)):
        source = by_n.get(n)
        if source is not None and support(sentence, f"{source.title}\n{source.text}") >= min_support:
            kept.append(n)
        else:
            rejected.append(n)
    if not kept:
        scored = [(support(sentence, f"{s.title}\n{s.text}"), -s.n) for s in sources]
        best = max(scored, default=(0.0, 0))
        if best[0] >= min_support:
            return CheckedSentence(strip_citations(sentence), [-best[1]], rejected, attributed=True)
    return CheckedSentence(strip_citations(sentence), kept, rejected)


def check_answer(text: str, sources: Sequence[Source], min_support: float = MIN_SUPPORT) -> list[CheckedSentence]:
    return [check_sentence(s, sources, min_support) for s in split_sentences(text)]


def render(sentences: Iterable[CheckedSentence]) -> str:
    return " ".join(s.render() for s in sentences)
