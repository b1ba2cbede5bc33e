"""Fixtures for the web tests: a small German index with public, internal and confidential
documents, the FastAPI app over it, and a TestClient (used as a context manager, so the
lifespan runs).

The store is filled directly (no OParl sync): five public documents in the ``offen``
collection ``rat``, one document in an ``intern`` collection and one in a ``vertraulich``
collection. The two non-public documents deliberately share words with the public ones
(Hundesteuer, Straßenbeleuchtung, Kindertagesstätte, Musterstadt), so a leak in any
retriever would put them into the results. Every chunk also gets a vector from the
FakeEmbedder of tests/conftest.py, so hybrid search really uses both retrievers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from rathaus.config import Settings
from rathaus.documents import Access, Collection, Document, Passage
from rathaus.embed.worker import embed_missing
from rathaus.ingest.chunk import chunk_document
from rathaus.runtime import Runtime
from rathaus.web.app import create_app

RIS = "https://ratsinfo.musterstadt.de"
OPARL = "https://oparl.musterstadt.de/oparl/v1"

HUNDESTEUER = f"{OPARL}/paper/2024-0815"
BELEUCHTUNG = f"{OPARL}/paper/2023-0412"
KITA = f"{OPARL}/paper/2024-1120"
SITZUNG = f"{OPARL}/meeting/2024-05-14"
SPIELPLATZ = f"{OPARL}/paper/2022-0307"
INTERN = "intern:bauhof-personalplanung-2025"
VERTRAULICH = "vertraulich:grundstueck-kita-nord"

IDS = {"hundesteuer": HUNDESTEUER, "beleuchtung": BELEUCHTUNG, "kita": KITA, "sitzung": SITZUNG,
       "spielplatz": SPIELPLATZ, "intern": INTERN, "vertraulich": VERTRAULICH}
PUBLIC_IDS = {HUNDESTEUER, BELEUCHTUNG, KITA, SITZUNG, SPIELPLATZ}
HIDDEN_IDS = {INTERN, VERTRAULICH}


def _documents() -> list[Document]:
    return [
        Document(
            id=HUNDESTEUER, collection="rat", type="Paper", body=f"{OPARL}/body/1",
            title="Änderung der Hundesteuersatzung – Erhöhung der Hundesteuer ab 2025",
            reference="VO/2024/0815", date="2024-03-12",
            organizations=["Haupt- und Finanzausschuss", "Gemeinderat"],
            web_url=f"{RIS}/vo0050.asp?__kvonr=815", source_url=HUNDESTEUER,
            result="Beschlossen", meeting_date="2024-05-14",
            passages=[
                Passage("Beschlussvorschlag\n\nDer Gemeinderat der Stadt Musterstadt beschließt die als Anlage "
                        "beigefügte Satzung zur Änderung der Hundesteuersatzung. Die Hundesteuer für den ersten "
                        "Hund steigt ab dem 1. Januar 2025 von 96 € auf 120 € im Jahr.\n\n"
                        "Begründung\n\nDie Hundesteuer wurde zuletzt 2012 angepasst. Für gefährliche Hunde gilt "
                        "weiterhin ein erhöhter Steuersatz. Blindenführhunde bleiben steuerfrei.",
                        page=1, file_id=f"{OPARL}/file/8151", file_name="Vorlage VO-2024-0815.pdf"),
                Passage("Finanzielle Auswirkungen\n\nDie Mehreinnahmen betragen rund 85.000 € jährlich und "
                        "fließen in den Ergebnishaushalt (Teilhaushalt 1, Produkt Steuern & Abgaben).",
                        page=2, file_id=f"{OPARL}/file/8151", file_name="Vorlage VO-2024-0815.pdf"),
            ],
        ),
        Document(
            id=BELEUCHTUNG, collection="rat", type="Paper", body=f"{OPARL}/body/1",
            title="Erneuerung der Straßenbeleuchtung in der Hauptstraße",
            reference="VO/2023/0412", date="2023-09-05",
            organizations=["Ausschuss für Umwelt und Verkehr"],
            web_url=f"{RIS}/vo0050.asp?__kvonr=412", source_url=BELEUCHTUNG,
            passages=[
                Passage("Sachverhalt\n\nDie Straßenbeleuchtung in der Hauptstraße und am Marktplatz der Stadt "
                        "Musterstadt ist über 40 Jahre alt. Die Natriumdampflampen sollen durch LED-Leuchten "
                        "ersetzt werden; der Stromverbrauch sinkt dadurch um etwa 60 %.\n\n"
                        "Kosten\n\nDie Gesamtkosten betragen 230.000 €, davon werden 40 % gefördert.",
                        page=1, file_id=f"{OPARL}/file/4121", file_name="Vorlage VO-2023-0412.pdf"),
            ],
        ),
        Document(
            id=KITA, collection="rat", type="Paper", body=f"{OPARL}/body/1",
            title="Neubau einer Kindertagesstätte im Baugebiet Süd",
            reference="VO/2024/1120", date="2024-11-20",
            organizations=["Jugendhilfeausschuss"],
            web_url=f"{RIS}/vo0050.asp?__kvonr=1120", source_url=KITA,
            passages=[
                Passage("Ausgangslage\n\nIm Baugebiet Süd der Stadt Musterstadt fehlen 75 Betreuungsplätze für "
                        "Kinder unter drei Jahren. Die Verwaltung schlägt den Neubau einer fünfgruppigen "
                        "Kindertagesstätte an der Schulstraße vor.\n\nFinanzierung\n\nDie Baukosten werden auf "
                        "4,2 Mio. € geschätzt. Ein Zuschuss des Landes ist beantragt.",
                        page=1, file_id=f"{OPARL}/file/11201", file_name="Vorlage VO-2024-1120.pdf"),
            ],
        ),
        Document(
            id=SITZUNG, collection="rat", type="Meeting", body=f"{OPARL}/body/1",
            title="Sitzung des Gemeinderats am 14.05.2024",
            date="2024-05-14", organizations=["Gemeinderat"],
            web_url=f"{RIS}/si0057.asp?__ksinr=514", source_url=SITZUNG,
            passages=[
                Passage("Tagesordnung\n\nTOP 1 Einwohnerfragestunde\nTOP 2 Satzung zur Änderung der "
                        "Hundesteuersatzung der Stadt Musterstadt\nTOP 3 Bericht über die Umrüstung der "
                        "Beleuchtung auf LED\nTOP 4 Verschiedenes"),
            ],
        ),
        Document(
            id=SPIELPLATZ, collection="rat", type="Paper", body=f"{OPARL}/body/1",
            title="Sanierung des Spielplatzes am Rosengarten",
            reference="VO/2022/0307", date="2022-03-07",
            organizations=["Ausschuss für Umwelt und Verkehr"],
            web_url=f"{RIS}/vo0050.asp?__kvonr=307", source_url=SPIELPLATZ,
            passages=[
                Passage("Der Spielplatz am Rosengarten in Musterstadt wird saniert. Die Kletterkombination und "
                        "die Fallschutzflächen werden erneuert; Kosten < 50.000 € & Eigenleistung des Bauhofs.",
                        page=1, file_id=f"{OPARL}/file/3071", file_name="Vorlage VO-2022-0307.pdf"),
            ],
        ),
        # Not public: share words with the public documents on purpose.
        Document(
            id=INTERN, collection="verwaltung-intern", type="Paper",
            title="Personalplanung Bauhof 2025: Hundesteuer-Kontrollen und Straßenbeleuchtung",
            reference="INT/2025/003", date="2024-12-01", organizations=["Gemeinderat"],
            web_url="https://intranet.musterstadt.de/bauhof/personal-2025",
            passages=[
                Passage("Interner Vermerk der Stadt Musterstadt: Für die Kontrollen der Hundesteuer und die Wartung "
                        "der Straßenbeleuchtung fehlen im Bauhof zwei Stellen. Stichwort Personalengpass."),
            ],
        ),
        Document(
            id=VERTRAULICH, collection="liegenschaften-vertraulich", type="Paper",
            title="Grundstücksankauf für die Kindertagesstätte Nord – Kaufpreisobergrenze",
            reference="NÖ/2024/017", date="2024-06-30", organizations=["Jugendhilfeausschuss"],
            web_url="https://intranet.musterstadt.de/liegenschaften/kita-nord",
            passages=[
                Passage("Nichtöffentlich. Die Stadt Musterstadt bietet für das Grundstück an der Straße Am Anger "
                        "höchstens 1,1 Mio. €. Die Kaufpreisobergrenze für die Kindertagesstätte Nord darf nicht "
                        "bekannt werden. Die Hundesteuer und die Straßenbeleuchtung sind nicht betroffen."),
            ],
        ),
    ]


@dataclass
class WebIndex:
    documents: dict[str, Document]
    public_ids: set[str]
    hidden_ids: set[str]
    hidden_chunk_ids: list[int]
    public_chunk_ids: list[int]
    ids: dict[str, str]  # short name -> document id


def fill_store(store) -> WebIndex:
    """Create the three collections and write the documents (with their chunks) into ``store``."""
    store.ensure_collection(Collection("rat", "offen", description="Ratsinformationen"))
    store.ensure_collection(Collection("verwaltung-intern", "intern"))
    store.ensure_collection(Collection("liegenschaften-vertraulich", "vertraulich",
                                       access_groups=("stadt/dezernat-2/liegenschaftsamt",)))
    docs = _documents()
    for doc in docs:
        assert store.upsert_document(doc, chunk_document(doc))
    everything = Access.operator()
    hidden_chunks = [c.id for d in sorted(HIDDEN_IDS) for c in store.document_chunks(d, everything)]
    public_chunks = [c.id for d in sorted(PUBLIC_IDS) for c in store.document_chunks(d, everything)]
    return WebIndex({d.id: d for d in docs}, set(PUBLIC_IDS), set(HIDDEN_IDS), hidden_chunks, public_chunks, dict(IDS))


@pytest.fixture
def web_index(store) -> WebIndex:
    return fill_store(store)


@pytest.fixture
def runtime(settings: Settings, store, web_index: WebIndex) -> Iterator[Runtime]:
    rt = Runtime(settings, store=store)
    assert rt.embedder.name == "fake/hashed-stems"
    embed_missing(rt.store, rt.embedder, scope="all")  # dense search sees every chunk, hidden ones too
    yield rt


@pytest.fixture
def app(runtime: Runtime) -> FastAPI:
    return create_app(runtime)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, one per browser-test module (those modules skip without it)."""
    from playwright.sync_api import sync_playwright

    from tests.web.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
