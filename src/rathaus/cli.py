"""The ``rathaus`` command line.

    rathaus sync oparl https://ris.example.de/oparl/v1/system [--collection NAME] [--wait-embeddings]
    rathaus sync oparl demo                # the bundled Musterstadt data, through the same importer
    rathaus sync services PATH             # service descriptions: a folder, a .txt list of URLs, or 'demo'
    rathaus sync folder PATH --collection C   # staff documents from a folder (share), kept in step
    rathaus search "Hundesteuer" [--json] [--limit N]
    rathaus ask "Was kostet ein Personalausweis?" [--json]
    rathaus answers report [--days 7]      # feedback and refusals per assistant, answers voted down
    rathaus embed                          # fill in missing vectors
    rathaus groups add amt-32 --parent stadt/dezernat-2
    rathaus users add mmeier --group stadt/dezernat-2/amt-32 < password.txt
    rathaus tokens create mmeier           # a personal API token (Authorization: Bearer …)
    rathaus collections add bauakten --classification vertraulich --group stadt/dezernat-2/amt-32
    rathaus serve                          # web page + API on http://127.0.0.1:8000
    rathaus db copy-to-postgres URL        # move the SQLite installation to PostgreSQL, verified by checksums
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from rathaus.config import Settings
from rathaus.documents import Access, SearchFilters
from rathaus.errors import RathausError
from rathaus.runtime import Runtime

app = typer.Typer(help="Rathaus: council data in, German hybrid search out.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
sync_app = typer.Typer(help="Bring data from a source into the index.", no_args_is_help=True)
app.add_typer(sync_app, name="sync")
collection_app = typer.Typer(help="Collections: classification, access groups, publication.", no_args_is_help=True)
app.add_typer(collection_app, name="collections")
app.add_typer(collection_app, name="collection", hidden=True)  # the first release's name
groups_app = typer.Typer(help="Org units (groups), hierarchical: stadt/dezernat-2/amt-32.", no_args_is_help=True)
app.add_typer(groups_app, name="groups")
users_app = typer.Typer(help="Staff accounts: roles admin, curator, user.", no_args_is_help=True)
app.add_typer(users_app, name="users")
tokens_app = typer.Typer(help="Personal API tokens (Authorization: Bearer).", no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")
docs_app = typer.Typer(help="Staff documents from files: PDF, DOCX, ODT, HTML, Markdown, text, e-mail.",
                       no_args_is_help=True)
app.add_typer(docs_app, name="docs")
audit_app = typer.Typer(help="The audit log: who did what, when (never content).", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
answers_app = typer.Typer(help="Answer records and citizens' feedback (for editors and operators).",
                          no_args_is_help=True)
app.add_typer(answers_app, name="answers")
db_app = typer.Typer(help="The store's database: move an SQLite installation to PostgreSQL.", no_args_is_help=True)
app.add_typer(db_app, name="db")
console = Console(stderr=True)
STAGES = {"fetch": "Listen abrufen", "files": "Dateien laden", "index": "Indexieren", "embed": "Vektoren"}


class State:
    settings: Settings


state = State()


@app.callback()
def main(
    data_dir: Annotated[Path | None, typer.Option("--data-dir", envvar="RATHAUS_DATA_DIR",
                                                  help="Where the index lives.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log details.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    overrides: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    state.settings = Settings(**overrides)


def _say_error(exc: RathausError) -> None:
    console.print(f"[red]Fehler:[/red] {exc.user_message}\n[dim]{exc.code}: {exc}[/dim]")


def _fail(exc: RathausError) -> None:
    _say_error(exc)
    raise typer.Exit(2)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TimeRemainingColumn(), console=console, transient=False)


@sync_app.command("oparl")
def sync_oparl(
    url: Annotated[str, typer.Argument(help="OParl system URL, or 'demo' for the bundled Musterstadt data.")],
    collection: Annotated[str | None, typer.Option(help="Collection to write to.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Fetch everything, not only changes.")] = False,
    wait_embeddings: Annotated[bool, typer.Option("--wait-embeddings",
                                                  help="Return only when all vectors are computed.")] = False,
    concurrency: Annotated[int | None, typer.Option(help="Parallel requests.")] = None,
    rate_limit: Annotated[float | None, typer.Option(help="Requests per second (0: unlimited).")] = None,
    workers: Annotated[int, typer.Option(min=0, max=64, help="Fetch files and index documents in this many "
                                                            "worker processes (0: in this process).")] = 0,
) -> None:
    """Sync an OParl endpoint: lexical search works when this returns."""
    import httpx

    from rathaus.sources.oparl.client import OParlClient
    from rathaus.sources.oparl.replay import DEMO_BASE, FolderReplay, demo_folder
    from rathaus.sources.oparl.sync import OParlSync

    overrides = {k: v for k, v in (("oparl_concurrency", concurrency), ("oparl_rate_limit", rate_limit)) if v is not None}
    settings = state.settings.model_copy(update=overrides)
    runtime = Runtime(settings)
    http = None
    if url == "demo":
        url = DEMO_BASE
        http = httpx.Client(transport=FolderReplay(demo_folder()).transport())
    client = OParlClient.from_settings(settings, http)
    with _progress() as progress:
        tasks: dict[str, Any] = {}

        def report(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(STAGES.get(stage, stage), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        try:
            result = OParlSync(runtime.store, settings, client, collection, report).run(url, full=full,
                                                                                       workers=workers)
        except RathausError as exc:
            _fail(exc)
    table = Table(title="Synchronisierung abgeschlossen", show_header=False)
    for key, value in asdict(result).items():
        if key != "warnings":
            table.add_row(key, str(value))
    console.print(table)
    if wait_embeddings:
        _embed(runtime, None)
    else:
        done, total = runtime.store.vector_progress(runtime.embedder.name, settings.embed_scope)
        console.print(f"Lexikalische Suche ist bereit. Vektoren: {done}/{total} "
                      f"(`rathaus embed` oder `rathaus serve` ergänzt den Rest).")
    runtime.close()


@sync_app.command("services")
def sync_services(
    path: Annotated[str, typer.Argument(help="Folder of service descriptions (.md, .html), a .txt file with one "
                                             "URL per line, or 'demo' for the bundled Musterstadt services.")],
    collection: Annotated[str | None, typer.Option(help="Collection to write to (default: leistungen).")] = None,
) -> None:
    """Sync city-service descriptions (Leistungsbeschreibungen): one document per file or URL."""
    from rathaus.sources.services.sync import ServiceSync, resolve_target

    try:
        target = resolve_target(path)
    except RathausError as exc:
        _fail(exc)
    runtime = Runtime(state.settings)
    with _progress() as progress:
        task = progress.add_task(STAGES["index"], total=None)
        try:
            result = ServiceSync(runtime.store, state.settings, collection,
                                 lambda stage, done, total: progress.update(task, completed=done, total=total)
                                 ).run(target)
        except RathausError as exc:
            runtime.close()
            _fail(exc)
    table = Table(title="Leistungsbeschreibungen synchronisiert", show_header=False)
    for label, value in (("Quelle", result.source), ("Sammlung", result.collection), ("gefunden", result.seen),
                         ("neu oder geändert", result.written), ("unverändert", result.unchanged),
                         ("gelöscht", result.deleted), ("übersprungen", len(result.skipped)),
                         ("Abruffehler", len(result.errors)), ("ignorierte Dateien", result.ignored),
                         ("Sekunden", result.seconds)):
        table.add_row(label, str(value))
    console.print(table)
    for item, reason in result.skipped.items():
        console.print(f"[yellow]Übersprungen:[/yellow] {item}: {reason}")
    for item, reason in result.errors.items():
        console.print(f"[red]Fehler:[/red] {item}: {reason}")
    for warning in result.warnings:
        console.print(f"[yellow]Hinweis:[/yellow] {warning}")
    done, total = runtime.store.vector_progress(runtime.embedder.name, state.settings.embed_scope)
    console.print(f"Lexikalische Suche ist bereit. Vektoren: {done}/{total} "
                  f"(`rathaus embed` oder `rathaus serve` ergänzt den Rest).")
    runtime.close()


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Stop when no job is left (else wait for new ones).")] = False,
    idle: Annotated[float, typer.Option(min=0.1, help="Seconds between looks at an empty job table.")] = 2.0,
) -> None:
    """Work off background jobs (documents of an OParl sync) from the job table; several workers, also on
    several machines with PostgreSQL, share it without doing any job twice."""
    import signal
    import threading

    from rathaus.jobs.handlers import handlers
    from rathaus.jobs.queue import open_queue
    from rathaus.jobs.worker import run_worker

    runtime = Runtime(state.settings)
    queue = open_queue(state.settings)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # finish the current job, then stop
    try:
        report = run_worker(queue, handlers(runtime), once=once, idle_seconds=idle, stop=stop)
    except RathausError as exc:
        _fail(exc)
    finally:
        queue.close()
        runtime.close()
    console.print(f"Worker {report.worker}: {report.done} erledigt, {report.failed} fehlgeschlagen "
                  f"({report.seconds} s).")


@sync_app.command("folder")
def sync_folder(
    path: Annotated[Path, typer.Argument(help="A folder (a mounted share, for example), read recursively.")],
    collection: Annotated[str, typer.Option(help="The collection it fills.")],
    publish_personal_data: Annotated[bool, typer.Option(
        help="Also add files with personal data to a published collection (checked them yourself).")] = False,
) -> None:
    """Keep a collection in step with a folder of staff documents: new and changed files are added,
    removed files are removed (never when the folder could not be read completely)."""
    from rathaus.sources.files.folder import FolderSync

    runtime = Runtime(state.settings)
    try:
        report = FolderSync(runtime.store, state.settings, collection, detector=runtime.detector,
                            publish_personal_data=publish_personal_data).run(path)
    except RathausError as exc:
        runtime.close()
        _fail(exc)
    table = Table(title="Ordner synchronisiert", show_header=False)
    for label, value in (("Ordner", report.folder), ("Sammlung", report.collection), ("gefunden", report.seen),
                         ("neu oder geändert", report.written), ("unverändert", report.unchanged),
                         ("entfernt", report.deleted), ("übersprungen", len(report.skipped)),
                         ("Sekunden", report.seconds)):
        table.add_row(label, str(value))
    console.print(table)
    for item, reason in report.skipped.items():
        console.print(f"[yellow]Übersprungen:[/yellow] {item}: {reason}")
    _audit("folder.sync", str(path), collection=collection, written=report.written, deleted=report.deleted)
    runtime.close()


def _embed(runtime: Runtime, limit: int | None) -> None:
    from rathaus.embed.worker import embed_missing

    with _progress() as progress:
        task = progress.add_task(STAGES["embed"], total=None)
        result = embed_missing(runtime.store, runtime.embedder, runtime.settings.embed_scope,
                               runtime.settings.embed_batch_size, limit,
                               progress=lambda done, total: progress.update(task, completed=done, total=total))
    console.print(f"{result.embedded} Abschnitte eingebettet in {result.seconds} s; "
                  f"Abdeckung {result.done}/{result.total}.")


@app.command()
def embed(limit: Annotated[int | None, typer.Option(help="Embed at most this many chunks.")] = None) -> None:
    """Compute missing vectors (lead passages and newest documents first)."""
    runtime = Runtime(state.settings)
    try:
        _embed(runtime, limit)
    except RathausError as exc:
        _fail(exc)
    finally:
        runtime.close()


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    mode: Annotated[str, typer.Option(help="hybrid, lexical or dense.")] = "hybrid",
    type_: Annotated[list[str] | None, typer.Option("--type", help="Paper, Meeting, Organization.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="From date (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="To date (YYYY-MM-DD).")] = None,
    organization: Annotated[str | None, typer.Option(help="Organisation name or id.")] = None,
) -> None:
    """Search the index (as the local operator: all collections)."""
    if mode not in ("hybrid", "lexical", "dense"):
        console.print("[red]Fehler:[/red] --mode muss hybrid, lexical oder dense sein.")
        raise typer.Exit(2)
    # One query: building the in-memory BM25 snapshot would cost more than FTS5 answering it.
    runtime = Runtime(state.settings.model_copy(update={"lexical_cache": "off"}))
    filters = SearchFilters(types=type_ or [], date_from=date_from, date_to=date_to, organization=organization)
    try:
        response = runtime.searcher.search(query, Access.operator(), filters, limit=limit, mode=mode)  # type: ignore[arg-type]
    except RathausError as exc:
        _fail(exc)
    if as_json:
        from rathaus.web.api.search import to_api

        json.dump(to_api(response), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        out = Console()
        if not response.results:
            out.print("Keine Treffer.")
        for i, r in enumerate(response.results, start=1):
            out.print(f"[bold]{i}. {r.title}[/bold]  [dim]{r.reference or ''} {r.date or ''} {r.type}[/dim]")
            out.print(f"   {r.url}")
            for p in r.passages[:2]:
                text = p.snippet.replace("<mark>", "[yellow]").replace("</mark>", "[/yellow]")
                out.print(f"   [dim]{'S. ' + str(p.page) + ': ' if p.page else ''}[/dim]{text[:300]}")
        out.print(f"[dim]{len(response.results)} Treffer in {response.took_ms} ms ({response.mode}"
                  f"{', mit Vektoren' if response.dense_used else ''})[/dim]")
    runtime.close()


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, as a citizen would ask it.")],
    assistant: Annotated[str, typer.Option(help="Assistant profile from rathaus.toml.")] = "public",
    as_json: Annotated[bool, typer.Option("--json", help="Print the same JSON as POST /api/v1/ask.")] = False,
    language: Annotated[str, typer.Option(help="de or en.")] = "de",
    user: Annotated[str | None, typer.Option(help="Ask as this staff user (their groups decide what is read).")]
    = None,
) -> None:
    """Answer a question with cited sources, as the assistant would on the website."""
    runtime = Runtime(state.settings.model_copy(update={"lexical_cache": "off", "vector_cache": "off"}))
    try:
        access = runtime.accounts.user(user).access() if user else None
        result = runtime.answers.ask(question, assistant, "en" if language == "en" else "de", access)
    except RathausError as exc:
        _fail(exc)
    if as_json:
        from rathaus.web.api.ask import to_api

        json.dump(to_api(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        out = Console()
        out.print(result.answer)
        for c in result.citations:
            out.print(f"[dim][{c.n}] {c.title} ({c.date or 'ohne Datum'}{', S. ' + str(c.page) if c.page else ''})"
                      f" {c.url or c.document_id}[/dim]")
    runtime.close()


@answers_app.command("report")
def answers_report(
    days: Annotated[int | None, typer.Option(min=1, help="Only answers of the last N days.")] = None,
    limit: Annotated[int, typer.Option(min=0, help="How many answers voted down to list.")] = 10,
) -> None:
    """Answers, refusals and feedback per assistant, and the newest answers voted down."""
    from datetime import UTC, datetime, timedelta

    runtime = Runtime(state.settings)
    since = datetime.now(UTC) - timedelta(days=days) if days else None
    out = Console()
    table = Table(title=f"Antworten{f' der letzten {days} Tage' if days else ''} "
                        f"(Aufbewahrung {state.settings.provenance_retention_days} Tage)")
    for column in ("Assistent", "Antworten", "abgelehnt", "hilfreich", "nicht hilfreich", "Gründe"):
        table.add_column(column)
    for r in runtime.provenance.report(since):
        table.add_row(r.assistant, str(r.answers), f"{r.refused} ({r.refused / r.answers:.0%})", str(r.helpful),
                      str(r.not_helpful), ", ".join(f"{k} {v}" for k, v in sorted(r.reasons.items())) or "–")
    out.print(table)
    if limit:
        down = runtime.provenance.voted_down(since, limit)
        if down:
            out.print("[bold]Als nicht hilfreich bewertet (neueste zuerst):[/bold]")
        for record, reason in down:
            documents = ", ".join(dict.fromkeys(s["document_id"] for s in record.sources
                                                if s["n"] in record.cited)) or "–"
            out.print(f"{record.created_at}  [dim]{record.id}[/dim]  {reason}\n   Frage: {record.question}\n"
                      f"   zitiert: {documents}{'  (abgelehnt)' if record.refused else ''}")
    runtime.close()


@answers_app.command("show")
def answers_show(record_id: Annotated[str, typer.Argument(help="The provenance_id of an answer.")]) -> None:
    """One answer's provenance record: question, profile, model, prompt version, sources and feedback."""
    runtime = Runtime(state.settings)
    try:
        record = runtime.provenance.get(record_id)
    except RathausError as exc:
        runtime.close()
        _fail(exc)
    data = asdict(record)
    vote = runtime.provenance.feedback_for(record_id)
    data["feedback"] = {"vote": vote[0], "reason": vote[1]} if vote else None
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    runtime.close()


