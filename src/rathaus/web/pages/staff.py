"""The staff web interface ("Intern") under ``/intern``: sign-in, the internal assistant, documents, text
tools, the prompt library, administration and the own account.

The pages are server HTML (landmarks, headings, labelled forms, German or English with ``?lang=en``)
around the page's ES module in ``/static/staff/`` (one per page, sharing ``api.js`` and
``common.js``), which does everything that changes data through the staff API (``/api/v1/…``)
with the session cookie and the CSRF token it reads from GET /api/v1/session. No
page has an inline script or style (see web/headers.py). Every page except the sign-in needs a
session: without one the browser is sent to ``/intern/anmelden?next=…`` and comes back after
signing in. The administration is for the role ``admin``; others get a 403 page that says so.

What the API has no list for is rendered here from the store, with the user's own access: the
documents of one collection (``?sammlung=…``, 50 a page) and the user's own files.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from rathaus.documents import SearchFilters
from rathaus.identity.accounts import personal_collection
from rathaus.privacy.detect import describe
from rathaus.sources.files.library import ID_PREFIX, may_manage
from rathaus.web.deps import get_user
from rathaus.web.oidc import client_for
from rathaus.web.pages.routes import _env

router = APIRouter(prefix="/intern", include_in_schema=False)

PAGE_SIZE = 50
PREFIX = "/intern"
TOOLS = ("zusammenfassen", "einfache-sprache", "uebersetzen", "gliederung", "brief")

COMMON = {
    "de": {
        "skip": "Zum Inhalt springen", "brand_area": "Intern", "nav": "Bereiche", "other": "English",
        "chat": "Assistent", "documents": "Dokumente", "tools": "Werkzeuge", "prompts": "Vorlagen",
        "admin": "Verwaltung", "account": "Konto", "signed_in_as": "Angemeldet als", "sign_out": "Abmelden",
        "ai_label": "Hinweis:",
        "ai_notice": "Antworten und Texte in diesem Bereich erstellt eine KI. Sie können Fehler enthalten. "
                     "Bitte prüfen Sie sie anhand der Quellen, bevor Sie sie verwenden.",
        "noscript": "Der interne Bereich braucht JavaScript. Bitte schalten Sie JavaScript ein.",
        "roles": {"admin": "Administration", "curator": "Redaktion", "user": "Mitarbeiterin/Mitarbeiter"},
        "classes": {"offen": "offen", "intern": "intern", "vertraulich": "vertraulich"},
        "types": {"Paper": "Vorlage", "Meeting": "Sitzung", "Organization": "Gremium", "Document": "Datei"},
        "yes": "ja", "no": "nein", "none": "–",
    },
    "en": {
        "skip": "Skip to content", "brand_area": "Staff", "nav": "Sections", "other": "Deutsch",
        "chat": "Assistant", "documents": "Documents", "tools": "Tools", "prompts": "Prompts",
        "admin": "Administration", "account": "Account", "signed_in_as": "Signed in as", "sign_out": "Sign out",
        "ai_label": "Please note:",
        "ai_notice": "Answers and texts in this area are written by an AI. They may contain errors. Please "
                     "check them against the sources before you use them.",
        "noscript": "The staff area needs JavaScript. Please turn JavaScript on.",
        "roles": {"admin": "Administrator", "curator": "Curator", "user": "Staff member"},
        "classes": {"offen": "open", "intern": "internal", "vertraulich": "confidential"},
        "types": {"Paper": "Paper", "Meeting": "Meeting", "Organization": "Body", "Document": "File"},
        "yes": "yes", "no": "no", "none": "–",
    },
}

TEXT: dict[str, dict[str, dict[str, Any]]] = {
    "de": {
        "signin": {
            "title": "Anmelden", "intro": "Melden Sie sich mit Ihrem Benutzernamen und Passwort an.",
            "name": "Benutzername", "password": "Passwort", "submit": "Anmelden",
            "sso": "Mit Single Sign-on anmelden", "or": "Oder mit dem Konto der Stadtverwaltung:",
            "signed_out": "Sie sind abgemeldet.",
        },
        "chat": {
            "title": "Interner Assistent", "conversations": "Gespräche", "new": "Neues Gespräch",
            "delete_all": "Alle Gespräche löschen", "empty": "Noch keine Gespräche.",
            "current_new": "Neues Gespräch", "log": "Gesprächsverlauf", "question": "Ihre Frage",
            "keys": "Die Eingabetaste sendet die Frage, Umschalt und Eingabetaste beginnen eine neue Zeile.",
            "send": "Frage senden", "scope": "Nur diese Dokumente",
            "scope_hint": "Wählen Sie eigene Dateien aus, wenn der Assistent nur aus ihnen antworten soll. "
                          "Ohne Auswahl antwortet er aus allen Dokumenten, die Sie lesen dürfen.",
            "no_files": "Sie haben noch keine eigenen Dateien hochgeladen.",
            "own": "Eigene Dateien hochladen", "own_hint": "Nur Sie können Ihre eigenen Dateien lesen. "
            "PDF, Word, OpenDocument, HTML, Markdown, Text oder E-Mail.",
            "file": "Dateien auswählen", "upload": "Hochladen",
        },
        "documents": {
            "title": "Dokumente", "collections": "Sammlungen",
            "collections_hint": "Die Sammlungen, die Sie lesen dürfen.",
            "name": "Sammlung", "classification": "Einstufung", "public": "Öffentlich", "count": "Dokumente",
            "groups": "Gruppen", "show": "Dokumente anzeigen", "all_staff": "alle Mitarbeitenden",
            "collection": "Sammlung „{name}“", "upload": "Dateien in diese Sammlung hochladen",
            "file": "Dateien auswählen", "send": "Hochladen",
            "upload_hint": "PDF, Word, OpenDocument, HTML, Markdown, Text oder E-Mail. Eine Datei mit "
                           "demselben Namen ersetzt das vorhandene Dokument.",
            "publish": "Personenbezogene Daten geprüft: diese Dateien dürfen veröffentlicht werden",
            "publish_hint": "Diese Sammlung ist öffentlich. Dateien mit personenbezogenen Daten (Namen, Anschriften, "
                            "Kontodaten …) werden nur übernommen, wenn Sie das bestätigen.",
            "personal_data": "Personenbezogene Daten",
            "doc_title": "Titel", "type": "Art", "date": "Datum", "reference": "Aktenzeichen",
            "actions": "Aktionen", "no_docs": "Diese Sammlung enthält keine Dokumente.",
            "remove": "Entfernen", "pages": "Seiten der Dokumentliste", "prev": "Vorherige Seite",
            "next": "Nächste Seite", "page": "Seite {n} von {m}", "not_found": "Diese Sammlung gibt es nicht "
            "oder Sie dürfen sie nicht lesen.",
            "own": "Eigene Dateien", "own_hint": "Nur Sie können diese Dateien lesen. Im Assistenten können "
            "Sie „Nur diese Dokumente“ auswählen.", "own_upload": "Eigene Dateien hochladen",
            "no_own": "Sie haben noch keine eigenen Dateien hochgeladen.",
            "docs_of": "Dokumente der Sammlung „{name}“",
        },
        "tools": {
            "title": "Werkzeuge", "choose": "Werkzeug wählen",
            "names": {"zusammenfassen": "Zusammenfassen", "einfache-sprache": "Einfache Sprache",
                      "uebersetzen": "Übersetzen", "gliederung": "Gliederung und Mindmap",
                      "brief": "Brief aus Stichpunkten"},
            "intros": {
                "zusammenfassen": "Fasst einen Text kurz zusammen.",
                "einfache-sprache": "Schreibt einen Text in Einfache oder Leichte Sprache um und zeigt die "
                                    "Lesbarkeit vorher und nachher.",
                "uebersetzen": "Übersetzt einen Text in eine andere Sprache.",
                "gliederung": "Erstellt eine Gliederung oder eine Mindmap (Mermaid) aus einem Text.",
                "brief": "Schreibt einen Briefentwurf oder eine E-Mail aus Stichpunkten.",
            },
            "extractive_summary": "Eingerichtet ist nur die Textauswahl ohne Sprachmodell. Sie erhalten deshalb "
                                  "einen Auszug aus den wichtigsten Sätzen des Textes, keine von einer KI "
                                  "geschriebene Zusammenfassung.",
            "extractive": "Dieses Werkzeug braucht ein generatives Sprachmodell. Eingerichtet ist nur die "
                          "Textauswahl ohne Sprachmodell, deshalb funktioniert es hier nicht. Bitte wenden Sie sich "
                          "an die IT, damit ein Sprachmodell eingerichtet wird. „Lesbarkeit prüfen“ und "
                          "„Zusammenfassen“ (als Auszug) gehen ohne Sprachmodell.",
            "text": "Text", "length": "Länge", "kurz": "kurz", "mittel": "mittel", "lang": "lang",
            "style": "Form", "fliesstext": "Fließtext", "stichpunkte": "Stichpunkte",
            "level": "Sprachstufe", "einfach": "Einfache Sprache", "leicht": "Leichte Sprache",
            "target": "Zielsprache", "source": "Ausgangssprache", "auto": "automatisch erkennen",
            "form": "Form", "gliederung_opt": "Gliederung", "mindmap_opt": "Mindmap (Mermaid)",
            "points": "Stichpunkte", "points_hint": "Ein Stichpunkt je Zeile.", "kind": "Art",
            "brief_opt": "Brief", "email_opt": "E-Mail", "tone": "Ton", "formell": "formell",
            "freundlich": "freundlich", "subject": "Betreff (optional)",
            "run": {"zusammenfassen": "Zusammenfassen", "einfache-sprache": "Umschreiben",
                    "uebersetzen": "Übersetzen", "gliederung": "Erstellen", "brief": "Entwurf schreiben"},
            "readability": "Lesbarkeit prüfen", "result": "Ergebnis",
        },
        "prompts": {
            "title": "Vorlagen", "find": "Vorlagen finden", "search": "Suchbegriff", "search_button": "Suchen",
            "new": "Neue Vorlage anlegen", "list": "Vorlagen",
            "edit_title": "Vorlage bearbeiten", "new_title": "Neue Vorlage", "f_title": "Titel",
            "f_description": "Beschreibung (optional)", "f_body": "Vorlagentext",
            "f_body_hint": "Platzhalter schreiben Sie in doppelten geschweiften Klammern, z. B. {{thema}}.",
            "f_tags": "Schlagwörter (optional, durch Kommas getrennt)", "f_share": "Teilen mit",
            "f_share_hint": "Mitglieder dieser Organisationseinheiten dürfen die Vorlage verwenden.",
            "save": "Speichern", "cancel": "Abbrechen", "body": "Vorlagentext", "fill": "Ausfüllen",
            "fill_button": "Text erstellen", "filled": "Fertiger Text", "copy": "Kopieren",
            "to_chat": "An den Assistenten senden", "edit": "Bearbeiten", "delete": "Löschen",
            "versions": "Versionen", "no_vars": "Diese Vorlage hat keine Platzhalter.",
        },
        "admin": {
            "title": "Verwaltung", "sections": "Abschnitte der Verwaltung", "users": "Benutzer",
            "add_user": "Benutzer hinzufügen", "u_name": "Benutzername", "u_display": "Anzeigename (optional)",
            "u_password": "Passwort (optional)",
            "u_password_hint": "Leer lassen, wenn sich die Person nur mit Single Sign-on anmeldet. "
                               "Mindestens 12 Zeichen.",
            "u_role": "Rolle", "u_groups": "Gruppen (durch Kommas getrennt)",
            "u_groups_hint": "Pfade von Organisationseinheiten, z. B. stadt/dezernat-2/amt-32.",
            "add": "Hinzufügen", "groups": "Organisationseinheiten", "add_group": "Organisationseinheit hinzufügen",
            "g_name": "Name", "g_parent": "Übergeordnete Einheit", "g_none": "keine (oberste Ebene)",
            "g_description": "Beschreibung (optional)", "collections": "Sammlungen",
            "set_collection": "Sammlung anlegen oder ändern", "c_name": "Name", "c_class": "Einstufung",
            "c_groups": "Gruppen (durch Kommas getrennt)",
            "c_groups_hint": "Ohne Gruppen ist eine interne Sammlung für alle Mitarbeitenden lesbar; eine "
                             "vertrauliche braucht mindestens eine Gruppe.",
            "c_public": "Öffentlich (nur bei Einstufung offen)", "c_description": "Beschreibung (optional)",
            "save": "Speichern", "audit": "Protokoll", "audit_hint": "Das Protokoll aller Anmeldungen und "
            "Änderungen als CSV-Datei, gefiltert nach Datum, Person oder Aktion.",
            "a_since": "Ab Datum (optional)", "a_actor": "Person (optional)", "a_action": "Aktion (optional)",
            "a_download": "Protokoll als CSV herunterladen", "forbidden_title": "Kein Zugriff",
            "forbidden": "Die Verwaltung ist nur für Administratorinnen und Administratoren. Wenn Sie hier "
                         "etwas ändern müssen, wenden Sie sich bitte an die IT.",
            "privacy": "Datenschutz: welches Sprachmodell was sehen darf",
            "privacy_hint": "Jede Anfrage wird nach der höchsten Einstufung ihrer Inhalte geleitet. Enthält der Text "
                            "der Person selbst personenbezogene Daten, gilt er mindestens als intern. Ein externes "
                            "Modell erhält Namen, Anschriften, Nummern usw. nur als Platzhalter wie [PERSON_1]; die "
                            "Antwort zeigt wieder die Originale. Jede Entscheidung steht im Herkunftsnachweis der "
                            "Antwort. Geändert wird die Regel im Abschnitt [privacy] der Datei rathaus.toml.",
            "p_uploads": "Hochgeladene Dateien werden auf personenbezogene Daten geprüft. Eine Datei mit solchen "
                         "Daten zählt als mindestens intern und kommt in eine öffentliche Sammlung nur, wenn die "
                         "hochladende Person das bestätigt.",
            "p_names_on": "Zweite Prüfung auf Namen: das Sprachmodell „{name}“ sucht zusätzlich nach Namen, die "
                          "die Regeln nicht erkennen.",
            "p_names_off": "Namen werden mit Regeln erkannt (Namenslisten, Anrede, Unterschrift). Eine zweite "
                           "Prüfung durch ein eigenes Sprachmodell ist nicht eingerichtet (name_model).",
            "p_content": "Inhalt", "p_trusted": "Vertrauenswürdiges Modell (eigene Hardware)",
            "p_external": "Externes Modell", "p_as_is": "unverändert", "p_pseudo": "pseudonymisiert",
            "p_refused": "abgelehnt, nichts wird gesendet", "p_backends": "Eingerichtete Sprachmodelle",
            "p_backend": "Name", "p_kind": "Art", "p_status": "Einstufung", "p_is_trusted": "vertrauenswürdig",
            "p_is_external": "extern",
            "back": "Zurück zum Assistenten", "recent": "Letzte Einträge",
            "show_recent": "Die letzten 20 Einträge anzeigen",
        },
        "account": {
            "title": "Mein Konto", "me": "Angemeldet als", "name": "Benutzername", "display": "Anzeigename",
            "role": "Rolle", "groups": "Gruppen", "tokens": "API-Schlüssel",
            "tokens_hint": "Mit einem API-Schlüssel greifen Skripte und Fachverfahren in Ihrem Namen auf "
                           "Rathaus zu – mit denselben Rechten wie Sie. Widerrufen Sie Schlüssel, die Sie nicht "
                           "mehr brauchen.",
            "label": "Bezeichnung (optional)", "create": "Schlüssel erstellen",
        },
    },
    "en": {
        "signin": {
            "title": "Sign in", "intro": "Sign in with your user name and password.",
            "name": "User name", "password": "Password", "submit": "Sign in",
            "sso": "Sign in with single sign-on", "or": "Or with your city account:",
            "signed_out": "You are signed out.",
        },
        "chat": {
            "title": "Internal assistant", "conversations": "Conversations", "new": "New conversation",
            "delete_all": "Delete all conversations", "empty": "No conversations yet.",
            "current_new": "New conversation", "log": "Conversation", "question": "Your question",
            "keys": "Enter sends the question, Shift and Enter start a new line.",
            "send": "Send question", "scope": "Only these documents",
            "scope_hint": "Choose your own files if the assistant should answer from them only. Without a "
                          "choice it answers from all documents you may read.",
            "no_files": "You have not uploaded any files of your own yet.",
            "own": "Upload your own files", "own_hint": "Only you can read your own files. PDF, Word, "
            "OpenDocument, HTML, Markdown, text or e-mail.",
            "file": "Choose files", "upload": "Upload",
        },
        "documents": {
            "title": "Documents", "collections": "Collections",
            "collections_hint": "The collections you may read.",
            "name": "Collection", "classification": "Classification", "public": "Public", "count": "Documents",
            "groups": "Groups", "show": "Show documents", "all_staff": "all staff",
            "collection": "Collection “{name}”", "upload": "Upload files into this collection",
            "file": "Choose files", "send": "Upload",
            "upload_hint": "PDF, Word, OpenDocument, HTML, Markdown, text or e-mail. A file with the same name "
                           "replaces the existing document.",
            "publish": "Personal data checked: these files may be published",
            "publish_hint": "This collection is public. Files with personal data (names, addresses, bank details …) "
                            "are only added when you confirm this.",
            "personal_data": "Personal data",
            "doc_title": "Title", "type": "Type", "date": "Date", "reference": "Reference",
            "actions": "Actions", "no_docs": "This collection has no documents.",
            "remove": "Remove", "pages": "Pages of the document list", "prev": "Previous page",
            "next": "Next page", "page": "Page {n} of {m}", "not_found": "This collection does not exist or "
            "you may not read it.",
            "own": "Your own files", "own_hint": "Only you can read these files. In the assistant you can "
            "choose “Only these documents”.", "own_upload": "Upload your own files",
            "no_own": "You have not uploaded any files of your own yet.",
            "docs_of": "Documents of the collection “{name}”",
        },
        "tools": {
            "title": "Tools", "choose": "Choose a tool",
            "names": {"zusammenfassen": "Summarise", "einfache-sprache": "Plain language",
                      "uebersetzen": "Translate", "gliederung": "Outline and mind map",
                      "brief": "Letter from bullet points"},
            "intros": {
                "zusammenfassen": "Summarises a text.",
                "einfache-sprache": "Rewrites a text in plain or easy-to-read German and shows its readability "
                                    "before and after.",
                "uebersetzen": "Translates a text into another language.",
                "gliederung": "Makes an outline or a mind map (Mermaid) of a text.",
                "brief": "Drafts a letter or an e-mail from bullet points.",
            },
            "extractive_summary": "Only sentence selection without a language model is set up. You therefore get "
                                  "an excerpt of the text's most important sentences, not a summary written by "
                                  "an AI.",
            "extractive": "This tool needs a generative language model. Only sentence selection without a model "
                          "is set up, so it does not work here. Please ask IT to set up a language model. "
                          "“Check readability” and “Summarise” (as an excerpt) work without a model.",
            "text": "Text", "length": "Length", "kurz": "short", "mittel": "medium", "lang": "long",
            "style": "Form", "fliesstext": "Running text", "stichpunkte": "Bullet points",
            "level": "Level", "einfach": "Plain German (Einfache Sprache)",
            "leicht": "Easy-to-read German (Leichte Sprache)",
            "target": "Target language", "source": "Source language", "auto": "detect automatically",
            "form": "Form", "gliederung_opt": "Outline", "mindmap_opt": "Mind map (Mermaid)",
            "points": "Bullet points", "points_hint": "One point per line.", "kind": "Kind",
            "brief_opt": "Letter", "email_opt": "E-mail", "tone": "Tone", "formell": "formal",
            "freundlich": "friendly", "subject": "Subject (optional)",
            "run": {"zusammenfassen": "Summarise", "einfache-sprache": "Rewrite", "uebersetzen": "Translate",
                    "gliederung": "Create", "brief": "Write draft"},
            "readability": "Check readability", "result": "Result",
        },
        "prompts": {
            "title": "Prompts", "find": "Find prompts", "search": "Search terms", "search_button": "Search",
            "new": "Create a new prompt", "list": "Prompts",
            "edit_title": "Edit prompt", "new_title": "New prompt", "f_title": "Title",
            "f_description": "Description (optional)", "f_body": "Prompt text",
            "f_body_hint": "Write placeholders in double curly braces, e.g. {{topic}}.",
            "f_tags": "Tags (optional, separated by commas)", "f_share": "Share with",
            "f_share_hint": "Members of these org units may use the prompt.",
            "save": "Save", "cancel": "Cancel", "body": "Prompt text", "fill": "Fill in",
            "fill_button": "Create text", "filled": "Finished text", "copy": "Copy",
            "to_chat": "Send to the assistant", "edit": "Edit", "delete": "Delete",
            "versions": "Versions", "no_vars": "This prompt has no placeholders.",
        },
        "admin": {
            "title": "Administration", "sections": "Sections of the administration", "users": "Users",
            "add_user": "Add a user", "u_name": "User name", "u_display": "Display name (optional)",
            "u_password": "Password (optional)",
            "u_password_hint": "Leave empty if the person signs in with single sign-on only. At least 12 "
                               "characters.",
            "u_role": "Role", "u_groups": "Groups (separated by commas)",
            "u_groups_hint": "Org unit paths, e.g. stadt/dezernat-2/amt-32.",
            "add": "Add", "groups": "Org units", "add_group": "Add an org unit",
            "g_name": "Name", "g_parent": "Parent unit", "g_none": "none (top level)",
            "g_description": "Description (optional)", "collections": "Collections",
            "set_collection": "Create or change a collection", "c_name": "Name", "c_class": "Classification",
            "c_groups": "Groups (separated by commas)",
            "c_groups_hint": "Without groups an internal collection is readable by all staff; a confidential "
                             "one needs at least one group.",
            "c_public": "Public (only with classification open)", "c_description": "Description (optional)",
            "save": "Save", "audit": "Audit log", "audit_hint": "The log of all sign-ins and changes as a CSV "
            "file, filtered by date, person or action.",
            "a_since": "From date (optional)", "a_actor": "Person (optional)", "a_action": "Action (optional)",
            "a_download": "Download the audit log as CSV", "forbidden_title": "No access",
            "forbidden": "The administration is for administrators only. If something needs changing here, "
                         "please contact IT.",
            "privacy": "Privacy: which language model may see what",
            "privacy_hint": "Every request is routed by the highest classification of what it contains. Personal data "
                            "in the person's own text makes it at least internal. An external model receives names, "
                            "addresses, numbers etc. only as placeholders such as [PERSON_1]; the answer shows the "
                            "originals again. Every decision is in the answer's provenance record. The rule is "
                            "changed in the [privacy] section of rathaus.toml.",
            "p_uploads": "Uploaded files are scanned for personal data. A file with personal data counts as at "
                         "least internal and goes into a public collection only when the uploader confirms it.",
            "p_names_on": "Second check for names: the language model “{name}” also looks for names the rules "
                          "do not recognise.",
            "p_names_off": "Names are found by rules (name lists, salutations, signatures). A second check by an "
                           "own language model is not configured (name_model).",
            "p_content": "Content", "p_trusted": "Trusted model (own hardware)", "p_external": "External model",
            "p_as_is": "as it is", "p_pseudo": "pseudonymised", "p_refused": "refused, nothing is sent",
            "p_backends": "Configured language models", "p_backend": "Name", "p_kind": "Kind",
            "p_status": "Status", "p_is_trusted": "trusted", "p_is_external": "external",
            "back": "Back to the assistant", "recent": "Latest entries",
            "show_recent": "Show the latest 20 entries",
        },
        "account": {
            "title": "My account", "me": "Signed in as", "name": "User name", "display": "Display name",
            "role": "Role", "groups": "Groups", "tokens": "API tokens",
            "tokens_hint": "With an API token, scripts and specialist applications use Rathaus on your behalf – "
                           "with the same rights as you. Revoke tokens you no longer need.",
            "label": "Label (optional)", "create": "Create token",
        },
    },
}


def _lang(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "de"


def url(path: str, lang: str, **params: Any) -> str:
    """A link that keeps the language: ``url("/intern/werkzeuge", "en", werkzeug="brief")``."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if lang == "en":
        query["lang"] = "en"
    return path + ("?" + urlencode(query) if query else "")


