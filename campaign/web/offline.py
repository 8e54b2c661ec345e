"""What makes the site installable and readable offline: manifest, icons, service worker.

The service worker precaches the key pages of the reader's language, with a version
derived from their content, so a new build replaces the old copy; the copies of other
languages the reader visited stay (readers switch languages). Engine-independent: it
writes files in ``site_dir`` only.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from markupsafe import Markup

from campaign.core.templates import env


def icon_png(size: int) -> bytes:
    """The app icon (a white tick on the campaign's green), drawn at ``size`` px."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (size, size), (0, 105, 92))
    d = ImageDraw.Draw(img)
    s = size / 32
    d.line([(9 * s, 17 * s), (14 * s, 22 * s), (23 * s, 11 * s)], fill="white",
           width=max(1, round(3.5 * s)), joint="curve")
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def write_icons(site_dir: Path) -> list[dict]:
    icons = []
    for size in (192, 512):
        rel = f"assets/icons/icon-{size}.png"
        (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / rel).write_bytes(icon_png(size))
        icons.append({"src": rel, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"})
    return icons


def manifest_path(lang: str) -> str:
    return f"manifest.{lang}.webmanifest"


def write_manifest(site_dir: Path, lang: str, name: str, short_name: str, start_url: str,
                   icons: list[dict]) -> Path:
    """``start_url`` and icon paths are relative to the site root, where the file lives."""
    data = {"name": name, "short_name": short_name, "lang": lang, "start_url": start_url,
            "scope": "./", "display": "standalone", "background_color": "#ffffff",
            "theme_color": "#00695c", "icons": icons}
    path = site_dir / manifest_path(lang)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_service_worker(site_dir: Path, precache: dict[str, list[str]], offline: dict[str, str],
                         shared: list[str], default: str) -> tuple[Path, str]:
    """``precache``: language → site-relative URLs to keep offline; version from their bytes."""
    digest = hashlib.sha256()
    for url in sorted({u for urls in precache.values() for u in urls} | set(offline.values()) | set(shared)):
        target = site_dir / url
        if url.endswith("/") or url == "":
            target = target / "index.html"
        digest.update(url.encode() + b"\0" + target.read_bytes())
    version = digest.hexdigest()[:12]
    js = env().get_template("web/sw.js").render(
        version=version, precache=Markup(json.dumps(precache)), offline=Markup(json.dumps(offline)),
        shared=Markup(json.dumps(shared)), default=Markup(json.dumps(default)))
    path = site_dir / "sw.js"
    path.write_text(js, encoding="utf-8")
    return path, version
