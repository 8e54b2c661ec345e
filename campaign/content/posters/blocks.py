"""HTML blocks for the web pages: a poster's QR + downloads, the gallery, "For printers".

Each function returns one block element with no blank line inside, so it can sit in
Markdown where a marker was. Links come from ``url_for(path)``, which receives a
site-root-relative path such as ``posters/pdf/money-km-a4-office.pdf`` and returns the
link to write in the current page (``campaign.core.urls.relative_from``).
"""

from __future__ import annotations

import posixpath
from typing import Callable
from urllib.parse import urlsplit

from campaign.printing.cache import FileInfo, Manifest
from campaign.printing.qr import data_uri, page_url
from campaign.content.posters.source import Poster, group
from campaign.core.templates import fragment
from campaign.core.urls import page_url as site_page_url
from campaign.core.urls import relative_from
from campaign.languages import dates
from campaign.languages.catalog import translator
from campaign.languages.pack import language_name

UrlFor = Callable[[str], str]
relative_url_for = relative_from  # the name the adapter and tests know


size_text = dates.format_size


def lang_label(code: str, lang: str) -> str:
    """"Khmer", or "Khmer and English" for a bilingual file, in the reader's language."""
    parts = code.split("-")
    if len(parts) == 1:
        return language_name(code, lang)
    _ = translator(lang)
    return _("%(first)s and %(second)s", first=language_name(parts[0], lang), second=language_name(parts[1], lang))


def variant_label(f: FileInfo, lang: str) -> str:
    _ = translator(lang)
    if f.variant == "office":
        return _("office printer")
    if f.variant == "print":
        return _("print shop (3 mm bleed, crop marks)")
    return _("Guides")


def _downloads(manifest: Manifest, slug: str, codes: list[str], lang: str, url_for: UrlFor) -> list[dict]:
    order = {"a4office": 0, "a4print": 1, "a3print": 2, "a2print": 3}
    out = []
    for code in codes:
        for f in sorted(manifest.for_poster(slug, code), key=lambda f: order.get(f.paper + f.variant, 9)):
            out.append({"url": url_for(f.path), "size": size_text(f.bytes, lang),
                        "label": f"{f.paper.upper()} · {variant_label(f, lang)} · {lang_label(f.lang, lang)}"})
    return out


def _codes(manifest: Manifest, slug: str, lang: str) -> list[str]:
    """This language first, then the bilingual version(s) containing it."""
    langs = sorted({f.lang for f in manifest.files if f.slug == slug and f.kind == "poster"})
    return [lang] + [c for c in langs if "-" in c and lang in c.split("-")]


def poster_block_html(poster: Poster, lang: str, manifest: Manifest, url_for: UrlFor,
                      site_url: str, default_lang: str = "km") -> str:
    """QR code of this page + download links + sources, appended to the poster's web page."""
    sources = [{"url": u, "host": urlsplit(u).netloc.removeprefix("www.")} for u in poster.sources]
    return fragment(
        "posters/poster_block.html", lang,
        qr_src=data_uri(page_url(site_url, poster.slug, lang, default_lang)),
        downloads=_downloads(manifest, poster.slug, _codes(manifest, poster.slug, lang), lang, url_for),
        sources=sources, checked=poster.checked)


def gallery_html(posters: list[Poster], lang: str, manifest: Manifest, url_for: UrlFor,
                 default_lang: str = "km") -> str:
    """Thumbnail cards (lazy images) of every poster written in ``lang``."""
    cards = []
    for slug, langs in group(posters).items():
        p = langs.get(lang)
        if p is None:
            continue
        thumb = manifest.get(f"posters/thumbs/{slug}-{lang}.webp")
        page = site_page_url(f"posters/{slug}.md", lang, default_lang)
        office = [f for f in manifest.for_poster(slug, lang) if f.variant == "office"]
        downloads = [{"url": url_for(f.path), "label": f"PDF {f.paper.upper()} · {size_text(f.bytes, lang)}"}
                     for f in office]
        cards.append({"page": url_for(page), "title": p.title,
                      "thumb": url_for(thumb.path) if thumb else "",
                      "w": thumb.width_px if thumb else 0, "h": thumb.height_px if thumb else 0,
                      "downloads": downloads})
    return fragment("posters/gallery.html", lang, cards=cards)


def printers_html(manifest: Manifest, lang: str, url_for: UrlFor, posters: list[Poster] | None = None) -> str:
    """Every PDF with paper size, bleed, colour mode, page count and file size, at stable URLs."""
    _ = translator(lang)
    titles = {p.slug: p.title for p in posters or [] if p.lang == lang}  # this page's language
    rows = []
    pdfs = [f for f in manifest.files if f.kind in ("poster", "guide")]
    kind_order = {"guide": 0, "poster": 1}
    for f in sorted(pdfs, key=lambda f: kind_order[f.kind]):  # stable: gallery order kept
        title = (titles.get(f.slug) if f.kind == "poster" else None) or f.title or f.slug
        bleed = (_("%(n)s mm each side", n=dates.digits(f"{f.bleed_mm:g}", lang)) if f.bleed_mm
                 else _("none"))
        rows.append({"url": url_for(f.path), "name": posixpath.basename(f.path),
                     "title": f"{title} · {lang_label(f.lang, lang)} · {variant_label(f, lang)}",
                     "paper": f.paper.upper(), "bleed": bleed, "colour": "RGB",
                     "pages": dates.digits(f.pages, lang), "size": size_text(f.bytes, lang)})
    return fragment("posters/printers.html", lang, rows=rows)
