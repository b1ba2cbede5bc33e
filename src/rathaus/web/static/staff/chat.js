/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The internal assistant /intern (pages/staff/assistent.html): questions with streamed answers
 * (Server-Sent Events from POST /api/v1/ask) and their sources, the list of conversations (open, delete),
 * own files to ask about (uploads.js), and a filled-in prompt handed over from the prompt library.
 */

import {api, ApiError, errorParts, readEvents, startPage} from "./api.js";
import {$, busy, DRAFT_KEY, el, fill, formatDate,
        formatDateTime, safeUrl, say, setFieldError, withLang} from "./common.js";
import {LANG, T} from "./texts.js";
import {initUploads} from "./uploads.js";

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

startPage(function () {
  initUploads();
  initChat();
});
