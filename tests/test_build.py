"""The engine-neutral build: what it adds to pages (notices, markers, tap-to-call), once per page."""

from __future__ import annotations

import pytest

from campaign.build import SiteBuild
from campaign.content.hotlines.model import load_hotlines
from campaign.core.markdown import render, tel_numbers

from conftest import ROOT


@pytest.fixture
def build(project_copy):
    (project_copy / "docs/km/only-khmer.md").write_text(
        "---\ntitle: តែខ្មែរ\nreview: needed\n---\n# តែខ្មែរ\n\nអត្ថបទ។\n", encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    yield b
    b.close()


def test_fallback_notice_both_ways_in_the_readers_language(build):
    en_page = build.markdown("en", "only-khmer.md")
    assert "not translated into English yet" in en_page and "shown in Khmer" in en_page
    km_page = build.markdown("km", "partners.md")  # written in English only
    assert "មិនទាន់បានបកប្រែជាភាសាខ្មែរ" in km_page and "ភាសាអង់គ្លេស" in km_page
    assert build.page("en", "only-khmer.md").source_lang == "km"
    assert build.page("km", "partners.md").source_lang == "en"


def test_review_notice_once_after_the_content(build):
    km = build.markdown("km", "only-khmer.md")
    assert km.count("campaign-notice--review") == 1
    assert km.index("អត្ថបទ") < km.index("campaign-notice--review")
    assert "campaign-notice--review" not in build.markdown("en", "only-khmer.md")  # a fallback says so instead
    assert "campaign-notice--review" not in build.markdown("en", "index.md")  # English needs no review


def test_every_page_of_every_language_is_listed_once(build):
    for lang in ("km", "en"):
        rels = [p.rel for p in build.pages(lang)]
        assert len(rels) == len(set(rels))
        assert {"index.md", "partners.md", "only-khmer.md", "tour/battambang.md"} <= set(rels)
        assert any(r.startswith("tour/events/") for r in rels)


def test_header_is_read_once_and_given_to_the_engine_escaped(project_copy):
    (project_copy / "docs/en/quote.md").write_text(
        '---\ntitle: no\ndescription: \'Say "hi" "><script>alert(1)</script>\'\nhide: [toc]\n'
        'search: {exclude: true}\n---\n# Quote\n', encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    meta = b.meta("en", "quote.md")
    assert meta["title"] == "no" and meta["hide"] == ["toc"] and meta["search"] == {"exclude": True}
    engine = b.engine_meta("en", "quote.md")
    assert "<script>" not in engine["description"] and "&#34;&gt;&lt;script&gt;" in engine["description"]
    assert b.body("en", "quote.md").startswith("# Quote")  # the engine never sees the header


def test_phone_numbers_become_links_only_in_text():
    hotlines, _ = load_hotlines(ROOT / "data/hotlines.yaml", "data/hotlines.yaml")
    html, _ = render("Call **1694**, 1-800-010-181 or 1506.\n\n[1694](https://x/1694-a) `1694`\n\n"
                     "16940 and 21694 stay", numbers=tel_numbers(hotlines), raw_html=True)
    assert html.count('href="tel:1694"') == 1 and 'href="tel:1800010181"' in html and 'href="tel:1506"' in html
    assert '<a href="https://x/1694-a">1694</a>' in html and "<code>1694</code>" in html
    assert "<p>16940 and 21694 stay</p>" in html
