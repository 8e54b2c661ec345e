"""Provinces, districts, communes and villages the Tour visits, read from data/gazetteer.yaml.

Staff extend the file; events name places by id, English name, Khmer name or an alias,
and a misspelt name gets the closest names as a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields, closest
from campaign.core.localized import DEFAULT_LANGUAGES, Languages, Localized
from campaign.core.slugs import is_id, suggest_id
from campaign.core.yamlsource import Node, parse, parse_file
from campaign.languages import khmer
from campaign.languages.pack import pack
from campaign.languages.scripts import script_of

FILE = "data/gazetteer.yaml"
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
    names: Localized  # per language, from the keys named after the site's languages
    level: str  # province, district, commune or village
    type: str = ""  # e.g. municipality; "" means the level's usual kind
    aliases: tuple[str, ...] = ()
    verify: bool = False  # spelling not confirmed by a native speaker or a source
    children: tuple["Area", ...] = ()

    def name(self, lang: str) -> str:
        return self.names.get(lang)

    @property
    def label(self) -> str:
        """How messages to staff name it: every spelling it has, "Battambang (បាត់ដំបង)"."""
        names = list(dict.fromkeys(v for _, v in sorted(self.names.values, key=lambda kv: kv[0] != "en")))
        return names[0] + (f" ({', '.join(names[1:])})" if len(names) > 1 else "")

    def child(self, name: str) -> "Area | None":
        key = _key(name)
        return next((c for c in self.children if key in c.keys()), None)

    def keys(self) -> set[str]:
        return {_key(n) for n in (self.id, *(v for _, v in self.names.values), *self.aliases)}

    def suggestions(self, name: str) -> list[str]:
        return _suggest(name, self.children)


@dataclass(frozen=True)
class Gazetteer:
    provinces: tuple[Area, ...]

    def province(self, name: str) -> Area | None:
        key = _key(name)
        return next((p for p in self.provinces if key in p.keys()), None)

    def province_suggestions(self, name: str) -> list[str]:
        return _suggest(name, self.provinces)

    def get(self, province_id: str, district_id: str | None = None) -> Area | None:
        p = next((p for p in self.provinces if p.id == province_id), None)
        if p is None or district_id is None:
            return p
        return next((d for d in p.children if d.id == district_id), None)


def _suggest(name: str, areas) -> list[str]:
    """Closest names written in the same script as ``name`` (Khmer for Khmer, and so on)."""
    script = script_of(name)
    spelled = {_fold(v): v for a in areas for _, v in a.names.values if script_of(v) == script}
    return [spelled[h] for h in closest(_fold(name), list(spelled))]


def _fold(name: str) -> str:
    return khmer.normalize(name)


def _key(name: str) -> str:
    """Matching key: case, spaces, hyphens and Khmer spelling variants folded."""
    text = _fold(name).casefold()
    return re.sub(r"[\s\-_.]+", " ", text).strip()


def _area(node: Node, level: str, diags: list[Diagnostic], pos: Position, langs: Languages) -> Area | None:
    what = f"{level} entry"
    f = Fields(node, diags, what, pos)
    child_key = _CHILDREN.get(level)
    id_ = f.text("id", expected="an id of lower-case letters, digits and hyphens")
    if id_ is not None and not is_id(id_):
        f.fail(f.map.get("id").pos, f"{level} id '{id_}' has characters other than a-z, 0-9 and -",
               f"for example '{suggest_id(id_, 'my-place')}'")
        id_ = None
    f.what = f"{level} '{id_}'" if id_ else what
    f.check_keys(["id", *langs.codes, "type", "aliases", "verify", "source"] + ([child_key] if child_key else []))
    values = []
    for lang in langs.codes:
        text = f.text(lang, required=(lang == langs.default), expected=f"the {pack(lang).name_in(pack('en'))} name")
        if text is None:
            continue
        script = pack(lang).script
        if script.splitter and not script.has(text):
            f.fail(f.map.get(lang).pos, f"'{lang}' of {f.what} is not in {pack(lang).name_in(pack('en'))} script",
                   f"the {pack(lang).name_in(pack('en'))} name")
            continue
        values.append((lang, text))
    type_ = f.choice("type", _TYPES[level], required=False, default="")
    aliases = f.strings("aliases")
    verify = f.boolean("verify")
    f.text("source", required=False)
    children: list[Area] = []
    if child_key:
        children = _unique_areas(f.seq(child_key, expected=f"a list of {child_key}"),
                                 LEVELS[LEVELS.index(level) + 1], diags, f" in {f.what}", langs)
    if id_ is None or not any(k == langs.default for k, _ in values):
        return None
    return Area(id_, Localized(tuple(values), langs), level, type_ or "", aliases, verify, tuple(children))


def read_gazetteer(root: Node | None, path: str, langs: Languages = DEFAULT_LANGUAGES
                   ) -> tuple[Gazetteer, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    start = Position(path, 1, 1)
    if root is None:
        return Gazetteer(()), [error(start, "the gazetteer is empty", "a `provinces:` list")]
    f = Fields(root, diags, "the gazetteer", start)
    f.check_keys(["provinces"])
    provinces = _unique_areas(f.seq("provinces", required=True, expected="a list of provinces"),
                              "province", diags, "", langs)
    return Gazetteer(tuple(provinces)), diags


def _unique_areas(items, level: str, diags: list[Diagnostic], where: str, langs: Languages) -> list[Area]:
    """The areas of one list; a repeated id is reported and the repeat left out."""
    areas: list[Area] = []
    seen: dict[str, Position] = {}
    for item in items:
        area = _area(item, level, diags, item.pos, langs)
        if area is None:
            continue
        if area.id in seen:
            diags.append(error(item.pos, f"duplicate {level} id '{area.id}'{where} "
                               f"(first at line {seen[area.id].line})", "each id once"))
            continue
        seen[area.id] = item.pos
        areas.append(area)
    return areas


def parse_gazetteer(text: str, path: str, langs: Languages = DEFAULT_LANGUAGES
                    ) -> tuple[Gazetteer, list[Diagnostic]]:
    return _read(*parse(text, path), path, langs)


def load_gazetteer(path: str | Path, display: str | None = None, langs: Languages = DEFAULT_LANGUAGES
                   ) -> tuple[Gazetteer, list[Diagnostic]]:
    name = display or str(path)
    return _read(*parse_file(path, name), name, langs)


def _read(root: Node | None, diags: list[Diagnostic], path: str, langs: Languages
          ) -> tuple[Gazetteer, list[Diagnostic]]:
    if root is None and diags:  # unreadable: the syntax error says it all
        return Gazetteer(()), diags
    g, more = read_gazetteer(root, path, langs)
    return g, diags + more
