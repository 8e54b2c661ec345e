"""Offline reading survives switching language, and the offline page works at any address.

Each test uses its own browser context (the ``phone`` fixture fails on failed requests,
which is what going offline makes)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from conftest import PHONE, _Quiet, free_port, screenshot

pytestmark = pytest.mark.browser
KEY = ["", "hotlines/", "rights/", "before-you-go/", "tour/"]


def saved(page, lang: str, count: int):
    """Wait until the worker has saved ``lang``'s key pages."""
    page.wait_for_function("""async ([lang, count]) => {
        const names = (await caches.keys()).filter((k) => k.startsWith(`campaign-${lang}-`));
        if (!names.length) return false;
        return (await (await caches.open(names[0])).keys()).length >= count; }""", arg=[lang, count],
        polling=200, timeout=30000)


def opens_offline(page, url: str, lang: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, url
    assert page.evaluate("document.documentElement.lang") == lang, url
    assert page.locator("article h1").count() == 1, url


@pytest.mark.parametrize("first,second", [("", "en/"), ("en/", "")])
def test_every_language_visited_stays_available_offline(browser, site, first, second):
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(site.url + first)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    lang1, lang2 = ("km", "en") if first == "" else ("en", "km")
    saved(page, lang1, len(KEY))
    page.goto(site.url + second)  # the reader switches language
    saved(page, lang2, len(KEY))
    context.set_offline(True)
    for prefix, lang in ((first, lang1), (second, lang2)):
        for path in KEY:
            opens_offline(page, site.url + prefix + path, lang)
    context.close()


def test_a_language_never_visited_shows_its_own_offline_page(browser, site):
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(site.url)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    saved(page, "km", len(KEY))
    context.set_offline(True)
    page.click("a.campaign-languages__link[hreflang=en]")  # the reader taps "English"
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("article h1").inner_text().startswith("You are offline")
    screenshot(page, "offline-en-never-visited")
    context.close()


@pytest.fixture(scope="module")
def sub_path(site, tmp_path_factory):
    """The same built site served at another address, under /campaign/."""
    root = tmp_path_factory.mktemp("subpath")
    shutil.copytree(site.root, root / "campaign")
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/campaign/"
    server.shutdown()


@pytest.mark.parametrize("prefix,lang,title", [("", "km", "អ្នកមិនមានអ៊ីនធឺណិតទេ"), ("en/", "en", "You are offline")])
def test_offline_page_works_under_a_sub_path_at_another_address(browser, sub_path, prefix, lang, title):
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(sub_path + prefix)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    saved(page, lang, len(KEY))
    context.set_offline(True)
    page.goto(sub_path + prefix + "tour/events/paoy-paet-theatre-2026-08-07/")  # never saved
    assert page.locator("article h1").inner_text().startswith(title)
    # its styles and font came from the saved copy, at this address
    assert page.evaluate("getComputedStyle(document.querySelector('.campaign-callbar')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"
    link = page.locator("article a[href*='hotlines']").first
    assert link.evaluate("a => a.href") == sub_path + prefix + "hotlines/"
    link.click()
    page.wait_for_url(sub_path + prefix + "hotlines/")
    assert page.locator("a.campaign-hotline__call").count() >= 5
    screenshot(page, f"offline-subpath-{lang}")
    context.close()
