"""Pages and files the Tour schedule adds to each language's site.

The schedule page itself is a page staff write (``docs/<lang>/tour/index.md``
with ``<!-- campaign:schedule -->``); a page per province and per event and the
calendar files are generated here, as data the engine adapter turns into pages.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import escape

from campaign.content.tour import calendar
from campaign.compose import urls
from campaign.content.tour.view import event_title
from campaign.strings import t

if TYPE_CHECKING:
    from campaign.project import Project


@dataclass(frozen=True)
class GeneratedPage:
    rel: str  # as if it were docs/<lang>/<rel>
    title: str  # already HTML-escaped: themes insert titles unescaped
    markdown: str


def _page(rel: str, title: str, marker: str, description: str) -> GeneratedPage:
    safe = str(escape(title))
    # json.dumps gives a valid YAML double-quoted scalar whatever the text holds; both
    # are escaped because themes insert them into HTML unescaped.
    front = (f"title: {json.dumps(safe, ensure_ascii=False)}\n"
             f"description: {json.dumps(str(escape(_first_sentence(description))), ensure_ascii=False)}\n")
    return GeneratedPage(rel, safe, f"---\n{front}---\n\n{marker}\n")


def _first_sentence(text: str, limit: int = 160) -> str:
    """A short summary for search engines and link previews."""
    text = " ".join(text.split())
    for stop in ("។", ". "):
        if stop in text[:limit]:
            return text[: text.index(stop) + len(stop)].strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tour_pages(project: "Project", lang: str) -> list[GeneratedPage]:
    schedule = project.schedule
    pages = []
    for province in schedule.gazetteer.provinces:
        if schedule.in_province(province.id).events:
            name = province.name(lang)
            pages.append(_page(f"tour/{province.id}.md", name,
                               f"<!-- campaign:tour-province {province.id} -->",
                               t(lang, "province_description", name=name)))
    for event in schedule.events:
        pages.append(_page(f"tour/events/{event.id}.md", event_title(event, lang),
                           f"<!-- campaign:tour-event {event.id} -->", event.description.get(lang)))
    return pages


def calendar_files(project: "Project", lang: str) -> dict[str, bytes]:
    """Site-relative path → bytes of every .ics file for ``lang``."""
    schedule = project.schedule
    rel, absolute = urls(project), urls(project, absolute=True)
    host = calendar.host_of(project.config.site_url or "http://localhost/")
    base = urlsplit(project.config.site_url or "/").path or "/"

    def strip(url: str) -> str:  # site-relative path of a URL from ``rel``
        return url[len(base):] if url.startswith(base) else url.lstrip("/")

    files = {strip(rel("feed_ics", lang, None)): calendar.schedule_ics(schedule, lang, absolute, host)}
    for province in schedule.gazetteer.provinces:
        if schedule.in_province(province.id).events:
            files[strip(rel("province_ics", lang, province.id))] = calendar.province_ics(
                schedule, province.id, lang, absolute, host)
    for event in schedule.events:
        files[strip(rel("event_ics", lang, event.id))] = calendar.event_ics(event, lang, absolute, host)
    return files
