"""Link previews: Open Graph and Twitter tags on every page of both languages, absolute and
escaped; the card pictures (1200×630 JPEG, at most 100 KB) drawn with the shipped fonts only;
an event's card shows its date and place; unchanged cards are not drawn again."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import io
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from campaign.content.previews import og_locale
from campaign.content.tour.view import coming_soon
from campaign.content.previews.cards import HEIGHT, WIDTH, PageInfo, card, missing_glyphs, page_infos, place_text
from campaign.content.previews.render import MAX_BYTES, MIN_FIT, card_key, draw
from campaign.languages.dates import format_range
from campaign.project import load

from conftest import BUILD_EPOCH, ROOT, screenshot

EVENT = "malai-theatre-2026-11-06"
META = re.compile(r'<meta (property|name)="((?:og|twitter):[^"]+)" content="([^"]*)">')
SHIPPED = {"Noto Sans Khmer", "Noto Sans Thai", "Noto Sans"}


def tags(page: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _, key, value in META.findall(page.read_text(encoding="utf-8")):
        out.setdefault(key, []).append(htmllib.unescape(value))
    return out


def one(t: dict, key: str) -> str:
    assert len(t.get(key, [])) == 1, (key, t.get(key))
    return t[key][0]


@pytest.fixture(scope="module")
def project():
    p, _ = load(ROOT / "mkdocs.yml")
    return p


def test_locales_come_from_cldr():
    assert (og_locale("km"), og_locale("en"), og_locale("th")) == ("km_KH", "en_US", "th_TH")


@pytest.mark.parametrize("path,lang,other", [("", "km", "en_US"), ("rights/", "km", "en_US"),
                                             ("en/", "en", "km_KH"), ("en/savings/", "en", "km_KH"),
                                             (f"tour/events/{EVENT}/", "km", "en_US")])
def test_pages_carry_absolute_preview_tags(site, path, lang, other):
    t = tags(site.root / path / "index.html")
    assert one(t, "og:url") == site.url + path
    assert one(t, "og:locale") == og_locale(lang) and t["og:locale:alternate"] == [other]
    assert one(t, "og:type") == "website" and one(t, "twitter:card") == "summary_large_image"
    assert one(t, "og:title") and one(t, "og:description") and one(t, "og:image:alt")
    image = one(t, "og:image")
    assert image.startswith(site.url + "assets/cards/") and image.endswith(".png")
    assert (one(t, "og:image:width"), one(t, "og:image:height")) == (str(WIDTH), str(HEIGHT))
    data = (site.root / image[len(site.url):]).read_bytes()
    assert len(data) <= MAX_BYTES
    with Image.open(io.BytesIO(data)) as im:
        im.load()  # decodes
        assert im.format == "PNG" and im.size == (WIDTH, HEIGHT)


def test_every_page_has_a_preview_with_its_own_card_and_past_events_the_tours(site, project):
    built = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.timezone.utc).date()
    pages = [p for p in site.root.rglob("index.html")]
    assert len(pages) > 100
    images: dict[str, set[str]] = {}
    past, coming = 0, 0
    for page in pages:
        t = tags(page)
        assert one(t, "og:title") and one(t, "og:description"), page
        url = one(t, "og:url")
        rel = page.parent.relative_to(site.root).as_posix()
        assert url == site.url + ("" if rel == "." else rel + "/"), (page, url)
        image = one(t, "og:image")
        assert (site.root / image[len(site.url):]).is_file(), (page, image)
        event = project.schedule.event(rel.split("/")[-1]) if "tour/events/" in rel else None
        if event is not None:
            tour = one(tags(site.root / rel.split("tour/")[0] / "tour/index.html"), "og:image")
            if event not in coming_soon(project.schedule, built):  # past, or months away: the Tour's card
                past += 1
                assert image == tour, rel
                continue
            coming += 1
            assert image != tour, rel
        images.setdefault(image, set()).add(url)
    assert past and coming
    assert len(images) > (len(pages) - past) * 0.9  # a card per page (a few pages share a title)


def test_card_text_is_escaped(project):
    info = PageInfo("en", "x.md", "en/x/", '<img src=x onerror=alert(1)> & "quotes"', "", "en")
    c = card(project, info, "Site <b>")
    assert "<img src=x" not in c.html and "&lt;img src=x onerror=alert(1)&gt; &amp;" in c.html
    assert "Site &lt;b&gt;" in c.html


def test_characters_no_shipped_font_has_are_caught():
    assert missing_glyphs("ផែនការ Plan ผัง 123 – — ·") == ""
    assert missing_glyphs("Plan 🙂") == "🙂"


def test_an_event_card_says_when_and_where(project):
    event = project.schedule.event(EVENT)
    for lang in ("km", "en"):
        info = page_infos(project, lang)[f"tour/events/{EVENT}.md"]
        c = card(project, info, project.config.site_names[lang])
        when, where = format_range(event.start, event.end, lang), place_text(event, lang)
        assert htmllib.escape(when, quote=False) in c.html and htmllib.escape(where, quote=False) in c.html
        assert event.place.province.name(lang) in where and event.place.district.name(lang) in where
        assert when in c.alt and where in c.alt and event.title.get(lang) in c.alt


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["km", "en"])
def test_cards_are_drawn_with_the_shipped_fonts_only(browser, project, tmp_path, lang):
    """The card's HTML in Chromium (the machine has no Khmer font): every glyph from a shipped
    font, the event's date and place on it."""
    from test_browser_foundation import fonts_used

    info = page_infos(project, lang)[f"tour/events/{EVENT}.md"]
    c = card(project, info, project.config.site_names[lang])
    path = tmp_path / "card.html"
    path.write_text(c.html, encoding="utf-8")
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready")
    event = project.schedule.event(EVENT)
    facts = page.locator(".fact").all_inner_texts()
    assert facts == [format_range(event.start, event.end, lang), place_text(event, lang)]
    for selector in (".site", ".kicker", ".title", ".fact span"):
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})
        for node in cdp.send("DOM.querySelectorAll", {"nodeId": root["root"]["nodeId"], "selector": selector})["nodeIds"]:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            assert fonts and all(f["isCustomFont"] and f["familyName"] in SHIPPED for f in fonts), (selector, fonts)
        if lang == "km":
            assert fonts_used(page, selector).get("Noto Sans Khmer", 0) > 0, selector
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert loaded and all(f.startswith("P-") for f in loaded), loaded  # only the @font-face of shipped files
    screenshot(page, f"card-{lang}")
    page.close()


