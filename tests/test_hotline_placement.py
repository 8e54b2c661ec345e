"""A number written under the wrong country is an error at its line and column."""

from __future__ import annotations

from campaign.core.diagnostics import errors
from campaign.project import load


def problems(project_copy, rel: str, text: str):
    (project_copy / rel).write_text(text, encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    return [(d.pos.line, d.pos.col, d.message) for d in errors(diags) if d.pos.path == rel]


def test_a_cambodian_number_in_a_line_about_thailand(project_copy):
    got = problems(project_copy, "docs/en/numbers.md",
                   "# Numbers\n\n- In Thailand: call 1694 or 117.\n- In Cambodia: call 117.\n")
    assert got == [(3, 29, "117 is a number to call in Cambodia (hotline 'kh-police-117'), "
                           "but this text is about Thailand")]


def test_the_heading_says_which_country_the_lines_below_are_about(project_copy):
    got = problems(project_copy, "docs/km/numbers.md", "---\nreview: needed\n---\n# លេខ\n\n## នៅប្រទេសថៃ\n\n"
                   "- ហៅលេខ 1694\n- ហៅលេខ 1297\n\n## នៅប្រទេសកម្ពុជា\n\n- ហៅលេខ 1297\n")
    assert [(line, col) for line, col, _ in got] == [(9, 9)]
    assert "1297 is a number to call in Cambodia" in got[0][2]


def test_a_poster_line_is_checked_too_and_mixed_lines_are_left_alone(project_copy):
    rel = "docs/en/posters/hotlines.md"
    text = (project_copy / rel).read_text(encoding="utf-8")
    assert problems(project_copy, rel, text + "- Cambodia or Thailand: 117 and 1694.\n") == []
    got = problems(project_copy, rel, text.replace("- In Cambodia: call 117.", "- In Cambodia: call 1546."))
    assert len(got) == 1 and "1546 is a number to call in Thailand" in got[0][2]
