/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The text tools /intern/werkzeuge?werkzeug=… (pages/staff/werkzeuge.html): summarise, plain language,
 * translate, outline or mind map, letter; the result with copy (and download for a mind map), and the
 * readability check.
 */

import {api, errorParts, startPage} from "./api.js";
import {$, busy, copyText, el, fill, formatNumber, say, setFieldError, table} from "./common.js";
import {LANG, T} from "./texts.js";

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

startPage(initTools);
