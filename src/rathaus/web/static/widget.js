/*! Rathaus assistant widget (EUPL-1.2).
 *
 * One tag on any page:   <script src="https://rathaus.example/widget.js" defer></script>
 *
 * Defines <rathaus-assistant> (shadow DOM, its own styles) and, when the page has none, adds one:
 * a launcher button that opens a chat panel (Escape closes it, focus returns to the button).
 * Attributes: lang="de|en" (default: the page's <html lang>), assistant="NAME" (default "public"),
 * mode="inline" (the chat in place, no launcher; used by the chat page at /).
 *
 * The API is found next to this script (its src without "/widget.js"). Questions go to
 * POST /api/v1/ask as a Server-Sent Events stream read with fetch() and a ReadableStream,
 * feedback to POST /api/v1/feedback, always with credentials: "omit". Nothing is stored in the
 * browser (no cookies, no localStorage): the conversation lives only in the page.
 * Every text from the server is inserted with textContent / DOM APIs, never as HTML.
 */
(function () {
  "use strict";
  if (!window.customElements || window.customElements.get("rathaus-assistant")) {
    return; // included twice, or a browser without custom elements
  }

  var SCRIPT = document.currentScript;
  var MAX_CHARS = 1000;
  var TIMEOUT_MS = 180000;
  var REASONS = ["hilfreich", "falsch", "unvollstaendig", "veraltet", "unverstaendlich", "quelle_passt_nicht",
                 "sonstiges"];

  var TEXTS = {
    de: {
      region: "KI-Assistent der Stadt",
      launcher: "Fragen an die Stadt",
      title: "KI-Assistent der Stadt",
      close: "Assistent schließen",
      noticeLabel: "Hinweis:",
      notice: "Sie schreiben mit einem KI-Assistenten. Antworten werden automatisch aus veröffentlichten " +
              "Dokumenten der Stadt erstellt und können Fehler enthalten. Bitte prüfen Sie die verlinkten Quellen.",
      label: "Ihre Frage",
      placeholder: "z. B. Wie hoch ist die Hundesteuer?",
      keys: "Die Eingabetaste sendet die Frage, Umschalt und Eingabetaste beginnen eine neue Zeile.",
      send: "Frage senden",
      log: "Gesprächsverlauf",
      you: "Ihre Frage: ",
      answer: "Antwort: ",
      pending: "Die Antwort wird erstellt …",
      notices: "Hinweise zur Aktualität",
      sources: "Quellen",
      source: "Quelle ",
      page: "Seite",
      passage: "Textstelle anzeigen",
      newWindow: " (öffnet in neuem Fenster)",
      feedbackQuestion: "War diese Antwort hilfreich?",
      up: "Ja",
      down: "Nein",
      reason: "Grund",
      reasonPick: "Bitte wählen",
      reasons: {
        hilfreich: "Hilfreich", falsch: "Falsch", unvollstaendig: "Unvollständig", veraltet: "Veraltet",
        unverstaendlich: "Unverständlich", quelle_passt_nicht: "Quelle passt nicht", sonstiges: "Sonstiges"
      },
      sendFeedback: "Rückmeldung senden",
      thanks: "Vielen Dank für Ihre Rückmeldung!",
      needVote: "Bitte wählen Sie zuerst „Ja“ oder „Nein“.",
      needReason: "Bitte wählen Sie einen Grund.",
      feedbackFailed: "Die Rückmeldung konnte nicht gesendet werden. Bitte versuchen Sie es später erneut.",
      empty: "Bitte geben Sie eine Frage ein.",
      tooLong: "Die Frage ist zu lang (höchstens " + MAX_CHARS + " Zeichen).",
      busy: "Bitte warten Sie, bis die aktuelle Antwort fertig ist.",
      rateLimited: "Sie haben in kurzer Zeit viele Fragen gestellt. Bitte warten Sie {s} Sekunden und " +
                   "versuchen Sie es dann erneut.",
      badQuestion: "Diese Frage konnte nicht bearbeitet werden. Bitte formulieren Sie sie anders " +
                   "(höchstens " + MAX_CHARS + " Zeichen).",
      unavailable: "Der Assistent ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.",
      forbidden: "Der Assistent ist für diese Website nicht freigeschaltet.",
      misconfigured: "Der Assistent ist auf dieser Website nicht richtig eingerichtet.",
      network: "Der Assistent ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie " +
               "es später noch einmal.",
      interrupted: "Die Antwort wurde unterbrochen. Bitte stellen Sie die Frage noch einmal.",
      failed: "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal."
    },
    en: {
      region: "The city's AI assistant",
      launcher: "Ask the city",
      title: "The city's AI assistant",
      close: "Close the assistant",
      noticeLabel: "Please note:",
      notice: "You are chatting with an AI assistant. Answers are generated automatically from documents the " +
              "city has published and may contain errors. Please check the linked sources.",
      label: "Your question",
      placeholder: "e.g. How much is the dog tax?",
      keys: "Enter sends the question, Shift and Enter start a new line.",
      send: "Send question",
      log: "Conversation",
      you: "Your question: ",
      answer: "Answer: ",
      pending: "Writing the answer …",
      notices: "Notes on how current the sources are",
      sources: "Sources",
      source: "Source ",
      page: "page",
      passage: "Show the passage",
      newWindow: " (opens in a new window)",
      feedbackQuestion: "Was this answer helpful?",
      up: "Yes",
      down: "No",
      reason: "Reason",
      reasonPick: "Please choose",
      reasons: {
        hilfreich: "Helpful", falsch: "Wrong", unvollstaendig: "Incomplete", veraltet: "Out of date",
        unverstaendlich: "Hard to understand", quelle_passt_nicht: "Source does not match", sonstiges: "Other"
      },
      sendFeedback: "Send feedback",
      thanks: "Thank you for your feedback!",
      needVote: "Please choose “Yes” or “No” first.",
      needReason: "Please choose a reason.",
      feedbackFailed: "The feedback could not be sent. Please try again later.",
      empty: "Please enter a question.",
      tooLong: "The question is too long (at most " + MAX_CHARS + " characters).",
      busy: "Please wait until the current answer is complete.",
      rateLimited: "You have asked many questions in a short time. Please wait {s} seconds and try again.",
      badQuestion: "This question could not be processed. Please rephrase it (at most " + MAX_CHARS +
                   " characters).",
      unavailable: "The assistant is not available right now. Please try again later.",
      forbidden: "The assistant is not enabled for this website.",
      misconfigured: "The assistant is not set up correctly on this website.",
      network: "The assistant cannot be reached. Please check your internet connection and try again later.",
      interrupted: "The answer was interrupted. Please ask the question again.",
      failed: "Something went wrong. Please try again later."
    }
  };

  var CSS = [
    ":host { all: initial; display: block; }",
    ":host([hidden]) { display: none; }",
    ".rathaus { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: medium;",
    "  line-height: 1.5; color: #1a1a1a; text-align: left; }",
    ".rathaus *, .rathaus *::before, .rathaus *::after { box-sizing: border-box; }",
    ".vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;",
    "  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    "p, ol, ul { margin: 0; }",
    "a { color: #004b87; text-decoration: underline; }",
    "a:hover { color: #002a4d; }",
    "button, textarea, select { font: inherit; color: inherit; }",
    /* a yellow ring inside a dark one: visible on light and dark pages; browsers without :focus-visible
       drop the :not() rule and keep their own outline */
    ":focus-visible { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 6px #1a1a1a; }",
    ":focus:not(:focus-visible) { outline: none; }",
    "[tabindex='-1']:focus-visible { box-shadow: none; outline: 3px solid #1a1a1a; outline-offset: 2px; }",
    "button { cursor: pointer; border-radius: 4px; min-height: 2.75em; padding: .4em 1em;",
    "  border: 2px solid #004b87; background: #fff; color: #004b87; }",
    "button.primary { background: #004b87; color: #fff; }",
    "button[aria-pressed='true'] { background: #004b87; color: #fff; }",
    "button.vote, .launcher { display: inline-flex; align-items: center; gap: .4em; }",
    ".launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; border-radius: 2em;",
    "  background: #004b87; color: #fff; padding: .6em 1.3em; font-weight: 600;",
    "  box-shadow: 0 2px 10px rgba(0,0,0,.3); }",
    ".panel { position: fixed; right: 1rem; bottom: 4.75rem; z-index: 2147483000; display: flex;",
    "  flex-direction: column; width: min(27rem, calc(100vw - 2rem)); height: min(42rem, calc(100vh - 6rem));",
    "  background: #fff; border: 1px solid #767676; border-radius: 8px; box-shadow: 0 8px 32px rgba(0,0,0,.3); }",
    ".panel[hidden] { display: none; }",
    ".head { display: flex; align-items: center; justify-content: space-between; gap: .5rem;",
    "  padding: .5rem .75rem; border-bottom: 1px solid #c8c8c8; }",
    ".head h2 { font-size: 1.1em; margin: 0; }",
    ".close { min-width: 2.75em; padding: .2em .6em; font-size: 1.1em; line-height: 1; }",
    ".chat { display: flex; flex-direction: column; gap: .75rem; }",
    ".panel .chat { flex: 1; min-height: 0; padding: .75rem; }",
    ".log { overflow-y: auto; display: flex; flex-direction: column; gap: 1rem; }",
    ".inline .log { max-height: min(65vh, 48rem); }",
    ".inline .log:empty, .panel .log:empty { display: none; }",
    ".panel .log { flex: 1; min-height: 0; }",
    ".panel .log:empty + .ask { margin-top: auto; }",
    ".exchange { display: flex; flex-direction: column; gap: .5rem; }",
    ".question { align-self: flex-end; max-width: 90%; background: #e8f0f8; border-radius: 8px;",
    "  padding: .5rem .75rem; white-space: pre-wrap; overflow-wrap: anywhere; }",
    ".answer { border-left: 4px solid #004b87; padding: .25rem 0 .25rem .75rem; display: flex;",
    "  flex-direction: column; gap: .5rem; overflow-wrap: anywhere; }",
    ".pending { color: #4a4a4a; font-style: italic; }",
    ".error { color: #a4000f; font-weight: 600; }",
    ".notices { padding-left: 1.25rem; color: #4a4a4a; font-size: .95em; }",
    ".sources-title, .fb-question { font-weight: 600; }",
    ".sources { padding-left: 1.75rem; display: flex; flex-direction: column; gap: .35rem; }",
    ".sources .meta { color: #4a4a4a; font-size: .95em; }",
    ".sources details { font-size: .95em; }",
    ".sources summary { cursor: pointer; color: #004b87; text-decoration: underline; width: fit-content; }",
    ".sources blockquote { margin: .25rem 0; padding: .25rem .5rem; border-left: 3px solid #c8c8c8;",
    "  white-space: pre-wrap; color: #1a1a1a; }",
    ".cite { text-decoration: none; font-weight: 600; }",
    ".cite:hover { text-decoration: underline; }",
    ".feedback { display: flex; flex-direction: column; gap: .4rem; border-top: 1px solid #c8c8c8;",
    "  padding-top: .5rem; }",
    ".fb-row { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }",
    ".fb-row label { font-weight: 600; }",
    "select { min-height: 2.75em; padding: .3em .5em; border: 1px solid #767676; border-radius: 4px;",
    "  background: #fff; }",
    ".ask { display: flex; flex-direction: column; gap: .4rem; }",
    ".ask label { font-weight: 600; }",
    ".notice { background: #fff4e5; border-left: 4px solid #b35900; padding: .5rem .75rem; font-size: .95em; }",
    ".keys { color: #4a4a4a; font-size: .9em; }",
    "textarea { width: 100%; min-height: 4.5em; resize: vertical; padding: .5em .6em; border: 1px solid #767676;",
    "  border-radius: 4px; background: #fff; }",
    "textarea::placeholder { color: #5f5f5f; opacity: 1; }",
    "textarea[aria-invalid='true'] { border: 2px solid #a4000f; }",
    ".ask button { align-self: flex-start; }",
    /* in the panel the conversation gets the room: a compact notice, the key hint for screen readers only */
    ".panel .notice { font-size: .85em; padding: .35rem .6rem; }",
    ".panel .keys { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);",
    "  white-space: nowrap; }",
    ".panel textarea { min-height: 3.3em; height: 3.3em; }",
    "@media (max-height: 32rem) {",
    "  .panel .chat { overflow-y: auto; }",
    "  .panel .log { flex: none; min-height: auto; overflow: visible; }",
    "}",
    "@media (max-width: 30rem) {",
    "  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; border: 0; }",
    "}",
    "@media (prefers-reduced-motion: no-preference) { .log { scroll-behavior: smooth; } }",
    "@media (forced-colors: active) { .launcher, button.primary, button[aria-pressed='true'] {",
    "  border: 2px solid ButtonText; } }"
  ].join("\n");

  /* ---------------------------------------------------------------- helpers */

  function apiBase(script) {
    var src = script && script.src;
    if (!src) {
      var found = document.querySelector("script[src$='widget.js']");
      src = found && found.src;
    }
    if (!src) {
      return window.location.origin;
    }
    var url = new URL(src, window.location.href);
    return url.origin + url.pathname.replace(/\/(static\/)?widget\.js$/, "").replace(/\/$/, "");
  }

  var BASE = apiBase(SCRIPT);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
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
    }
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  /* Icons drawn for this widget (no emoji font needed), hidden from screen readers. */
  var THUMB = "M2 10h4v11H2zM8 10l4-7c1.6 0 2.6 1.2 2.2 2.9L13.4 10H20c1.2 0 2.1 1 1.9 2.2l-1.5 7.2" +
              "c-.2 1-1.1 1.6-2.1 1.6H8z";
  var BUBBLE = "M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";

  function icon(d, rotate) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "1.1em");
    svg.setAttribute("height", "1.1em");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", d);
    if (rotate) {
      path.setAttribute("transform", "rotate(180 12 12)");
    }
    svg.appendChild(path);
    return svg;
  }

  function safeUrl(value) {
    if (!value || typeof value !== "string") {
      return null;
    }
    try {
      var url = new URL(value, BASE + "/");
      return (url.protocol === "https:" || url.protocol === "http:") ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function formatDate(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    if (!m) {
      return iso || "";
    }
    if (lang === "de") {
      return m[3] + "." + m[2] + "." + m[1];
    }
    var date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return date.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  }

  function ApiError(kind, seconds) {
    this.kind = kind;
    this.seconds = seconds;
  }

  function postJSON(path, body, accept, signal) {
    return fetch(BASE + path, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "strict-origin-when-cross-origin",
      headers: {"Content-Type": "application/json", "Accept": accept},
      body: JSON.stringify(body),
      signal: signal
    });
  }

  async function errorFor(response) {
    var seconds = 0;
    var code = "";
    try {
      var data = await response.json();
      code = data && data.error || "";
      seconds = data && data.retry_after || 0;
    } catch (e) { /* not JSON: the status decides */ }
    if (response.status === 429) {
      seconds = parseFloat(response.headers.get("Retry-After")) || seconds || 10;
      return new ApiError("rateLimited", Math.max(1, Math.ceil(seconds)));
    }
    if (response.status === 403) {
      return new ApiError(code === "origin_not_allowed" ? "forbidden" : "failed");
    }
    if (response.status === 400 && code === "config_error") {
      return new ApiError("misconfigured");
    }
    if (response.status === 400 || response.status === 422) {
      return new ApiError("badQuestion");
    }
    if (response.status === 503) {
      return new ApiError("unavailable");
    }
    return new ApiError("failed");
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

  /* ---------------------------------------------------------------- the element */

  class RathausAssistant extends HTMLElement {
    connectedCallback() {
      if (this._built) {
        return;
      }
      this._built = true;
      this._count = 0;
      this._busy = false;
      var langAttr = (this.getAttribute("lang") || "").toLowerCase();
      if (!langAttr) {
        var holder = this.parentElement && this.parentElement.closest("[lang]");
        langAttr = ((holder && holder.getAttribute("lang")) || document.documentElement.lang || "de").toLowerCase();
      }
      this.lang_ = langAttr.indexOf("en") === 0 ? "en" : "de";
      this.t = TEXTS[this.lang_];
      this.assistant = this.getAttribute("assistant") || "public";
      this.inline = this.getAttribute("mode") === "inline";
      this.build();
    }

    build() {
      var t = this.t;
      var root = this.attachShadow({mode: "open"});
      this.root = root;
      if ("adoptedStyleSheets" in Document.prototype && typeof CSSStyleSheet === "function" &&
          "replaceSync" in CSSStyleSheet.prototype) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.appendChild(el("style", {text: CSS}));
      }
      var wrapper = el("section", {className: "rathaus " + (this.inline ? "inline" : "floating"),
                                   lang: this.lang_, "aria-label": t.region});
      var chat = this.buildChat();
      if (this.inline) {
        wrapper.appendChild(chat);
      } else {
        this.launcher = el("button", {type: "button", className: "launcher", "aria-expanded": "false",
                                      "aria-controls": "panel"},
                           [icon(BUBBLE), t.launcher]);
        this.closeButton = el("button", {type: "button", className: "close", "aria-label": t.close},
                              [el("span", {"aria-hidden": "true", text: "×"})]);
        this.panel = el("div", {id: "panel", className: "panel", role: "dialog", "aria-modal": "false",
                                "aria-labelledby": "title", hidden: true},
                        [el("div", {className: "head"}, [el("h2", {id: "title", text: t.title}), this.closeButton]),
                         chat]);
        wrapper.appendChild(this.launcher);
        wrapper.appendChild(this.panel);
        this.launcher.addEventListener("click", () => (this.panel.hidden ? this.open() : this.close()));
        this.closeButton.addEventListener("click", () => this.close());
        wrapper.addEventListener("keydown", (event) => {
          if (event.key === "Escape" && !event.defaultPrevented && !this.panel.hidden) {
            event.preventDefault();
            this.close();
          }
        });
      }
      root.appendChild(wrapper);
    }

    buildChat() {
      var t = this.t;
      this.log = el("div", {className: "log", role: "log", "aria-live": "polite", "aria-label": t.log});
      this.textarea = el("textarea", {id: "question", name: "question", rows: "3", maxlength: String(MAX_CHARS),
                                      placeholder: t.placeholder, autocomplete: "off",
                                      "aria-describedby": "notice keys"});
      this.formError = el("p", {id: "form-error", className: "error", role: "alert"});
      this.form = el("form", {className: "ask", novalidate: true}, [
        el("p", {id: "notice", className: "notice"}, [el("strong", {text: t.noticeLabel}), " " + t.notice]),
        el("label", {for: "question", text: t.label}),
        this.textarea,
        el("p", {id: "keys", className: "keys", text: t.keys}),
        this.formError,
        el("button", {type: "submit", className: "primary", text: t.send})
      ]);
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.submit();
      });
      this.textarea.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.submit();
        }
      });
      this.textarea.addEventListener("input", () => this.showFormError(""));
      return el("div", {className: "chat"}, [this.log, this.form]);
    }

    open() {
      if (this.inline || !this.panel.hidden) {
        return;
      }
      this.panel.hidden = false;
      this.launcher.setAttribute("aria-expanded", "true");
      this.textarea.focus();
    }

    close() {
      if (this.inline || this.panel.hidden) {
        return;
      }
      this.panel.hidden = true;
      this.launcher.setAttribute("aria-expanded", "false");
      this.launcher.focus();
    }

    showFormError(message) {
      this.formError.textContent = message;
      if (message) {
        this.textarea.setAttribute("aria-invalid", "true");
        this.textarea.setAttribute("aria-describedby", "form-error notice keys");
      } else {
        this.textarea.removeAttribute("aria-invalid");
        this.textarea.setAttribute("aria-describedby", "notice keys");
      }
    }

    /* ------------------------------------------------------------ asking */

    submit() {
      var t = this.t;
      var question = this.textarea.value.trim();
      if (this._busy) {
        this.showFormError(t.busy);
        return;
      }
      if (!question) {
        this.showFormError(t.empty);
        this.textarea.focus();
        return;
      }
      if (question.length > MAX_CHARS) {
        this.showFormError(t.tooLong);
        this.textarea.focus();
        return;
      }
      this.showFormError("");
      this.textarea.value = "";
      this.ask(question);
    }

    async ask(question) {
      var t = this.t;
      var n = ++this._count;
      var view = this.addExchange(question, n);
      this._busy = true;
      var controller = typeof AbortController === "function" ? new AbortController() : null;
      var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
      try {
        var response = await postJSON("/api/v1/ask", {question: question, assistant: this.assistant,
                                                      language: this.lang_},
                                      "text/event-stream", controller && controller.signal);
        if (!response.ok) {
          throw await errorFor(response);
        }
        var finished = false;
        await readEvents(response, (name, data) => {
          if (name === "sources") {
            (data || []).forEach(function (s) { view.known[s.n] = s; });
          } else if (name === "text") {
            this.appendText(view, view.text, data.text);
          } else if (name === "notice") {
            this.addNotice(view, data.text);
          } else if (name === "done") {
            finished = true;
            this.finish(view, data);
          } else if (name === "error") {
            finished = true;
            throw new ApiError(data && data.error === "backend_error" ? "unavailable" :
                               (data && data.error === "invalid_input" ? "badQuestion" : "failed"));
          }
        });
        if (!finished) {
          throw new ApiError("interrupted");
        }
      } catch (error) {
        var kind = error instanceof ApiError ? error.kind :
          (error && error.name === "AbortError" ? "interrupted" : "network");
        var message = (t[kind] || t.failed).replace("{s}", String(error.seconds || ""));
        this.fail(view, message);
      } finally {
        if (timer) {
          clearTimeout(timer);
        }
        if (controller) {
          controller.abort(); // releases a stream left unread after an error event; no-op once complete
        }
        this._busy = false;
        if (this.formError.textContent === t.busy) {
          this.showFormError("");
        }
      }
    }

    addExchange(question, n) {
      var t = this.t;
      var text = el("p", {className: "answer-text"}, [el("span", {className: "vh", text: t.answer})]);
      var pending = el("p", {className: "pending", text: t.pending});
      var answer = el("div", {className: "answer"}, [pending]);
      var node = el("div", {className: "exchange", id: "exchange-" + n}, [
        el("p", {className: "question"}, [el("span", {className: "vh", text: t.you}), question]),
        answer
      ]);
      this.log.appendChild(node);
      this.log.setAttribute("tabindex", "0"); // scrollable with the keyboard once it has content
      this.log.scrollTop = node.offsetTop - this.log.offsetTop;
      return {n: n, node: node, answer: answer, text: text, pending: pending, known: {}, notices: null,
              hasText: false};
    }

    clearPending(view) {
      if (view.pending) {
        view.pending.remove();
        view.pending = null;
      }
    }

    appendText(view, target, text) {
      if (!view.hasText && target === view.text) {
        this.clearPending(view);
        view.answer.insertBefore(view.text, view.answer.firstChild);
        view.hasText = true;
      }
      var t = this.t;
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
                              "aria-label": t.source + number + (title ? ": " + title : "")},
                        ["[" + number + "]"]);
          link.addEventListener("click", (event) => this.jumpToSource(event, view, number));
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

    jumpToSource(event, view, number) {
      var item = this.root.getElementById("src-" + view.n + "-" + number);
      event.preventDefault();
      if (item) {
        item.scrollIntoView({block: "nearest"});
        item.focus();
      }
    }

    addNotice(view, text) {
      if (!view.notices) {
        view.notices = el("ul", {className: "notices", "aria-label": this.t.notices});
        view.answer.appendChild(view.notices);
      }
      var item = el("li");
      this.appendText(view, item, text);
      view.notices.appendChild(item);
    }

    finish(view, result) {
      var t = this.t;
      this.clearPending(view);
      if (!view.hasText && result.answer) {
        this.appendText(view, view.text, result.answer);
      }
      var citations = (result.citations || []).slice().sort(function (a, b) { return a.n - b.n; });
      if (citations.length) {
        var titleId = "sources-" + view.n;
        var list = el("ol", {className: "sources", "aria-labelledby": titleId});
        citations.forEach((c) => list.appendChild(this.sourceItem(view, c)));
        view.answer.appendChild(el("p", {className: "sources-title", id: titleId, text: t.sources}));
        view.answer.appendChild(list);
      }
      if (result.provenance_id) {
        view.answer.appendChild(this.feedback(view, result.provenance_id));
      }
    }

    sourceItem(view, c) {
      var t = this.t;
      var href = safeUrl(c.url);
      var title = c.title || c.document_id || "";
      var heading = href ?
        el("a", {href: href, target: "_blank", rel: "noopener noreferrer"},
           [title, el("span", {className: "vh", text: t.newWindow})]) :
        el("span", {className: "title", text: title});
      var meta = [];
      if (c.date) {
        meta.push(formatDate(c.date, this.lang_));
      }
      if (c.page) {
        meta.push(t.page + " " + c.page);
      }
      var children = [heading];
      if (meta.length) {
        children.push(" ", el("span", {className: "meta", text: "(" + meta.join(", ") + ")"}));
      }
      if (c.text) {
        children.push(el("details", {}, [el("summary", {text: t.passage}),
                                         el("blockquote", {text: c.text})]));
      }
      return el("li", {id: "src-" + view.n + "-" + c.n, value: String(c.n), tabindex: "-1"}, children);
    }

    fail(view, message) {
      this.clearPending(view);
      view.answer.appendChild(el("p", {className: "error", text: message}));
    }

    /* ------------------------------------------------------------ feedback */

    feedback(view, provenanceId) {
      var t = this.t;
      var n = view.n;
      var vote = 0;
      var questionId = "fb-question-" + n;
      var up = el("button", {type: "button", className: "vote", "aria-pressed": "false"}, [icon(THUMB), t.up]);
      var down = el("button", {type: "button", className: "vote", "aria-pressed": "false"}, [icon(THUMB, true), t.down]);
      var select = el("select", {id: "fb-reason-" + n},
                      [el("option", {value: "", text: t.reasonPick})].concat(REASONS.map(function (r) {
                        return el("option", {value: r, text: t.reasons[r]});
                      })));
      var send = el("button", {type: "button", className: "primary", text: t.sendFeedback});
      var message = el("p", {className: "fb-message"});
      var sending = false;
      var group = el("div", {className: "feedback", role: "group", "aria-labelledby": questionId}, [
        el("p", {className: "fb-question", id: questionId, text: t.feedbackQuestion}),
        el("div", {className: "fb-row"}, [up, down]),
        el("div", {className: "fb-row"}, [el("label", {for: "fb-reason-" + n, text: t.reason}), select, send]),
        message
      ]);
      function choose(value) {
        vote = value;
        up.setAttribute("aria-pressed", String(value === 1));
        down.setAttribute("aria-pressed", String(value === -1));
        if (value === 1 && !select.value) {
          select.value = "hilfreich";
        } else if (value === -1 && select.value === "hilfreich") {
          select.value = "";
        }
        message.textContent = "";
        message.className = "fb-message";
      }
      up.addEventListener("click", function () { choose(1); });
      down.addEventListener("click", function () { choose(-1); });
      send.addEventListener("click", async () => {
        var problem = !vote ? t.needVote : (!select.value ? t.needReason : "");
        if (problem) {
          message.textContent = problem;
          message.className = "fb-message error";
          return;
        }
        if (sending) {
          return;
        }
        sending = true; // not `disabled`: that would take the keyboard focus away from the button
        try {
          var response = await postJSON("/api/v1/feedback", {provenance_id: provenanceId, vote: vote,
                                                             reason: select.value}, "application/json");
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          var thanks = el("p", {className: "fb-thanks", tabindex: "-1", text: t.thanks});
          var hadFocus = group.contains(this.root.activeElement);
          group.replaceChildren(thanks);
          group.removeAttribute("role");
          group.removeAttribute("aria-labelledby");
          if (hadFocus) {
            thanks.focus();
          }
        } catch (error) {
          sending = false;
          message.textContent = t.feedbackFailed;
          message.className = "fb-message error";
        }
      });
      return group;
    }
  }

  window.customElements.define("rathaus-assistant", RathausAssistant);

  function autoAppend() {
    if (!document.querySelector("rathaus-assistant")) {
      document.body.appendChild(document.createElement("rathaus-assistant"));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", autoAppend);
  } else {
    autoAppend();
  }
})();
