"""The Safe Migration Tour schedule: model and loader for tour_schedule.yaml.

``load_schedule`` reads and checks the whole file and returns every problem at once
(``path:line:col``); an event with an error is left out of the returned model, so a
caller must stop on ``diagnostics.errors(diags)`` before publishing anything.
The schema is documented in the header comment of tour_schedule.yaml.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from campaign.content.gazetteer.lookup import read_area as _area_ref
from campaign.content.gazetteer.lookup import read_province
from campaign.content.gazetteer.model import Area, Gazetteer
from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields, suggest
from campaign.core.localized import (DEFAULT_LANGUAGES, Languages, Localized, read_localized,
                                     read_localized_node, warn_untranslated)
from campaign.core.review import read_review
from campaign.core.slugs import is_id, suggest_id
from campaign.core.yamlsource import Node, Scalar, parse, parse_file

TZ = ZoneInfo("Asia/Phnom_Penh")  # all times in the file are Cambodian local time (UTC+7)

KINDS = ("theatre", "music", "visual-arts", "film", "info-session", "authority-training",
         "self-help-group", "festival")
STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled")
AUDIENCES = ("women", "men", "youth", "children", "families", "returnees",
             "prospective-migrants", "local-authorities", "community-leaders", "teachers",
             "employers", "general-public")
GENDERS = ("female", "male", "other")
AGE_BANDS = ("under-15", "15-24", "25-44", "45-plus", "unknown")

# Cambodia's bounding box with a small margin (the mainland spans about 10.4–14.7 N and
# 102.3–107.6 E; the southern islands reach 9.9 N). Catches swapped or mistyped numbers.
LAT_RANGE = (9.5, 14.8)
LON_RANGE = (102.2, 107.7)

EVENT_FIELDS = ("id", "kind", "title", "description", "start", "end", "place", "partners",
                "performers", "audiences", "status", "previous_start", "note", "hotline",
                "attendance")
PLACE_FIELDS = ("province", "district", "commune", "village", "venue", "lat", "lon")
TOP_FIELDS = ("sample", "review", "khmer_review", "organizer", "events")


@dataclass(frozen=True)
class Place:
    province: Area
    district: Area
    venue: Localized
    commune: Localized | None = None
    village: Localized | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Attendance:
    counts: tuple[tuple[str, str, int], ...]  # (gender, age band, people)

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.counts)

    def by_gender(self) -> dict[str, int]:
        out = dict.fromkeys(GENDERS, 0)
        for g, _, n in self.counts:
            out[g] += n
        return out

    def by_band(self) -> dict[str, int]:
        out = dict.fromkeys(AGE_BANDS, 0)
        for _, b, n in self.counts:
            out[b] += n
        return out


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    title: Localized
    description: Localized
    start: dt.datetime  # aware, Asia/Phnom_Penh
    end: dt.datetime
    place: Place
    status: str = "scheduled"
    previous_start: dt.datetime | None = None
    partners: tuple[Localized, ...] = ()
    performers: tuple[Localized, ...] = ()
    audiences: tuple[str, ...] = ()
    note: Localized | None = None  # e.g. why it was cancelled
    hotlines: tuple[str, ...] = ()  # ids in data/hotlines.yaml, checked by the caller
    attendance: Attendance | None = None
    pos: Position | None = None

    def is_past(self, now: dt.date | dt.datetime) -> bool:
        """Over by ``now``; with a date, an event ending that day still counts as upcoming."""
        if isinstance(now, dt.datetime):
            return self.end <= (now if now.tzinfo else now.replace(tzinfo=TZ))
        return self.end.date() < now


@dataclass(frozen=True)
class Schedule:
    events: tuple[Event, ...]  # sorted by start, then id
    gazetteer: Gazetteer
    sample: bool = False
    review_needed: bool = True  # the translations in the file await a native speaker's review
    organizer: Localized | None = None
    hotline_refs: tuple[tuple[str, Position], ...] = ()  # every `hotline:` id with its place
    path: str = ""

    def event(self, event_id: str) -> Event | None:
        return self._by_id.get(event_id)

    @functools.cached_property
    def _by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    @functools.cached_property
    def months(self) -> dict[str, tuple[Event, ...]]:
        """YYYY-MM → that month's events, in order."""
        out: dict[str, list] = {}
        for e in self.events:
            out.setdefault(f"{e.start:%Y-%m}", []).append(e)
        return {k: tuple(v) for k, v in sorted(out.items())}

    def upcoming(self, now: dt.date | dt.datetime) -> tuple[Event, ...]:
        return tuple(e for e in self.events if not e.is_past(now))

    def past(self, now: dt.date | dt.datetime) -> tuple[Event, ...]:
        """Most recent first."""
        return tuple(sorted((e for e in self.events if e.is_past(now)),
                            key=lambda e: (e.start, e.id), reverse=True))

    def in_province(self, province_id: str) -> "Schedule":
        return replace(self, events=tuple(e for e in self.events
                                          if e.place.province.id == province_id))


# -- reading ------------------------------------------------------------------

