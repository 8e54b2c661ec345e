"""What the build adds to a page's Markdown: data blocks for markers, and notices.

Staff write ``<!-- campaign:hotlines -->`` in a page; the build replaces it with
the rendered block. Unknown markers are errors found by ``campaign check``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from campaign.core.diagnostics import Diagnostic, error
from campaign.core.fields import suggest
from urllib.parse import urlsplit

from campaign.content.tour import jsonld
from campaign.content import posters
from campaign.content.tour import view as schedule_view
from campaign.content.hotlines.model import Hotlines
from campaign.content.hotlines.view import hotlines_html
from campaign.core.pages import MARKER, Marker
from campaign.core.templates import fragment
from campaign.strings import language_name, strings
from campaign.content.tour.urls import site_urls

if TYPE_CHECKING:
    from campaign.project import Project

# Markers staff may write in a page: name → (number of arguments, id list they refer to).
MARKERS = {
    "hotlines": (0, None),
    "hotline": (1, "hotline"),
    "schedule": (0, None),
    "tour-province": (1, "tour-province"),
    "posters-gallery": (0, None),
    "printers": (0, None),
}


def check_marker(m: Marker, ids: dict[str, list[str]]) -> list[Diagnostic]:
    if m.name not in MARKERS:
        return [error(m.pos, f"unknown marker 'campaign:{m.name}'", suggest(m.name, MARKERS))]
    nargs, kind = MARKERS[m.name]
    example = f"<!-- campaign:{m.name}{' ' + ids[kind][0] if kind and ids.get(kind) else ''} -->"
    if len(m.args) != nargs:
        return [error(m.pos, f"'campaign:{m.name}' takes {nargs} argument(s), not {len(m.args)}", example)]
    if kind and m.args[0] not in ids.get(kind, []):
        return [error(m.pos, f"unknown {kind} '{m.args[0]}'", suggest(m.args[0], ids.get(kind, [])))]
    return []


def urls(project: "Project", absolute: bool = False):
    """The schedule's URL layout: site-relative paths, or absolute for feeds and JSON-LD."""
    site_url = project.config.site_url or "/"
    base = site_url if absolute else (urlsplit(site_url).path or "/")
    return site_urls(base, project.config.default)


def event_hotlines_html(project: "Project", event, lang: str) -> str:
    chosen = tuple(h for h in (project.hotlines.get(i) for i in event.hotlines) if h)
    return hotlines_html(project.hotlines, lang, only=chosen) if chosen else ""


def _block(name: str, args: list[str], project: "Project", lang: str, rel: str = "",
           manifest=None) -> str:
    if name == "hotlines":
        return hotlines_html(project.hotlines, lang)
    if name == "hotline":
        return hotlines_html(project.hotlines, lang, only=(project.hotlines.get(args[0]),))
    if name == "schedule":
        return schedule_view.schedule_page(project.schedule, lang, urls(project), project.today)
    if name == "tour-province":
        return schedule_view.province_page(project.schedule, args[0], lang, urls(project), project.today)
    if name == "tour-event":
        event = project.schedule.event(args[0])
        return (schedule_view.event_page(project.schedule, args[0], lang, urls(project), project.today,
                                         event_hotlines_html(project, event, lang))
                + "\n" + jsonld.event_jsonld_script(event, lang, urls(project, absolute=True),
                                                    organizer=project.schedule.organizer))
    if name in ("posters-gallery", "printers"):
        if manifest is None:  # `campaign check` validates without rendering pages
            return ""
        here = posters.relative_url_for(project.site.url(lang, rel))
        if name == "printers":
            return posters.printers_html(manifest, lang, here, list(project.posters))
        return posters.gallery_html(list(project.posters), lang, manifest, here, project.config.default)
    raise KeyError(name)  # check_marker rejected it before the build


def expand_markers(markdown: str, project: "Project", lang: str, rel: str = "", manifest=None) -> str:
    return MARKER.sub(lambda m: "\n" + _block(m.group(1), m.group(2).split(), project, lang, rel,
                                              manifest) + "\n", markdown)


def print_block(project: "Project", lang: str, rel: str, manifest) -> str:
    """Downloads under a poster's page (QR, PDFs) or a guide's page (its booklet PDF)."""
    if manifest is None:
        return ""
    here = posters.relative_url_for(project.site.url(lang, rel))
    poster = next((p for p in project.posters if p.lang == lang and f"posters/{p.slug}.md" == rel), None)
    if poster is not None:
        return posters.poster_block_html(poster, lang, manifest, here, project.config.site_url,
                                         project.config.default)
    guide = next((g for g in project.guides if g.lang == lang and f"{g.name}.md" == rel), None)
    if guide is not None:
        return posters.guide_link_html(guide, lang, manifest, here)
    return ""


def notices_html(project: "Project", lang: str, rel: str) -> str:
    """Notices above a page: shown in another language; Khmer not yet reviewed."""
    site = project.site
    source = site.source_language(lang, rel)
    page = site.pages.get((source, rel)) if source else None
    return fragment("notices.html", lang,
                    fallback=source != lang,
                    source_language=strings(lang).get(f"lang_{source}") or language_name(source or lang),
                    review=bool(page and page.khmer_review_needed and source == "km"))


def compose(markdown: str, project: "Project", lang: str, rel: str, manifest=None) -> str:
    """The Markdown a page is rendered from on the ``lang`` site."""
    notices = notices_html(project, lang, rel)
    body = expand_markers(markdown, project, lang, rel, manifest)
    extra = print_block(project, lang, rel, manifest)
    return (notices + "\n\n" if notices else "") + body + ("\n\n" + extra + "\n" if extra else "")


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_SKIP_INSIDE = ("a", "script", "style", "code", "pre", "title", "textarea", "button")


def link_phone_numbers(html: str, hotlines: Hotlines) -> str:
    """Make every hotline number written in a page's text a tap-to-call link.

    Numbers already inside a link, script, code or form control are left alone;
    so are numbers that are part of a longer word, path or number.
    """
    numbers = sorted((h.number for h in hotlines.items), key=len, reverse=True)
    if not numbers:
        return html
    tel = {h.number: h.tel for h in hotlines.items}
    pattern = re.compile(r"(?<![\w/.\-])(" + "|".join(map(re.escape, numbers)) + r")(?![\w/\-]|\.\d)")
    out, skip = [], []
    for chunk in _TAG_OR_TEXT.split(html):
        if chunk.startswith("<"):
            m = re.match(r"<(/?)([a-zA-Z][\w-]*)", chunk)
            if m and m.group(2).lower() in _SKIP_INSIDE and not chunk.endswith("/>"):
                if m.group(1):
                    if skip and skip[-1] == m.group(2).lower():
                        skip.pop()
                else:
                    skip.append(m.group(2).lower())
            out.append(chunk)
        elif skip or not chunk.strip():
            out.append(chunk)
        else:
            out.append(pattern.sub(lambda n: f'<a class="campaign-tel" href="{tel[n.group(1)]}">{n.group(1)}</a>', chunk))
    return "".join(out)
