"""The "Know your rights" guide as a printable A5 booklet PDF, from docs/<lang>/rights.md.

Cover (title, primary hotline, QR to the web page), a table of contents with
page numbers, then the text. Chromium numbers the pages (@page margin boxes)
and writes a named destination per heading; page numbers for the contents are
read from those destinations after a first pass, and a second pass prints them
(the contents keep the same size, so no page moves).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from markupsafe import Markup

from campaign.content.hotlines.model import Hotlines
from campaign.printing import printbox, qr
from campaign.printing.cache import Cache, FileInfo, key_of, sha256
from campaign.content.hotlines.view import CALL
from campaign.printing.paper import PAPERS
from campaign.core import markdown
from campaign.core.diagnostics import Diagnostic, Position, error, warning
from campaign.core.fields import Fields
from campaign.core.pages import PageSource, read_page
from campaign.core.templates import context, env
from campaign.core.urls import absolute, page_url
from campaign.languages import dates
from campaign.languages.catalog import translator
from campaign.languages.pack import pack
from campaign.languages.scripts import pdf_font_css, pdf_stack

TEMPLATES = Path(__file__).parent / "templates"
PAPER = PAPERS["a5"]
ACCENT = "#1d4e89"


@dataclass(frozen=True)
class Guide:
    name: str  # "rights"
    lang: str
    path: str  # display path
    file: Path
    title: str
    description: str
    body: str
    review_needed: bool


def guide_path(name: str, lang: str) -> str:
    return f"guides/{name}-{lang}.pdf"


def load_guides(docs_dir: Path, languages, name: str = "rights") -> tuple[list[Guide], list[Diagnostic]]:
    """``docs/<lang>/<name>.md`` for each language, read with the site's page reader."""
    pages, diags = [], []
    docs_dir = Path(docs_dir)
    for lang in languages:
        file = docs_dir / lang / f"{name}.md"
        if file.is_file():
            page, d = read_page(file, lang, f"{name}.md", str(Path(docs_dir.name) / lang / f"{name}.md"))
            pages.append(page)
            diags += d
    guides, d = guides_from_pages(pages, languages, name)
    return guides, diags + d


def guides_from_pages(pages, languages, name: str = "rights") -> tuple[list[Guide], list[Diagnostic]]:
    """The guide ``<name>.md`` in each language (a missing language is a warning)."""
    guides: list[Guide] = []
    diags: list[Diagnostic] = []
    by_lang = {p.lang: p for p in pages if p.rel == f"{name}.md"}
    for lang in languages:
        page = by_lang.get(lang)
        if page is None:
            display = f"docs/{lang}/{name}.md"
            diags.append(warning(Position(display, 1, 1), f"no {lang} '{name}' guide: its booklet PDF is not made",
                                 f"a file {display}"))
            continue
        g, d = guide_from_page(page, name)
        diags += d
        if g:
            guides.append(g)
    return guides, diags


def guide_from_page(page: PageSource, name: str = "rights") -> tuple[Guide | None, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    f = Fields(page.header, diags, f"guide {page.display}", Position(page.display, 1, 1))
    title = f.text("title", expected="the guide's title") if f.map is not None else None
    if f.map is None:
        diags.append(error(Position(page.display, 1, 1), "the guide has no header with its title",
                           "a header `---`, `title: …`, `---` at the top of the file"))
    description = (f.text("description", required=False) or "") if f.map is not None else ""
    if not page.body.strip():
        diags.append(error(Position(page.display, page.body_line, 1), "the guide has no text",
                           "the guide's sections after the header"))
    if not title:
        return None, diags
    return Guide(name, page.lang, page.display, page.path, title, description, page.body, page.review_needed), diags


def _ascii_id(value: str, separator: str) -> str:
    """Short ASCII heading ids: they become PDF destination names (Khmer ones are too long)."""
    return "h-" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:10]


def body_html(md_text: str) -> tuple[str, list[dict]]:
    """Markdown → HTML with heading ids, links printed with their address, and the h2/h3 list."""
    html, md = markdown.render(md_text, links="address",
                               extensions=["toc", "tables", "admonition", "attr_list", "sane_lists"],
                               extension_configs={"toc": {"slugify": _ascii_id, "toc_depth": "2-3"}})
    toc = [{"level": t["level"], "id": t["id"], "name": t["name"]} for t in _flatten(md.toc_tokens)]
    return html, toc


