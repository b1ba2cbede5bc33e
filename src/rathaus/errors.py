"""The exception tree. Every error the product raises on purpose is a RathausError.

    RathausError
    ├── ConfigError            a setting or plugin name is wrong
    ├── SourceError            a source cannot be read
    │   ├── SourceUnavailable  host unreachable, or it kept failing after all retries
    │   ├── NotOParl           the URL answers, but not with an OParl System/Body
    │   └── InvalidObject      one object is unusable (no id, bad JSON); the sync skips it
    ├── ExtractionError        a file's text cannot be extracted (garbage, too large, unknown type)
    ├── StoreError             the store refused an operation
    │   └── NotFound           no such document/chunk (or not visible to the caller)
    ├── EmbedderError          the embedding model or server failed
    ├── BackendError           an answer backend (LLM) failed or is not installed
    └── InputError             a request is unusable (empty, too long, binary)

Each carries an English ``code`` for logs and API errors and a German ``user_message``
for the user interface.
"""

from __future__ import annotations


class RathausError(Exception):
    code = "rathaus_error"
    user_message = "Es ist ein Fehler aufgetreten."

    def __init__(self, message: str, *, user_message: str | None = None) -> None:
        super().__init__(message)
        if user_message:
            self.user_message = user_message


class ConfigError(RathausError):
    code = "config_error"
    user_message = "Die Konfiguration ist fehlerhaft."


class SourceError(RathausError):
    code = "source_error"
    user_message = "Die Datenquelle konnte nicht gelesen werden."


class SourceUnavailable(SourceError):
    code = "source_unavailable"
    user_message = "Die Datenquelle ist nicht erreichbar."


class NotOParl(SourceError):
    code = "not_oparl"
    user_message = "Unter dieser Adresse liegt keine OParl-Schnittstelle."


class InvalidObject(SourceError):
    code = "invalid_object"
    user_message = "Ein Objekt der Datenquelle ist ungültig und wurde übersprungen."


class ExtractionError(RathausError):
    code = "extraction_error"
    user_message = "Der Text der Datei konnte nicht gelesen werden."


class StoreError(RathausError):
    code = "store_error"
    user_message = "Der Suchindex hat die Anfrage abgelehnt."


class NotFound(StoreError):
    code = "not_found"
    user_message = "Nicht gefunden."


class EmbedderError(RathausError):
    code = "embedder_error"
    user_message = "Das Sprachmodell für die Suche ist nicht verfügbar."


class BackendError(RathausError):
    code = "backend_error"
    user_message = "Das Sprachmodell für Antworten ist gerade nicht verfügbar."


class InputError(RathausError):
    code = "invalid_input"
    user_message = "Die Eingabe ist ungültig."


class Forbidden(RathausError):
    """The caller is known but may not do this (HTTP 403)."""

    code = "forbidden"
    user_message = "Dafür fehlt Ihnen die Berechtigung."
