"""Everything the site is made from, loaded and validated in one pass.

``load_project`` reads the site's pages, the interface catalogs and every registered
content type, and returns the model with *all* the problems found; callers stop before
writing anything when there is an error. Engines call it once per build.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from campaign import drift, freshness
from campaign.content import REGISTRY, LoadContext
from campaign.core import templates
from campaign.core.config import SiteConfig, read_site_config
from campaign.core.diagnostics import Diagnostic, error
from campaign.core.fields import suggest
from campaign.core.links import check_links, check_nav
from campaign.core.pages import Site, scan_docs
from campaign.languages import catalog
from campaign.languages.pack import pack


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds, tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class Project:
    config: SiteConfig
    site: Site
    today: dt.date
    models: dict[str, Any] = field(default_factory=dict)
    catalogs: dict = field(default_factory=dict)

    def model(self, name: str):
        return self.models.get(name)

    # the models other parts read most, by name
    @property
    def hotlines(self):
        return self.models["hotlines"]

    @property
    def gazetteer(self):
        return self.models["gazetteer"]

    @property
    def schedule(self):
        return self.models["tour"]

    @property
    def posters(self) -> tuple:
        return tuple(self.models.get("posters") or ())

    @property
    def guides(self) -> tuple:
        return tuple(self.models.get("guides") or ())

    @property
    def review_languages(self) -> list[str]:
        """Languages whose text must be reviewed by a native speaker (their packs say so)."""
        return [lang for lang in self.config.languages if pack(lang).review]

    @property
    def is_local_address(self) -> bool:
        host = urlsplit(self.config.site_url).hostname or ""
        return host in ("localhost", "::1", "0.0.0.0") or host.startswith("127.")

    def ids(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for t in REGISTRY:
            if t.name in self.models:
                out.update(t.ids(self.models[t.name]))
        return out


def check_markers(site: Site, ids: dict[str, list[str]]) -> list[Diagnostic]:
    """Every marker in every page names a registered marker, with the arguments it takes."""
    known = REGISTRY.markers()
    diags = []
    for page in site.pages.values():
        for m in page.markers:
            if m.name not in known:
                diags.append(error(m.pos, f"unknown marker 'campaign:{m.name}'", suggest(m.name, known)))
                continue
            spec = known[m.name][1]
            example = f"<!-- campaign:{m.name}" + "".join(
                f" {(ids.get(k) or [k])[0]}" for k in spec.args) + " -->"
            if len(m.args) != len(spec.args):
                diags.append(error(m.pos, f"'campaign:{m.name}' takes {len(spec.args)} argument(s), "
                                   f"not {len(m.args)}", example))
                continue
            for arg, kind in zip(m.args, spec.args):
                if arg not in ids.get(kind, []):
                    diags.append(error(m.pos, f"unknown {kind} '{arg}'", suggest(arg, ids.get(kind, []))))
    return diags


def load_project(config: SiteConfig, today: dt.date | None = None) -> tuple[Project, list[Diagnostic]]:
    today = today or build_date()
    diags: list[Diagnostic] = []
    templates.use_overrides(config.theme_dir / "campaign" if config.theme_dir else None)
    site, d = scan_docs(config.docs_dir, config.languages, config.default, config.root, config.fallbacks)
    diags += d
    catalogs, d = catalog.load_catalogs(config.locales_dir, config.languages, config.root)
    diags += d
    catalog.install(catalogs)
    models: dict[str, Any] = {}
    for t in REGISTRY:
        model, d = t.load(LoadContext(config, site, today, models))
        models[t.name] = model
        diags += d
    project = Project(config, site, today, models, catalogs)
    diags += check_markers(site, project.ids())
    diags += check_links(site, config.docs_dir) + check_nav(config.nav, site)
    # translation records and facts checked too long ago: the build and preview say it too
    diags += drift.diagnostics(project) + freshness.diagnostics(project)
    return project, diags


def load(config_file: Path, site_url: str | None = None, today: dt.date | None = None
         ) -> tuple[Project | None, list[Diagnostic]]:
    """mkdocs.yml → the project, or None when the settings themselves cannot be read."""
    from dataclasses import replace

    cfg, diags = read_site_config(Path(config_file))
    if cfg is None:
        return None, diags
    if site_url:
        cfg = replace(cfg, site_url=site_url)
    project, more = load_project(cfg, today)
    return project, diags + more


def prepare(project: Project, out_dir: Path, cache_dir: Path) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Heavy outputs (PDFs) of every content type, into ``out_dir``; nothing there on error."""
    prepared, diags = {}, []
    for t in REGISTRY:
        out, d = t.prepare(project, out_dir, cache_dir)
        if out is not None:
            prepared[t.name] = out
        diags += d
    return prepared, diags
