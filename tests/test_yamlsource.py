"""YAML is read as the author wrote it, with every problem located."""

from campaign.core.fields import Fields
from campaign.core.diagnostics import Position
from campaign.core.yamlsource import Map, Scalar, Seq, parse


def test_yaml_11_traps_stay_text():
    root, diags = parse("answer: no\ntime: 19:30\nflag: on\nzip: 012\n", "f.yaml")
    assert diags == []
    assert isinstance(root, Map)
    assert [root.get(k).text for k in ("answer", "time", "flag", "zip")] == ["no", "19:30", "on", "012"]


def test_duplicate_keys_are_errors_with_both_lines():
    root, diags = parse("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [str(d) for d in diags] == [
        "f.yaml:3:1: duplicate key 'a' (first at line 1) — expected each key once per block"]
    assert root.get("a").text == "1"  # the first one is kept, the second reported


def test_positions_are_one_based_line_and_column():
    root, _ = parse("events:\n  - id: x\n    title: hello\n", "f.yaml")
    item = root.get("events").items[0]
    assert item.get("title").pos == Position("f.yaml", 3, 12)
    assert item.key("title").pos == Position("f.yaml", 3, 5)


def test_syntax_error_is_a_diagnostic_not_an_exception():
    root, diags = parse("a: [1, 2\nb: 3\n", "bad.yaml")
    assert root is None
    assert len(diags) == 1 and diags[0].pos.path == "bad.yaml" and diags[0].pos.line >= 1
    assert "YAML syntax" in diags[0].message


def test_line_offset_for_front_matter():
    root, diags = parse("a: 1\na: 2\n", "page.md", line_offset=1)
    assert diags[0].pos == Position("page.md", 3, 1)


def test_aliases_do_not_blow_up_or_loop():
    text = "a: &x [1, 2]\nb: [*x, *x, *x]\n"
    root, diags = parse(text, "f.yaml")
    assert diags == [] and isinstance(root.get("b"), Seq)
    root, diags = parse("&a [*a]", "f.yaml")
    assert root is None or diags  # a self-reference is reported, never a RecursionError


def test_fields_report_every_problem_at_once():
    root, diags = parse("when: 2026-13-01\ncount: many\nkind: theatr\nok: yes\n", "e.yaml")
    f = Fields(root, diags, "event", Position("e.yaml", 1, 1))
    assert f.date("when") is None
    assert f.integer("count") is None
    assert f.choice("kind", ["theatre", "music"]) is None
    assert f.boolean("ok") is False
    f.check_keys(["when", "count", "kind", "ok"])
    lines = [str(d) for d in diags]
    assert lines == [
        "e.yaml:1:7: 'when' is '2026-13-01': month must be in 1..12 — expected a real calendar date as YYYY-MM-DD",
        "e.yaml:2:8: 'count' is 'many', not a whole number — expected a whole number such as 42",
        "e.yaml:3:7: unknown kind 'theatr' — expected one of 'theatre' (closest names)",
        "e.yaml:4:5: 'ok' is 'yes' — expected true or false (yes/no are not accepted)",
    ]


def test_quoted_empty_is_not_null():
    root, _ = parse('a: ""\nb:\nc: ~\n', "f.yaml")
    assert not root.get("a").is_null and root.get("b").is_null and root.get("c").is_null
    assert isinstance(root.get("a"), Scalar)
