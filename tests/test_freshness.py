"""Fact freshness: a fact checked longer ago than `fact_max_age_months` (12 by default) before
the build date is warned about at its checked value and listed by `campaign status`."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from campaign.cli import main
from campaign.core.checked import Checked, parse_checked, stale_warning

BUILD_DAY = dt.datetime(2026, 12, 15, 12, tzinfo=dt.timezone.utc)  # the build date of these tests


@pytest.fixture
def build_day(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(BUILD_DAY.timestamp())))


def set_checked(path, hotline_id: str, value: str) -> tuple[int, int]:
    """Give one hotline (or a poster, with hotline_id "") a checked date; its line and column."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if hotline_id in line) if hotline_id else 0
    n = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("checked:"))
    lines[n] = re.sub(r"checked:.*", f"checked: {value}", lines[n])
    path.write_text("".join(lines), encoding="utf-8")
    return n + 1, lines[n].index(value) + 1


def run(project, capsys, *args) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["-f", str(project / "mkdocs.yml"), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def stale_items(project, capsys) -> list[dict]:
    code, out = run(project, capsys, "status", "--json")
    assert code == 0, out
    return json.loads(out)["stale_facts"]


def test_a_hotline_checked_13_months_before_the_build_is_listed_and_warned(project_copy, capsys, build_day):
    line, col = set_checked(project_copy / "data/hotlines.yaml", "id: th-doe-1694", "2025-11")
    items = stale_items(project_copy, capsys)
    assert [(i["path"], i["line"], i["checked"], i["age_months"]) for i in items] == \
        [("data/hotlines.yaml", line, "2025-11", 13)]
    assert "th-doe-1694" in items[0]["what"] and "lang" in items[0]
    code, out = run(project_copy, capsys, "check", "--no-render", "--all")
    assert code == 0, out  # a warning: the site still builds
    assert (f"data/hotlines.yaml:{line}:{col}: hotline 'th-doe-1694' was checked 2025-11, 13 months before "
            "the build date 2026-12-15") in out
    assert "expected the fact confirmed again at its source" in out
    code, out = run(project_copy, capsys, "status")
    assert "Facts checked too long ago" in out and f"data/hotlines.yaml:{line}" in out


def test_twelve_months_is_not_stale(project_copy, capsys, build_day):
    set_checked(project_copy / "data/hotlines.yaml", "id: th-doe-1694", "2025-12-01")
    assert stale_items(project_copy, capsys) == []


def test_the_age_limit_is_a_setting(project_copy, capsys, build_day):
    set_checked(project_copy / "data/hotlines.yaml", "id: th-doe-1694", "2026-05")
    assert stale_items(project_copy, capsys) == []  # 7 months: fresh by default (12)
    config = project_copy / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("  - campaign:\n", "  - campaign:\n      fact_max_age_months: 6\n", 1),
                      encoding="utf-8")
    assert [i["max_age_months"] for i in stale_items(project_copy, capsys)] == [6]
    config.write_text(text.replace("  - campaign:\n", "  - campaign:\n      fact_max_age_months: a year\n", 1),
                      encoding="utf-8")
    code, out = run(project_copy, capsys, "check", "--no-render")
    line = text[:text.index("  - campaign:\n")].count("\n") + 2
    assert code == 1 and f"mkdocs.yml:{line}:28: fact_max_age_months is 'a year'" in out


def test_a_stale_poster_is_listed_in_its_language(project_copy, capsys, build_day):
    line, col = set_checked(project_copy / "docs/km/posters/money.md", "", "2025-10")
    items = stale_items(project_copy, capsys)
    assert [(i["path"], i["lang"], i["line"]) for i in items] == [("docs/km/posters/money.md", "km", line)]
    code, out = run(project_copy, capsys, "check", "--no-render", "--all")
    assert f"docs/km/posters/money.md:{line}:{col}: poster 'money' was checked 2025-10, 14 months" in out


def test_one_rule_for_every_checked_date():
    today = dt.date(2026, 12, 15)
    fresh, _, _ = parse_checked("2025-12", today)
    old, _, _ = parse_checked("2025-11-30", today)
    assert not fresh.is_stale(today) and old.is_stale(today) and old.is_stale(today, 12)
    assert not old.is_stale(today, 13)
    assert stale_warning(old, "fact", today) is None  # no position: nothing to point at
    assert Checked(old.date, old.text, None) == old  # the position takes no part in comparisons


def test_readers_see_when_a_poster_was_checked(site):
    page = (site.root / "en/posters/money/index.html").read_text("utf-8")
    assert re.search(r'checked <time datetime="\d{4}-\d{2}(-\d{2})?">', page)
