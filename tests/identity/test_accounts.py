"""Accounts: argon2id passwords, hierarchical org units, tokens kept only as hashes, and access that
follows the database (not a cached session)."""

from __future__ import annotations

import pytest

from rathaus.documents import Access
from rathaus.errors import InputError, NotFound
from rathaus.identity.accounts import MIGRATIONS, Accounts, normalise_group


@pytest.fixture
def accounts(small_db):
    a = Accounts(small_db("identity", MIGRATIONS))
    a.add_group("stadt")
    a.add_group("dezernat-2", parent="stadt")
    a.add_group("stadt/dezernat-2/amt-32", description="Ordnungsamt")
    yield a
    a.close()


def test_passwords_are_argon2id_hashes(accounts):
    accounts.add_user("mmeier", "Sommer im Rathaus 2026", groups=["stadt/dezernat-2/amt-32"])
    stored = accounts.db.conn().execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and "Sommer" not in stored
    assert accounts.verify_password("MMeier", "Sommer im Rathaus 2026").name == "mmeier"
    assert accounts.verify_password("mmeier", "Sommer im Rathaus 2025") is None
    assert accounts.verify_password("niemand", "Sommer im Rathaus 2026") is None
    accounts.set_password("mmeier", "Winter im Rathaus 2026")
    assert accounts.verify_password("mmeier", "Sommer im Rathaus 2026") is None
    assert accounts.verify_password("mmeier", "Winter im Rathaus 2026") is not None


def test_single_sign_on_users_have_no_password_to_guess(accounts):
    accounts.add_user("sso", None)
    assert accounts.verify_password("sso", "") is None and not accounts.user("sso").has_password


@pytest.mark.parametrize("name, password, message", [
    ("Müller", "lang genug, wirklich", "Benutzername"), ("a b", "lang genug, wirklich", "Benutzername"),
    ("kurz", "zu kurz", "12 Zeichen"),
])
def test_bad_accounts_are_refused_in_german(accounts, name, password, message):
    with pytest.raises(InputError) as info:
        accounts.add_user(name, password)
    assert message in info.value.user_message
    assert accounts.users() == []


def test_groups_are_paths_whose_parents_exist(accounts):
    assert [g for g, _, _ in accounts.groups()] == ["stadt", "stadt/dezernat-2", "stadt/dezernat-2/amt-32"]
    with pytest.raises(InputError):
        accounts.add_group("amt-40", parent="stadt/dezernat-4")
    assert normalise_group(" /Stadt/Dezernat-2/ ") == "stadt/dezernat-2"
    for bad in ("", "/", "stadt/../x", "stadt/amt 32", "stadt/ämt"):
        with pytest.raises(InputError):
            normalise_group(bad)
    with pytest.raises(InputError):
        accounts.add_user("x", None, groups=["stadt/dezernat-9"])


def test_access_follows_membership_and_the_hierarchy(accounts):
    user = accounts.add_user("mmeier", None, groups=["stadt/dezernat-2/amt-32"])
    access = user.access()
    assert access == Access(frozenset({"stadt/dezernat-2/amt-32", "~mmeier"}), authenticated=True)
    assert access.expanded_groups() == ["stadt", "stadt/dezernat-2", "stadt/dezernat-2/amt-32", "~mmeier"]
    assert not access.admin
    admin = accounts.add_user("chefin", None, role="admin")
    assert admin.is_admin and not admin.access().admin  # the admin role manages; it does not read everything


def test_tokens_are_stored_as_hashes_and_can_be_revoked(accounts):
    accounts.add_user("mmeier", None)
    token = accounts.create_token("mmeier", "Fachverfahren")
    stored = repr(accounts.db.conn().execute("SELECT * FROM tokens").fetchall())
    assert token not in stored and token[4:20] not in stored
    if accounts.path is not None:  # the SQLite file, every page of it
        raw = accounts.path.read_bytes()
        assert token.encode() not in raw and token[4:20].encode() not in raw
    assert accounts.user_for_token(token).name == "mmeier"
    assert accounts.user_for_token(token + "x") is None and accounts.user_for_token("") is None
    [listed] = accounts.tokens()
    assert listed.label == "Fachverfahren" and listed.last_used and not listed.revoked
    accounts.revoke_token(listed.id)
    assert accounts.user_for_token(token) is None
    with pytest.raises(NotFound):
        accounts.revoke_token(999)
    with pytest.raises(NotFound):
        accounts.create_token("niemand")


def test_deleting_nothing_when_a_change_fails(accounts):
    accounts.add_user("mmeier", None, groups=["stadt"])
    with pytest.raises(InputError):
        accounts.set_groups("mmeier", ["stadt/dezernat-2", "stadt/gibts-nicht"])
    assert accounts.user("mmeier").groups == ("stadt",)  # the failed change left the old groups in place
    with pytest.raises(InputError):
        accounts.set_role("mmeier", "superuser")
    assert accounts.user("mmeier").role == "user"
