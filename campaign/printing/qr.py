"""QR codes (segno) for posters and web pages, as inline SVG: vector on paper, tiny on the web."""

from __future__ import annotations

import functools

import segno

from campaign.core import pages


def page_url(site_url: str, slug: str, lang: str, default_lang: str = "km") -> str:
    """The poster's own web page, absolute (the site's one URL rule: ``pages.page_url``)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + pages.page_url(f"posters/{slug}.md", lang, default_lang)


@functools.lru_cache(maxsize=512)  # the same few codes on every build of a preview
def svg(url: str) -> str:
    """Inline SVG, scalable (viewBox only); 4-module white quiet zone included."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000")


@functools.lru_cache(maxsize=512)
def data_uri(url: str) -> str:
    """For <img src>: the same SVG as a data: URI (no extra file, no request)."""
    # svg_data_uri keeps the SVG namespace, which an <img> needs (inline SVG does not).
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(scale=1, border=4, omitsize=True, light="#fff", dark="#000")
