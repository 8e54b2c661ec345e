"""Open data of the Tour: /data/attendance.csv, /data/events.json and a Frictionless
/data/datapackage.json describing both (https://specs.frictionlessdata.io/data-package/).

Written once, with the default language's site. Withheld cells (privacy.py) are empty
in the CSV; each row's ``total`` counts everyone, so the totals add up to the reach page.
"""

from __future__ import annotations

import csv
import io
import json

from campaign.content.reach.model import CELLS, Row, column
from campaign.content.reach.privacy import MIN_COUNT
from campaign.content.tour.schedule import KINDS, STATUSES, Schedule

ATTENDANCE, EVENTS, PACKAGE = "data/attendance.csv", "data/events.json", "data/datapackage.json"
PLACE_COLUMNS = ("id", "date", "province", "district", "kind")

RULE = (f"Privacy: a count of 1 to {MIN_COUNT - 1} people in one group (gender and age band) at one "
        "event is left empty, because so few people can be recognised. When an event has only one such "
        "group, the next smallest group is left empty too, so that the total cannot give it away. "
        f"An event of fewer than {MIN_COUNT} people in all has every cell and its total left empty. "
        "The total of each event counts everyone, including the people of empty cells.")


def attendance_csv(rows: list[Row]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([*PLACE_COLUMNS, *(column(g, b) for g, b in CELLS), "total"])
    for r in rows:
        e = r.event
        w.writerow([e.id, f"{e.start:%Y-%m-%d}", e.place.province.id, e.place.district.id, e.kind,
                    *("" if r.cells[k] is None else r.cells[k] for k in CELLS), "" if r.total is None else r.total])
    return out.getvalue().encode("utf-8")


def _texts(loc, languages) -> dict[str, str]:
    return {lang: loc.get(lang) for lang in languages if loc.has(lang)}


def events_json(schedule: Schedule, languages) -> bytes:
    items = [{"id": e.id, "start": e.start.isoformat(), "end": e.end.isoformat(),
              "previous_start": e.previous_start.isoformat() if e.previous_start else None,
              "province": e.place.province.id, "district": e.place.district.id, "kind": e.kind,
              "status": e.status, "title": _texts(e.title, languages)} for e in schedule.events]
    return (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _field(name: str, type_: str, description: str, **more) -> dict:
    return {"name": name, "type": type_, "description": description, **more}


def _attendance_schema() -> dict:
    cells = [_field(column(g, b), "integer", f"people: {g}, age {b} (empty: withheld, see the rule)",
                    constraints={"minimum": 0}) for g, b in CELLS]
    return {"fields": [
        _field("id", "string", "event id (as in events.json)", constraints={"required": True, "unique": True}),
        _field("date", "date", "day the event started (Cambodian time)"),
        _field("province", "string", "province id (gazetteer of the campaign)"),
        _field("district", "string", "district id (gazetteer of the campaign)"),
        _field("kind", "string", "kind of event", constraints={"enum": list(KINDS)}),
        *cells,
        _field("total", "integer", "everyone at the event, including withheld cells (empty: fewer than "
               f"{MIN_COUNT} people in all)", constraints={"minimum": 0}),
    ], "primaryKey": ["id"], "missingValues": [""]}


def _events_schema() -> dict:
    return {"fields": [
        _field("id", "string", "event id", constraints={"required": True, "unique": True}),
        _field("start", "datetime", "start, ISO 8601 with the +07:00 offset"),
        _field("end", "datetime", "end, ISO 8601 with the +07:00 offset"),
        _field("previous_start", "datetime", "the start first announced, for a rescheduled event"),
        _field("province", "string", "province id"),
        _field("district", "string", "district id"),
        _field("kind", "string", "kind of event", constraints={"enum": list(KINDS)}),
        _field("status", "string", "scheduled, cancelled, postponed or rescheduled",
               constraints={"enum": list(STATUSES)}),
        _field("title", "object", "title per language code (km, en, …)"),
    ], "primaryKey": ["id"]}


def datapackage(schedule: Schedule) -> bytes:
    sample = ("SAMPLE DATA: the schedule these files come from is invented for testing, not a real "
              "programme. " if schedule.sample else "")
    places = ", ".join(p.name("en") for p in schedule.gazetteer.provinces)
    package = {
        "name": "migra-safe-tour",
        "title": "MIGRA-SAFE Safe Migration Tour: events and attendance",
        "description": sample + f"Events of the Safe Migration Tour in {places} (Cambodia) and the people who "
                                "came to them, as the campaign's staff counted them. " + RULE,
        "resources": [
            {"name": "attendance", "path": "attendance.csv", "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "description": "One row per event with attendance. " + RULE, "schema": _attendance_schema()},
            {"name": "events", "path": "events.json", "profile": "tabular-data-resource",
             "format": "json", "mediatype": "application/json", "encoding": "utf-8",
             "description": "Every event of the Tour, past and upcoming, cancelled ones included.",
             "schema": _events_schema()},
        ],
    }
    return (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
