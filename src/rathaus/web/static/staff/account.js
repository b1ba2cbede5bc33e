/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The own account /intern/konto (pages/staff/konto.html): API tokens, made, listed and revoked.
 */

import {api, errorParts, startPage} from "./api.js";
import {$, busy, copyText, el, fill, formatDateTime, say, table} from "./common.js";
import {T} from "./texts.js";

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

startPage(initAccount);
