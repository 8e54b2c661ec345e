"""Shared inputs for the schedule tests: a small gazetteer and event YAML builders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from campaign.content.gazetteer.model import load_gazetteer, parse_gazetteer
from campaign.content.tour.schedule import parse_schedule

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)

# A test gazetteer: real provinces and districts, plus communes for one district so the
# commune check can be exercised (these communes are test data, not facts).
GAZ_TEXT = """\
provinces:
  - id: battambang
    en: Battambang
    km: បាត់ដំបង
    districts:
      - {id: bavel, en: Bavel, km: បាវិល, verify: true}
      - {id: banan, en: Banan, km: បាណន់}
      - {id: sangkae, en: Sangkae, km: សង្កែ}
      - id: ek-phnom
        en: Ek Phnom
        km: ឯកភ្នំ
        communes:
          - {id: test-commune, en: Test Commune, km: ឃុំសាកល្បង}
  - id: siem-reap
    en: Siem Reap
    km: សៀមរាប
    districts:
      - {id: puok, en: Puok, km: ពួក}
"""


def gazetteer():
    g, diags = parse_gazetteer(GAZ_TEXT, "gaz.yaml")
    assert diags == []
    return g


def real_gazetteer():
    g, diags = load_gazetteer(ROOT / "data" / "gazetteer.yaml")
    assert diags == []
    return g


EVENT = """\
  - id: {id}
    kind: theatre
    title:
      km: {title_km}
      en: {title_en}
    description:
      km: រឿងខ្លីអំពីការធ្វើចំណាកស្រុកដោយសុវត្ថិភាព
      en: A short play about safe migration
    start: {start}
    end: {end}
    place:
      province: Battambang
      district: Bavel
      venue: {{km: ទីធ្លាវត្ត, en: Pagoda grounds}}
{extra}"""


def event(id="ev-one", title_km="ល្ខោនសហគមន៍", title_en="Community theatre",
          start="2026-12-05 18:00", end="2026-12-05 20:30", extra="") -> str:
    return EVENT.format(id=id, title_km=title_km, title_en=title_en, start=start, end=end,
                        extra=extra)


def doc(*events: str, head: str = "sample: true\nkhmer_review: needed\n") -> str:
    return head + "events:\n" + "".join(events)


def load(text: str, today=TODAY, gaz=None):
    return parse_schedule(text, "tour.yaml", gaz or gazetteer(), today)


def at(text: str, needle: str, nth: int = 1) -> str:
    """"tour.yaml:LINE:COL" of the nth occurrence of needle in text."""
    idx = -1
    for _ in range(nth):
        idx = text.index(needle, idx + 1)
    line = text.count("\n", 0, idx) + 1
    col = idx - (text.rfind("\n", 0, idx) + 1) + 1
    return f"tour.yaml:{line}:{col}"
