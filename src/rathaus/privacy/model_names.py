"""A second pass for names: a trusted local language model lists the people a text names, and every
listed name that occurs in the text and the rules missed becomes a PERSON entity.

    detector = ModelAssistedDetector(Detector(), backend)     # backend: trusted, with chat()
    detector.find(text)                                       # rules first, then the model's names

Names are the weak spot of rules (privacy/detect.py), and no German named-entity model ships in a
package registry (../shared/MODELS.md). A generative model that runs on the city's own hardware can
fill the gap: the packaged Qwen2.5 0.5B or a city's own server marked ``trusted``. Configured with
``name_model = "<backend>"`` in ``[privacy]``; it costs one model call per text (seconds on a CPU),
so it is off by default and used where a miss would leak: text that goes to an external model.

The model only *adds*: a name it lists is used only where it occurs verbatim in the text, so a
hallucinated name changes nothing. When the model fails or answers with something that is not the
expected JSON, the rules' result stands and a warning is logged (without the text).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from rathaus.errors import BackendError, ConfigError
from rathaus.privacy.detect import NOT_SURNAMES, Entity, resolve

log = logging.getLogger(__name__)

PROMPT = ("Du findest Namen von Personen in deutschen Verwaltungstexten. Antworte nur mit JSON: "
          '{"names": ["Vorname Nachname", ...]}. Nimm jeden Namen genau so auf, wie er im Text steht, ohne '
          "Anrede und Titel (Herr, Frau, Dr.). Keine Orte, Straßen, Firmen, Ämter oder Rollen. "
          'Gibt es keinen Namen, antworte {"names": []}.')
SCHEMA = {"type": "object", "properties": {"names": {"type": "array", "items": {"type": "string"}}},
          "required": ["names"]}
MAX_CHARS = 6000  # one call reads at most this much; longer texts are read in parts
# A name as written: up to five words, each capitalised or a particle ("Anna von der Heide")
_WORD = r"(?:[^\W\d_a-zß-ÿ][\w'’.-]*|von|van|de|der|den|zu|di|da|del|la|le|ten|ter|el|al|bin|ibn)"
_PLAUSIBLE = re.compile(rf"{_WORD}(?:[ \u00a0]{_WORD}){{0,4}}")


class ModelAssistedDetector:
    def __init__(self, detector: Any, backend: Any, max_tokens: int = 200) -> None:
        if not getattr(backend, "trusted", False):
            raise ConfigError(f"[privacy] name_model: backend {backend.name!r} is not trusted; the text it reads "
                              "still holds the personal data")
        if not hasattr(backend, "chat"):
            raise ConfigError(f"[privacy] name_model: backend {backend.name!r} cannot chat (extractive)")
        self.detector = detector
        self.backend = backend
        self.max_tokens = max_tokens

    def find(self, text: str) -> list[Entity]:
        found = self.detector.find(text)
        if "PERSON" not in self.detector.types or not text.strip():
            return found
        extra = [e for part in range(0, len(text), MAX_CHARS)
                 for e in self._names(text, part, min(len(text), part + MAX_CHARS))]
        return resolve(found + extra) if extra else found

    def _names(self, text: str, start: int, end: int) -> list[Entity]:
        messages = [{"role": "system", "content": PROMPT}, {"role": "user", "content": text[start:end]}]
        try:
            reply = "".join(self.backend.chat(messages, max_tokens=self.max_tokens, temperature=0.0,
                                              response_format=SCHEMA))
            names = json.loads(reply)["names"]
            if not isinstance(names, list):
                raise ValueError("names is not a list")
        except (BackendError, ValueError, KeyError, TypeError) as exc:
            log.warning("name model %s failed, rules only for this text: %s", self.backend.name, type(exc).__name__)
            return []
        out: list[Entity] = []
        for name in {n.strip() for n in names if isinstance(n, str)}:
            if not _PLAUSIBLE.fullmatch(name) or name in NOT_SURNAMES or len(name) < 3 or not name[0].isupper():
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text[start:end]):
                out.append(Entity("PERSON", start + m.start(), start + m.end(), m.group()))
        return out
