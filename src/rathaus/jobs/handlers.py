"""What ``rathaus worker`` knows how to do, by job kind.

``oparl.document`` (sources/oparl/sync.py ``run(workers=N)``): fetch one changed council document's
files and index it. The worker keeps one sync object per OParl URL, with its own HTTP client.
"""

from __future__ import annotations

from typing import Any

from rathaus.jobs.queue import Job
from rathaus.jobs.worker import Handler


def handlers(runtime: Any) -> dict[str, Handler]:
    return {"oparl.document": _OParlDocuments(runtime)}


class _OParlDocuments:
    def __init__(self, runtime: Any) -> None:
        self.runtime = runtime
        self.syncs: dict[tuple[str, str], Any] = {}

    def __call__(self, job: Job) -> None:
        url, collection = job.payload["url"], job.payload["collection"]
        if (url, collection) not in self.syncs:
            self.syncs[(url, collection)] = self._sync(url, collection)
        self.syncs[(url, collection)].process(job.key, job.payload.get("hosts", []))

    def _sync(self, url: str, collection: str) -> Any:
        import httpx

        from rathaus.sources.oparl.client import OParlClient
        from rathaus.sources.oparl.replay import DEMO_BASE, FolderReplay, demo_folder
        from rathaus.sources.oparl.state import SourceState
        from rathaus.sources.oparl.sync import OParlSync, state_path

        settings = self.runtime.settings
        http = httpx.Client(transport=FolderReplay(demo_folder()).transport()) if url == DEMO_BASE else None
        client = OParlClient.from_settings(settings, http)
        state = SourceState(state_path(settings.data_dir, url))
        sync = OParlSync(self.runtime.store, settings, client, collection, state=state)
        sync.state = state
        return sync
