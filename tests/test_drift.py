"""Translation drift: `campaign mark-translated` records what a translation was made from;
`campaign status` lists translations whose source changed since; readers see a notice."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from campaign.build import SiteBuild
from campaign.cli import main
from campaign.drift import body_hash, set_header_field

NOTICE = "campaign-notice--outdated"  # the notice, in the reader's language


def status(project, capsys) -> dict:
    capsys.readouterr()
    assert main(["-f", str(project / "mkdocs.yml"), "status", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def mark(project, *args) -> int:
    return main(["-f", str(project / "mkdocs.yml"), "mark-translated", *args])


def outdated(data) -> dict[str, dict]:
    return {item["path"]: item for item in data["outdated"]}


def test_an_edited_source_puts_its_translation_behind_until_it_is_marked_again(project_copy, capsys):
    km, en = project_copy / "docs/km/rights.md", project_copy / "docs/en/rights.md"
    before = km.read_bytes()
    assert mark(project_copy, "docs/km/rights.md", "--from", "docs/en/rights.md") == 0
    after = km.read_text(encoding="utf-8")
    value = f"docs/en/rights.md@{body_hash(en.read_text(encoding='utf-8').split('---', 2)[2])}"
    assert f"translated_from: {value}\n" in after
    # only the one header line is new: every other byte as it was
    assert after.replace(f"translated_from: {value}\n", "").encode("utf-8") == before
    data = status(project_copy, capsys)
    assert set(data) >= {"untranslated", "outdated", "review_needed", "stale_facts"}
    assert "docs/km/rights.md" not in outdated(data)
    build = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    assert NOTICE not in build.markdown("km", "rights.md")

    en.write_text(en.read_text(encoding="utf-8").replace("Minimum wage", "Minimum daily wage"), encoding="utf-8")
    item = outdated(status(project_copy, capsys))["docs/km/rights.md"]
    assert item["lang"] == "km" and item["source"] == "docs/en/rights.md"
    assert item["translated_from"] == value.rsplit("@", 1)[1] != item["source_now"]
    build = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    page = build.markdown("km", "rights.md")
    assert NOTICE in page and 'campaign-notice--outdated' in page and 'lang="km"' in page
    assert NOTICE not in build.markdown("en", "rights.md")  # the original has no such notice

    assert mark(project_copy, "docs/km/rights.md") == 0  # the source named in the header is reused
    assert "docs/km/rights.md" not in outdated(status(project_copy, capsys))
    assert NOTICE not in SiteBuild.start(project_copy / "mkdocs.yml", render=False).markdown("km", "rights.md")
    assert km.read_text(encoding="utf-8").count("translated_from:") == 1


def test_a_translation_into_another_language_comes_from_the_default_language(project_copy, capsys):
    assert mark(project_copy, "docs/en/hotlines.md") == 0
    assert "translated_from: docs/km/hotlines.md@" in (project_copy / "docs/en/hotlines.md").read_text("utf-8")
    data = status(project_copy, capsys)
    assert "docs/en/hotlines.md" not in outdated(data)
    assert "docs/en/hotlines.md" not in {i["path"] for i in data["unrecorded"]}
    assert "docs/en/index.md" in {i["path"] for i in data["unrecorded"]}  # not marked yet: said so
    km = project_copy / "docs/km/hotlines.md"
    km.write_text(km.read_text("utf-8") + "\nថ្មី។\n", encoding="utf-8")
    assert outdated(status(project_copy, capsys))["docs/en/hotlines.md"]["lang"] == "en"
    capsys.readouterr()
    assert main(["-f", str(project_copy / "mkdocs.yml"), "status"]) == 0
    text = capsys.readouterr().out
    assert "Translations behind their source" in text and "docs/en/hotlines.md" in text


def test_whitespace_at_the_ends_and_line_endings_do_not_count_as_a_change():
    assert body_hash("\nText\r\nmore\n\n") == body_hash("Text\nmore") != body_hash("Text\nmore!")


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: x  # a comment\n---\nbody\n", "---\ntitle: x  # a comment\nk: v@1\n---\nbody\n"),
    ("---\r\ntitle: x\r\nk: old@2   # keep\r\n---\r\nbody", "---\r\ntitle: x\r\nk: v@1   # keep\r\n---\r\nbody"),
    ("no header\n", "---\nk: v@1\n---\nno header\n"),
    ("---\nk:\n  old@2\ntitle: y\n---\nb", "---\nk: v@1\ntitle: y\n---\nb"),
])
def test_the_header_is_edited_as_text(text, expected):
    assert set_header_field(text, "k", "v@1") == expected


def test_usage_errors_name_what_to_write(project_copy, capsys):
    assert mark(project_copy, "docs/km/rights.md") == 2  # the default language: which source?
    assert "--from docs/en/rights.md" in capsys.readouterr().err
    assert mark(project_copy, "docs/en/nowhere.md") == 2
    assert "no such page" in capsys.readouterr().err
    assert mark(project_copy, "docs/km/rights.md", "--from", "docs/km/rights.md") == 2


def test_check_warns_about_a_record_naming_no_page(project_copy, capsys):
    page = project_copy / "docs/en/index.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("---\n", "---\ntranslated_from: docs/km/gone.md@12345678\n", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["-f", str(project_copy / "mkdocs.yml"), "check", "--no-render", "--all"]) == 0
    out = capsys.readouterr().out
    assert "docs/en/index.md:2:18: translated_from names 'docs/km/gone.md', which is not a page" in out


def git(project, *args, date: str | None = None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org",
           **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


def test_status_gives_the_date_of_the_source_change_from_git(project_copy, capsys):
    git(project_copy, "init", "-q")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-qm", "first", date="2026-10-01T10:00:00+07:00")
    assert mark(project_copy, "docs/en/before-you-go.md") == 0
    km = project_copy / "docs/km/before-you-go.md"
    km.write_text(km.read_text("utf-8") + "\nថ្មី។\n", encoding="utf-8")
    assert outdated(status(project_copy, capsys))["docs/en/before-you-go.md"]["uncommitted"] is True
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-qm", "source edited", date="2026-11-20T09:00:00+07:00")
    item = outdated(status(project_copy, capsys))["docs/en/before-you-go.md"]
    assert item["changed"] == "2026-11-20" and "changed 2026-11-20" in item["what"]
