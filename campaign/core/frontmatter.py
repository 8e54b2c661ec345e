"""The one reader for the header of a Markdown file (front matter), for every page.

A page may start with ``---``, YAML fields, and ``---``. It is read here with the
project's YAML reader (no YAML 1.1 guessing: ``title: no`` stays the word "no") and
handed to the engine already parsed, so the engine never reads it again with other
rules. A header that is never closed is an error, not page text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.yamlsource import Map, Node, Scalar, Seq, parse

_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


@dataclass(frozen=True)
class FrontMatter:
    node: Map | None  # the fields, with positions (None: no header, or unreadable)
    body: str  # the Markdown after the header
    body_line: int  # 1-based line of the body's first line in the file
    present: bool  # the file has a header

    def meta(self) -> dict:
        """The fields as plain values for the engine (YAML 1.2 core types)."""
        return plain(self.node) if self.node is not None else {}


def split(text: str, display: str) -> tuple[str | None, str, int, list[Diagnostic]]:
    """(header text or None, body, body's first line, problems)."""
    m = _OPEN.match(text)
    if not m:
        return None, text, 1, []
    close = _CLOSE.search(text, m.end())
    if close is None:
        return None, text, 1, [error(Position(display, 1, 1), "the header (front matter) is not closed",
                                     "a line `---` after the last header field, before the page text")]
    end = close.end() + (1 if text[close.end():close.end() + 1] == "\n" else 0)
    return text[m.end():close.start()], text[end:], text[:end].count("\n") + 1, []


def read(text: str, display: str) -> tuple[FrontMatter, list[Diagnostic]]:
    header, body, body_line, diags = split(text, display)
    if header is None:
        return FrontMatter(None, body, body_line, False), diags
    node, d = parse(header, display, line_offset=1)
    diags += d
    if node is not None and not isinstance(node, Map):
        diags.append(error(node.pos, "the header must be `name: value` lines",
                           "lines such as `title: …` between the two `---` lines"))
        node = None
    return FrontMatter(node, body, body_line, True), diags


def plain(node: Node | None):
    """Positioned YAML → plain Python: true/false, null, numbers typed; every other scalar text."""
    if node is None:
        return None
    if isinstance(node, Map):
        return {k.text: plain(v) for k, v in node.entries}
    if isinstance(node, Seq):
        return [plain(v) for v in node.items]
    assert isinstance(node, Scalar)
    if node.quoted:
        return node.text
    if node.is_null:
        return None
    if node.text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return node.text.lower() == "true"
    if _INT.match(node.text):
        return int(node.text)
    if _FLOAT.match(node.text):
        return float(node.text)
    return node.text
