"""HTML blocks for the web pages: a poster's QR + downloads, the gallery, "For printers".

Each function returns one block element with no blank line inside, so the
adapter can put it into Markdown where a marker was. Links come from
``url_for(path)``, which receives a site-root-relative path such as
``posters/pdf/money-km-a4-office.pdf`` or ``en/posters/money/`` and returns the
URL to write in the current page (the adapter knows where the page lives).
"""

from __future__ import annotations

import posixpath
from typing import Callable
from urllib.parse import urlsplit

from campaign.languages import khmer
from campaign.core import pages
from campaign.core.templates import one_block
from campaign.content.posters.cache import FileInfo, Manifest
from campaign.content.posters.layout import env
from campaign.content.posters.qr import data_uri, page_url
from campaign.content.guides.guide import guide_path
from campaign.content.posters.source import Poster, group
from campaign.content.posters.strings import STRINGS, t

UrlFor = Callable[[str], str]


def relative_url_for(page_path: str) -> UrlFor:
    """url_for for a page at ``page_path`` (site-relative, e.g. "en/posters/money/")."""
    here = page_path if page_path.endswith("/") else posixpath.dirname(page_path) + "/"

    def url_for(target: str) -> str:
        rel = posixpath.relpath("/" + target, "/" + here)
        return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel

    return url_for


def _strings(lang: str) -> dict[str, str]:
    return {k: t(k, lang) for k in STRINGS}


def _num(n: int | str, lang: str) -> str:
    return khmer.digits(n) if lang == "km" else str(n)


def _size(n: int, lang: str) -> str:
    if n >= 1024 * 1024:
        text = f"{n / (1024 * 1024):.1f} MB"
    else:
        text = f"{max(1, round(n / 1024))} KB"
    return _num(text, lang)


def _lang_name(code: str, lang: str) -> str:
    if "-" in code:
        return t("bilingual", lang)
    return t(f"lang_{code}", lang) if f"lang_{code}" in STRINGS else code


def _download_label(f: FileInfo, lang: str, with_lang: bool) -> str:
    what = t("office", lang) if f.variant == "office" else t("print_shop", lang)
    label = f"{f.paper.upper()} · {what}"
    return f"{label} · {_lang_name(f.lang, lang)}" if with_lang else label


def _downloads(manifest: Manifest, slug: str, codes: list[str], lang: str, url_for: UrlFor,
               with_lang: bool) -> list[dict]:
    order = {"a4office": 0, "a4print": 1, "a3print": 2, "a2print": 3}
    out = []
    for code in codes:
        files = sorted(manifest.for_poster(slug, code), key=lambda f: order.get(f.paper + f.variant, 9))
        for f in files:
            out.append({"url": url_for(f.path), "label": _download_label(f, lang, with_lang),
                        "size": _size(f.bytes, lang)})
    return out


def _codes(manifest: Manifest, slug: str, lang: str) -> list[str]:
    """This language first, then the bilingual version(s) containing it."""
    langs = sorted({f.lang for f in manifest.files if f.slug == slug and f.kind == "poster"})
    return [lang] + [c for c in langs if "-" in c and lang in c.split("-")]


def poster_block_html(poster: Poster, lang: str, manifest: Manifest, url_for: UrlFor,
                      site_url: str, default_lang: str = "km") -> str:
    """QR code of this page + download links + sources, appended to the poster's web page."""
    codes = _codes(manifest, poster.slug, lang)
    sources = [{"url": u, "host": urlsplit(u).netloc.removeprefix("www.")} for u in poster.sources]
    html = env().get_template("poster_block.html").render(
        lang=lang, s=_strings(lang),
        qr_src=data_uri(page_url(site_url, poster.slug, lang, default_lang)),
        downloads=_downloads(manifest, poster.slug, codes, lang, url_for, with_lang=True),
        review=poster.khmer_review and lang == "km", sources=sources,
        checked=_num(poster.checked, lang),
    )
    return one_block(html)


def gallery_html(posters: list[Poster], lang: str, manifest: Manifest, url_for: UrlFor,
                 default_lang: str = "km") -> str:
    """Thumbnail cards (lazy images) of every poster written in ``lang``."""
    cards = []
    for slug, langs in group(posters).items():
        p = langs.get(lang)
        if p is None:
            continue
        thumb = manifest.get(f"posters/thumbs/{slug}-{lang}.webp")
        page = pages.page_url(f"posters/{slug}.md", lang, default_lang)
        office = [f for f in manifest.for_poster(slug, lang) if f.variant == "office"]
        downloads = [{"url": url_for(f.path), "label": f"PDF {f.paper.upper()} · {_size(f.bytes, lang)}"}
                     for f in office]
        cards.append({"page": url_for(page), "title": p.title, "review": p.khmer_review and lang == "km",
                      "thumb": url_for(thumb.path) if thumb else "",
                      "w": thumb.width_px if thumb else 0, "h": thumb.height_px if thumb else 0,
                      "downloads": downloads})
    return one_block(env().get_template("gallery.html").render(lang=lang, s=_strings(lang),
                                                                cards=cards))


def printers_html(manifest: Manifest, lang: str, url_for: UrlFor,
                  posters: list[Poster] | None = None) -> str:
    """Every PDF with paper size, bleed, colour mode, page count and file size, at stable URLs."""
    titles = {p.slug: p.title for p in posters or [] if p.lang == lang}  # this page's language
    rows = []
    pdfs = [f for f in manifest.files if f.kind in ("poster", "guide")]
    kind_order = {"guide": 0, "poster": 1}
    for f in sorted(pdfs, key=lambda f: kind_order[f.kind]):  # stable: gallery order kept
        title = (titles.get(f.slug) if f.kind == "poster" else None) or f.title or f.slug
        bleed = t("mm_each_side", lang, n=_num(f"{f.bleed_mm:g}", lang)) if f.bleed_mm else t("none", lang)
        what = t("office", lang) if f.variant == "office" else (
            t("print_shop", lang) if f.variant == "print" else t("guides", lang))
        rows.append({"url": url_for(f.path), "name": posixpath.basename(f.path),
                     "title": f"{title} · {_lang_name(f.lang, lang)} · {what}",
                     "paper": f.paper.upper(), "bleed": bleed, "colour": t("rgb", lang),
                     "pages": _num(f.pages, lang), "size": _size(f.bytes, lang)})
    return one_block(env().get_template("printers.html").render(lang=lang, s=_strings(lang),
                                                                 rows=rows))


def guide_link_html(guide, lang: str, manifest: Manifest, url_for: UrlFor) -> str:
    """A download link to the guide's booklet PDF, for the end of the guide's web page."""
    f = manifest.get(guide_path(guide.name, lang))
    if f is None:
        return ""
    return one_block(env().from_string(
        '<p class="campaign-guide-download" markdown="0"><a href="{{ url }}" download>{{ label }}</a>'
        ' <small>({{ paper }} · {{ pages }} · {{ size }})</small></p>').render(
        url=url_for(f.path), label=t("guide_download", lang), paper=f.paper.upper(),
        pages=_num(f.pages, lang) + (" ទំព័រ" if lang == "km" else " pages"), size=_size(f.bytes, lang)))
