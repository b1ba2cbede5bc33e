"""Checks for the held-out personal-data set bench/data/pii_de_heldout.

The check-digit validators here are written independently of the generator's helpers, so a bug in one
of them shows up as a failing test.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
SET_DIR = ROOT / "bench" / "data" / "pii_de_heldout"
DATA = SET_DIR / "pii_de_heldout.jsonl"
README = SET_DIR / "README.md"

TYPES = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "BIC", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD",
         "PASSPORT", "LICENSE_PLATE", "DATE_OF_BIRTH", "CASE_NUMBER", "SPECIAL_CATEGORY"}
DOMAINS = {"citizen_message", "letter", "case_note", "council", "form", "hard"}
MINIMUM = {"PERSON": 500, "ADDRESS": 150, "PHONE": 80, "EMAIL": 60, "IBAN": 40, "BIC": 10, "TAX_ID": 30,
           "SOCIAL_SECURITY": 10, "ID_CARD": 10, "PASSPORT": 10, "LICENSE_PLATE": 20, "DATE_OF_BIRTH": 60,
           "CASE_NUMBER": 80, "SPECIAL_CATEGORY": 80}
ID_RE = re.compile(r"(?P<domain>[a-z_]+)-(?:t(?P<tpl>\d{2})-(?P<k>\d)|h(?P<hand>\d{2}))")
LOOKALIKE_RE = re.compile(r"not an entity: '([^']+)' \(([A-Z_]+) checksum fails\)")
CONFUSABLE_RE = re.compile(r"confusable: ([A-Z_]+) '([^']+)' has Cyrillic U\+([0-9A-F]{4})")


# --- independent validators -----------------------------------------------------------------------

IBAN_LEN = {"DE": 22, "AT": 20, "BE": 16, "FR": 27, "IT": 27, "ES": 24, "LU": 20, "NL": 18, "PL": 28,
            "CH": 21, "TR": 26}


def compact(value: str) -> str:
    return "".join(value.split()).upper()


def iban_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s) or IBAN_LEN.get(s[:2]) != len(s):
        return False
    digits = "".join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    return int(digits) % 97 == 1


def tax_id_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    head = s[:10]
    repeated = [n for n in Counter(head).values() if n > 1]
    if len(repeated) != 1 or repeated[0] > 3:
        return False
    if any(head[i] == head[i + 1] == head[i + 2] for i in range(len(head) - 2)):
        return False
    product = 10
    for ch in head:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = 2 * total % 11
    check = (11 - product) % 10
    return check == int(s[10])


def rv_ok(value: str) -> bool:
    s = compact(value)
    if not re.fullmatch(r"\d{8}[A-Z]\d{3}", s):
        return False
    digits = [int(c) for c in s[:8]] + [int(c) for c in f"{ord(s[8]) - ord('A') + 1:02d}"] + [int(c) for c in s[9:11]]
    total = sum(sum(divmod(d * w, 10)) for d, w in zip(digits, (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1), strict=True))
    return total % 10 == int(s[11])


ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


def check_731(s: str) -> int:
    weights = (7, 3, 1)
    return sum((int(c) if c.isdigit() else ord(c) - ord("A") + 10) * weights[i % 3] for i, c in enumerate(s)) % 10


def id_card_ok(value: str) -> bool:
    if not re.fullmatch(f"[LMNPRTVWXY][{ALPHABET}]{{8}}\\d?", value):
        return False
    return len(value) == 9 or check_731(value[:9]) == int(value[9])


VALIDATORS = {"IBAN": iban_ok, "TAX_ID": tax_id_ok, "SOCIAL_SECURITY": rv_ok, "ID_CARD": id_card_ok}


# --- fixtures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def items() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("pii_de_heldout_generate", SET_DIR / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entities(items: list[dict], etype: str | None = None):
    for it in items:
        for e in it["entities"]:
            if etype is None or e["type"] == etype:
                yield it, e


# --- structure --------------------------------------------------------------------------------------

def test_items_have_the_documented_shape(items):
    assert len(items) >= 320
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    for it in items:
        assert list(it) == ["id", "domain", "text", "entities", "notes"], it["id"]
        m = ID_RE.fullmatch(it["id"])
        assert m, it["id"]
        assert m["domain"] == it["domain"] and it["domain"] in DOMAINS
        assert isinstance(it["text"], str) and it["text"].strip()
        assert isinstance(it["notes"], str)
    assert {it["domain"] for it in items} == DOMAINS


def test_offsets_match_sorted_and_not_overlapping(items):
    for it in items:
        end = 0
        for e in it["entities"]:
            assert set(e) == {"start", "end", "type", "text"}, it["id"]
            assert e["type"] in TYPES, (it["id"], e)
            assert 0 <= e["start"] < e["end"] <= len(it["text"]), (it["id"], e)
            assert it["text"][e["start"]:e["end"]] == e["text"], (it["id"], e)
            assert e["start"] >= end, f"{it['id']}: overlapping or unsorted at {e}"
            end = e["end"]


def test_spans_have_no_padding_or_introducing_words(items):
    intro = {"PERSON": ("Herr ", "Herrn ", "Frau ", "Dr. ", "Prof. "), "IBAN": ("IBAN",), "BIC": ("BIC",),
             "CASE_NUMBER": ("Az", "Aktenzeichen", "Kassenzeichen"), "DATE_OF_BIRTH": ("geb", "*")}
    for it, e in entities(items):
        text = e["text"]
        assert text == text.strip() and text[0] not in ",.;:" and text[-1] not in ",;:", (it["id"], e)
        assert not text.startswith(intro.get(e["type"], ())), (it["id"], e)


def test_variety_and_minimum_counts(items):
    renders = Counter()
    sources = set()
    for it in items:
        m = ID_RE.fullmatch(it["id"])
        if m["tpl"]:
            renders[(m["domain"], m["tpl"])] += 1
            assert 1 <= int(m["k"]) <= 3
        sources.add((m["domain"], m["tpl"] or "h" + m["hand"]))
    assert max(renders.values()) <= 3
    assert len(sources) >= 90
    counts = Counter(e["type"] for _, e in entities(items))
    for etype, minimum in MINIMUM.items():
        assert counts[etype] >= minimum, (etype, counts[etype])
    assert any(not it["entities"] for it in items), "the set should contain passages without entities"


# --- reproducibility --------------------------------------------------------------------------------

def test_generator_reproduces_the_file_byte_for_byte(generator):
    assert generator.dump(generator.build()) == DATA.read_text(encoding="utf-8")


def test_readme_counts_are_current(generator, items):
    start, end = "<!-- counts:start (written by generate.py --readme) -->", "<!-- counts:end -->"
    text = README.read_text(encoding="utf-8")
    block = text[text.index(start) + len(start):text.index(end)].strip()
    assert block == generator.counts_markdown(items)


# --- check digits -----------------------------------------------------------------------------------

@pytest.mark.parametrize("etype", sorted(VALIDATORS))
def test_labelled_identifiers_pass_their_check(items, etype):
    found = 0
    for it, e in entities(items, etype):
        found += 1
        assert VALIDATORS[etype](e["text"]), (it["id"], e["text"])
    assert found


def test_german_passport_numbers_with_check_digit_pass(items):
    checked = 0
    for it, e in entities(items, "PASSPORT"):
        if re.fullmatch(f"[CFGHJK][{ALPHABET}]{{8}}\\d", e["text"]):
            checked += 1
            assert check_731(e["text"][:9]) == int(e["text"][9]), (it["id"], e["text"])
    assert checked


def test_social_security_numbers_carry_a_birth_date(items):
    """The Rentenversicherungsnummer contains DDMMYY; where the holder's birth date is in the text, it matches."""
    matched = 0
    for it, e in entities(items, "SOCIAL_SECURITY"):
        ddmmyy = compact(e["text"])[2:8]
        day, month = int(ddmmyy[:2]), int(ddmmyy[2:4])
        assert 1 <= day <= 31 and 1 <= month <= 12, (it["id"], e["text"])
        for d in it["entities"]:
            parts = d["text"].split(".") if d["type"] == "DATE_OF_BIRTH" else []
            if len(parts) == 3 and f"{int(parts[0]):02d}{int(parts[1]):02d}{parts[2][-2:]}" == ddmmyy:
                matched += 1
                break
    assert matched >= 10