@contextlib.contextmanager
def _accounts() -> Iterator[Any]:
    """The accounts database for one command: a RathausError becomes the German error and exit code 2."""
    from rathaus.identity.accounts import Accounts

    accounts = Accounts.from_settings(state.settings)
    try:
        yield accounts
    except RathausError as exc:
        _fail(exc)
    finally:
        accounts.close()


def _audit(action: str, target: str = "", **details: Any) -> None:
    """An audit entry for an administrative command (the actor is the local operator)."""
    from rathaus.identity.audit import OPERATOR, AuditLog

    log = AuditLog.from_settings(state.settings)
    log.record(OPERATOR, action, target, **details)
    log.close()


@collection_app.command("add")
def collection_add(
    name: Annotated[str, typer.Argument(help="Collection name.")],
    classification: Annotated[str, typer.Option(help="offen, intern or vertraulich.")] = "offen",
    group: Annotated[list[str] | None, typer.Option("--group", help="Org unit that may read it, e.g. "
                                                    "stadt/dezernat-2/amt-32 (repeatable).")] = None,
    public: Annotated[bool, typer.Option("--public", help="Publish it: anonymous citizens and the public "
                                                          "assistant may read it (offen only).")] = False,
    description: Annotated[str, typer.Option(help="What it holds.")] = "",
) -> None:
    """Create a collection, or change an existing one's classification, groups and publication."""
    from rathaus.documents import CLASSIFICATIONS, Collection

    if classification not in CLASSIFICATIONS:
        console.print(f"[red]Fehler:[/red] Einstufung muss {', '.join(CLASSIFICATIONS)} sein.")
        raise typer.Exit(2)
    if classification == "vertraulich" and not group:
        console.print("[red]Fehler:[/red] Eine vertrauliche Sammlung braucht mindestens eine --group.")
        raise typer.Exit(2)
    if public and classification != "offen":
        console.print("[red]Fehler:[/red] Nur eine offene Sammlung kann veröffentlicht werden (--public).")
        raise typer.Exit(2)
    with _accounts() as accounts:
        groups = accounts.known_groups(group or [])
    runtime = Runtime(state.settings)
    runtime.store.ensure_collection(Collection(name, classification, tuple(groups), description, public))  # type: ignore[arg-type]
    _audit("collection.set", name, classification=classification, groups=groups, public=public)
    console.print(f"Sammlung {name!r}: {classification}{', veröffentlicht' if public else ''}, "
                  f"Gruppen: {', '.join(groups) or '–'}")
    runtime.close()


