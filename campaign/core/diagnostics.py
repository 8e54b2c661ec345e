"""Problems found in content, reported all at once as ``path:line:col: message``.

Loaders never raise on bad content: they return what they could read plus a
list of ``Diagnostic``. The build and ``campaign check`` print the whole list
and stop before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
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


def report(diags: Iterable[Diagnostic]) -> str:
    """All problems, sorted by file and line, one per line."""
    return "\n".join(str(d) for d in sorted(set(diags)))


class ContentError(Exception):
    """Raised by callers that must stop (the build) with every problem attached."""

    def __init__(self, diags: Iterable[Diagnostic]):
        self.diagnostics = sorted(set(diags))
        n = len(errors(self.diagnostics))
        super().__init__(
            f"{n} problem{'s' if n != 1 else ''} in the content:\n" + report(self.diagnostics)
        )


def read_source(path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """A content file's text, or a diagnostic saying why it cannot be read."""
    from pathlib import Path

    try:
        return Path(path).read_text(encoding="utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [error(Position(display, 1, 1), f"not UTF-8 text ({exc.reason})",
                            "the file saved as UTF-8")]
    except OSError as exc:
        return None, [error(Position(display, 1, 1), f"cannot read file: {exc.strerror}",
                            "a readable file")]
