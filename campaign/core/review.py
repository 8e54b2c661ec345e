"""The one rule for review state: text drafted without a native speaker's review is marked.

Pages, posters and data files say ``review: needed`` (or ``done`` once a native speaker
checked them); ``khmer_review`` is the older name and is still read. A language whose
pack asks for review (Khmer, Thai) and that does not say counts as not reviewed, and
staff are told so.
"""

from __future__ import annotations

from campaign.core.fields import Fields
from campaign.languages.pack import pack

KEYS = ("review", "khmer_review")
STATES = ("needed", "done")


def read_review(f: Fields, lang: str | None, what: str = "") -> bool:
    """True when the text still needs a native speaker's review."""
    present = [k for k in KEYS if f.node(k) is not None]
    if len(present) > 1:
        f.fail(f.where(present[1]), f"both {' and '.join(present)} are given",
               "only `review: needed` or `review: done`")
    if present:
        return f.choice(present[0], STATES, required=False, default="needed") != "done"
    if lang is not None and pack(lang).review:
        f.warn(f.pos, f"{what or f.what} does not say whether its {pack(lang).name_in(pack('en'))} "
               "was reviewed by a native speaker",
               "`review: needed` (or `review: done` once a native speaker checked it)")
        return True
    return False
