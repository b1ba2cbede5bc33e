"""A built-in OParl 1.1 server for a folder of objects: the Musterstadt demo, or any export.

The folder holds ``body.json`` and one JSON array per list (``papers.json``, ``meetings.json``,
``organizations.json``, ``persons.json``, ``memberships.json``, ``locations.json``,
``consultations.json``); ids contain the placeholder ``{base}``. Embedded files, agenda items
and consultations are served in their own lists too, as real servers do.

It serves through ``transport()`` (an in-process ``httpx`` transport: the demo sync makes no
network connection but runs exactly the code a real endpoint gets) or over HTTP with
``serve(host, port)``.
"""

from __future__ import annotations

import json
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

SCHEMA = "https://schema.oparl.org/1.1/"
DEMO_BASE = "http://musterstadt.demo.invalid/oparl"
LISTS = {  # URL segment -> (file, OParl type)
    "organizations": ("organizations.json", "Organization"),
    "persons": ("persons.json", "Person"),
    "memberships": ("memberships.json", "Membership"),
    "locations": ("locations.json", "Location"),
    "meetings": ("meetings.json", "Meeting"),
    "papers": ("papers.json", "Paper"),
    "consultations": ("consultations.json", "Consultation"),
    "agendaitems": (None, "AgendaItem"),
    "files": (None, "File"),
    "legislativeterms": (None, "LegislativeTerm"),
}
BODY_KEYS = {"organizations": "organization", "persons": "person", "memberships": "membership",
             "locations": "locationList", "meetings": "meeting", "papers": "paper", "consultations": "consultation",
             "agendaitems": "agendaItem", "files": "file", "legislativeterms": "legislativeTermList"}


def demo_folder() -> Path:
    return Path(str(files("rathaus") / "demo" / "musterstadt"))


class FolderReplay:
    def __init__(self, folder: Path, base: str = DEMO_BASE, page_size: int = 20) -> None:
        self.folder, self.base, self.page_size = folder, base.rstrip("/"), page_size

    def _load(self, name: str) -> Any:
        text = (self.folder / name).read_text(encoding="utf-8").replace("{base}", self.base)
        return json.loads(text)

    @cached_property
    def body(self) -> dict[str, Any]:
        body = self._load("body.json")
        body["system"] = self.base
        for segment, key in BODY_KEYS.items():
            body[key] = f"{body['id']}/{segment}"
        return body

    @cached_property
    def lists(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, dict[str, dict[str, Any]]] = {seg: {} for seg in LISTS}
        for seg, (filename, _) in LISTS.items():
            if filename and (self.folder / filename).exists():
                for obj in self._load(filename):
                    out[seg][obj["id"]] = obj
        for paper in out["papers"].values():
            for key in ("mainFile", "auxiliaryFile"):
                for f in paper.get(key) if isinstance(paper.get(key), list) else [paper.get(key)]:
                    if isinstance(f, dict):
                        out["files"].setdefault(f["id"], f)
            for c in paper.get("consultation") or []:
                if isinstance(c, dict):
                    out["consultations"].setdefault(c["id"], c)
        for meeting in out["meetings"].values():
            for key in ("invitation", "resultsProtocol", "verbatimProtocol", "auxiliaryFile"):
                for f in meeting.get(key) if isinstance(meeting.get(key), list) else [meeting.get(key)]:
                    if isinstance(f, dict):
                        out["files"].setdefault(f["id"], f)
            for item in meeting.get("agendaItem") or []:
                if isinstance(item, dict):
                    out["agendaitems"].setdefault(item["id"], item)
        for term in self.body.get("legislativeTerm") or []:
            out["legislativeterms"].setdefault(term["id"], term)
        return {seg: sorted(objs.values(), key=lambda o: o["id"]) for seg, objs in out.items()}

    @cached_property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {o["id"]: o for objs in self.lists.values() for o in objs}

    def system(self) -> dict[str, Any]:
        return {"id": self.base, "type": SCHEMA + "System", "oparlVersion": SCHEMA, "name": "Rathaus Demo-Replay",
                "body": f"{self.base}/bodies", "vendor": "https://rathaus.example", "product": "https://rathaus.example"}

    def handle(self, path: str, query: dict[str, str]) -> tuple[int, str, bytes]:
        url = f"{self.base.split('/oparl')[0]}{path}".rstrip("/")
        if url == self.base:
            return self._json(self.system())
        if url == f"{self.base}/bodies":
            return self._json(self._page([self.body], url, query))
        if url == self.body["id"]:
            return self._json(self.body)
        prefix = self.body["id"] + "/"
        if url.startswith(prefix) and url[len(prefix):] in LISTS:
            items = self.lists[url[len(prefix):]]
            if "modified_since" in query:
                items = [o for o in items if (o.get("modified") or "") >= query["modified_since"]]
            return self._json(self._page(items, url, query))
        if url.startswith(prefix + "filecontent/"):
            f = self.by_id.get(url.replace("/filecontent/", "/files/"))
            if f and f.get("text"):
                return 200, "text/plain; charset=utf-8", f["text"].encode("utf-8")
            return self._json({"error": "not found"}, 404)
        if url in self.by_id:
            return self._json(self.by_id[url])
        return self._json({"error": "not found"}, 404)

    def _page(self, items: list[Any], url: str, query: dict[str, str]) -> dict[str, Any]:
        page = max(1, int(query.get("page", "1") or 1))
        total = len(items)
        pages = max(1, -(-total // self.page_size))
        extra = {k: v for k, v in query.items() if k != "page"}

        def link(p: int) -> str:
            return f"{url}?{urlencode({**extra, 'page': p})}"

        links = {"first": link(1), "last": link(pages), "self": link(page)}
        if page < pages:
            links["next"] = link(page + 1)
        return {"data": items[(page - 1) * self.page_size: page * self.page_size], "links": links,
                "pagination": {"totalElements": total, "elementsPerPage": self.page_size,
                               "currentPage": page, "totalPages": pages}}

    @staticmethod
    def _json(obj: Any, status: int = 200) -> tuple[int, str, bytes]:
        return status, "application/json; charset=utf-8", json.dumps(obj, ensure_ascii=False).encode("utf-8")

    # -- ways to serve -------------------------------------------------------------------------
    def transport(self) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            query = {k: v[-1] for k, v in parse_qs(request.url.query.decode()).items()}
            status, ctype, body = self.handle(request.url.path, query)
            return httpx.Response(status, headers={"content-type": ctype}, content=body)

        return httpx.MockTransport(handler)

    def serve(self, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                status, ctype, body = replay.handle(parts.path, query)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return ThreadingHTTPServer((host, port), Handler)
