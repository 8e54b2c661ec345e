"""The site settings the core needs, read from mkdocs.yml as plain data.

mkdocs.yml stays the one place where languages are declared (the i18n plugin reads
them there too); this reads them without importing any engine, so ``campaign check``
works the same with or without one. The campaign's own options sit under the
``campaign`` plugin entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields
from campaign.core.frontmatter import plain
from campaign.core.yamlsource import Map, Scalar, Seq, parse_file

CONFIG_FILE = "mkdocs.yml"
# What a campaign project is made of (copied whole by tests and benchmarks).
PROJECT_FILES = ("docs", "data", "overrides", "locales", "mkdocs.yml", "tour_schedule.yaml")


@dataclass(frozen=True)
class NavEntry:
    path: str  # as written, inside docs/<lang>/
    pos: Position


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    docs_dir: Path
    languages: tuple[str, ...]
    default: str
    site_url: str
    theme_dir: Path | None = None  # the theme's custom_dir (overrides/)
    options: dict = field(default_factory=dict, hash=False, compare=False)  # the campaign plugin's
    nav: tuple[NavEntry, ...] = ()
    site_names: dict = field(default_factory=dict, hash=False, compare=False)  # lang → site name
    config_file: str = CONFIG_FILE

    @property
    def locales_dir(self) -> Path:
        return self.root / str(self.options.get("locales_dir", "locales"))

    @property
    def fallbacks(self) -> dict[str, tuple[str, ...]]:
        """Per language, where text it lacks comes from before the default language."""
        raw = self.options.get("fallback") or {}
        return {k: tuple(v if isinstance(v, list) else [v]) for k, v in raw.items()} if isinstance(raw, dict) else {}

    def option(self, name: str, default=None):
        return self.options.get(name, default)


def _env_value(node) -> str:
    """A plain value, or ``!ENV [NAME, ..., default]`` resolved as MkDocs does."""
    if isinstance(node, Seq):
        names = [n.text for n in node.items if isinstance(n, Scalar)]
        for name in names[:-1] if len(names) > 1 else names:
            if os.environ.get(name):
                return os.environ[name]
        return names[-1] if len(names) > 1 else ""
    return node.text if isinstance(node, Scalar) else ""


def _nav(node, display: str) -> list[NavEntry]:
    """Every page path named in ``nav:`` (titles and external links left out)."""
    out: list[NavEntry] = []
    if isinstance(node, Seq):
        for item in node.items:
            out += _nav(item, display)
    elif isinstance(node, Map):
        for _, value in node.entries:
            out += _nav(value, display)
    elif isinstance(node, Scalar) and node.text.strip() and "://" not in node.text:
        out.append(NavEntry(node.text.strip(), node.pos))
    return out


def read_site_config(config_file: Path) -> tuple[SiteConfig | None, list[Diagnostic]]:
    root = config_file.parent
    display = config_file.name
    node, diags = parse_file(config_file, display)
    top = Fields(node, diags, display, Position(display, 1, 1))
    if top.map is None:
        return None, diags
    docs = top.text("docs_dir", required=False) or "docs"
    site_url = _env_value(top.node("site_url"))
    theme = top.node("theme")
    theme_dir = None
    if isinstance(theme, Map) and isinstance(theme.get("custom_dir"), Scalar):
        theme_dir = root / theme.get("custom_dir").text
    langs: list[str] = []
    names: dict[str, str] = {}
    default = None
    options: dict = {}
    plugins = top.node("plugins")
    for entry in plugins.items if isinstance(plugins, Seq) else ():
        if isinstance(entry, Map) and entry.get("i18n") is not None:
            i18n = Fields(entry.get("i18n"), diags, "the i18n plugin", entry.pos)
            for item in i18n.seq("languages", required=True):
                lf = Fields(item, diags, "a language", item.pos)
                locale = lf.text("locale", expected="a language code such as km")
                if locale:
                    langs.append(locale)
                    if lf.boolean("default"):
                        default = locale
                    if lf.map is not None and isinstance(lf.map.get("site_name"), Scalar):
                        names[locale] = lf.map.get("site_name").text
        elif isinstance(entry, Map) and entry.get("campaign") is not None:
            options = plain(entry.get("campaign")) or {}
    if not langs:
        diags.append(error(Position(display, 1, 1), "no languages configured",
                           "an i18n plugin entry with `languages:`"))
        return None, diags
    return SiteConfig(root, root / docs, tuple(langs), default or langs[0], site_url, theme_dir,
                      options if isinstance(options, dict) else {}, tuple(_nav(top.node("nav"), display)),
                      names, display), diags
