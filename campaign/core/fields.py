"""Typed reads from a positioned YAML ``Map``; every problem becomes a diagnostic.

A reader collects problems instead of raising, so one pass over a file reports
everything wrong in it. Values come back as ``None`` when absent or invalid.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Iterable

from campaign.core.diagnostics import Diagnostic, Position, error, warning
from campaign.core.yamlsource import Map, Node, Scalar, Seq

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})$")
# Years a date on this site can have: 0026 or 2206 typed for 2026 is caught, not published.
# Starts where "checked" dates do (campaign.core.checked.FIRST_YEAR; a test keeps them equal).
YEARS = range(2000, 2101)


def closest(word: str, options: Iterable[str], n: int = 3) -> list[str]:
    options = list(options)
    hits = difflib.get_close_matches(word, options, n=n, cutoff=0.5)
    if not hits:  # case-insensitive second chance
        low = {o.lower(): o for o in options}
        hits = [low[h] for h in difflib.get_close_matches(word.lower(), list(low), n=n, cutoff=0.5)]
    return hits


def suggest(word: str, options: Iterable[str]) -> str:
    options = list(options)
    hits = closest(word, options)
    if hits:
        return "one of " + ", ".join(repr(h) for h in hits) + " (closest names)"
    shown = ", ".join(repr(o) for o in sorted(options)[:12])
    return "one of " + shown + (" …" if len(options) > 12 else "")


class Fields:
    """Reads the fields of one mapping; ``what`` names it in messages (e.g. "event 'x'")."""

    def __init__(self, node: Node | None, diags: list[Diagnostic], what: str, pos: Position):
        self.diags = diags
        self.what = what
        self.pos = node.pos if node is not None else pos
        if node is not None and not isinstance(node, Map):
            diags.append(error(node.pos, f"{what} must be a block of `key: value` lines",
                               "a mapping"))
            node = None
        self.map: Map | None = node

    # -- plumbing -----------------------------------------------------------
    def node(self, key: str) -> Node | None:
        if self.map is None:
            return None
        n = self.map.get(key)
        if isinstance(n, Scalar) and n.is_null:
            return None
        return n

    def where(self, key: str) -> Position:
        if self.map is not None and self.map.key(key) is not None:
            return self.map.key(key).pos
        return self.pos

    def fail(self, pos: Position, message: str, expected: str = "") -> None:
        self.diags.append(error(pos, message, expected))

    def warn(self, pos: Position, message: str, expected: str = "") -> None:
        self.diags.append(warning(pos, message, expected))

    def missing(self, key: str, expected: str) -> None:
        self.fail(self.pos, f"{self.what} has no '{key}'", expected)

    def check_keys(self, known: Iterable[str]) -> None:
        if self.map is None:
            return
        known = list(known)
        for k in self.map.keys():
            if k not in known:
                self.fail(self.map.key(k).pos, f"unknown field '{k}' in {self.what}",
                          suggest(k, known))

    # -- typed reads --------------------------------------------------------
    def scalar(self, key: str, required: bool, expected: str) -> Scalar | None:
        n = self.node(key)
        if n is None:
            if required:
                self.missing(key, expected)
            return None
        if not isinstance(n, Scalar):
            self.fail(n.pos, f"'{key}' must be a single value, not a list or block", expected)
            return None
        return n

    def text(self, key: str, required: bool = True, expected: str = "some text") -> str | None:
        s = self.scalar(key, required, expected)
        if s is None:
            return None
        if not s.text.strip():
            self.fail(s.pos, f"'{key}' is empty", expected)
            return None
        return s.text.strip()

    def choice(self, key: str, options: Iterable[str], required: bool = True,
               default: str | None = None) -> str | None:
        options = list(options)
        s = self.scalar(key, required, "one of " + ", ".join(options))
        if s is None:
            return default
        if s.text not in options:
            self.fail(s.pos, f"unknown {key} '{s.text}'", suggest(s.text, options))
            return None
        return s.text

    def integer(self, key: str, required: bool = True, minimum: int | None = 0) -> int | None:
        s = self.scalar(key, required, "a whole number")
        if s is None:
            return None
        t = s.text.strip().replace("_", "")
        if not re.fullmatch(r"[+-]?\d+", t):
            self.fail(s.pos, f"'{key}' is '{s.text}', not a whole number", "a whole number such as 42")
            return None
        v = int(t)
        if minimum is not None and v < minimum:
            self.fail(s.pos, f"'{key}' is {v}, below {minimum}", f"{minimum} or more")
            return None
        return v

    def number(self, key: str, required: bool = True) -> float | None:
        s = self.scalar(key, required, "a number")
        if s is None:
            return None
        try:
            v = float(s.text)
        except ValueError:
            v = None
        if v is None or v != v or v in (float("inf"), float("-inf")):
            self.fail(s.pos, f"'{key}' is '{s.text}', not a number", "a number such as 13.36")
            return None
        return v

    def boolean(self, key: str, required: bool = False, default: bool = False) -> bool:
        s = self.scalar(key, required, "true or false")
        if s is None:
            return default
        if s.text in ("true", "false"):
            return s.text == "true"
        self.fail(s.pos, f"'{key}' is '{s.text}'", "true or false (yes/no are not accepted)")
        return default

    def date(self, key: str, required: bool = True) -> dt.date | None:
        s = self.scalar(key, required, "a date as YYYY-MM-DD")
        return parse_date(s, key, self) if s is not None else None

    def datetime(self, key: str, required: bool = True) -> dt.datetime | None:
        """Local (naive) date and time written ``YYYY-MM-DD HH:MM``."""
        s = self.scalar(key, required, "date and time as YYYY-MM-DD HH:MM")
        if s is None:
            return None
        m = _DATETIME.match(s.text.strip())
        if not m:
            self.fail(s.pos, f"'{key}' is '{s.text}', not a date and time",
                      "YYYY-MM-DD HH:MM, for example 2026-12-05 18:30")
            return None
        d = parse_date(Scalar(m.group(1), s.pos), key, self)
        t = parse_time(Scalar(m.group(2), s.pos), key, self)
        return dt.datetime.combine(d, t) if d and t else None

    def seq(self, key: str, required: bool = False, expected: str = "a list") -> tuple[Node, ...]:
        n = self.node(key)
        if n is None:
            if required:
                self.missing(key, expected)
            return ()
        if isinstance(n, Seq):
            return n.items
        if isinstance(n, Scalar):  # one item written without a dash is fine
            return (n,)
        self.fail(n.pos, f"'{key}' must be a list", expected)
        return ()

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        out = []
        for item in self.seq(key, required, "a list of names"):
            if isinstance(item, Scalar) and item.text.strip():
                out.append(item.text.strip())
            else:
                self.fail(item.pos, f"each item of '{key}' must be a plain name", "`- name`")
        return tuple(out)

    def web_addresses(self, key: str, expected: str, whose: str = "") -> tuple[str, ...]:
        """A required list of http(s) addresses (where a fact comes from); ``whose`` names the
        item in the message (" of 'Place'")."""
        out = []
        for item in self.seq(key, required=True, expected=expected):
            url = item.text.strip() if isinstance(item, Scalar) else ""
            if url.startswith(("https://", "http://")) and " " not in url:
                out.append(url)
            else:
                self.fail(item.pos, f"{key} '{url}'{whose} is not a web address", "a link starting with https://")
        return tuple(out)

    def sub(self, key: str, what: str, required: bool = False) -> "Fields":
        n = self.node(key)
        if n is None and required:
            self.missing(key, "a block of `key: value` lines")
        return Fields(n, self.diags, what, self.where(key))


def parse_date(s: Scalar, key: str, f: Fields) -> dt.date | None:
    m = _DATE.match(s.text.strip())
    if not m:
        f.fail(s.pos, f"'{key}' is '{s.text}', not a date", "YYYY-MM-DD, for example 2026-12-05")
        return None
    if int(m.group(1)) not in YEARS:
        f.fail(s.pos, f"'{key}' is '{s.text}': the year {m.group(1)} looks mistyped",
               f"a date like 2026-12-05 (a year from {YEARS.start} to {YEARS.stop - 1})")
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        f.fail(s.pos, f"'{key}' is '{s.text}': {exc}", "a real calendar date as YYYY-MM-DD")
        return None


def parse_time(s: Scalar, key: str, f: Fields) -> dt.time | None:
    m = _TIME.match(s.text.strip())
    if not m or not (0 <= int(m.group(1)) <= 23 and 0 <= int(m.group(2)) <= 59):
        f.fail(s.pos, f"'{key}' has time '{s.text}'", "HH:MM on a 24-hour clock, for example 18:30")
        return None
    return dt.time(int(m.group(1)), int(m.group(2)))
