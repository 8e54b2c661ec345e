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
FORMAT = 2  # how entries are stored; 1 lost calendars' CRLF line ends: never read again


def use(directory: Path | None) -> None:
    _dir[:] = [directory] if directory is not None else []


def files_hash(*paths: Path) -> str:
    """The code and templates a value is rendered with (part of its key)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(_file_hash(Path(p)).encode())
    return h.hexdigest()


_hashes: dict[tuple, str] = {}


def _file_hash(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "-"
    k = (str(path), st.st_mtime_ns, st.st_size)
    if k not in _hashes:
        _hashes[k] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _hashes[k]


def get(kind: str, parts: tuple, make: Callable[[], str]) -> str:
    """``make()``, or what it gave for the same ``parts`` in an earlier build."""
    if not _dir:
        return make()
    key = hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
    path = _dir[0] / f"{kind}.{FORMAT}" / key[:2] / key
    value = read(path)
    if value is None:
        value = make()
        write(path, value)
    return value


def read(path: Path) -> str | None:
    """A kept text, exactly as written (bytes: CRLF line ends stay); None if missing or damaged."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write(path: Path, value: str) -> None:
    """Write in one step (a reader never sees half a file); a read-only cache only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(value.encode("utf-8"))
        tmp.replace(path)
    except OSError:
        pass


# -- in memory, for a builder that stays running (the preview's worker) -----------------
# Off in a one-off build. Values are shared between builds: callers never change them.

_kept: dict[str, dict] = {}
_kept_used: dict[str, set] = {}
_in_memory = [False]


def keep_in_memory() -> None:
    _in_memory[0] = True


def recall(kind: str, key, make: Callable):
    """``make()``, or what it gave for the same ``key`` (hashable, everything the value is made
    from) earlier in this process."""
    if not _in_memory[0]:
        return make()
    store = _kept.setdefault(kind, {})
    _kept_used.setdefault(kind, set()).add(key)
    if key not in store:
        store[key] = make()
    return store[key]


def in_memory() -> bool:
    """Whether values are kept in memory between builds (a builder that stays running)."""
    return _in_memory[0]


def kept(kind: str, key) -> bool:
    """Whether ``recall`` has a value for ``key`` (the values it was made from may need keeping too)."""
    return _in_memory[0] and key in _kept.get(kind, {})


def sweep() -> None:
    """Between builds: forget what the last build did not use (memory stays one site's)."""
    for kind, store in _kept.items():
        used = _kept_used.get(kind, set())
        for k in [k for k in store if k not in used]:
            del store[k]
        used.clear()
