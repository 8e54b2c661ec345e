"""Local links in pages and menu entries, checked before anything is built.

Staff link pages by file name (``hotlines.md``), by the page's address (``../hotlines/``),
or to a picture or a PDF. Each such link must lead to a page (in any language folder:
every language shows every page, falling back), to a file in ``docs/<lang>/``, or into a
folder the build fills (``BUILT``). A link leaving ``docs/`` is an error even when the
file exists: nothing outside the project is published. Links with a scheme (``https:``,
``mailto:``, ``tel:`` …), pure ``#anchors``, code and HTML comments are left alone.

Two resolutions, as the published site has them: a link to a file that is in ``docs/``
(``.md`` pages included) is rewritten by the engine relative to the page's *file*; any
other link is left as written, so the browser resolves it relative to the page's
*address* (``rights.md`` is served at ``rights/``, so ``../hotlines/`` is right there).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote

from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import closest, suggest
from campaign.core.pages import PageSource, Site
from campaign.core.urls import page_url, relative_from

# Site folders the build fills (poster PDFs and thumbnails, guide booklets, the theme's
# assets, the Tour's calendars and event pages): a link into them is not looked for in docs/.
BUILT = ("posters/pdf/", "posters/thumbs/", "guides/", "assets/", "tour/")

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")  # C:\Users\… is a file on a computer, not a scheme
# [text](target) and ![alt](target); link text may hold one level of [brackets].
_INLINE = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?:<([^>\n]*)>|((?:[^\s()]|\([^\s()]*\))+))")
# [id]: target (a footnote [^1]: text is not a link)
_REFERENCE = re.compile(r"^[ \t]*\[[^\]\n^][^\]\n]*\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.M)
_HTML = re.compile(r"<(a|img)\b[^>]*?(?<![\w-])(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))",
                   re.I)
# a backtick fence's first line has no other backtick (```x``` is inline code); unclosed: to the end
_FENCE = re.compile(r"^[ \t]*(`{3,}(?=[^`\n]*$)|~{3,}).*?(?:^[ \t]*\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TICKS = re.compile(r"`+")


@dataclass(frozen=True)
class Link:
    target: str  # as written
    kind: str  # "link" or "image", for the message
    offset: int  # of the target in the page body


def check_links(site: Site, docs_dir: Path) -> list[Diagnostic]:
    """Every local link of every page leads to a page or file that will be published."""
    docs = _Docs(site, _files(docs_dir, site.languages))
    diags = []
    for page in site.pages.values():
        for link in find_links(page.body):
            problem = docs.check(page, link)
            if problem:
                message, expected = problem
                diags.append(error(_position(page, link.offset), message, expected))
    return diags


def check_nav(nav: Iterable, site: Site) -> list[Diagnostic]:
    """Every page the menu (``nav:`` in mkdocs.yml) names exists in some language folder."""
    rels = site.rels
    return [error(entry.pos, f"the menu (nav) lists '{entry.path}', but no language folder has this page",
                  suggest(entry.path, rels))
            for entry in nav
            if not _SCHEME.match(entry.path) and not entry.path.startswith("/") and entry.path not in rels]


def find_links(body: str) -> list[Link]:
    """Local and external link targets in Markdown, outside code and comments, in text order."""
    text = _mask(body)
    found = []
    for m in _INLINE.finditer(text):
        group = 2 if m.group(2) is not None else 3
        found.append(Link(m.group(group), "image" if m.group(1) else "link", m.start(group)))
    for m in _REFERENCE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        found.append(Link(m.group(group), "link", m.start(group)))
    for m in _HTML.finditer(text):
        group = next(g for g in (2, 3, 4) if m.group(g) is not None)
        found.append(Link(m.group(group), "image" if m.group(1).lower() == "img" else "link", m.start(group)))
    return sorted(found, key=lambda link: link.offset)


def _mask(body: str) -> str:
    """``body`` with fenced code, comments and inline code blanked (same length, same lines),
    so offsets found in it are offsets in ``body``."""
    text = _COMMENT.sub(_blank, _FENCE.sub(_blank, body))
    out, pos, runs, i = [], 0, list(_TICKS.finditer(text)), 0
    while i < len(runs):  # a code span runs to the next run of as many backticks, in one paragraph
        opening = runs[i]
        close = next((j for j in range(i + 1, len(runs)) if len(runs[j].group(0)) == len(opening.group(0))), None)
        if close is None or "\n\n" in text[opening.end():runs[close].start()]:
            i += 1
            continue
        out += [text[pos:opening.start()], _blank(text[opening.start():runs[close].end()])]
        pos, i = runs[close].end(), close + 1
    return "".join(out) + text[pos:]


def _blank(text: str | re.Match) -> str:
    return re.sub(r"[^\n]", " ", text if isinstance(text, str) else text.group(0))


def _position(page: PageSource, offset: int) -> Position:
    line = page.body.count("\n", 0, offset)
    col = offset - (page.body.rfind("\n", 0, offset) + 1)
    return Position(page.display, page.body_line + line, col + 1)


def _files(docs_dir: Path, languages: Iterable[str]) -> dict[str, set[str]]:
    """Per language, every file in its folder (posix paths inside docs/<lang>/)."""
    out = {}
    for lang in languages:
        base = docs_dir / lang
        out[lang] = {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()} if base.is_dir() else set()
    return out


class _Docs:
    """What a link may lead to: the pages, the files of docs/, the folders the build fills."""

    def __init__(self, site: Site, files: dict[str, set[str]]):
        self.site = site
        self.rels = set(site.rels)
        self.files = files

    def check(self, page: PageSource, link: Link) -> tuple[str, str] | None:
        """(what is wrong, what to write) for a link that leads nowhere; None when it is fine."""
        path = _local_path(link.target)
        what = f"the {link.kind} '{link.target}'"
        if path is None:
            return None
        if _from_top(path):
            return self._outside(what, page)
        path = unquote(path).replace("\\", "/")
        in_docs = _resolve(page.lang, posixpath.dirname(page.rel), path)
        if path.endswith(".md"):
            return self._page(what, page, path, in_docs)
        if in_docs and self._is_file(in_docs):
            return None
        at = self._address(page, path)
        if at is not None and (at.startswith(BUILT) or self._page_at(at)):
            return None
        if in_docs is None or at is None:
            return self._outside(what, page)
        if path.endswith("/") or not posixpath.splitext(path)[1]:
            base = at.strip("/")
            pages = f"{base}.md or {base}/index.md" if base else "index.md"
            return f"{what} leads nowhere: there is no page {pages}", suggest(path, self._addresses(page))
        return self._file(what, page, path, in_docs)

    # -- the kinds of target --------------------------------------------------------
    def _page(self, what, page, path, in_docs):
        if in_docs is None:
            return self._outside(what, page)
        lang, rel = _language(in_docs, self.site.languages)
        if rel in self.rels:
            return None
        where = f"docs/{in_docs}, outside the language folders" if lang is None else \
            f"no page {rel} in any language folder"
        return f"{what} leads nowhere: {where}", suggest(path, self._page_links(page))

    def _file(self, what, page, path, in_docs):
        folder = posixpath.dirname(page.rel) or "."
        options = [posixpath.relpath(f, folder) for f in self.files.get(page.lang, ()) if not f.endswith(".md")]
        expected = suggest(path, options) if closest(path, options) else \
            f"the file saved as docs/{in_docs}, or the link corrected"
        return f"{what} leads nowhere: there is no file docs/{in_docs}", expected

    def _outside(self, what, page):
        return (f"{what} leads outside the docs folder: a file outside the project cannot be published",
                f"a copy of the file inside docs/{page.lang}/, linked with a path relative to this page "
                "(for example images/map.png)")

    # -- lookups ---------------------------------------------------------------------
    def _is_file(self, in_docs: str) -> bool:
        lang, rel = _language(in_docs, self.site.languages)
        return lang is not None and any(rel in files for files in self.files.values())

    def _address(self, page: PageSource, path: str) -> str | None:
        """The page-less site path ``path`` reaches from ``page``'s address; None above the site."""
        here = page_url(page.rel, page.lang, self.site.default)
        joined = posixpath.normpath(posixpath.join(here, path))
        if joined == ".." or joined.startswith("../"):
            return None
        _, rest = _language(joined, [lang for lang in self.site.languages if lang != self.site.default])
        rest = "" if rest == "." else rest
        return rest + "/" if rest and path.endswith("/") else rest

    def _page_at(self, address: str) -> bool:
        base = address.strip("/")
        return bool(base) and f"{base}.md" in self.rels or posixpath.join(base, "index.md") in self.rels

    def _page_links(self, page: PageSource) -> list[str]:
        folder = posixpath.dirname(page.rel) or "."
        return [posixpath.relpath(rel, folder) for rel in self.rels]

    def _addresses(self, page: PageSource) -> list[str]:
        here = relative_from(page_url(page.rel, page.lang, self.site.default))
        return [here(page_url(rel, page.lang, self.site.default)) for rel in self.rels]


def _local_path(target: str) -> str | None:
    """The path of a link target without #fragment and ?query; None for an anchor on the same
    page and for links with a scheme (another site, e-mail, phone…)."""
    path = target.strip().split("#", 1)[0].split("?", 1)[0]
    if not path or path.startswith("//") or (_SCHEME.match(path) and not _from_top(path)):
        return None
    return path


def _from_top(path: str) -> bool:
    """A path from the top of the computer (or of the site): never a file of the project."""
    return path.startswith(("/", "\\")) or bool(_DRIVE.match(path)) or path.lower().startswith("file:")


def _resolve(lang: str, folder: str, path: str) -> str | None:
    """``path`` written in a page of ``docs/<lang>/<folder>/``, as a path inside docs/; None outside it."""
    joined = posixpath.normpath(posixpath.join(lang, folder, path))
    return None if joined == ".." or joined.startswith("../") else joined


def _language(path: str, languages: Iterable[str]) -> tuple[str | None, str]:
    """("en", "rights.md") for "en/rights.md"; (None, path) when it starts with no language folder."""
    head, _, rest = path.partition("/")
    return (head, rest) if head in languages else (None, path)
