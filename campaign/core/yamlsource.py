"""YAML read as text with positions, without YAML 1.1 type guessing.

PyYAML resolves ``no`` to False and ``19:30`` to 1170 and keeps the last of two
duplicate keys. Here every scalar stays the text the author wrote; a schema
(``campaign.core.fields``) turns it into a date, a time or a number and reports the
exact line and column when it cannot. Duplicate keys are errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

import yaml

from campaign.core.diagnostics import Diagnostic, Position, error, read_source


@dataclass(frozen=True)
class Scalar:
    text: str
    pos: Position
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True)
class Seq:
    items: tuple["Node", ...]
    pos: Position


@dataclass(frozen=True)
class Map:
    entries: tuple[tuple[Scalar, "Node"], ...]
    pos: Position
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for k, v in self.entries:
            self._index.setdefault(k.text, (k, v))

    def get(self, key: str) -> "Node | None":
        hit = self._index.get(key)
        return hit[1] if hit else None

    def key(self, key: str) -> "Scalar | None":
        hit = self._index.get(key)
        return hit[0] if hit else None

    def keys(self) -> list[str]:
        return [k.text for k, _ in self.entries]


Node = Union[Scalar, Seq, Map]

# libyaml's parser when PyYAML has it (3× faster on a large schedule); same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAX_DEPTH = 60  # content is shallow; deeper input is an error, not a RecursionError


def _pos(path: str, mark, line_offset: int = 0) -> Position:
    return Position(path, mark.line + 1 + line_offset, mark.column + 1)


def parse(text: str, path: str, line_offset: int = 0) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML document. Never raises on bad input: problems come back as diagnostics."""
    diags: list[Diagnostic] = []
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _pos(path, mark, line_offset) if mark else Position(path, 1 + line_offset, 1)
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        return None, [error(pos, f"YAML syntax: {problem}",
                            "valid YAML (check indentation, colons and quotes near here)")]
    except yaml.YAMLError as exc:  # reader errors: bad bytes or control characters
        mark = getattr(exc, "problem_mark", None)
        pos = _pos(path, mark, line_offset) if mark else Position(path, 1 + line_offset, 1)
        return None, [error(pos, f"unreadable YAML: {exc}".splitlines()[0], "plain UTF-8 text")]
    if root is None:
        return None, diags

    memo: dict[int, Node] = {}  # aliases share one converted node: no blow-up, no cycles

    def convert(node: yaml.Node, depth: int, stack: frozenset) -> Node:
        pos = _pos(path, node.start_mark, line_offset)
        if id(node) in memo:
            return memo[id(node)]
        if depth > _MAX_DEPTH or id(node) in stack:
            diags.append(error(pos, "structure nested too deeply or refers to itself",
                               "plain lists and mappings"))
            return Scalar("", pos)
        stack = stack | {id(node)}
        if isinstance(node, yaml.ScalarNode):
            out: Node = Scalar(node.value, pos, quoted=node.style not in (None, ""))
        elif isinstance(node, yaml.SequenceNode):
            out = Seq(tuple(convert(n, depth + 1, stack) for n in node.value), pos)
        else:
            entries: list[tuple[Scalar, Node]] = []
            seen: dict[str, Position] = {}
            for knode, vnode in node.value:
                key = convert(knode, depth + 1, stack)
                if not isinstance(key, Scalar):
                    diags.append(error(key.pos, "a key must be plain text", "`name: value`"))
                    continue
                if key.text == "<<" and not key.quoted:
                    diags.append(error(key.pos, "merge keys (<<) are not supported",
                                       "the fields written out"))
                    continue
                if key.text in seen:
                    diags.append(error(key.pos, f"duplicate key '{key.text}' "
                                       f"(first at line {seen[key.text].line})",
                                       "each key once per block"))
                    continue
                seen[key.text] = key.pos
                entries.append((key, convert(vnode, depth + 1, stack)))
            out = Map(tuple(entries), pos)
        memo[id(node)] = out
        return out

    try:
        return convert(root, 0, frozenset()), diags
    except RecursionError:
        return None, [error(Position(path, 1 + line_offset, 1), "structure nested too deeply",
                            "plain lists and mappings")]


def parse_file(path, display: str | None = None) -> tuple[Node | None, list[Diagnostic]]:
    name = display or str(path)
    text, diags = read_source(path, name)
    return parse(text, name) if text is not None else (None, diags)
