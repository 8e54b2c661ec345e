"""Phone-first behaviour: offline after one visit, installable, accessible, tap to call."""

import json

import pytest

from conftest import PHONE, ROOT, screenshot

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules/axe-core/axe.min.js"
KEY_PAGES = ["", "hotlines/", "rights/", "tour/", "tour/events/mongkol-borei-theatre-2026-12-04/"]


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


@pytest.mark.parametrize("path", KEY_PAGES + ["en/" + p for p in KEY_PAGES])
def test_axe_finds_no_violations(phone, site, path):
    assert AXE.exists(), "run ./dev test: it installs axe-core (package.json)"
    phone.goto(site.url + path)
    phone.wait_for_load_state("networkidle")
    assert axe_violations(phone) == []


def visit_then_go_offline(browser, site, start: str):
    from test_offline import KEY, saved

    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(site.url + start)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    saved(page, "en" if start.startswith("en/") else "km", len(KEY))
    context.set_offline(True)
    return context, page


@pytest.mark.parametrize("lang,prefix,offline_title", [("km", "", "អ្នកមិនមានអ៊ីនធឺណិតទេ"),
                                                        ("en", "en/", "You are offline")])
def test_key_pages_open_offline_after_one_visit(browser, site, lang, prefix, offline_title):
    context, page = visit_then_go_offline(browser, site, prefix)
    for path in ["", "hotlines/", "rights/", "before-you-go/", "tour/"]:
        response = page.goto(site.url + prefix + path)
        assert response is not None and response.ok, path
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator("article h1").count() == 1, path
    # An uncached page: the friendly offline page in the reader's language, with links
    # that work from wherever it is shown.
    page.goto(site.url + prefix + "tour/events/paoy-paet-theatre-2026-08-07/")
    assert page.locator("article h1").inner_text().startswith(offline_title)
    link = page.locator("article a[href*='hotlines']").first
    assert link.evaluate("a => a.href") == site.url + prefix + "hotlines/"
    link.click()
    page.wait_for_url(site.url + prefix + "hotlines/")
    assert page.locator("a.campaign-hotline__call").count() >= 5
    # Styles and the Khmer font came from the cache too.
    assert page.evaluate("getComputedStyle(document.querySelector('.campaign-callbar')).backgroundColor") != "rgba(0, 0, 0, 0)"
    screenshot(page, f"phone-{lang}-offline-page")
    context.close()


def test_a_new_build_replaces_the_old_cache(browser, site):
    sw = (site.root / "sw.js").read_text(encoding="utf-8")
    version = sw.split('const VERSION = "')[1].split('"')[0]
    context, page = visit_then_go_offline(browser, site, "")
    keys = page.evaluate("caches.keys()")
    assert sorted(keys) == [f"campaign-core-{version}", f"campaign-km-{version}"]
    context.close()


def test_installable_manifest_in_each_language(site):
    for lang, start in (("km", "./"), ("en", "en/")):
        data = json.loads((site.root / f"manifest.{lang}.webmanifest").read_text(encoding="utf-8"))
        assert data["lang"] == lang and data["start_url"] == start and data["display"] == "standalone"
        sizes = {i["sizes"] for i in data["icons"]}
        assert {"192x192", "512x512"} <= sizes
        for icon in data["icons"]:
            assert (site.root / icon["src"]).stat().st_size > 100
    km = json.loads((site.root / "manifest.km.webmanifest").read_text(encoding="utf-8"))
    assert km["name"] == "ចំណាកស្រុកសុវត្ថិភាព"


def test_every_hotline_number_in_text_is_tap_to_call(phone, site):
    for path in ("rights/", "en/rights/", "en/before-you-go/"):
        phone.goto(site.url + path)
        plain = phone.evaluate("""() => {
            const out = [];
            const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const n = walker.currentNode;
              if (/(^|[^\\d/-])(1694|1546|1506|1297)([^\\d]|$)/.test(n.textContent) && !n.parentElement.closest('a')) out.push(n.textContent);
            }
            return out; }""")
        assert plain == [], path
        assert phone.locator("article a[href='tel:1694']").count() >= 1


def test_share_links_are_plain_links(phone, site):
    phone.goto(site.url + "rights/")
    hrefs = phone.eval_on_selector_all(".campaign-share a", "as => as.map(a => a.href)")
    assert any(h.startswith("fb-messenger://share/?link=") for h in hrefs)
    assert any(h.startswith("https://t.me/share/url?url=") for h in hrefs)
    assert any("line.me" in h for h in hrefs)
    assert all("rights" in h for h in hrefs)
    assert phone.locator("script[src*='facebook'], script[src*='line'], script[src*='telegram']").count() == 0


def test_hotlines_page_prints_on_a4(browser, site, tmp_path):
    import re
    import subprocess

    page = browser.new_page(viewport=PHONE)
    page.goto(site.url + "hotlines/")
    page.emulate_media(media="print")
    assert not page.locator(".campaign-callbar").is_visible()
    pdf = tmp_path / "hotlines.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "1694" in text and "1546" in text
    page.close()


@pytest.mark.parametrize("path", ["posters/", "en/posters/money/", "posters/hotlines/"])
def test_poster_pages_show_their_images(phone, site, path):
    phone.goto(site.url + path)
    phone.wait_for_load_state("networkidle")
    phone.evaluate("() => Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))")
    broken = phone.eval_on_selector_all("article img", "is => is.filter(i => !i.naturalWidth).map(i => i.src.slice(0, 60))")
    assert phone.locator("article img").count() >= 1
    assert broken == []
    screenshot(phone, "posters-" + path.strip("/").replace("/", "-"))


@pytest.mark.parametrize("prefix,lang", [("", "km"), ("en/", "en")])
def test_gallery_and_printers_downloads_are_real_pdfs(phone, site, prefix, lang):
    import subprocess

    phone.goto(site.url + prefix + "posters/")
    with phone.expect_download() as info:
        phone.locator(".campaign-poster-card figcaption a[download]").first.click()
    pdf = info.value.path()
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:" in out and "A4" in out or "595" in out
    phone.goto(site.url + prefix + "printers/")
    assert phone.locator(".campaign-printers__item").count() >= 6
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert height < 9000, height  # grouped by poster: was 16,700 px with one row per file
    screenshot(phone, f"printers-{lang}")
    with phone.expect_download() as info:
        phone.locator(".campaign-printers a[href*='a3-print']").first.click()
    boxes = subprocess.run(["pdfinfo", "-box", str(info.value.path())], capture_output=True, text=True).stdout
    assert "TrimBox" in boxes and "BleedBox" in boxes
