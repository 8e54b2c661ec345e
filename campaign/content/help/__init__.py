"""Help near you (data/services.yaml): places that help migrants, by province.

Markers: ``campaign:help`` (the directory, grouped by province) and
``campaign:help-province <id>`` (one province). The Tour's province and event pages
get their province's places as a block under the page (``page_extras``), so the Tour
type itself knows nothing about this one.
"""

from __future__ import annotations

import re

from campaign.content.base import ContentType, Marker, MarkerCall, StatusItem, register
from campaign.content.help.model import FILE, OFFERS, Service, Services, load_services
from campaign.content.help.view import help_html
from campaign.core.urls import relative_from
from campaign.languages.catalog import translator

__all__ = ["OFFERS", "Service", "Services", "load_services", "help_html", "HelpType"]

HELP_PAGE = "help.md"
_TOUR_PROVINCE = re.compile(r"^tour/([a-z0-9-]+)\.md$")
_TOUR_EVENT = re.compile(r"^tour/events/([a-z0-9-]+)\.md$")


def _all(call: MarkerCall) -> str:
    p, _ = call.project, translator(call.lang)
    return help_html(p.models["help"].by_province(p.gazetteer), call.lang, none=_("No place that helps is listed yet."))


def _province(call: MarkerCall) -> str:
    p, lang = call.project, call.lang
    area = p.gazetteer.get(call.args[0])
    here = p.models["help"].in_province(area.id)
    _ = translator(lang)
    none = _("No place that helps is listed in %(name)s yet.", name=area.name(lang))
    return help_html([(area, here)] if here else [], lang, headings=False, none=none)


def province_of(project, rel: str) -> str | None:
    """The province a Tour page is about: tour/<province>.md, or an event's province."""
    m = _TOUR_PROVINCE.match(rel)
    if m and project.gazetteer.get(m.group(1)) is not None:
        return m.group(1)
    m = _TOUR_EVENT.match(rel)
    event = project.schedule.event(m.group(1)) if m else None
    return event.place.province.id if event is not None else None


@register
class HelpType(ContentType):
    name = "help"
    requires = ("gazetteer",)
    markers = (Marker("help", _all, help="every place that helps, grouped by province"),
               Marker("help-province", _province, ("province",), help="the places in one province"))

    def load(self, ctx):
        return load_services(ctx.root / FILE, ctx.models["gazetteer"], FILE, ctx.langs, ctx.today)

    def page_extras(self, project, page, prepared):
        """Under each Tour province and event page: the places that help in its province."""
        pid = province_of(project, page.rel) if page.rel.startswith("tour/") else None
        here = project.models["help"].in_province(pid) if pid else ()
        if not here:
            return ""
        area = project.gazetteer.get(pid)
        _ = translator(page.lang)
        more = relative_from(page.url)(project.site.url(page.lang, HELP_PAGE)) \
            if project.site.page(page.lang, HELP_PAGE) is not None else ""
        return help_html([(area, here)], page.lang, headings=False,
                         title=_("Places that help in %(name)s", name=area.name(page.lang)), more_url=more)

    def status(self, project):
        s: Services = project.models["help"]
        out = []
        if s.review_needed:
            out += [StatusItem("review_needed", s.path, lang, "names and notes of places that help")
                    for lang in project.review_languages]
        for item in s.items:
            line = item.pos.line if item.pos else 0
            for lang in item.name.missing():
                out.append(StatusItem("untranslated", s.path, lang, f"place '{item.id}'", line))
            if item.sample:
                out.append(StatusItem("sample", s.path, "", f"place '{item.id}' is not confirmed (sample: true)", line))
        return out
