"""Static files the core makes for every site: the Khmer web fonts.

The site serves its own Khmer font (no font service: nothing leaves the
site), subset to the Khmer blocks and compressed as WOFF2, ~15 KB a weight.
File names carry a content hash so hosts can cache them forever.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

FONTS = Path(__file__).parent.parent / "languages" / "fonts"
FAMILY = "Noto Sans Khmer"
# Khmer, Khmer Symbols, ZWSP/ZWNJ/ZWJ (word breaks), dotted circle (shaping fallback).
UNICODES = [*range(0x1780, 0x1800), *range(0x19E0, 0x1A00), 0x200B, 0x200C, 0x200D, 0x25CC]
# One weight: bold headings are synthesised, which saves 17 KB on every first visit.
WEIGHTS = {400: "NotoSansKhmer-Regular.ttf"}


@dataclass(frozen=True)
class WebFont:
    weight: int
    path: str  # site-relative
    data: bytes


def subset_woff2(ttf: Path, unicodes: list[int]) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Khmer shaping needs all its GSUB/GPOS features
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(str(ttf), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def web_fonts() -> tuple[WebFont, ...]:
    out = []
    for weight, name in WEIGHTS.items():
        data = subset_woff2(FONTS / name, UNICODES)
        digest = hashlib.sha256(data).hexdigest()[:10]
        out.append(WebFont(weight, f"assets/fonts/noto-sans-khmer-{weight}.{digest}.woff2", data))
    return tuple(out)


def font_faces() -> list[dict]:
    """What templates need to declare and preload the fonts."""
    return [{"family": FAMILY, "weight": f.weight, "path": f.path} for f in web_fonts()]


def write_assets(site_dir: Path) -> list[Path]:
    written = []
    for f in web_fonts():
        target = site_dir / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != f.data:
            target.write_bytes(f.data)
        written.append(target)
    return written
