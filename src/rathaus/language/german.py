"""German-aware terms for the lexical index and for queries.

The same analysis runs when a chunk is indexed and when a query is parsed, so that
``Straße``/``Strasse``/``Straßen`` meet in one term and a compound such as
``Straßenbeleuchtung`` is also found by ``Beleuchtung``:

    >>> terms("Die Straßenbeleuchtung in der Hauptstraße")
    ['strassenbeleucht', 'strass', 'beleucht', 'hauptstrass', 'haupt', 'strass']

Steps: NFC, lower case, tokenise on letters and digits, drop stop words, split compounds
with the word list that ships with simplemma, and stem every part with the Snowball
German stemmer (which folds ä→a, ö→o, ü→u, ß→ss, and ae/oe/ue).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_STEMMER = Stemmer.Stemmer("german")

# Written for this project: German function words and question words that carry no topic.
STOPWORDS = frozenset(
    ["aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere", "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da", "dabei", "damit", "dann", "das", "dass", "daß", "dein", "deine", "dem", "den", "denn", "der", "des", "dessen", "deshalb", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "einig", "einige", "einigem", "einigen", "einiger", "einiges", "einmal", "er", "es", "etwas", "euch", "euer", "eure", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jenes", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "keines", "können", "könnte", "machen", "man", "manche", "manchem", "manchen", "mancher", "manches", "mein", "meine", "mich", "mir", "mit", "muss", "musste", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines", "selbst", "sich", "sie", "sind", "so", "solche", "solchem", "solchen", "solcher", "solches", "soll", "sollte", "sondern", "sonst", "über", "um", "und", "uns", "unsere", "unserem", "unseren", "unser", "unter", "viel", "vom", "von", "vor", "während", "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche", "welchem", "welchen", "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wirst", "wo", "wollen", "wollte", "würde", "würden", "zu", "zum", "zur", "zwar", "zwischen", "wann", "warum", "weshalb", "wieso", "wer", "wen", "wem", "wessen", "woher", "wohin", "womit", "wofür", "worüber", "wodurch", "wieviel", "wieviele", "viele", "gibt", "geben", "gab", "wurde", "wurden", "worden", "sei", "seien", "hätte", "hätten", "bitte", "denn", "etwa", "eigentlich"]
)

# Written for this project: abbreviations common in German local government, and their long forms.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "kita": ("kindertagesstätte", "kindertageseinrichtung"),
    "kitas": ("kindertagesstätten", "kindertageseinrichtungen"),
    "öpnv": ("nahverkehr",),
    "ob": ("oberbürgermeister", "oberbürgermeisterin"),
    "bplan": ("bebauungsplan",),
    "b-plan": ("bebauungsplan",),
    "gr": ("gemeinderat",),
    "pv": ("photovoltaik",),
    "e-mobilität": ("elektromobilität",),
    "ogs": ("ganztagsschule",),
    "thh": ("teilhaushalt",),
    # How citizens ask versus how service descriptions are written (FIM section words)
    "kostet": ("gebühr",),
    "kosten": ("gebühr",),
    "teuer": ("gebühr",),
    "perso": ("personalausweis",),
    "ausweis": ("personalausweis",),
    "ummelden": ("anmeldung", "wohnsitz"),
    "ummeldung": ("anmeldung", "wohnsitz"),
    "umziehen": ("anmeldung", "wohnsitz"),
    "umzug": ("anmeldung", "wohnsitz"),
    "brauche": ("unterlagen",),
    "brauchen": ("unterlagen",),
    "mitbringen": ("unterlagen",),
    "auto": ("fahrzeug",),
}

_LINKING = ("s", "es", "n", "en", "e", "er")
_MIN_PART = 4
_MIN_COMPOUND = 8


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


@lru_cache(maxsize=1)
def _known():
    import simplemma  # loads a 19 MB word list on first use

    def known(word: str) -> bool:
        return len(word) >= _MIN_PART and simplemma.is_known(word, lang="de")

    return known


@lru_cache(maxsize=500_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Split a German compound into known words, longest head word last.

    >>> split_compound("straßenbeleuchtung")
    ('straßen', 'beleuchtung')
    >>> split_compound("verwaltung")
    ()
    """
    if len(word) < _MIN_COMPOUND or not word.isalpha():
        return ()
    known = _known()
    # A word the lexicon knows as a whole needs a longer tail, so that "häufigsten" stays whole.
    min_tail = _MIN_PART + 1 if known(word) else _MIN_PART
    for i in range(_MIN_PART, len(word) - min_tail + 1):  # longest head word (tail) first
        head, tail = word[:i], word[i:]
        if not known(tail):
            continue
        if known(head):
            modifier = head
        else:
            modifier = next((head[: -len(s)] for s in _LINKING
                             if head.endswith(s) and known(head[: -len(s)])), None)
        if modifier is not None:
            inner = split_compound(modifier) if len(modifier) >= 10 else ()
            return (*(inner or (modifier,)), tail)
        inner = split_compound(head)
        if inner:
            return (*inner, tail)
    return ()


def _word_terms(word: str) -> list[str]:
    out = [stem(word)]
    for part in split_compound(word):
        out.append(stem(part))
    return out


def terms(text: str) -> list[str]:
    """Index terms of a text, in order (compound parts follow their compound)."""
    out: list[str] = []
    for tok in tokens(text):
        if tok in STOPWORDS:
            continue
        if "-" in tok:
            pieces = [p for p in tok.split("-") if p]
            out.append(stem(tok.replace("-", "")))
            for p in pieces:
                if p not in STOPWORDS:
                    out.extend(_word_terms(p))
            continue
        out.extend(_word_terms(tok))
    return out


def index_text(text: str) -> str:
    """The string stored in the full-text index for a text."""
    return " ".join(terms(text))


def query_terms(text: str) -> list[str]:
    """Distinct query terms, with synonyms of known abbreviations added."""
    seen: dict[str, None] = {}
    for tok in tokens(text):
        if tok in STOPWORDS:
            continue
        for t in terms(tok):
            seen.setdefault(t, None)
        for syn in SYNONYMS.get(tok, ()):
            for t in terms(syn):
                seen.setdefault(t, None)
    return list(seen)
