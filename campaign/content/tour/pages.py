"""Pages and files the Tour schedule adds to each language's site.

The schedule page itself is a page staff write (``docs/<lang>/tour/index.md`` with
``<!-- campaign:schedule -->``); a page per province and per event and the calendar
files are generated here, as data any engine adapter turns into pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaign.content.base import GeneratedPage
from campaign.content.tour import calendar
from campaign.content.tour.urls import UrlFor, site_urls
from campaign.core.urls import site_path
from campaign.languages.catalog import translator
from campaign.languages.dates import format_month

if TYPE_CHECKING:
    from campaign.project import Project


def urls(project: "Project", absolute: bool = False) -> UrlFor:
    """The schedule's URL layout: site-relative paths, or absolute for feeds and JSON-LD."""
    site_url = project.config.site_url or "/"
    return site_urls(site_url if absolute else site_path(site_url), project.config.default)


def first_sentence(text: str, limit: int = 160) -> str:
    """A short summary for search engines and link previews."""
    text = " ".join(text.split())
    for stop in ("។", ". "):
        if stop in text[:limit]:
            return text[: text.index(stop) + len(stop)].strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def tour_pages(project: "Project", lang: str) -> list[GeneratedPage]:
    schedule = project.schedule
    _ = translator(lang)
    pages = []
    for province in schedule.gazetteer.provinces:
        if schedule.in_province(province.id).events:
            name = province.name(lang)
            pages.append(GeneratedPage(
                f"tour/{province.id}.md", name, f"<!-- campaign:tour-province {province.id} -->",
                _("Safe Migration Tour events in %(name)s: theatre, music and information sessions.",
                  name=name), meta={"country": "KH"}))
    for month in sorted({f"{e.start:%Y-%m}" for e in schedule.events}):
        first = next(e for e in schedule.events if f"{e.start:%Y-%m}" == month)
        label = format_month(first.start, lang)
        pages.append(GeneratedPage(
            f"tour/{month}.md", _("Safe Migration Tour: %(month)s", month=label),
            f"<!-- campaign:tour-month {month} -->",
            _("Safe Migration Tour events in %(month)s: theatre, music and information sessions.", month=label),
            meta={"country": "KH"}))
    for event in schedule.events:
        pages.append(GeneratedPage(
            f"tour/events/{event.id}.md", event.title.get(lang), f"<!-- campaign:tour-event {event.id} -->",
            first_sentence(event.description.get(lang)), meta={"country": "KH"},
            text_lang=event.title.lang_of(lang)))
    return pages


def calendar_files(project: "Project", lang: str) -> dict[str, bytes]:
    """Site-relative path → bytes of every .ics file for ``lang``."""
    schedule = project.schedule
    rel, absolute = urls(project), urls(project, absolute=True)
    host = calendar.host_of(project.config.site_url or "http://localhost/")
    base = site_path(project.config.site_url)

    def strip(url: str) -> str:  # site-relative path of a URL from ``rel``
        return url[len(base):] if url.startswith(base) else url.lstrip("/")

    made: dict = {}  # each event serialised once for its three calendars
    files = {strip(rel("feed_ics", lang, None)): calendar.schedule_ics(schedule, lang, absolute, host, made=made)}
    for province in schedule.gazetteer.provinces:
        if schedule.in_province(province.id).events:
            files[strip(rel("province_ics", lang, province.id))] = calendar.province_ics(
                schedule, province.id, lang, absolute, host, made=made)
    for event in schedule.events:
        files[strip(rel("event_ics", lang, event.id))] = calendar.event_ics(event, lang, absolute, host,
                                                                             made=made)
    return files
