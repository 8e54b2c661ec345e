"""Place names written in data files, checked against the gazetteer: one rule for every type.

The Tour's events and the help directory name a province and a district by id, English
name, Khmer name or alias; a wrong name is an error at its position that offers the
closest names, written in the script the staff member typed.
"""

from __future__ import annotations

from campaign.content.gazetteer.model import Area, Gazetteer
from campaign.core.fields import Fields, suggest


def _expected(hits: list[str], name: str, options: list[str]) -> str:
    if hits:
        return "one of " + ", ".join(repr(h) for h in hits) + " (closest names)"
    return suggest(name, options)


def province_names(gaz: Gazetteer) -> str:
    """"Banteay Meanchey, Battambang or Siem Reap": what a `province:` field expects."""
    names = [p.name("en") for p in gaz.provinces]
    return " or ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names) or "a province"


def read_province(f: Fields, gaz: Gazetteer, key: str = "province") -> Area | None:
    """The province ``key`` names; None (and an error, unless absent and optional) otherwise."""
    s = f.scalar(key, True, province_names(gaz))
    if s is None:
        return None
    name = s.text.strip()
    province = gaz.province(name)
    if province is None:
        f.fail(s.pos, f"unknown province '{name}'",
               _expected(gaz.province_suggestions(name), s.text, [x.name("en") for x in gaz.provinces]))
    return province


def read_area(f: Fields, key: str, parent: Area, level: str) -> Area | None | bool:
    """The child of ``parent`` named by ``key`` (a district of a province…); False when the name is wrong."""
    s = f.scalar(key, True, f"a {level} of {parent.label}")
    if s is None:
        return False
    name = s.text.strip()
    area = parent.child(name)
    if area is None:
        expected = _expected(parent.suggestions(name), name, [c.name("en") for c in parent.children])
        f.fail(s.pos, f"unknown {level} '{name}' in {parent.label}", expected + " — or add it to the gazetteer")
        return False
    return area
