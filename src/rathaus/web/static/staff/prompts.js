/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The prompt library /intern/vorlagen (pages/staff/vorlagen.html): search, show a prompt and its
 * versions, write or change one, delete it, fill in its placeholders, and copy the text or send it to the
 * assistant (through sessionStorage, see DRAFT_KEY in common.js).
 */

import {api, errorParts, startPage} from "./api.js";
import {$, busy, copyText, DRAFT_KEY, el, fill,
        formatDate, say, setFieldError, splitList, withLang} from "./common.js";
import {T} from "./texts.js";

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

startPage(initPrompts);
