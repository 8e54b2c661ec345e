"""Everything the site is made from, loaded and validated in one pass.

``load_project`` reads every content file, returns the model and *all* the
problems found; callers stop before writing anything when there is an error.
The engine adapter calls it once per build (not once per language).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .compose import check_marker
from .diagnostics import Diagnostic
from .hotlines import Hotlines, load_hotlines
from .pages import Site, scan_docs
from .siteconfig import SiteConfig

@dataclass(frozen=True)
class Project:
    config: SiteConfig
    site: Site
    hotlines: Hotlines


def load_project(config: SiteConfig) -> tuple[Project, list[Diagnostic]]:
    root = config.root
    diags: list[Diagnostic] = []
    site, d = scan_docs(config.docs_dir, config.languages, config.default, root)
    diags += d
    hotlines, d = load_hotlines(root / "data" / "hotlines.yaml", "data/hotlines.yaml",
                                config.languages)
    diags += d
    for page in site.pages.values():
        for m in page.markers:
            diags += check_marker(m, hotlines)
    return Project(config, site, hotlines), diags