# The first release called it `rathaus collection create`; it stays as a hidden alias.
collection_app.command("create", hidden=True)(collection_add)


@collection_app.command("list")
def collection_list() -> None:
    """List collections with their classification, groups and document counts."""
    runtime = Runtime(state.settings)
    table = Table(title="Sammlungen")
    for column in ("Name", "Einstufung", "öffentlich", "Gruppen", "Dokumente"):
        table.add_column(column)
    for c in runtime.store.list_collections(Access.operator()):
        count = runtime.store.count_documents(Access.operator(), SearchFilters(collections=[c.name]))
        table.add_row(c.name, c.classification, "ja" if c.public else "nein", ", ".join(c.access_groups) or "–",
                      str(count))
    Console().print(table)
    runtime.close()


@groups_app.command("add")
def groups_add(
    name: Annotated[str, typer.Argument(help="Org unit: a path like stadt/dezernat-2, or a name below --parent.")],
    parent: Annotated[str | None, typer.Option(help="The unit above it, e.g. stadt/dezernat-2.")] = None,
    description: Annotated[str, typer.Option(help="Its full name.")] = "",
) -> None:
    """Create an org unit (a group). Members of a unit read what is granted to it and to every unit above."""
    with _accounts() as accounts:
        path = accounts.add_group(name, parent, description)
    _audit("group.add", path)
    console.print(f"Gruppe {path}")


