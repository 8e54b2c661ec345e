"""One gettext catalog per language: checked by `campaign check` like any content file."""

from __future__ import annotations

import io

import pytest

from campaign.core.diagnostics import errors
from campaign.languages import catalog
from campaign.project import load


def messages(diags, path):
    return [(d.pos.line, d.pos.col, d.severity, d.message) for d in diags if d.pos.path == path]


def test_a_missing_entry_is_reported(project_copy):
    po = project_copy / "locales/km.po"
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "Upcoming events"')
    end = text.index("\n\n", start)
    po.write_text(text[:start] + text[end + 2:], encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    got = messages(diags, "locales/km.po")
    assert any("missing entry 'Upcoming events'" in m for *_, m in got), got


def test_an_unused_entry_is_reported_at_its_line(project_copy):
    po = project_copy / "locales/km.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "Old label"\nmsgstr "ចាស់"\n', encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    line = po.read_text(encoding="utf-8").splitlines().index('msgid "Old label"') + 1
    assert (line, 1, "warning", "unused entry 'Old label': nothing in the site shows it") in messages(diags, "locales/km.po")


def test_a_broken_catalog_gives_path_line_col(project_copy):
    po = project_copy / "locales/km.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    n = lines.index('msgid "Upcoming events"')
    lines[n + 1] = 'msgstr "កម្មវិធីខាងមុខ'  # the closing quote forgotten
    lines.insert(n + 3, "msgtsr \"typo\"")
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    got = [(d.pos.line, d.pos.col, d.message) for d in errors(diags) if d.pos.path == "locales/km.po"]
    assert (n + 2, 8, "this text has no closing quote") in got
    assert (n + 4, 1, "'msgtsr' is not a catalog keyword") in got


def test_catalog_translates_with_placeholders_and_falls_back_to_english():
    cat, diags = catalog.parse_catalog('msgid ""\nmsgstr ""\n\nmsgid "Events in %(name)s"\nmsgstr "កម្មវិធីក្នុងខេត្ត%(name)s"\n',
                                       "km", "km.po")
    assert diags == []
    _ = catalog.Translator("km", cat)
    assert _("Events in %(name)s", name="បាត់ដំបង") == "កម្មវិធីក្នុងខេត្តបាត់ដំបង"
    assert _("Upcoming events") == "Upcoming events"


@pytest.mark.parametrize("lang, forms", [("km", 1), ("th", 1), ("en", 2), ("fr", 2), ("ru", 3)])
def test_a_new_catalog_keeps_the_english_plural_and_the_languages_number_of_forms(lang, forms):
    from babel.messages.pofile import read_po

    from campaign.languages.catalog import Template, catalog_text

    text = catalog_text(lang, Template(("%(count)s week", "Your plan"), {"%(count)s week": "%(count)s weeks"}))
    po = read_po(io.BytesIO(text.encode("utf-8")))
    entry = po["%(count)s week"]
    assert entry.id == ("%(count)s week", "%(count)s weeks")
    assert len(entry.string) == forms == po.num_plurals
