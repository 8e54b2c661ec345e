"""Last step of a build, on the finished site folder: what makes it light and offline.

- one stylesheet: the theme's CSS pruned to the rules our pages can match, then ours;
- the theme's unused files removed (its JavaScript bundle, search worker, maps);
- a web app manifest per language and its icons (installable, Khmer name);
- a service worker that precaches the key pages of the reader's language, with a
  version derived from their content so a new build replaces the old cache.

Engine-independent: it reads and writes files in ``site_dir`` only.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path

from campaign.web.cssprune import Used, prune_css
from campaign.core.templates import env

SITE_CSS = "assets/stylesheets/site.css"
THEME_CSS_GLOB = "assets/stylesheets/main.*.min.css"
# Theme files no page loads once the bundle is dropped (kept out of the upload).
UNUSED_THEME_FILES = ("assets/javascripts/bundle.*", "assets/javascripts/lunr",
                      "assets/javascripts/workers", "assets/stylesheets/*.map",
                      "assets/stylesheets/palette.*", THEME_CSS_GLOB)


def build_stylesheet(site_dir: Path, ours: list[str], scripts: list[str]) -> Path:
    """Theme CSS pruned against every page and script, followed by our stylesheets."""
    used, texts = Used(), []
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        used.add_html(html)
        texts.append(html)
    for script in scripts:
        text = (site_dir / script).read_text(encoding="utf-8")
        used.add_names(text)
        texts.append(text)
    own = "\n".join((site_dir / css).read_text(encoding="utf-8") for css in ours)
    theme = "".join(p.read_text(encoding="utf-8") for p in sorted(site_dir.glob(THEME_CSS_GLOB)))
    out = site_dir / SITE_CSS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(prune_css(theme, used, own + "".join(texts)) + "\n" + own, encoding="utf-8")
    return out


def remove_unused_theme_files(site_dir: Path) -> None:
    for pattern in UNUSED_THEME_FILES:
        for p in site_dir.glob(pattern):
            shutil.rmtree(p) if p.is_dir() else p.unlink()


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
                         default: str) -> tuple[Path, str]:
    """``precache``: language → site-relative URLs to keep offline; version from their bytes."""
    digest = hashlib.sha256()
    for lang in sorted(precache):
        for url in precache[lang]:
            target = site_dir / url
            if url.endswith("/") or url == "":
                target = target / "index.html"
            digest.update(url.encode() + b"\0" + target.read_bytes())
    version = digest.hexdigest()[:12]
    js = env().get_template("web/sw.js").render(
        version=version, precache=json.dumps(precache), offline=json.dumps(offline),
        default=json.dumps(default))
    path = site_dir / "sw.js"
    path.write_text(js, encoding="utf-8")
    return path, version
