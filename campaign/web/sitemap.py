"""sitemap.xml: every page of every language, each with its alternates (hreflang) and x-default."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import quoteattr, escape

from campaign.core.urls import absolute


def sitemap_xml(site_url: str, pages: dict[str, dict[str, str]], default: str) -> str:
    """``pages``: rel → {lang: site-relative URL}, every language of every page."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for rel in sorted(pages):
        urls = pages[rel]
        for lang, url in urls.items():
            out.append(f"<url><loc>{escape(absolute(site_url, url))}</loc>")
            for other, other_url in urls.items():
                out.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(other)} '
                           f'href={quoteattr(absolute(site_url, other_url))}/>')
            if default in urls:
                out.append(f'<xhtml:link rel="alternate" hreflang="x-default" '
                           f'href={quoteattr(absolute(site_url, urls[default]))}/>')
            out.append("</url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def write_sitemap(site_dir: Path, xml: str) -> None:
    (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
