/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The sign-in page /intern/anmelden (pages/staff/anmelden.html): name and password to POST /api/v1/session,
 * then on to the page the user wanted (data-next).
 */

import {errorParts, toError} from "./api.js";
import {$, busy, fill, onReady, say, setFieldError, withLang} from "./common.js";
import {T} from "./texts.js";

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

onReady(initSignIn);