@groups_app.command("list")
def groups_list() -> None:
    """List org units with their direct members."""
    with _accounts() as accounts:
        table = Table(title="Gruppen")
        for column in ("Gruppe", "Beschreibung", "Mitglieder"):
            table.add_column(column)
        for path, description, members in accounts.groups():
            table.add_row(path, description or "–", str(members))
    Console().print(table)


def _read_password() -> str:
    """The password from stdin: typed twice at a terminal, or the first line of a pipe."""
    if sys.stdin.isatty():
        first = typer.prompt("Passwort", hide_input=True)
        if typer.prompt("Passwort wiederholen", hide_input=True) != first:
            console.print("[red]Fehler:[/red] Die Passwörter stimmen nicht überein.")
            raise typer.Exit(2)
        return first
    return sys.stdin.readline().rstrip("\r\n")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="Login name, e.g. mmeier.")],
    admin: Annotated[bool, typer.Option("--admin", help="Role admin: manages users, groups and collections.")] = False,
    curator: Annotated[bool, typer.Option("--curator", help="Role curator: manages documents.")] = False,
    group: Annotated[list[str] | None, typer.Option("--group", help="Org unit (repeatable).")] = None,
    display_name: Annotated[str, typer.Option(help="Full name shown in the interface.")] = "",
    no_password: Annotated[bool, typer.Option("--no-password", help="Single sign-on only.")] = False,
) -> None:
    """Add a staff account. The password is read from stdin (at least 12 characters)."""
    with _accounts() as accounts:
        password = None if no_password else _read_password()
        user = accounts.add_user(name, password, "admin" if admin else "curator" if curator else "user",
                                 group or [], display_name)
    _audit("user.add", user.name, role=user.role, groups=list(user.groups))
    console.print(f"Benutzer {user.name} ({user.role}), Gruppen: {', '.join(user.groups) or '–'}")


