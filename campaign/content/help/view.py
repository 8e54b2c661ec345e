"""Places that help as HTML: grouped by province, what each offers, tap-to-call, source and date."""

from __future__ import annotations

from urllib.parse import urlsplit

from campaign.content.gazetteer.model import Area
from campaign.content.help import labels
from campaign.content.help.model import Service
from campaign.core.localized import Localized
from campaign.core.templates import fragment
from campaign.languages.catalog import translator


def _text(value: Localized | None, lang: str) -> dict | None:
    """Text for ``lang`` and its lang attribute when it falls back to another language."""
    if value is None:
        return None
    got = value.lang_of(lang)
    return {"text": value.get(lang), "lang": "" if got == lang else got}


def _host(url: str) -> str:
    """What a source link shows: the site's name, short enough for a phone."""
    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _where(s: Service, lang: str) -> str:
    parts = [s.district.name(lang)] if s.district else []
    return ", ".join(parts + [s.province.name(lang)])


def item(s: Service, lang: str) -> dict:
    _ = translator(lang)
    return {
        "id": s.id, "name": _text(s.name, lang), "about": _text(s.about, lang),
        "address": _text(s.address, lang), "hours": _text(s.hours, lang),
        "where": _where(s, lang), "district_unconfirmed": s.district is None,
        "offers": [_(labels.OFFER[o]) for o in s.offers],
        "phones": [(n, s.tel(n)) for n in s.phones],
        "sources": [(u, _host(u)) for u in s.sources],
        "checked": s.checked.text if s.checked else "", "sample": s.sample,
    }


def help_html(provinces: list[tuple[Area, tuple[Service, ...]]], lang: str,
              *, headings: bool = True, title: str = "", more_url: str = "", none: str = "") -> str:
    """Places grouped by province; ``title`` heads the block, ``more_url`` links the whole directory,
    ``none`` is said when there is no place."""
    groups = [{"id": p.id, "name": p.name(lang), "places": [item(s, lang) for s in here]}
              for p, here in provinces]
    return fragment("help/help.html", lang, groups=groups, headings=headings, title=title,
                    more_url=more_url, empty=none)
