"""Poster sources: one Markdown file per poster and language, with YAML front matter.

``docs/<lang>/posters/<slug>.md`` is both the poster's web page (MkDocs renders
the body) and the poster's text. Front matter, checked here::

    ---
    title: Know your rights            # the poster headline
    hotline: th-doe-1694               # id from data/hotlines.yaml, printed big
    also: [th-labour-1546]             # optional: more hotlines, printed smaller
    sizes: [a4, a3, a2]                # print-shop sizes (office A4 is always made)
    accent: "#9c1c1c"                  # background colour, in quotes; white text must read on it
    image: images/passport.png         # optional, relative to this file
    image_alt: A passport              # required with image
    sources:                           # where every fact on the poster comes from
      - https://...
    checked: 2026-11                   # when the sources were read
    review: needed                     # Khmer and Thai posters: needed (no native speaker yet) or done
    order: 1                           # optional: place in the gallery
    ---
    Plain Markdown body: short paragraphs and lists.

Front matter is read with ``campaign.core.yamlsource`` (YAML 1.2-like, positions kept)
so every problem comes back as ``path:line:col`` pointing into the .md file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import datetime as dt

from campaign.content.hotlines.model import Hotlines
from campaign.printing.paper import POSTER_SIZES
from campaign.core import frontmatter
from campaign.core.checked import Checked, read_checked
from campaign.core.diagnostics import Diagnostic, Position, error, warning
from campaign.core.fields import Fields, suggest
from campaign.core.pages import PageSource, outside, read_page
from campaign.core.review import read_review

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".webp", ".svg"}
_OURS = ["title", "hotline", "also", "sizes", "accent", "image", "image_alt", "sources",
         "checked", "review", "khmer_review", "order", "translated_from"]
# Keys MkDocs / Material read from the same front matter; allowed, not used here.
_MKDOCS = ["description", "hide", "template", "search", "status", "tags", "icon", "subtitle"]
DEFAULT_ACCENT = "#1d4e89"
MIN_CONTRAST = 4.5  # WCAG AA: white text on the accent colour


@dataclass(frozen=True)
class Poster:
    slug: str
    lang: str
    path: str  # as shown in diagnostics, e.g. docs/km/posters/rights.md
    file: Path
    title: str
    hotline: str
    also: tuple[str, ...]
    sizes: tuple[str, ...]
    accent: str
    image: Path | None
    image_alt: str
    sources: tuple[str, ...]
    checked: Checked | None
    review_needed: bool  # True: not yet reviewed by a native speaker
    order: int
    body: str  # Markdown
    body_line: int  # 1-based line of the body's first line in the file

    @property
    def body_pos(self) -> Position:
        return Position(self.path, self.body_line, 1)


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (luminance(colour) + 0.05)


def _hotline_id(f: Fields, pos: Position, hid: str, hotlines: Hotlines) -> bool:
    if hotlines.get(hid) is None:
        f.fail(pos, f"unknown hotline '{hid}'", suggest(hid, [h.id for h in hotlines.items])
               + f" from {hotlines.path or 'data/hotlines.yaml'}")
        return False
    return True


def parse_poster(text: str, file: Path, display: str, lang: str, hotlines: Hotlines,
                 today: dt.date | None = None) -> tuple[Poster | None, list[Diagnostic]]:
    """One poster file's text → Poster (None if unusable) and every problem found."""
    fm, diags = frontmatter.read(text, display)
    return poster_from_header(fm.node, fm.present, fm.body, fm.body_line, file, display, lang, hotlines,
                              today, diags, None)


def poster_from_page(page: PageSource, hotlines: Hotlines, today: dt.date | None = None
                     ) -> tuple[Poster | None, list[Diagnostic]]:
    """A page the site scan already read (its header read once) as a poster."""
    return poster_from_header(page.header, page.header is not None or bool(page.meta), page.body,
                              page.body_line, page.path, page.display, page.lang, hotlines, today, [],
                              page.review_needed)


