"""Poster HTML for the browser to print: one function of (posters, hotlines, paper, variant).

The HTML only refers to local files (fonts, image) by file:// URL, so Chromium
never touches the network and never falls back to a system font for text the
project fonts cover.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markdown
from markupsafe import Markup

from campaign.content.hotlines.model import Hotlines
from campaign.content.posters import qr
from campaign.content.posters.paper import BLEED_MM, Paper
from campaign.content.posters.source import Poster
from campaign.content.posters.strings import t

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
FONTS = {
    "khmer_regular": HERE.parent.parent / "languages" / "fonts" / "NotoSansKhmer-Regular.ttf",
    "khmer_bold": HERE.parent.parent / "languages" / "fonts" / "NotoSansKhmer-Bold.ttf",
    "latin_regular": HERE.parent.parent / "languages" / "fonts" / "NotoSans-Regular.ttf",
    "latin_bold": HERE.parent.parent / "languages" / "fonts" / "NotoSans-Bold.ttf",
}
# Font names the PDFs may contain (anything else means a system font slipped in).
FONT_NAMES = {"NotoSansKhmer-Regular", "NotoSansKhmer-Bold", "NotoSans-Regular", "NotoSans-Bold"}
OFFICE_MARGIN_MM = 8.0  # most office inkjets cannot print the outer 3-5 mm
SAFE_MM = 6.0  # print: keep text this far inside the trim (cutting tolerance)

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S)
_IMG = re.compile(r"<img\b[^>]*>")


@functools.lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=False)


def body_html(md_text: str) -> Markup:
    """Poster body: Markdown without comments; links print as their text; no inline images."""
    html = markdown.markdown(_COMMENT.sub("", md_text), extensions=["sane_lists"])
    html = _LINK.sub(r"<span>\1</span>", html)
    html = _IMG.sub("", html)
    return Markup(html)  # staff-written Markdown, as MkDocs renders it on the web page


def sources_line(posters: list[Poster], hotlines: Hotlines, lang: str) -> str:
    """Short printed credit: host names of every source, and when they were checked."""
    urls: list[str] = []
    for p in posters:
        urls += list(p.sources)
        for hid in (p.hotline, *p.also):
            h = hotlines.get(hid)
            if h and h.source:
                urls.append(h.source)
    hosts: list[str] = []
    for u in urls:
        host = urlsplit(u).netloc.removeprefix("www.").removeprefix("m.")
        if host and host not in hosts:
            hosts.append(host)
    checked = max((p.checked for p in posters if p.checked), default="")
    line = f"{t('sources', lang)} " + " · ".join(hosts)
    return line + (f" — {t('checked', lang)} {checked}" if checked else "")


@dataclass(frozen=True)
class PosterPage:
    """What the browser prints: HTML plus the page size it asks for."""
    html: str
    page_w_mm: float
    page_h_mm: float
    images: tuple[Path, ...]


def poster_html(parts: list[Poster], hotlines: Hotlines, qr_url: str, paper: Paper,
                variant: str) -> PosterPage:
    """``parts``: one poster, or [khmer, english] for the bilingual version (first is main)."""
    main = parts[0]
    hotline = hotlines.get(main.hotline)
    bleed = BLEED_MM if variant == "print" else 0.0
    inset = SAFE_MM if variant == "print" else OFFICE_MARGIN_MM
    trim_w = paper.width_mm
    content_w = trim_w - 2 * inset
    ctx_parts = []
    for p in parts:
        h = hotlines.get(p.hotline) or hotline
        ctx_parts.append({
            "lang": p.lang, "title": p.title, "html": body_html(p.body),
            "image_alt": p.image_alt,
            "call_label": t(f"call_{h.country}", p.lang) if h.country in ("TH", "KH") else "",
            "hotline_name": h.text("name", p.lang),
            "dial_note": (h.dial_note or {}).get(p.lang, ""),
            "check_first": t("check_first", p.lang) if h.confidence != "high" else "",
            "scan": t("scan", p.lang),
        })
    also = []
    for hid in main.also:
        h = hotlines.get(hid)
        if h:
            also.append({"number": h.number, "name": h.text("name", main.lang),
                         "dial_note": (h.dial_note or {}).get(main.lang, ""),
                         "check_first": t("check_first", main.lang) if h.confidence != "high" else ""})
    image = main.image.as_uri() if main.image else ""
    html = env().get_template("poster.html").render(
        parts=ctx_parts, hotline=hotline, also=also, image=image,
        accent=main.accent, variant=variant,
        page_w=_mm(paper.width_mm + 2 * bleed), page_h=_mm(paper.height_mm + 2 * bleed),
        bleed=_mm(bleed), safe=_mm(inset),
        unit=_mm(content_w / 100),  # 1 --u = 1 % of the printable width
        css=Markup((TEMPLATES / "poster.css").read_text(encoding="utf-8")),
        fonts={k: v.as_uri() for k, v in FONTS.items()},
        qr_svg=Markup(qr.svg(qr_url)),
        qr_text=qr_url.split("://", 1)[-1],
        sources_line=sources_line(parts, hotlines, main.lang),
    )
    return PosterPage(html, paper.width_mm + 2 * bleed, paper.height_mm + 2 * bleed,
                      (main.image,) if main.image else ())


def _mm(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".")
