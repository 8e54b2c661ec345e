"""Guides: a page printed as an A5 booklet with a table of contents (``rights.md`` by default).

The page itself is a page staff write; this type reads it (through the site's page
reader), the posters type prints it with the posters, and a download link is added
under the page.
"""

from __future__ import annotations

from campaign.content.base import ContentType, register
from campaign.content.guides.guide import Guide, guide_path, guides_from_pages, load_guides
from campaign.core.templates import fragment
from campaign.core.urls import relative_from
from campaign.languages import dates

__all__ = ["Guide", "guide_path", "load_guides", "GuidesType"]


@register
class GuidesType(ContentType):
    name = "guides"

    def load(self, ctx):
        names = ctx.config.option("guides", ["rights"])
        guides, diags = [], []
        for name in names if isinstance(names, list) else [names]:
            pages = [p for p in ctx.site.pages.values() if p.rel == f"{name}.md"]
            g, d = guides_from_pages(pages, ctx.languages, name)
            guides += g
            diags += d
        return tuple(guides), diags

    def page_extras(self, project, page, prepared):
        manifest = (prepared or {}).get("posters")
        guide = next((g for g in project.guides if g.lang == page.lang and f"{g.name}.md" == page.rel), None)
        f = manifest.get(guide_path(guide.name, guide.lang)) if manifest and guide else None
        if f is None:
            return ""
        return fragment("guides/download.html", page.lang, url=relative_from(page.url)(f.path),
                        paper=f.paper.upper(), pages=dates.digits(f.pages, page.lang),
                        size=dates.format_size(f.bytes, page.lang))