def poster_from_header(node, present: bool, body: str, body_line: int, file: Path, display: str, lang: str,
                       hotlines: Hotlines, today: dt.date | None, diags: list[Diagnostic],
                       review: bool | None) -> tuple[Poster | None, list[Diagnostic]]:
    today = today or dt.date.today()
    slug = file.stem
    if not _SLUG.match(slug):
        diags.append(error(Position(display, 1, 1), f"file name '{file.name}' is not a usable "
                           "web address", "lowercase letters, digits and dashes, e.g. know-your-rights.md"))
    if not present:
        diags.append(error(Position(display, 1, 1), "the poster has no header (front matter)",
                           "the file to start with a line `---`, the poster fields, and another `---`"))
        return None, diags
    f = Fields(node, diags, f"poster {display}", Position(display, 2, 1))
    if f.map is None:
        if node is None:
            f.fail(Position(display, 2, 1), "the poster's header is empty", "title, hotline, sources …")
        return None, diags
    f.check_keys(_OURS + _MKDOCS)

    title = f.text("title", expected="the poster headline")
    hotline = f.text("hotline", expected="a hotline id from data/hotlines.yaml, e.g. th-doe-1694")
    if hotline:
        _hotline_id(f, f.where("hotline"), hotline, hotlines)
    also: list[str] = []
    for node in f.seq("also", expected="a list of hotline ids"):
        hid = getattr(node, "text", "").strip()
        if not hid:
            f.fail(node.pos, "each item of 'also' must be a hotline id", "`- th-labour-1546`")
        elif _hotline_id(f, node.pos, hid, hotlines):
            also.append(hid)

    sizes: list[str] = []
    size_nodes = f.seq("sizes", expected="a list of paper sizes such as [a4, a3, a2]")
    if f.node("sizes") is not None and not size_nodes:
        f.fail(f.where("sizes"), "'sizes' is an empty list", "one or more of a4, a3, a2")
    for node in size_nodes:
        name = getattr(node, "text", "").strip().lower()
        if name not in POSTER_SIZES:
            f.fail(node.pos, f"unknown paper size '{getattr(node, 'text', '')}'",
                   suggest(name, POSTER_SIZES))
        elif name not in sizes:
            sizes.append(name)
    if f.node("sizes") is None:
        sizes = list(POSTER_SIZES)

    accent = DEFAULT_ACCENT
    colour_expected = 'a colour in quotes such as "#9c1c1c" (# starts a comment without quotes)'
    if f.map.key("accent") is not None:
        raw = f.text("accent", required=True, expected=colour_expected)
        if raw and not _COLOUR.match(raw):
            f.fail(f.where("accent"), f"accent '{raw}' is not a colour", colour_expected)
        elif raw and contrast_with_white(raw) < MIN_CONTRAST:
            f.fail(f.where("accent"), f"accent '{raw}' is too light for white text "
                   f"(contrast {contrast_with_white(raw):.1f}:1)",
                   f"a darker colour (contrast with white {MIN_CONTRAST}:1 or more)")
        elif raw:
            accent = raw.lower()

    image: Path | None = None
    image_alt = ""
    rel = f.text("image", required=False, expected="a picture file next to this poster")
    if rel:
        candidate = file.parent / rel
        problem = outside(candidate, _project_root(file)) if candidate.exists() else ""
        if problem:
            f.fail(f.where("image"), f"image '{rel}' is {problem}",
                   "a picture file inside the project, next to this poster")
        elif candidate.suffix.lower() not in _IMAGE_TYPES:
            f.fail(f.where("image"), f"image '{rel}' is not a picture file",
                   "a .png, .jpg, .webp or .svg file")
        elif not candidate.is_file():
            f.fail(f.where("image"), f"image '{rel}' not found (looked for {candidate})",
                   "a path relative to this .md file, e.g. images/passport.png")
        else:
            image = candidate.resolve()
        image_alt = f.text("image_alt", expected="a short description of the picture") or ""

    sources: list[str] = []
    for node in f.seq("sources", required=True, expected="a list of the web pages the facts come from"):
        url = getattr(node, "text", "").strip()
        if not url.startswith(("https://", "http://")):
            f.fail(node.pos, f"source '{url}' is not a web address", "a link starting with https://")
        else:
            sources.append(url)
    checked = read_checked(f, "checked", today)
    if review is None:  # not read by the site's page reader yet
        review = read_review(f, lang, f"poster {display}")
    order = f.integer("order", required=False)

    if not body.strip():
        diags.append(error(Position(display, body_line, 1), "the poster has no text",
                           "a few short lines or a list after the front matter"))
    if not (title and hotline):
        return None, diags
    return Poster(
        slug=slug, lang=lang, path=display, file=file, title=title, hotline=hotline,
        also=tuple(also), sizes=tuple(sizes), accent=accent, image=image, image_alt=image_alt,
        sources=tuple(sources), checked=checked, review_needed=review,
        order=order if order is not None else 1000, body=body, body_line=body_line,
    ), diags


