"""POST /api/v1/ask (cited answers, JSON or Server-Sent Events) and POST /api/v1/feedback.

    curl -s localhost:8000/api/v1/ask -H 'Content-Type: application/json' \\
         -d '{"question": "Was kostet ein Personalausweis?", "assistant": "public"}'

With ``Accept: text/event-stream`` the answer streams as events: ``sources`` (the numbered
passages searched), ``text`` (each checked sentence), ``notice`` (date notices) and ``done``
(the same JSON as the plain reply). Errors during a stream arrive as an ``error`` event.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import asdict, is_dataclass
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from rathaus.errors import RathausError
from rathaus.web.deps import UNAUTHORIZED_HEADERS, AccessDep, RuntimeDep, get_user

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["answers"])


class AskIn(BaseModel):
    question: str = Field(..., description="The citizen's question, in German or English.")
    assistant: str = Field("public", description="Assistant profile from rathaus.toml.")
    language: Literal["de", "en"] = Field("de", description="Language of the answer's own texts.")
    document_ids: list[str] = Field(default_factory=list, max_length=50,
                                    description="Only these documents (e.g. files you just uploaded).")
    conversation_id: str | None = Field(None, max_length=64, description="Staff assistants: continue this "
                                        "conversation of yours; without it a new one is started.")


class CitationOut(BaseModel):
    n: int
    document_id: str
    title: str
    url: str | None
    text: str
    page: int | None
    date: str | None = None
    type: str = ""


class AskOut(BaseModel):
    answer: str
    refused: bool
    citations: list[CitationOut]
    provenance_id: str
    notices: list[str] = []
    handoff: str | None = None
    model: str = ""
    conversation_id: str | None = None  # staff assistants: where the question and answer were saved


class FeedbackIn(BaseModel):
    provenance_id: str = Field(..., max_length=64)
    vote: Literal[1, -1]
    reason: str = Field(..., max_length=40, description="One of: hilfreich, falsch, unvollstaendig, veraltet, "
                                                        "unverstaendlich, quelle_passt_nicht, sonstiges.")


def to_api(result: Any, conversation_id: str | None = None) -> dict[str, Any]:
    return AskOut(answer=result.answer, refused=result.refused, citations=[asdict(c) for c in result.citations],
                  provenance_id=result.provenance_id, notices=result.notices, handoff=result.handoff,
                  model=result.model, conversation_id=conversation_id).model_dump()


def _saver(runtime: Any, user: Any, profile: Any, body: AskIn) -> Any:
    """For a staff assistant and a signed-in user: a function that saves the question and the answer in
    the user's conversation (a new one unless ``conversation_id`` names one of theirs). None otherwise:
    citizens' questions are never kept."""
    if user is None or profile.audience != "staff":
        return None
    history = runtime.conversations
    conversation_id = (history.get(user.name, body.conversation_id).id if body.conversation_id
                       else history.start(user.name, profile.name, body.question[:80]).id)

    def save(result: Any) -> str:
        history.add(user.name, conversation_id, "user", body.question)
        history.add(user.name, conversation_id, "assistant", result.answer, provenance_id=result.provenance_id,
                    citations=[{"n": c.n, "document_id": c.document_id, "title": c.title, "url": c.url}
                               for c in result.citations])
        return conversation_id
    return save


def _sse(event: str, data: Any) -> str:
    if is_dataclass(data):
        data = asdict(data)
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _limited(request: Request) -> JSONResponse | None:
    allowed, wait = request.app.state.rate_limiter.allow(request)
    if allowed:
        return None
    return JSONResponse({"error": "rate_limited", "message": "Too many questions; try again shortly.",
                         "retry_after": round(wait, 1)}, status_code=429,
                        headers={"Retry-After": str(max(1, round(wait)))})


@router.post("/ask", response_model=AskOut, responses={429: {"description": "Too many questions from this client"}})
def ask(body: AskIn, request: Request, runtime: RuntimeDep, access: AccessDep) -> Any:
    """Answer a question from the assistant's collections, with checked citations. A staff assistant
    ("internal") needs a signed-in user and reads what that user may read; a public one reads only
    published collections, whoever asks."""
    limited = _limited(request)
    if limited is not None:
        return limited
    engine = runtime.answers
    profile = engine.config.assistant(body.assistant)
    if profile.audience == "staff" and not access.authenticated:
        raise HTTPException(401, f"The assistant {profile.name!r} is for signed-in staff.",
                            headers=UNAUTHORIZED_HEADERS)
    engine.clean_question(body.question)  # bad input is a plain 400, before anything is saved or streamed
    save = _saver(runtime, get_user(request), profile, body)
    if "text/event-stream" not in request.headers.get("accept", ""):
        result = engine.ask(body.question, body.assistant, body.language, access, body.document_ids or None)
        return to_api(result, save(result) if save else None)

    def events() -> Iterator[str]:
        try:
            for kind, payload in engine.stream(body.question, body.assistant, body.language, access,
                                               body.document_ids or None):
                if kind == "sources":
                    yield _sse("sources", [{"n": c.n, "title": c.title, "url": c.url} for c in payload])
                elif kind == "done":
                    yield _sse("done", to_api(payload, save(payload) if save else None))
                else:
                    yield _sse(kind, {"text": payload})
        except RathausError as exc:
            log.warning("%s during a streamed answer: %s", exc.code, exc)
            yield _sse("error", {"error": exc.code, "message": str(exc), "user_message": exc.user_message})

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.post("/feedback", status_code=204)
def feedback(body: FeedbackIn, runtime: RuntimeDep) -> None:
    """Thumbs up or down for an answer, with a reason from a fixed list (no free text, no personal data)."""
    runtime.provenance.add_feedback(body.provenance_id, body.vote, body.reason)
