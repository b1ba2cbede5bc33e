/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The staff API (/api/v1/…) as every staff page uses it: the session, the CSRF token, one fetch helper,
 * the words for an error, reading Server-Sent Events, the sign-out button in the header, and startPage()
 * that each page module (except the sign-in) calls.
 *
 * Every call goes to this server with the session cookie. Every change (POST, PUT, PATCH, DELETE) carries
 * the session's CSRF token in X-CSRF-Token; the token comes from GET /api/v1/session when the page loads and
 * lives only in this module's memory. Without a session the browser goes to the sign-in page and comes back.
 */

import {$, el, fill, onReady, say, withLang} from "./common.js";
import {LANG, T} from "./texts.js";

function signInUrl() {
  return "/intern/anmelden?next=" + encodeURIComponent(location.pathname + location.search) +
    (LANG === "en" ? "&lang=en" : "");
}

export function ApiError(status, data, retryAfter) {
  this.status = status;
  this.data = data || {};
  this.retryAfter = retryAfter;
}

export async function toError(response) {
  var data = null;
  try {
    data = await response.json();
  } catch (e) { /* not JSON: the status decides */ }
  return new ApiError(response.status, data, response.headers.get("Retry-After"));
}

/* The words for an error: a specific text by status or error code, the server's German message,
   or a general text by status. Returns parts for say(). */
export function errorParts(error, specific) {
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

let sessionPromise = null;

export function getSession(fresh) {
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
export async function api(method, path, body, options) {
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
export async function readEvents(response, onEvent) {
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

/* ---------------------------------------------------------------- every page but the sign-in */

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

/* Starts a staff page: the sign-out button and the session (with its CSRF token), then the page's own part. */
export function startPage(init) {
  onReady(function () {
    initHeader();
    init();
  });
}
