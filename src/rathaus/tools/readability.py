"""Readability of German text: the first Wiener Sachtextformel and Flesch reading ease after Amstad.

    >>> r = readability("Der Hund bellt. Die Katze schläft.")
    >>> r.words, r.sentences, r.syllables
    (6, 2, 7)

Both scores need no model and run in milliseconds. They measure surface features only (sentence
length, word length, syllables); a text can score well and still be hard (unknown words, poor
order). Use them to compare versions of one text, as the plain-language tool does before and after
its rewrite, not as a verdict.

**Erste Wiener Sachtextformel** (WSTF 1; Bamberger, R. and Vanecek, E. 1984: *Lesen – Verstehen –
Lernen – Schreiben. Die Schwierigkeitsstufen von Texten in deutscher Sprache*, Wien: Jugend und
Volk, S. 82 ff.; the formula as given in the German Wikipedia article "Lesbarkeitsindex")::

    WSTF = 0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875

MS: per cent of words with three or more syllables; SL: mean sentence length in words; IW: per cent
of words with more than six letters; ES: per cent of words with one syllable. The result reads as a
school grade: about 4 is very easy, 15 very hard. Einfache Sprache aims at about 6–8 or below.

**Flesch reading ease for German** (Amstad, T. 1978: *Wie verständlich sind unsere Zeitungen?*,
Dissertation, Universität Zürich; the English formula of Flesch 1948 with constants refitted to
German)::

    FRE = 180 − ASL − 58.5·ASW

ASL: mean sentence length in words; ASW: mean syllables per word. 0–30 very hard (academic),
30–50 hard, 50–60 fairly hard, 60–70 medium, 70–80 fairly easy, 80–90 easy, 90–100 very easy.
The raw value is reported (it can leave 0–100 for extreme texts).

Counting rules (written for this project): a word is a run of letters, hyphenated compounds count
as one word (their parts' syllables add up); numbers and symbols are not words. Sentences come from
``rathaus.answer.citations.split_sentences`` (., !, ? before a capital, and every line break, so list
items and Leichte-Sprache lines count as sentences). Syllables are counted by ``syllables``: a
heuristic over vowel groups, exact for most German words (see its docstring for the known misses).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from rathaus.answer.citations import split_sentences
from rathaus.errors import InputError

_WORD = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")
_VOWEL_RUN = re.compile(r"[aeiouyäöü]+")
# Two letters that form one syllable nucleus: diphthongs and long vowels.
_NUCLEI = frozenset({"aa", "ee", "oo", "ie", "ei", "ai", "au", "eu", "äu", "ey", "ay", "ou"})
# "-lie"/"-lien" at the end after a vowel is li-e (Familie, Petersilie, Folie, Italien).
_LIE = re.compile(r"(?<=[aeiouyäöü])lien?$")


def syllables(word: str) -> int:
    """Syllables of one German word, at least 1.

    Each group of adjacent vowels (a e i o u y ä ö ü) counts its nuclei: a diphthong or long vowel
    (ei, ai, au, eu, äu, ie, aa, ee, oo, ey, ay, ou) is one, every other vowel one more
    (Si-tu-a-ti-on: u-a and i-o are two each). ``qu`` is a consonant; ``-lie(n)`` after a vowel is
    li-e (Fa-mi-li-e, Im-mo-bi-li-en). Known misses: loan words with a split digraph (Mu-se-um,
    I-de-en: one too few), ``-ie`` as i-e elsewhere (Ak-ti-e: one too few), ``-lie`` as one syllable
    (Me-lan-cho-lie: one too many). Hyphenated words add up their parts.

    >>> [syllables(w) for w in ["Hund", "Katze", "Gemeindeverwaltung", "Information", "Familie"]]
    [1, 2, 6, 5, 4]
    """
    total = 0
    for part in re.split(r"[-‐'’]", word.lower()):
        if not part:
            continue
        part = part.replace("qu", "qv")
        count = 0
        for run in _VOWEL_RUN.findall(part):
            i = 0
            while i < len(run):
                i += 2 if run[i:i + 2] in _NUCLEI else 1
                count += 1
        if _LIE.search(part):
            count += 1
        total += max(1, count)
    return max(1, total)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


@dataclass
class Readability:
    sentences: int
    words: int
    syllables: int
    wstf: float  # erste Wiener Sachtextformel, school grade (4 very easy … 15 very hard)
    flesch_amstad: float  # 0 very hard … 100 very easy
    mean_sentence_length: float  # words per sentence (SL, ASL)
    syllables_per_word: float  # ASW
    pct_three_plus_syllables: float  # MS
    pct_long_words: float  # IW: more than six letters
    pct_one_syllable: float  # ES
    wstf_label: str = ""
    flesch_label: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def wstf_label(score: float) -> str:
    if score < 6:
        return "sehr leicht"
    if score < 8:
        return "leicht"
    if score < 10:
        return "mittel"
    if score < 12:
        return "schwer"
    return "sehr schwer"


def flesch_label(score: float) -> str:
    for limit, label in ((30, "sehr schwer"), (50, "schwer"), (60, "mittelschwer"), (70, "mittel"),
                         (80, "mittelleicht"), (90, "leicht")):
        if score < limit:
            return label
    return "sehr leicht"


def readability(text: str) -> Readability:
    """Both scores and their parts for ``text``. Raises InputError when the text has no words."""
    text = unicodedata.normalize("NFC", text)
    sentence_words = [w for w in (words(s) for s in split_sentences(text)) if w]
    all_words = [w for ws in sentence_words for w in ws]
    if not all_words:
        raise InputError("the text contains no words", user_message="Der Text enthält keine Wörter.")
    n_words, n_sentences = len(all_words), len(sentence_words)
    counts = [syllables(w) for w in all_words]
    n_syllables = sum(counts)
    sl = n_words / n_sentences
    asw = n_syllables / n_words
    ms = 100 * sum(1 for c in counts if c >= 3) / n_words
    iw = 100 * sum(1 for w in all_words if _letters(w) > 6) / n_words
    es = 100 * sum(1 for c in counts if c == 1) / n_words
    wstf = 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    fre = 180 - sl - 58.5 * asw
    return Readability(sentences=n_sentences, words=n_words, syllables=n_syllables, wstf=round(wstf, 2),
                       flesch_amstad=round(fre, 1), mean_sentence_length=round(sl, 2),
                       syllables_per_word=round(asw, 3), pct_three_plus_syllables=round(ms, 1),
                       pct_long_words=round(iw, 1), pct_one_syllable=round(es, 1),
                       wstf_label=wstf_label(wstf), flesch_label=flesch_label(fre))
