"""YAML read as text with positions, without YAML 1.1 type guessing.

PyYAML resolves ``no`` to False and ``19:30`` to 1170 and keeps the last of two
duplicate keys. Here every scalar stays the text the author wrote; a schema
(``campaign.core.fields``) turns it into a date, a time or a number and reports the
exact line and column when it cannot. Duplicate keys are errors.
"""

from __future__ import annotations

import re
import unicodedata
from collections import namedtuple
from dataclasses import dataclass, field
from typing import Union

import yaml

from campaign.core.diagnostics import Diagnostic, Position, error, read_source


@dataclass(frozen=True, slots=True)  # thousands per schedule: no __dict__ each
class Scalar:
    text: str
    pos: Position
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        return not self.quoted and self.text in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True, slots=True)  # thousands per schedule: no __dict__ each
class Seq:
    items: tuple["Node", ...]
    pos: Position


@dataclass(frozen=True, slots=True)  # thousands per schedule: no __dict__ each
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
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line ends YAML's marks count


def _pos(path: str, mark, line_offset: int = 0) -> Position:
    return Position(path, mark.line + 1 + line_offset, mark.column + 1)


def parse(text: str, path: str, line_offset: int = 0) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML document. Never raises on bad input: problems come back as diagnostics."""
    diags: list[Diagnostic] = []
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark, message, expected = explain(exc, _LINE_BREAK.split(text))
        pos = _pos(path, mark, line_offset) if mark else Position(path, 1 + line_offset, 1)
        return None, [error(pos, f"YAML syntax: {message}", expected)]
    except yaml.reader.ReaderError as exc:  # a control character; libyaml counts bytes, so look it up
        found = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        return None, [_bad_character(text, found if found >= 0 else min(exc.position, len(text)), path,
                                     line_offset)]
    except UnicodeEncodeError as exc:  # a lone surrogate: libyaml reads the text as UTF-8 bytes
        return None, [_bad_character(text, exc.start, path, line_offset)]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [error(Position(path, 1 + line_offset, 1), "this YAML cannot be read"
                            + (" (nested too deeply)" if isinstance(exc, RecursionError) else ""),
                            "plain UTF-8 text with lists and `name: value` lines")]
    if root is None:
        return None, diags

    memo: dict[int, Node] = {}  # aliases share one converted node: no blow-up, no cycles
    lines = _LINE_BREAK.split(text)

    def check_quote(block: yaml.Node, child: yaml.Node, column: int) -> None:  # see _runaway_quote
        if not block.flow_style:
            d = _runaway_quote(child, column, lines, path, line_offset)
            diags.extend([d] if d else [])

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
            for item in node.value:
                check_quote(node, item, node.start_mark.column)
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
                check_quote(node, vnode, knode.start_mark.column)
                entries.append((key, convert(vnode, depth + 1, stack)))
            out = Map(tuple(entries), pos)
        memo[id(node)] = out
        return out

    try:
        return convert(root, 0, frozenset()), diags
    except RecursionError:
        return None, [error(Position(path, 1 + line_offset, 1), "structure nested too deeply",
                            "plain lists and mappings")]


# -- syntax errors in plain words -------------------------------------------------------
# PyYAML (and libyaml, with other wording) says where parsing gave up, in parser terms.
# Each rule below recognises one kind of mistake staff make and says, at the place to fix
# (where a quote or bracket was opened, not where the file ended), what to write instead.

_QUOTES = {'"': "double quote (\")", "'": "single quote (')"}
_BRACKETS = {"[": ("]", "list"), "{": ("}", "group of fields")}
_At = namedtuple("_At", "line column")  # a place found by reading the text again (0-based, as marks)


def explain(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[object, str, str]:
    """(mark, what is wrong, what to write) for a YAML syntax error."""
    for rule in (_too_deep, _tab, _quote, _flow, _colon_in_value, _no_colon, _special_start,
                 _block_scalar, _dash_after_colon, _alignment, _missing_value, _second_document):
        found = rule(exc, exc.context or "", exc.problem or "", lines)
        if found:
            return found
    return (exc.problem_mark or exc.context_mark, f"this cannot be read as YAML ({_words(exc)})",
            "correct indentation, colons and quotes on this line and the line above")


def _char(lines: list[str], mark) -> str:
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _line(lines: list[str], mark) -> str:
    return lines[mark.line] if mark is not None and mark.line < len(lines) else ""


def _words(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's own phrase, without escapes such as a backslash-n for the end of a line."""
    text = (exc.problem or exc.context or "invalid YAML").strip()
    return text.replace("'\\n'", "the end of the line").replace("'\\t'", "a tab").replace("\n", " ")


