"""The one rule for "checked" dates: when a fact (a number, an address, a law) was last confirmed.

Written ``YYYY-MM-DD`` or ``YYYY-MM`` (a month: the research was done that month). A
date in the future, not on the calendar, or with an implausible year is an error: a
wrong date would tell readers a fact is fresher than it is. A fact older than
``max_age_months`` (``fact_max_age_months`` under the ``campaign`` plugin in mkdocs.yml,
12 by default) is stale: a warning for staff at the checked value's own line and column
(``Checked.pos``), listed by ``campaign status``; readers see the date next to the fact.
Staleness is decided here and only here (``Checked.is_stale``, ``stale_warning``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from campaign.core.diagnostics import Diagnostic, Position, error, warning
from campaign.core.fields import YEARS, Fields

_FORM = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
FIRST_YEAR = YEARS.start  # no fact on this site was checked before; catches 0026-12-05
DEFAULT_MAX_AGE_MONTHS = 12
MAX_AGE_OPTION = "fact_max_age_months"  # under the `campaign` plugin in mkdocs.yml


@dataclass(frozen=True, order=True)
class Checked:
    date: dt.date  # the day (the 1st when only the month is known)
    text: str  # as written
    pos: Position | None = field(default=None, compare=False)  # where the value is written

    def age_months(self, today: dt.date) -> int:
        return (today.year - self.date.year) * 12 + today.month - self.date.month

    def is_stale(self, today: dt.date, max_age_months: int = DEFAULT_MAX_AGE_MONTHS) -> bool:
        return self.age_months(today) > max_age_months


def stale_warning(checked: Checked | None, what: str, today: dt.date,
                  max_age_months: int = DEFAULT_MAX_AGE_MONTHS) -> Diagnostic | None:
    """The one warning for a stale fact, at its checked value (None when fresh or unplaced)."""
    if checked is None or checked.pos is None or not checked.is_stale(today, max_age_months):
        return None
    return warning(checked.pos, f"{what} was checked {checked.text}, {checked.age_months(today)} months "
                   f"before the build date {today:%Y-%m-%d} (facts older than {max_age_months} months are stale)",
                   "the fact confirmed again at its source, and `checked:` set to the day you did it")


def max_age_months(options: dict, where: Position) -> tuple[int, list[Diagnostic]]:
    """``fact_max_age_months`` from the campaign plugin's options (default 12 months)."""
    raw = options.get(MAX_AGE_OPTION, DEFAULT_MAX_AGE_MONTHS)
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        return DEFAULT_MAX_AGE_MONTHS, [error(where, f"{MAX_AGE_OPTION} is '{raw}', not a number of months",
                                              "a whole number of months such as 12")]
    return raw, []


def parse_checked(text: str, today: dt.date) -> tuple[Checked | None, str, str]:
    """(value, problem, expected); the problem is "" when the text is a good date."""
    m = _FORM.match(text.strip())
    expected = "YYYY-MM-DD (or YYYY-MM when only the month is known), not after today"
    if not m:
        return None, f"'{text}' is not a date", expected
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    if year not in YEARS:
        return None, f"'{text}' has an implausible year {year}", f"a year between {FIRST_YEAR} and {today.year}"
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, f"'{text}' is not a real calendar date", "a date that exists, as YYYY-MM-DD"
    if date > today:
        return None, f"'{text}' is in the future (today is {today:%Y-%m-%d})", \
            "the date the fact was actually checked"
    return Checked(date, text.strip()), "", ""


def read_checked(f: Fields, key: str, today: dt.date, required: bool = True) -> Checked | None:
    s = f.scalar(key, required, "the date the source was checked, YYYY-MM-DD or YYYY-MM")
    if s is None:
        return None
    value, problem, expected = parse_checked(s.text, today)
    if value is None:
        f.fail(s.pos, f"checked date {problem}", expected)
        return None
    return Checked(value.date, value.text, s.pos)
