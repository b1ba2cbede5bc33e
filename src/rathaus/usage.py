"""Usage statistics for operators: counts per day, never content.

    stats = usage(provenance, audit, days=30)

From the provenance log: answers per assistant, refusals, and feedback votes. From the audit log:
sign-ins, distinct active staff (a count, not names), documents added and removed, tool uses. No
question, answer, document text, prompt or user name appears in the result, so it can be shared
with a works council or published.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

AUDIT_COUNTS = {"session.start": "sign_ins", "document.add": "documents_added", "document.remove": "documents_removed"}


def usage(provenance: Any, audit: Any, days: int = 30) -> dict[str, Any]:
    since = datetime.now(UTC) - timedelta(days=days)
    per_day: dict[str, Counter] = defaultdict(Counter)
    actors: dict[str, set[str]] = defaultdict(set)
    for day, assistant, refused, vote in provenance.answer_counts(since):
        counts = per_day[day]
        counts[f"answers.{assistant}"] += 1
        counts["refused"] += int(bool(refused))
        if vote is not None:
            counts["helpful" if vote > 0 else "not_helpful"] += 1
    for entry in audit.entries(since):
        day = entry.at[:10]
        if entry.action in AUDIT_COUNTS:
            per_day[day][AUDIT_COUNTS[entry.action]] += 1
        elif entry.action.startswith("tool."):
            per_day[day][entry.action] += 1
        if entry.actor not in ("anonymous", "operator"):
            actors[day].add(entry.actor)
    out = []
    for day in sorted(set(per_day) | set(actors)):
        out.append({"day": day, "active_staff": len(actors.get(day, ())), **dict(sorted(per_day[day].items()))})
    totals: Counter = Counter()
    for row in out:
        totals.update({k: v for k, v in row.items() if isinstance(v, int) and k != "active_staff"})
    all_actors = set().union(*actors.values()) if actors else set()
    return {"days": days, "since": since.date().isoformat(), "per_day": out,
            "totals": dict(sorted(totals.items())) | {"active_staff": len(all_actors)}}
