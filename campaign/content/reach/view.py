"""The reach page: people reached against the target, by province, month, kind, gender and age.

Each breakdown is an inline SVG bar chart drawn here at build time (no script, no
library; a viewBox so it fits any width) followed by a table of the same numbers for
screen readers and print. Text goes through the autoescaping Jinja environment.
"""

from __future__ import annotations

from campaign.content.reach import labels as reach_labels
from campaign.content.reach.model import SMALL, Target
from campaign.content.reach.privacy import suppressed
from campaign.content.tour import labels as tour_labels
from campaign.content.tour.schedule import AGE_BANDS, GENDERS, KINDS, Schedule
from campaign.core.templates import fragment
from campaign.languages import dates
from campaign.languages.catalog import translator

WIDTH = 320  # viewBox units; about one CSS pixel on a 360 px phone
BAR_MAX = 228  # the longest bar; its value is written after it
ROW = 46  # a label line above each bar: long Khmer labels keep the whole width
STUB = 3  # the bar drawn for "fewer than 5": its length must not tell the number


def shown(n: int, lang: str) -> str:
    """A figure as published: "fewer than 5" for 1 to 4 people."""
    _ = translator(lang)
    return _("fewer than 5") if suppressed(n) else dates.format_number(n, lang)


def chart(items: list[tuple], lang: str) -> dict:
    """Bars for (label, people[, muted]) items, scaled to the largest; muted bars are grey."""
    top = max((item[1] for item in items), default=0) or 1
    bars = []
    for i, (label, n, *muted) in enumerate(items):
        width = STUB if suppressed(n) else round(n / top * BAR_MAX, 1)
        bars.append({"label": label, "value": shown(n, lang), "muted": suppressed(n) or bool(muted and muted[0]),
                     "width": width, "y": i * ROW})
    return {"bars": bars, "height": len(items) * ROW + 4, "width": WIDTH}


def _sections(schedule: Schedule, fig: dict, lang: str) -> list[dict]:
    _ = translator(lang)
    small = [(_(reach_labels.SMALL), fig["gender"][SMALL], True)] if fig["gender"].get(SMALL) else []
    provinces = [(p.name(lang), fig["province"][p.id]) for p in schedule.gazetteer.provinces
                 if p.id in fig["province"]]
    months = [(dates.format_month(m, lang), n) for m, n in fig["month"].items()]
    kinds = [(_(tour_labels.KIND[k]), fig["kind"][k]) for k in KINDS if k in fig["kind"]]
    genders = [(_(tour_labels.GENDER[g]), fig["gender"][g]) for g in GENDERS] + small
    bands = [(_(tour_labels.BAND[b]), fig["band"][b]) for b in AGE_BANDS
             if b != "unknown" or fig["band"][b]] + small
    return [
        {"id": "province", "title": _("By province"), "column": _("Province"), "items": provinces},
        {"id": "month", "title": _("By month"), "column": _("Month"), "items": months},
        {"id": "kind", "title": _("By kind of event"), "column": _("Kind of event"), "items": kinds},
        {"id": "gender", "title": _("By gender"), "column": _("Gender"), "items": genders, "note": bool(small)},
        {"id": "age", "title": _("By age"), "column": _("Age"), "items": bands, "note": bool(small)},
    ]


def _progress(target: Target | None, total: int, lang: str) -> dict | None:
    if target is None:
        return None
    share = total / target.people * 100
    return {"people": dates.format_number(target.people, lang),
            "share": dates.format_number(round(share, 1), lang) + "%",
            "width": round(min(share, 100) / 100 * WIDTH, 1),
            "sources": target.sources, "checked": target.checked.text if target.checked else ""}


def reach_html(schedule: Schedule, target: Target | None, fig: dict, lang: str, data_urls: dict) -> str:
    sections = [dict(s, chart=chart(s["items"], lang), total=shown(sum(item[1] for item in s["items"]), lang))
                for s in _sections(schedule, fig, lang)]
    return fragment("reach/reach.html", lang, sections=sections, total=shown(fig["total"], lang),
                    events=dates.format_number(fig["events"], lang), target=_progress(target, fig["total"], lang),
                    sample=schedule.sample, data=data_urls, width=WIDTH, bar_max=BAR_MAX)