def _project_root(file: Path) -> Path:
    """The project folder (the one holding docs/): pictures must come from inside it."""
    for parent in file.resolve().parents:
        if parent.name == "docs":
            return parent.parent
    return file.resolve().parent


def load_posters(docs_dir: Path, languages, hotlines: Hotlines, today: dt.date | None = None
                 ) -> tuple[list[Poster], list[Diagnostic]]:
    """Every ``docs/<lang>/posters/*.md`` except ``index.md`` (read with the site's page reader)."""
    docs_dir = Path(docs_dir)
    pages: list[PageSource] = []
    diags: list[Diagnostic] = []
    for lang in languages:
        folder = docs_dir / lang / "posters"
        for file in sorted(folder.glob("*.md")) if folder.is_dir() else ():
            display = _display(file, docs_dir)
            page, d = read_page(file, lang, f"posters/{file.name}", display)
            pages.append(page)
            diags += d
    posters, d = posters_from_pages(pages, languages, hotlines, today)
    return posters, diags + d


def _display(path: Path, docs_dir: Path) -> str:
    base = docs_dir.parent if docs_dir.parent != docs_dir else docs_dir
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def posters_from_pages(pages, languages, hotlines: Hotlines, today: dt.date | None = None
                       ) -> tuple[list[Poster], list[Diagnostic]]:
    """Posters from pages under ``posters/`` (not ``index.md``), sorted by (order, slug, lang).

    A poster written in only some languages is a warning (its bilingual version is not made).
    """
    languages = tuple(languages)
    posters: list[Poster] = []
    diags: list[Diagnostic] = []
    for page in pages:
        if not page.rel.startswith("posters/") or page.rel.count("/") != 1 or page.rel == "posters/index.md":
            continue
        p, d = poster_from_page(page, hotlines, today)
        diags += d
        if p is not None:
            posters.append(p)
    by_slug: dict[str, dict[str, Poster]] = {}
    for p in posters:
        by_slug.setdefault(p.slug, {})[p.lang] = p
    for slug, langs in by_slug.items():
        first = next(iter(langs.values()))
        missing = [lang for lang in languages if lang not in langs]
        if missing:
            diags.append(warning(Position(first.path, 1, 1),
                                 f"poster '{slug}' has no {', '.join(missing)} version",
                                 "the same file name under docs/" + "/posters/, docs/".join(missing)
                                 + "/posters/"))
        hot = {p.hotline for p in langs.values()}
        if len(hot) > 1:
            diags.append(warning(Position(first.path, 1, 1),
                                 f"poster '{slug}' promotes different hotlines per language "
                                 f"({', '.join(sorted(hot))})", "the same hotline in every language"))
    order = {lang: i for i, lang in enumerate(languages)}
    rank = {slug: min(p.order for p in langs.values()) for slug, langs in by_slug.items()}
    posters.sort(key=lambda p: (rank[p.slug], p.slug, order.get(p.lang, 99)))
    return posters, diags


def group(posters: list[Poster]) -> dict[str, dict[str, Poster]]:
    """slug → {lang: poster}, in gallery order."""
    out: dict[str, dict[str, Poster]] = {}
    for p in posters:
        out.setdefault(p.slug, {})[p.lang] = p
    return out
