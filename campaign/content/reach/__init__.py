"""Reach and impact (marker ``campaign:reach``): people reached by the Tour against the
campaign's target (data/reach.yaml), drawn at build time, and the open data behind it
(/data/attendance.csv, /data/events.json, /data/datapackage.json).

The attendance is the Tour's (tour_schedule.yaml); the privacy rule is ``privacy.py``.
"""

from __future__ import annotations

from campaign.content.base import ContentType, Marker, MarkerCall, register
from campaign.content.reach import opendata
from campaign.content.reach.model import FILE, figures, load_target, rows
from campaign.content.reach.privacy import MIN_COUNT, publishable, suppressed
from campaign.content.reach.view import reach_html
from campaign.core.urls import relative_from

__all__ = ["MIN_COUNT", "publishable", "suppressed", "ReachType"]


def _reach(call: MarkerCall) -> str:
    p = call.project
    link = relative_from(call.page.url)
    data = {"csv": link(opendata.ATTENDANCE), "json": link(opendata.EVENTS), "package": link(opendata.PACKAGE)}
    return reach_html(p.schedule, p.models["reach"], figures(p.schedule, rows(p.schedule)), call.lang, data)


@register
class ReachType(ContentType):
    name = "reach"
    requires = ("tour",)
    markers = (Marker("reach", _reach, help="people reached against the target, with charts and open data"),)

    def load(self, ctx):
        return load_target(ctx.root / FILE, FILE, ctx.today)

    def files(self, project, lang, prepared):
        """The open data, once: with the default language's site, at /data/."""
        if lang != project.config.default:
            return {}
        schedule = project.schedule
        return {opendata.ATTENDANCE: opendata.attendance_csv(rows(schedule)),
                opendata.EVENTS: opendata.events_json(schedule, project.config.languages),
                opendata.PACKAGE: opendata.datapackage(schedule)}
