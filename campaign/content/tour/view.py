"""HTML fragments of the Tour schedule: schedule page, province and month pages, event page.

Each function returns one ``<div class="campaign-schedule" markdown="0">`` block with no
blank lines and no indented lines, so it can sit inside a Markdown page (a blank line would
end Python-Markdown's raw HTML block; an indented line could become a code block).
Templates are Jinja2 with autoescape on; text from the YAML is always escaped.

The listing is sorted into "upcoming" and "past" by ``today`` at build time; each event
carries data-start/data-end (ISO 8601, +07:00) so assets/schedule.js can move events by
the reader's clock and filter without a reload.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from itertools import groupby
from pathlib import Path

from markupsafe import Markup

from campaign.content.reach.privacy import publishable
from campaign.content.tour import labels
from campaign.content.tour.schedule import AGE_BANDS, GENDERS, KINDS, Event, Localized, Schedule
from campaign.content.tour.urls import UrlFor
from campaign.core.templates import fragment
from campaign.languages import dates as khdate
from campaign.languages.catalog import translator

ASSET_JS = Path(__file__).parent / "assets" / "schedule.js"


def _render(name: str, lang: str, **ctx) -> str:
    return fragment("tour/" + name, lang, labels=labels, **ctx) + "\n"


def _in(loc: Localized, lang: str) -> tuple[str, str]:
    """Text and, when it is not in ``lang`` (a fallback), the lang attribute it needs."""
    got = loc.lang_of(lang)
    return loc.get(lang), ("" if got == lang else got)


def _place(e: Event, lang: str, full: bool) -> str:
    p = e.place
    parts = [p.venue.get(lang)] if full else []
    parts += [x.get(lang) for x in (p.village, p.commune) if x is not None]
    parts += [p.district.name(lang), p.province.name(lang)]
    return ", ".join(parts)


def _item(e: Event, lang: str, url_for: UrlFor) -> dict:
    title, title_lang = _in(e.title, lang)
    return {
        "id": e.id, "url": url_for("event", lang, e.id), "title": title, "title_lang": title_lang,
        "status": e.status, "kind": e.kind, "kind_label": translator(lang)(labels.KIND[e.kind]),
        "start_iso": e.start.isoformat(), "end_iso": e.end.isoformat(),
        "month": f"{e.start:%Y-%m}", "province": e.place.province.id,
        "district": e.place.district.id, "place": _place(e, lang, full=False),
        "when": khdate.format_range(e.start, e.end, lang),
    }


def _groups(events, lang: str, url_for: UrlFor) -> list[dict]:
    return [{"month": month, "label": khdate.format_month(evs[0].start, lang),
             "events": [_item(e, lang, url_for) for e in evs]}
            for month, evs in ((m, list(g)) for m, g in
                               groupby(events, key=lambda e: f"{e.start:%Y-%m}"))]


def _notices(schedule: Schedule, lang: str, untranslated: bool = False) -> list[tuple[str, str]]:
    _ = translator(lang)
    out = []
    if schedule.sample:
        out.append(("sample", _("This is sample data, not a real programme.")))
    if untranslated:
        out.append(("untranslated", _("Not yet translated; shown in another language.")))
    return out


def _options(schedule: Schedule, lang: str) -> tuple[list, list, list]:
    used_p = {e.place.province.id for e in schedule.events}
    used_d = {(e.place.province.id, e.place.district.id) for e in schedule.events}
    used_k = {e.kind for e in schedule.events}
    provinces, districts = [], []
    for p in schedule.gazetteer.provinces:  # gazetteer order: staff control it
        if p.id in used_p:
            provinces.append({"id": p.id, "name": p.name(lang)})
        districts += [{"id": d.id, "name": d.name(lang), "province": p.id}
                      for d in p.children if (p.id, d.id) in used_d]
    kinds = [{"id": k, "name": translator(lang)(labels.KIND[k])} for k in KINDS if k in used_k]
    return provinces, districts, kinds


# A listing page lists the coming months and the most recent past; every event is on the
# page of its month, so no page grows with the programme (2,000 events over three years
# made a 1.2 MB Tour page).
UPCOMING_MONTHS = 3
UPCOMING_LIMIT = 50
PAST_ON_LISTING = 30


def month_key(value: dt.date | dt.datetime) -> str:
    return f"{value:%Y-%m}"


def _coming(events, today: dt.date, months: int = UPCOMING_MONTHS) -> tuple[tuple, tuple]:
    """(the events listed as upcoming, the later ones left to month pages)."""
    last = (today.replace(day=1) + dt.timedelta(days=31 * months)).replace(day=1)
    soon = [e for e in events if e.start.date() < last][:UPCOMING_LIMIT]
    if not soon:  # a quiet season: still show what comes next
        soon = list(events[:UPCOMING_LIMIT // 3])
    return tuple(soon), tuple(events[len(soon):])


def coming_soon(schedule: Schedule, today: dt.date) -> tuple:
    """The events the Tour page lists as coming (the next months, at most ``UPCOMING_LIMIT``)."""
    return _coming(schedule.upcoming(today), today)[0]


def months_index(schedule: Schedule, lang: str, url_for: UrlFor, province: str | None = None) -> list[dict]:
    """Every month with events: label, count, link (filtered to a province when given)."""
    counts = {k: evs if province is None else [e for e in evs if e.place.province.id == province]
              for k, evs in schedule.months.items()}
    counts = {k: evs for k, evs in counts.items() if evs}
    query = f"?province={province}" if province else ""
    return [{"key": k, "label": khdate.format_month(evs[0].start, lang), "count": khdate.format_number(len(evs), lang),
             "url": url_for("month", lang, k) + query} for k, evs in sorted(counts.items())]


def schedule_page(schedule: Schedule, lang: str, url_for: UrlFor, today: dt.date,
                  *, upcoming_months: int = UPCOMING_MONTHS) -> str:
    """The Tour: filters, the coming months, the recent past, every month, feed link."""
    return _listing(schedule, lang, url_for, today, None, months=upcoming_months)


def province_page(schedule: Schedule, province_id: str, lang: str, url_for: UrlFor,
                  today: dt.date) -> str:
    """One province's events (its district and kind filters, its calendar feed, its months)."""
    area = schedule.gazetteer.get(province_id)
    if area is None:
        raise KeyError(f"no province '{province_id}' in the gazetteer")
    return _listing(schedule.in_province(province_id), lang, url_for, today, area)


