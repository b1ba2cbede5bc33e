/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The behaviour of the pages under /intern (server HTML from rathaus/web/pages/staff.py): sign-in and
 * sign-out, the internal assistant (streamed answers over Server-Sent Events from POST /api/v1/ask),
 * uploads, documents, text tools, the prompt library, administration and API tokens.
 *
 * Every call goes to this server's staff API with the session cookie. Every change (POST, PUT, PATCH,
 * DELETE) carries the session's CSRF token in X-CSRF-Token; the token comes from GET /api/v1/session
 * when the page loads and lives only in this script's memory. Text from the server or from users is
 * inserted with textContent / DOM APIs, never as HTML. The only thing kept in the browser is a filled-in
 * prompt on its way to the assistant (sessionStorage, removed as soon as the assistant page reads it).
 */
(function () {
  "use strict";

  var LANG = document.documentElement.lang === "en" ? "en" : "de";
  var PAGE = document.body.getAttribute("data-page") || "";
  var DRAFT_KEY = "rathaus-intern-entwurf";

  var TEXTS = {
    de: {
      failed: "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.",
      network: "Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
      forbidden: "Dazu fehlt Ihnen die Berechtigung.",
      notFound: "Das gibt es nicht (mehr). Bitte laden Sie die Seite neu.",
      invalid: "Bitte prüfen Sie Ihre Eingaben.",
      tooLarge: "Die Datei ist zu groß.",
      unavailable: "Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.",
      rateLimited: "Sie haben in kurzer Zeit viele Anfragen gestellt. Bitte warten Sie {s} Sekunden und " +
                   "versuchen Sie es dann erneut.",
      serverSays: "",
      signOutFailed: "Die Abmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.",
      needName: "Bitte geben Sie Ihren Benutzernamen ein.",
      needPassword: "Bitte geben Sie Ihr Passwort ein.",
      wrongPassword: "Benutzername oder Passwort ist falsch.",
      throttled: "Zu viele Fehlversuche. Bitte warten Sie {s} Sekunden und versuchen Sie es dann erneut.",
      signingIn: "Sie werden angemeldet …",
      you: "Ihre Frage: ",
      answer: "Antwort: ",
      pending: "Die Antwort wird erstellt …",
      sources: "Quellen",
      source: "Quelle ",
      page: "Seite",
      newWindow: " (öffnet in neuem Fenster)",
      notices: "Hinweise zur Aktualität",
      onlyThese: "Nur aus: ",
      emptyQuestion: "Bitte geben Sie eine Frage ein.",
      tooLong: "Die Frage ist zu lang (höchstens {n} Zeichen).",
      busy: "Bitte warten Sie, bis die aktuelle Antwort fertig ist.",
      interrupted: "Die Antwort wurde unterbrochen. Bitte stellen Sie die Frage noch einmal.",
      answerDone: "Die Antwort ist fertig ({n} Quellen).",
      answerDoneOne: "Die Antwort ist fertig (1 Quelle).",
      answerNoSources: "Die Antwort ist fertig.",
      conversationGone: "Dieses Gespräch gibt es nicht mehr. Stellen Sie Ihre Frage bitte in einem neuen Gespräch.",
      newConversation: "Neues Gespräch",
      newStarted: "Ein neues Gespräch ist begonnen.",
      opened: "Gespräch „{title}“ geöffnet.",
      remove: "Löschen",
      confirmDelete: "Das Gespräch „{title}“ endgültig löschen?",
      deleted: "Das Gespräch „{title}“ wurde gelöscht.",
      confirmDeleteAll: "Alle Ihre Gespräche endgültig löschen?",
      deletedAll: "{n} Gespräche wurden gelöscht.",
      retention: "Gespräche werden nach {n} Tagen automatisch gelöscht.",
      draftLoaded: "Der Text aus der Vorlage steht im Eingabefeld. Prüfen Sie ihn und senden Sie die Frage ab.",
      chooseFile: "Bitte wählen Sie mindestens eine Datei aus.",
      tooManyFiles: "Bitte wählen Sie höchstens 20 Dateien auf einmal.",
      uploading: "Die Dateien werden hochgeladen und gelesen …",
      uploaded: "Hochgeladen: ",
      unchanged: "unverändert, war schon vorhanden",
      replaced: "ersetzt die bisherige Fassung",
      notUploaded: "Nicht hochgeladen: ",
      selected: "Für die nächste Frage ausgewählt.",
      fileType: "Datei",
      removeDocument: "Entfernen",
      confirmRemove: "„{title}“ endgültig entfernen?",
      removed: "„{title}“ wurde entfernt.",
      running: "Wird erstellt … Bei langen Texten kann das einige Minuten dauern.",
      toolDone: "Fertig. Das Ergebnis steht unten.",
      needText: "Bitte geben Sie einen Text ein.",
      needPoints: "Bitte geben Sie mindestens einen Stichpunkt ein.",
      generative: "",
      excerpt: "Auszug: Ohne generatives Sprachmodell zeigt Rathaus die wichtigsten Sätze des Textes. Das ist " +
               "keine von einer KI geschriebene Zusammenfassung.",
      copy: "Kopieren",
      copied: "Der Text ist in der Zwischenablage.",
      copyFailed: "Kopieren war nicht möglich. Bitte markieren Sie den Text und kopieren Sie ihn selbst.",
      download: "Mindmap als Mermaid-Datei herunterladen (.mmd)",
      resultText: "Ergebnistext",
      readability: "Lesbarkeit",
      measure: "Maß",
      before: "Vorher",
      after: "Nachher",
      value: "Wert",
      wstf: "Wiener Sachtextformel (niedriger ist leichter)",
      flesch: "Flesch-Lesbarkeit nach Amstad (höher ist leichter)",
      sentences: "Sätze",
      words: "Wörter",
      meanSentence: "Wörter je Satz",
      placeholders: "Bitte ergänzen Sie diese Platzhalter: ",
      warnings: "Hinweise",
      madeWith: "Erstellt mit: ",
      translatedTo: "Übersetzt ins {lang}.",
      promptCount: "{n} Vorlagen gefunden.",
      promptCountOne: "1 Vorlage gefunden.",
      promptNone: "Keine Vorlage gefunden.",
      ownPrompt: "Eigene Vorlage",
      groupPrompt: "Vorlage der Einheit {unit}",
      systemPrompt: "Vorlage von Rathaus",
      sharedWith: "geteilt mit {list}",
      versionInfo: "Version {v}, geschrieben von {by} am {date}",
      showVersion: "Version {v} anzeigen",
      shown: "wird angezeigt",
      oldVersion: "Sie sehen eine ältere Version. Das Ausfüllen verwendet diese Version.",
      promptSaved: "Die Vorlage wurde gespeichert (Version {v}).",
      promptCreated: "Die Vorlage wurde angelegt.",
      promptDeleted: "Die Vorlage „{title}“ wurde gelöscht.",
      confirmPromptDelete: "Die Vorlage „{title}“ löschen? Ihre Versionen bleiben im Protokoll erhalten.",
      needTitle: "Bitte geben Sie einen Titel ein.",
      needBody: "Bitte geben Sie den Vorlagentext ein.",
      fillVar: "Bitte füllen Sie „{name}“ aus.",
      filled: "Der Text ist fertig. Sie können ihn kopieren oder an den Assistenten senden.",
      loadedPrompt: "Vorlage „{title}“ geöffnet.",
      name: "Benutzername",
      displayName: "Anzeigename",
      role: "Rolle",
      groups: "Gruppen",
      locked: "Gesperrt",
      signIn: "Anmeldung",
      password: "Passwort",
      ssoOnly: "nur Single Sign-on",
      actions: "Aktionen",
      save: "Speichern",
      roleOf: "Rolle von {name}",
      groupsOf: "Gruppen von {name}",
      lockedOf: "{name} sperren",
      userSaved: "Die Änderungen für „{name}“ sind gespeichert.",
      userAdded: "Der Benutzer „{name}“ wurde angelegt.",
      lockSelf: "Sie können Ihr eigenes Konto nicht sperren.",
      needUserName: "Bitte geben Sie einen Benutzernamen ein.",
      path: "Pfad",
      description: "Beschreibung",
      members: "Mitglieder",
      groupAdded: "Die Organisationseinheit „{path}“ wurde angelegt.",
      needGroupName: "Bitte geben Sie einen Namen ein.",
      collection: "Sammlung",
      classification: "Einstufung",
      isPublic: "Öffentlich",
      documents: "Dokumente",
      allStaff: "alle Mitarbeitenden",
      collectionSaved: "Die Sammlung „{name}“ ist gespeichert.",
      needCollectionName: "Bitte geben Sie einen Namen ein.",
      publicOnlyOpen: "Nur eine Sammlung mit der Einstufung „offen“ kann öffentlich sein.",
      confidentialNeedsGroup: "Eine vertrauliche Sammlung braucht mindestens eine Gruppe.",
      time: "Zeit",
      actor: "Person",
      action: "Aktion",
      target: "Ziel",
      noEntries: "Keine Einträge.",
      tokenLabel: "Bezeichnung",
      created: "Erstellt",
      lastUsed: "Zuletzt benutzt",
      state: "Status",
      active: "aktiv",
      revokedState: "widerrufen",
      never: "noch nie",
      revoke: "Widerrufen",
      noTokens: "Sie haben noch keine API-Schlüssel.",
      newToken: "Ihr neuer API-Schlüssel. Er wird nur jetzt angezeigt: Kopieren Sie ihn jetzt und bewahren " +
                "Sie ihn sicher auf.",
      newTokenField: "Neuer API-Schlüssel",
      tokenCreated: "Der API-Schlüssel „{label}“ wurde erstellt.",
      confirmRevoke: "Den API-Schlüssel „{label}“ widerrufen? Programme, die ihn benutzen, haben danach keinen " +
                     "Zugriff mehr.",
      tokenRevoked: "Der API-Schlüssel „{label}“ wurde widerrufen.",
      yes: "ja",
      no: "nein",
      roles: {admin: "Administration", curator: "Redaktion", user: "Mitarbeiterin/Mitarbeiter"},
      classes: {offen: "offen", intern: "intern", vertraulich: "vertraulich"}
    },
    en: {
      failed: "Something went wrong. Please try again later.",
      network: "The server cannot be reached. Please check your connection and try again.",
      forbidden: "You are not allowed to do this.",
      notFound: "This does not exist (any more). Please reload the page.",
      invalid: "Please check your input.",
      tooLarge: "The file is too large.",
      unavailable: "The service is not available right now. Please try again later.",
      rateLimited: "You have sent many requests in a short time. Please wait {s} seconds and try again.",
      serverSays: "The server says (in German):",
      signOutFailed: "Signing out did not work. Please try again.",
      needName: "Please enter your user name.",
      needPassword: "Please enter your password.",
      wrongPassword: "The user name or the password is wrong.",
      throttled: "Too many failed attempts. Please wait {s} seconds and try again.",
      signingIn: "Signing you in …",
      you: "Your question: ",
      answer: "Answer: ",
      pending: "Writing the answer …",
      sources: "Sources",
      source: "Source ",
      page: "page",
      newWindow: " (opens in a new window)",
      notices: "Notes on how current the sources are",
      onlyThese: "Only from: ",
      emptyQuestion: "Please enter a question.",
      tooLong: "The question is too long (at most {n} characters).",
      busy: "Please wait until the current answer is complete.",
      interrupted: "The answer was interrupted. Please ask the question again.",
      answerDone: "The answer is complete ({n} sources).",
      answerDoneOne: "The answer is complete (1 source).",
      answerNoSources: "The answer is complete.",
      conversationGone: "This conversation no longer exists. Please ask your question in a new conversation.",
      newConversation: "New conversation",
      newStarted: "A new conversation has started.",
      opened: "Opened the conversation “{title}”.",
      remove: "Delete",
      confirmDelete: "Delete the conversation “{title}” for good?",
      deleted: "The conversation “{title}” was deleted.",
      confirmDeleteAll: "Delete all your conversations for good?",
      deletedAll: "{n} conversations were deleted.",
      retention: "Conversations are deleted automatically after {n} days.",
      draftLoaded: "The text from the prompt is in the question field. Check it and send the question.",
      chooseFile: "Please choose at least one file.",
      tooManyFiles: "Please choose at most 20 files at a time.",
      uploading: "Uploading and reading the files …",
      uploaded: "Uploaded: ",
      unchanged: "unchanged, it was there already",
      replaced: "replaces the previous version",
      notUploaded: "Not uploaded: ",
      selected: "Selected for the next question.",
      fileType: "File",
      removeDocument: "Remove",
      confirmRemove: "Remove “{title}” for good?",
      removed: "“{title}” was removed.",
      running: "Working … With long texts this may take a few minutes.",
      toolDone: "Done. The result is below.",
      needText: "Please enter a text.",
      needPoints: "Please enter at least one bullet point.",
      generative: "This tool needs a generative language model, and only the sentence selection without a model " +
                  "is set up. Please ask IT to set up a language model in rathaus.toml.",
      excerpt: "Excerpt: without a generative language model, Rathaus shows the most important sentences of the " +
               "text. This is not a summary written by an AI.",
      copy: "Copy",
      copied: "The text is on the clipboard.",
      copyFailed: "Copying was not possible. Please select the text and copy it yourself.",
      download: "Download the mind map as a Mermaid file (.mmd)",
      resultText: "Result text",
      readability: "Readability",
      measure: "Measure",
      before: "Before",
      after: "After",
      value: "Value",
      wstf: "Wiener Sachtextformel (lower is easier)",
      flesch: "Flesch reading ease, Amstad (higher is easier)",
      sentences: "Sentences",
      words: "Words",
      meanSentence: "Words per sentence",
      placeholders: "Please fill in these placeholders: ",
      warnings: "Notes",
      madeWith: "Made with: ",
      translatedTo: "Translated into {lang}.",
      promptCount: "{n} prompts found.",
      promptCountOne: "1 prompt found.",
      promptNone: "No prompt found.",
      ownPrompt: "Your prompt",
      groupPrompt: "Prompt of the unit {unit}",
      systemPrompt: "Prompt from Rathaus",
      sharedWith: "shared with {list}",
      versionInfo: "Version {v}, written by {by} on {date}",
      showVersion: "Show version {v}",
      shown: "shown",
      oldVersion: "You are looking at an older version. Filling in uses this version.",
      promptSaved: "The prompt was saved (version {v}).",
      promptCreated: "The prompt was created.",
      promptDeleted: "The prompt “{title}” was deleted.",
      confirmPromptDelete: "Delete the prompt “{title}”? Its versions stay on record.",
      needTitle: "Please enter a title.",
      needBody: "Please enter the prompt text.",
      fillVar: "Please fill in “{name}”.",
      filled: "The text is ready. You can copy it or send it to the assistant.",
      loadedPrompt: "Opened the prompt “{title}”.",
      name: "User name",
      displayName: "Display name",
      role: "Role",
      groups: "Groups",
      locked: "Locked",
      signIn: "Sign-in",
      password: "Password",
      ssoOnly: "single sign-on only",
      actions: "Actions",
      save: "Save",
      roleOf: "Role of {name}",
      groupsOf: "Groups of {name}",
      lockedOf: "Lock {name}",
      userSaved: "The changes for “{name}” are saved.",
      userAdded: "The user “{name}” was added.",
      lockSelf: "You cannot lock your own account.",
      needUserName: "Please enter a user name.",
      path: "Path",
      description: "Description",
      members: "Members",
      groupAdded: "The org unit “{path}” was added.",
      needGroupName: "Please enter a name.",
      collection: "Collection",
      classification: "Classification",
      isPublic: "Public",
      documents: "Documents",
      allStaff: "all staff",
      collectionSaved: "The collection “{name}” is saved.",
      needCollectionName: "Please enter a name.",
      publicOnlyOpen: "Only a collection classified “open” can be public.",
      confidentialNeedsGroup: "A confidential collection needs at least one group.",
      time: "Time",
      actor: "Person",
      action: "Action",
      target: "Target",
      noEntries: "No entries.",
      tokenLabel: "Label",
      created: "Created",
      lastUsed: "Last used",
      state: "Status",
      active: "active",
      revokedState: "revoked",
      never: "never",
      revoke: "Revoke",
      noTokens: "You have no API tokens yet.",
      newToken: "Your new API token. It is shown only now: copy it now and keep it safe.",
      newTokenField: "New API token",
      tokenCreated: "The API token “{label}” was created.",
      confirmRevoke: "Revoke the API token “{label}”? Programs that use it lose their access.",
      tokenRevoked: "The API token “{label}” was revoked.",
      yes: "yes",
      no: "no",
      roles: {admin: "Administrator", curator: "Curator", user: "Staff member"},
      classes: {offen: "open", intern: "internal", vertraulich: "confidential"}
    }
  };
  var T = TEXTS[LANG];

  /* ---------------------------------------------------------------- helpers */

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  /* A link on this server that keeps the language: withLang("/intern", {gespraech: "…"}). */
  function withLang(path, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (key) {
      if (params[key] !== null && params[key] !== undefined && params[key] !== "") {
        query.set(key, params[key]);
      }
    });
    if (LANG === "en") {
      query.set("lang", "en");
    }
    var text = query.toString();
    return path + (text ? "?" + text : "");
  }

  function signInUrl() {
    return "/intern/anmelden?next=" + encodeURIComponent(location.pathname + location.search) +
      (LANG === "en" ? "&lang=en" : "");
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    if (!m) {
      return iso || "";
    }
    if (LANG === "de") {
      return m[3] + "." + m[2] + "." + m[1];
    }
    return m[1] + "-" + m[2] + "-" + m[3];
  }

  function formatDateTime(iso) {
    var date = new Date(iso || "");
    if (isNaN(date.getTime())) {
      return iso || "";
    }
    return date.toLocaleString(LANG === "de" ? "de-DE" : "en-GB", {dateStyle: "medium", timeStyle: "short"});
  }

  function formatNumber(value) {
    if (typeof value !== "number") {
      return String(value === null || value === undefined ? "" : value);
    }
    return value.toLocaleString(LANG === "de" ? "de-DE" : "en-GB", {maximumFractionDigits: 1});
  }

  function safeUrl(value) {
    if (!value || typeof value !== "string") {
      return null;
    }
    try {
      var url = new URL(value, location.href);
      return (url.protocol === "https:" || url.protocol === "http:") ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function splitList(value) {
    return String(value || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  /* Replace what a live region says. */
  function say(region, parts) {
    if (!region) {
      return;
    }
    region.replaceChildren();
    (Array.isArray(parts) ? parts : [parts]).forEach(function (part) {
      if (part !== null && part !== undefined && part !== "") {
        region.append(part);
      }
    });
  }

  /* An error message linked to its field: the element "<field id>-error" and aria-invalid. */
  function setFieldError(input, message) {
    var box = $(input.id + "-error");
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && (!box || id !== box.id);
    });
    if (box) {
      box.textContent = message || "";
    }
    if (message) {
      input.setAttribute("aria-invalid", "true");
      if (box) {
        ids.unshift(box.id);
      }
    } else {
      input.removeAttribute("aria-invalid");
    }
    if (ids.length) {
      input.setAttribute("aria-describedby", ids.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  function ApiError(status, data, retryAfter) {
    this.status = status;
    this.data = data || {};
    this.retryAfter = retryAfter;
  }

  async function toError(response) {
    var data = null;
    try {
      data = await response.json();
    } catch (e) { /* not JSON: the status decides */ }
    return new ApiError(response.status, data, response.headers.get("Retry-After"));
  }

  /* The words for an error: a specific text by status or error code, the server's German message,
     or a general text by status. Returns parts for say(). */
  function errorParts(error, specific) {
    specific = specific || {};
    if (error && error.name === "AbortError") {
      return [T.interrupted];
    }
    if (!(error instanceof ApiError)) {
      return [T.failed];
    }
    var data = error.data || {};
    if (data.error && specific[data.error]) {
      return [specific[data.error]];
    }
    if (specific[error.status]) {
      return [specific[error.status]];
    }
    if (error.status === 429) {
      var seconds = Math.max(1, Math.ceil(parseFloat(error.retryAfter) || data.retry_after || 10));
      return [fill(T.rateLimited, {s: seconds})];
    }
    if (data.user_message) {
      return LANG === "de" ? [data.user_message] :
        [T.serverSays + " ", el("span", {lang: "de", text: data.user_message})];
    }
    var general = {0: T.network, 403: T.forbidden, 404: T.notFound, 400: T.invalid, 409: T.invalid,
                   422: T.invalid, 413: T.tooLarge, 503: T.unavailable};
    return [general[error.status] || T.failed];
  }

  var sessionPromise = null;

  function getSession(fresh) {
    if (!sessionPromise || fresh) {
      sessionPromise = fetch("/api/v1/session", {credentials: "same-origin", cache: "no-store",
                                                 headers: {"Accept": "application/json"}})
        .then(function (response) {
          if (response.status === 401) {
            location.assign(signInUrl());
            throw new ApiError(401);
          }
          if (!response.ok) {
            throw new ApiError(response.status);
          }
          return response.json();
        });
      sessionPromise.catch(function () { sessionPromise = null; });
    }
    return sessionPromise;
  }

  /* A call to the staff API. Options: ok (statuses that are no error), raw (return the Response),
     accept, signal, signedOut (a 401 is an error, not a trip to the sign-in page). */
  async function api(method, path, body, options) {
    options = options || {};
    var headers = {"Accept": options.accept || "application/json"};
    if (method !== "GET") {
      var session = await getSession(options.retried);
      headers["X-CSRF-Token"] = session.csrf_token || "";
    }
    var payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    var response;
    try {
      response = await fetch(path, {method: method, headers: headers, body: payload, credentials: "same-origin",
                                    cache: "no-store", signal: options.signal});
    } catch (error) {
      if (error && error.name === "AbortError") {
        throw error;
      }
      throw new ApiError(0);
    }
    if (response.status === 401 && !options.signedOut) {
      location.assign(signInUrl());
      throw new ApiError(401);
    }
    if (response.status === 403 && method !== "GET" && !options.retried) {
      var problem = await response.clone().json().catch(function () { return {}; });
      if (/CSRF/.test(problem.message || "")) { // signed in again elsewhere: fetch the new token once
        return api(method, path, body, Object.assign({}, options, {retried: true}));
      }
    }
    if (options.raw) {
      if (!response.ok) {
        throw await toError(response);
      }
      return response;
    }
    var data = null;
    if ((response.headers.get("content-type") || "").indexOf("json") >= 0) {
      try {
        data = await response.json();
      } catch (e) { /* empty */ }
    }
    if (!response.ok && (options.ok || []).indexOf(response.status) < 0) {
      throw new ApiError(response.status, data, response.headers.get("Retry-After"));
    }
    return {status: response.status, data: data};
  }

  /* Reads "event: x\ndata: {...}\n\n" blocks from a fetch response and calls onEvent(name, data). */
  async function readEvents(response, onEvent) {
    function dispatch(block) {
      var name = "message";
      var data = [];
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) {
          name = line.slice(6).trim();
        } else if (line.indexOf("data:") === 0) {
          data.push(line.slice(5).replace(/^ /, ""));
        }
      });
      if (data.length) {
        onEvent(name, JSON.parse(data.join("\n")));
      }
    }
    function drain(buffer) {
      buffer = buffer.replace(/\r\n/g, "\n");
      var at;
      while ((at = buffer.indexOf("\n\n")) >= 0) {
        dispatch(buffer.slice(0, at));
        buffer = buffer.slice(at + 2);
      }
      return buffer;
    }
    if (!response.body || !response.body.getReader) {
      drain(await response.text() + "\n\n");
      return;
    }
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) {
        break;
      }
      buffer = drain(buffer + decoder.decode(chunk.value, {stream: true}));
    }
    drain(buffer + decoder.decode() + "\n\n");
  }

  async function copyText(text, status) {
    try {
      await navigator.clipboard.writeText(text);
      say(status, T.copied);
    } catch (e) {
      say(status, T.copyFailed);
    }
  }

  /* A table: headers [text], rows [[cell, …]] where a cell is text or a node; the first cell is a row header. */
  function table(label, headers, rows) {
    var head = el("tr", {}, headers.map(function (h) { return el("th", {scope: "col", text: h}); }));
    var body = el("tbody", {}, rows.map(function (cells) {
      return el("tr", {}, cells.map(function (cell, i) {
        var tag = i === 0 ? "th" : "td";
        var attrs = i === 0 ? {scope: "row"} : {};
        return el(tag, attrs, [cell === null || cell === undefined ? "" :
          (typeof cell === "string" || typeof cell === "number" ? String(cell) : cell)]);
      }));
    }));
    return el("table", {"aria-label": label}, [el("thead", {}, [head]), body]);
  }

  function busy(form, on) {
    if (on) {
      form.setAttribute("aria-busy", "true");
      form.dataset.busy = "1";
    } else {
      form.removeAttribute("aria-busy");
      delete form.dataset.busy;
    }
  }

  /* ---------------------------------------------------------------- every page */

  function initHeader() {
    var button = $("sign-out");
    if (!button) {
      return;
    }
    button.addEventListener("click", async function () {
      try {
        await api("DELETE", "/api/v1/session", undefined, {signedOut: true, ok: [401]});
        location.assign(withLang("/intern/anmelden", {abgemeldet: "1"}));
      } catch (error) {
        say($("page-error"), T.signOutFailed);
      }
    });
    getSession().catch(function () { /* the sign-in page follows, or the first change reports it */ });
  }

  /* ---------------------------------------------------------------- sign-in */

  function initSignIn() {
    var form = $("sign-in-form");
    var name = $("sign-in-name");
    var password = $("sign-in-password");
    var error = $("sign-in-error");
    function markBoth(on) {
      [name, password].forEach(function (input) {
        setFieldError(input, "");
        var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
          return id && id !== error.id;
        });
        if (on) {
          input.setAttribute("aria-invalid", "true");
          ids.unshift(error.id);
        }
        if (ids.length) {
          input.setAttribute("aria-describedby", ids.join(" "));
        } else {
          input.removeAttribute("aria-describedby");
        }
      });
    }
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (form.dataset.busy) {
        return;
      }
      say(error, "");
      markBoth(false);
      var problems = [];
      if (!name.value.trim()) {
        setFieldError(name, T.needName);
        problems.push(name);
      }
      if (!password.value) {
        setFieldError(password, T.needPassword);
        problems.push(password);
      }
      if (problems.length) {
        problems[0].focus();
        return;
      }
      busy(form, true);
      try {
        var response = await fetch("/api/v1/session", {
          method: "POST", credentials: "same-origin", cache: "no-store",
          headers: {"Content-Type": "application/json", "Accept": "application/json"},
          body: JSON.stringify({name: name.value.trim(), password: password.value})
        });
        if (response.ok) {
          say(error, "");
          location.assign(form.getAttribute("data-next") || withLang("/intern"));
          return;
        }
        var failure = await toError(response);
        var message = response.status === 401 ? T.wrongPassword : (response.status === 429 ?
          fill(T.throttled, {s: Math.max(1, Math.ceil(parseFloat(failure.retryAfter) ||
                                                      (failure.data || {}).retry_after || 60))}) :
          errorParts(failure)[0]);
        say(error, message);
        markBoth(true);
        password.select();
      } catch (e) {
        say(error, T.network);
      } finally {
        busy(form, false);
      }
    });
  }

  /* ---------------------------------------------------------------- uploads (assistant and documents) */

  function addOwnCheckbox(doc) {
    var list = $("own-files");
    if (!list) {
      return;
    }
    var existing = Array.prototype.find.call(list.querySelectorAll("input"), function (box) {
      return box.value === doc.document_id;
    });
    if (existing) {
      existing.checked = true;
      return;
    }
    var id = "own-file-" + (list.children.length + 1) + "-" + Date.now().toString(36);
    list.appendChild(el("li", {}, [
      el("input", {type: "checkbox", id: id, name: "document_ids", value: doc.document_id, checked: true}), " ",
      el("label", {for: id, text: doc.title || doc.file}),
      doc.file && doc.file !== doc.title ? el("span", {className: "meta", text: " (" + doc.file + ")"}) : null
    ]));
    var none = $("no-own-files");
    if (none) {
      none.hidden = true;
    }
  }

  function changeCount(collection, delta) {
    if (!collection || !delta) {
      return;
    }
    document.querySelectorAll("tr[data-collection]").forEach(function (row) {
      if (row.getAttribute("data-collection") === collection) {
        var cell = row.querySelector(".count");
        cell.textContent = String(Math.max(0, (parseInt(cell.textContent, 10) || 0) + delta));
      }
    });
    var heading = $("documents-heading");
    var count = heading && heading.parentNode.querySelector("p.meta .count");
    if (count) {
      count.textContent = String(Math.max(0, (parseInt(count.textContent, 10) || 0) + delta));
    }
  }

  function removeButton(id, title) {
    return el("button", {type: "button", className: "danger small remove-document", "data-id": id,
                         "data-title": title, "aria-label": T.removeDocument + ": " + title}, [T.removeDocument]);
  }

  function addDocumentRow(tableId, doc, canRemove) {
    var tableNode = $(tableId);
    if (!tableNode) {
      return;
    }
    var body = tableNode.tBodies[0];
    var old = Array.prototype.find.call(body.rows, function (row) {
      return row.getAttribute("data-id") === doc.document_id;
    });
    var today = new Date().toISOString().slice(0, 10);
    var titleCell = el("td", {}, [doc.title || doc.file,
      doc.file && doc.file !== doc.title ? el("span", {className: "meta", text: " (" + doc.file + ")"}) : null]);
    var cells = [titleCell, el("td", {text: T.fileType}),
                 el("td", {}, [el("time", {datetime: today, text: formatDate(today)})])];
    if (tableNode.tHead.rows[0].cells.length > 3) {
      cells.push(el("td", {}, [canRemove ? removeButton(doc.document_id, doc.title || doc.file) : null]));
    }
    var row = el("tr", {"data-id": doc.document_id}, cells);
    if (old) {
      body.replaceChild(row, old);
    } else {
      body.insertBefore(row, body.firstChild);
    }
    var note = tableNode.closest("section").querySelector(".empty-note");
    if (note) {
      note.hidden = true;
    }
    tableNode.closest(".table-wrap").hidden = false;
  }

  function initUpload(form) {
    var input = form.querySelector("input[type=file]");
    var status = $(form.id + "-status");
    input.addEventListener("change", function () { setFieldError(input, ""); });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (form.dataset.busy) {
        return;
      }
      if (!input.files.length) {
        setFieldError(input, T.chooseFile);
        input.focus();
        return;
      }
      if (input.files.length > 20) {
        setFieldError(input, T.tooManyFiles);
        input.focus();
        return;
      }
      setFieldError(input, "");
      var data = new FormData();
      Array.prototype.forEach.call(input.files, function (file) { data.append("file", file, file.name); });
      busy(form, true);
      say(status, T.uploading);
      try {
        var result = (await api("POST", form.getAttribute("data-endpoint"), data, {ok: [207, 422]})).data;
        var parts = [];
        var added = result.documents || [];
        if (added.length) {
          parts.push(el("p", {className: "success"}, [T.uploaded + added.map(function (d) {
            var note = !d.changed ? " (" + T.unchanged + ")" : (d.replaced ? " (" + T.replaced + ")" : "");
            return (d.title && d.title !== d.file ? d.title + " – " + d.file : d.file) + note;
          }).join("; ") + "."]));
        }
        (result.failed || []).forEach(function (f) {
          var why = f.user_message ? (LANG === "de" ? [f.user_message] :
            [el("span", {lang: "de", text: f.user_message})]) : [T.failed];
          parts.push(el("p", {className: "error"}, [T.notUploaded + f.file + ": "].concat(why)));
        });
        var target = form.getAttribute("data-target");
        added.forEach(function (d) {
          if (target === "checks") {
            addOwnCheckbox(d);
          } else {
            addDocumentRow(target, d, form.hasAttribute("data-can-remove"));
            if (d.changed && !d.replaced) {
              changeCount(form.getAttribute("data-collection"), 1);
            }
          }
        });
        if (added.length && target === "checks") {
          parts.push(el("p", {text: T.selected}));
        }
        say(status, parts);
        if (added.length) {
          input.value = "";
        }
      } catch (error) {
        say(status, el("p", {className: "error"}, errorParts(error)));
      } finally {
        busy(form, false);
      }
    });
  }

  function initRemoval() {
    document.addEventListener("click", async function (event) {
      var button = event.target.closest && event.target.closest(".remove-document");
      if (!button || button.dataset.busy) {
        return;
      }
      var title = button.getAttribute("data-title") || "";
      if (!window.confirm(fill(T.confirmRemove, {title: title}))) {
        return;
      }
      var section = button.closest("section");
      var status = section.querySelector(".upload [role=status]") || $("page-error");
      button.dataset.busy = "1";
      try {
        await api("DELETE", "/api/v1/document?id=" + encodeURIComponent(button.getAttribute("data-id")));
        var row = button.closest("tr");
        var tableNode = row.closest("table");
        row.remove();
        if (tableNode.id === "collection-documents") {
          var upload = section.querySelector("form.upload");
          changeCount(upload && upload.getAttribute("data-collection"), -1);
        }
        if (!tableNode.tBodies[0].rows.length) {
          var note = section.querySelector(".empty-note");
          if (note) {
            note.hidden = false;
          }
          tableNode.closest(".table-wrap").hidden = true;
        }
        say(status, el("p", {className: "success", text: fill(T.removed, {title: title})}));
        var heading = section.querySelector("h2[tabindex]");
        if (heading) {
          heading.focus();
        }
      } catch (error) {
        delete button.dataset.busy;
        say(status, el("p", {className: "error"}, errorParts(error)));
      }
    });
  }

  /* ---------------------------------------------------------------- the assistant */

  function initChat() {
    var log = $("log");
    var form = $("ask-form");
    var textarea = $("question");
    var heading = $("conversation-heading");
    var list = $("conversation-list");
    var empty = $("conversations-empty");
    var retention = $("retention");
    var deleteAll = $("delete-all");
    var convStatus = $("conversations-status");
    var askStatus = $("ask-status");
    var maxChars = parseInt(textarea.getAttribute("maxlength"), 10) || 1000;
    var state = {current: null, busy: false, count: 0, conversations: []};

    function conversationUrl(id) {
      return withLang("/intern", id ? {gespraech: id} : {});
    }

    function titleOf(id) {
      var found = state.conversations.find(function (c) { return c.id === id; });
      return found ? found.title : "";
    }

    function renderList() {
      list.replaceChildren();
      state.conversations.forEach(function (c) {
        var link = el("a", {href: conversationUrl(c.id), "aria-current": c.id === state.current ? "page" : null,
                            text: c.title});
        link.addEventListener("click", function (event) {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) {
            return;
          }
          event.preventDefault();
          open(c.id, true);
        });
        var remove = el("button", {type: "button", className: "danger small", "aria-label": T.remove + ": " + c.title},
                        [T.remove]);
        remove.addEventListener("click", function () { removeConversation(c); });
        list.appendChild(el("li", {}, [
          el("span", {}, [link, el("br"), el("span", {className: "meta", text: formatDateTime(c.updated_at)})]),
          remove
        ]));
      });
      empty.hidden = state.conversations.length > 0;
      deleteAll.hidden = state.conversations.length === 0;
    }

    async function refreshList() {
      try {
        var result = (await api("GET", "/api/v1/conversations")).data;
        state.conversations = result.conversations || [];
        retention.textContent = result.retention_days ? fill(T.retention, {n: result.retention_days}) : "";
        renderList();
        if (state.current && titleOf(state.current)) {
          heading.textContent = titleOf(state.current);
        }
      } catch (error) {
        say($("page-error"), errorParts(error));
      }
    }

    function addExchange(question, live) {
      var n = ++state.count;
      var text = el("p", {className: "answer-text", "aria-live": live ? "polite" : null},
                    [el("span", {className: "visually-hidden", text: T.answer})]);
      var answer = el("div", {className: "answer"}, [text]);
      var node = el("div", {className: "exchange", id: "exchange-" + n}, [
        el("p", {className: "question"}, [el("span", {className: "visually-hidden", text: T.you}), question]),
        answer
      ]);
      log.appendChild(node);
      return {n: n, node: node, answer: answer, text: text, pending: null, known: {}, notices: null};
    }

    function appendText(view, target, text) {
      var pattern = /\[(\d+)\]/g;
      var last = 0;
      var match;
      text = String(text || "");
      while ((match = pattern.exec(text)) !== null) {
        if (match.index > last) {
          target.appendChild(document.createTextNode(text.slice(last, match.index)));
        }
        var number = match[1];
        if (view.known[number]) {
          var title = view.known[number].title;
          var link = el("a", {className: "cite", href: "#src-" + view.n + "-" + number,
                              "aria-label": T.source + number + (title ? ": " + title : "")}, ["[" + number + "]"]);
          link.addEventListener("click", function (event) {
            var item = $(this.getAttribute("href").slice(1));
            if (item) {
              event.preventDefault();
              item.scrollIntoView({block: "nearest"});
              item.focus();
            }
          });
          target.appendChild(link);
        } else {
          target.appendChild(document.createTextNode(match[0]));
        }
        last = pattern.lastIndex;
      }
      if (last < text.length) {
        target.appendChild(document.createTextNode(text.slice(last)));
      }
    }

    function addNotice(view, text) {
      if (!view.notices) {
        view.notices = el("ul", {className: "notices", "aria-label": T.notices});
        view.answer.appendChild(view.notices);
      }
      var item = el("li");
      appendText(view, item, text);
      view.notices.appendChild(item);
    }

    function sourceItem(view, c) {
      var href = safeUrl(c.url);
      var title = c.title || c.document_id || "";
      var heading = href ?
        el("a", {href: href, target: "_blank", rel: "noopener noreferrer"},
           [title, el("span", {className: "visually-hidden", text: T.newWindow})]) :
        el("span", {className: "title", text: title});
      var meta = [];
      if (c.date) {
        meta.push(formatDate(c.date));
      }
      if (c.page) {
        meta.push(T.page + " " + c.page);
      }
      var children = [heading];
      if (meta.length) {
        children.push(" ", el("span", {className: "meta", text: "(" + meta.join(", ") + ")"}));
      }
      return el("li", {id: "src-" + view.n + "-" + c.n, value: String(c.n), tabindex: "-1"}, children);
    }

    function showSources(view, citations) {
      citations = (citations || []).slice().sort(function (a, b) { return a.n - b.n; });
      if (!citations.length) {
        return;
      }
      var titleId = "sources-" + view.n;
      view.answer.appendChild(el("p", {className: "sources-title", id: titleId, text: T.sources}));
      view.answer.appendChild(el("ol", {className: "sources", "aria-labelledby": titleId},
                                 citations.map(function (c) { return sourceItem(view, c); })));
    }

    function clearPending(view) {
      if (view.pending) {
        view.pending.remove();
        view.pending = null;
      }
    }

    function fail(view, parts) {
      clearPending(view);
      view.answer.appendChild(el("p", {className: "error"}, parts));
      say(askStatus, "");
    }

    function setCurrent(id) {
      state.current = id;
      heading.textContent = id ? (titleOf(id) || heading.textContent) : T.newConversation;
      renderList();
    }

    function startNew(push, focus) {
      if (state.busy) {
        setFieldError(textarea, T.busy);
        return;
      }
      log.replaceChildren();
      setCurrent(null);
      heading.textContent = T.newConversation;
      if (push) {
        history.pushState({conversation: null}, "", conversationUrl(null));
      }
      say(askStatus, "");
      if (focus) {
        say(convStatus, T.newStarted);
        textarea.focus();
      }
    }

    async function open(id, push) {
      if (state.busy) {
        setFieldError(textarea, T.busy);
        return;
      }
      var conversation;
      try {
        conversation = (await api("GET", "/api/v1/conversations/" + encodeURIComponent(id))).data;
      } catch (error) {
        say(convStatus, errorParts(error, {404: T.conversationGone}));
        startNew(push, false);
        return;
      }
      log.replaceChildren();
      var view = null;
      (conversation.messages || []).forEach(function (m) {
        if (m.role === "user") {
          view = addExchange(m.text, false);
        } else if (view) {
          (m.citations || []).forEach(function (c) { view.known[c.n] = c; });
          appendText(view, view.text, m.text);
          showSources(view, m.citations);
          view = null;
        }
      });
      state.current = conversation.id;
      heading.textContent = conversation.title;
      renderList();
      if (push) {
        history.pushState({conversation: id}, "", conversationUrl(id));
      }
      say(askStatus, "");
      say(convStatus, fill(T.opened, {title: conversation.title}));
      if (push) {
        heading.focus();
      }
    }

    async function removeConversation(c) {
      if (!window.confirm(fill(T.confirmDelete, {title: c.title}))) {
        return;
      }
      try {
        await api("DELETE", "/api/v1/conversations/" + encodeURIComponent(c.id));
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) {
          say(convStatus, errorParts(error));
          return;
        }
      }
      if (c.id === state.current) {
        startNew(true, false);
      }
      await refreshList();
      say(convStatus, fill(T.deleted, {title: c.title}));
      $("conversations-heading").focus();
    }

    deleteAll.addEventListener("click", async function () {
      if (!window.confirm(T.confirmDeleteAll)) {
        return;
      }
      try {
        var result = (await api("DELETE", "/api/v1/conversations")).data;
        startNew(true, false);
        await refreshList();
        say(convStatus, fill(T.deletedAll, {n: result.deleted}));
        $("conversations-heading").focus();
      } catch (error) {
        say(convStatus, errorParts(error));
      }
    });

    $("new-conversation").addEventListener("click", function () { startNew(true, true); });

    function chosenDocuments() {
      return Array.prototype.filter.call(document.querySelectorAll("#own-files input[type=checkbox]"),
                                         function (box) { return box.checked; });
    }

    async function ask(question) {
      state.busy = true;
      var boxes = chosenDocuments();
      var view = addExchange(question, true);
      if (boxes.length) {
        view.node.insertBefore(el("p", {className: "meta", text: T.onlyThese + boxes.map(function (box) {
          return box.labels[0] ? box.labels[0].textContent : box.value;
        }).join(", ")}), view.answer);
      }
      view.pending = el("p", {className: "pending", text: T.pending});
      view.answer.appendChild(view.pending);
      say(askStatus, T.pending);
      var body = {question: question, assistant: "internal", language: LANG,
                  document_ids: boxes.map(function (box) { return box.value; })};
      if (state.current) {
        body.conversation_id = state.current;
      }
      try {
        var response = await api("POST", "/api/v1/ask", body, {accept: "text/event-stream", raw: true});
        var finished = false;
        await readEvents(response, function (name, data) {
          if (name === "sources") {
            (data || []).forEach(function (s) { view.known[s.n] = s; });
          } else if (name === "text") {
            clearPending(view);
            appendText(view, view.text, data.text);
          } else if (name === "notice") {
            addNotice(view, data.text);
          } else if (name === "done") {
            finished = true;
            clearPending(view);
            if (!view.text.textContent.replace(T.answer, "").trim() && data.answer) {
              appendText(view, view.text, data.answer);
            }
            showSources(view, data.citations);
            var count = (data.citations || []).length;
            say(askStatus, count === 1 ? T.answerDoneOne : (count ? fill(T.answerDone, {n: count}) :
                                                          T.answerNoSources));
            if (data.conversation_id && data.conversation_id !== state.current) {
              state.current = data.conversation_id;
              history.pushState({conversation: data.conversation_id}, "", conversationUrl(data.conversation_id));
            }
          } else if (name === "error") {
            finished = true;
            fail(view, errorParts(new ApiError(data && data.error === "backend_error" ? 503 : 400, data)));
          }
        });
        if (!finished) {
          fail(view, [T.interrupted]);
        }
        await refreshList();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && state.current) {
          state.current = null;
          fail(view, [T.conversationGone]);
          await refreshList();
        } else {
          fail(view, errorParts(error));
        }
      } finally {
        state.busy = false;
        if ($("question-error").textContent === T.busy) {
          setFieldError(textarea, "");
        }
      }
    }

    function submit() {
      var question = textarea.value.trim();
      if (state.busy) {
        setFieldError(textarea, T.busy);
        return;
      }
      if (!question) {
        setFieldError(textarea, T.emptyQuestion);
        textarea.focus();
        return;
      }
      if (question.length > maxChars) {
        setFieldError(textarea, fill(T.tooLong, {n: maxChars}));
        textarea.focus();
        return;
      }
      setFieldError(textarea, "");
      textarea.value = "";
      ask(question);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit();
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    textarea.addEventListener("input", function () {
      if (textarea.getAttribute("aria-invalid")) {
        setFieldError(textarea, "");
      }
    });
    window.addEventListener("popstate", function () {
      var id = new URLSearchParams(location.search).get("gespraech");
      if (id) {
        open(id, false);
      } else {
        startNew(false, false);
      }
    });

    var draft = null;
    try {
      draft = sessionStorage.getItem(DRAFT_KEY);
      sessionStorage.removeItem(DRAFT_KEY);
    } catch (e) { /* storage switched off: nothing to take over */ }
    if (draft) {
      textarea.value = draft;
      say(askStatus, T.draftLoaded);
      textarea.focus();
    }
    var initial = new URLSearchParams(location.search).get("gespraech");
    refreshList().then(function () {
      if (initial) {
        open(initial, false);
      }
    });
  }

  /* ---------------------------------------------------------------- documents */

  function initDocuments() {
    initRemoval();
  }

  /* ---------------------------------------------------------------- text tools */

  function readabilityTable(columns) {
    var labels = [[T.wstf, "wstf", "wstf_label"], [T.flesch, "flesch_amstad", "flesch_label"],
                  [T.sentences, "sentences"], [T.words, "words"], [T.meanSentence, "mean_sentence_length"]];
    var rows = labels.map(function (row) {
      return [row[0]].concat(columns.map(function (col) {
        var scores = col[1];
        var value = formatNumber(scores[row[1]]);
        return row[2] && scores[row[2]] ? value + " (" + scores[row[2]] + ")" : value;
      }));
    });
    return table(T.readability, [T.measure].concat(columns.map(function (col) { return col[0]; })), rows);
  }

  function initTools() {
    var form = $("tool-form");
    var tool = form.getAttribute("data-tool");
    var status = $("tool-status");
    var errorBox = $("tool-error");
    var result = $("tool-result");
    var resultBody = $("result-body");
    var endpoints = {"zusammenfassen": "summarise", "einfache-sprache": "plain-language", "uebersetzen": "translate",
                     "gliederung": "outline", "brief": "letter"};
    var downloadUrl = null;

    function radio(name) {
      var checked = form.querySelector("input[name='" + name + "']:checked");
      return checked ? checked.value : undefined;
    }

    function values() {
      var text = $("tool-text");
      if (tool === "brief") {
        var points = $("tool-points").value.split("\n").map(function (p) { return p.replace(/^\s*[-*•]\s*/, "").trim(); })
          .filter(Boolean);
        if (!points.length) {
          setFieldError($("tool-points"), T.needPoints);
          $("tool-points").focus();
          return null;
        }
        setFieldError($("tool-points"), "");
        var subject = $("tool-subject").value.trim();
        return {points: points, kind: radio("kind"), tone: radio("tone"), subject: subject || undefined};
      }
      if (!text.value.trim()) {
        setFieldError(text, T.needText);
        text.focus();
        return null;
      }
      setFieldError(text, "");
      if (tool === "zusammenfassen") {
        return {text: text.value, length: radio("length"), style: radio("style")};
      }
      if (tool === "einfache-sprache") {
        return {text: text.value, level: radio("level")};
      }
      if (tool === "uebersetzen") {
        return {text: text.value, target: $("tool-target").value, source: $("tool-source").value || undefined};
      }
      return {text: text.value, form: radio("form")};
    }

    function serverNotice(text) {
      return LANG === "de" ? [text] : [el("span", {lang: "de", text: text})];
    }

    function show(data) {
      if (downloadUrl) {
        URL.revokeObjectURL(downloadUrl);
        downloadUrl = null;
      }
      var parts = [];
      if (data.method === "auszug") {
        parts.push(el("p", {className: "notice", id: "excerpt-notice", text: T.excerpt}));
      }
      if (data.notice) {
        parts.push(el("p", {className: "notice"}, serverNotice(data.notice)));
      }
      if (data.target_name) {
        parts.push(el("p", {text: fill(T.translatedTo, {lang: data.target_name})}));
      }
      var textId = "result-text";
      parts.push(el("div", {className: "result-text", id: textId, role: "region", "aria-label": T.resultText,
                            tabindex: "0", text: data.text}));
      var copyStatus = el("p", {className: "status", role: "status"});
      var copy = el("button", {type: "button", className: "secondary", text: T.copy});
      copy.addEventListener("click", function () { copyText(data.text, copyStatus); });
      var buttons = el("div", {className: "buttons"}, [copy]);
      if (data.form === "mindmap") {
        downloadUrl = URL.createObjectURL(new Blob([data.text], {type: "text/plain;charset=utf-8"}));
        buttons.appendChild(el("a", {href: downloadUrl, download: "mindmap.mmd", id: "download-mermaid",
                                     text: T.download}));
      }
      parts.push(buttons, copyStatus);
      if (data.placeholders && data.placeholders.length) {
        parts.push(el("p", {text: T.placeholders + data.placeholders.join(", ")}));
      }
      if (data.warnings && data.warnings.length) {
        parts.push(el("p", {className: "sources-title", id: "warnings-title", text: T.warnings}));
        parts.push(el("ul", {"aria-labelledby": "warnings-title"}, data.warnings.map(function (w) {
          return el("li", {}, serverNotice(w));
        })));
      }
      if (data.before && data.after) {
        parts.push(readabilityTable([[T.before, data.before], [T.after, data.after]]));
      }
      if (data.model) {
        parts.push(el("p", {className: "meta", text: T.madeWith + data.model}));
      }
      resultBody.replaceChildren.apply(resultBody, parts);
      result.hidden = false;
    }

    async function run(path, body, render) {
      if (form.dataset.busy) {
        return;
      }
      busy(form, true);
      say(errorBox, "");
      say(status, T.running);
      try {
        var data = (await api("POST", path, body)).data;
        render(data);
        say(status, T.toolDone);
        $("result-heading").focus();
      } catch (error) {
        say(status, "");
        result.hidden = true;
        say(errorBox, errorParts(error, LANG === "en" ? {generative_model_required: T.generative} : {}));
      } finally {
        busy(form, false);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = values();
      if (body) {
        run("/api/v1/tools/" + endpoints[tool], body, show);
      }
    });
    var check = $("check-readability");
    if (check) {
      check.addEventListener("click", function () {
        var text = $("tool-text");
        if (!text.value.trim()) {
          setFieldError(text, T.needText);
          text.focus();
          return;
        }
        setFieldError(text, "");
        run("/api/v1/tools/readability", {text: text.value}, function (scores) {
          resultBody.replaceChildren(readabilityTable([[T.value, scores]]));
          result.hidden = false;
        });
      });
    }
  }

  /* ---------------------------------------------------------------- prompt library */

  function initPrompts() {
    var items = $("prompt-items");
    var count = $("prompt-count");
    var view = $("prompt-view");
    var edit = $("prompt-edit");
    var promptForm = $("prompt-form");
    var fillForm = $("fill-form");
    var fillError = $("fill-error");
    var filledBox = $("filled-box");
    var filledText = $("filled-text");
    var filledStatus = $("filled-status");
    var state = {prompts: [], current: null, editing: null, opener: null};

    function ownerText(p) {
      var text = p.owner_kind === "user" ? T.ownPrompt : (p.owner_kind === "group" ?
        fill(T.groupPrompt, {unit: p.owner}) : T.systemPrompt);
      if (p.shared_with && p.shared_with.length) {
        text += " · " + fill(T.sharedWith, {list: p.shared_with.join(", ")});
      }
      return text;
    }

    function promptUrl(id) {
      return withLang("/intern/vorlagen", id ? {id: id} : {});
    }

    function renderList() {
      items.replaceChildren();
      state.prompts.forEach(function (p) {
        var link = el("a", {href: promptUrl(p.id), text: p.title,
                            "aria-current": state.current && state.current.id === p.id ? "true" : null});
        link.addEventListener("click", function (event) {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) {
            return;
          }
          event.preventDefault();
          show(p.id, null, true);
        });
        items.appendChild(el("li", {}, [link, el("br"), el("span", {className: "meta", text: ownerText(p)}),
          p.description ? el("p", {className: "hint", text: p.description}) : null]));
      });
      say(count, state.prompts.length === 1 ? T.promptCountOne :
        (state.prompts.length ? fill(T.promptCount, {n: state.prompts.length}) : T.promptNone));
    }

    async function load() {
      try {
        var q = $("prompt-q").value.trim();
        state.prompts = (await api("GET", "/api/v1/prompts" + (q ? "?q=" + encodeURIComponent(q) : ""))).data.prompts;
        renderList();
      } catch (error) {
        say($("page-error"), errorParts(error));
      }
    }

    async function show(id, version, push) {
      var prompt;
      var versions;
      try {
        prompt = (await api("GET", "/api/v1/prompts/" + encodeURIComponent(id) +
                            (version ? "?version=" + encodeURIComponent(version) : ""))).data;
        versions = (await api("GET", "/api/v1/prompts/" + encodeURIComponent(id) + "/versions")).data.versions;
      } catch (error) {
        say($("page-error"), errorParts(error));
        return;
      }
      say($("page-error"), "");
      state.current = prompt;
      edit.hidden = true;
      view.hidden = false;
      $("prompt-title").textContent = prompt.title;
      var newest = versions.length ? versions[0].version : prompt.version;
      say($("prompt-meta"), [ownerText(prompt), el("br"),
        fill(T.versionInfo, {v: prompt.version, by: prompt.created_by, date: formatDate(prompt.created_at)}),
        prompt.version !== newest ? el("strong", {text: " " + T.oldVersion}) : null]);
      $("prompt-description").textContent = prompt.description || "";
      $("prompt-body").textContent = prompt.body;
      $("prompt-actions").hidden = !prompt.can_edit;
      var fields = $("fill-fields");
      fields.replaceChildren();
      (prompt.variables || []).forEach(function (name, i) {
        var id = "var-" + i;
        fields.appendChild(el("div", {className: "field"}, [
          el("label", {for: id, text: name}),
          el("textarea", {id: id, name: name, rows: "2", "data-variable": name}),
          el("p", {id: id + "-error", className: "field-error"})
        ]));
      });
      $("no-vars").hidden = (prompt.variables || []).length > 0;
      filledBox.hidden = true;
      say(fillError, "");
      var list = $("prompt-versions");
      list.replaceChildren();
      versions.forEach(function (v) {
        var label = fill(T.versionInfo, {v: v.version, by: v.created_by, date: formatDate(v.created_at)});
        var item = el("li", {}, [label + " "]);
        if (v.version === prompt.version) {
          item.appendChild(el("span", {className: "meta", text: "(" + T.shown + ")"}));
        } else {
          var button = el("button", {type: "button", className: "secondary small",
                                     text: fill(T.showVersion, {v: v.version})});
          button.addEventListener("click", function () { show(prompt.id, v.version, false); });
          item.appendChild(button);
        }
        list.appendChild(item);
      });
      renderList();
      say(count, fill(T.loadedPrompt, {title: prompt.title}));
      if (push !== null) {
        history[push ? "pushState" : "replaceState"]({prompt: prompt.id}, "", promptUrl(prompt.id));
      }
      $("prompt-title").focus();
    }

    function openEditor(prompt, opener) {
      state.editing = prompt;
      state.opener = opener;
      var heading = $("edit-heading");
      heading.textContent = heading.getAttribute(prompt ? "data-edit" : "data-new");
      $("pf-title").value = prompt ? prompt.title : "";
      $("pf-description").value = prompt ? prompt.description : "";
      $("pf-body").value = prompt ? prompt.body : "";
      $("pf-tags").value = prompt ? (prompt.tags || []).join(", ") : "";
      promptForm.querySelectorAll("input[name=shared_with]").forEach(function (box) {
        box.checked = !!prompt && (prompt.shared_with || []).indexOf(box.value) >= 0;
      });
      ["pf-title", "pf-body"].forEach(function (id) { setFieldError($(id), ""); });
      say($("prompt-form-error"), "");
      view.hidden = true;
      edit.hidden = false;
      heading.focus();
    }

    $("new-prompt").addEventListener("click", function () { openEditor(null, $("new-prompt")); });
    $("edit-prompt").addEventListener("click", function () { openEditor(state.current, $("edit-prompt")); });
    $("cancel-prompt").addEventListener("click", function () {
      edit.hidden = true;
      if (state.current) {
        view.hidden = false;
      }
      var back = state.opener && !state.opener.closest("[hidden]") ? state.opener : $("new-prompt");
      back.focus();
    });

    promptForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (promptForm.dataset.busy) {
        return;
      }
      var title = $("pf-title");
      var body = $("pf-body");
      var problems = [];
      setFieldError(title, title.value.trim() ? "" : T.needTitle);
      if (!title.value.trim()) {
        problems.push(title);
      }
      setFieldError(body, body.value.trim() ? "" : T.needBody);
      if (!body.value.trim()) {
        problems.push(body);
      }
      if (problems.length) {
        problems[0].focus();
        return;
      }
      var payload = {title: title.value.trim(), body: body.value, description: $("pf-description").value.trim(),
                     tags: splitList($("pf-tags").value),
                     shared_with: Array.prototype.filter.call(promptForm.querySelectorAll("input[name=shared_with]"),
                                                              function (box) { return box.checked; })
                       .map(function (box) { return box.value; })};
      busy(promptForm, true);
      try {
        var saved = state.editing ?
          (await api("PUT", "/api/v1/prompts/" + state.editing.id, payload)).data :
          (await api("POST", "/api/v1/prompts", payload)).data;
        var message = state.editing ? fill(T.promptSaved, {v: saved.version}) : T.promptCreated;
        state.editing = null;
        await load();
        await show(saved.id, null, true);
        say(count, message);
      } catch (error) {
        say($("prompt-form-error"), errorParts(error));
      } finally {
        busy(promptForm, false);
      }
    });

    $("delete-prompt").addEventListener("click", async function () {
      var prompt = state.current;
      if (!prompt || !window.confirm(fill(T.confirmPromptDelete, {title: prompt.title}))) {
        return;
      }
      try {
        await api("DELETE", "/api/v1/prompts/" + prompt.id);
        state.current = null;
        view.hidden = true;
        history.pushState({prompt: null}, "", promptUrl(null));
        await load();
        say(count, fill(T.promptDeleted, {title: prompt.title}));
        $("find-heading").setAttribute("tabindex", "-1");
        $("find-heading").focus();
      } catch (error) {
        say($("page-error"), errorParts(error));
      }
    });

    fillForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      var prompt = state.current;
      if (!prompt || fillForm.dataset.busy) {
        return;
      }
      var values = {};
      var missing = [];
      fillForm.querySelectorAll("[data-variable]").forEach(function (field) {
        var name = field.getAttribute("data-variable");
        values[name] = field.value;
        if (!field.value.trim()) {
          setFieldError(field, fill(T.fillVar, {name: name}));
          missing.push(field);
        } else {
          setFieldError(field, "");
        }
      });
      if (missing.length) {
        missing[0].focus();
        return;
      }
      busy(fillForm, true);
      say(fillError, "");
      try {
        var text = (await api("POST", "/api/v1/prompts/" + prompt.id + "/render",
                              {values: values, version: prompt.version})).data.text;
        filledText.value = text;
        filledBox.hidden = false;
        say(filledStatus, T.filled);
        filledText.focus();
      } catch (error) {
        say(fillError, errorParts(error));
      } finally {
        busy(fillForm, false);
      }
    });

    $("copy-filled").addEventListener("click", function () { copyText(filledText.value, filledStatus); });
    $("send-filled").addEventListener("click", function () {
      try {
        sessionStorage.setItem(DRAFT_KEY, filledText.value);
      } catch (e) {
        say(filledStatus, T.copyFailed);
        return;
      }
      location.assign(withLang("/intern"));
    });

    $("prompt-search").addEventListener("submit", function (event) {
      event.preventDefault();
      load();
    });
    window.addEventListener("popstate", function () {
      var id = new URLSearchParams(location.search).get("id");
      if (id) {
        show(id, null, null);
      } else {
        view.hidden = true;
        state.current = null;
        renderList();
      }
    });

    var initial = new URLSearchParams(location.search).get("id");
    load().then(function () {
      if (initial) {
        show(initial, null, null);
      }
    });
  }

  /* ---------------------------------------------------------------- administration */

  function initAdmin() {
    var session = null;

    function field(id, message) {
      setFieldError($(id), message);
      if (message) {
        $(id).focus();
      }
      return !message;
    }

    async function loadUsers() {
      var users;
      try {
        users = (await api("GET", "/api/v1/admin/users")).data.users;
      } catch (error) {
        say($("users-error"), errorParts(error));
        return;
      }
      var rows = users.map(function (u) {
        var key = u.name.replace(/[^a-z0-9_-]/gi, "_");
        var role = el("select", {id: "role-" + key, "aria-label": fill(T.roleOf, {name: u.name})},
                      ["user", "curator", "admin"].map(function (r) {
                        return el("option", {value: r, selected: u.role === r, text: T.roles[r]});
                      }));
        var groups = el("input", {type: "text", id: "groups-" + key, value: u.groups.join(", "),
                                  "aria-label": fill(T.groupsOf, {name: u.name}), autocomplete: "off"});
        var locked = el("input", {type: "checkbox", id: "locked-" + key, checked: u.disabled,
                                  "aria-label": fill(T.lockedOf, {name: u.name})});
        var save = el("button", {type: "button", className: "secondary small", "aria-label": T.save + ": " + u.name},
                      [T.save]);
        save.addEventListener("click", async function () {
          if (locked.checked && session && session.name === u.name) {
            say($("users-error"), T.lockSelf);
            locked.focus();
            return;
          }
          try {
            await api("PATCH", "/api/v1/admin/users/" + encodeURIComponent(u.name),
                      {role: role.value, groups: splitList(groups.value), disabled: locked.checked});
            say($("users-error"), "");
            say($("users-status"), fill(T.userSaved, {name: u.name}));
            loadGroups();
          } catch (error) {
            say($("users-status"), "");
            say($("users-error"), errorParts(error, {409: T.lockSelf}));
          }
        });
        return [u.name, u.display_name || "", role, groups, locked, u.password ? T.password : T.ssoOnly, save];
      });
      $("user-list").replaceChildren(table($("users-heading").textContent,
        [T.name, T.displayName, T.role, T.groups, T.locked, T.signIn, T.actions], rows));
    }

    async function loadGroups() {
      var groups;
      try {
        groups = (await api("GET", "/api/v1/admin/groups")).data.groups;
      } catch (error) {
        say($("groups-status"), errorParts(error));
        return;
      }
      $("group-list").replaceChildren(table($("groups-heading").textContent, [T.path, T.description, T.members],
        groups.map(function (g) { return [g.path, g.description || "", String(g.members)]; })));
      var parent = $("ng-parent");
      var chosen = parent.value;
      parent.replaceChildren(el("option", {value: "", text: parent.getAttribute("data-none")}));
      groups.forEach(function (g) {
        parent.appendChild(el("option", {value: g.path, text: g.path, selected: g.path === chosen}));
      });
    }

    async function loadCollections() {
      var collections;
      try {
        collections = (await api("GET", "/api/v1/collections")).data.collections;
      } catch (error) {
        say($("collections-status"), errorParts(error));
        return;
      }
      $("collection-list").replaceChildren(table($("collections-heading").textContent,
        [T.collection, T.classification, T.isPublic, T.groups, T.documents],
        collections.filter(function (c) { return c.name.charAt(0) !== "~"; }).map(function (c) {
          return [c.name, T.classes[c.classification] || c.classification, c.public ? T.yes : T.no,
                  (c.groups || []).length ? c.groups.join(", ") : T.allStaff, String(c.documents)];
        })));
    }

    $("add-user").addEventListener("submit", async function (event) {
      event.preventDefault();
      var form = event.currentTarget;
      if (form.dataset.busy || !field("nu-name", $("nu-name").value.trim() ? "" : T.needUserName)) {
        return;
      }
      busy(form, true);
      say($("add-user-error"), "");
      try {
        var user = (await api("POST", "/api/v1/admin/users", {
          name: $("nu-name").value.trim(), password: $("nu-password").value || null, role: $("nu-role").value,
          groups: splitList($("nu-groups").value), display_name: $("nu-display").value.trim()})).data;
        form.reset();
        say($("users-status"), fill(T.userAdded, {name: user.name}));
        await loadUsers();
        loadGroups();
        $("nu-name").focus();
      } catch (error) {
        say($("add-user-error"), errorParts(error));
      } finally {
        busy(form, false);
      }
    });

    $("add-group").addEventListener("submit", async function (event) {
      event.preventDefault();
      var form = event.currentTarget;
      if (form.dataset.busy || !field("ng-name", $("ng-name").value.trim() ? "" : T.needGroupName)) {
        return;
      }
      busy(form, true);
      say($("add-group-error"), "");
      try {
        var added = (await api("POST", "/api/v1/admin/groups", {
          name: $("ng-name").value.trim(), parent: $("ng-parent").value || null,
          description: $("ng-description").value.trim()})).data;
        form.reset();
        await loadGroups();
        say($("groups-status"), fill(T.groupAdded, {path: added.path}));
        $("ng-name").focus();
      } catch (error) {
        say($("add-group-error"), errorParts(error));
      } finally {
        busy(form, false);
      }
    });

    $("set-collection").addEventListener("submit", async function (event) {
      event.preventDefault();
      var form = event.currentTarget;
      if (form.dataset.busy || !field("nc-name", $("nc-name").value.trim() ? "" : T.needCollectionName)) {
        return;
      }
      var classification = $("nc-class").value;
      var groups = splitList($("nc-groups").value);
      if ($("nc-public").checked && classification !== "offen") {
        say($("set-collection-error"), T.publicOnlyOpen);
        $("nc-public").focus();
        return;
      }
      if (classification === "vertraulich" && !groups.length) {
        say($("set-collection-error"), T.confidentialNeedsGroup);
        $("nc-groups").focus();
        return;
      }
      busy(form, true);
      say($("set-collection-error"), "");
      try {
        var saved = (await api("PUT", "/api/v1/admin/collections", {
          name: $("nc-name").value.trim(), classification: classification, groups: groups,
          public: $("nc-public").checked, description: $("nc-description").value.trim()})).data;
        form.reset();
        await loadCollections();
        say($("collections-status"), fill(T.collectionSaved, {name: saved.name}));
        $("nc-name").focus();
      } catch (error) {
        say($("set-collection-error"), errorParts(error));
      } finally {
        busy(form, false);
      }
    });

    /* The audit export is a plain download; empty filters are left out of the URL. */
    $("audit-form").addEventListener("submit", function (event) {
      var blank = Array.prototype.filter.call(event.currentTarget.querySelectorAll("input:not([type=hidden])"),
                                              function (input) { return !input.value.trim(); });
      blank.forEach(function (input) { input.disabled = true; });
      setTimeout(function () { blank.forEach(function (input) { input.disabled = false; }); }, 0);
    });

    $("show-audit").addEventListener("click", async function () {
      try {
        var entries = (await api("GET", "/api/v1/admin/audit?limit=20")).data.entries;
        $("audit-list").replaceChildren(entries.length ?
          table($("recent-heading").textContent, [T.time, T.actor, T.action, T.target], entries.map(function (e) {
            return [formatDateTime(e.at), e.actor, e.action, e.target];
          })) : el("p", {text: T.noEntries}));
      } catch (error) {
        $("audit-list").replaceChildren(el("p", {className: "error"}, errorParts(error)));
      }
    });

    getSession().then(function (s) { session = s; }).catch(function () {});
    loadUsers();
    loadGroups();
    loadCollections();
  }

  /* ---------------------------------------------------------------- API tokens */

  function initAccount() {
    var status = $("token-status");
    var errorBox = $("token-error");
    var box = $("new-token");

    async function loadTokens() {
      var tokens;
      try {
        tokens = (await api("GET", "/api/v1/me/tokens")).data.tokens;
      } catch (error) {
        say(errorBox, errorParts(error));
        return;
      }
      if (!tokens.length) {
        $("token-list").replaceChildren(el("p", {text: T.noTokens}));
        return;
      }
      $("token-list").replaceChildren(table($("tokens-heading").textContent,
        [T.tokenLabel, T.created, T.lastUsed, T.state, T.actions], tokens.map(function (tok) {
          var label = tok.label || "API";
          var action = null;
          if (!tok.revoked) {
            action = el("button", {type: "button", className: "danger small", "aria-label": T.revoke + ": " + label},
                        [T.revoke]);
            action.addEventListener("click", function () { revoke(tok, label); });
          }
          return [label, formatDateTime(tok.created_at), tok.last_used ? formatDateTime(tok.last_used) : T.never,
                  tok.revoked ? T.revokedState : T.active, action];
        })));
    }

    async function revoke(tok, label) {
      if (!window.confirm(fill(T.confirmRevoke, {label: label}))) {
        return;
      }
      try {
        await api("DELETE", "/api/v1/me/tokens/" + encodeURIComponent(tok.id));
        await loadTokens();
        say(status, fill(T.tokenRevoked, {label: label}));
        $("tokens-heading").setAttribute("tabindex", "-1");
        $("tokens-heading").focus();
      } catch (error) {
        say(errorBox, errorParts(error));
      }
    }

    $("token-form").addEventListener("submit", async function (event) {
      event.preventDefault();
      var form = event.currentTarget;
      if (form.dataset.busy) {
        return;
      }
      busy(form, true);
      say(errorBox, "");
      try {
        var created = (await api("POST", "/api/v1/me/tokens", {label: $("token-label").value.trim()})).data;
        var copyStatus = el("p", {className: "status", role: "status"});
        var input = el("input", {type: "text", id: "token-value", readonly: true, value: created.token,
                                 autocomplete: "off", spellcheck: "false", "aria-describedby": "token-warning"});
        var copy = el("button", {type: "button", className: "secondary", text: T.copy});
        copy.addEventListener("click", function () { copyText(created.token, copyStatus); });
        box.replaceChildren(el("p", {id: "token-warning"}, [el("strong", {text: T.newToken})]),
                            el("div", {className: "field"}, [el("label", {for: "token-value", text: T.newTokenField}),
                                                              input]),
                            el("div", {className: "buttons"}, [copy]), copyStatus);
        box.hidden = false;
        form.reset();
        await loadTokens();
        say(status, fill(T.tokenCreated, {label: created.label}));
        input.focus();
        input.select();
      } catch (error) {
        say(errorBox, errorParts(error));
      } finally {
        busy(form, false);
      }
    });

    loadTokens();
  }

  /* ---------------------------------------------------------------- start */

  function start() {
    if (PAGE === "signin") {
      initSignIn();
      return;
    }
    initHeader();
    document.querySelectorAll("form.upload").forEach(initUpload);
    var pages = {chat: initChat, documents: initDocuments, tools: initTools, prompts: initPrompts, admin: initAdmin,
                 account: initAccount};
    if (pages[PAGE] && (PAGE !== "admin" || $("add-user"))) {
      pages[PAGE]();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
