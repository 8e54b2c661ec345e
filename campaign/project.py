"""Everything the site is made from, loaded and validated in one pass.

``load_project`` reads every content file, returns the model and *all* the
problems found; callers stop before writing anything when there is an error.
The engine adapter calls it once per build (not once per language).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from campaign.compose import check_marker
from campaign.core.diagnostics import Diagnostic, Position, error, warning
from campaign.core.fields import suggest
from campaign.content.gazetteer.model import load_gazetteer
from campaign.content.hotlines.model import Hotlines, load_hotlines
from campaign.core.pages import Site, scan_docs
from campaign.content.posters import load_guides, load_posters, render_posters
from campaign.content.tour.schedule import Schedule, load_schedule
from campaign.core.config import SiteConfig

SCHEDULE_FILE = "tour_schedule.yaml"
GAZETTEER_FILE = "data/gazetteer.yaml"
HOTLINES_FILE = "data/hotlines.yaml"


@dataclass(frozen=True)
class Project:
    config: SiteConfig
    site: Site
    hotlines: Hotlines
    schedule: Schedule
    today: dt.date
    posters: tuple = ()  # campaign.content.posters.Poster
    guides: tuple = ()  # campaign.content.posters.Guide


def _check_hotline_refs(schedule: Schedule, hotlines: Hotlines) -> list[Diagnostic]:
    ids = [h.id for h in hotlines.items]
    return [error(pos, f"unknown hotline '{hid}'", suggest(hid, ids) + f" from {HOTLINES_FILE}")
            for hid, pos in schedule.hotline_refs if hid not in ids]


def load_project(config: SiteConfig, today: dt.date | None = None) -> tuple[Project, list[Diagnostic]]:
    root: Path = config.root
    today = today or dt.date.today()
    diags: list[Diagnostic] = []
    site, d = scan_docs(config.docs_dir, config.languages, config.default, root)
    diags += d
    hotlines, d = load_hotlines(root / HOTLINES_FILE, HOTLINES_FILE, config.languages)
    diags += d
    gazetteer, d = load_gazetteer(root / GAZETTEER_FILE, GAZETTEER_FILE)
    diags += d
    schedule, d = load_schedule(root / SCHEDULE_FILE, gazetteer, today, SCHEDULE_FILE)
    diags += d + _check_hotline_refs(schedule, hotlines)
    posters, d = load_posters(config.docs_dir, config.languages, hotlines)
    diags += _relative(d, root, config.docs_dir)
    guides, d = load_guides(config.docs_dir, config.languages)
    diags += _relative(d, root, config.docs_dir)
    ids = {"hotline": [h.id for h in hotlines.items],
           "tour-province": [p.id for p in gazetteer.provinces]}
    for page in site.pages.values():
        for m in page.markers:
            diags += check_marker(m, ids)
    project = Project(config, site, hotlines, schedule, today, tuple(posters), tuple(guides))
    return project, diags


def _relative(diags: list[Diagnostic], root: Path, docs_dir: Path) -> list[Diagnostic]:
    """Poster positions are relative to docs/; show them from the project root like the rest."""
    prefix = docs_dir.relative_to(root).as_posix() + "/" if docs_dir.is_relative_to(root) else ""
    return [replace(d, pos=replace(d.pos, path=prefix + d.pos.path))
            if prefix and not d.pos.path.startswith((prefix, "/")) and d.pos.path != "mkdocs.yml" else d
            for d in diags]


def render_print_files(project: Project, out_dir: Path, cache_dir: Path):
    """Every poster and guide PDF and thumbnail into ``out_dir`` (nothing there on error)."""
    manifest, diags = render_posters(list(project.posters), project.hotlines, project.config.site_url,
                                     out_dir, cache_dir, guides=list(project.guides),
                                     languages=project.config.languages)
    host = urlsplit(project.config.site_url).hostname or ""
    if project.posters and (host in ("localhost", "::1") or host.startswith("127.")):
        diags.append(warning(Position("mkdocs.yml", 1, 1),
                             f"posters' QR codes point to {project.config.site_url}, a local address",
                             "SITE_URL=https://<public address>/ when building the site to publish"))
    return manifest, diags
