"""Markers staff write in pages, ``<!-- campaign:hotlines -->``, found with their positions.

A comment that was meant as a marker but is not written as one (``campaing:hotlines``,
``campaign: hotlines``, ``Campaign:hotlines``) is reported too, with the marker it
looks like: otherwise it would silently stay an invisible comment. Markers inside
fenced code blocks are examples, not markers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from campaign.core.diagnostics import Diagnostic, Position, error

MARKER = re.compile(r"<!--\s*campaign:([a-z][a-z0-9-]*)((?:[ \t]+[^\s>-][^\s>]*)*)\s*-->")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_LOOKS_LIKE = re.compile(r"^\s*([A-Za-z_]{5,12})\s*:\s*([A-Za-z][\w-]*)((?:\s+[^\s>]+)*)\s*$")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.M | re.S)


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    pos: Position


def _fenced(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _FENCE.finditer(body)]


def _position(body: str, offset: int, display: str, line_offset: int) -> Position:
    line = body.count("\n", 0, offset)
    col = offset - (body.rfind("\n", 0, offset) + 1)
    return Position(display, line + 1 + line_offset, col + 1)


def find(body: str, display: str, line_offset: int = 0) -> tuple[list[Marker], list[Diagnostic]]:
    """Markers in a page body (``line_offset``: lines before the body in the file)."""
    fences = _fenced(body)
    markers, diags = [], []
    for m in _COMMENT.finditer(body):
        if any(a <= m.start() < b for a, b in fences):
            continue
        pos = _position(body, m.start(), display, line_offset)
        exact = MARKER.fullmatch(m.group(0))
        if exact:
            markers.append(Marker(exact.group(1), tuple(exact.group(2).split()), pos))
            continue
        near = _LOOKS_LIKE.match(m.group(1))
        if near and difflib.SequenceMatcher(None, near.group(1).lower(), "campaign").ratio() >= 0.75:
            name = near.group(2).lower()
            args = " ".join(near.group(3).split())
            written = " ".join(m.group(0).split())
            diags.append(error(pos, f"'{written}' is not written as a marker, so nothing would be shown",
                               f"<!-- campaign:{name}{' ' + args if args else ''} --> "
                               "(the word campaign, a colon, then the name with no space)"))
            markers.append(Marker(name, tuple(args.split()), pos))  # its name is checked too
    return markers, diags


def expand(body: str, render) -> str:
    """``body`` with every marker outside code blocks replaced by ``render(name, args)``."""
    fences = _fenced(body)

    def sub(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in fences):
            return m.group(0)
        return "\n" + render(m.group(1), tuple(m.group(2).split())) + "\n"

    return MARKER.sub(sub, body)
