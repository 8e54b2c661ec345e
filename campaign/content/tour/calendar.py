"""iCalendar (RFC 5545) files for the Tour: one per event, one for all, one per province.

Built with the ``icalendar`` library, which escapes text (``,`` ``;`` ``\\`` newlines) and
folds long lines. Output is byte-identical for the same input: events in a fixed order,
UID ``<event id>@<site host>`` and DTSTAMP from the build (``stamp`` or SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from typing import Iterable

from icalendar import Calendar, Event as VEvent, vText

from pathlib import Path

from campaign.content.tour import labels
from campaign.content.tour.schedule import TZ, Event, Schedule
from campaign.core import memo
from campaign.languages.catalog import catalog_fingerprint, translator
from campaign.languages.pack import pack
from campaign.content.tour.urls import UrlFor

PRODID = "-//MIGRA-SAFE//Safe Migration Tour//EN"
_CODE = memo.files_hash(Path(__file__), Path(__file__).with_name("labels.py"))
_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED",
           "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def build_stamp(stamp: dt.datetime | None = None) -> dt.datetime:
    """DTSTAMP for every VEVENT: ``stamp``, else SOURCE_DATE_EPOCH, else today 00:00 UTC.

    RFC 5545 wants the time the calendar object was made; the build time is that, and
    taking it from SOURCE_DATE_EPOCH keeps builds reproducible. The last fallback is
    rounded to the day so two builds on one day still give identical files.
    """
    if stamp is not None:
        return stamp.astimezone(dt.timezone.utc) if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    today = dt.datetime.now(dt.timezone.utc).date()
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)


def host_of(url: str) -> str:
    """"https://example.org/tour/" → "example.org" (for UIDs)."""
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url.strip("/")


def _location(e: Event, lang: str) -> str:
    p = e.place
    parts = [p.venue.get(lang)]
    parts += [x.get(lang) for x in (p.village, p.commune) if x is not None]
    parts += [p.district.name(lang), p.province.name(lang), _country(lang)]
    return ", ".join(parts)


def _country(lang: str) -> str:
    """Cambodia, as the reader's language names it (CLDR)."""
    return pack(lang).locale.territories.get("KH", "Cambodia")


def vevent(e: Event, lang: str, url_for: UrlFor, host: str, stamp: dt.datetime) -> VEvent:
    v = VEvent()
    v.add("uid", f"{e.id}@{host}")
    v.add("dtstamp", stamp)
    v.add("dtstart", e.start.astimezone(TZ))
    v.add("dtend", e.end.astimezone(TZ))
    # a changed time or a cancellation must replace the copy people already imported
    v.add("sequence", 0 if e.status == "scheduled" else 1)
    summary = e.title.get(lang)
    if e.status in ("cancelled", "postponed"):  # for apps that ignore STATUS
        summary = f"{translator(lang)(labels.STATUS[e.status])}: {summary}"
    v.add("summary", summary, parameters={"LANGUAGE": e.title.lang_of(lang)})
    desc = [e.description.get(lang)]
    if e.note is not None:
        desc.append(e.note.get(lang))
    url = url_for("event", lang, e.id)
    desc.append(url)
    v.add("description", "\n\n".join(desc))
    v.add("location", _location(e, lang))
    if e.place.lat is not None:
        v.add("geo", (e.place.lat, e.place.lon))
    v.add("status", _STATUS[e.status])
    v.add("categories", [translator(lang)(labels.KIND[e.kind])])
    v.add("url", url)
    return v


def _calendar(events: Iterable[Event], lang: str, url_for: UrlFor, host: str, name: str,
              stamp: dt.datetime | None, made: dict | None = None) -> bytes:
    """A VCALENDAR of ``events``. ``made`` keeps each event's serialised VEVENT for the
    other calendars of the same build: an event is in its own file, its province's feed and
    the whole Tour's; serialising it once instead of three times is most of the time at
    2,000 events."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", vText(name))  # X- properties are not escaped unless typed
    cal.add("x-wr-timezone", "Asia/Phnom_Penh")
    when = build_stamp(stamp)
    made = {} if made is None else made
    body = []
    for e in sorted(events, key=lambda e: (e.start, e.id)):
        key = (e.id, lang)
        if key not in made:
            inputs = (_CODE, repr(e), lang, url_for("event", lang, e.id), host, when.isoformat(),
                      catalog_fingerprint(lang))
            made[key] = memo.get("vevent", inputs,
                                 lambda: vevent(e, lang, url_for, host, when).to_ical().decode("utf-8")).encode("utf-8")
        body.append(made[key])
    head = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    return head[: -len(end)] + b"".join(body) + _vtimezone_ical() + end


@functools.lru_cache(maxsize=1)
def _vtimezone_ical() -> bytes:
    return _vtimezone().to_ical()


@functools.lru_cache(maxsize=1)
def _vtimezone():
    """VTIMEZONE for Asia/Phnom_Penh from zoneinfo, made once: icalendar's
    ``add_missing_timezones`` rebuilds it for every calendar (45 s of 76 s at 2,000 events)."""
    from icalendar import Timezone

    return Timezone.from_tzid(str(TZ))


def event_ics(event: Event, lang: str, url_for: UrlFor, host: str,
              stamp: dt.datetime | None = None, made: dict | None = None) -> bytes:
    """One event's .ics (the "add to calendar" link)."""
    return _calendar([event], lang, url_for, host, event.title.get(lang), stamp, made)


def schedule_ics(schedule: Schedule, lang: str, url_for: UrlFor, host: str,
                 stamp: dt.datetime | None = None, made: dict | None = None) -> bytes:
    """The feed of every event, cancelled ones included (as STATUS:CANCELLED)."""
    _ = translator(lang)
    name = _("Safe Migration Tour")
    return _calendar(schedule.events, lang, url_for, host, name, stamp, made)


def province_ics(schedule: Schedule, province_id: str, lang: str, url_for: UrlFor, host: str,
                 stamp: dt.datetime | None = None, made: dict | None = None) -> bytes:
    area = schedule.gazetteer.get(province_id)
    name = area.name(lang) if area else province_id
    events = [e for e in schedule.events if e.place.province.id == province_id]
    return _calendar(events, lang, url_for, host, name, stamp, made)
