"""The privacy policy in front of a chat model (text tools): an external model gets pseudonymised text or
nothing, and the reply comes back with the originals.

    model = guarded(backend, policy, detector)     # the backend itself when it is trusted or has no chat
    for piece in model.chat(messages): ...         # raises PolicyDenied before anything is sent

Staff paste case files into the tools, so the user's own text decides: personal data in it makes
it *intern* (privacy/policy.py). The reply is collected and restored in one piece, because a
placeholder can be split across streamed pieces.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rathaus.errors import Forbidden
from rathaus.privacy.policy import PrivacyPolicy
from rathaus.privacy.pseudonym import Pseudonymiser


class PolicyDenied(Forbidden):
    code = "policy_denied"
    user_message = ("Dieser Text enthält personenbezogene oder interne Daten. Dafür ist kein zugelassenes "
                    "Sprachmodell eingerichtet, daher wurde nichts gesendet.")


class GuardedChat:
    def __init__(self, backend: Any, policy: PrivacyPolicy, detector: Any) -> None:
        self.backend = backend
        self.policy = policy
        self.detector = detector
        self.name = backend.name
        self.model = backend.model
        self.trusted = False
        self.context_tokens = getattr(backend, "context_tokens", 8192)

    def chat(self, messages: list[dict[str, str]], **options: Any) -> Iterator[str]:
        # the system message is the tool's own instruction; the user's messages carry their text
        found = [None if m.get("role") == "system" else self.detector.find(m.get("content", "")) for m in messages]
        route = self.policy.decide("offen", any(found), False)
        if not route.allowed:
            raise PolicyDenied(f"policy: {route.reason}")
        session = Pseudonymiser(self.detector)
        sent = [m if entities is None else {**m, "content": session.apply(m.get("content", ""), entities)}
                for m, entities in zip(messages, found, strict=True)]
        reply = "".join(self.backend.chat(sent, **options))
        yield session.restore(reply)


def guarded(backend: Any, policy: PrivacyPolicy, detector: Any) -> Any:
    """The backend as the tools should use it: unchanged when trusted or without ``chat`` (extractive)."""
    if getattr(backend, "trusted", False) or not hasattr(backend, "chat"):
        return backend
    return GuardedChat(backend, policy, detector)
