"""The arithmetic of a savings plan, shared by the examples drawn at build time and the
calculator (``assets/savings.js`` does the same sums, in the same order, so both agree).

No exchange rate, fee or interest rate: they change, and a wrong one costs a worker money.
Each currency is planned on its own.
"""

from __future__ import annotations

import math

CURRENCIES = ("riel", "baht")
# Amounts to put aside are rounded up to a sum people handle (no riel coins under 100).
STEP = {"riel": 100, "baht": 1}
# The examples shown without JavaScript: (currency, amount to reach, ((amount, "week"|"month"), …)).
EXAMPLES = (
    ("riel", 1_000_000, ((25_000, "week"), (50_000, "week"), (100_000, "month"), (200_000, "month"))),
    ("baht", 10_000, ((250, "week"), (500, "week"), (1_000, "month"), (2_000, "month"))),
)
ABOUT_MONTHS_FROM = 5  # from this many weeks on, the time is also said in months


def periods(goal: int, amount: int) -> int:
    """Weeks (or months) of putting ``amount`` aside before ``goal`` is reached."""
    return max(1, math.ceil(goal / amount))


def months_of(weeks: int) -> int:
    """Weeks as whole months, to the nearest (JavaScript's Math.round: halves go up)."""
    return max(1, math.floor(weeks * 12 / 52 + 0.5))


def per_month(goal: int, months: int, currency: str) -> int:
    """What to put aside each month to have ``goal`` in ``months`` months, rounded up."""
    step = STEP[currency]
    return math.ceil(goal / months / step) * step


def per_week(goal: int, months: int, currency: str) -> int:
    """The same each week (52 weeks in 12 months), rounded up."""
    step = STEP[currency]
    return math.ceil(goal * 12 / (months * 52) / step) * step
