"""Reach: the campaign's target (data/reach.yaml) and the attendance of past Tour events.

Attendance is what staff write under each event of tour_schedule.yaml; nothing is
counted twice or estimated. Every figure here is computed from the published rows
(``rows``), so the page, its charts and the open data files agree by construction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from campaign.content.reach.privacy import publishable
from campaign.content.tour.schedule import AGE_BANDS, GENDERS, Event, Schedule
from campaign.core.checked import Checked, read_checked
from campaign.core.diagnostics import Diagnostic, Position
from campaign.core.fields import Fields
from campaign.core.yamlsource import Scalar, parse_file

FILE = "data/reach.yaml"
CELLS = tuple((g, b) for g in GENDERS for b in AGE_BANDS)
SMALL = "small-groups"  # the people of withheld cells, in the gender and age breakdowns


@dataclass(frozen=True)
class Target:
    people: int
    sources: tuple[str, ...]
    checked: Checked | None


@dataclass(frozen=True)
class Row:
    """One event with attendance, as published: ``cells`` and ``total`` None where withheld;
    ``people`` counts everyone (what the site's totals add up)."""
    event: Event
    cells: dict[tuple[str, str], int | None]
    total: int | None
    people: int


def column(gender: str, band: str) -> str:
    """The open-data column of a cell: female_15_24."""
    return f"{gender}_{band}".replace("-", "_")


def rows(schedule: Schedule) -> list[Row]:
    out = []
    for e in schedule.events:
        if e.attendance is None:
            continue
        counts = {(g, b): n for g, b, n in e.attendance.counts}
        cells, total = publishable({k: counts.get(k, 0) for k in CELLS})
        out.append(Row(e, cells, total, e.attendance.total))
    return out


def _add(acc: dict, key, n: int) -> None:
    acc[key] = acc.get(key, 0) + n


def figures(schedule: Schedule, published: list[Row]) -> dict:
    """Totals by province, month, kind, gender and age band (each sums to ``total``)."""
    out = {"total": 0, "events": len(published), "province": {}, "month": {}, "kind": {},
           "gender": dict.fromkeys(GENDERS, 0), "band": dict.fromkeys(AGE_BANDS, 0)}
    for r in published:
        out["total"] += r.people
        _add(out["province"], r.event.place.province.id, r.people)
        _add(out["month"], dt.date(r.event.start.year, r.event.start.month, 1), r.people)
        _add(out["kind"], r.event.kind, r.people)
        shown = 0
        for (g, b), n in r.cells.items():
            if n is not None:
                out["gender"][g] += n
                out["band"][b] += n
                shown += n
        _add(out["gender"], SMALL, r.people - shown)
        _add(out["band"], SMALL, r.people - shown)
    out["month"] = dict(sorted(out["month"].items()))
    return out


def load_target(path: Path, display: str = FILE, today: dt.date | None = None
                ) -> tuple[Target | None, list[Diagnostic]]:
    root, diags = parse_file(path, display)
    if root is None and diags:  # unreadable: the syntax error says it all
        return None, diags
    f = Fields(root, diags, display, Position(display, 1, 1))
    f.check_keys(["target", "source", "checked"])
    people = f.integer("target", minimum=1)
    sources = f.web_addresses("source", "the web address that gives the target")
    checked = read_checked(f, "checked", today or dt.date.today())
    return (Target(people, sources, checked) if people else None), diags
