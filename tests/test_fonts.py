"""The Khmer font: the phone's own Noto Sans Khmer when it has one, the shipped one when not."""

from __future__ import annotations

import os

import pytest

from campaign.printing.browser import chromium_path
from conftest import CHROMIUM_ARGS, PHONE, ROOT
from test_browser_foundation import fonts_used

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def noto_phone(playwright):
    """A browser on a machine with Noto Sans Khmer installed (as most Android phones have)."""
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tests/fonts-noto.conf")}
    b = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, env=env)
    yield b
    b.close()


def visit(browser, url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    fonts = []
    page.on("request", lambda r: r.url.endswith(".woff2") and fonts.append(r.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    return context, page, fonts


def test_a_phone_with_noto_sans_khmer_downloads_no_font(noto_phone, site):
    context, page, fonts = visit(noto_phone, site.url + "rights/")
    assert fonts == []
    drawn = fonts_used(page, "article p")
    assert drawn == {} or "Noto Sans Khmer" in drawn  # the system copy (not a web font) draws it
    context.close()


def test_a_phone_without_it_downloads_the_shipped_one_and_draws_with_it(browser, site):
    context, page, fonts = visit(browser, site.url + "rights/")
    assert len(fonts) == 1 and "noto-sans-khmer" in fonts[0]
    assert fonts_used(page, "article p").get("Noto Sans Khmer", 0) > 5
    context.close()
