"""Poster sources: front matter validation, positions, and the shipped posters (no browser)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from campaign.core.diagnostics import errors
from campaign.content.hotlines.model import load_hotlines
from campaign.content.posters.source import load_posters, parse_poster

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hotlines():
    h, diags = load_hotlines(ROOT / "data" / "hotlines.yaml", "data/hotlines.yaml")
    assert not errors(diags)
    return h


def poster(text: str, hotlines, tmp_path: Path, lang: str = "en", name: str = "test.md"):
    file = tmp_path / name
    file.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return parse_poster(file.read_text(encoding="utf-8"), file, f"docs/{lang}/posters/{name}",
                        lang, hotlines)


GOOD = """
---
title: Test poster
hotline: th-doe-1694
sizes: [a4, a3]
accent: "#1d4e89"
sources:
  - https://example.org/a
checked: 2026-11
---
- One line.
"""


def test_good_poster_reads(hotlines, tmp_path):
    p, diags = poster(GOOD, hotlines, tmp_path)
    assert not diags
    assert (p.slug, p.hotline, p.sizes, p.accent) == ("test", "th-doe-1694", ("a4", "a3"), "#1d4e89")
    assert p.body_line == 10 and p.body.strip() == "- One line."
    assert p.review_needed is False


def test_unknown_paper_size_points_at_the_item(hotlines, tmp_path):
    _, diags = poster(GOOD.replace("sizes: [a4, a3]", "sizes:\n  - a4\n  - a33"), hotlines, tmp_path)
    (d,) = errors(diags)
    assert str(d.pos) == "docs/en/posters/test.md:6:5"  # the line of "- a33"
    assert "unknown paper size 'a33'" in d.message and "'a3'" in d.expected


def test_unknown_hotline_suggests_closest(hotlines, tmp_path):
    _, diags = poster(GOOD.replace("th-doe-1694", "th-doe-1649"), hotlines, tmp_path)
    (d,) = errors(diags)
    assert d.pos.line == 3 and "unknown hotline 'th-doe-1649'" in d.message
    assert "th-doe-1694" in d.expected


def test_missing_image_is_an_error_at_its_line(hotlines, tmp_path):
    text = GOOD.replace("checked: 2026-11", "checked: 2026-11\nimage: pics/none.png\nimage_alt: x")
    _, diags = poster(text, hotlines, tmp_path)
    (d,) = errors(diags)
    assert d.pos.line == 9 and "image 'pics/none.png' not found" in d.message


def test_unquoted_colour_and_light_colour(hotlines, tmp_path):
    _, diags = poster(GOOD.replace('accent: "#1d4e89"', "accent: #1d4e89"), hotlines, tmp_path)
    assert any("accent" in d.message and "quotes" in d.expected for d in errors(diags))
    _, diags = poster(GOOD.replace('"#1d4e89"', '"#ffee99"'), hotlines, tmp_path)
    assert any("too light" in d.message for d in errors(diags))


def test_khmer_poster_must_say_whether_reviewed(hotlines, tmp_path):
    p, diags = poster(GOOD, hotlines, tmp_path, lang="km")
    assert p.review_needed  # not saying counts as not reviewed, and staff are told
    assert any("reviewed by a native speaker" in d.message and "review: needed" in d.expected
               for d in diags if d.severity == "warning")


def test_every_problem_reported_at_once(hotlines, tmp_path):
    text = """
    ---
    title: x
    hotline: nope
    sizes: [b5]
    colour: "#000000"
    sources: [ftp://x]
    ---
    """
    _, diags = poster(text, hotlines, tmp_path)
    messages = " | ".join(d.message for d in errors(diags))
    for part in ("unknown hotline", "unknown paper size", "unknown field 'colour'",
                 "not a web address", "has no 'checked'", "no text"):
        assert part in messages


def test_shipped_posters_are_valid_and_paired():
    h, _ = load_hotlines(ROOT / "data" / "hotlines.yaml", "data/hotlines.yaml")
    posters, diags = load_posters(ROOT / "docs", ("km", "en"), h)
    assert not diags, "\n".join(map(str, diags))
    slugs = {p.slug for p in posters}
    assert {"safe-migration-checklist", "know-your-rights", "broker-warning-signs", "hotlines",
            "womens-safety", "money"} <= slugs
    for slug in slugs:
        langs = {p.lang for p in posters if p.slug == slug}
        assert langs == {"km", "en"}
    assert all(p.review_needed for p in posters if p.lang == "km")
    assert all(p.sources and p.checked for p in posters)


def test_gallery_and_printers_pages_have_markers():
    for lang in ("km", "en"):
        assert "<!-- campaign:posters-gallery -->" in (ROOT / "docs" / lang / "posters" / "index.md").read_text()
        assert "<!-- campaign:printers -->" in (ROOT / "docs" / lang / "printers.md").read_text()
