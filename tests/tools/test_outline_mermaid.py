"""Reading a model's outline, whatever its form, and writing it as valid Mermaid mindmap text."""

from __future__ import annotations

import pytest

from rathaus.tools.outline import MAX_DEPTH, MAX_NODES, check_mindmap, parse_tree, to_mermaid, to_outline

pytestmark = pytest.mark.unit

CLEAN = """mindmap
  root((Hundesteuer))
    Steuersatz
      120 Euro im Jahr
      180 Euro für weitere Hunde
    Befreiungen
      Blindenführhunde"""


def _shape(node) -> list:
    return [node.text, [_shape(c) for c in node.children]]


def test_clean_mermaid_round_trips():
    tree = parse_tree(CLEAN)
    assert to_mermaid(tree) == CLEAN
    assert _shape(check_mindmap(CLEAN)) == _shape(tree)


@pytest.mark.parametrize("reply", [
    # wrapped in a code fence, with bullets and shapes
    "```mermaid\nmindmap\n  root((Hundesteuer))\n    - Steuersatz\n      * 120 Euro im Jahr\n"
    "      * 180 Euro für weitere Hunde\n    - Befreiungen\n      * Blindenführhunde\n```",
    # a title line over a Markdown list
    "Hundesteuer\n- Steuersatz\n  - 120 Euro im Jahr\n  - 180 Euro für weitere Hunde\n- Befreiungen\n"
    "  - Blindenführhunde",
    # Markdown headings
    "# Hundesteuer\n## Steuersatz\n### 120 Euro im Jahr\n### 180 Euro für weitere Hunde\n## Befreiungen\n"
    "### Blindenführhunde",
    # node shapes with ids, tabs for indentation, a Mermaid comment and an icon line
    "mindmap\n\troot((Hundesteuer))\n\t\tA[Steuersatz]\n\t\t\tB(120 Euro im Jahr)\n\t\t\t{{180 Euro für weitere Hunde}}"
    "\n%% Kommentar\n\t\tBefreiungen\n\t\t\t::icon(fa fa-dog)\n\t\t\tBlindenführhunde",
    # the model starts over (small models loop): the second map is dropped
    CLEAN + "\n  root((Hundesteuer))\n    Steuersatz\n      120 Eu",
])
def test_messy_replies_become_the_same_valid_mindmap(reply):
    tree = parse_tree(reply)
    text = to_mermaid(tree)
    check_mindmap(text)
    assert text == CLEAN


def test_numbered_outlines_nest_by_their_numbers():
    tree = parse_tree("1. Anlass\n1.1 Beschluss vom 12. März\n2. Kosten\n2.1 Gesamt 230.000 €\n2.1.1 davon 40 % gefördert",
                      title="Straßenbeleuchtung")
    assert _shape(tree) == ["Straßenbeleuchtung", [
        ["Anlass", [["Beschluss vom 12. März", []]]],
        ["Kosten", [["Gesamt 230.000 €", [["davon 40 % gefördert", []]]]]]]]
    assert to_outline(tree) == ("Straßenbeleuchtung\n1. Anlass\n  1.1 Beschluss vom 12. März\n2. Kosten\n"
                                "  2.1 Gesamt 230.000 €\n    2.1.1 davon 40 % gefördert")
    check_mindmap(to_mermaid(tree))


def test_a_number_at_the_start_of_a_node_is_kept():
    tree = parse_tree("Hundesteuer\n- 120 Euro im Jahr\n- 2026 neu\n- 230.000 € Mehreinnahmen\n- 1. Januar 2026")
    assert [c.text for c in tree.children] == ["120 Euro im Jahr", "2026 neu", "230.000 € Mehreinnahmen",
                                               "1. Januar 2026"]


def test_node_text_loses_characters_mermaid_reads_as_markup():
    tree = parse_tree('mindmap\n  root((Kosten (brutto)))\n    Zuschuss [Land] {50 %}\n    "Eigenanteil"; **wichtig**')
    text = to_mermaid(tree)
    check_mindmap(text)
    assert [c.text for c in tree.children] == ["Zuschuss Land 50 %", "Eigenanteil wichtig"]
    assert "root((Kosten brutto))" in text


def test_flat_lines_hang_below_a_root():
    tree = parse_tree("Steuersatz\nBefreiungen\nMehreinnahmen", title="Hundesteuer")
    assert _shape(tree) == ["Hundesteuer", [["Steuersatz", []], ["Befreiungen", []], ["Mehreinnahmen", []]]]
    assert parse_tree("", title=None).text == "Übersicht"


def test_depth_and_size_are_limited():
    deep = "\n".join("  " * i + f"Ebene {i}" for i in range(10))
    tree = parse_tree(deep)
    check_mindmap(to_mermaid(tree))
    depth, node = 0, tree
    while node.children:
        node, depth = node.children[0], depth + 1
    assert depth == MAX_DEPTH
    wide = "Thema\n" + "\n".join(f"- Punkt {i}" for i in range(200))
    assert parse_tree(wide).count() == MAX_NODES


def test_repeated_siblings_merge():
    tree = parse_tree("Thema\n- Kosten\n  - 230.000 €\n- Kosten\n  - 40 % gefördert")
    assert _shape(tree) == ["Thema", [["Kosten", [["230.000 €", []], ["40 % gefördert", []]]]]]


@pytest.mark.parametrize(("text", "problem"), [
    ("root((A))\n  B", "first line"),
    ("mindmap\n  root((A))\n    B\n```", "code fence"),
    ("mindmap\n  Thema", "root"),
    ("mindmap\n  root((A))\n        B", "skips a level"),
    ("mindmap\n  root((A))\n     B", "indentation"),
    ("mindmap\n  root((A))\n    B(x)", "markup"),
    ("mindmap", "no root"),
])
def test_check_mindmap_rejects_broken_text(text, problem):
    with pytest.raises(ValueError, match=problem):
        check_mindmap(text)
