"""What the build adds to pages: notices in the reader's language, tap-to-call links."""

from pathlib import Path

from campaign.compose import link_phone_numbers, notices_html
from campaign.content.hotlines.model import load_hotlines
from campaign.core.pages import PageSource, Site

ROOT = Path(__file__).resolve().parent.parent


class FakeProject:
    def __init__(self, site):
        self.site = site


def page(lang, rel, review=False):
    return PageSource(lang, rel, f"docs/{lang}/{rel}", "T", review, (), 0)


def test_fallback_notice_both_ways_in_the_readers_language():
    site = Site(("km", "en"), "km", {("km", "a.md"): page("km", "a.md", review=True),
                                     ("en", "b.md"): page("en", "b.md")})
    en_on_km_page = notices_html(FakeProject(site), "en", "a.md")
    assert "not translated into English yet" in en_on_km_page and "Khmer" in en_on_km_page
    km_on_en_page = notices_html(FakeProject(site), "km", "b.md")
    assert "មិនទាន់បានបកប្រែជាភាសាខ្មែរ" in km_on_en_page and "ភាសាអង់គ្លេស" in km_on_en_page
    assert notices_html(FakeProject(site), "km", "a.md").count("campaign-notice--review") == 1
    assert site.url("en", "a.md") == "en/a/" and site.url("km", "b.md") == "b/"


def test_phone_numbers_become_links_only_in_text():
    hotlines, _ = load_hotlines(ROOT / "data/hotlines.yaml", "data/hotlines.yaml")
    html = ('<p>Call <b>1694</b>, 1-800-010-181 or 1506.</p><a href="https://x/1694-a">1694</a>'
            '<code>1694</code><p>16940 and 21694 stay</p>')
    out = link_phone_numbers(html, hotlines)
    assert out.count('href="tel:1694"') == 1 and 'href="tel:1800010181"' in out and 'href="tel:1506"' in out
    assert '<a href="https://x/1694-a">1694</a>' in out and "<code>1694</code>" in out
    assert "<p>16940 and 21694 stay</p>" in out
