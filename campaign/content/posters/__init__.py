"""Print-ready posters: one Markdown file per poster and language (docs/<lang>/posters/<slug>.md).

The same file is the poster's web page. Each build makes, per poster and language, an office
A4 PDF and print-shop PDFs (bleed, crop marks, trim and bleed boxes), bilingual versions
for the configured language pairs, a QR code to the page and a gallery thumbnail.
Markers: ``campaign:posters-gallery`` and ``campaign:printers``.
"""

from __future__ import annotations

from campaign.content.base import ContentType, Marker, MarkerCall, StatusItem, register
from campaign.content.posters.blocks import gallery_html, poster_block_html, printers_html, relative_url_for
from campaign.printing.cache import FileInfo, Manifest
from campaign.content.posters.render import default_pairs, render_posters
from campaign.content.posters.source import Poster, load_posters, posters_from_pages
from campaign.core.diagnostics import Position, warning
from campaign.core.urls import relative_from

__all__ = ["load_posters", "render_posters", "poster_block_html", "gallery_html", "printers_html",
           "relative_url_for", "Poster", "Manifest", "FileInfo", "PostersType"]


def _manifest(call: MarkerCall) -> Manifest | None:
    return (call.prepared or {}).get("posters")


def _gallery(call: MarkerCall) -> str:
    m = _manifest(call)
    if m is None:  # `campaign check` validates without rendering pages
        return ""
    p = call.project
    return gallery_html(list(p.posters), call.lang, m, relative_from(call.page.url), p.config.default)


def _printers(call: MarkerCall) -> str:
    m = _manifest(call)
    return printers_html(m, call.lang, relative_from(call.page.url), list(call.project.posters)) if m else ""


def bilingual_pairs(config) -> tuple[tuple[str, str], ...]:
    """``bilingual_posters: [km-en, km-th]`` in the campaign plugin's settings, or the default pair."""
    raw = config.option("bilingual_posters")
    if raw is None:
        return default_pairs(config.languages)
    pairs = []
    for item in raw if isinstance(raw, list) else [raw]:
        a, _, b = str(item).partition("-")
        if a in config.languages and b in config.languages and a != b:
            pairs.append((a, b))
    return tuple(pairs)


@register
class PostersType(ContentType):
    name = "posters"
    requires = ("hotlines", "guides")
    markers = (Marker("posters-gallery", _gallery, help="thumbnails of every poster"),
               Marker("printers", _printers, help="every PDF for print shops"))

    def load(self, ctx):
        pages = [p for p in ctx.site.pages.values() if p.rel.startswith("posters/")]
        return posters_from_pages(pages, ctx.languages, ctx.models["hotlines"], ctx.today)

    def prepare(self, project, out_dir, cache_dir):
        config = project.config
        manifest, diags = render_posters(list(project.posters), project.hotlines, config.site_url, out_dir,
                                         cache_dir, guides=list(project.guides), languages=config.languages,
                                         bilingual=bilingual_pairs(config))
        if project.posters and project.is_local_address:
            diags.append(warning(Position(config.config_file, 1, 1),
                                 f"the posters' QR codes point to {config.site_url}, a local address",
                                 "SITE_URL=https://<public address>/ when building the site to publish"))
        return manifest, diags

    def page_extras(self, project, page, prepared):
        m = (prepared or {}).get("posters")
        poster = next((p for p in project.posters if p.lang == page.lang and f"posters/{p.slug}.md" == page.rel), None)
        if m is None or poster is None:
            return ""
        return poster_block_html(poster, page.lang, m, relative_from(page.url), project.config.site_url,
                                 project.config.default)

    def status(self, project):
        out = []
        slugs = {p.slug: {q.lang for q in project.posters if q.slug == p.slug} for p in project.posters}
        for p in project.posters:
            if p.review_needed:
                out.append(StatusItem("review_needed", p.path, p.lang, f"poster '{p.slug}'"))
        for slug, langs in slugs.items():
            for lang in project.config.languages:
                if lang not in langs:
                    out.append(StatusItem("untranslated", f"docs/{lang}/posters/{slug}.md", lang, f"poster '{slug}'"))
        return out