def month_page(schedule: Schedule, month: str, lang: str, url_for: UrlFor, today: dt.date) -> str:
    """Every event of one month (filters read ?province= from the address)."""
    events = replace(schedule, events=schedule.months.get(month, ()))
    return _listing(events, lang, url_for, today, None, whole=True, months_of=schedule)


def _listing(schedule: Schedule, lang: str, url_for: UrlFor, today: dt.date, area,
             whole: bool = False, months_of: Schedule | None = None,
             months: int = UPCOMING_MONTHS) -> str:
    upcoming, later = ((schedule.upcoming(today), ()) if whole
                       else _coming(schedule.upcoming(today), today, months))
    past = schedule.past(today) if whole else schedule.past(today)[:PAST_ON_LISTING]
    provinces, districts, kinds = _options(schedule, lang)
    _ = translator(lang)
    if area is None:
        feed_url, feed_label = url_for("feed_ics", lang, None), _("Calendar of all events (.ics)")
    else:
        feed_url = url_for("province_ics", lang, area.id)
        feed_label = _("Calendar of events in %(name)s (.ics)", name=area.name(lang))
    index = months_index(months_of or schedule, lang, url_for, area.id if area else None)
    return _render(
        "list.html", lang, notes=_notices(schedule, lang),
        province={"name": area.name(lang), "verify": area.verify} if area else None,
        provinces=provinces, districts=districts, kinds=kinds,
        upcoming=_groups(upcoming, lang, url_for), later=bool(later),
        past=_groups(past, lang, url_for), older=len(schedule.past(today)) > len(past),
        month_links=index if len(index) > 1 or not whole else [],
        feed_url=feed_url, feed_label=feed_label,
    )


def _names(items: tuple[Localized, ...], lang: str) -> str:
    return ", ".join(x.get(lang) for x in items)


def _paragraphs(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]


def event_page(schedule: Schedule, event_id: str, lang: str, url_for: UrlFor, today: dt.date,
               hotline_html: str = "", *, with_title: bool = True) -> str:
    """One event: title, status badge, time, place, what it is about, hotlines, calendar link.

    ``hotline_html`` is inserted as is (it is the caller's own escaped HTML). The page
    holds nothing about other events, so its size does not grow with the schedule.
    ``with_title`` puts the escaped title in an <h1> (Material then adds no h1 of its own);
    turn it off only if the caller writes an escaped heading itself.
    """
    e = schedule.event(event_id)
    if e is None:
        raise KeyError(f"no event '{event_id}' in the schedule")
    item = _item(e, lang, url_for)
    desc, desc_lang = _in(e.description, lang)
    note, note_lang = _in(e.note, lang) if e.note is not None else ("", "")
    att = None
    if e.attendance is not None:
        # published under the privacy rule (campaign.content.reach.privacy): no count of 1 to 4
        counts = {(g, b): n for g, b, n in e.attendance.counts}
        cells, total = publishable({(g, b): counts.get((g, b), 0) for b in AGE_BANDS for g in GENDERS})
        bands = [{"band": b, "gender": {g: cells[(g, b)] for g in GENDERS}} for b in AGE_BANDS]
        att = {"bands": [b for b in bands if any(v != 0 for v in b["gender"].values()) or b["band"] != "unknown"],
               "total": total, "withheld": any(v is None for v in cells.values())}
    item.update(
        place_full=_place(e, lang, full=True),
        verify=e.place.district.verify or e.place.province.verify,
        description=_paragraphs(desc), description_lang=desc_lang, note=note, note_lang=note_lang,
        previous=khdate.format_datetime(e.previous_start, lang) if e.previous_start else "",
        previous_iso=e.previous_start.isoformat() if e.previous_start else "",
        audiences=", ".join(translator(lang)(labels.AUDIENCE[a]) for a in e.audiences),
        performers=_names(e.performers, lang), partners=_names(e.partners, lang),
        attendance=att, province_name=e.place.province.name(lang),
    )
    untranslated = not (e.title.has(lang) and e.description.has(lang))
    return _render(
        "event.html", lang, e=item, with_title=with_title, over=e.is_past(today), notes=_notices(schedule, lang, untranslated),
        genders=GENDERS, hotline_html=Markup(hotline_html) if hotline_html else "",
        ics_url=url_for("event_ics", lang, e.id), schedule_url=url_for("schedule", lang, None),
        province_url=url_for("province", lang, e.place.province.id),
    )


def event_title(event: Event, lang: str) -> str:
    """Plain-text title for the page heading (the caller escapes it)."""
    return event.title.get(lang)
