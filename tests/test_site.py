"""The built site, read as files: languages, anchors, alternates, nothing from other hosts."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest


class Refs(HTMLParser):
    """Everything a browser would fetch on its own (not links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.fetched, self.alternates, self.ids, self.html_lang = [], {}, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.fetched.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "icon", "manifest", "preconnect", "modulepreload"):
            self.fetched.append(a.get("href", ""))
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]


def parse(path):
    p = Refs()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def pages(site):
    return sorted(site.root.rglob("*.html"))


def test_every_page_declares_language_and_alternates(site):
    for path in pages(site):
        rel = path.relative_to(site.root).as_posix()
        if rel == "404.html":
            continue
        refs = parse(path)
        expected = "en" if rel.startswith("en/") else "km"
        assert refs.html_lang == expected, rel
        assert set(refs.alternates) == {"km", "en", "x-default"}, rel
        assert all(h.startswith(site.url) for h in refs.alternates.values()), rel
        assert refs.alternates[expected] == site.url + rel.removesuffix("index.html"), rel


def test_nothing_is_fetched_from_another_host(site):
    for path in pages(site):
        for ref in parse(path).fetched:
            full = urljoin(site.url + path.relative_to(site.root).as_posix(), ref)
            assert full.startswith((site.url, "data:")), f"{path}: {ref}"
    css = "".join(p.read_text(encoding="utf-8") for p in site.root.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_khmer_headings_get_readable_anchors(site):
    ids = parse(site.root / "rights/index.html").ids
    assert "ប្រាក់ឈ្នួលអប្បបរមា" in ids
    assert not [i for i in ids if re.fullmatch(r"_\d+", i)]


def test_sitemap_lists_both_languages_with_hreflang(site):
    xml = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site.url}rights/</loc>" in xml and f"<loc>{site.url}en/rights/</loc>" in xml
    assert f'hreflang="en" href="{site.url}en/rights/"' in xml
    assert f'hreflang="km" href="{site.url}rights/"' in xml


def test_hotlines_are_tap_to_call_with_sources(site):
    html = (site.root / "hotlines/index.html").read_text(encoding="utf-8")
    assert 'href="tel:1694"' in html and 'href="tel:1800010181"' in html
    assert "https://mol.go.th/en/news/1694-hotline-launched-to-service-migrant-workers" in html
    for unverified in ("tel:1288",):
        assert unverified not in html


@pytest.mark.parametrize("rel", ["index.html", "rights/index.html", "en/index.html"])
def test_no_theme_javascript_bundle_or_font_service(site, rel):
    html = (site.root / rel).read_text(encoding="utf-8")
    assert "bundle." not in html and "googleapis" not in html and "gstatic" not in html


def test_every_sitemap_entry_has_every_language(site):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(site.root / "sitemap.xml").getroot().findall("s:url", ns)
    locs = {u.find("s:loc", ns).text for u in urls}
    assert f"{site.url}partners/" in locs and f"{site.url}en/partners/" in locs  # one-language page, both sites
    assert f"{site.url}tour/events/mongkol-borei-theatre-2026-12-04/" in locs  # generated pages too
    for u in urls:
        langs = {link.get("hreflang") for link in u.findall("x:link", ns)}
        assert langs == {"km", "en", "x-default"}, u.find("s:loc", ns).text
