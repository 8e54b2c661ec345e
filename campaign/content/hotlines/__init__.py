"""Hotlines (data/hotlines.yaml): markers ``campaign:hotlines`` and ``campaign:hotline <id>``."""

from __future__ import annotations

from campaign.content.base import ContentType, Marker, MarkerCall, StatusItem, register
from campaign.content.hotlines.model import FILE, Hotline, Hotlines, check_refs, load_hotlines
from campaign.content.hotlines.placement import check_placement
from campaign.content.hotlines.view import hotlines_html

__all__ = ["Hotline", "Hotlines", "check_refs", "load_hotlines", "hotlines_html", "HotlinesType"]


def _all(call: MarkerCall) -> str:
    return hotlines_html(call.project.hotlines, call.lang)


def _one(call: MarkerCall) -> str:
    return hotlines_html(call.project.hotlines, call.lang, only=(call.project.hotlines.get(call.args[0]),))


@register
class HotlinesType(ContentType):
    name = "hotlines"
    markers = (Marker("hotlines", _all, help="every hotline, grouped by country"),
               Marker("hotline", _one, ("hotline",), help="one hotline"))

    def load(self, ctx):
        hotlines, diags = load_hotlines(ctx.root / FILE, FILE, ctx.langs, ctx.today)
        return hotlines, diags + check_placement(ctx.site.pages.values(), hotlines, ctx.languages)

    def ids(self, model: Hotlines):
        return {"hotline": model.ids}

    def status(self, project):
        h = project.hotlines
        out = []
        if h.review_needed:
            out += [StatusItem("review_needed", h.path, lang, "hotline names and notes")
                    for lang in project.review_languages]
        for item in h.items:
            for lang in item.name.missing():
                out.append(StatusItem("untranslated", h.path, lang, f"hotline '{item.id}'",
                                      item.pos.line if item.pos else 0))
        return out
