"""Values kept between builds, under a key of everything they are made from.

A Tour of 2,000 events makes 4,000 event pages and calendar entries; most do not change
from one build to the next. What a content type renders from data alone is kept in
``.cache/memo/`` under the SHA-256 of its inputs and of the code and templates that
render it, so a rebuild only renders what changed. A damaged or missing entry is simply
made again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable

_dir: list[Path] = []


def use(directory: Path | None) -> None:
    _dir[:] = [directory] if directory is not None else []


def files_hash(*paths: Path) -> str:
    """The code and templates a value is rendered with (part of its key)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes() if p.is_file() else b"-")
    return h.hexdigest()


def get(kind: str, parts: tuple, make: Callable[[], str]) -> str:
    """``make()``, or what it gave for the same ``parts`` in an earlier build."""
    if not _dir:
        return make()
    key = hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
    path = _dir[0] / kind / key[:2] / key
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    value = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{key}.{os.getpid()}.tmp")
        tmp.write_text(value, encoding="utf-8")
        tmp.replace(path)
    except OSError:  # a read-only cache only costs time
        pass
    return value
