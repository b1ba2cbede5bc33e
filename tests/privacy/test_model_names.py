"""The name model's second pass, its bookkeeping with a scripted chat backend (what the model answers is
given; the real packaged model is in test_external_requests.py): names are used only where they occur,
a failing or rambling model leaves the rules' result, and only a trusted backend may read the text."""

from __future__ import annotations

import logging

import pytest

from rathaus.answer.profiles import parse_config
from rathaus.errors import BackendError, ConfigError
from rathaus.privacy.detect import Detector
from rathaus.privacy.model_names import ModelAssistedDetector

pytestmark = pytest.mark.unit
TEXT = "Gestern rief Frau Ostertag an, wegen ihres Sohnes Emeka. Emeka ist 9."


class Scripted:
    name = "scripted"

    def __init__(self, reply: str | Exception, trusted: bool = True) -> None:
        self.reply, self.trusted, self.calls = reply, trusted, []

    def chat(self, messages, **options):
        self.calls.append((messages, options))
        if isinstance(self.reply, Exception):
            raise self.reply
        yield self.reply


def test_listed_names_are_added_where_they_occur_and_invented_ones_change_nothing():
    backend = Scripted('{"names": ["Emeka", "Ostertag", "Hannelore Kuhn", "Stadt"]}')
    found = ModelAssistedDetector(Detector(), backend).find(TEXT)
    assert [(e.text, TEXT[e.start:e.end]) for e in found if e.type == "PERSON"] == [
        ("Ostertag", "Ostertag"), ("Emeka", "Emeka"), ("Emeka", "Emeka")]
    [(messages, options)] = backend.calls
    assert messages[1]["content"] == TEXT and options["response_format"]["required"] == ["names"]


@pytest.mark.parametrize("reply", ["keine Namen gefunden", '{"names": "Emeka"}', "[1, 2]",
                                   BackendError("server down")])
def test_a_failing_model_leaves_the_rules_result(reply, caplog):
    caplog.set_level(logging.WARNING)
    rules = Detector()
    assert ModelAssistedDetector(rules, Scripted(reply)).find(TEXT) == rules.find(TEXT)
    assert "Emeka" not in caplog.text and "Ostertag" not in caplog.text  # the warning never carries the text


def test_only_a_trusted_backend_with_chat_may_be_the_name_model():
    with pytest.raises(ConfigError, match="not trusted"):
        ModelAssistedDetector(Detector(), Scripted("{}", trusted=False))
    with pytest.raises(ConfigError, match="not configured"):
        parse_config({"backends": {"x": {"kind": "extractive"}}, "privacy": {"name_model": "lokal"}})


def test_a_listed_phrase_that_is_no_name_is_ignored():
    text = "Den Antrag hat Tjark letzte Woche abgegeben."
    backend = Scripted('{"names": ["Tjark letzte Woche abgegeben", "Tjark"]}')
    assert [e.text for e in ModelAssistedDetector(Detector(), backend).find(text)] == ["Tjark"]
