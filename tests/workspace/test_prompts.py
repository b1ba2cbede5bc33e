"""The prompt library: who sees and changes a template, versions, variables, and the starter prompts."""

from __future__ import annotations

import pytest

from rathaus.errors import InputError, NotFound
from rathaus.identity.accounts import User
from rathaus.workspace.db import MIGRATIONS
from rathaus.workspace.prompts import PromptForbidden, PromptLibrary


def user(name: str, *groups: str, role: str = "user") -> User:
    return User(1, name, "", role, False, tuple(groups), False)


ANNA = user("anna", "stadt/dezernat-2/amt-32", role="curator")
BEN = user("ben", "stadt/dezernat-2/amt-32/sachgebiet-1")
CARL = user("carl", "stadt/dezernat-3")


@pytest.fixture
def library(small_db):
    db = small_db("workspace", MIGRATIONS)
    yield PromptLibrary(db)
    db.close()


def test_personal_prompts_are_private_and_versioned(library):
    p = library.create(BEN, "Antwort an Bürger", "Antworte freundlich auf {{anfrage}} mit {{ fakten }}.")
    assert p.variables == ["anfrage", "fakten"] and p.version == 1 and p.owner_kind == "user"
    assert [x.id for x in library.visible(BEN)] == [p.id]
    for other in (ANNA, CARL):
        assert library.visible(other) == []
        with pytest.raises(NotFound):
            library.get(other, p.id)
    changed = library.update(BEN, p.id, body="Antworte kurz auf {{anfrage}}.")
    assert changed.version == 2 and changed.variables == ["anfrage"]
    assert library.get(BEN, p.id, version=1).body.startswith("Antworte freundlich")
    assert [v[0] for v in library.versions(BEN, p.id)] == [2, 1]


def test_unit_prompts_reach_the_unit_and_below_and_only_its_curators_change_them(library):
    p = library.create(ANNA, "Vermerk Ordnungsamt", "Vermerk zu {{thema}}", owner_group="stadt/dezernat-2/amt-32")
    assert p.id in [x.id for x in library.visible(BEN)]  # a member of a sub-unit
    assert library.visible(CARL) == []
    with pytest.raises(PromptForbidden):
        library.update(BEN, p.id, body="anders {{thema}}")
    with pytest.raises(PromptForbidden):
        library.create(CARL, "Fremd", "x", owner_group="stadt/dezernat-2/amt-32")
    shared = library.update(ANNA, p.id, shared_with=["stadt/dezernat-3"])
    assert shared.shared_with == ["stadt/dezernat-3"] and p.id in [x.id for x in library.visible(CARL)]
    library.delete(ANNA, p.id)
    assert library.visible(BEN) == [] and library.visible(CARL) == []


def test_rendering_needs_every_variable(library):
    p = library.create(BEN, "Brief", "Sehr geehrte {{anrede}} {{name}},\n{{text}}")
    assert library.render(BEN, p.id, {"anrede": "Frau", "name": "Roth", "text": "danke."}) == \
        "Sehr geehrte Frau Roth,\ndanke."
    with pytest.raises(InputError) as info:
        library.render(BEN, p.id, {"anrede": "Frau", "name": " "})
    assert "name, text" in info.value.user_message


@pytest.mark.parametrize("title, body", [("", "x"), ("T" * 121, "x"), ("Titel", ""), ("Titel", "x" * 20_001)])
def test_bad_prompts_are_refused_in_german(library, title, body):
    with pytest.raises(InputError) as info:
        library.create(BEN, title, body)
    assert info.value.user_message.startswith(("Bitte", "Der Vorlagentext"))


def test_starter_prompts_are_installed_once_for_everyone(library):
    assert library.install_starters() >= 10
    assert library.install_starters() == 0
    starters = library.visible(CARL)
    assert len(starters) >= 10 and all(p.owner_kind == "system" and not p.can_edit for p in starters)
    assert all(p.variables for p in starters)  # each has something to fill in
    assert library.visible(CARL, "einfache sprache")[0].title == "In Einfache Sprache übertragen"
    with pytest.raises(PromptForbidden):
        library.update(ANNA, starters[0].id, body="x")
