"""The reference site in headless Chromium at 360×800, in Khmer and English.

The ``phone`` fixture also fails a test when any request leaves the site's
origin or fails, or when the console shows an error.
"""

import pytest

from conftest import screenshot

pytestmark = pytest.mark.browser


def fonts_used(page, selector: str) -> dict[str, int]:
    """Fonts Chromium really drew the element's text with (family → glyph count)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector})
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    return {f["familyName"]: f["glyphCount"] for f in fonts if f.get("isCustomFont")}


@pytest.mark.parametrize("path,lang", [("", "km"), ("rights/", "km"), ("en/", "en"), ("en/rights/", "en")])
def test_pages_load_clean_in_both_languages(phone, site, path, lang):
    phone.goto(site.url + path)
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("document.documentElement.lang") == lang
    # Nothing wider than the phone: long Khmer runs wrap instead of overflowing.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"foundation-{lang}-{path.strip('/').replace('/', '-') or 'home'}")


def test_khmer_text_is_drawn_with_the_shipped_font(phone, site):
    phone.goto(site.url + "rights/")
    phone.wait_for_load_state("networkidle")
    assert phone.evaluate("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    for selector in ("article h1", "article p", ".md-header__topic .md-ellipsis", ".md-nav__link"):
        used = fonts_used(phone, selector)
        assert used.get("Noto Sans Khmer", 0) > 5, (selector, used)
    loaded = phone.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Sans Khmer" in f for f in loaded)


def test_interface_labels_are_khmer(phone, site):
    phone.goto(site.url)
    nav_label = phone.get_attribute("nav.md-nav--primary", "aria-label")
    assert nav_label == "ម៉ឺនុយ"
    assert phone.get_attribute("nav.md-header__inner", "aria-label") == "ផ្នែកខាងលើ"
    assert phone.title() == "ចំណាកស្រុកដោយសុវត្ថិភាព - ចំណាកស្រុកសុវត្ថិភាព"
    # Navigation titles come from the Khmer pages.
    phone.click("label.md-header__button[for=__drawer]")
    drawer = phone.locator("nav.md-nav--primary")
    phone.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    phone.wait_for_timeout(300)  # let the slide-in transition finish for the screenshot
    assert "ស្គាល់សិទ្ធិរបស់អ្នកនៅប្រទេសថៃ" in drawer.inner_text()
    screenshot(phone, "foundation-km-drawer")


def test_language_switcher_round_trips_on_an_inner_page(phone, site):
    phone.goto(site.url + "rights/")
    phone.click("a.campaign-languages__link[hreflang=en]")
    phone.wait_for_url(site.url + "en/rights/")
    assert phone.locator("h1").inner_text().startswith("Know your rights in Thailand")
    phone.click("a.campaign-languages__link[hreflang=km]")
    phone.wait_for_url(site.url + "rights/")
    assert phone.locator("h1").inner_text().startswith("ស្គាល់សិទ្ធិ")


def test_untranslated_page_shows_notice_in_readers_language(phone, site):
    phone.goto(site.url + "partners/")
    notice = phone.locator(".campaign-notice--untranslated")
    assert notice.is_visible()
    assert "មិនទាន់បានបកប្រែជាភាសាខ្មែរ" in notice.inner_text()
    assert notice.get_attribute("lang") == "km"
    # the English text itself keeps its language tag
    assert phone.locator("h1").evaluate("e => e.closest('[lang]').lang") == "en"
    screenshot(phone, "foundation-km-untranslated")
    phone.goto(site.url + "en/partners/")
    assert phone.locator(".campaign-notice--untranslated").count() == 0


@pytest.mark.parametrize("path,where", [
    ("", ["នៅប្រទេសថៃ", "នៅប្រទេសកម្ពុជា"]),
    ("rights/", ["នៅប្រទេសថៃ", "នៅប្រទេសកម្ពុជា"]),
    ("en/before-you-go/", ["In Thailand", "In Cambodia"]),
    ("tour/events/malai-theatre-2026-11-06/", ["នៅប្រទេសកម្ពុជា", "នៅប្រទេសថៃ"]),  # the event is in Cambodia
    ("en/tour/", ["In Cambodia", "In Thailand"]),
])
def test_call_bar_reaches_each_countrys_number_in_one_tap(phone, site, path, where):
    phone.goto(site.url + path)
    calls = phone.locator(".campaign-callbar__call")
    assert calls.count() == 2
    numbers = {"នៅប្រទេសថៃ": "tel:1694", "In Thailand": "tel:1694", "នៅប្រទេសកម្ពុជា": "tel:1297",
               "In Cambodia": "tel:1297"}
    for i, country in enumerate(where):
        call = calls.nth(i)
        assert call.locator(".campaign-callbar__where").inner_text() == country
        assert call.get_attribute("href") == numbers[country]
        box = call.bounding_box()
        assert box["height"] >= 40 and box["y"] < 200 and box["width"] >= 120
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "callbar-" + (path.strip("/").replace("/", "-") or "home"))


def test_missing_page_gets_the_bilingual_404(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    response = page.goto(site.url + "no-such-page/")
    assert response.status == 404  # python's server answers 404 without the page; check the file itself
    page.goto(site.url + "404.html")
    text = page.inner_text("article")
    assert "រកមិនឃើញទំព័រ" in text and "Page not found" in text
    page.close()


def test_no_english_theme_text_on_khmer_pages(phone, site):
    phone.goto(site.url + "hotlines/")
    footer = phone.inner_text("footer")
    assert "Made with" not in footer and "គេហទំព័រនេះមិនតាមដានអ្នកទេ" in footer
    skip = phone.locator("a.md-skip")
    assert skip.count() == 1 and skip.inner_text().strip() == "រំលងទៅខ្លឹមសារ"


def test_the_test_machine_has_no_khmer_or_thai_font():
    """What the glyph tests below prove holds only on such a machine (tests/fonts.conf)."""
    import subprocess

    for lang in ("km", "th"):
        assert subprocess.run(["fc-list", f":lang={lang}"], capture_output=True, text=True).stdout.strip() == ""


@pytest.mark.parametrize("selector", ["select[name=province]", "select[name=kind]",
                                      "legend"])
def test_form_controls_draw_khmer_with_the_shipped_font(phone, site, selector):
    phone.goto(site.url + "tour/")
    phone.wait_for_load_state("networkidle")
    phone.wait_for_function("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    used = fonts_used(phone, selector)
    assert used.get("Noto Sans Khmer", 0) > 0, used


PAGE_KINDS = ["", "rights/", "hotlines/", "before-you-go/", "tour/", "tour/battambang/",
              "tour/events/malai-theatre-2026-11-06/", "posters/", "posters/money/", "printers/", "partners/",
              "offline/"]


@pytest.mark.parametrize("path", PAGE_KINDS + ["en/" + p for p in PAGE_KINDS])
def test_nothing_is_wider_than_the_phone_on_any_page_kind(phone, site, path):
    phone.goto(site.url + path)
    phone.wait_for_load_state("networkidle")
    wide = phone.evaluate("""() => [...document.querySelectorAll('body *')].filter(el => {
        const r = el.getBoundingClientRect();
        if (!r.width || r.right <= innerWidth + 1 || getComputedStyle(el).visibility === 'hidden') return false;
        for (let p = el.parentElement; p; p = p.parentElement) {  // inside a box that scrolls sideways: fine
            const o = getComputedStyle(p).overflowX;
            if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= innerWidth + 1) return false;
            if (getComputedStyle(p).transform !== 'none' || getComputedStyle(p).visibility === 'hidden') return false;
        }
        return true; }).map(el => el.tagName + '.' + el.className).slice(0, 5)""")
    assert wide == [], (path, wide)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("path", ["", "tour/", "tour/battambang/", "tour/events/malai-theatre-2026-11-06/", "posters/",
                                  "posters/money/", "hotlines/"])
def test_review_notice_is_said_once_small_after_the_content(phone, site, path):
    phone.goto(site.url + path)
    notes = phone.locator(".campaign-notice--review")
    assert notes.count() == 1
    note = notes.first.bounding_box()
    h1 = phone.locator("article h1").first.bounding_box()
    last = phone.locator("article > :is(p, div, section, ul, ol, h2, h3, table, figure):not(.campaign-notices)"
                         ).last.bounding_box()
    assert note["y"] > h1["y"] and note["y"] >= last["y"], "the notice comes after the text"
    size = float(phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.campaign-notice--review')).fontSize)"))
    body = float(phone.evaluate("parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize)"))
    assert size < body
    assert phone.locator(".campaign-review-needed, .cs-notice-review").count() == 0  # no other review marks
