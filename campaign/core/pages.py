"""The Markdown pages of every language: where they are, their URLs, their fallbacks.

Pages live in ``docs/<lang>/``; the default language is served at the site root and
the others under ``/<lang>/`` (``campaign.core.urls``). A page missing in one language
is shown there from another language, with a notice (``Site.source_language``). Each
page's header is read once here (``campaign.core.frontmatter``) and handed to the engine.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from campaign.core import frontmatter, markers, memo
from campaign.core.diagnostics import Diagnostic, Position, error, read_source, warning
from campaign.core.fields import Fields
from campaign.core.localized import Languages
from campaign.core.review import read_review
from campaign.core.urls import page_url

# Header fields staff may use; the theme's own are passed through to it.
FRONT_MATTER_KEYS = ("title", "description", "review", "khmer_review", "hide", "icon", "status",
                     "template", "search", "translated_from", "tags", "subtitle", "country")
# Folders whose pages carry another content type's fields (checked by that type).
OWN_HEADERS = ("posters/",)


@dataclass(frozen=True)
class PageSource:
    lang: str
    rel: str  # path inside docs/<lang>/, posix, e.g. "rights.md"
    display: str  # path shown in messages, relative to the project
    path: Path
    title: str | None
    review_needed: bool
    markers: tuple[markers.Marker, ...]
    body: str = ""
    body_line: int = 1  # line of the body's first line in the file
    meta: dict = field(default_factory=dict)  # the header as plain values, for the engine
    header: object = None  # the header's positioned YAML (campaign.core.yamlsource.Map)

    # the older name, still used by templates and tests
    @property
    def khmer_review_needed(self) -> bool:
        return self.review_needed


def read_page(path: Path, lang: str, rel: str, display: str) -> tuple[PageSource, list[Diagnostic]]:
    text, diags = read_source(path, display)
    if text is None:
        return PageSource(lang, rel, display, path, None, False, ()), diags
    fm, d = frontmatter.read(text, display)
    diags += d
    f = Fields(fm.node, diags, f"the header of {display}", Position(display, 1, 1))
    title = None
    if f.map is not None and not rel.startswith(OWN_HEADERS):
        for key in f.map.keys():
            if key not in FRONT_MATTER_KEYS:
                diags.append(warning(f.map.key(key).pos, f"unknown header field '{key}'",
                                     "one of " + ", ".join(FRONT_MATTER_KEYS)))
    if f.map is not None:
        title = f.text("title", required=False)
    review = read_review(f, lang, f"{display}")
    if title is None:
        h1 = re.search(r"^#\s+(.+?)\s*#*\s*$", fm.body, re.M)
        title = h1.group(1) if h1 else None
    found, d = markers.find(fm.body, display, fm.body_line - 1)
    diags += d
    return PageSource(lang, rel, display, path, title, review, tuple(found), fm.body, fm.body_line,
                      fm.meta(), fm.node), diags


@dataclass(frozen=True)
class Site:
    languages: tuple[str, ...]
    default: str
    pages: dict[tuple[str, str], PageSource]  # (lang, rel) → page
    fallbacks: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def langs(self) -> Languages:
        return Languages(self.languages, self.default, self.fallbacks)

    @property
    def rels(self) -> list[str]:
        return sorted({rel for _, rel in self.pages})

    def url(self, lang: str, rel: str) -> str:
        return page_url(rel, lang, self.default)

    def source_language(self, lang: str, rel: str) -> str | None:
        """Language whose file is shown for ``rel`` on the ``lang`` site (the fallback rule)."""
        return next((other for other in self.langs.order(lang) if (other, rel) in self.pages), None)

    def page(self, lang: str, rel: str) -> PageSource | None:
        """The file shown for ``rel`` on the ``lang`` site."""
        source = self.source_language(lang, rel)
        return self.pages.get((source, rel)) if source else None

    def missing(self, lang: str) -> list[str]:
        return [rel for rel in self.rels if (lang, rel) not in self.pages]

    def alternates(self, rel: str) -> dict[str, str]:
        """Every language's URL for a page (each language shows every page)."""
        return {lang: self.url(lang, rel) for lang in self.languages}


def scan_docs(docs_dir: Path, languages: tuple[str, ...], default: str, root: Path,
              fallbacks: dict | None = None) -> tuple[Site, list[Diagnostic]]:
    diags: list[Diagnostic] = unsafe_files(docs_dir, root)
    pages: dict[tuple[str, str], PageSource] = {}
    real_docs = docs_dir.resolve()
    for lang in languages:
        base = docs_dir / lang
        if not base.is_dir():
            diags.append(error(Position(_display(base, root), 1, 1),
                               f"no folder for language '{lang}'", f"a folder docs/{lang}/ with the pages"))
            continue
        if outside(base, real_docs):
            continue  # reported by unsafe_files
        for path in _markdown_files(base):
            display = _display(path, root)
            rel = path.relative_to(base).as_posix()
            st = path.stat()
            page, d = memo.recall("page", (str(path), lang, rel, display, st.st_mtime_ns, st.st_size),
                                  lambda: read_page(path, lang, rel, display))
            pages[(lang, rel)] = page
            diags += d
    for entry in sorted(docs_dir.iterdir()) if docs_dir.is_dir() else []:
        if entry.suffix == ".md":
            diags.append(error(Position(_display(entry, root), 1, 1),
                               "page outside a language folder",
                               f"the page inside docs/{default}/ or another language folder"))
    return Site(tuple(languages), default, pages, dict(fallbacks or {})), diags


def _markdown_files(base: Path) -> list[Path]:
    """The pages under ``base``, in order; not those reached through a link (``unsafe_files``
    reports them): no linked folder is entered, no linked file is taken."""
    found = []
    for folder, _, names in os.walk(base):
        found += [Path(folder, n) for n in names if n.endswith(".md") and not os.path.islink(os.path.join(folder, n))]
    return sorted(found)


def unsafe_files(docs_dir: Path, root: Path) -> list[Diagnostic]:
    """Every file or folder under docs/ that is a link (symlink) or leads outside it, at ``path:1:1``.

    The engine copies every file of docs/ into the site and follows linked folders, so a
    linked picture could publish any file of the machine (a private one included).
    """
    diags = []
    real_docs = docs_dir.resolve()
    for folder, dirs, files in os.walk(docs_dir):  # linked folders are reported, not entered
        for name in sorted(dirs + files):
            path = Path(folder, name)
            problem = outside(path, real_docs)
            if problem:
                what = "page" if name.endswith(".md") else "folder" if path.is_dir() else "file"
                diags.append(error(Position(_display(path, root), 1, 1), f"this {what} is {problem}",
                                   f"a real {what} inside docs/ (copy it here instead of linking to it)"))
    return diags


def outside(path: Path, allowed: Path) -> str:
    """Why ``path`` may not be published from the folder ``allowed`` ("" when it may):
    a link could publish any file of the machine, a private one included."""
    if path.is_symlink():
        return "a link (symlink) to another " + ("folder" if path.is_dir() else "file")
    if not path.resolve().is_relative_to(allowed.resolve()):
        return "outside the project (reached through a linked folder)"
    return ""


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
