"""Check digits of German and European identifiers: a number that fails its check is not that identifier.

Each function takes the identifier as found (spaces allowed) and answers True only for a valid one.
"""

from __future__ import annotations

import re

# IBAN lengths per country (ISO 13616), for the countries a German city meets most.
IBAN_LENGTHS = {
    "DE": 22, "AT": 20, "CH": 21, "LI": 21, "LU": 20, "NL": 18, "BE": 16, "FR": 27, "IT": 27, "ES": 24, "PT": 25,
    "PL": 28, "CZ": 24, "SK": 24, "SI": 19, "HR": 21, "HU": 28, "RO": 24, "BG": 22, "GR": 27, "DK": 18, "SE": 24,
    "FI": 18, "NO": 15, "IE": 22, "GB": 22, "EE": 20, "LV": 21, "LT": 20, "MT": 31, "CY": 28, "IS": 26, "TR": 26,
}


def compact(value: str) -> str:
    return re.sub(r"[\s./-]", "", value).upper()


def iban_valid(value: str) -> bool:
    """ISO 13616: the country's length, then mod 97 of the rearranged number is 1."""
    iban = compact(value)
    if len(iban) < 15 or IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban[2:4].isdigit():
        return False
    if not iban[4:].isalnum():
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def steuer_id_valid(value: str) -> bool:
    """Steuerliche Identifikationsnummer: 11 digits, the first not 0; in the first ten, exactly one digit
    occurs twice or three times (three times only not in a row) and no digit more; the eleventh is
    the ISO 7064 MOD 11,10 check digit."""
    digits = compact(value)
    if len(digits) != 11 or not digits.isdigit() or digits[0] == "0":
        return False
    first = digits[:10]
    counts = sorted((first.count(d) for d in set(first)), reverse=True)
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
        return False
    if counts[0] == 3 and any(first[i] == first[i + 1] == first[i + 2] for i in range(8)):
        return False
    product = 10
    for d in first:
        total = (int(d) + product) % 10 or 10
        product = (total * 2) % 11
    check = 11 - product
    return (0 if check == 10 else check) == int(digits[10])


def rvnr_valid(value: str) -> bool:
    """Rentenversicherungsnummer (Sozialversicherungsnummer): area (2 digits), birth date DDMMYY, the
    birth surname's first letter, serial (2 digits), check digit: the letter becomes its two-digit
    alphabet position, the digits are weighted 2,1,2,5,7,1,2,1,2,1,2,1, cross sums of the products
    are added, modulo 10."""
    v = compact(value)
    if not re.fullmatch(r"\d{8}[A-Z]\d{3}", v):
        return False
    day, month = int(v[2:4]), int(v[4:6])
    if not (1 <= day % 50 <= 31 and 1 <= month <= 12):  # day + 50 marks a second number for the same data
        return False
    digits = v[:8] + f"{ord(v[8]) - 64:02d}" + v[9:11]
    weights = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, weights, strict=True))
    return total % 10 == int(v[11])


ID_ALPHABET = "CFGHJKLMNPRTVWXYZ0123456789"


def _check_731(chars: str) -> int:
    """The ICAO 9303 check digit (weights 7, 3, 1; letters A=10 … Z=35)."""
    return sum((int(c) if c.isdigit() else ord(c) - 55) * (7, 3, 1)[i % 3] for i, c in enumerate(chars)) % 10


def id_document_valid(value: str) -> bool:
    """Personalausweis or Reisepass number: 9 characters of the document alphabet, optionally followed
    by the check digit (then it must be right)."""
    v = compact(value)
    if len(v) not in (9, 10) or any(c not in ID_ALPHABET for c in v[:9]):
        return False
    if not any(c.isalpha() for c in v[:9]) or not any(c.isdigit() for c in v[:9]):
        return False
    return len(v) == 9 or (v[9].isdigit() and _check_731(v[:9]) == int(v[9]))
