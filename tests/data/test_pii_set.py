"""The German PII evaluation set (bench/data/pii_de): offsets, labels, check digits, coverage, and that the
generator reproduces the committed file byte for byte.

The check-digit functions here are written independently of the generator's, and both are tested
against published reference numbers, so a bug in one does not hide behind the other."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
SET_DIR = ROOT / "bench" / "data" / "pii_de"
DATA = SET_DIR / "pii_de.jsonl"

LABELS = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "BIC", "TAX_ID", "SOCIAL_SECURITY", "ID_CARD",
          "PASSPORT", "LICENSE_PLATE", "DATE_OF_BIRTH", "CASE_NUMBER", "SPECIAL_CATEGORY"}
DOMAINS = {"citizen_message", "letter", "case_note", "council", "hard"}
MIN_20 = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "TAX_ID"}


# ---- independent check-digit implementations ------------------------------------------------------

def _compact(value: str) -> str:
    return "".join(value.split()).upper()


def iban_ok(value: str) -> bool:
    s = _compact(value)
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in rearranged)) % 97 == 1


def steuer_id_ok(value: str) -> bool:
    s = _compact(value)
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    counts = sorted(Counter(s[:10]).values(), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] != 1):
        return False
    if counts[0] == 3 and re.search(r"(\d)\1\1", s[:10]):
        return False
    p = 10
    for ch in s[:10]:
        t = (int(ch) + p) % 10
        p = (2 * (t if t else 10)) % 11
    return (11 - p) % 10 == int(s[10])


def rvnr_ok(value: str) -> bool:
    s = _compact(value)
    if not re.fullmatch(r"\d{8}[A-Z]\d{3}", s):
        return False
    if not (1 <= int(s[2:4]) % 50 <= 31 and 1 <= int(s[4:6]) <= 12):
        return False
    nums = [int(c) for c in s[:8]] + [int(c) for c in f"{ord(s[8]) - ord('A') + 1:02d}"] + [int(s[9]), int(s[10])]
    total = 0
    for n, w in zip(nums, (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1), strict=True):
        total += sum(int(c) for c in str(n * w))
    return total % 10 == int(s[11])


def icao_check(chars: str) -> int:
    return sum((int(c) if c.isdigit() else ord(c) - 55) * (7, 3, 1)[i % 3] for i, c in enumerate(chars)) % 10


def id_card_ok(value: str) -> bool:
    s = _compact(value)
    if not re.fullmatch(r"[CFGHJKLMNPRTVWXYZ0-9]{9}\d?", s):
        return False
    if not re.search(r"[A-Z]", s[:9]) or not re.search(r"\d", s[:9]):
        return False
    return len(s) == 9 or icao_check(s[:9]) == int(s[9])


CHECKS = {"IBAN": iban_ok, "TAX_ID": steuer_id_ok, "SOCIAL_SECURITY": rvnr_ok, "ID_CARD": id_card_ok}


# ---- fixtures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def items() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("pii_de_generate", SET_DIR / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entities(items: list[dict]):
    for it in items:
        for ent in it["entities"]:
            yield it, ent


# ---- the file ---------------------------------------------------------------------------------------

def test_size_ids_and_schema(items):
    assert len(items) >= 300
    assert len({it["id"] for it in items}) == len(items)
    for it in items:
        assert set(it) == {"id", "domain", "text", "entities", "notes"}, it["id"]
        assert isinstance(it["text"], str) and it["text"].strip(), it["id"]
        assert isinstance(it["notes"], str), it["id"]


def test_every_domain_present_and_roughly_balanced(items):
    per_domain = Counter(it["domain"] for it in items)
    assert set(per_domain) == DOMAINS
    main = [per_domain[d] for d in DOMAINS - {"hard"}]
    assert min(main) >= 0.8 * max(main)
    assert 20 <= per_domain["hard"] < min(main)


def test_offsets_match_and_labels_are_allowed(items):
    for it, ent in entities(items):
        assert set(ent) == {"start", "end", "type", "text"}, it["id"]
        assert ent["type"] in LABELS, (it["id"], ent)
        assert 0 <= ent["start"] < ent["end"] <= len(it["text"]), (it["id"], ent)
        assert it["text"][ent["start"]:ent["end"]] == ent["text"], (it["id"], ent)


def test_spans_are_sorted_without_overlap_and_on_word_boundaries(items):
    for it in items:
        text, last_end = it["text"], 0
        for ent in it["entities"]:
            assert ent["start"] >= last_end, (it["id"], ent)
            last_end = ent["end"]
            assert ent["text"] == ent["text"].strip(), (it["id"], ent)
            before = text[ent["start"] - 1] if ent["start"] else " "
            after = text[ent["end"]] if ent["end"] < len(text) else " "
            assert not before.isalnum() and not after.isalnum(), (it["id"], ent)


def test_no_markup_left_in_texts(items):
    for it in items:
        assert "[[" not in it["text"] and "]]" not in it["text"], it["id"]
        assert not re.search(r"[\x00-\x08\x0b-\x1f]", it["text"]), it["id"]


def test_enough_examples_per_type(items):
    counts = Counter(ent["type"] for _, ent in entities(items))
    for label in LABELS:
        assert counts[label] >= (20 if label in MIN_20 else 8), (label, counts[label])


def test_every_checksummed_entity_passes_its_check(items):
    checked = Counter()
    for it, ent in entities(items):
        check = CHECKS.get(ent["type"])
        if check:
            assert check(ent["text"]), (it["id"], ent)
            checked[ent["type"]] += 1
    assert set(checked) == set(CHECKS)


def test_some_ibans_are_foreign_and_some_have_no_spaces(items):
    ibans = [ent["text"] for _, ent in entities(items) if ent["type"] == "IBAN"]
    assert sum(not _compact(i).startswith("DE") for i in ibans) >= 3
    assert any(" " not in i for i in ibans) and any(" " in i for i in ibans)


def test_noted_look_alikes_fail_their_checksum_and_are_not_labelled(items):
    found = 0
    for it in items:
        for value, kind in re.findall(r"not an entity: '([^']+)' \((\w+) checksum fails\)", it["notes"]):
            found += 1
            start = it["text"].index(value)
            end = start + len(value)
            assert not any(e["start"] < end and start < e["end"] for e in it["entities"]), (it["id"], value)
            assert not CHECKS[kind](value), (it["id"], value)
    assert found >= 8


def test_placeholders_are_never_entities(items):
    found = 0
    for it in items:
        for m in re.finditer(r"\[[A-Z_]+(?:_\d+)?\]", it["text"]):
            found += 1
            assert not any(e["start"] < m.end() and m.start() < e["end"] for e in it["entities"]), it["id"]
    assert found >= 10


def test_hard_group_has_confusables_and_particles(items):
    hard = [it for it in items if it["domain"] == "hard"]
    assert any(any("\u0400" <= c <= "\u04ff" for c in e["text"]) for it in hard for e in it["entities"])
    names = [e["text"] for it in hard for e in it["entities"] if e["type"] == "PERSON"]
    assert any(re.search(r"\b(von|van|de|ter|zu|vom)\b", n) for n in names)
    assert any("-" in n for n in names)


# ---- the check-digit functions against published reference numbers ------------------------------

REFERENCE_VALID = {
    "IBAN": ["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32"],
    "TAX_ID": ["11234567890"],           # one digit twice; a test number also used by python-stdnum
    "SOCIAL_SECURITY": ["15070649C103"],  # the commonly cited worked example of the check digit
    "ID_CARD": ["L01X00T471", "T220001293", "L01X00T47"],  # specimen ("Mustermann") card numbers
}
REFERENCE_INVALID = {
    "IBAN": ["DE88 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 01"],
    "TAX_ID": ["11234567891", "12345678903", "11123456786", "01234567896"],  # wrong digit, no repeat, 3 in a row, 0
    "SOCIAL_SECURITY": ["15070649C104", "15071349C103"],
    "ID_CARD": ["L01X00T472", "LOIX00T471"],
}


@pytest.mark.parametrize("kind", sorted(CHECKS))
def test_reference_numbers(kind, generator):
    gen = {"IBAN": generator.iban_is_valid, "TAX_ID": generator.steuer_id_is_valid,
           "SOCIAL_SECURITY": generator.rvnr_is_valid, "ID_CARD": generator.id_document_is_valid}[kind]
    for value in REFERENCE_VALID[kind]:
        assert CHECKS[kind](value) and gen(value), value
    for value in REFERENCE_INVALID[kind]:
        assert not CHECKS[kind](value) and not gen(value), value


def test_generator_check_digit_helpers(generator):
    assert generator.iban_check_digits("DE", "370400440532013000") == "89"
    assert generator.steuer_id_check_digit("1123456789") == 0
    assert generator.steuer_id_check_digit("1112345678") == 6
    assert generator.rvnr_check_digit("15070649C10") == 3
    assert generator.check_digit_731("C01X00T47") == 8  # specimen Reisepass


def test_generated_identifiers_are_valid_in_bulk(generator):
    import random

    rng = random.Random(7)
    for _ in range(300):
        assert steuer_id_ok(generator.make_steuer_id(rng))
        for country in generator.IBAN_LENGTHS:
            assert iban_ok(generator.make_iban(rng, country))


# ---- reproducibility ---------------------------------------------------------------------------------

def test_generator_is_deterministic(generator, tmp_path):
    out = tmp_path / "pii_de.jsonl"
    items = generator.write(out)
    assert out.read_bytes() == DATA.read_bytes()
    assert generator.summary(items) in (SET_DIR / "README.md").read_text(encoding="utf-8")
