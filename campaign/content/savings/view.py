"""The planner block: the examples table (what readers without JavaScript get) and the
calculator's form, hidden until ``savings.js`` runs, with every sentence it writes.

Sentences are translated here and handed to the script with ``{name}`` slots, so the
script holds no text of its own; figures are written in the page's digits on both sides.
"""

from __future__ import annotations

import json

from babel.numbers import get_group_symbol

from campaign.content.savings import plan
from campaign.core.templates import fragment
from campaign.languages.catalog import N_, translator
from campaign.languages.dates import format_number
from campaign.languages.pack import pack
from campaign.languages.scripts import native_digits

MONEY = {"riel": N_("%(amount)s riel"), "baht": N_("%(amount)s baht")}
SENTENCE = {
    "week": N_("If you put aside %(amount)s each week, you will have %(goal)s in %(time)s."),
    "month": N_("If you put aside %(amount)s each month, you will have %(goal)s in %(time)s."),
}
BY_WHEN = N_("To have %(goal)s in %(time)s, put aside %(week)s each week or %(month)s each month.")
ABOUT = N_("%(weeks)s (about %(months)s)")
HINT = N_("Write the amount you want to reach, then how much you can put aside or by when you need it.")


def _units(lang: str, count) -> dict[str, list[str]]:
    """"1 week" / "2 weeks" and months, singular and plural forms, with ``count`` in the slot."""
    _ = translator(lang)
    return {
        "week": [_.ngettext("%(count)s week", "%(count)s weeks", n, count=count) for n in (1, 2)],
        "month": [_.ngettext("%(count)s month", "%(count)s months", n, count=count) for n in (1, 2)],
    }


def money(amount: int, currency: str, lang: str) -> str:
    return translator(lang)(MONEY[currency], amount=format_number(amount, lang))


def duration(n: int, unit: str, lang: str) -> str:
    """"40 weeks (about 9 months)", "10 months"."""
    def one(k: int, u: str) -> str:
        return _units(lang, format_number(k, lang))[u][0 if k == 1 else 1]

    text = one(n, unit)
    if unit == "week" and n >= plan.ABOUT_MONTHS_FROM:
        text = translator(lang)(ABOUT, weeks=text, months=one(plan.months_of(n), "month"))
    return text


def examples(lang: str) -> list[dict]:
    _ = translator(lang)
    every = {"week": _("each week"), "month": _("each month")}
    return [{"goal": money(goal, cur, lang), "save": f"{money(amount, cur, lang)} {every[unit]}",
             "time": duration(plan.periods(goal, amount), unit, lang)}
            for cur, goal, rows in plan.EXAMPLES for amount, unit in rows]


def script_text(lang: str) -> dict:
    """Every sentence the calculator writes, with {n}, {goal}… where its figures go."""
    _ = translator(lang)
    return {
        **{cur: _(text, amount="{n}") for cur, text in MONEY.items()},
        **_units(lang, "{n}"),
        **{f"save-{unit}": _(text, amount="{amount}", goal="{goal}", time="{time}") for unit, text in SENTENCE.items()},
        "time": _(BY_WHEN, goal="{goal}", time="{time}", week="{week}", month="{month}"),
        "about": _(ABOUT, weeks="{weeks}", months="{months}"),
        "hint": _(HINT),
        "step": plan.STEP, "about_from": plan.ABOUT_MONTHS_FROM,
    }


def planner_html(lang: str) -> str:
    p = pack(lang)
    return fragment("savings/planner.html", lang, rows=examples(lang),
                    text=json.dumps(script_text(lang), ensure_ascii=False, separators=(",", ":")),
                    digit_set=p.digits, group=get_group_symbol(p.locale), native=native_digits(),
                    currencies=plan.CURRENCIES, hint=translator(lang)(HINT),
                    placeholder=format_number(plan.EXAMPLES[0][1], lang))
