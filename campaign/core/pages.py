"""The Markdown pages of every language: where they are, their URLs, their fallbacks.

Pages live in ``docs/<lang>/``; the default language is served at the site
root and the others under ``/<lang>/``. A page missing in one language is
shown there from another language, with a notice (see ``source_language``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from campaign.core.diagnostics import Diagnostic, Position, error, read_source, warning
from campaign.core.fields import Fields
from campaign.core.yamlsource import parse

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.S)
MARKER = re.compile(r"<!--\s*campaign:([a-z-]+)((?:\s+[^\s>-][^\s>]*)*)\s*-->")

# Front-matter keys staff may use; the theme's keys are passed through.
FRONT_MATTER_KEYS = ("title", "description", "khmer_review", "hide", "icon", "status",
                     "template", "search", "poster")


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    pos: Position


@dataclass(frozen=True)
class PageSource:
    lang: str
    rel: str  # path inside docs/<lang>/, posix, e.g. "rights.md"
    display: str  # path shown in messages, relative to the project
    title: str | None
    khmer_review_needed: bool
    markers: tuple[Marker, ...]
    front_lines: int  # lines taken by front matter, for positions in the body


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, number of lines before the body)."""
    m = _FRONT.match(text)
    if not m:
        return None, text, 0
    return m.group(1) or "", text[m.end():], text[:m.end()].count("\n")


def find_markers(body: str, display: str, line_offset: int) -> list[Marker]:
    out = []
    for m in MARKER.finditer(body):
        line = body.count("\n", 0, m.start())
        col = m.start() - (body.rfind("\n", 0, m.start()) + 1)
        out.append(Marker(m.group(1), tuple(m.group(2).split()),
                          Position(display, line + 1 + line_offset, col + 1)))
    return out


def read_page(path: Path, lang: str, rel: str, display: str) -> tuple[PageSource, list[Diagnostic]]:
    text, diags = read_source(path, display)
    if text is None:
        return PageSource(lang, rel, display, None, False, (), 0), diags
    front, body, nlines = split_front_matter(text)
    title = None
    review = False
    if front is not None:
        node, d = parse(front, display, line_offset=1)
        diags += d
        f = Fields(node, diags, "the front matter", Position(display, 1, 1))
        if f.map is not None:
            # posters/ pages carry a poster's fields, validated by campaign.content.posters
            for key in f.map.keys() if not rel.startswith("posters/") else ():
                if key not in FRONT_MATTER_KEYS:
                    diags.append(warning(f.map.key(key).pos, f"unknown front-matter key '{key}'",
                                         "one of " + ", ".join(FRONT_MATTER_KEYS)))
            title = f.text("title", required=False)
            review = f.choice("khmer_review", ["needed", "done"], required=False) == "needed"
    if lang == "km" and (front is None or "khmer_review:" not in front):
        # Unknown review state counts as not reviewed, and staff are told so.
        review = True
        diags.append(warning(Position(display, 1, 1), "Khmer page without `khmer_review`",
                             "`khmer_review: needed` (or `done` once a native speaker checked it) "
                             "in the front matter"))
    if title is None:
        h1 = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
        title = h1.group(1) if h1 else None
    markers = find_markers(body, display, nlines)
    return PageSource(lang, rel, display, title, review, tuple(markers), nlines), diags


def language_prefix(lang: str, default: str) -> str:
    """The one rule for where a language lives: the default at the root, others under /<lang>/."""
    return "" if lang == default else f"{lang}/"


def page_url(rel: str, lang: str, default: str) -> str:
    """Site-relative URL with directory URLs: ``rights.md`` in en → ``en/rights/``."""
    p = PurePosixPath(rel)
    parts = list(p.parent.parts) if p.stem in ("index", "README") else [*p.parent.parts, p.stem]
    path = "/".join(parts)
    return language_prefix(lang, default) + (path + "/" if path else "")


@dataclass(frozen=True)
class Site:
    languages: tuple[str, ...]
    default: str
    pages: dict[tuple[str, str], PageSource]  # (lang, rel) → page

    @property
    def rels(self) -> list[str]:
        return sorted({rel for _, rel in self.pages})

    def url(self, lang: str, rel: str) -> str:
        return page_url(rel, lang, self.default)

    def source_language(self, lang: str, rel: str) -> str | None:
        """Language whose file is shown for ``rel`` on the ``lang`` site."""
        if (lang, rel) in self.pages:
            return lang
        for other in (self.default, *self.languages):
            if (other, rel) in self.pages:
                return other
        return None

    def missing(self, lang: str) -> list[str]:
        return [rel for rel in self.rels if (lang, rel) not in self.pages]

    def alternates(self, rel: str) -> dict[str, str]:
        """Every language's URL for a page (each language shows every page)."""
        return {lang: self.url(lang, rel) for lang in self.languages}


def scan_docs(docs_dir: Path, languages: tuple[str, ...], default: str, root: Path
              ) -> tuple[Site, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    pages: dict[tuple[str, str], PageSource] = {}
    for lang in languages:
        base = docs_dir / lang
        if not base.is_dir():
            diags.append(error(Position(_display(base, root), 1, 1),
                               f"no folder for language '{lang}'", f"a folder docs/{lang}/ with the pages"))
            continue
        for path in sorted(base.rglob("*.md")):
            rel = path.relative_to(base).as_posix()
            page, d = read_page(path, lang, rel, _display(path, root))
            pages[(lang, rel)] = page
            diags += d
    for entry in sorted(docs_dir.iterdir()) if docs_dir.is_dir() else []:
        if entry.suffix == ".md":
            diags.append(error(Position(_display(entry, root), 1, 1),
                               "page outside a language folder",
                               f"the page inside docs/{default}/ or another language folder"))
    return Site(tuple(languages), default, pages), diags


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
