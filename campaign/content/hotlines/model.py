"""Hotlines: the one list of phone numbers the site, posters and events use.

A number is published only with its source and the date it was checked. Names and
notes may be written in any configured language (``name: {km: …, en: …, th: …}``);
the default language is required, the others fall back with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from campaign.core.checked import Checked, read_checked
from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields, suggest
from campaign.core.localized import DEFAULT_LANGUAGES, Languages, Localized, read_localized, warn_untranslated
from campaign.core.review import read_review
from campaign.core.slugs import is_id
from campaign.core.yamlsource import parse_file

FILE = "data/hotlines.yaml"
COUNTRIES = ("TH", "KH")
_NUMBER = re.compile(r"^\+?[0-9][0-9-]*[0-9]$")
FIELDS = ("id", "number", "country", "primary", "name", "about", "dial_note", "source", "checked",
          "confidence")


@dataclass(frozen=True)
class Hotline:
    id: str
    number: str
    country: str
    name: Localized
    about: Localized | None
    source: str
    checked: Checked | None
    confidence: str
    primary: bool = False
    dial_note: Localized | None = None
    pos: Position | None = None

    @property
    def tel(self) -> str:
        """The tel: URI (digits only; dashes are for reading)."""
        return "tel:" + self.number.replace("-", "")

    def text(self, field: str, lang: str) -> str:
        value = getattr(self, field)
        return value.get(lang) if value is not None else ""


@dataclass(frozen=True)
class Hotlines:
    items: tuple[Hotline, ...]
    review_needed: bool
    path: str = FILE

    def get(self, hid: str) -> Hotline | None:
        return next((h for h in self.items if h.id == hid), None)

    @property
    def ids(self) -> list[str]:
        return [h.id for h in self.items]

    @property
    def primary(self) -> Hotline | None:
        """The first country's primary hotline (Thailand: where most readers need help)."""
        return next((h for h in (self.primary_in(c) for c in COUNTRIES) if h), None)

    def primary_in(self, country: str) -> Hotline | None:
        """The hotline to call first in ``country``: the primary one if it is there, else the first."""
        here = [h for h in self.items if h.country == country]
        return next((h for h in here if h.primary), here[0] if here else None)

    def callbar(self, first: str | None = None) -> list[Hotline]:
        """One number per country, ``first`` country first (a page about Cambodia puts it first)."""
        order = sorted(COUNTRIES, key=lambda c: c != first) if first else list(COUNTRIES)
        return [h for h in (self.primary_in(c) for c in order) if h]


def check_refs(refs, hotlines: Hotlines, what: str = "hotline") -> list[Diagnostic]:
    """The one check of hotline ids named elsewhere (events, posters, places): (id, position) pairs."""
    return [error(pos, f"unknown {what} '{hid}'", suggest(hid, hotlines.ids) + f" from {hotlines.path}")
            for hid, pos in refs if hotlines.get(hid) is None]


def load_hotlines(path: Path, display: str = FILE, languages: Languages = DEFAULT_LANGUAGES,
                  today: dt.date | None = None) -> tuple[Hotlines, list[Diagnostic]]:
    today = today or dt.date.today()
    root, diags = parse_file(path, display)
    top = Fields(root, diags, display, Position(display, 1, 1))
    top.check_keys(["review", "khmer_review", "hotlines"])
    review = read_review(top, None)
    items: list[Hotline] = []
    seen: dict[str, Position] = {}
    for node in top.seq("hotlines", required=True, expected="a list of hotlines"):
        f = Fields(node, diags, "this hotline", node.pos)
        f.check_keys(FIELDS)
        hid = f.text("id", expected="a short id such as th-doe-1694")
        if hid and not is_id(hid):
            f.fail(f.where("id"), f"id '{hid}' has characters other than a-z, 0-9 and -",
                   "lowercase letters, digits and single dashes")
        elif hid in seen:
            f.fail(f.where("id"), f"duplicate hotline id '{hid}' (first at line {seen[hid].line})",
                   "a unique id")
        elif hid:
            seen[hid] = f.where("id")
        f.what = f"hotline '{hid}'" if hid else "this hotline"
        number = f.text("number", expected='the number as dialled, in quotes, e.g. "1694"')
        if number and not _NUMBER.match(number):
            f.fail(f.where("number"), f"number '{number}' is not a phone number",
                   "digits and dashes only, in quotes")
        country = f.choice("country", COUNTRIES)
        source = f.text("source", expected="the web address where this number is published")
        if source and not source.startswith(("https://", "http://")):
            f.fail(f.where("source"), f"source '{source}' is not a web address",
                   "a link starting with https://")
        checked = read_checked(f, "checked", today)
        confidence = f.choice("confidence", ["high", "medium"])
        untranslated: dict = {}
        name = read_localized(f, "name", languages, required=True, label="name", untranslated=untranslated)
        about = read_localized(f, "about", languages, required=False, label="about", untranslated=untranslated)
        dial = read_localized(f, "dial_note", languages, required=False, label="dial note",
                              untranslated=untranslated)
        warn_untranslated(f, untranslated, languages)
        items.append(Hotline(hid or "", number or "", country or "", name or Localized((), languages),
                             about, source or "", checked, confidence or "", f.boolean("primary"), dial,
                             node.pos))
    for country in COUNTRIES:
        primaries = [h for h in items if h.primary and h.country == country]
        for h in primaries[1:]:
            diags.append(error(h.pos or Position(display, 1, 1),
                               f"hotline '{h.id}' is a second primary hotline for {country}",
                               f"one hotline per country with `primary: true` (the first is '{primaries[0].id}')"))
    return Hotlines(tuple(items), review, display), diags
