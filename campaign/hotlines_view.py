"""Hotlines as HTML: tap-to-call links with their source and check date."""

from __future__ import annotations

from .hotlines import Hotline, Hotlines
from .render import fragment


def hotlines_html(hotlines: Hotlines, lang: str, only: tuple[Hotline, ...] | None = None) -> str:
    return fragment("hotlines.html", lang, hotlines=list(only or hotlines.items))
