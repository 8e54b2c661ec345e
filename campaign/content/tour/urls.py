"""Where schedule pages and calendar files live: one function the renderers call.

Renderers never build paths themselves; they call ``url_for(what, lang, key)`` so the
adapter decides the site layout. ``what`` is one of:

    schedule       the schedule page                     key: None
    province       a province page                       key: province id
    month          a month's page                         key: YYYY-MM
    event          an event page                         key: event id
    event_ics      one event's .ics                      key: event id
    feed_ics       the feed of all events                key: None
    province_ics   a province's feed                     key: province id
"""

from __future__ import annotations

from typing import Callable, Optional

from campaign.core.urls import language_prefix

UrlFor = Callable[[str, str, Optional[str]], str]

_PATHS = {
    "schedule": "tour/",
    "province": "tour/{key}/",
    "month": "tour/{key}/",
    "event": "tour/events/{key}/",
    "event_ics": "tour/events/{key}.ics",
    "feed_ics": "tour/tour.ics",
    "province_ics": "tour/{key}.ics",
}


def site_urls(base: str = "/", default_lang: str = "km") -> UrlFor:
    """A layout with the default language at the root and others under /<lang>/.

    ``base`` is "/" for site-relative links or "https://host/" for absolute ones
    (calendar files and JSON-LD want absolute URLs).
    """
    base = base if base.endswith("/") else base + "/"

    def url_for(what: str, lang: str, key: str | None = None) -> str:
        return base + language_prefix(lang, default_lang) + _PATHS[what].format(key=key)

    return url_for
