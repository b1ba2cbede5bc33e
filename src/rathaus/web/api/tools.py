"""Text tools for signed-in staff: POST /api/v1/tools/summarise, /plain-language, /translate, /outline,
/letter and /readability; GET /api/v1/tools/languages.

    curl -s localhost:8000/api/v1/tools/summarise -H "Authorization: Bearer $TOKEN" \\
         -H 'Content-Type: application/json' -d '{"text": "…", "length": "kurz", "style": "stichpunkte"}'

Every endpoint needs a signed-in user (401 otherwise). The model is the backend named in the body's
``backend`` field, else the backend of the ``internal`` assistant profile (rathaus.toml).

Errors are JSON ``{"error": code, "message": English, "user_message": German}``:
- **409 generative_model_required**: the tool needs a generative model and the chosen backend is the
  extractive one. 409 (Conflict) rather than 422 because the request itself is valid; it conflicts
  with the server's configuration, and the same request succeeds once a model is configured.
- 400 invalid_input: unusable text (empty, binary, too long), an unknown backend name or language.
- 422 invalid_request: the body does not match the schema (FastAPI's validation, incl. max lengths).
- 403 policy_denied: the chosen model is external and the privacy policy keeps this text from it
  (see privacy/policy.py); nothing was sent.
- 503 backend_error / config_error: the model failed or its backend is misconfigured.
Summarising never answers 409: without a model it returns an excerpt (``method: "auszug"``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StringConstraints

from rathaus import tools
from rathaus.errors import BackendError, ConfigError, InputError, RathausError
from rathaus.privacy.guard import GuardedChat, PolicyDenied, guarded
from rathaus.tools.base import ToolUnavailable
from rathaus.tools.letter import MAX_POINT_CHARS, MAX_POINTS, MAX_SUBJECT_CHARS
from rathaus.tools.outline import MAX_CHARS as OUTLINE_MAX_CHARS
from rathaus.tools.outline import MAX_NODE_CHARS
from rathaus.tools.plain_language import MAX_CHARS as PLAIN_MAX_CHARS
from rathaus.tools.summarise import MAX_CHARS as SUMMARY_MAX_CHARS
from rathaus.tools.translate import MAX_CHARS as TRANSLATE_MAX_CHARS
from rathaus.web.deps import AuditDep, RuntimeDep, UserDep

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/tools", tags=["tools"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Unusable input, unknown backend or language"},
    401: {"description": "Not signed in"},
    409: {"description": "The tool needs a generative model (error generative_model_required)"},
    503: {"description": "The model failed or is misconfigured"},
}
BackendName = Annotated[str | None, Field(None, max_length=64, description="A backend from rathaus.toml; "
                                           "default: the backend of the 'internal' assistant.")]


class SummariseIn(BaseModel):
    text: str = Field(..., max_length=SUMMARY_MAX_CHARS)
    length: Literal["kurz", "mittel", "lang"] = "kurz"
    style: Literal["fliesstext", "stichpunkte"] = "fliesstext"
    backend: BackendName = None


class PlainLanguageIn(BaseModel):
    text: str = Field(..., max_length=PLAIN_MAX_CHARS)
    level: Literal["einfach", "leicht"] = "einfach"
    backend: BackendName = None


class TranslateIn(BaseModel):
    text: str = Field(..., max_length=TRANSLATE_MAX_CHARS)
    target: str = Field("en", min_length=2, max_length=5, description="ISO 639-1 code, see GET /languages.")
    source: str | None = Field(None, min_length=2, max_length=5, description="Empty: the model recognises it.")
    backend: BackendName = None


class OutlineIn(BaseModel):
    text: str = Field(..., max_length=OUTLINE_MAX_CHARS)
    form: Literal["gliederung", "mindmap"] = "gliederung"
    title: str | None = Field(None, max_length=MAX_NODE_CHARS, description="Root if the model names none.")
    backend: BackendName = None


Point = Annotated[str, StringConstraints(max_length=MAX_POINT_CHARS)]


class LetterIn(BaseModel):
    points: list[Point] = Field(..., min_length=1, max_length=MAX_POINTS)
    kind: Literal["brief", "email"] = "brief"
    tone: Literal["formell", "freundlich"] = "formell"
    subject: str | None = Field(None, max_length=MAX_SUBJECT_CHARS)
    backend: BackendName = None


class ReadabilityIn(BaseModel):
    text: str = Field(..., max_length=200_000)


class ReadabilityOut(BaseModel):
    sentences: int
    words: int
    syllables: int
    wstf: float
    flesch_amstad: float
    mean_sentence_length: float
    syllables_per_word: float
    pct_three_plus_syllables: float
    pct_long_words: float
    pct_one_syllable: float
    wstf_label: str
    flesch_label: str


class ToolOut(BaseModel):
    tool: str
    text: str
    method: str = Field(..., description="generativ, map-reduce, teilweise (part by part) or auszug (excerpt)")
    backend: str
    model: str
    prompt_version: str
    timings: dict[str, float]
    notice: str | None = None


class SummaryOut(ToolOut):
    length: str
    style: str
    parts: int
    sentences: list[int] | None = None


class PlainLanguageOut(ToolOut):
    level: str
    before: ReadabilityOut
    after: ReadabilityOut
    parts: int
    copied: bool = Field(..., description="The model (nearly) copied the original instead of rewriting it.")


class TranslationOut(ToolOut):
    target: str
    target_name: str
    source: str | None
    parts: int


class OutlineOut(ToolOut):
    form: str
    tree: dict[str, Any]
    nodes: int
    parts: int


class LetterOut(ToolOut):
    kind: str
    tone: str
    placeholders: list[str]
    warnings: list[str]


class LanguageOut(BaseModel):
    code: str
    name_de: str
    name_en: str


def _error(exc: RathausError, status: int) -> JSONResponse:
    return JSONResponse({"error": exc.code, "message": str(exc), "user_message": exc.user_message},
                        status_code=status)


def _backend(runtime: Any, name: str | None) -> Any:
    engine = runtime.answers
    if not name:
        name = engine.config.assistant("internal").backend
    if name not in engine.config.backends:
        raise InputError(f"backend {name!r} is not configured; configured: {', '.join(sorted(engine.config.backends))}",
                         user_message="Dieses Sprachmodell ist nicht eingerichtet.")
    return engine.backend(name)


def _run(runtime: Any, backend_name: str | None, call: Callable[[Any], Any], audit: Any = None,
         tool: str = "") -> Any:
    """The tool's result as JSON, or its error with the status the module docstring lists. An external
    model only gets the text pseudonymised, or nothing (privacy/guard.py); each use is audited
    without its content."""
    try:
        engine = runtime.answers
        backend = guarded(_backend(runtime, backend_name), engine.config.privacy, engine.detector)
        result = asdict(call(backend))
        if audit is not None:
            audit(f"tool.{tool}", "", backend=getattr(backend, "name", "?"), method=result.get("method"),
                  pseudonymised=isinstance(backend, GuardedChat))
        return result
    except PolicyDenied as exc:
        return _error(exc, 403)
    except ToolUnavailable as exc:
        return _error(exc, 409)
    except InputError as exc:
        return _error(exc, 400)
    except (BackendError, ConfigError) as exc:
        log.error("text tool failed: %s: %s", exc.code, exc)
        return _error(exc, 503)


@router.post("/summarise", response_model=SummaryOut, responses=ERRORS)
def summarise(body: SummariseIn, runtime: RuntimeDep, user: UserDep, audit: AuditDep) -> Any:
    """A summary in the chosen length and style; map-reduce for texts beyond the model's context.
    Without a generative model: an excerpt of the most central sentences (``method: "auszug"``)."""
    return _run(runtime, body.backend, lambda b: tools.summarise(b, body.text, body.length, body.style), audit,
                "summarise")


@router.post("/plain-language", response_model=PlainLanguageOut, responses=ERRORS)
def plain_language(body: PlainLanguageIn, runtime: RuntimeDep, user: UserDep, audit: AuditDep) -> Any:
    """The text in Einfache or Leichte Sprache, with readability (WSTF, Flesch-Amstad) before and after."""
    return _run(runtime, body.backend, lambda b: tools.plain_language(b, body.text, body.level), audit,
                "plain_language")


@router.post("/translate", response_model=TranslationOut, responses=ERRORS)
def translate(body: TranslateIn, runtime: RuntimeDep, user: UserDep, audit: AuditDep) -> Any:
    """The text translated into ``target`` (German, English and the languages of GET /languages)."""
    return _run(runtime, body.backend, lambda b: tools.translate(b, body.text, body.target, body.source), audit,
                "translate")


@router.post("/outline", response_model=OutlineOut, responses=ERRORS)
def outline(body: OutlineIn, runtime: RuntimeDep, user: UserDep, audit: AuditDep) -> Any:
    """An outline (numbered Gliederung) or a mind map as Mermaid ``mindmap`` text, plus the tree as JSON."""
    return _run(runtime, body.backend, lambda b: tools.outline(b, body.text, body.form, body.title), audit,
                "outline")


@router.post("/letter", response_model=LetterOut, responses=ERRORS)
def letter(body: LetterIn, runtime: RuntimeDep, user: UserDep, audit: AuditDep) -> Any:
    """A draft letter or e-mail from bullet points: formal, "Sie", [Platzhalter] for missing facts."""
    return _run(runtime, body.backend, lambda b: tools.letter(b, body.points, body.kind, body.tone, body.subject),
                audit, "letter")


@router.post("/readability", response_model=ReadabilityOut, responses={400: ERRORS[400], 401: ERRORS[401]})
def readability(body: ReadabilityIn, user: UserDep) -> Any:
    """Wiener Sachtextformel and Flesch reading ease (Amstad) of a German text. Needs no model."""
    try:
        return tools.readability(body.text).to_json()
    except InputError as exc:
        return _error(exc, 400)


@router.get("/languages", response_model=list[LanguageOut], responses={401: ERRORS[401]})
def languages(user: UserDep) -> Any:
    """The languages /translate accepts as ``target`` and ``source``."""
    return [{"code": code, "name_de": de, "name_en": en} for code, (de, en) in tools.LANGUAGES.items()]
