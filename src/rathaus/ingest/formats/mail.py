"""E-mail (.eml): headers, the body, and the attachments, each extracted like an upload of its own."""

from __future__ import annotations

import email
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

from rathaus.documents import Passage
from rathaus.errors import InputError
from rathaus.ingest.extract import html_to_text
from rathaus.ingest.formats.archive import _Budget
from rathaus.ingest.formats.common import UploadText, _base_name, _clean, _one_line
from rathaus.ingest.formats.errors import UnsupportedFormat

_BERLIN = ZoneInfo("Europe/Berlin")


def _read_eml(data: bytes, name: str, budget: _Budget, depth: int) -> UploadText:
    return _read_message(email.message_from_bytes(data, policy=policy.default), name, budget, depth)


def _read_message(msg: EmailMessage, name: str, budget: _Budget, depth: int) -> UploadText:
    # An attachment goes through the same checks as an upload. Imported here, not at the top,
    # because upload.py imports this module for its table of readers.
    from rathaus.ingest.formats.upload import _extract

    warnings: list[str] = []
    subject, sender, to, cc = (_header(msg, h, warnings) for h in ("subject", "from", "to", "cc"))
    metadata: dict[str, Any] = {key: value for key, value in
                                (("from", sender), ("to", to), ("cc", cc), ("subject", subject)) if value}
    shown_date = _header(msg, "date", warnings)
    try:
        when = getattr(msg.get("date"), "datetime", None)
    except Exception:  # noqa: BLE001 - malformed headers raise from deep inside the email package
        when = None
    if when is not None:
        metadata["date"] = when.isoformat()
        shown_date = (when.astimezone(_BERLIN) if when.tzinfo else when).strftime("%d.%m.%Y %H:%M")
    head = [f"{label}: {value}" for label, value in (("Von", sender), ("An", to), ("Cc", cc),
                                                      ("Datum", shown_date), ("Betreff", subject)) if value]
    passages = [Passage("\n".join(head), file_name=name)] if head else []
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        text = html_to_text(content) if body.get_content_subtype() == "html" else content
        passages.append(Passage(text, file_name=name))
    attachments, unsupported, skipped = [], [], []
    for number, part in enumerate(msg.iter_attachments(), start=1):
        part_name = _base_name(_safe(part.get_filename)) or f"Anhang {number}"
        attachments.append(part_name)
        if depth > 0:
            skipped.append(part_name)
            continue
        try:
            if part.get_content_maintype() == "message" and part.get_content_subtype() == "rfc822":
                inner = part.get_content()
                result = _read_message(inner, part_name, budget, depth + 1)
                result.passages = [p for p in result.passages if _clean(p.text)]
            else:
                payload = part.get_payload(decode=True) or b""
                if part.get_content_type() == "text/plain":  # its charset is in the part's header, not the bytes
                    payload = part.get_content().encode("utf-8")
                result = _extract(payload, part_name, budget, depth + 1)
        except UnsupportedFormat:
            unsupported.append(part_name)
            continue
        except InputError as exc:
            warnings.append(f"attachment {part_name} skipped: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - a broken MIME part must not lose the rest of the mail
            warnings.append(f"attachment {part_name} skipped: unreadable ({type(exc).__name__}: {exc})")
            continue
        passages += [Passage(p.text, p.page, p.file_id, p.file_name or part_name, p.section) for p in result.passages]
        warnings += [f"attachment {part_name}: {w}" for w in result.warnings]
    if unsupported:
        warnings.append(f"attachments not extracted (unsupported format): {', '.join(unsupported)}")
    if skipped:
        warnings.append(f"attachments of the attached e-mail {name} not extracted (one level only): "
                        f"{', '.join(skipped)}")
    if attachments:
        metadata["attachments"] = len(attachments)
    if not subject and not any(_clean(p.text) for p in passages[1:]):
        passages = []  # headers alone are no document
    return UploadText(subject, passages, "eml", metadata, warnings)


def _header(msg: EmailMessage, header: str, warnings: list[str]) -> str:
    try:
        value = msg.get(header)
        return _one_line(str(value)) if value is not None else ""
    except Exception as exc:  # noqa: BLE001 - malformed headers raise from deep inside the email package
        warnings.append(f"e-mail header {header} unreadable: {exc}")
        return ""


def _safe(get: Callable[[], Any]) -> str:
    try:
        return str(get() or "")
    except Exception:  # noqa: BLE001 - a malformed filename parameter is just no name
        return ""
