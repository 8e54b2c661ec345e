"""One stylesheet for the whole site: the theme's CSS pruned to the rules pages can match, then ours.

The theme's stylesheet styles every feature it has (~135 KB); our pages use a fraction.
Which files hold the theme's CSS and which of its files no page loads is the adapter's
knowledge (``theme_css``, ``unused``), passed in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from campaign.web.cssprune import Used, prune_css

SITE_CSS = "assets/stylesheets/site.css"


def build_stylesheet(site_dir: Path, ours: list[str], scripts: list[str], theme_css: str) -> Path:
    """Theme CSS (files matching ``theme_css``) pruned against every page and script, then ours."""
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
    theme = "".join(p.read_text(encoding="utf-8") for p in sorted(site_dir.glob(theme_css)))
    out = site_dir / SITE_CSS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(prune_css(theme, used, own + "".join(texts)) + "\n" + own, encoding="utf-8")
    return out


def remove(site_dir: Path, patterns: tuple[str, ...]) -> None:
    """Delete files no page loads (kept out of the upload)."""
    for pattern in patterns:
        for p in site_dir.glob(pattern):
            shutil.rmtree(p) if p.is_dir() else p.unlink()
