"""Problems found in content, reported all at once as ``path:line:col: message``.

Loaders never raise on bad content: they return what they could read plus a
list of ``Diagnostic``. The build and ``campaign check`` print the whole list
and stop before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True, slots=True)  # one per YAML value: 40,000 at 2,000 events
class Position:
    path: str
    line: int  # 1-based
    col: int  # 1-based

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    pos: Position
    message: str  # what is wrong
    expected: str = ""  # what to write instead
    severity: str = "error"  # "error" stops the build; "warning" is only printed

    def __str__(self) -> str:
        text = f"{self.pos}: {self.message}"
        if self.expected:
            text += f" — expected {self.expected}"
        if self.severity != "error":
            text += f" [{self.severity}]"
        return text


def error(pos: Position, message: str, expected: str = "") -> Diagnostic:
    return Diagnostic(pos, message, expected, "error")


def warning(pos: Position, message: str, expected: str = "") -> Diagnostic:
    return Diagnostic(pos, message, expected, "warning")


def errors(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diags if d.severity == "error"]


def report(diags: Iterable[Diagnostic], limit: int | None = None) -> str:
    """Errors first, then warnings, each sorted by file and line, one per line.

    With ``limit``, warnings of one kind (the same message but for names and numbers) are
    cut after ``limit`` lines and counted, so the errors are not lost in the noise.
    """
    diags = sorted(set(diags))
    errs = [d for d in diags if d.severity == "error"]
    warns = [d for d in diags if d.severity != "error"]
    lines = [str(d) for d in errs]
    if limit is None:
        return "\n".join(lines + [str(d) for d in warns])
    kinds: dict[str, list[Diagnostic]] = {}
    for d in warns:
        kinds.setdefault(_kind(d.message), []).append(d)
    for group in kinds.values():
        lines += [str(d) for d in group[:limit]]
        if len(group) > limit:
            lines.append(f"   … and {len(group) - limit} more warning(s) like the one above "
                         "(`campaign check --all` lists them)")
    return "\n".join(lines)


def _kind(message: str) -> str:
    import re

    return re.sub(r"'[^']*'|\d+", "_", message)


class ContentError(Exception):
    """Raised by callers that must stop (the build) with every problem attached."""

    def __init__(self, diags: Iterable[Diagnostic]):
        self.diagnostics = sorted(set(diags))
        n = len(errors(self.diagnostics))
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} in the content:\n" + report(self.diagnostics, limit=8)
        )


def read_source(path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """A content file's text, or a diagnostic saying why it cannot be read.

    A byte-order mark (Notepad writes one) is dropped; bytes that are not UTF-8 and NUL
    bytes are reported at their own line and column, in words staff can act on.
    """
    from pathlib import Path

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return None, [error(Position(display, 1, 1), f"cannot read the file: {exc.strerror}",
                            "a readable file")]
    return decode(data, display)


def decode(data: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        bad = data[exc.start:exc.start + 1].hex()
        return None, [error(Position(display, line, col),
                            f"this character is not in UTF-8 (byte 0x{bad}): the file was saved in "
                            "another encoding", "the file saved as UTF-8 (in Notepad: Save as → Encoding: UTF-8)")]
    if "\x00" in text:
        line, col = _line_col(data, data.index(b"\x00"))
        return None, [error(Position(display, line, col),
                            "an invisible NUL character (a byte 0) is in the text: the file is damaged or not text",
                            "the character deleted, or the file saved again as plain UTF-8 text")]
    return text, []


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    return line, col
