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
    khmer_review: needed               # Khmer posters: needed (no native speaker yet) or done
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

from campaign.core import pages
from campaign.core.diagnostics import Diagnostic, Position, error, read_source, warning
from campaign.core.fields import Fields, suggest
from campaign.content.hotlines.model import Hotlines
from campaign.core.yamlsource import parse
from campaign.content.posters.paper import POSTER_SIZES

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CHECKED = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
_IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".webp", ".svg"}
_OURS = ["title", "hotline", "also", "sizes", "accent", "image", "image_alt", "sources",
         "checked", "khmer_review", "order"]
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
    checked: str
    khmer_review: bool  # True: Khmer not yet reviewed by a native speaker
    order: int
    body: str  # Markdown
    body_line: int  # 1-based line of the body's first line in the file

    @property
    def body_pos(self) -> Position:
        return Position(self.path, self.body_line, 1)


def split_front_matter(text: str, display: str) -> tuple[str | None, str, int, list[Diagnostic]]:
    """(yaml text, body, body's first line, diags): ``pages.split_front_matter``, which a
    poster must have."""
    front, body, before = pages.split_front_matter(text)
    if front is not None:
        return front, body, before + 1, []
    closed = not text.startswith("---")
    return None, text, 1, [error(Position(display, 1, 1),
                                 "no front matter" if closed else "front matter is not closed",
                                 "the file to start with a line `---`, the poster fields, and another `---`"
                                 if closed else "a line `---` after the poster fields")]


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


def parse_poster(text: str, file: Path, display: str, lang: str, hotlines: Hotlines
                 ) -> tuple[Poster | None, list[Diagnostic]]:
    """One poster file's text → Poster (None if unusable) and every problem found."""
    diags: list[Diagnostic] = []
    slug = file.stem
    if not _SLUG.match(slug):
        diags.append(error(Position(display, 1, 1), f"file name '{file.name}' is not a usable "
                           "web address", "lowercase letters, digits and dashes, e.g. know-your-rights.md"))
    fm, body, body_line, d = split_front_matter(text, display)
    diags += d
    if fm is None:
        return None, diags
    root, d = parse(fm, display, line_offset=1)
    diags += d
    f = Fields(root, diags, f"poster {display}", Position(display, 2, 1))
    if f.map is None:
        if root is None:
            f.fail(Position(display, 2, 1), "front matter is empty", "title, hotline, sources …")
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
        candidate = (file.parent / rel).resolve()
        if candidate.suffix.lower() not in _IMAGE_TYPES:
            f.fail(f.where("image"), f"image '{rel}' is not a picture file",
                   "a .png, .jpg, .webp or .svg file")
        elif not candidate.is_file():
            f.fail(f.where("image"), f"image '{rel}' not found (looked for {candidate})",
                   "a path relative to this .md file, e.g. images/passport.png")
        else:
            image = candidate
        image_alt = f.text("image_alt", expected="a short description of the picture") or ""

    sources: list[str] = []
    for node in f.seq("sources", required=True, expected="a list of the web pages the facts come from"):
        url = getattr(node, "text", "").strip()
        if not url.startswith(("https://", "http://")):
            f.fail(node.pos, f"source '{url}' is not a web address", "a link starting with https://")
        else:
            sources.append(url)
    checked = f.text("checked", expected="when the sources were read: YYYY-MM-DD or YYYY-MM") or ""
    if checked and not _CHECKED.match(checked):
        f.fail(f.where("checked"), f"checked '{checked}' is not a date", "YYYY-MM-DD or YYYY-MM")
        checked = ""

    review = f.choice("khmer_review", ["needed", "done"], required=(lang == "km"),
                      default="needed" if lang == "km" else "done")
    order = f.integer("order", required=False)

    if not body.strip():
        diags.append(error(Position(display, body_line, 1), "the poster has no text",
                           "a few short lines or a list after the front matter"))
    if not (title and hotline):
        return None, diags
    return Poster(
        slug=slug, lang=lang, path=display, file=file, title=title, hotline=hotline,
        also=tuple(also), sizes=tuple(sizes), accent=accent, image=image, image_alt=image_alt,
        sources=tuple(sources), checked=checked, khmer_review=review != "done",
        order=order if order is not None else 1000, body=body, body_line=body_line,
    ), diags


def load_poster(file: Path, display: str, lang: str, hotlines: Hotlines
                ) -> tuple[Poster | None, list[Diagnostic]]:
    text, diags = read_source(file, display)
    if text is None:
        return None, diags
    return parse_poster(text, file, display, lang, hotlines)


def _display(path: Path, docs_dir: Path) -> str:
    base = docs_dir.parent if docs_dir.parent != docs_dir else docs_dir
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def load_posters(docs_dir: Path, languages, hotlines: Hotlines
                 ) -> tuple[list[Poster], list[Diagnostic]]:
    """Every ``docs/<lang>/posters/*.md`` except ``index.md``, sorted by (order, slug, lang).

    A poster written in only some languages is a warning (its bilingual version is not made).
    """
    docs_dir = Path(docs_dir)
    languages = tuple(languages)
    posters: list[Poster] = []
    diags: list[Diagnostic] = []
    for lang in languages:
        folder = docs_dir / lang / "posters"
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.md")):
            if file.name == "index.md":
                continue
            p, d = load_poster(file, _display(file, docs_dir), lang, hotlines)
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
    posters.sort(key=lambda p: (rank[p.slug], p.slug, order[p.lang]))
    return posters, diags


def group(posters: list[Poster]) -> dict[str, dict[str, Poster]]:
    """slug → {lang: poster}, in gallery order."""
    out: dict[str, dict[str, Poster]] = {}
    for p in posters:
        out.setdefault(p.slug, {})[p.lang] = p
    return out
