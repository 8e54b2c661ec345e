"""Draw every card through the cache, then publish: the same path as posters.

A card's key is its HTML (its text, the template, the CSS), the shipped fonts, the code that
draws and encodes it, and the browser and Pillow versions: an unchanged card is never drawn again.
"""

from __future__ import annotations

import functools
import io
import time
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from campaign.content.previews.cards import HEIGHT, WIDTH, Card
from campaign.printing.browser import chromium_version, in_browser_thread, session
from campaign.printing.cache import Cache, FileInfo, Manifest, file_hash, key_of, sha256
from campaign.languages.scripts import pdf_font_files

HERE = Path(__file__).parent
RENDER_VERSION = "cards-1"
# Flat colours and text: a 32-colour PNG looks the same as the screenshot and weighs a third
# of a JPEG at quality 82 (measured: 5-22 KB against 18-69 KB), for about the same time.
COLOURS = 32
MAX_BYTES = 100 * 1024  # link scrapers skip or shrink larger pictures (a phone sharing on WhatsApp pays for it)
MIN_FIT = 0.6  # a long title may shrink to 60 % before it is cut
CARD_DIR = "assets/cards"


@dataclass(frozen=True)
class CardFile:
    path: str  # site-relative
    width: int
    height: int
    bytes: int
    alt: str
    type: str


@dataclass
class Drawn:
    files: dict[str, bytes] = field(default_factory=dict)  # path → bytes
    by_key: dict[str, CardFile] = field(default_factory=dict)
    cut: set[str] = field(default_factory=set)  # keys of cards whose text did not fit, even made smaller
    rendered: int = 0  # drawn by the browser in this run (0 on an unchanged rebuild)
    seconds: float = 0.0  # browser time, start-up included


@functools.lru_cache(maxsize=1)
def static_key() -> str:
    import PIL

    parts = [RENDER_VERSION, chromium_version(), "Pillow " + PIL.__version__,
             f"{WIDTH}x{HEIGHT} png{COLOURS} max{MAX_BYTES} fit{MIN_FIT}"]
    parts += [name + ":" + file_hash(HERE / name) for name in ("render.py", "../../printing/browser.py")]
    parts += [p.name + ":" + file_hash(p) for p in pdf_font_files()]
    return key_of(*parts)


def card_key(card: Card) -> str:
    return key_of(static_key(), card.html)


def encode(png: bytes) -> bytes:
    """The screenshot in ``COLOURS`` colours (no dithering: flat areas stay flat); a JPEG if that
    is still over ``MAX_BYTES`` (a picture on the card someday, say)."""
    with Image.open(io.BytesIO(png)) as im:
        rgb = im.convert("RGB")
    buf = io.BytesIO()
    # zlib level 6: half the time of level 9 for files a fifth larger (measured)
    rgb.quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        buf, "PNG", compress_level=6)
    quality = 85
    while buf.tell() > MAX_BYTES and quality >= 40:
        buf = io.BytesIO()
        rgb.save(buf, "JPEG", quality=quality, optimize=True)
        quality -= 15
    return buf.getvalue()


def kind_of(data: bytes) -> tuple[str, str]:
    """(file extension, MIME type) of an encoded card."""
    return (".png", "image/png") if data[:8] == b"\x89PNG\r\n\x1a\n" else (".jpg", "image/jpeg")


def draw(cards: list[Card], cache_dir: Path) -> tuple[Drawn, list[str]]:
    """Every card, from the cache or drawn; (result, problems). In its own thread: Playwright's
    sync API refuses to start in a thread that already runs it."""
    return in_browser_thread(_draw, cards, cache_dir)


def _draw(cards: list[Card], cache_dir: Path) -> tuple[Drawn, list[str]]:
    cache = Cache(cache_dir)
    out = Drawn()
    problems: list[str] = []
    manifest = Manifest()
    todo: dict[str, Card] = {}
    for c in cards:
        key = card_key(c)
        if key in out.by_key or key in todo:
            continue
        hit = cache.get(key, ".card")
        if hit:
            _publish(out, manifest, cache, key, c, hit[0], cut=hit[1].get("variant") == "card-cut")
        else:
            todo[key] = c
    if todo:
        start = time.perf_counter()
        try:
            with session() as browser:
                for key, c in todo.items():
                    shot, info = browser.screenshot_html(c.html, WIDTH, HEIGHT, min_fit=MIN_FIT)
                    data = encode(shot)
                    cache.put(key, ".card", data)
                    _publish(out, manifest, cache, key, c, data, cut=bool(info.get("problems")), fit=info.get("fit", 1))
                    out.rendered += 1
        except Exception as exc:  # noqa: BLE001 - no browser: pages go without a picture, said once
            problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        out.seconds = time.perf_counter() - start
    cache.save(manifest)
    return out, problems


def _publish(out: Drawn, manifest: Manifest, cache: Cache, key: str, c: Card, data: bytes, cut: bool = False,
             fit: float = 1.0) -> None:
    digest = sha256(data)
    ext, mime = kind_of(data)
    path = f"{CARD_DIR}/{c.lang}-{digest[:16]}{ext}"  # a new picture gets a new address (scrapers cache them)
    # the cache remembers a cut card, so every build warns about it, not only the one that drew it
    info = FileInfo(path, "card", "", c.lang, "card-cut" if cut else "card", "", 0.0, "RGB", 1, len(data), digest,
                    key, WIDTH, HEIGHT, fit=float(fit))
    if cut:
        out.cut.add(key)
    cache.entries[key] = info.__dict__
    manifest.files.append(info)
    out.files[path] = data
    out.by_key[key] = CardFile(path, WIDTH, HEIGHT, len(data), c.alt, mime)
