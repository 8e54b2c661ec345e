"""A number written under the wrong country: "In Thailand: call 117" sends a reader to a
number that does not work where they are.

Page and poster text is read in blocks (a paragraph or a list item). A block that names
one country (its name in any of the site's languages, from CLDR) is about that country;
a block naming none is about the country its heading names. Every hotline number in the
block must be one to call in that country.
"""

from __future__ import annotations

import re

from campaign.content.hotlines.model import COUNTRIES, Hotlines
from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.languages.pack import pack

_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def country_names(languages) -> dict[str, set[str]]:
    """Country code → its names in every language of the site (and English)."""
    return {c: {pack(lang).locale.territories.get(c, "") for lang in (*languages, "en")} - {""}
            for c in COUNTRIES}


def _countries(text: str, names: dict[str, set[str]]) -> set[str]:
    return {c for c, ns in names.items() if any(n in text for n in ns)}


def _blocks(body: str):
    """(first line number, text, heading country context key) of each paragraph or list item."""
    block, start, fenced = [], 0, False
    for n, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            continue
        heading = _HEADING.match(line)
        if heading or not line.strip() or _ITEM.match(line):
            if block:
                yield start, block
            block, start = ([], n) if not line.strip() else ([line], n)
            if heading:
                yield n, [line]
                block = []
            continue
        if not block:
            start = n
        block.append(line)
    if block:
        yield start, block


def check_placement(pages, hotlines: Hotlines, languages) -> list[Diagnostic]:
    names = country_names(languages)
    by_number = {h.number: h for h in hotlines.items}
    pattern = re.compile(r"(?<![\w/.\-+])(" + "|".join(map(re.escape, sorted(by_number, key=len, reverse=True)))
                         + r")(?![\w/\-]|\.\d)") if by_number else None
    diags = []
    for page in pages:
        heading_country = None
        for start, lines in _blocks(page.body):
            text = "\n".join(lines)
            found = _countries(text, names)
            if _HEADING.match(lines[0]):
                heading_country = next(iter(found)) if len(found) == 1 else None
                continue
            country = next(iter(found)) if len(found) == 1 else (heading_country if not found else None)
            if country is None or pattern is None:
                continue
            for i, line in enumerate(lines):
                for m in pattern.finditer(line):
                    h = by_number[m.group(1)]
                    if h.country != country:
                        diags.append(error(
                            Position(page.display, page.body_line + start + i, m.start() + 1),
                            f"{h.number} is a number to call in {_english(h.country)} (hotline '{h.id}'), "
                            f"but this text is about {_english(country)}",
                            f"a number to call in {_english(country)}, or {h.number} moved to the text "
                            f"about {_english(h.country)}"))
    return diags


def _english(country: str) -> str:
    return pack("en").locale.territories.get(country, country)