def _too_deep(exc, context, problem, lines):
    if "nesting depth" in problem:
        return exc.problem_mark, "the lists and blocks are nested too deeply", "fewer levels of indentation"


def _tab(exc, context, problem, lines):
    if _char(lines, exc.problem_mark) == "\t" or "tab character" in problem:
        return (exc.problem_mark, "a tab character is here, but YAML accepts only spaces for indenting",
                "spaces instead of the tab (set the editor to indent with spaces)")


def _quote(exc, context, problem, lines):
    if "quoted scalar" not in context:
        return None
    if "end of stream" in problem or "document" in problem:
        return _unclosed_quote(lines, exc.context_mark)
    if "escape" in problem or "hex" in problem:
        return (exc.problem_mark, "inside double quotes a backslash starts a special code, and this one is unknown",
                "the value in single quotes instead, or each backslash written twice")


def _unclosed_quote(lines: list[str], mark):
    q = _char(lines, mark) if _char(lines, mark) in _QUOTES else '"'
    return mark, f"the {_QUOTES[q]} opened here is never closed", f"a closing {q} at the end of the value"


def _flow(exc, context, problem, lines):
    if "flow node" in context and exc.problem_mark is not None:  # the error does not say where [ or { opened
        still_open, _ = _scan(lines, exc.problem_mark)
        return _never_closed(lines, still_open[-1]) if still_open else None
    if ("flow sequence" not in context and "flow mapping" not in context) or exc.context_mark is None:
        return None
    opener = _char(lines, exc.context_mark)
    if opener not in _BRACKETS:
        return None
    if not _closes_on_its_line(_line(lines, exc.context_mark), exc.context_mark.column):
        return _never_closed(lines, exc.context_mark)
    closer, name = _BRACKETS[opener]
    return (exc.problem_mark, f"an item of the {name} in '{opener} {closer}' cannot be read here",
            f"items separated by commas, each in quotes if it holds ': ' or a comma, e.g. {opener}a, \"b: c\"{closer}")


def _never_closed(lines: list[str], mark):
    opener = _char(lines, mark)
    closer, name = _BRACKETS[opener]
    return (mark, f"the {name} opened here with '{opener}' is never closed",
            f"a '{closer}' after the last item, on the same line")


def _scan(lines: list[str], mark) -> tuple[list, object]:
    """Reading the text up to ``mark``: the brackets still open, and where the last quoted
    value opened (quotes inside plain text, as in Don't, and comments are skipped)."""
    still_open, last_quote, quote = [], None, ""
    for n, line in enumerate(lines[:mark.line + 1]):
        end = mark.column if n == mark.line else len(line)
        col = 0
        while col < end:
            ch = line[col]
            if quote:
                col += 1 if ch == "\\" and quote == '"' else 0  # an escaped \" does not close
                quote = "" if ch == quote else quote
            elif ch in _QUOTES and line[:col].rstrip()[-1:] in ("", ":", "-", ",", "[", "{", "?"):
                quote, last_quote = ch, _At(n, col)
            elif ch == "#" and (col == 0 or line[col - 1] in " \t"):
                break
            elif ch in _BRACKETS:
                still_open.append(_At(n, col))
            elif ch in "]}" and still_open:
                still_open.pop()
            col += 1
    return still_open, last_quote


def _closes_on_its_line(line: str, column: int) -> bool:
    depth = 0
    for ch in line[column:]:
        depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
        if depth == 0:
            return True
    return False


def _colon_in_value(exc, context, problem, lines):
    if "mapping values are not allowed" not in problem or exc.problem_mark is None:
        return None
    line = _line(lines, exc.problem_mark)
    field_ = re.match(r"\s*(?:-\s+)?([^:\s][^:]*?):\s+(.*\S)", line)
    if field_ is None or ": " not in line[:exc.problem_mark.column] + " ":
        return (exc.problem_mark, "this line is indented more than the field above it, which already has a value",
                "the same number of spaces at the start of the line as the field above "
                "(or, if this line continues the text above, the whole text in quotes)")
    key, value = field_.groups()
    example = f'{key}: "{value}"' if '"' not in value else f"{key}: '{value}'"
    return (exc.problem_mark, "the value holds ': ' (a colon and a space), which YAML reads as the start of "
            "another field", f"the whole value in quotes: {example}")


def _no_colon(exc, context, problem, lines):
    if "could not find expected ':'" in problem:
        return (exc.context_mark or exc.problem_mark, "this line is not `name: value`, nor a list item `- …`",
                "a colon and a space after the field name (title: …), or '- ' before a list item")


