"""Print-ready posters and guides: sources, PDFs (Chromium + pikepdf), thumbnails, web blocks.

Public API (the MkDocs adapter calls only these; nothing here imports MkDocs):

    load_posters(docs_dir, languages, hotlines) -> (list[Poster], list[Diagnostic])
    load_guides(docs_dir, languages, name="rights") -> (list[Guide], list[Diagnostic])
    render_posters(posters, hotlines, site_url, out_dir, cache_dir, guides=(), languages=None)
        -> (Manifest, list[Diagnostic])      # writes to out_dir only when there is no error
    poster_block_html(poster, lang, manifest, url_for, site_url) -> str
    gallery_html(posters, lang, manifest, url_for) -> str
    printers_html(manifest, lang, url_for, posters=None) -> str
    relative_url_for(page_path) -> url_for   # url_for(site-relative path) -> URL from that page

Output paths (relative to out_dir): posters/pdf/<slug>-<lang>-a4-office.pdf,
posters/pdf/<slug>-<lang>-<a4|a3|a2>-print.pdf (<lang> is km, en or km-en),
posters/thumbs/<slug>-<lang>.webp, guides/rights-<lang>.pdf.
"""

from campaign.content.posters.blocks import gallery_html, guide_link_html, poster_block_html, printers_html, relative_url_for
from campaign.content.posters.cache import FileInfo, Manifest
from campaign.content.guides.guide import Guide, load_guides
from campaign.content.posters.render import render_posters
from campaign.content.posters.source import Poster, load_posters

__all__ = ["load_posters", "load_guides", "render_posters", "poster_block_html", "gallery_html",
           "printers_html", "guide_link_html", "relative_url_for", "Poster", "Guide", "Manifest", "FileInfo"]
