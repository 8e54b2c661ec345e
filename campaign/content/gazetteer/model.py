"""Provinces, districts, communes and villages the Tour visits, read from data/gazetteer.yaml.

Staff extend the file; events name places by id, English name, Khmer name or an alias,
and a misspelt name gets the closest names as a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from campaign.languages import khmer
from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields, closest
from campaign.core.yamlsource import Node, parse, parse_file

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LEVELS = ("province", "district", "commune", "village")
_CHILDREN = {"province": "districts", "district": "communes", "commune": "villages"}
_TYPES = {
    "province": ("province",),
    "district": ("district", "municipality"),
    "commune": ("commune", "sangkat"),
    "village": ("village",),
}


@dataclass(frozen=True)
class Area:
    id: str
    en: str
    km: str
    level: str  # province, district, commune or village
    type: str = ""  # e.g. municipality; "" means the level's usual kind
    aliases: tuple[str, ...] = ()
    verify: bool = False  # spelling not confirmed by a native speaker or a source
    children: tuple["Area", ...] = ()

    def name(self, lang: str) -> str:
        return self.km if lang == "km" else self.en

    def child(self, name: str) -> "Area | None":
        key = _key(name)
        for c in self.children:
            if key in c.keys():
                return c
        return None

    def keys(self) -> set[str]:
        return {_key(n) for n in (self.id, self.en, self.km, *self.aliases)}

    def suggestions(self, name: str) -> list[str]:
        """Closest English (or Khmer, for a Khmer name) child names."""
        if khmer.has_khmer(name):
            return closest(khmer.normalize(name), [c.km for c in self.children])
        return closest(name, [c.en for c in self.children])


@dataclass(frozen=True)
class Gazetteer:
    provinces: tuple[Area, ...]

    def province(self, name: str) -> Area | None:
        key = _key(name)
        return next((p for p in self.provinces if key in p.keys()), None)

    def province_suggestions(self, name: str) -> list[str]:
        if khmer.has_khmer(name):
            return closest(khmer.normalize(name), [p.km for p in self.provinces])
        return closest(name, [p.en for p in self.provinces])

    def get(self, province_id: str, district_id: str | None = None) -> Area | None:
        p = next((p for p in self.provinces if p.id == province_id), None)
        if p is None or district_id is None:
            return p
        return next((d for d in p.children if d.id == district_id), None)


def _key(name: str) -> str:
    """Matching key: case, spaces, hyphens and Khmer spelling variants folded."""
    text = khmer.normalize(name).casefold()
    return re.sub(r"[\s\-_.]+", " ", text).strip()


def _area(node: Node, level: str, diags: list[Diagnostic], pos: Position) -> Area | None:
    what = f"{level} entry"
    f = Fields(node, diags, what, pos)
    child_key = _CHILDREN.get(level)
    id_ = f.text("id", expected="an id of lower-case letters, digits and hyphens")
    if id_ is not None and not SLUG.match(id_):
        f.fail(f.map.get("id").pos, f"{level} id '{id_}' has characters other than a-z, 0-9 and -",
               f"for example '{khmer.slugify(id_).lower() or 'my-place'}'")
        id_ = None
    f.what = f"{level} '{id_}'" if id_ else what
    f.check_keys(["id", "en", "km", "type", "aliases", "verify", "source"]
                 + ([child_key] if child_key else []))
    en = f.text("en", expected="the English name")
    km = f.text("km", expected="the Khmer name")
    if km is not None and not khmer.has_khmer(km):
        f.fail(f.map.get("km").pos, f"'km' of {f.what} is not in Khmer script", "the Khmer name")
    type_ = f.choice("type", _TYPES[level], required=False, default="")
    aliases = f.strings("aliases")
    verify = f.boolean("verify")
    f.text("source", required=False)
    children: list[Area] = []
    if child_key:
        children = _unique_areas(f.seq(child_key, expected=f"a list of {child_key}"),
                                 LEVELS[LEVELS.index(level) + 1], diags, f" in {f.what}")
    if id_ is None or en is None or km is None:
        return None
    return Area(id_, en, km, level, type_ or "", aliases, verify, tuple(children))


def read_gazetteer(root: Node | None, path: str) -> tuple[Gazetteer, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    start = Position(path, 1, 1)
    if root is None:
        return Gazetteer(()), [error(start, "the gazetteer is empty", "a `provinces:` list")]
    f = Fields(root, diags, "the gazetteer", start)
    f.check_keys(["provinces"])
    provinces = _unique_areas(f.seq("provinces", required=True, expected="a list of provinces"),
                              "province", diags, "")
    return Gazetteer(tuple(provinces)), diags


def _unique_areas(items, level: str, diags: list[Diagnostic], where: str) -> list[Area]:
    """The areas of one list; a repeated id is reported and the repeat left out."""
    areas: list[Area] = []
    seen: dict[str, Position] = {}
    for item in items:
        area = _area(item, level, diags, item.pos)
        if area is None:
            continue
        if area.id in seen:
            diags.append(error(item.pos, f"duplicate {level} id '{area.id}'{where} "
                               f"(first at line {seen[area.id].line})", "each id once"))
            continue
        seen[area.id] = item.pos
        areas.append(area)
    return areas


def parse_gazetteer(text: str, path: str) -> tuple[Gazetteer, list[Diagnostic]]:
    return _read(*parse(text, path), path)


def load_gazetteer(path: str | Path, display: str | None = None) -> tuple[Gazetteer, list[Diagnostic]]:
    name = display or str(path)
    return _read(*parse_file(path, name), name)


def _read(root: Node | None, diags: list[Diagnostic], path: str) -> tuple[Gazetteer, list[Diagnostic]]:
    if root is None and diags:  # unreadable: the syntax error says it all
        return Gazetteer(()), diags
    g, more = read_gazetteer(root, path)
    return g, diags + more
