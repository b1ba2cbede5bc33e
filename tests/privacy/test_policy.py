"""Routing decisions for every combination of classification, personal data, backend and policy."""

from __future__ import annotations

import pytest

from rathaus.errors import ConfigError
from rathaus.privacy.policy import PrivacyPolicy, highest

pytestmark = pytest.mark.unit

# (classification, personal data, trusted, external_intern) -> (allowed, pseudonymised, effective class)
CASES = [
    ("offen", False, True, "pseudonymise", (True, False, "offen")),
    ("offen", True, True, "pseudonymise", (True, False, "intern")),
    ("intern", False, True, "deny", (True, False, "intern")),
    ("vertraulich", True, True, "deny", (True, False, "vertraulich")),
    ("offen", False, False, "pseudonymise", (True, True, "offen")),
    ("offen", False, False, "deny", (True, True, "offen")),
    ("offen", True, False, "pseudonymise", (True, True, "intern")),
    ("offen", True, False, "deny", (False, False, "intern")),
    ("intern", False, False, "pseudonymise", (True, True, "intern")),
    ("intern", True, False, "deny", (False, False, "intern")),
    ("vertraulich", False, False, "pseudonymise", (False, False, "vertraulich")),
    ("vertraulich", True, False, "deny", (False, False, "vertraulich")),
    ("unbekannt", False, False, "pseudonymise", (False, False, "vertraulich")),  # unknown counts as the highest
]


@pytest.mark.parametrize("classification, personal, trusted, mode, expected", CASES)
def test_every_combination(classification, personal, trusted, mode, expected):
    route = PrivacyPolicy(mode).decide(classification, personal, trusted)
    assert (route.allowed, route.pseudonymise, route.classification) == expected
    assert route.record()["backend_trusted"] is trusted and route.reason


def test_the_highest_classification_counts():
    assert highest(["offen", "vertraulich", "intern"]) == "vertraulich"
    assert highest([]) == "offen"


def test_configuration_errors_are_clear():
    assert PrivacyPolicy.from_table({"external_intern": "deny"}).external_intern == "deny"
    for bad in ({"external_intern": "maybe"}, {"unbekannt": 1}):
        with pytest.raises(ConfigError):
            PrivacyPolicy.from_table(bad)