def _signed_in(request: Request) -> Any:
    """The user of the session cookie (or of a Bearer token), None without one."""
    try:
        return get_user(request)
    except HTTPException:  # a broken Bearer header: for a page that is the same as not signed in
        return None


def _safe_next(target: str | None, lang: str) -> str:
    """Only a staff page of this server: never an open redirect."""
    if not target or not target.startswith(PREFIX) or target.startswith("//") or "\\" in target \
            or any(ord(c) < 32 for c in target):
        return url(PREFIX, lang)
    rest = target[len(PREFIX):]
    if rest and rest[0] not in "/?":
        return url(PREFIX, lang)
    return target


def _to_sign_in(request: Request) -> RedirectResponse:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = f"{PREFIX}/anmelden?next={quote(here, safe='')}" + ("&lang=en" if _lang(request) == "en" else "")
    return RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})


def _switch_url(request: Request) -> str:
    """The same page in the other language, with its other query parameters."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    if _lang(request) == "de":
        params.append(("lang", "en"))
    return request.url.path + ("?" + urlencode(params) if params else "")


def _render(request: Request, template: str, page: str, user: Any, status: int = 200, **context: Any) -> HTMLResponse:
    lang = _lang(request)
    html = _env.get_template(f"staff/{template}").render(
        lang=lang, c=COMMON[lang], t=TEXT[lang].get(page, {}), page=page, user=user, url=url,
        switch_url=_switch_url(request), **context)
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _runtime(request: Request) -> Any:
    return request.app.state.runtime


def _own_files(runtime: Any, user: Any) -> list[Any]:
    filters = SearchFilters(collections=[personal_collection(user.name)])
    return runtime.store.list_documents(user.access(), filters, 0, 200)


@router.get("/anmelden", response_class=HTMLResponse)
def sign_in_page(request: Request, next: str = "", abgemeldet: str = "") -> Any:  # noqa: A002
    lang = _lang(request)
    target = _safe_next(next, lang)
    if _signed_in(request) is not None:
        return RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})
    sso = client_for(_runtime(request)) is not None
    return _render(request, "anmelden.html", "signin", None, next_url=target, sso=sso,
                   sso_url="/auth/oidc/login?" + urlencode({"next": target}), signed_out=bool(abgemeldet))


@router.get("", response_class=HTMLResponse)
def chat_page(request: Request) -> Any:
    user = _signed_in(request)
    if user is None:
        return _to_sign_in(request)
    return _render(request, "assistent.html", "chat", user, own_files=_own_files(_runtime(request), user),
                   max_chars=getattr(_runtime(request).settings, "ask_max_chars", 1000))


@router.get("/dokumente", response_class=HTMLResponse)
def documents_page(request: Request, sammlung: str = "", seite: str = "1") -> Any:
    user = _signed_in(request)
    if user is None:
        return _to_sign_in(request)
    runtime = _runtime(request)
    store, access = runtime.store, user.access()
    collections = []
    for c in store.list_collections(access):
        if c.name.startswith("~"):
            continue  # personal collections: the user's own appears below as "own files"
        collections.append({"name": c.name, "classification": c.classification, "public": c.public,
                            "description": c.description, "groups": list(c.access_groups),
                            "documents": store.count_documents(access, SearchFilters(collections=[c.name]))})
    selected = None
    if sammlung:
        match = next((c for c in collections if c["name"] == sammlung), None)
        if match is None:
            selected = {"name": sammlung, "missing": True}
        else:
            pages = max(1, -(-match["documents"] // PAGE_SIZE))
            number = min(max(int(seite) if seite.isdigit() else 1, 1), pages)
            docs = store.list_documents(access, SearchFilters(collections=[sammlung]), (number - 1) * PAGE_SIZE,
                                        PAGE_SIZE)
            selected = {**match, "missing": False, "docs": docs, "page": number, "pages": pages,
                        "manage": may_manage(user)}
    return _render(request, "dokumente.html", "documents", user, collections=collections, selected=selected,
                   own_files=_own_files(runtime, user), personal=describe,
                   file_prefix=ID_PREFIX, max_mb=runtime.settings.max_file_bytes // 1_000_000,
                   status=404 if selected and selected["missing"] else 200)


@router.get("/werkzeuge", response_class=HTMLResponse)
def tools_page(request: Request, werkzeug: str = "zusammenfassen") -> Any:
    user = _signed_in(request)
    if user is None:
        return _to_sign_in(request)
    runtime = _runtime(request)
    tool = werkzeug if werkzeug in TOOLS else "zusammenfassen"
    extractive = False
    try:
        config = runtime.answers.config
        extractive = config.backends[config.assistant("internal").backend].get("kind") == "extractive"
    except Exception:  # noqa: BLE001 - a page must render even when the assistant configuration is odd
        extractive = False
    try:
        from rathaus.tools.translate import LANGUAGES
        languages = dict(LANGUAGES)
    except Exception:  # noqa: BLE001 - the tools may be missing in a trimmed installation
        languages = {"de": ("Deutsch", "German"), "en": ("Englisch", "English")}
    index = 0 if _lang(request) == "de" else 1
    options = sorted(((code, names[index]) for code, names in languages.items()), key=lambda x: x[1])
    return _render(request, "werkzeuge.html", "tools", user, tool=tool, tools=TOOLS, extractive=extractive,
                   languages=options)


@router.get("/vorlagen", response_class=HTMLResponse)
def prompts_page(request: Request) -> Any:
    user = _signed_in(request)
    if user is None:
        return _to_sign_in(request)
    return _render(request, "vorlagen.html", "prompts", user)


@router.get("/verwaltung", response_class=HTMLResponse)
def admin_page(request: Request) -> Any:
    user = _signed_in(request)
    if user is None:
        return _to_sign_in(request)
    if user.role != "admin":
        return _render(request, "verboten.html", "admin", user, status=403)
    config = _runtime(request).answers.config
    # in-process backends are trusted unless the table says otherwise; a server is external unless marked
    backends = [(name, table.get("kind", "?"), bool(table.get("trusted", table.get("kind") in ("extractive",
                                                                                             "llamacpp"))))
                for name, table in sorted(config.backends.items())]
    intern = "pseudo" if config.privacy.external_intern == "pseudonymise" else "refused"
    rules = [("offen", "as_is", "pseudo"), ("intern", "as_is", intern), ("vertraulich", "as_is", "refused")]
    return _render(request, "verwaltung.html", "admin", user, backends=backends, rules=rules,
                   name_model=config.privacy.name_model)


@router.get("/konto", response_class=HTMLResponse)
def account_page(request: Request) -> Any:
    user = _signed_in(request)
    if user is None:
        return _to_sign_in(request)
    return _render(request, "konto.html", "account", user)