@users_app.command("list")
def users_list() -> None:
    """List staff accounts with role, groups and state."""
    with _accounts() as accounts:
        table = Table(title="Benutzer")
        for column in ("Name", "Rolle", "Gruppen", "Anmeldung", "Status"):
            table.add_column(column)
        for u in accounts.users():
            table.add_row(u.name, u.role, ", ".join(u.groups) or "–", "Passwort" if u.has_password else "nur SSO",
                          "gesperrt" if u.disabled else "aktiv")
    Console().print(table)


@users_app.command("groups")
def users_groups(
    name: Annotated[str, typer.Argument(help="Login name.")],
    group: Annotated[list[str] | None, typer.Option("--group", help="Org unit (repeatable); none: no groups.")] = None,
) -> None:
    """Replace a user's groups. Takes effect with their next request."""
    with _accounts() as accounts:
        user = accounts.set_groups(name, group or [])
    _audit("user.groups", user.name, groups=list(user.groups))
    console.print(f"Benutzer {user.name}, Gruppen: {', '.join(user.groups) or '–'}")


@users_app.command("disable")
def users_disable(name: Annotated[str, typer.Argument(help="Login name.")],
                  enable: Annotated[bool, typer.Option("--enable", help="Enable again.")] = False) -> None:
    """Lock an account (its tokens stop working at once), or unlock it with --enable."""
    with _accounts() as accounts:
        user = accounts.set_disabled(name, not enable)
    _audit("user.disable" if user.disabled else "user.enable", user.name)
    console.print(f"Benutzer {user.name}: {'gesperrt' if user.disabled else 'aktiv'}")


