"""The Safe Migration Tour (tour_schedule.yaml): its pages, calendars and markers.

Markers: ``campaign:schedule`` (the whole Tour), ``campaign:tour-province <id>`` and
``campaign:tour-event <id>`` (used by the pages this type generates).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from campaign.content.base import ContentType, Marker, MarkerCall, StatusItem, register
from campaign.content.hotlines import check_refs, hotlines_html
from campaign.content.tour import jsonld, view
from campaign.content.tour.pages import calendar_files, tour_pages, urls
from campaign.content.tour.schedule import Schedule, load_schedule
from campaign.core import memo, templates
from campaign.languages.catalog import catalog_fingerprint

FILE = "tour_schedule.yaml"
SCRIPT = "assets/javascripts/schedule.js"


def _schedule(call: MarkerCall) -> str:
    p = call.project
    return view.schedule_page(p.schedule, call.lang, urls(p), p.today)


def _province(call: MarkerCall) -> str:
    p = call.project
    return view.province_page(p.schedule, call.args[0], call.lang, urls(p), p.today)


def _month(call: MarkerCall) -> str:
    p = call.project
    return view.month_page(p.schedule, call.args[0], call.lang, urls(p), p.today)


# Code and templates an event page is rendered with: part of its key in campaign.core.memo.
_EVENT_CODE = memo.files_hash(*(Path(__file__).parent / n for n in (
    "view.py", "jsonld.py", "labels.py", "templates/event.html", "templates/_item.html",
    "../hotlines/view.py", "../hotlines/templates/hotlines.html", "../reach/privacy.py")))


def _event(call: MarkerCall) -> str:
    p, lang = call.project, call.lang
    event = p.schedule.event(call.args[0])
    chosen = tuple(h for h in (p.hotlines.get(i) for i in event.hotlines) if h)

    def render() -> str:
        hotlines = hotlines_html(p.hotlines, lang, only=chosen) if chosen else ""
        return (view.event_page(p.schedule, event.id, lang, urls(p), p.today, Markup(hotlines))
                + "\n" + jsonld.event_jsonld_script(event, lang, urls(p, absolute=True),
                                                    organizer=p.schedule.organizer))

    # everything the page is made from: kept between builds (4,000 event pages at 2,000 events)
    inputs = (_EVENT_CODE, repr(event), repr(chosen), repr(p.schedule.organizer), p.schedule.sample,
              event.is_past(p.today), lang, p.config.site_url, p.config.default, catalog_fingerprint(lang),
              memo.files_hash(*templates.overrides("tour"), *templates.overrides("hotlines")))
    return memo.get("event", inputs, render)


@register
class TourType(ContentType):
    name = "tour"
    requires = ("gazetteer", "hotlines")
    markers = (Marker("schedule", _schedule, help="the whole Tour, with filters"),
               Marker("tour-province", _province, ("province",), help="one province's events"),
               Marker("tour-month", _month, ("tour-month",), help="one month's events"),
               Marker("tour-event", _event, ("tour-event",), help="one event"))

    assets = {SCRIPT: view.ASSET_JS}
    scripts = {"tour": [SCRIPT]}  # filters and the reader's-clock correction, only where a schedule is

    def load(self, ctx):
        schedule, diags = load_schedule(ctx.root / FILE, ctx.models["gazetteer"], ctx.today, FILE, ctx.langs)
        return schedule, diags + check_refs(schedule.hotline_refs, ctx.models["hotlines"])

    def ids(self, model: Schedule):
        return {"tour-event": [e.id for e in model.events],
                "tour-month": sorted({f"{e.start:%Y-%m}" for e in model.events})}

    def pages(self, project, lang):
        return tour_pages(project, lang)

    def files(self, project, lang, prepared):
        return calendar_files(project, lang)

    def status(self, project):
        s = project.schedule
        out = []
        for lang in project.config.languages:
            for e in s.events:
                if not (e.title.has(lang) and e.description.has(lang)):
                    out.append(StatusItem("untranslated", s.path or FILE, lang, f"event '{e.id}'",
                                          e.pos.line if e.pos else 0))
        if s.review_needed:
            out += [StatusItem("review_needed", s.path or FILE, lang, "event titles and descriptions")
                    for lang in project.review_languages]
        if s.sample:
            out.append(StatusItem("sample", s.path or FILE, "", "the schedule is SAMPLE data (sample: true): "
                                  "replace it before launch"))
        return out
