"""Web fonts the site serves itself: one per script written without Latin letters (Khmer, Thai).

No font service: nothing leaves the site. Each font is subset to its script and compressed
as WOFF2 (~15 KB for Khmer, ~8 KB for Thai) and declared with its ``unicode-range``, so a
browser downloads it only for pages that use the script. File names carry a content hash
so hosts can cache them forever.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from campaign.languages.pack import pack
from campaign.languages.scripts import SCRIPTS, Script

EXTRA = [0x200B, 0x200C, 0x200D, 0x25CC]  # word breaks, joiners, dotted circle (shaping fallback)


@dataclass(frozen=True)
class WebFont:
    script: str  # ISO 15924 code
    family: str
    weight: int
    path: str  # site-relative
    unicode_range: str
    data: bytes


def subset_woff2(ttf: Path, unicodes: list[int]) -> bytes:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # Khmer and Thai shaping need all their GSUB/GPOS features
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(str(ttf), options)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


_cache_dir: list[Path] = []
SUBSET_VERSION = "1"  # change when subset options change


def use_cache(directory: Path | None) -> None:
    """Keep subset fonts in ``directory`` between builds (subsetting takes ~0.4 s a font)."""
    _cache_dir[:] = [directory] if directory is not None else []


def _subset(ttf: Path, unicodes: list[int]) -> bytes:
    key = hashlib.sha256(ttf.read_bytes() + repr((unicodes, SUBSET_VERSION)).encode()).hexdigest()[:20]
    cached = _cache_dir[0] / f"{ttf.stem}.{key}.woff2" if _cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    data = subset_woff2(ttf, unicodes)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(cached)
    return data


@functools.lru_cache(maxsize=None)
def _font(script: Script) -> WebFont:
    # One weight: bold is synthesised, which saves a second download on every first visit.
    unicodes = [c for a, b in script.ranges for c in range(a, b + 1)] + EXTRA
    data = _subset(script.font_files[0], unicodes)
    digest = hashlib.sha256(data).hexdigest()[:10]
    slug = script.family.lower().replace(" ", "-")
    return WebFont(script.code, script.family, 400, f"assets/fonts/{slug}-400.{digest}.woff2",
                   script.unicode_range, data)


def web_fonts(languages=None) -> tuple[WebFont, ...]:
    """The fonts of every shipped script with a web font (all, or those ``languages`` use)."""
    wanted = {pack(lang).script.code for lang in languages} if languages is not None else None
    return tuple(_font(s) for s in SCRIPTS if s.web_font and (wanted is None or s.code in wanted))


def font_faces(lang: str) -> list[dict]:
    """What the theme needs to declare every font: its file, and the names a phone's own copy has."""
    own = pack(lang).script.code
    return [{"family": f.family, "weight": f.weight, "path": f.path, "unicode_range": f.unicode_range,
             "local": [f.family, f.family.replace(" ", "") + "-Regular"], "own": f.script == own}
            for f in web_fonts()]


def write_fonts(site_dir: Path) -> list[Path]:
    written = []
    for f in web_fonts():
        target = site_dir / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != f.data:
            target.write_bytes(f.data)
        written.append(target)
    return written
