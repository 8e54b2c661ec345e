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
    """For print shops: per guide and poster, one line per paper size with a link per language
    version, and one archive per language version; stable URLs, sizes in the reader's digits."""
    _ = translator(lang)
    titles = {p.slug: p.title for p in posters or [] if p.lang == lang}  # this page's language
    order = {"a4office": 0, "a4print": 1, "a3print": 2, "a2print": 3, "a5booklet": 4}
    items = []
    for kind in ("guide", "poster"):
        slugs = list(dict.fromkeys(f.slug for f in manifest.files if f.kind == kind))  # gallery order
        for slug in slugs:
            files = [f for f in manifest.files if f.kind == kind and f.slug == slug]
            codes = list(dict.fromkeys(f.lang for f in sorted(files, key=lambda f: (lang not in f.lang.split("-"),
                                                                                      "-" in f.lang))))
            lines = []
            for size in sorted({(f.paper, f.variant) for f in files}, key=lambda s: order.get(s[0] + s[1], 9)):
                sample = next(f for f in files if (f.paper, f.variant) == size)
                links = [{"url": url_for(f.path), "label": lang_label(f.lang, lang), "size": size_text(f.bytes, lang),
                          "name": posixpath.basename(f.path)}
                         for code in codes for f in files if f.lang == code and (f.paper, f.variant) == size]
                bleed = (_("%(n)s mm each side", n=dates.digits(f"{sample.bleed_mm:g}", lang)) if sample.bleed_mm
                         else _("none"))
                lines.append({"what": f"{sample.paper.upper()} · {variant_label(sample, lang)}", "bleed": bleed,
                              "links": links})
            archives = [{"url": url_for(a.path), "label": lang_label(a.lang, lang), "size": size_text(a.bytes, lang)}
                        for code in codes for a in manifest.files
                        if a.kind == "archive" and a.slug == slug and a.lang == code]
            title = (titles.get(slug) if kind == "poster" else None) or files[0].title or slug
            items.append({"title": title, "lines": lines, "archives": archives})
    return fragment("posters/printers.html", lang, items=items)
