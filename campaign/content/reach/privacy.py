"""The privacy rule for published attendance: no count of one to four people for one event.

"2 women aged 15-24" at a village event can point at two known people. So a cell of one
event's breakdown (gender × age band) holding 1 to 4 people is published empty. When an
event has only one such cell, its total minus the other cells would give it back: the
next smallest cell is left empty too. An event of 1 to 4 people in all publishes no
breakdown and no total. Totals on the site still count everyone; a total of 1 to 4 is
shown as "fewer than 5".
"""

from __future__ import annotations

from typing import Hashable, Mapping

MIN_COUNT = 5  # the smallest count published for one event's group


def suppressed(n: int) -> bool:
    """True for a count that must not be published: 1 to 4 people."""
    return 0 < n < MIN_COUNT


def publishable(cells: Mapping[Hashable, int]) -> tuple[dict[Hashable, int | None], int | None]:
    """One event's cells and total as published: None where withheld."""
    total = sum(cells.values())
    if suppressed(total):  # so few people that any breakdown, even zeros, would show them
        return dict.fromkeys(cells), None
    hidden = {k for k, n in cells.items() if suppressed(n)}
    if len(hidden) == 1:  # the total would give it back: withhold the next smallest cell too
        rest = sorted((n, i) for i, (k, n) in enumerate(cells.items()) if n and k not in hidden)
        hidden.add(list(cells)[rest[0][1]])  # exists: the total is 5 or more
    return {k: (None if k in hidden else n) for k, n in cells.items()}, total
