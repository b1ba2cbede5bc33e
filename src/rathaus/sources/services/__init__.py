"""City-service source: Leistungsbeschreibungen in the FIM structure (Beschreibung, Voraussetzungen,
Unterlagen, Gebühren, ...) from a folder of Markdown/HTML files or a list of URLs.

``parse`` turns one file into a title, metadata and its FIM sections; ``sync`` writes one
``Service`` document per file, with one passage per section, and keeps the collection in step with
the folder. ``rathaus sync services PATH`` runs it; ``demo`` syncs the bundled Musterstadt services.
"""

from rathaus.sources.services.parse import (
           CANONICAL_SECTIONS,
           BadInput,
           ServicePage,
           canonical_section,
           parse_service,
)
from rathaus.sources.services.sync import DEFAULT_COLLECTION, ServiceSync, ServiceSyncReport, resolve_target

__all__ = ["CANONICAL_SECTIONS", "DEFAULT_COLLECTION", "BadInput", "ServicePage", "ServiceSync", "ServiceSyncReport",
           "canonical_section", "parse_service", "resolve_target"]