@pytest.mark.browser
def test_unchanged_cards_are_not_drawn_again_and_a_title_too_long_is_said(project, tmp_path):
    cards = [card(project, page_infos(project, lang)[rel], project.config.site_names[lang])
             for lang in ("km", "en") for rel in ("index.md", f"tour/events/{EVENT}.md")]
    long = card(project, PageInfo("en", "x.md", "en/x/", "A title far too long " * 30, "", "en"), "Site")
    first, problems = draw(cards + [long], tmp_path)
    assert problems == [] and first.rendered == 5 and len(first.files) == 5
    assert first.cut == {card_key(long)}
    again, _ = draw(cards + [long], tmp_path)
    assert again.rendered == 0 and again.files == first.files
    assert again.cut == {card_key(long)}  # said on every build, not only the one that drew it
    for data in first.files.values():
        with Image.open(io.BytesIO(data)) as im:
            assert im.format == "PNG" and im.size == (WIDTH, HEIGHT) and len(data) <= MAX_BYTES


@pytest.mark.browser
def test_a_card_drawn_into_the_open_page_is_the_same_as_one_loaded_fresh(project):
    """The browser swaps the body of the card already open (same fonts and styles): same pixels."""
    from campaign.printing.browser import Browser

    a, b = (card(project, page_infos(project, "km")[rel], project.config.site_names["km"])
            for rel in ("rights.md", f"tour/events/{EVENT}.md"))
    def shots():  # in a thread of its own, like the build: the session's Playwright runs in this one
        with Browser() as browser:
            fresh = browser.screenshot_html(b.html, WIDTH, HEIGHT, MIN_FIT)[0]
            browser.screenshot_html(a.html, WIDTH, HEIGHT, MIN_FIT)
            return fresh, browser.screenshot_html(b.html, WIDTH, HEIGHT, MIN_FIT)[0]

    with ThreadPoolExecutor(max_workers=1) as pool:
        fresh, swapped = pool.submit(shots).result()
    with Image.open(io.BytesIO(fresh)) as x, Image.open(io.BytesIO(swapped)) as y:
        assert x.convert("RGB").tobytes() == y.convert("RGB").tobytes()
