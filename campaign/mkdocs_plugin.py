"""MkDocs adapter: the only module that knows MkDocs. Each hook calls the core.

mkdocs-static-i18n runs every hook once per language (it starts the other
languages' builds from its post-build step), so content is loaded and
validated once, in the first ``on_config``, before anything is written: a
content error stops the build and leaves an already built site untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from . import assets, diagnostics
from .compose import compose
from .project import Project, load_project
from .siteconfig import read_site_config
from .strings import language_name, strings

log = logging.getLogger("mkdocs.plugins.campaign")


class CampaignConfig(Config):
    data_dir = c.Type(str, default="data")


class CampaignPlugin(BasePlugin[CampaignConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.lang: str | None = None

    # -- load once ---------------------------------------------------------
    def on_config(self, config):
        if self.project is None:
            self.project = self._load(Path(config.config_file_path))
        i18n = config.plugins.get("i18n")
        self.lang = getattr(i18n, "current_language", None) or self.project.config.default
        return config

    def _load(self, config_file: Path) -> Project:
        site_config, diags = read_site_config(config_file)
        project = None
        if site_config is not None:
            project, more = load_project(site_config)
            diags += more
        for d in sorted(set(diags)):
            if d.severity != "error":
                log.warning(str(d))
        if diagnostics.errors(diags) or project is None:
            raise PluginError(str(diagnostics.ContentError(diags)))
        return project

    # -- pages that exist in another language only ----------------------------
    @event_priority(-110)  # after i18n (-100) has built this language's file list
    def on_files(self, files, config):
        site = self.project.site
        present = {getattr(f, "norm_src_uri", None) for f in files.documentation_pages()}
        for rel in site.missing(self.lang):
            if rel in present:  # i18n already fell back to the default language
                continue
            source = site.source_language(self.lang, rel)
            dest = site.url(self.lang, rel) + "index.html"
            # Named as if it were this language's file, so nav entries find it;
            # read from the language that has it.
            f = File(f"{self.lang}/{rel}", config.docs_dir, config.site_dir,
                     config.use_directory_urls, dest_uri=dest)
            f.abs_src_path = str(Path(config.docs_dir) / source / rel)
            # the attributes i18n gives its own files, so its templates work
            f.locale, f.localization, f.locale_alternate_of = source, source, self.lang
            f.norm_src_uri = rel
            f.alternates = {self.lang: f}
            files.append(f)
        return files

    # -- page content ----------------------------------------------------------
    def on_page_markdown(self, markdown, page, config, files):
        rel = getattr(page.file, "norm_src_uri", None) or PurePosixPath(page.file.src_uri).as_posix()
        return compose(markdown, self.project, self.lang, rel)

    def on_page_context(self, context, page, config, nav):
        rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
        site = self.project.site
        context["campaign"] = {
            "lang": self.lang,
            "source_lang": site.source_language(self.lang, rel) or self.lang,
            "alternates": [(lang, site.url(lang, rel), language_name(lang))
                           for lang in sorted(site.languages, key=lambda x: x != site.default)],
            "primary_hotline": self.project.hotlines.primary,
            "fonts": assets.font_faces(),
            "strings": strings(self.lang),
        }
        return context

    def on_template_context(self, context, template_name, config):
        context["campaign"] = {"lang": self.lang, "alternates": [],
                               "primary_hotline": self.project.hotlines.primary,
                               "fonts": assets.font_faces(), "strings": strings(self.lang)}
        return context

    # -- files the core makes ------------------------------------------------------
    def on_post_build(self, config):
        assets.write_assets(Path(config.site_dir))
