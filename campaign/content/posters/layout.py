"""Poster HTML for the browser to print: one function of (posters, hotlines, paper, variant).

The HTML only refers to local files (fonts, image) by file:// URL, so Chromium
never touches the network and never falls back to a system font for text the
project fonts cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from campaign.content.hotlines.model import COUNTRIES, Hotlines
from campaign.content.hotlines.view import CALL, WHERE
from campaign.printing import qr
from campaign.printing.paper import BLEED_MM, Paper
from campaign.content.posters.source import Poster
from campaign.core import markdown
from campaign.core.templates import context, env
from campaign.languages import dates
from campaign.languages.catalog import translator
from campaign.languages.scripts import pdf_font_css, pdf_font_files, pdf_font_names

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
FONT_FILES = pdf_font_files()  # part of every cache key
FONT_NAMES = pdf_font_names()  # font names the PDFs may contain (anything else is a system font)
OFFICE_MARGIN_MM = 8.0  # most office inkjets cannot print the outer 3-5 mm
SAFE_MM = 6.0  # print: keep text this far inside the trim (cutting tolerance)


def body_html(md_text: str) -> Markup:
    """Poster body: Markdown; links print as their text; no pictures or HTML from the text."""
    html, _ = markdown.render(md_text, links="text", extensions=["sane_lists"])
    return Markup(html)


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
    checked = max((p.checked for p in posters if p.checked), default=None)
    _ = translator(lang)
    line = f"{_('Sources:')} " + " · ".join(hosts)
    return line + (f" — {_('checked')} {dates.digits(checked.text, lang)}" if checked else "")


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
        _ = translator(p.lang)
        ctx_parts.append({
            "lang": p.lang, "title": p.title, "html": body_html(p.body), "image_alt": p.image_alt,
            "call_label": _(CALL[h.country]), "hotline_name": h.text("name", p.lang),
            "dial_note": h.text("dial_note", p.lang),
            "check_first": _("check this number before relying on it") if h.confidence != "high" else "",
            "scan": _("Scan to read more"),
        })
    _ = translator(main.lang)
    also = []  # more numbers, grouped under the country they are called in
    for country in COUNTRIES:
        group = [h for h in (hotlines.get(hid) for hid in main.also) if h and h.country == country]
        if group:
            also.append({"where": _(WHERE[country]), "lines": [
                {"number": h.number, "name": h.text("name", main.lang), "dial_note": h.text("dial_note", main.lang),
                 "check_first": _("check this number before relying on it") if h.confidence != "high" else ""}
                for h in group]})
    image = main.image.as_uri() if main.image else ""
    html = env().get_template("posters/poster.html").render(
        **context(main.lang),
        parts=ctx_parts, hotline=hotline, also=also, image=image,
        accent=main.accent, variant=variant,
        page_w=_mm(paper.width_mm + 2 * bleed), page_h=_mm(paper.height_mm + 2 * bleed),
        bleed=_mm(bleed), safe=_mm(inset),
        unit=_mm(content_w / 100),  # 1 --u = 1 % of the printable width
        css=Markup((TEMPLATES / "poster.css").read_text(encoding="utf-8")),
        font_css=Markup(pdf_font_css([p.lang for p in parts])),
        qr_svg=Markup(qr.svg(qr_url)),
        qr_text=qr_url.split("://", 1)[-1],
        sources_line=sources_line(parts, hotlines, main.lang),
    )
    return PosterPage(html, paper.width_mm + 2 * bleed, paper.height_mm + 2 * bleed,
                      (main.image,) if main.image else ())


def _mm(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".")
