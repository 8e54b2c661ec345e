"""QR codes (segno) for posters and web pages, as inline SVG: vector on paper, tiny on the web."""

from __future__ import annotations

import base64

import segno


def page_url(site_url: str, slug: str, lang: str, default_lang: str = "km") -> str:
    """The poster's own web page: km at the site root, other languages under /<lang>/."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    prefix = "" if lang == default_lang else f"{lang}/"
    return f"{base}{prefix}posters/{slug}/"


def svg(url: str) -> str:
    """Inline SVG, scalable (viewBox only); 4-module white quiet zone included."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000")


def data_uri(url: str) -> str:
    """For <img src>: the same SVG as a data: URI (no extra file, no request)."""
    code = segno.make(url, error="m", micro=False)
    raw = code.svg_inline(scale=1, border=4, omitsize=True, light="#fff", dark="#000")
    return "data:image/svg+xml;base64," + base64.b64encode(raw.encode()).decode()