def _flatten(tokens):
    for t in tokens:
        if t["level"] in (2, 3):
            yield t
        yield from _flatten(t["children"])


def guide_html(g: Guide, hotlines: Hotlines, site_url: str, pages: dict[str, int] | None,
               default_lang: str = "km") -> str:
    body, toc = body_html(g.body)
    for h in toc:
        h["page"] = dates.digits(pages[h["id"]], g.lang) if pages and h["id"] in pages else ""
    url = absolute(site_url, page_url(f"{g.name}.md", g.lang, default_lang))
    hot = hotlines.primary or (hotlines.items[0] if hotlines.items else None)
    css = (TEMPLATES / "guide.css").read_text(encoding="utf-8") + \
        f"\n.cover {{ width: {PAPER.width_mm}mm; height: {PAPER.height_mm}mm; }}"
    _ = translator(g.lang)
    return env().get_template("guides/guide.html").render(
        **context(g.lang), title=g.title, description=g.description, accent=ACCENT,
        page_w=PAPER.width_mm, page_h=PAPER.height_mm, css=Markup(css),
        font_css=Markup(pdf_font_css([g.lang])), stack=Markup(pdf_stack(g.lang)), counter=pack(g.lang).counter_style,
        toc=toc, body=Markup(body),
        hotline=hot, hotline_name=hot.text("name", g.lang) if hot else "",
        call_label=_(CALL[hot.country]) if hot else "",
        qr_svg=Markup(qr.svg(url)), qr_note=_("Scan the QR code to read the latest version on a phone"),
        qr_text=url.split("://", 1)[-1], contents=_("Contents"),
    )


def dest_pages(pdf: bytes) -> dict[str, int]:
    """Named destination (heading id) → 1-based page number."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        index = {p.objgen: i + 1 for i, p in enumerate(doc.pages)}
        dests = doc.Root.get("/Dests")
        out: dict[str, int] = {}
        if dests is not None:
            for name, arr in dests.items():
                page = arr[0] if isinstance(arr, pikepdf.Array) else arr.get("/D")[0]
                out[name.lstrip("/")] = index.get(page.objgen, 0)
        return out


def finish(pdf: bytes, title: str, lang: str) -> tuple[bytes, int]:
    """Exact A5 pages (Chromium rounds to CSS pixels), fixed metadata, content-derived /ID."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            h = float(page.mediabox[3])
            # keep the top edge where Chromium put it: shift the page box, not the content
            page.MediaBox = pikepdf.Array([0, round(h - PAPER.height, 4), round(PAPER.width, 4),
                                           round(h, 4)])
            page.TrimBox = page.MediaBox
            if "/CropBox" in page:
                del page["/CropBox"]
        printbox.set_info(doc, title, lang, subject="booklet")
        return printbox.save(doc), len(doc.pages)


def render_guide(g: Guide, hotlines: Hotlines, site_url: str, browser, cache: Cache,
                 static_key: str) -> tuple[bytes | None, FileInfo | None, list[Diagnostic], int]:
    """(PDF bytes, its FileInfo, diagnostics, browser renders done)."""
    first = guide_html(g, hotlines, site_url, None)
    key = key_of(static_key, "guide", first)
    rel = guide_path(g.name, g.lang)
    hit = cache.get(key, ".pdf")
    rendered = 0
    if hit:
        data, entry = hit
        pages = int(entry.get("pages", 0))
    else:
        opts = dict(fit=False, outline=True, tagged=True, prefer_css_page_size=True)
        art, _ = browser.print_html(first, PAPER.width_mm, PAPER.height_mm, **opts)
        numbers = dest_pages(art)
        art, _ = browser.print_html(guide_html(g, hotlines, site_url, numbers),
                                    PAPER.width_mm, PAPER.height_mm, **opts)
        rendered = 2
        if dest_pages(art) != numbers:  # a number changed the layout after all: one more pass
            numbers = dest_pages(art)
            art, _ = browser.print_html(guide_html(g, hotlines, site_url, numbers),
                                        PAPER.width_mm, PAPER.height_mm, **opts)
            rendered += 1
        data, pages = finish(art, g.title, g.lang)
        cache.put(key, ".pdf", data)
    info = FileInfo(rel, "guide", g.name, g.lang, "booklet", PAPER.name, 0.0, "RGB", pages,
                    len(data), sha256(data), key, title=g.title)
    return data, info, [], rendered