@tokens_app.command("create")
def tokens_create(
    name: Annotated[str, typer.Argument(help="The user the token acts for.")],
    label: Annotated[str, typer.Option(help="What it is for, e.g. the program using it.")] = "",
) -> None:
    """Create a personal API token and print it (once). Use it as `Authorization: Bearer <token>`."""
    with _accounts() as accounts:
        token = accounts.create_token(name, label)
    _audit("token.create", name, label=label)
    console.print("Token (wird nur jetzt angezeigt):")
    print(token)


@tokens_app.command("list")
def tokens_list(name: Annotated[str | None, typer.Argument(help="Only this user's tokens.")] = None) -> None:
    """List tokens (never the tokens themselves)."""
    with _accounts() as accounts:
        table = Table(title="API-Tokens")
        for column in ("ID", "Benutzer", "Zweck", "erstellt", "zuletzt benutzt", "Status"):
            table.add_column(column)
        for t in accounts.tokens(name):
            table.add_row(str(t.id), t.user, t.label, t.created_at, t.last_used or "–", "widerrufen" if t.revoked else "gültig")
    Console().print(table)


@tokens_app.command("revoke")
def tokens_revoke(token_id: Annotated[int, typer.Argument(help="The token's ID from `rathaus tokens list`.")]) -> None:
    """Revoke a token; it stops working at once."""
    with _accounts() as accounts:
        accounts.revoke_token(token_id)
    _audit("token.revoke", str(token_id))
    console.print(f"Token {token_id} widerrufen.")


@docs_app.command("add")
def docs_add(
    paths: Annotated[list[Path], typer.Argument(help="Files, or folders (searched recursively).")],
    collection: Annotated[str, typer.Option(help="The collection to add them to.")],
    publish_personal_data: Annotated[bool, typer.Option(
        help="Also add files with personal data to a published collection (checked them yourself).")] = False,
) -> None:
    """Add files to a collection; a file of the same name is replaced. Unreadable files are reported and skipped."""
    from rathaus.privacy.detect import describe

    runtime = Runtime(state.settings)
    try:
        runtime.store.get_collection(collection)
    except RathausError as exc:
        runtime.close()
        _fail(exc)
    library = runtime.library
    files_ = [f for p in paths for f in (sorted(x for x in p.rglob("*") if x.is_file() and not
                                                any(part.startswith(".") for part in x.relative_to(p).parts))
                                         if p.is_dir() else [p])]
    added = failed = 0
    for path in files_:
        try:
            result = library.add(path.read_bytes(), path.name, collection, added_by="operator", source="cli",
                                 publish_personal_data=publish_personal_data)
        except (RathausError, OSError) as exc:
            failed += 1
            message = exc.user_message if isinstance(exc, RathausError) else str(exc)
            console.print(f"[red]Fehler:[/red] {path}: {message}")
            continue
        added += 1
        state_text = "ersetzt" if result.replaced else ("neu" if result.changed else "unverändert")
        console.print(f"{path.name}: {state_text}, {result.format}, {result.chunks} Abschnitte  "
                      f"[dim]{result.document_id}[/dim]")
        for warning in result.warnings:
            console.print(f"   [yellow]Hinweis:[/yellow] {warning}")
        if result.personal_data:
            console.print(f"   [yellow]Personenbezogene Daten:[/yellow] {describe(result.personal_data)}")
        if result.changed:
            _audit("document.add", result.document_id, collection=collection, replaced=result.replaced,
                   personal_data=result.personal_data)
    runtime.close()
    console.print(f"{added} Datei(en) übernommen, {failed} mit Fehler.")
    if failed and not added:
        raise typer.Exit(2)


@docs_app.command("remove")
def docs_remove(document_id: Annotated[str, typer.Argument(help="The document id (file:<collection>/<name>).")]) -> None:
    """Remove a file document from the index."""
    runtime = Runtime(state.settings)
    try:
        removed = runtime.library.remove(document_id)
    except RathausError as exc:
        runtime.close()
        _fail(exc)
    runtime.close()
    if not removed:
        console.print(f"[red]Fehler:[/red] Dokument {document_id} gibt es nicht.")
        raise typer.Exit(2)
    _audit("document.remove", document_id)
    console.print(f"Entfernt: {document_id}")


