/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * What every staff page (under /intern) shares apart from the API: DOM helpers, formatting of dates and
 * numbers, links that keep the language, status and error messages (live regions, field errors), tables,
 * copying to the clipboard, and starting a page once the DOM is there. Text from the server or from users
 * is inserted with textContent / DOM APIs, never as HTML.
 *
 * The session, the CSRF token and the calls to the staff API are in api.js; the texts in texts.js; each
 * page has its own module (sign-in.js, chat.js, documents.js, tools.js, prompts.js, admin.js, account.js).
 */

import {LANG, T} from "./texts.js";

/* The only thing kept in the browser: a filled-in prompt on its way to the assistant (sessionStorage,
   written by prompts.js, removed by chat.js as soon as the assistant page reads it). */
export const DRAFT_KEY = "rathaus-intern-entwurf";

export function $(id) {
  return document.getElementById(id);
}

export function el(tag, attrs, children) {
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

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, function (all, key) {
    return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
  });
}

/* A link on this server that keeps the language: withLang("/intern", {gespraech: "…"}). */
export function withLang(path, params) {
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

export function formatDate(iso) {
  var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  if (!m) {
    return iso || "";
  }
  if (LANG === "de") {
    return m[3] + "." + m[2] + "." + m[1];
  }
  return m[1] + "-" + m[2] + "-" + m[3];
}

export function formatDateTime(iso) {
  var date = new Date(iso || "");
  if (isNaN(date.getTime())) {
    return iso || "";
  }
  return date.toLocaleString(LANG === "de" ? "de-DE" : "en-GB", {dateStyle: "medium", timeStyle: "short"});
}

export function formatNumber(value) {
  if (typeof value !== "number") {
    return String(value === null || value === undefined ? "" : value);
  }
  return value.toLocaleString(LANG === "de" ? "de-DE" : "en-GB", {maximumFractionDigits: 1});
}

export function safeUrl(value) {
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

export function splitList(value) {
  return String(value || "").split(",").map(function (s) { return s.trim(); }).filter(Boolean);
}

/* Replace what a live region says. */
export function say(region, parts) {
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
export function setFieldError(input, message) {
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

export async function copyText(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    say(status, T.copied);
  } catch (e) {
    say(status, T.copyFailed);
  }
}

/* A table: headers [text], rows [[cell, …]] where a cell is text or a node; the first cell is a row header. */
export function table(label, headers, rows) {
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

export function busy(form, on) {
  if (on) {
    form.setAttribute("aria-busy", "true");
    form.dataset.busy = "1";
  } else {
    form.removeAttribute("aria-busy");
    delete form.dataset.busy;
  }
}

/* Runs init once the DOM is there (module scripts run after parsing, so usually at once). The page's
   buttons come disabled (data-needs-js) and are enabled first, so nothing can be clicked before its
   handler exists (a form would otherwise submit itself the plain HTML way); then the page is marked
   ready (body[data-ready]). */
export function onReady(init) {
  function start() {
    document.querySelectorAll("button[data-needs-js]").forEach(function (button) {
      button.disabled = false;
      button.removeAttribute("data-needs-js");
    });
    init();
    document.body.dataset.ready = "1";
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
