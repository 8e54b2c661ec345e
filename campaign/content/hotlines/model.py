"""Hotlines: the one list of phone numbers the site, posters and events use.

A number is published only with its source and the date it was checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields
from campaign.core.yamlsource import parse_file

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NUMBER = re.compile(r"^\+?[0-9][0-9-]*[0-9]$")
_CHECKED = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


@dataclass(frozen=True)
class Hotline:
    id: str
    number: str
    country: str
    name: dict[str, str]
    about: dict[str, str]
    source: str
    checked: str
    confidence: str
    primary: bool = False
    dial_note: dict[str, str] | None = None

    @property
    def tel(self) -> str:
        """The tel: URI (digits only; dashes are for reading)."""
        return "tel:" + self.number.replace("-", "")

    def text(self, field: str, lang: str) -> str:
        values = getattr(self, field) or {}
        return values.get(lang) or values.get("en") or ""


@dataclass(frozen=True)
class Hotlines:
    items: tuple[Hotline, ...]
    khmer_review: bool
    path: str = ""

    def get(self, hid: str) -> Hotline | None:
        return next((h for h in self.items if h.id == hid), None)

    @property
    def primary(self) -> Hotline | None:
        return next((h for h in self.items if h.primary), None)


def _per_language(f: Fields, key: str, languages: tuple[str, ...], required: bool) -> dict[str, str]:
    sub = f.sub(key, f"'{key}' of {f.what}", required=required)
    if sub.map is None:
        return {}
    sub.check_keys(languages)
    out = {}
    for lang in languages:
        v = sub.text(lang, required=required, expected=f"the {key} in language '{lang}'")
        if v:
            out[lang] = v
    return out


def load_hotlines(path: Path, display: str, languages: tuple[str, ...] = ("km", "en")
                  ) -> tuple[Hotlines, list[Diagnostic]]:
    root, diags = parse_file(path, display)
    top = Fields(root, diags, display, Position(display, 1, 1))
    top.check_keys(["khmer_review", "hotlines"])
    review = top.choice("khmer_review", ["needed", "done"], required=False, default="needed")
    items: list[Hotline] = []
    seen: dict[str, Position] = {}
    for node in top.seq("hotlines", required=True, expected="a list of hotlines"):
        f = Fields(node, diags, "this hotline", node.pos)
        f.check_keys(["id", "number", "country", "primary", "name", "about", "dial_note",
                      "source", "checked", "confidence"])
        hid = f.text("id", expected="a short id such as th-doe-1694")
        if hid and not _ID.match(hid):
            f.fail(f.where("id"), f"id '{hid}' has characters other than a-z, 0-9 and -",
                   "lowercase letters, digits and dashes")
        elif hid in seen:
            f.fail(f.where("id"), f"duplicate hotline id '{hid}' (first at line {seen[hid].line})",
                   "a unique id")
        elif hid:
            seen[hid] = f.where("id")
        f.what = f"hotline '{hid}'" if hid else "this hotline"
        number = f.text("number", expected="the number as dialled, in quotes, e.g. \"1694\"")
        if number and not _NUMBER.match(number):
            f.fail(f.where("number"), f"number '{number}' is not a phone number",
                   "digits and dashes only, in quotes")
        country = f.choice("country", ["TH", "KH"])
        source = f.text("source", expected="the web address where this number is published")
        if source and not source.startswith(("https://", "http://")):
            f.fail(f.where("source"), f"source '{source}' is not a web address",
                   "a link starting with https://")
        checked = f.text("checked", expected="the date the source was checked, YYYY-MM-DD")
        if checked and not _CHECKED.match(checked):
            f.fail(f.where("checked"), f"checked '{checked}' is not a date",
                   "YYYY-MM-DD (or YYYY-MM)")
        confidence = f.choice("confidence", ["high", "medium"])
        item = Hotline(
            id=hid or "", number=number or "", country=country or "",
            name=_per_language(f, "name", languages, True),
            about=_per_language(f, "about", languages, False),
            source=source or "", checked=checked or "", confidence=confidence or "",
            primary=f.boolean("primary"),
            dial_note=_per_language(f, "dial_note", languages, False) or None,
        )
        items.append(item)
    primaries = [h for h in items if h.primary]
    if len(primaries) > 1:
        for h in primaries[1:]:
            diags.append(error(seen.get(h.id, Position(display, 1, 1)),
                               f"hotline '{h.id}' is also marked primary",
                               "exactly one hotline with `primary: true`"))
    return Hotlines(tuple(items), review == "needed", display), diags
