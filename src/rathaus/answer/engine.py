"""The grounded answering engine: retrieve, number the sources, generate, check, record.

    engine = AnswerEngine(store, searcher, config, settings)
    result = engine.ask("Was kostet ein Personalausweis?")            # whole answer
    for event in engine.stream("Was kostet ein Personalausweis?"): ... # SSE events

Steps for one question:
1. The question is checked (empty, too long, binary) and normalised.
2. Hybrid search, as an anonymous caller for a public assistant (only *offen* collections), gives
   the numbered sources: the best passages of the best documents. For a question about a
   decision, each council paper's header (its committees, dates and results) joins them.
3. Coverage check: if no single source contains enough of the question's topic words (its nouns
   and names, rare ones weighing more), the engine refuses before any model runs.
4. The backend writes the answer. It is checked sentence by sentence as it streams: a citation
   must name a source and that source must support the sentence (``citations``); sentences left
   without support are not shown. Nothing left, or the model's own "no answer": refusal.
5. Dates: the answer says how old its sources are, and warns when one is older than the profile's
   ``stale_after_days``, when a newer document with the same title is among the sources, or when
   OParl links a later paper below a cited one (an amendment, a follow-up).
6. A provenance record is written; its id goes back with the answer (for feedback).
"""

from __future__ import annotations

import logging
import math
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any

from rathaus import plugins
from rathaus.answer.backends.base import AnswerBackend, GenerationRequest, Source
from rathaus.answer.citations import CheckedSentence, check_sentence, split_sentences
from rathaus.answer.profiles import AnswerConfig, AssistantProfile
from rathaus.answer.prompt import NO_ANSWER, PROMPT_VERSION
from rathaus.answer.questions import DECISION_QUESTION, QUESTION_WORDS
from rathaus.documents import Access, SearchFilters, sha256
from rathaus.errors import BackendError, InputError, NotFound
from rathaus.language.german import query_terms, terms
from rathaus.privacy.detect import Detector
from rathaus.privacy.policy import Route, highest
from rathaus.privacy.pseudonym import Pseudonymiser, redact

log = logging.getLogger(__name__)
_NOT_TOPIC = QUESTION_WORDS | frozenset(terms("stadt"))  # every question is about the city
_NO_ANSWER = re.compile(NO_ANSWER.replace("_", "[_ ]"), re.IGNORECASE)  # small models vary the spelling
_WORD = re.compile(r"[^\W\d_][\w-]*")
_SECTION_INTENTS = [
    (re.compile(r"\b(kost\w*|gebühr\w*|preis\w*|teuer|bezahl\w*|zahlen)\b", re.I), ("Gebühren",)),
    (re.compile(r"\b(wann|wie lange|frist\w*|dauer\w*|schnell)\b", re.I), ("Fristen", "Bearbeitungsdauer")),
    (re.compile(r"\b(brauche\w*|unterlagen|mitbringen|nachweis\w*|dokument\w*|foto\w*|passbild\w*)\b", re.I),
     ("Unterlagen",)),
    (re.compile(r"\b(voraussetzung\w*|darf|dürfen|berechtigt)\b", re.I), ("Voraussetzungen",)),
    (re.compile(r"\b(wo|wohin|zuständig\w*|welche[rsm]? (?:stelle|amt|behörde))\b", re.I), ("Zuständige Stelle",)),
    (re.compile(r"\b(wie (?:beantrage|melde|bekomme)\w*|ablauf|online)\b", re.I), ("Verfahrensablauf",)),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

TEXTS = {
    "de": {
        "refusal": "Dazu habe ich in den veröffentlichten Unterlagen der Stadt keine verlässliche Antwort gefunden.",
        "as_of": "Stand der Quelle{s}: {dates}.",
        "stale": "Hinweis: Quelle [{n}] ist vom {date} und könnte überholt sein.",
        "superseded": "Hinweis: Zu Quelle [{n}] gibt es ein neueres Dokument mit demselben Titel ([{m}]).",
        "follow_up": "Hinweis: Zu Quelle [{n}] gibt es ein späteres Dokument: „{title}“ vom {date}; "
                     "der Stand kann sich geändert haben.",
        "policy": "Diese Anfrage enthält Inhalte der Einstufung „{classification}“. Dafür ist kein zugelassenes "
                  "Sprachmodell eingerichtet, daher wurde nichts gesendet. Bitte wenden Sie sich an die IT.",
    },
    "en": {
        "refusal": "I found no reliable answer to this in the city's published documents.",
        "as_of": "Source date{s}: {dates}.",
        "stale": "Note: source [{n}] dates from {date} and may be out of date.",
        "superseded": "Note: there is a newer document with the same title as source [{n}] ([{m}]).",
        "follow_up": "Note: source [{n}] has a later follow-up, \"{title}\" of {date}; things may have changed.",
        "policy": "This request contains content classified \"{classification}\". No permitted language model is "
                  "set up for it, so nothing was sent. Please contact IT.",
    },
}


@dataclass
class Citation:
    n: int
    document_id: str
    title: str
    url: str | None
    text: str
    page: int | None
    date: str | None
    type: str


@dataclass
class AnswerResult:
    answer: str
    refused: bool
    citations: list[Citation]
    provenance_id: str
    assistant: str
    backend: str
    model: str
    notices: list[str] = field(default_factory=list)
    handoff: str | None = None
    refusal_reason: str | None = None  # no_sources | low_coverage | policy_denied | model_declined | unsupported
    timings: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def german_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).strftime("%d.%m.%Y")
    except ValueError:
        return iso


