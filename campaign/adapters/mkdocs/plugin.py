"""MkDocs adapter: hooks that call the engine-neutral build (``campaign.build``), nothing more.

mkdocs-static-i18n runs every hook once per language; the build is started (content
loaded, checked and the PDFs made) in the first ``on_config``, before MkDocs cleans the
output folder, so a content error stops everything and leaves a built site untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from campaign.adapters.mkdocs import i18n
from campaign.adapters.mkdocs.config import CampaignConfig
from campaign.adapters.mkdocs.material import THEME
from campaign.build import SiteBuild, Theme
from campaign.core.diagnostics import ContentError, report
from campaign.core.markdown import CampaignExtension
from campaign.languages.catalog import translator

log = logging.getLogger("mkdocs.plugins.campaign")


class CampaignPlugin(BasePlugin[CampaignConfig]):
    def __init__(self) -> None:
        self.build: SiteBuild | None = None
        self.lang = ""

    def on_config(self, config):
        if self.build is None:
            try:
                self.build = SiteBuild.start(Path(config.config_file_path), site_url=config.site_url)
            except ContentError as exc:
                raise PluginError(str(exc)) from None
            for line in report(self.build.warnings).splitlines():
                log.warning(line)
        self.lang = i18n.current_language(config, self.build.project.config.default)
        if not any(isinstance(e, CampaignExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(CampaignExtension(numbers=self.build.tel_numbers()))
        return config

    def on_env(self, env, config, files):
        # MkDocs makes a new template environment for every language's build: keep the
        # compiled theme templates between builds (about a second on every build).
        from jinja2 import FileSystemBytecodeCache

        cache = Path(config.config_file_path).parent / ".cache" / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        return env

    @event_priority(-110)  # after i18n (-100) has made this language's file list
    def on_files(self, files, config):
        known = i18n.known_pages(files)
        site = self.build.project.site
        for spec in self.build.pages(self.lang):
            if spec.rel not in known or spec.generated is not None:
                i18n.add_page(files, config, self.lang, spec.rel, spec.source_lang, spec.url,
                              site.alternates(spec.rel), self.build.body(self.lang, spec.rel))
        return files

    def _rel(self, page) -> str:
        return i18n.rel_of(page.file, self.build.languages)

    def on_page_read_source(self, page, config):
        # The header was read by the project: MkDocs gets the body only, never reads YAML itself.
        return self.build.body(self.lang, self._rel(page)) if self.build.page(self.lang, self._rel(page)) else None

    def on_page_markdown(self, markdown, page, config, files):
        rel = self._rel(page)
        if self.build.page(self.lang, rel) is None:
            return markdown
        page.meta = self.build.engine_meta(self.lang, rel)
        return self.build.engine_markdown(self.lang, rel, markdown)

    def on_page_content(self, html, page, config, files):
        return self.build.rendered(self.lang, self._rel(page), page.url, page.title or "", html)

    def on_page_context(self, context, page, config, nav):
        context["campaign"] = self.build.context(self.lang, self._rel(page))
        context["_"] = translator(self.lang)
        return context

    def on_template_context(self, context, template_name, config):
        context["campaign"] = self.build.context(self.lang, "")
        context["_"] = translator(self.lang)
        return context

    def on_post_build(self, config):
        if self.build.finish_language(self.lang, Path(config.site_dir)):
            theme = Theme(tuple(self.config.stylesheets), tuple(self.config.scripts), THEME.theme_css, THEME.unused)
            self.build.finish(Path(config.site_dir), theme)

    def on_build_error(self, error):
        if self.build is not None:
            self.build.close()
