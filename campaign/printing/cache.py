"""Content-addressed cache of rendered files, with a JSON manifest.

A file's key is the SHA-256 of everything that decides its bytes: the HTML
handed to the browser (source text, template, CSS, hotline data, QR URL, UI
strings), image and font bytes, the code that composes the PDF, the browser
version and SOURCE_DATE_EPOCH. Same key → the cached bytes are reused, so an
unchanged poster is not rendered again and its PDF stays byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

USED = "used.json"  # key → when a build last used it (wall clock; not in any output)
KEEP_DAYS = 14
MANIFEST = "manifest.json"
FORMAT = 2


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str:
    return sha256(Path(path).read_bytes())


def key_of(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        b = p if isinstance(p, bytes) else p.encode("utf-8")
        h.update(len(b).to_bytes(8, "big"))  # length-prefixed: no ambiguity between parts
        h.update(b)
    return h.hexdigest()


@dataclass(frozen=True)
class FileInfo:
    """One published file (a poster PDF, a guide PDF or a thumbnail)."""
    path: str  # relative to the output directory, with /
    kind: str  # "poster", "guide", "thumb" or "archive"
    slug: str
    lang: str  # "km", "en" or "km-en" (bilingual)
    variant: str  # "office", "print", "booklet", "thumb" or "archive"
    paper: str  # "a4", "a3", "a2", "a5" ("" for thumbnails)
    bleed_mm: float
    colour: str  # "RGB"
    pages: int
    bytes: int
    sha256: str
    key: str
    width_px: int = 0  # thumbnails
    height_px: int = 0
    fit: float = 1.0  # text scale the layout needed (1 = as designed)
    title: str = ""  # poster or guide title, in the file's (first) language


@dataclass
class Manifest:
    files: list[FileInfo] = field(default_factory=list)
    rendered_pdfs: int = 0  # rendered by the browser in this run (0 on an unchanged rebuild)
    rendered_thumbs: int = 0
    browser_renders: int = 0  # pages the browser laid out (print sizes share one)

    def get(self, path: str) -> FileInfo | None:
        return next((f for f in self.files if f.path == path), None)

    def for_poster(self, slug: str, lang: str, kind: str = "poster") -> list[FileInfo]:
        return [f for f in self.files if f.slug == slug and f.lang == lang and f.kind == kind]

    def of_kind(self, kind: str) -> list[FileInfo]:
        return [f for f in self.files if f.kind == kind]

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "files": [asdict(f) for f in self.files]},
                          ensure_ascii=False, indent=1, sort_keys=True)


class Cache:
    """``<dir>/files/<key>.<ext>`` holds bytes; ``<dir>/manifest.json`` what they are."""

    def __init__(self, directory: Path):
        self.dir = Path(directory)
        self.files = self.dir / "files"
        self.entries: dict[str, dict] = {}
        try:
            data = json.loads((self.dir / MANIFEST).read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self.entries = {f["key"]: f for f in data.get("files", [])}
        except (OSError, ValueError, KeyError, TypeError):
            self.entries = {}  # no or unreadable manifest: everything is rendered again

    def _path(self, key: str, ext: str) -> Path:
        return self.files / f"{key}{ext}"

    def get(self, key: str, ext: str) -> tuple[bytes, dict] | None:
        entry = self.entries.get(key)
        p = self._path(key, ext)
        if entry is None or not p.is_file():
            return None
        data = p.read_bytes()
        if sha256(data) != entry.get("sha256"):
            return None  # damaged cache file: render again
        return data, entry

    def put(self, key: str, ext: str, data: bytes) -> None:
        self.files.mkdir(parents=True, exist_ok=True)
        tmp = self._path(key, ext + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, self._path(key, ext))

    def save(self, manifest: Manifest, prune: bool = True) -> None:
        """Write the manifest; drop cached files unused for ``KEEP_DAYS`` (keeps the cache
        small, yet builds for other addresses, such as a preview, stay warm)."""
        self.dir.mkdir(parents=True, exist_ok=True)
        now = time.time()
        used = self._read_used()
        used.update({f.key: now for f in manifest.files})
        if prune:
            used = {k: t for k, t in used.items() if now - t < KEEP_DAYS * 86400}
        known = {**{e["key"]: FileInfo(**e) for e in self.entries.values()},
                 **{f.key: f for f in manifest.files}}
        files = [f for k, f in known.items() if k in used or not prune]
        for name, text in ((MANIFEST, Manifest(files).to_json()), (USED, json.dumps(used, sort_keys=True))):
            tmp = self.dir / (name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.dir / name)
        if prune and self.files.is_dir():
            for p in self.files.iterdir():
                if p.name.split(".", 1)[0] not in used:
                    p.unlink(missing_ok=True)

    def _read_used(self) -> dict[str, float]:
        try:
            return {k: float(v) for k, v in json.loads((self.dir / USED).read_text(encoding="utf-8")).items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}
