"""Hotlines as HTML: tap-to-call links, grouped by the country to call them in, with source and date."""

from __future__ import annotations

from campaign.content.hotlines.model import COUNTRIES, Hotline, Hotlines
from campaign.core.templates import fragment
from campaign.languages.catalog import N_

WHERE = {"TH": N_("In Thailand"), "KH": N_("In Cambodia")}
CALL = {"TH": N_("Need help? In Thailand call"), "KH": N_("Need help? In Cambodia call")}


def hotlines_html(hotlines: Hotlines, lang: str, only: tuple[Hotline, ...] | None = None) -> str:
    chosen = list(only or hotlines.items)
    groups = [(c, WHERE[c], [h for h in chosen if h.country == c]) for c in COUNTRIES]
    return fragment("hotlines/hotlines.html", lang, groups=[g for g in groups if g[2]])
