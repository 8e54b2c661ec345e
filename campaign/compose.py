"""What the build adds to a page's Markdown: data blocks for markers, and notices.

Staff write ``<!-- campaign:hotlines -->`` in a page; the build replaces it with
the rendered block. Unknown markers are errors found by ``campaign check``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, error
from .fields import suggest
from .hotlines import Hotlines
from .hotlines_view import hotlines_html
from .pages import MARKER, Marker
from .render import fragment
from .strings import language_name, strings

if TYPE_CHECKING:
    from .project import Project

MARKERS = {"hotlines": "no arguments", "hotline": "one hotline id",
           # wired to the poster renderer when it lands (issue 4)
           "posters-gallery": "no arguments", "printers": "no arguments"}


def check_marker(m: Marker, hotlines: Hotlines) -> list[Diagnostic]:
    if m.name not in MARKERS:
        return [error(m.pos, f"unknown marker 'campaign:{m.name}'", suggest(m.name, MARKERS))]
    if m.name == "hotlines" and m.args:
        return [error(m.pos, "'campaign:hotlines' takes no arguments", "<!-- campaign:hotlines -->")]
    if m.name == "hotline":
        ids = [h.id for h in hotlines.items]
        if len(m.args) != 1:
            return [error(m.pos, "'campaign:hotline' needs one hotline id",
                          "<!-- campaign:hotline th-doe-1694 -->")]
        if m.args[0] not in ids:
            return [error(m.pos, f"unknown hotline '{m.args[0]}'", suggest(m.args[0], ids))]
    return []


def _block(name: str, args: list[str], project: "Project", lang: str) -> str:
    if name == "hotlines":
        return hotlines_html(project.hotlines, lang)
    if name == "hotline":
        return hotlines_html(project.hotlines, lang, only=(project.hotlines.get(args[0]),))
    if name in ("posters-gallery", "printers"):
        return ""
    raise KeyError(name)  # check_marker rejected it before the build


def expand_markers(markdown: str, project: "Project", lang: str) -> str:
    return MARKER.sub(lambda m: "\n" + _block(m.group(1), m.group(2).split(), project, lang) + "\n",
                      markdown)


def notices_html(project: "Project", lang: str, rel: str) -> str:
    """Notices above a page: shown in another language; Khmer not yet reviewed."""
    site = project.site
    source = site.source_language(lang, rel)
    page = site.pages.get((source, rel)) if source else None
    return fragment("notices.html", lang,
                    fallback=source != lang,
                    source_language=strings(lang).get(f"lang_{source}") or language_name(source or lang),
                    review=bool(page and page.khmer_review_needed and source == "km"))


def compose(markdown: str, project: "Project", lang: str, rel: str) -> str:
    """The Markdown a page is rendered from on the ``lang`` site."""
    notices = notices_html(project, lang, rel)
    body = expand_markers(markdown, project, lang)
    return (notices + "\n\n" + body) if notices else body
