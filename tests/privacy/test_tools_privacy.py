"""The privacy policy in front of the text tools: an external chat model only receives pseudonymised text
(every request it gets is recorded here), the user gets the originals back, and a policy that keeps
internal data in the house refuses before anything is sent."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from rathaus.plugins import register
from rathaus.runtime import Runtime
from rathaus.web.app import create_app

pytestmark = pytest.mark.integration

CASE = ("Frau Anna Roth, Hauptstraße 12a, 70173 Stuttgart, Telefon 0711 / 216-12345, "
        "IBAN DE89 3704 0044 0532 0130 00, bittet um Ratenzahlung der Hundesteuer.")
ORIGINALS = ["Anna Roth", "Hauptstraße 12a", "216-12345", "DE89 3704"]


class RecordingChat:
    """An external chat model that records what it receives and answers with the text it was given."""

    model = "recording"
    received: list[str] = []

    def __init__(self, config, settings=None):
        self.name = config["name"]
        self.trusted = bool(config.get("trusted", False))
        self.context_tokens = 8192

    def generate(self, request):  # pragma: no cover - the tools use chat
        yield ""

    def chat(self, messages, **options):
        RecordingChat.received.append("\n".join(m["content"] for m in messages))
        fenced = re.search(r"<text>\s*(.*?)\s*</text>", messages[-1]["content"], re.S)
        yield fenced.group(1) if fenced else messages[-1]["content"]


register("backend", "recordingchat", RecordingChat)


def client_for(settings, tmp_path, privacy: str = "") -> tuple[TestClient, Runtime, dict[str, str]]:
    config = tmp_path / "rathaus.toml"
    config.write_text('[backends.extern]\nkind = "recordingchat"\n\n[assistants.internal]\nbackend = "extern"\n'
                      f'audience = "staff"\n{privacy}', encoding="utf-8")
    runtime = Runtime(settings.model_copy(update={"config": config}))
    runtime.accounts.add_user("paula", None)
    headers = {"Authorization": f"Bearer {runtime.accounts.create_token('paula')}"}
    RecordingChat.received.clear()
    return TestClient(create_app(runtime)), runtime, headers


def test_an_external_model_gets_placeholders_and_the_user_the_originals(settings, tmp_path):
    client, runtime, headers = client_for(settings, tmp_path)
    with client:
        r = client.post("/api/v1/tools/translate", json={"text": CASE, "target": "en"}, headers=headers)
        assert r.status_code == 200, r.text
    assert RecordingChat.received and all(v not in RecordingChat.received[0] for v in ORIGINALS)
    assert "[PERSON_1]" in RecordingChat.received[0] and "[IBAN_1]" in RecordingChat.received[0]
    assert "Anna Roth" in r.json()["text"] and "[PERSON_" not in r.json()["text"]
    [entry] = runtime.audit.entries(action="tool")
    assert entry.action == "tool.translate" and entry.details["pseudonymised"] is True
    assert "Anna" not in str(entry.details)
    runtime.close()


def test_a_policy_that_keeps_internal_data_inside_refuses_before_sending(settings, tmp_path):
    client, runtime, headers = client_for(settings, tmp_path, '\n[privacy]\nexternal_intern = "deny"\n')
    with client:
        r = client.post("/api/v1/tools/translate", json={"text": CASE, "target": "en"}, headers=headers)
        assert r.status_code == 403 and r.json()["error"] == "policy_denied" and "nichts gesendet" in r.json()[
            "user_message"]
        assert RecordingChat.received == []
        # text without personal data may still go out (pseudonymised by rule, nothing to replace)
        ok = client.post("/api/v1/tools/translate", json={"text": "Die Hundesteuer steigt 2025.", "target": "en"},
                         headers=headers)
        assert ok.status_code == 200 and RecordingChat.received
    runtime.close()