def _names(f: Fields, key: str, langs: Languages) -> tuple[Localized, ...]:
    """A list of names (partners, performers): each written once or per language."""
    out = []
    for i, item in enumerate(f.seq(key, expected="a list of names")):
        name = read_localized_node(f, item, key, item.pos, langs, label=f"item {i + 1} of '{key}'",
                                   default_required=False)
        if name is not None:
            out.append(name)
    return tuple(out)


def _place(f: Fields, gaz: Gazetteer, langs: Languages, untranslated: dict) -> Place | None:
    p = f.sub("place", f"the place of {f.what}", required=True)
    if p.map is None:
        return None
    p.check_keys(PLACE_FIELDS)
    ok = True
    province = district = None
    province = read_province(p, gaz)
    if province is not None:
        district = _area_ref(p, "district", province, "district")
    elif p.node("district") is None:
        p.missing("district", "the district name")
    commune = village = None
    if district and district.children:  # the gazetteer lists communes: names are checked
        c = _area_ref(p, "commune", district, "commune") if p.node("commune") else None
        if c is False:
            ok = False
        elif c is not None:
            commune = c.names
            if c.children and p.node("village") is not None:
                v = _area_ref(p, "village", c, "village")
                if v is False:
                    ok = False
                else:
                    village = v.names
    if commune is None and ok:
        commune = read_localized(p, "commune", langs, required=False, label="commune", default_required=False)
    if village is None and ok:
        village = read_localized(p, "village", langs, required=False, label="village", default_required=False)
    venue = read_localized(p, "venue", langs, required=True, label="venue", default_required=False,
                           untranslated=untranslated)
    lat, lon = p.number("lat", required=False), p.number("lon", required=False)
    if (lat is None) != (lon is None) and (p.node("lat") is None or p.node("lon") is None):
        p.fail(p.where("lat" if lat is not None else "lon"),
               f"{p.what} has only one of lat and lon", "both lat and lon, or neither")
        lat = lon = None
    elif lat is not None and lon is not None:
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            swapped = (LAT_RANGE[0] <= lon <= LAT_RANGE[1] and LON_RANGE[0] <= lat <= LON_RANGE[1])
            p.fail(p.map.get("lat").pos, f"coordinates {lat}, {lon} are outside Cambodia"
                   + (" (lat and lon swapped?)" if swapped else ""),
                   f"lat between {LAT_RANGE[0]} and {LAT_RANGE[1]}, "
                   f"lon between {LON_RANGE[0]} and {LON_RANGE[1]} (decimal degrees)")
            lat = lon = None
    if not (ok and province and district and venue):
        return None
    return Place(province, district, venue, commune, village, lat, lon)


def _attendance(f: Fields) -> Attendance | None:
    a = f.sub("attendance", f"the attendance of {f.what}")
    if a.map is None:
        return None
    a.check_keys(GENDERS)
    counts = []
    for g in GENDERS:
        b = a.sub(g, f"'{g}' attendance of {f.what}")
        if b.map is None:
            continue
        b.check_keys(AGE_BANDS)
        for band in AGE_BANDS:
            n = b.integer(band, required=False)
            if n:
                counts.append((g, band, n))
    return Attendance(tuple(counts))


