"""Text tools for city staff: summarise, plain language, translate, outline / mind map, letter drafts,
and readability scores.

    from rathaus.tools import summarise, readability
    backend = runtime.answers.backend("lokal")          # an answer backend from rathaus.toml
    summarise(backend, text, length="kurz", style="stichpunkte").text
    readability(text).wstf

Every tool takes an answer backend. Summarising works with any (without a model it returns an
excerpt, clearly labelled); the others need a generative one and raise ``ToolUnavailable``
(code ``generative_model_required``) with the extractive backend. Readability needs no model.
The HTTP endpoints are in ``rathaus.web.api.tools``.
"""

from rathaus.tools.base import ToolResult, ToolUnavailable, is_generative
from rathaus.tools.letter import LetterResult, letter
from rathaus.tools.outline import OutlineResult, check_mindmap, outline, parse_tree, to_mermaid
from rathaus.tools.plain_language import PlainLanguageResult, plain_language
from rathaus.tools.readability import Readability, readability
from rathaus.tools.summarise import SummaryResult, summarise
from rathaus.tools.translate import LANGUAGES, TranslationResult, translate

__all__ = [
    "LANGUAGES", "LetterResult", "OutlineResult", "PlainLanguageResult", "Readability", "SummaryResult",
    "ToolResult", "ToolUnavailable", "TranslationResult", "check_mindmap", "is_generative", "letter", "outline",
    "parse_tree", "plain_language", "readability", "summarise", "to_mermaid", "translate",
]