@app.command("usage")
def usage_command(days: Annotated[int, typer.Option(min=1, max=366, help="The last N days.")] = 30) -> None:
    """Usage statistics per day as JSON: answers, refusals, feedback, sign-ins, active staff (a count),
    documents and tool uses. Counts only, never content or names."""
    from rathaus.usage import usage

    runtime = Runtime(state.settings)
    json.dump(usage(runtime.provenance, runtime.audit, days), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    runtime.close()


@audit_app.command("export")
def audit_export(
    since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    actor: Annotated[str | None, typer.Option(help="Only this user ('operator' for the command line).")] = None,
    action: Annotated[str | None, typer.Option(help="Only this action or family, e.g. document or user.add.")]
    = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
) -> None:
    """Write audit entries to stdout as CSV or JSON Lines."""
    from datetime import UTC, datetime

    from rathaus.identity.audit import AuditLog

    try:
        start = datetime.fromisoformat(since).replace(tzinfo=UTC) if since else None
    except ValueError:
        console.print("[red]Fehler:[/red] --since muss ein Datum wie 2026-01-31 sein.")
        raise typer.Exit(2) from None
    log = AuditLog.from_settings(state.settings)
    try:
        count = log.export(log.entries(start, actor, action), sys.stdout, fmt)
    except RathausError as exc:
        _fail(exc)
    finally:
        log.close()
    console.print(f"{count} Einträge.")


@app.command()
def reindex() -> None:
    """Rebuild all documents from the stored raw objects, without refetching."""
    from rathaus.sources.oparl.state import SourceState
    from rathaus.sources.oparl.sync import OParlSync

    runtime = Runtime(state.settings)
    paths = sorted((state.settings.data_dir / "sources").glob("oparl-*.sqlite"))
    if not paths:
        console.print("Keine OParl-Quelle vorhanden. Zuerst `rathaus sync oparl URL`.")
        raise typer.Exit(1)
    for path in paths:
        source_state = SourceState(path)
        syncer = OParlSync(runtime.store, state.settings, client=None, state=source_state)  # type: ignore[arg-type]
        result = syncer.reindex()
        console.print(f"{path.name}: {result.documents_indexed} neu indexiert, "
                      f"{result.documents_unchanged} unverändert ({result.seconds} s)")
    runtime.close()


@app.command()
def status() -> None:
    """Show what the index holds."""
    runtime = Runtime(state.settings)
    stats = runtime.store.stats()
    done, total = runtime.store.vector_progress(runtime.embedder.name, state.settings.embed_scope)
    stats["vector_coverage"] = f"{done}/{total}"
    console.print_json(json.dumps(stats, ensure_ascii=False))
    runtime.close()


CHECK_LABELS = {"collections": "Sammlungen", "documents": "Dokumente", "chunks": "Abschnitte",
                "small:identity": "Konten, Gruppen, Sitzungen", "small:audit": "Prüfprotokoll",
                "small:answers": "Antwortprotokoll", "small:workspace": "Vorlagen und Verläufe"}


def _small_databases() -> list[tuple[str, Any]]:
    """The small databases of their own (store/smalldb.py) and their migrations."""
    from rathaus.answer import provenance
    from rathaus.identity import accounts, audit
    from rathaus.workspace import db

    return [(module.DATABASE, module.MIGRATIONS) for module in (accounts, audit, provenance, db)]


def _copy_small_databases(url: str, verify_only: bool) -> list[Any]:
    """Copy (or only compare) each small database that has a file in the data directory."""
    from rathaus.store.copy import copy_small_db, verify_small_db
    from rathaus.store.pgfile import PostgresFile
    from rathaus.store.sqlitedb import SQLiteFile

    checks = []
    for name, migrations in _small_databases():
        path = state.settings.data_dir / f"{name}.sqlite"
        if not path.is_file():
            continue
        source, target = SQLiteFile(path, migrations), PostgresFile(url, name, migrations)
        try:  # every run of this command audits itself (below): its own entries are not compared
            compare = verify_small_db if verify_only else copy_small_db
            checks.append(compare(name, source, target, {"audit": "action = 'store.copy'"}))
        finally:
            source.close()
            target.close()
    return checks


@db_app.command("copy-to-postgres")
def db_copy_to_postgres(
    url: Annotated[str, typer.Argument(help="The PostgreSQL database: postgresql://user:password@host:5432/db "
                                            "(empty, or an interrupted copy of this installation).")],
    verify_only: Annotated[bool, typer.Option("--verify-only", help="Copy nothing; only compare counts and "
                                                                    "checksums.")] = False,
) -> None:
    """Copy the SQLite installation in --data-dir to PostgreSQL and verify it by counts and checksums: the index
    (collections, documents, chunks, vectors) and the accounts, sessions, audit log, answer log and workspace.
    Run it again to continue an interrupted copy; the SQLite files stay as they are."""
    from rathaus.store.copy import copy_store, verify
    from rathaus.store.pgdb import Target
    from rathaus.store.sqlite import SQLiteStore

    try:
        where = Target(url).where  # the URL itself is never printed: it may carry a password
        from rathaus.store.postgres import PostgresStore
    except RathausError as exc:
        _fail(exc)
    except ImportError:
        console.print("[red]Fehler:[/red] Für PostgreSQL fehlt ein Paket: pip install 'rathaus[postgres]'")
        raise typer.Exit(2) from None
    db_path = state.settings.db_path
    if not db_path.is_file():
        console.print(f"[red]Fehler:[/red] In {state.settings.data_dir} gibt es keinen SQLite-Index ({db_path.name}).")
        raise typer.Exit(2)
    console.print(f"Quelle: {db_path}\nZiel: PostgreSQL, {where}")
    source = SQLiteStore(db_path, lexical_cache="off", vector_cache="off")
    target = None
    details: dict[str, Any] = {"verify_only": verify_only}
    try:
        target = PostgresStore(url, max_connections=2)
        if not verify_only:
            with _progress() as progress:
                task = progress.add_task("Dokumente kopieren", total=None)
                report = copy_store(source, target,
                                    progress=lambda done, total: progress.update(task, completed=done, total=total))
            details |= {"written": report.written, "unchanged": report.unchanged, "vectors": report.vectors}
            console.print(f"{report.written} Dokument(e) kopiert, {report.unchanged} waren schon da; "
                          f"{report.chunks} Abschnitte, {report.vectors} Vektoren"
                          f"{f' ({report.model})' if report.model else ''} in {report.seconds} s.")
        console.print("Prüfe die Kopie …")
        result = verify(source, target)
        result.checks += _copy_small_databases(url, verify_only)
    except RathausError as exc:
        _audit("store.copy", where, **details, ok=False, error=exc.code)
        _fail(exc)
    finally:
        source.close()
        if target is not None:
            target.close()
    table = Table(title="Vergleich SQLite → PostgreSQL")
    for column in ("Was", "Quelle", "Ziel", "Prüfsumme", "Ergebnis"):
        table.add_column(column)
    for check in result.checks:
        label = CHECK_LABELS.get(check.name) or f"Vektoren ({check.name.removeprefix('vectors:')})"
        checksum = check.source_checksum[:10] + ("" if check.checksums_match else f" ≠ {check.target_checksum[:10]}")
        wrong = [w for w, ok in (("Anzahl", check.counts_match), ("Prüfsumme", check.checksums_match)) if not ok]
        table.add_row(label, str(check.source_count), str(check.target_count), checksum,
                      "[green]stimmt[/green]" if check.ok else f"[red]weicht ab[/red] ({', '.join(wrong)})")
    console.print(table)
    _audit("store.copy", where, **details, ok=result.ok, differences=result.differences)
    if not result.ok:
        console.print("[red]Die Kopie weicht von der Quelle ab.[/red] Ein erneuter Aufruf ohne --verify-only "
                      "ergänzt fehlende und geänderte Dokumente und fehlende Vektoren sowie neue Einträge der "
                      "Protokolle; was im Ziel selbst verändert wurde, behebt nur eine Kopie in eine leere "
                      "Datenbank.")
        raise typer.Exit(2)
    console.print(f"[green]Kopie vollständig[/green] (geprüft in {result.seconds} s).")
    if not verify_only:
        hint = " und RATHAUS_STORE auf auto oder postgres" if state.settings.store == "sqlite" else ""
        console.print(f"Nächster Schritt: RATHAUS_DATABASE_URL auf diese PostgreSQL-URL setzen{hint} (Umgebung "
                      f"oder .env) und Rathaus neu starten. Die SQLite-Dateien bleiben als Sicherung erhalten.")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    no_embed: Annotated[bool, typer.Option("--no-embed", help="Do not compute vectors in the background.")] = False,
) -> None:
    """Serve the search page and the HTTP API; compute missing vectors in the background."""
    import uvicorn

    from rathaus.web.app import create_app

    settings = state.settings.model_copy(update={"embed_in_background": not no_embed and
                                                 state.settings.embed_in_background})
    runtime = Runtime(settings)
    try:
        runtime.store  # noqa: B018 - opening it finds a wrong database URL or an unreachable server: say so before serving
    except RathausError as exc:
        _fail(exc)
    application = create_app(runtime)
    console.print(f"Rathaus läuft auf http://{host or settings.host}:{port or settings.port}")
    uvicorn.run(application, host=host or settings.host, port=port or settings.port, log_level="warning")


@app.command("demo-server")
def demo_server(port: Annotated[int, typer.Option(help="Port (0: any free port).")] = 8765) -> None:
    """Serve the bundled Musterstadt data as a real OParl endpoint over HTTP."""
    from rathaus.sources.oparl.replay import FolderReplay, demo_folder

    replay = FolderReplay(demo_folder(), base="http://127.0.0.1:0/oparl")
    server = replay.serve("127.0.0.1", port)
    replay.base = f"http://127.0.0.1:{server.server_address[1]}/oparl"
    print(replay.base, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


def run() -> None:
    """The ``rathaus`` command: an error the product raises on purpose (a wrong database URL, an unreachable
    server) ends with its German message and English code, not with a traceback."""
    try:
        app()
    except RathausError as exc:
        _say_error(exc)
        raise SystemExit(2) from None


if __name__ == "__main__":
    run()
