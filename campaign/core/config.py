"""The few site settings the core needs, read from mkdocs.yml as plain data.

mkdocs.yml stays the one place where languages are declared (the i18n plugin
reads them there too); this reads them without importing MkDocs, so
``campaign check`` works the same with or without the engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from campaign.core.diagnostics import Diagnostic, Position, error
from campaign.core.fields import Fields
from campaign.core.yamlsource import Map, Scalar, Seq, parse_file


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    docs_dir: Path
    languages: tuple[str, ...]
    default: str
    site_url: str


def _env_value(node) -> str:
    """A plain value, or ``!ENV [NAME, ..., default]`` resolved as MkDocs does."""
    if isinstance(node, Seq):
        names = [n.text for n in node.items if isinstance(n, Scalar)]
        for name in names[:-1] if len(names) > 1 else names:
            if os.environ.get(name):
                return os.environ[name]
        return names[-1] if len(names) > 1 else ""
    return node.text if isinstance(node, Scalar) else ""


def read_site_config(config_file: Path) -> tuple[SiteConfig | None, list[Diagnostic]]:
    root = config_file.parent
    display = config_file.name
    node, diags = parse_file(config_file, display)
    top = Fields(node, diags, display, Position(display, 1, 1))
    if top.map is None:
        return None, diags
    docs = top.text("docs_dir", required=False) or "docs"
    site_url = _env_value(top.node("site_url"))
    langs: list[str] = []
    default = None
    plugins = top.node("plugins")
    entries = plugins.items if isinstance(plugins, Seq) else ()
    for entry in entries:
        if isinstance(entry, Map) and entry.get("i18n") is not None:
            i18n = Fields(entry.get("i18n"), diags, "the i18n plugin", entry.pos)
            for item in i18n.seq("languages", required=True):
                lf = Fields(item, diags, "a language", item.pos)
                locale = lf.text("locale", expected="a language code such as km")
                if locale:
                    langs.append(locale)
                    if lf.boolean("default"):
                        default = locale
    if not langs:
        diags.append(error(Position(display, 1, 1), "no languages configured",
                           "an i18n plugin entry with `languages:`"))
        return None, diags
    return SiteConfig(root, root / docs, tuple(langs), default or langs[0], site_url), diags
