"""A build that reuses pages rendered by earlier builds (``.cache/pages``) and what it kept of
them (``.cache/memo``: fragments, calendars, search index) makes exactly the site a build from
nothing makes, after every kind of edit."""

from __future__ import annotations

import re
import shutil

from conftest import build_site
from test_preview import EDITS, _differences

URL = "https://example.org/campaign/"


def _reused(result) -> int:
    m = re.search(r"Kept from earlier builds: markdown (\d+) reused of \d+, page (\d+) reused of (\d+)",
                  result.stderr)
    assert m, result.stderr[-2000:]
    return int(m.group(2))


def test_a_build_reusing_earlier_pages_is_byte_for_byte_a_build_from_nothing(project_copy, tmp_path):
    first = build_site(project_copy, tmp_path / "first", URL)
    assert first.returncode == 0, first.stderr[-3000:]
    kept = project_copy / ".cache" / "pages"
    assert kept.is_dir()
    for name, (edit, shown, page) in EDITS.items():
        edit(project_copy)
        slug = name.replace(" ", "-")
        warm = build_site(project_copy, tmp_path / f"warm-{slug}", URL)
        assert warm.returncode == 0, warm.stderr[-3000:]
        if name != "theme":  # a theme edit changes every page: nothing to reuse
            assert _reused(warm) > 50, name
        shutil.rmtree(kept)
        shutil.rmtree(project_copy / ".cache" / "memo", ignore_errors=True)  # fragments, calendars, search
        cold = build_site(project_copy, tmp_path / f"cold-{slug}", URL)
        assert cold.returncode == 0, cold.stderr[-3000:]
        assert _reused(cold) == 0
        assert shown in (tmp_path / f"cold-{slug}" / page / "index.html").read_text(encoding="utf-8")
        assert _differences(tmp_path / f"warm-{slug}", tmp_path / f"cold-{slug}") == [], name


def test_kept_pages_are_only_those_of_the_last_build(project_copy, tmp_path):
    """What a build does not use is deleted after it: the cache stays the size of one site."""
    build_site(project_copy, tmp_path / "a", URL)
    kept = project_copy / ".cache" / "pages"
    count = sum(1 for p in kept.rglob("*") if p.is_file())
    for n in range(3):  # three different versions of a page: one kept at a time
        page = project_copy / "docs/en/rights.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\nEdited {n}.\n", encoding="utf-8")
        assert build_site(project_copy, tmp_path / f"b{n}", URL).returncode == 0
    assert sum(1 for p in kept.rglob("*") if p.is_file()) == count


def _anew(result) -> list[str]:
    m = re.search(r"Themed anew: ?(.*)", result.stderr)
    assert m, result.stderr[-2000:]
    return m.group(1).split()


def test_an_edit_renders_anew_only_the_pages_that_show_it(project_copy, tmp_path, monkeypatch):
    """A page's text: that page alone; an event's title: its page, its month's and its
    province's lists and the Tour page, in the language edited; no guide, no other event.
    (A title is in every page's navigation: all of its language's pages, as it should.)"""
    monkeypatch.setenv("CAMPAIGN_REUSE_DEBUG", "1")
    assert build_site(project_copy, tmp_path / "first", URL).returncode == 0
    for n, (source, output) in enumerate((("docs/en/rights.md", "en/rights/index.html"),
                                          ("docs/km/savings.md", "savings/index.html"))):
        page = project_copy / source
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        result = build_site(project_copy, tmp_path / f"page-{n}", URL)
        assert result.returncode == 0, result.stderr[-3000:]
        assert _anew(result) == [output]
    edit, shown, _ = EDITS["schedule"]
    edit(project_copy)
    result = build_site(project_copy, tmp_path / "schedule", URL)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _anew(result) == ["en/tour/2026-08/index.html", "en/tour/banteay-meanchey/index.html",
                             "en/tour/events/paoy-paet-theatre-2026-08-07/index.html", "en/tour/index.html"]
    assert shown in (tmp_path / "schedule/en/tour/index.html").read_text(encoding="utf-8")