def test_lookalikes_in_notes_really_fail_and_are_not_labelled(items):
    seen = Counter()
    for it in items:
        for value, etype in LOOKALIKE_RE.findall(it["notes"]):
            seen[etype] += 1
            assert etype in VALIDATORS, (it["id"], etype)
            pos = it["text"].find(value)
            assert pos >= 0, (it["id"], value)
            assert not VALIDATORS[etype](value), (it["id"], value)
            for e in it["entities"]:
                assert e["end"] <= pos or e["start"] >= pos + len(value), (it["id"], value, e)
    assert {"IBAN", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD"} <= set(seen)


def test_confusables_in_notes_are_labelled_and_contain_the_character(items):
    found = 0
    for it in items:
        for etype, value, code in CONFUSABLE_RE.findall(it["notes"]):
            found += 1
            assert chr(int(code, 16)) in value, (it["id"], value)
            assert any(e["type"] == etype and e["text"] == value for e in it["entities"]), (it["id"], value)
    assert found


def test_email_addresses_use_reserved_domains(items):
    for it, e in entities(items, "EMAIL"):
        addr = e["text"].lower().replace(" (at) ", "@").replace("[at]", "@").replace(" (dot) ", ".")
        addr = addr.replace("[dot]", ".")
        domain = addr.rsplit("@", 1)[1]
        assert domain.endswith((".example", "example.com", "example.net", "example.org")), (it["id"], e["text"])