class AnswerEngine:
    def __init__(self, store: Any, searcher: Any, config: AnswerConfig, settings: Any,
                 provenance: Any = None) -> None:
        self.store = store
        self.searcher = searcher
        self.config = config
        self.settings = settings
        self.provenance = provenance
        self._backends: dict[str, AnswerBackend] = {}

    # -- parts ---------------------------------------------------------------------------
    def backend(self, name: str) -> AnswerBackend:
        if name not in self._backends:
            table = self.config.backends.get(name)
            if table is None:
                raise BackendError(f"backend {name!r} is not configured")
            self._backends[name] = plugins.factory("backend", table["kind"])(table, self.settings)
        return self._backends[name]

    def clean_question(self, question: Any) -> str:
        if not isinstance(question, str):
            raise InputError("question must be a string", user_message="Bitte geben Sie eine Frage ein.")
        if _CONTROL.search(question) or "\ufffd" in question:
            raise InputError("question contains binary or control characters",
                             user_message="Die Frage enthält ungültige Zeichen.")
        question = " ".join(unicodedata.normalize("NFC", question).split())
        if not question:
            raise InputError("question is empty", user_message="Bitte geben Sie eine Frage ein.")
        limit = getattr(self.settings, "ask_max_chars", 1000)
        if len(question) > limit:
            raise InputError(f"question is longer than {limit} characters",
                             user_message=f"Die Frage ist zu lang (höchstens {limit} Zeichen).")
        return question

    @staticmethod
    def access_for(profile: AssistantProfile, access: Access | None) -> Access:
        # A public assistant never reads more than an anonymous citizen may, whoever calls it.
        if profile.audience == "public" or access is None:
            return Access.anonymous()
        return access

    def sources(self, question: str, profile: AssistantProfile, access: Access,
                document_ids: list[str] | None = None) -> list[Source]:
        """The numbered passages for the backend. Search ranks documents; inside the best documents a
        second, lexical pass picks the passages that match the question best (a paper's first passage
        is usually its cover sheet, while the answer sits deeper). The best documents contribute
        several passages, in the order: best passage of documents 1-3, second best of 1-2, then
        documents 4 onwards."""
        filters = SearchFilters(collections=list(profile.collections), document_ids=list(document_ids or [])) \
            if profile.collections or document_ids else None
        response = self.searcher.search(question, access, filters=filters, limit=profile.sources, passages=2)
        results = response.results
        top = results[:3]
        inner: dict[str, list[int]] = {}
        records: dict[int, Any] = {}  # chunk records read by the section pass, reused below
        if top:
            hits = self.store.lexical_search(
                query_terms(question), access,
                SearchFilters(collections=filters.collections if filters else [],
                              document_ids=[r.document_id for r in top]), limit=60)  # top ⊆ document_ids
            for h in hits:
                inner.setdefault(h.document_id, []).append(h.chunk_id)
            sections = self.wanted_sections(question)
            if sections:  # a service description answers "what does it cost" in its Gebühren section
                records.update(self.store.get_chunks([h.chunk_id for h in hits], access))
                for ids in inner.values():
                    ids.sort(key=lambda c: 0 if records.get(c) and records[c].section in sections else 1)
        wanted: list[tuple[Any, int]] = []  # (result, chunk id)
        for round_, docs in ((0, top), (1, top[:2]), (2, top[:1])):
            for r in docs:
                ids = inner.get(r.document_id) or [p.chunk_id for p in r.passages]
                if round_ < len(ids):
                    wanted.append((r, ids[round_]))
        for r in results[3:]:
            wanted.append((r, r.passages[0].chunk_id))
        if DECISION_QUESTION.search(question):  # a council paper's header carries its committees and results
            for r in top:
                header = next(iter(self.store.document_chunks(r.document_id, access)), None) if r.result else None
                if header is not None:
                    wanted.insert(min(len(wanted), 1), (r, header.id))
        seen: set[int] = set()
        wanted = [(r, c) for r, c in wanted if not (c in seen or seen.add(c))][:profile.sources]
        chunks = records | self.store.get_chunks([c for _, c in wanted if c not in records], access)
        out = []
        for r, cid in wanted:
            chunk = chunks.get(cid)
            if chunk is None:
                continue
            out.append(Source(n=len(out) + 1, chunk_id=cid, document_id=r.document_id, title=r.title,
                              text=chunk.text, url=r.url, page=chunk.page, date=r.date, type=r.type,
                              collection=r.collection, reference=r.reference, result=r.result,
                              meeting_date=r.meeting_date, organizations=list(r.organizations),
                              text_hash=sha256(chunk.text),
                              personal_data=bool(chunk.document and chunk.document.metadata.get("personal_data"))))
        return out

    @cached_property
    def detector(self) -> Any:
        """Personal-data detection: the rules, and the configured name model's second pass if there is one."""
        rules = Detector(case_patterns=self.config.privacy.case_patterns)
        if not self.config.privacy.name_model:
            return rules
        from rathaus.privacy.model_names import ModelAssistedDetector

        return ModelAssistedDetector(rules, self.backend(self.config.privacy.name_model))

    def route(self, personal: bool, sources: list[Source], backend: Any) -> Route:
        """The privacy policy's decision for this request (see privacy/policy.py): the highest classification
        among the sources' collections, personal data in the question or in a source's document (found when
        it was uploaded), and whether the backend is trusted."""
        classes = []
        for name in {s.collection for s in sources}:
            try:
                classes.append(self.store.get_collection(name).classification)
            except NotFound:
                classes.append("vertraulich")  # unknown: assume the worst
        personal = personal or any(s.personal_data for s in sources)
        return self.config.privacy.decide(highest(classes), personal, bool(getattr(backend, "trusted", False)))

    @staticmethod
    def wanted_sections(question: str) -> set[str]:
        """Sections of a FIM service description (see sources/services) that answer this kind of question."""
        return {section for pattern, names in _SECTION_INTENTS if pattern.search(question) for section in names}

    @staticmethod
    def focus_words(question: str) -> list[tuple[str, list[str]]]:
        """The question's topic words as (stem, compound-part stems). German capitalises nouns and names,
        and those carry the topic ("Hundesteuer", "Rheinhafen"); verbs and adjectives are paraphrased too
        often to be required. A question typed all in lower case has every content word as a focus word."""
        lower_only = question[1:] == question[1:].lower()
        out = []
        for m in _WORD.finditer(question):
            word = m.group()
            if not lower_only and not word[0].isupper():
                continue
            stems = terms(word)
            if stems and stems[0] not in _NOT_TOPIC:
                out.append((stems[0], stems[1:]))
        return out

    def coverage(self, question: str, sources: list[Source]) -> float:
        """Largest share of the question's focus words that one document's sources contain, each weighted by its
        rarity in the whole index (IDF; a word the index has never seen weighs most). A compound counts
        as present when its full stem or all of its parts are ("Hundesteuersatzung": hund, steu, satzung)."""
        words = self.focus_words(question)
        if not sources:
            return 0.0
        if not words:
            return 1.0  # nothing to require; the backend and the citation check decide
        df, total = self.store.term_frequencies([w for w, _ in words])
        weights = [max(0.1, math.log((total + 1) / (1 + df.get(w, 0)))) for w, _ in words]
        per_document: dict[str, set[str]] = {}  # a document's passages together: a page of a service
        for s in sources:                         # description names the office in another section
            per_document.setdefault(s.document_id, set()).update(terms(f"{s.title}\n{s.reference or ''}\n{s.text}"))
        best = 0.0
        for have in per_document.values():
            found = sum(wt for (w, parts), wt in zip(words, weights, strict=True)
                        if w in have or (parts and all(p in have for p in parts)))
            best = max(best, found / sum(weights))
        return best

    def later_papers(self, source: Source, access: Access) -> list[Any]:
        """Papers that OParl links below this one (an amendment, a follow-up) and that are newer,
        as far as the caller may read them."""
        if source.type != "Paper":
            return []
        try:
            record = self.store.get_document(source.document_id, access)
        except NotFound:
            return []
        later = []
        for paper_id in record.metadata.get("subordinatedPaper", []):
            try:
                other = self.store.get_document(paper_id, access)
            except NotFound:  # not imported, or not visible to this caller
                continue
            if other.date and source.date and other.date > source.date:
                later.append(other)
        return sorted(later, key=lambda d: d.date or "")

    def date_notices(self, cited: list[Source], all_sources: list[Source], profile: AssistantProfile,
                     lang: str, access: Access | None = None) -> list[str]:
        texts = TEXTS[lang]
        notices = []
        dated = [(s.n, german_date(s.date)) for s in cited if s.date]
        if dated:
            notices.append(texts["as_of"].format(s="n" if lang == "de" and len(dated) > 1 else
                                                 ("s" if lang == "en" and len(dated) > 1 else ""),
                                                 dates=", ".join(f"[{n}] {d}" for n, d in dated)))
        today = datetime.now(UTC).date()
        for s in cited:
            if not s.date:
                continue
            try:
                age = (today - date.fromisoformat(s.date[:10])).days
            except ValueError:
                continue
            newer = [o for o in all_sources if o.document_id != s.document_id and o.date and o.date > s.date
                     and o.title.strip().casefold() == s.title.strip().casefold()]
            later = self.later_papers(s, access) if access is not None else []
            if newer:
                notices.append(texts["superseded"].format(n=s.n, m=newer[0].n))
            elif later:
                notices.append(texts["follow_up"].format(n=s.n, title=later[-1].title,
                                                         date=german_date(later[-1].date)))
            elif age > profile.stale_after_days:
                notices.append(texts["stale"].format(n=s.n, date=german_date(s.date)))
        return notices

    # -- answering -----------------------------------------------------------------------
    def stream(self, question: Any, assistant: str = "public", language: str = "de",
               access: Access | None = None, document_ids: list[str] | None = None) -> Iterator[tuple[str, Any]]:
        """Events: ("sources", [Citation]), ("text", str) for each checked sentence, ("done", AnswerResult)."""
        started = time.perf_counter()
        lang = "en" if language == "en" else "de"
        question = self.clean_question(question)
        profile = self.config.assistant(assistant)
        backend = self.backend(profile.backend)
        access = self.access_for(profile, access)
        sources = self.sources(question, profile, access, document_ids)
        timings = {"retrieval_ms": (time.perf_counter() - started) * 1000}
        yield "sources", [self._citation(s) for s in sources]
        personal = self.detector.find(question)  # once: coverage, routing, placeholders and the record use it
        # a citizen's own name or phone number is no topic the sources must cover
        coverage = self.coverage(redact(question, self.detector, marker=False, entities=personal), sources)
        route = self.route(bool(personal), sources, backend)
        session = Pseudonymiser(self.detector) if route.pseudonymise else None
        refusal_reason = None
        checked: list[CheckedSentence] = []
        if not sources:
            refusal_reason = "no_sources"
        elif coverage < profile.min_coverage:
            refusal_reason = "low_coverage"
        elif not route.allowed:
            refusal_reason = "policy_denied"  # nothing is sent to any model
        else:
            shown = question if session is None else session.apply(question, personal)
            model_sources = sources if session is None else [
                replace(s, title=session.apply(s.title), text=session.apply(s.text)) for s in sources]
            request = GenerationRequest(question=shown, sources=model_sources, language=lang,
                                        today=datetime.now(UTC).date().isoformat(),
                                        max_source_chars=profile.source_chars)
            restore = session.restore if session is not None else (lambda text: text)
            buffer, first = "", True
            try:
                for piece in backend.generate(request):
                    buffer += piece
                    if _NO_ANSWER.search(buffer):
                        refusal_reason = "model_declined"
                        break
                    parts = split_sentences(buffer)
                    for sentence in parts[:-1]:  # the last one may still grow
                        done = check_sentence(restore(sentence), sources)
                        if done.citations:
                            checked.append(done)
                            if first:
                                timings["first_sentence_ms"] = (time.perf_counter() - started) * 1000
                                first = False
                            yield "text", ("" if len(checked) == 1 else " ") + done.render()
                    if len(parts) > 1:  # keep the unfinished sentence as it came, trailing space included
                        buffer = buffer[buffer.rfind(parts[-1]):]
            except BackendError:
                log.exception("backend %s failed", profile.backend)
                raise
            if refusal_reason is None and buffer.strip():
                done = check_sentence(restore(buffer), sources)
                if done.citations:
                    checked.append(done)
                    timings.setdefault("first_sentence_ms", (time.perf_counter() - started) * 1000)
                    yield "text", ("" if len(checked) == 1 else " ") + done.render()
            if refusal_reason is None and not checked:
                refusal_reason = "unsupported"
        texts = TEXTS[lang]
        handoff = profile.handoff_en if lang == "en" else profile.handoff
        notices: list[str] = []
        if refusal_reason:
            checked = []
            answer = (texts["policy"].format(classification=route.classification) if refusal_reason == "policy_denied"
                      else f"{texts['refusal']} {handoff}")
            yield "text", answer
        else:
            cited_ns = list(dict.fromkeys(n for s in checked for n in s.citations))
            by_n = {s.n: s for s in sources}
            notices = self.date_notices([by_n[n] for n in cited_ns], sources, profile, lang, access)
            answer = " ".join(s.render() for s in checked)
            for notice in notices:
                yield "notice", notice
        cited_ns = list(dict.fromkeys(n for s in checked for n in s.citations))
        timings["total_ms"] = (time.perf_counter() - started) * 1000
        provenance_id = ""
        if self.provenance is not None:
            provenance_id = self.provenance.record(
                assistant=profile.name, backend=profile.backend, model=getattr(backend, "model", "?"),
                prompt_version=PROMPT_VERSION, question=redact(question, self.detector, entities=personal),
                sources=[{"n": s.n, "chunk_id": s.chunk_id, "document_id": s.document_id, "text_hash": s.text_hash}
                         for s in sources], cited=cited_ns, refused=bool(refusal_reason), answer=answer,
                routing=route.record(session.counts if session else None))
        by_n = {s.n: s for s in sources}
        yield "done", AnswerResult(
            answer=answer + ("" if not notices else " " + " ".join(notices)), refused=bool(refusal_reason),
            citations=[self._citation(by_n[n]) for n in cited_ns], provenance_id=provenance_id,
            assistant=profile.name, backend=profile.backend, model=getattr(backend, "model", "?"), notices=notices,
            handoff=handoff if refusal_reason else None, refusal_reason=refusal_reason,
            timings={k: round(v, 1) for k, v in timings.items()})

    def ask(self, question: Any, assistant: str = "public", language: str = "de",
            access: Access | None = None, document_ids: list[str] | None = None) -> AnswerResult:
        for kind, payload in self.stream(question, assistant, language, access, document_ids):
            if kind == "done":
                return payload
        raise AssertionError("the answer stream ended without a result")  # pragma: no cover

    @staticmethod
    def _citation(s: Source) -> Citation:
        return Citation(n=s.n, document_id=s.document_id, title=s.title, url=s.url, text=s.text, page=s.page,
                        date=s.date, type=s.type)
