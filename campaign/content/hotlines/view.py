"""Hotlines as HTML: tap-to-call links with their source and check date."""

from __future__ import annotations

from campaign.content.hotlines.model import Hotline, Hotlines
from campaign.core.templates import fragment


def hotlines_html(hotlines: Hotlines, lang: str, only: tuple[Hotline, ...] | None = None) -> str:
    return fragment("hotlines.html", lang, hotlines=list(only or hotlines.items))
