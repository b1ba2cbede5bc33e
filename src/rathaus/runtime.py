"""The assembled product: settings, store, embedder and searcher, built once and shared.

The CLI and the web app both take a Runtime, so they run the same components.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import Any

from rathaus import plugins
from rathaus.config import Settings
from rathaus.search.hybrid import Searcher


class Runtime:
    def __init__(self, settings: Settings | None = None, *, store: Any = None, embedder: Any = None) -> None:
        self.settings = settings or Settings()
        self._store, self._embedder = store, embedder
        self._lock = threading.Lock()

    @cached_property
    def store(self) -> Any:
        return self._store if self._store is not None else plugins.create_store(self.settings)

    @cached_property
    def embedder(self) -> Any:
        return self._embedder if self._embedder is not None else plugins.create_embedder(self.settings)

    @cached_property
    def searcher(self) -> Searcher:
        return Searcher(self.store, self.embedder)

    @cached_property
    def answer_config(self) -> Any:
        from rathaus.answer.profiles import load_config

        return load_config(self.settings)

    @cached_property
    def provenance(self) -> Any:
        from rathaus.answer.provenance import ProvenanceLog

        return ProvenanceLog.from_settings(self.settings)

    @cached_property
    def accounts(self) -> Any:
        from rathaus.identity.accounts import Accounts

        return Accounts.from_settings(self.settings)

    @cached_property
    def workspace(self) -> Any:
        from rathaus.store.smalldb import open_small_db
        from rathaus.workspace.db import DATABASE, MIGRATIONS

        return open_small_db(self.settings, DATABASE, MIGRATIONS)

    @cached_property
    def prompts(self) -> Any:
        from rathaus.workspace.prompts import PromptLibrary

        library = PromptLibrary(self.workspace)
        library.install_starters()
        return library

    @cached_property
    def conversations(self) -> Any:
        from rathaus.workspace.conversations import Conversations

        return Conversations(self.workspace, self.settings.conversation_retention_days)

    @cached_property
    def audit(self) -> Any:
        from rathaus.identity.audit import AuditLog

        return AuditLog.from_settings(self.settings)

    @cached_property
    def sessions(self) -> Any:
        from rathaus.identity.sessions import Sessions

        return Sessions(self.accounts, idle_minutes=self.settings.session_idle_minutes,
                        max_hours=self.settings.session_max_hours, max_failures=self.settings.login_max_failures)

    @cached_property
    def detector(self) -> Any:
        """Personal-data detection with the city's own case-number patterns ([privacy] in rathaus.toml)."""
        from rathaus.privacy.detect import Detector

        return Detector(case_patterns=self.answer_config.privacy.case_patterns)

    @cached_property
    def library(self) -> Any:
        from rathaus.sources.files.library import FileLibrary

        return FileLibrary(self.store, self.settings, self.detector)

    @cached_property
    def answers(self) -> Any:
        from rathaus.answer.engine import AnswerEngine

        return AnswerEngine(self.store, self.searcher, self.answer_config, self.settings, self.provenance)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
        if "provenance" in self.__dict__:
            self.provenance.close()
        if "accounts" in self.__dict__:
            self.accounts.close()
        if "audit" in self.__dict__:
            self.audit.close()
        if "workspace" in self.__dict__:
            self.workspace.close()
