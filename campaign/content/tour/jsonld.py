"""schema.org Event JSON-LD for an event page, safe to put inside <script>.

``json.dumps`` does not escape ``<``, ``>`` or ``&``, so a title containing
``</script>`` would end the script element early; we write them as \\u003c etc., which
JSON parsers read back as the same characters.
"""

from __future__ import annotations

import json

from campaign.content.tour.schedule import Event, Localized
from campaign.content.tour import labels
from campaign.languages.catalog import translator
from campaign.content.tour.urls import UrlFor

_TYPES = {
    "theatre": "TheaterEvent",
    "music": "MusicEvent",
    "visual-arts": "VisualArtsEvent",
    "film": "ScreeningEvent",
    "info-session": "EducationEvent",
    "authority-training": "EducationEvent",
    "self-help-group": "SocialEvent",
    "festival": "Festival",
}
_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
}
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                0x2028: "\\u2028", 0x2029: "\\u2029"}


def event_data(event: Event, lang: str, url_for: UrlFor,
               organizer: Localized | None = None, organizer_url: str | None = None) -> dict:
    """The JSON-LD object (a dict) for ``event`` in ``lang``; URLs should be absolute."""
    p = event.place
    address = {
        "@type": "PostalAddress",
        "addressCountry": "KH",
        "addressRegion": p.province.name(lang),
        "addressLocality": p.district.name(lang),
    }
    street = [x.get(lang) for x in (p.village, p.commune) if x is not None]
    if street:
        address["streetAddress"] = ", ".join(street)
    place = {"@type": "Place", "name": p.venue.get(lang), "address": address}
    if p.lat is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": p.lat, "longitude": p.lon}
    data = {
        "@context": "https://schema.org",
        "@type": _TYPES.get(event.kind, "Event"),
        "name": event.title.get(lang),
        "description": event.description.get(lang),
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": _STATUS[event.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "inLanguage": event.title.lang_of(lang),
        "url": url_for("event", lang, event.id),
    }
    if event.previous_start is not None:
        data["previousStartDate"] = event.previous_start.isoformat()
    organizers = []
    if organizer is not None:
        org = {"@type": "Organization", "name": organizer.get(lang)}
        if organizer_url:
            org["url"] = organizer_url
        organizers.append(org)
    # partners co-organise locally (commune councils, youth groups): not sponsors or funders
    organizers += [{"@type": "Organization", "name": x.get(lang)} for x in event.partners]
    if organizers:
        data["organizer"] = organizers[0] if len(organizers) == 1 else organizers
    if event.performers:
        data["performer"] = [{"@type": "PerformingGroup", "name": x.get(lang)}
                             for x in event.performers]
    if event.audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": translator(lang)(labels.AUDIENCE[a])}
                            for a in event.audiences]
    return data


def script_safe_json(data: object) -> str:
    """JSON text that cannot close or confuse an HTML <script> element."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False, indent=None,
                      separators=(",", ":")).translate(_SCRIPT_SAFE)


def event_jsonld(event: Event, lang: str, url_for: UrlFor, organizer: Localized | None = None,
                 organizer_url: str | None = None) -> str:
    """JSON text for ``<script type="application/ld+json">…</script>``."""
    return script_safe_json(event_data(event, lang, url_for, organizer, organizer_url))


def event_jsonld_script(event: Event, lang: str, url_for: UrlFor,
                        organizer: Localized | None = None, organizer_url: str | None = None) -> str:
    """The whole script element, ready to insert in a page's HTML."""
    return ('<script type="application/ld+json">'
            + event_jsonld(event, lang, url_for, organizer, organizer_url) + "</script>")