def _special_start(exc, context, problem, lines):
    """A value starting with a sign YAML reserves: @ ` % & * ! |"""
    if any(p in problem for p in ("cannot start any token", "undefined alias", "keys are not allowed")):
        mark = exc.problem_mark
    elif any(word in context for word in ("anchor", "alias", "tag", "directive")):
        mark = exc.context_mark
    else:
        return None
    sign = _char(lines, mark)
    if not sign:
        return None
    value = _line(lines, mark)[mark.column:].strip()
    example = f'"{value}"' if value and '"' not in value and len(value) <= 60 else '"…"'
    return mark, f"a value cannot start with '{sign}' unless it is in quotes", f"the value in quotes: {example}"


def _block_scalar(exc, context, problem, lines):
    if "block scalar" in context:
        return (exc.problem_mark, "after '|' or '>' nothing but '-' or '+' may follow on the same line",
                "the text on the next lines, indented more than the field name")


def _alignment(exc, context, problem, lines):
    if exc.problem_mark is None or not any(
            p in problem for p in ("expected <block end>", "expected key", "'-' indicator", "<document start>")):
        return None
    mark = exc.problem_mark
    sign = _char(lines, mark)
    before = _line(lines, mark)[:mark.column].rstrip()
    if sign in ("]", "}"):
        return _stray_closer(mark, sign)
    if before.endswith(('"', "'")) and before.lstrip()[:1] not in ('"', "'", ""):
        _, opened = _scan(lines, _At(mark.line, len(before) - 1))
        if opened is not None and opened.line < mark.line:  # a quote left open ran on to this one
            return _unclosed_quote(lines, opened)
        return (mark, "there is text after the closing quote", "the whole value inside the quotes "
                "(to write ' in the text, put the value in \" \", and the other way round)")
    if "'-' indicator" in problem or "block collection" in context:
        return (mark, "this line does not line up with the list above it",
                "each item starting with '- ' at the same indentation, and the fields of an item under its first field")
    return (mark, "this line does not line up with the lines above it",
            "the same number of spaces at the start of the line as the other fields of its block")


def _dash_after_colon(exc, context, problem, lines):
    if "sequence entries are not allowed" in problem:
        return (exc.problem_mark, "a list item '- ' cannot start on the same line as its field name",
                "the list on the next lines, one '- item' per line, indented under the field name")


def _missing_value(exc, context, problem, lines):
    if "node content" not in problem or exc.problem_mark is None:
        return None
    sign = _char(lines, exc.problem_mark)
    if sign in ("]", "}"):
        return _stray_closer(exc.problem_mark, sign)
    return exc.problem_mark, "a value is missing here", f"a value, or the extra '{sign}' removed" if sign else "a value"


def _stray_closer(mark, sign: str):
    opener = "[" if sign == "]" else "{"
    return mark, f"this '{sign}' closes nothing: no '{opener}' was opened before it", f"the extra '{sign}' removed"


def _second_document(exc, context, problem, lines):
    if "single document" in context:
        return (exc.problem_mark, "a line '---' here starts a second document, but the file must be one",
                "the '---' line removed")


def _runaway_quote(node: yaml.Node, column: int, lines: list[str], path: str, line_offset: int
                   ) -> Diagnostic | None:
    """A quoted value that runs on to a line not indented under its field (``column``): its
    closing quote is missing, and the fields below were read as its text. (YAML 1.2 refuses
    such lines too; PyYAML reads them.)"""
    if not isinstance(node, yaml.ScalarNode) or node.style not in _QUOTES:
        return None
    for n in range(node.start_mark.line + 1, min(node.end_mark.line, len(lines) - 1) + 1):
        if lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) <= column:
            mark, message, expected = _unclosed_quote(lines, node.start_mark)
            return error(_pos(path, mark, line_offset), f"YAML syntax: {message}", expected)
    return None


def _bad_character(text: str, index: int, path: str, line_offset: int) -> Diagnostic:
    line = text.count("\n", 0, index)
    col = index - (text.rfind("\n", 0, index) + 1)
    char = text[index] if index < len(text) else "\ufffd"
    kind = "an invisible control character" if unicodedata.category(char) == "Cc" else "an invalid character"
    return error(Position(path, line + 1 + line_offset, col + 1),
                 f"{kind} (U+{ord(char):04X}) is here; YAML does not allow it",
                 "the character deleted (delete the text at this place and type it again)")


def parse_file(path, display: str | None = None) -> tuple[Node | None, list[Diagnostic]]:
    name = display or str(path)
    text, diags = read_source(path, name)
    return parse(text, name) if text is not None else (None, diags)
