"""The privacy router in the answer engine: an external model only ever receives pseudonymised text, the
user gets the originals back, confidential content never leaves, and the records and logs keep no
personal data. The backend here records every request it receives, exactly as a server would."""

from __future__ import annotations

import logging
import re

import pytest

from rathaus.answer.engine import AnswerEngine
from rathaus.answer.profiles import parse_config
from rathaus.documents import Access, Collection, Document, Passage
from rathaus.ingest.chunk import chunk_document
from rathaus.plugins import register

pytestmark = pytest.mark.integration

ORIGINALS = ["Anna Roth", "Hauptstraße 12a, 70173 Stuttgart", "0711 / 216-12345", "DE89 3704 0044 0532 0130 00"]
MEMO = ("Vermerk des Sozialamts: Frau Anna Roth, wohnhaft Hauptstraße 12a, 70173 Stuttgart, Telefon 0711 / 216-12345, "
        "IBAN DE89 3704 0044 0532 0130 00, beantragt Wohngeld für die Wohnung am Rosenhang.")


class EchoBackend:
    """Answers with the first sentence of the first source *as it received it*, cited: so whatever was
    sent is what comes back, and the user's answer shows whether the originals were restored."""

    model = "echo"
    sent: list[str] = []

    def __init__(self, config, settings=None):
        self.name = config["name"]
        self.trusted = bool(config.get("trusted", False))

    def generate(self, request):
        EchoBackend.sent.append(request.question + "\n" + "\n".join(f"{s.title}\n{s.text}" for s in request.sources))
        first = request.sources[0]
        sentence = re.split(r"(?<=[.!?])\s", first.text)[0].rstrip(".")
        yield f"{sentence} [{first.n}]."


register("backend", "echo", EchoBackend)


@pytest.fixture
def index(runtime):
    store = runtime.store
    store.ensure_collection(Collection("sozialamt", "intern"))
    store.ensure_collection(Collection("sozialamt-akten", "vertraulich", ("stadt/sozialamt",)))
    for doc_id, collection in (("memo-intern", "sozialamt"), ("memo-vertraulich", "sozialamt-akten")):
        doc = Document(doc_id, collection, "Document", "Wohngeldantrag Rosenhang", passages=[Passage(MEMO)])
        store.upsert_document(doc, chunk_document(doc))
    EchoBackend.sent.clear()
    return runtime


def engine(runtime, trusted=False, privacy=None):
    data = {"backends": {"echo": {"kind": "echo", "trusted": trusted}},
            "assistants": {"internal": {"backend": "echo", "audience": "staff"}}}
    if privacy:
        data["privacy"] = privacy
    return AnswerEngine(runtime.store, runtime.searcher, parse_config(data), runtime.settings, runtime.provenance)


STAFF = Access(frozenset({"stadt"}), authenticated=True)
CASEWORKER = Access(frozenset({"stadt/sozialamt"}), authenticated=True)
QUESTION = "Was beantragt Anna Roth für die Wohnung am Rosenhang?"


def test_an_external_model_only_sees_placeholders_and_the_user_gets_the_originals(index, caplog):
    caplog.set_level(logging.DEBUG)
    result = engine(index).ask(QUESTION, "internal", access=STAFF, document_ids=["memo-intern"])
    assert not result.refused, result
    [sent] = EchoBackend.sent
    for value in ORIGINALS:
        assert value not in sent
    assert "[PERSON_1]" in sent and "[IBAN_1]" in sent and "[PHONE_1]" in sent
    assert "Anna Roth" in result.answer and "[PERSON_" not in result.answer  # put back for the user
    assert [c.document_id for c in result.citations] == ["memo-intern"]
    record = index.provenance.get(result.provenance_id)
    assert record.routing["pseudonymised"] and record.routing["classification"] == "intern"
    assert record.routing["backend_trusted"] is False and record.routing["entities"]["PERSON"] >= 1
    assert "Anna Roth" not in record.question and "[PERSON]" in record.question
    for entry in caplog.records:
        assert not any(value in entry.getMessage() for value in ORIGINALS), entry.getMessage()


def test_confidential_content_is_never_sent_out(index):
    result = engine(index).ask(QUESTION, "internal", access=CASEWORKER, document_ids=["memo-vertraulich"])
    assert result.refused and result.refusal_reason == "policy_denied" and EchoBackend.sent == []
    assert "vertraulich" in result.answer and "nichts gesendet" in result.answer
    record = index.provenance.get(result.provenance_id)
    assert record.routing["allowed"] is False and record.routing["classification"] == "vertraulich"


def test_the_policy_can_keep_internal_content_in_house(index):
    result = engine(index, privacy={"external_intern": "deny"}).ask(QUESTION, "internal", access=STAFF,
                                                                  document_ids=["memo-intern"])
    assert result.refused and result.refusal_reason == "policy_denied" and EchoBackend.sent == []


def test_a_trusted_model_gets_the_text_as_it_is(index):
    result = engine(index, trusted=True).ask(QUESTION, "internal", access=CASEWORKER,
                                             document_ids=["memo-vertraulich"])
    assert not result.refused and "Anna Roth" in EchoBackend.sent[0]
    assert index.provenance.get(result.provenance_id).routing["pseudonymised"] is False


def test_personal_data_in_a_citizens_question_is_pseudonymised_for_an_external_model(index, web_index):
    data = {"backends": {"echo": {"kind": "echo"}}, "assistants": {"public": {"backend": "echo"}}}
    eng = AnswerEngine(index.store, index.searcher, parse_config(data), index.settings, index.provenance)
    question = "Wie hoch ist die Hundesteuer ab 2025? Ich bin Anna Roth, erreichbar unter 0711 / 216-12345."
    result = eng.ask(question)
    assert EchoBackend.sent and all(v not in EchoBackend.sent[0] for v in ("Anna Roth", "0711 / 216-12345"))
    record = index.provenance.get(result.provenance_id)
    assert record.routing["classification"] == "intern"  # personal data makes it at least intern
    assert "Anna Roth" not in record.question and "216-12345" not in record.question


def test_an_uploaded_document_with_personal_data_counts_as_intern_even_in_an_open_collection(index):
    """A case file put into an open collection by mistake: the upload scan flagged it, so a policy that
    keeps intern content in house does not send it out, though its collection is offen."""
    index.store.ensure_collection(Collection("handbuch", "offen", public=False))
    flagged = index.library.add(MEMO.encode(), "Vermerk.txt", "handbuch")
    assert flagged.personal_data["PERSON"] == 1 and flagged.personal_data["IBAN"] == 1
    plain = index.library.add(b"Wohngeld wird beim Sozialamt am Rosenhang beantragt.", "Hinweis.txt", "handbuch")
    assert plain.personal_data == {}
    deny = engine(index, privacy={"external_intern": "deny"})

    result = deny.ask("Wohngeld Rosenhang beantragen?", "internal", access=STAFF, document_ids=[flagged.document_id])
    assert result.refused and result.refusal_reason == "policy_denied" and EchoBackend.sent == []
    assert index.provenance.get(result.provenance_id).routing["classification"] == "intern"

    result = deny.ask("Wohngeld Rosenhang beantragen?", "internal", access=STAFF, document_ids=[plain.document_id])
    assert not result.refused and EchoBackend.sent  # open and clean: it may go out (pseudonymised)
    assert index.provenance.get(result.provenance_id).routing["classification"] == "offen"
