"""Content types on one protocol: a new type is a few lines; markers are checked against the registry."""

from __future__ import annotations

import pytest

from campaign.build import SiteBuild
from campaign.content import REGISTRY, ContentType, Marker, register
from campaign.core.diagnostics import errors
from campaign.project import load


@pytest.fixture
def toy():
    @register
    class Toy(ContentType):
        name = "toy"
        markers = (Marker("toy", lambda call: f'<p class="toy">toy for {call.lang}: {call.args[0]}</p>', ("toy",)),)

        def ids(self, model):
            return {"toy": ["ball", "kite"]}

    yield Toy
    REGISTRY.unregister("toy")


def test_a_toy_content_type_registers_in_a_few_lines_and_its_marker_expands(toy, project_copy):
    (project_copy / "docs/en/toys.md").write_text("# Toys\n\n<!-- campaign:toy kite -->\n", encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    assert '<p class="toy">toy for en: kite</p>' in b.markdown("en", "toys.md")
    assert '<p class="toy">toy for km: kite</p>' in b.markdown("km", "toys.md")  # shown on every language's site


def test_marker_arguments_are_checked_against_the_ids_a_type_defines(toy, project_copy):
    (project_copy / "docs/en/toys.md").write_text("# Toys\n\n<!-- campaign:toy kyte -->\n<!-- campaign:toy -->\n",
                                                  encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    got = {(str(d.pos), d.message, d.expected) for d in errors(diags)}
    assert ("docs/en/toys.md:3:1", "unknown toy 'kyte'", "one of 'kite' (closest names)") in got
    assert ("docs/en/toys.md:4:1", "'campaign:toy' takes 1 argument(s), not 0", "<!-- campaign:toy ball -->") in got


@pytest.mark.parametrize("written,line", [
    ("<!-- campaing:hotlines -->", "campaign:hotlines"),
    ("<!-- campaign: hotlines -->", "campaign:hotlines"),
    ("<!-- Campaign:hotlines -->", "campaign:hotlines"),
    ("<!-- campaign:hotline th-doe-1649 -->", None),
    ("<!-- campaign:hotlinez -->", None),
])
def test_unknown_markers_and_near_misses_are_errors_with_the_closest_names(project_copy, written, line):
    page = project_copy / "docs/en/hotlines.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + written + "\n", encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    mine = [d for d in errors(diags) if d.pos.path == "docs/en/hotlines.md"]
    assert mine, written
    if line:  # not a marker as written: nothing would be shown, so it is an error that shows the right form
        assert any("not written as a marker" in d.message and f"<!-- {line} -->" in d.expected for d in mine)
    else:
        assert any("'hotline'" in d.expected or "'th-doe-1694'" in d.expected for d in mine), mine


def test_markers_in_code_blocks_are_examples(project_copy):
    page = project_copy / "docs/en/hotlines.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n```\n<!-- campaign:nothing -->\n```\n", encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    assert errors(diags) == []


def test_every_built_in_type_is_registered_in_dependency_order():
    names = [t.name for t in REGISTRY]
    assert {"gazetteer", "hotlines", "tour", "posters", "guides"} <= set(names)
    assert names.index("gazetteer") < names.index("tour") and names.index("hotlines") < names.index("tour")
    assert names.index("guides") < names.index("posters")
