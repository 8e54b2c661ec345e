"""The "Know your rights" guide as a printable A5 booklet PDF, from docs/<lang>/rights.md.

Cover (title, primary hotline, QR to the web page), a table of contents with
page numbers, then the text. Chromium numbers the pages (@page margin boxes)
and writes a named destination per heading; page numbers for the contents are
read from those destinations after a first pass, and a second pass prints them
(the contents keep the same size, so no page moves).
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pikepdf
from markupsafe import Markup

from campaign.languages import khmer
from campaign.core.diagnostics import Diagnostic, Position, error, read_source, warning
from campaign.core.fields import Fields
from campaign.content.hotlines.model import Hotlines
from campaign.core.yamlsource import parse
from campaign.content.posters import printbox
from campaign.content.posters import qr
from campaign.content.posters.cache import Cache, FileInfo, key_of, sha256
from campaign.content.posters.layout import FONTS, env as _poster_env

TEMPLATES = Path(__file__).parent / "templates"
from campaign.content.posters.paper import PAPERS
from campaign.content.posters.source import split_front_matter
from campaign.content.posters.strings import t

PAPER = PAPERS["a5"]
ACCENT = "#1d4e89"
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>', re.S)
_HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Guide:
    name: str  # "rights"
    lang: str
    path: str  # display path
    file: Path
    title: str
    description: str
    body: str
    khmer_review: bool


def guide_path(name: str, lang: str) -> str:
    return f"guides/{name}-{lang}.pdf"


def load_guides(docs_dir: Path, languages, name: str = "rights"
                ) -> tuple[list[Guide], list[Diagnostic]]:
    """``docs/<lang>/<name>.md`` for each language; a missing language is a warning."""
    guides: list[Guide] = []
    diags: list[Diagnostic] = []
    docs_dir = Path(docs_dir)
    for lang in languages:
        file = docs_dir / lang / f"{name}.md"
        display = str(Path(docs_dir.name) / lang / f"{name}.md")
        if not file.is_file():
            diags.append(warning(Position(display, 1, 1), f"no {lang} '{name}' guide: "
                                 "its booklet PDF is not made", f"a file {display}"))
            continue
        text, d = read_source(file, display)
        diags += d
        if text is None:
            continue
        g, d = parse_guide(text, file, display, lang, name)
        diags += d
        if g:
            guides.append(g)
    return guides, diags


def parse_guide(text: str, file: Path, display: str, lang: str, name: str = "rights"
                ) -> tuple[Guide | None, list[Diagnostic]]:
    fm, body, body_line, diags = split_front_matter(text, display)
    if fm is None:
        return None, diags
    root, d = parse(fm, display, line_offset=1)
    diags += d
    f = Fields(root, diags, f"guide {display}", Position(display, 2, 1))
    title = f.text("title", expected="the guide's title")
    description = f.text("description", required=False) or ""
    review = f.choice("khmer_review", ["needed", "done"], required=False,
                      default="needed" if lang == "km" else "done")
    if not body.strip():
        diags.append(error(Position(display, body_line, 1), "the guide has no text",
                           "the guide's sections after the front matter"))
    if not title:
        return None, diags
    return Guide(name, lang, display, file, title, description, body, review != "done"), diags


def _link_text(m: re.Match) -> str:
    url, text = m.group(1), m.group(2)
    parts = urlsplit(url)
    shown = (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")
    return f'{text} <span class="src">({shown})</span>'


def _ascii_id(value: str, separator: str) -> str:
    """Short ASCII heading ids: they become PDF destination names (Khmer ones are too long)."""
    return "h-" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:10]


def body_html(md_text: str) -> tuple[str, list[dict]]:
    """Markdown → HTML with heading ids, links printed with their address, and the h2/h3 list."""
    md = markdown.Markdown(extensions=["toc", "tables", "admonition", "attr_list", "sane_lists"],
                           extension_configs={"toc": {"slugify": _ascii_id}})
    html = md.convert(_COMMENT.sub("", md_text))
    html = _LINK.sub(_link_text, html)
    toc = [{"level": int(m.group(1)), "id": m.group(2),
            "name": _TAGS.sub("", m.group(3)).strip()} for m in _HEADING.finditer(html)]
    return html, toc


def guide_html(g: Guide, hotlines: Hotlines, site_url: str, pages: dict[str, int] | None,
               default_lang: str = "km") -> str:
    body, toc = body_html(g.body)
    for h in toc:
        h["page"] = khmer.digits(pages[h["id"]]) if pages and h["id"] in pages and g.lang == "km" \
            else (str(pages[h["id"]]) if pages and h["id"] in pages else "")
    base = site_url if site_url.endswith("/") else site_url + "/"
    url = base + ("" if g.lang == default_lang else f"{g.lang}/") + f"{g.name}/"
    hot = hotlines.primary or (hotlines.items[0] if hotlines.items else None)
    css = (TEMPLATES / "guide.css").read_text(encoding="utf-8") + \
        f"\n.cover {{ width: {PAPER.width_mm}mm; height: {PAPER.height_mm}mm; }}"
    return _guide_env().get_template("guide.html").render(
        lang=g.lang, title=g.title, description=g.description, accent=ACCENT,
        page_w=PAPER.width_mm, page_h=PAPER.height_mm, css=Markup(css),
        fonts={k: v.as_uri() for k, v in FONTS.items()}, toc=toc, body=Markup(body),
        hotline=hot, hotline_name=hot.text("name", g.lang) if hot else "",
        call_label=t(f"call_{hot.country}", g.lang) if hot else "",
        qr_svg=Markup(qr.svg(url)), qr_note=t("guide_cover_note", g.lang),
        qr_text=url.split("://", 1)[-1], contents=t("contents", g.lang),
    )


def _guide_env():
    import jinja2
    e = _poster_env().overlay(loader=jinja2.FileSystemLoader(str(TEMPLATES)))
    return e


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
        printbox.set_info(doc, title, lang, subject="Know your rights — booklet")
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
