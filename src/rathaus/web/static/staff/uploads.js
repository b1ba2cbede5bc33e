/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * Uploads and removing documents, shared by the assistant (chat.js: own files to ask about) and the
 * documents page (documents.js: a collection and the own documents). The upload forms are
 * pages/staff/_upload.html and the form in assistent.html; the rows and their remove buttons are
 * pages/staff/_doc_rows.html.
 */

import {api, errorParts} from "./api.js";
import {$, busy, el, fill, formatDate, say, setFieldError} from "./common.js";
import {LANG, T} from "./texts.js";

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
    var publish = form.querySelector("input[name=publish_personal_data]");
    if (publish && publish.checked) {
      data.append("publish_personal_data", "true");
    }
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
      added.forEach(function (d) {
        if (d.personal_data_note) {  // German, like the API's user messages
          parts.push(el("p", {className: "notice"}, [d.file + ": ",
            LANG === "de" ? d.personal_data_note : el("span", {lang: "de", text: d.personal_data_note})]));
        }
      });
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

export function initRemoval() {
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

/* Every upload form on the page (the assistant's own files, a collection, the own documents). */
export function initUploads() {
  document.querySelectorAll("form.upload").forEach(initUpload);
}