def _event(node: Node, index: int, gaz: Gazetteer, today: dt.date,
           diags: list[Diagnostic], langs: Languages) -> tuple[Event | None, Scalar | None, list]:
    f = Fields(node, diags, f"event #{index + 1}", node.pos)
    if f.map is None:
        return None, None, []
    n_errors = sum(d.severity == "error" for d in diags)
    id_node = f.scalar("id", True, "an id such as bavel-theatre-2026-12-05")
    id_ = id_node.text.strip() if id_node is not None else None
    if id_ is not None and not is_id(id_):
        f.fail(id_node.pos, f"event id '{id_}' may use only a-z, 0-9 and single hyphens "
               "(it is part of web addresses and calendar entries)",
               f"for example '{suggest_id(id_, 'bavel-theatre-2026-12-05')}'")
        id_node = id_ = None
    if id_:
        f.what = f"event '{id_}'"
    f.check_keys(EVENT_FIELDS)
    kind = f.choice("kind", KINDS)
    untranslated: dict = {}
    title = read_localized(f, "title", langs, required=True, label="title", untranslated=untranslated)
    description = read_localized(f, "description", langs, required=True, label="description",
                                 untranslated=untranslated)
    start = f.datetime("start")
    end = f.datetime("end")
    if start and end and end <= start:
        f.fail(f.map.get("end").pos, f"end {end:%Y-%m-%d %H:%M} is not after start "
               f"{start:%Y-%m-%d %H:%M} in {f.what}", "an end time after the start")
        end = None
    place = _place(f, gaz, langs, untranslated)
    status = f.choice("status", STATUSES, required=False, default="scheduled")
    previous = f.datetime("previous_start", required=False)
    if status == "rescheduled" and previous is None and f.node("previous_start") is None:
        f.fail(f.where("status"), f"{f.what} is rescheduled but has no previous_start",
               "previous_start: YYYY-MM-DD HH:MM (the date it was first planned for)")
    if previous is not None and status not in ("rescheduled", None):
        f.fail(f.where("previous_start"), f"previous_start is given but {f.what} is {status}",
               "status: rescheduled, or no previous_start")
    if previous is not None and start is not None and previous == start:
        f.fail(f.where("previous_start"), f"previous_start equals start in {f.what}",
               "the date the event was first planned for")
    partners = _names(f, "partners", langs)
    performers = _names(f, "performers", langs)
    audiences = []
    for item in f.seq("audiences", expected="a list such as [women, youth]"):
        if not isinstance(item, Scalar):
            f.fail(item.pos, f"each audience of {f.what} must be a plain name", "`- youth`")
        elif item.text.strip() not in AUDIENCES:
            f.fail(item.pos, f"unknown audience '{item.text.strip()}'", suggest(item.text.strip(), AUDIENCES))
        elif item.text.strip() not in audiences:
            audiences.append(item.text.strip())
    note = read_localized(f, "note", langs, required=False, label="note", default_required=False,
                          untranslated=untranslated)
    warn_untranslated(f, untranslated, langs)
    refs = []
    for item in f.seq("hotline", expected="a hotline id or a list of them"):
        if isinstance(item, Scalar) and item.text.strip():
            refs.append((item.text.strip(), item.pos))
        else:
            f.fail(item.pos, f"each hotline of {f.what} must be a hotline id", "an id from data/hotlines.yaml")
    attendance = None
    if f.node("attendance") is not None:
        apos = f.where("attendance")
        if start is not None and start.date() > today:
            f.fail(apos, f"attendance given for {f.what}, which starts on {start:%Y-%m-%d}, "
                   f"after today ({today:%Y-%m-%d})", "attendance only once the event has taken place")
        elif status == "cancelled":
            f.fail(apos, f"attendance given for {f.what}, which is cancelled",
                   "no attendance, or a status other than cancelled")
        else:
            attendance = _attendance(f)
    if sum(d.severity == "error" for d in diags) > n_errors:
        return None, id_node, refs
    if None in (id_, kind, title, description, start, end, place):
        return None, id_node, refs
    ev = Event(id_, kind, title, description, start.replace(tzinfo=TZ), end.replace(tzinfo=TZ),
               place, status, previous.replace(tzinfo=TZ) if previous else None, partners,
               performers, tuple(audiences), note, tuple(r for r, _ in refs), attendance, node.pos)
    return ev, id_node, refs


def read_schedule(root: Node | None, path: str, gazetteer: Gazetteer,
                  today: dt.date, langs: Languages = DEFAULT_LANGUAGES) -> tuple[Schedule, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    if isinstance(today, dt.datetime):
        today = today.date()
    start = Position(path, 1, 1)
    empty = Schedule((), gazetteer, path=path)
    if root is None:
        return empty, [error(start, "the schedule is empty", "an `events:` list")]
    f = Fields(root, diags, "the schedule", start)
    if f.map is None:
        return empty, diags
    f.check_keys(TOP_FIELDS)
    sample = f.boolean("sample")
    review = read_review(f, None)
    organizer = read_localized(f, "organizer", langs, required=False, label="organizer", default_required=False)
    events: list[Event] = []
    refs: list[tuple[str, Position]] = []
    seen: dict[str, Position] = {}
    for i, item in enumerate(f.seq("events", required=True, expected="a list of events")):
        ev, id_node, ev_refs = _event(item, i, gazetteer, today, diags, langs)
        refs.extend(ev_refs)
        if id_node is not None:
            key = id_node.text.strip()
            if key in seen:
                diags.append(error(id_node.pos, f"duplicate event id '{key}' (first at line "
                                   f"{seen[key].line})", f"a unique id, for example '{key}-2'"))
                continue
            seen[key] = id_node.pos
        if ev is not None:
            events.append(ev)
    events.sort(key=lambda e: (e.start, e.id))
    return Schedule(tuple(events), gazetteer, sample, review, organizer,
                    tuple(refs), path), diags


def parse_schedule(text: str, path: str, gazetteer: Gazetteer, today: dt.date,
                   langs: Languages = DEFAULT_LANGUAGES) -> tuple[Schedule, list[Diagnostic]]:
    return _read(*parse(text, path), path, gazetteer, today, langs)


def load_schedule(path: str | Path, gazetteer: Gazetteer, today: dt.date, display: str | None = None,
                  langs: Languages = DEFAULT_LANGUAGES) -> tuple[Schedule, list[Diagnostic]]:
    """Read and check tour_schedule.yaml; ``today`` decides which events may have attendance."""
    name = display or str(path)
    return _read(*parse_file(path, name), name, gazetteer, today, langs)


def _read(root, diags, path, gazetteer, today, langs):
    if root is None and diags:
        return Schedule((), gazetteer, path=path), diags
    sched, more = read_schedule(root, path, gazetteer, today, langs)
    return sched, diags + more
