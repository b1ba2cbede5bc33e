/*! Rathaus staff area "Intern" (EUPL-1.2).
 *
 * The administration /intern/verwaltung (pages/staff/verwaltung.html): users, org units, collections and
 * the audit log. Someone who is not an administrator gets pages/staff/verboten.html at the same address,
 * which loads this module too: there only the header works (it has no form #add-user).
 */

import {api, errorParts, getSession, startPage} from "./api.js";
import {$, busy, el, fill, formatDateTime, say, setFieldError, splitList, table} from "./common.js";
import {T} from "./texts.js";

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
      var entries = (await api("GET", "/api/v1/admin/audit?limit=20&newest_first=true")).data.entries;
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

startPage(function () {
  if ($("add-user")) {
    initAdmin();
  }
});
