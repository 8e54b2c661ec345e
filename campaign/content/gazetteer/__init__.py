"""The places the campaign works in (data/gazetteer.yaml), checked names for other content types."""

from __future__ import annotations

from campaign.content.base import ContentType, register
from campaign.content.gazetteer.model import FILE, Area, Gazetteer, load_gazetteer, parse_gazetteer

__all__ = ["Area", "Gazetteer", "load_gazetteer", "parse_gazetteer", "GazetteerType"]


@register
class GazetteerType(ContentType):
    name = "gazetteer"

    def load(self, ctx):
        return load_gazetteer(ctx.root / FILE, FILE, ctx.langs)

    def ids(self, model: Gazetteer):
        return {"province": [p.id for p in model.provinces]}
