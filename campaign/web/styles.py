"""One stylesheet for the whole site: the theme's CSS pruned to the rules pages can match, then ours.

The theme's stylesheet styles every feature it has (~135 KB); our pages use a fraction.
Which files hold the theme's CSS and which of its files no page loads is the adapter's
knowledge (``theme_css``, ``unused``), passed in.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from campaign.web.cssprune import VAR, Used, prune_css

SITE_CSS = "assets/stylesheets/site.css"


def build_stylesheet(site_dir: Path, ours: list[str], scripts: list[str], theme_css: str,
                     cache_dir: Path | None = None) -> Path:
    """Theme CSS (files matching ``theme_css``) pruned against every page and script, then ours.

    Pruning parses the theme's 135 KB of CSS (most of a second); the result depends only on
    that CSS and on the names pages use, so it is kept in ``cache_dir`` under a key of both."""
    used, refs = Used(), set()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        used.add_html(html)
        refs.update(VAR.findall(html))
    for script in scripts:
        text = (site_dir / script).read_text(encoding="utf-8")
        used.add_names(text)
        refs.update(VAR.findall(text))
    own = "\n".join((site_dir / css).read_text(encoding="utf-8") for css in ours)
    refs.update(VAR.findall(own))
    theme = "".join(p.read_text(encoding="utf-8") for p in sorted(site_dir.glob(theme_css)))
    key = hashlib.sha256(repr((theme, sorted(used.tags), sorted(used.classes), sorted(used.ids),
                               sorted(used.attrs), sorted(refs))).encode()).hexdigest()[:24]
    cached = cache_dir / f"{key}.css" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        pruned = cached.read_text(encoding="utf-8")
    else:
        pruned = prune_css(theme, used, other_vars=refs)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(pruned, encoding="utf-8")
    out = site_dir / SITE_CSS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(pruned + "\n" + own, encoding="utf-8")
    return out


def remove(site_dir: Path, patterns: tuple[str, ...]) -> None:
    """Delete files no page loads (kept out of the upload)."""
    for pattern in patterns:
        for p in site_dir.glob(pattern):
            shutil.rmtree(p) if p.is_dir() else p.unlink()
