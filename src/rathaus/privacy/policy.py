"""Which model may see what: routing by the classification of everything a request contains.

Configured in ``rathaus.toml`` (all keys optional)::

    [privacy]
    external_intern = "pseudonymise"   # or "deny": may *intern* content go to an external model, pseudonymised?
    case_patterns = ['\\b\\d{2}\\.\\d-\\d{4}/\\d{4}\\b']   # the city's own case-file numbers (Aktenzeichen)
    name_model = "local"               # optional: a trusted backend that also lists names (privacy/model_names.py)

A backend is *trusted* when it runs on the city's own hardware (``trusted = true`` in its
``[backends.X]`` table; the extractive and packaged local backends are trusted, an OpenAI-compatible
server is external unless marked trusted). The rules:

| content | trusted backend | external backend |
|---|---|---|
| offen | as it is | pseudonymised |
| intern | as it is | pseudonymised, or refused when ``external_intern = "deny"`` |
| vertraulich | as it is | refused |

A request's classification is the highest of its sources' collections; personal data found in the
user's own text, or in an uploaded document among the sources, makes it at least *intern*. An external
model never receives text that was not pseudonymised. A refused request sends nothing anywhere and
tells the user why, in German. Every decision goes into the answer's provenance record
(``Route.record``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rathaus.errors import ConfigError

LEVELS = {"offen": 0, "intern": 1, "vertraulich": 2}


def highest(classifications: list[str]) -> str:
    return max(classifications, key=lambda c: LEVELS.get(c, 2), default="offen")


@dataclass(frozen=True)
class Route:
    allowed: bool
    pseudonymise: bool
    classification: str
    trusted: bool
    reason: str  # English, for the provenance record and logs

    def record(self, counts: dict[str, int] | None = None) -> dict[str, Any]:
        return {"allowed": self.allowed, "pseudonymised": self.pseudonymise, "classification": self.classification,
                "backend_trusted": self.trusted, "reason": self.reason, "entities": counts or {}}


@dataclass(frozen=True)
class PrivacyPolicy:
    external_intern: str = "pseudonymise"
    case_patterns: tuple[str, ...] = field(default_factory=tuple)
    name_model: str = ""  # a trusted backend for the second pass over names; empty: rules only

    @classmethod
    def from_table(cls, table: dict[str, Any] | None) -> PrivacyPolicy:
        table = table or {}
        unknown = set(table) - {"external_intern", "case_patterns", "name_model"}
        if unknown:
            raise ConfigError(f"[privacy]: unknown key(s) {', '.join(sorted(unknown))}")
        mode = str(table.get("external_intern", "pseudonymise"))
        if mode not in ("pseudonymise", "deny"):
            raise ConfigError("[privacy] external_intern must be 'pseudonymise' or 'deny'")
        return cls(mode, tuple(str(p) for p in table.get("case_patterns", [])), str(table.get("name_model", "")))

    def decide(self, classification: str, personal_data: bool, trusted: bool) -> Route:
        level = classification if classification in LEVELS else "vertraulich"
        if personal_data and LEVELS[level] < LEVELS["intern"]:
            level = "intern"
        if trusted:
            return Route(True, False, level, True, "trusted backend: any classification")
        if level == "vertraulich":
            return Route(False, False, level, False, "vertraulich content never goes to an external backend")
        if level == "intern" and self.external_intern == "deny":
            return Route(False, False, level, False, "the policy keeps intern content from external backends")
        return Route(True, True, level, False, f"external backend: {level} content, pseudonymised")
