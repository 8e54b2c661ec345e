"""MkDocs adapter: hooks that call the engine-neutral build (``campaign.build``), nothing more.

mkdocs-static-i18n runs every hook once per language; the build is started (content
loaded, checked and the PDFs made) in the first ``on_config``, before MkDocs cleans the
output folder, so a content error stops everything and leaves a built site untouched.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from campaign.adapters.mkdocs import i18n, reuse
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
        # the preview worker's reuse of earlier renderings (``reuse``): this build's keys
        self._files_fp = self._config_fp = self._theme_fp = self._nav_fp = None
        self._uses_date = True
        self._md: dict[str, tuple[str | None, dict | None]] = {}  # src → (key, reused rendering)
        self._themed: dict[str, str | None] = {}  # src → key of a template output to keep
        self._env = None

    def on_config(self, config):
        if self.build is None:
            if not reuse.in_memory():  # the preview's worker keeps its own, in memory
                address = hashlib.sha256((config.site_url or "").encode()).hexdigest()[:12]
                reuse.use_disk(Path(config.config_file_path).parent / ".cache" / "pages" / address)
            try:
                self.build = SiteBuild.start(Path(config.config_file_path), site_url=config.site_url)
            except ContentError as exc:
                raise PluginError(str(exc)) from None
            for line in report(self.build.warnings).splitlines():
                log.warning(line)
        if reuse.active():
            reuse.skip_kept_renders()
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
        if reuse.active():
            self._env = env
            self._config_fp = reuse.config(config)
            self._theme_fp = reuse.theme_files(config.theme.dirs)
            self._uses_date = reuse.theme_mentions(config.theme.dirs, self._theme_fp, "build_date_utc")
            self._nav_fp = None
        return env

    @event_priority(-110)  # after i18n (-100) has made this language's file list
    def on_files(self, files, config):
        known = i18n.known_pages(files)
        site = self.build.project.site
        for spec in self.build.pages(self.lang):
            if spec.rel not in known or spec.generated is not None:
                i18n.add_page(files, config, self.lang, spec.rel, spec.source_lang, spec.url,
                              site.alternates(spec.rel), self.build.body(self.lang, spec.rel))
        if reuse.active():
            self._files_fp = reuse.key("files", sorted((f.src_uri, f.dest_uri, f.url) for f in files))
        return files

    def _rel(self, page) -> str:
        return i18n.rel_of(page.file, self.build.languages)

    def on_page_read_source(self, page, config):
        # The header was read by the project: MkDocs gets the body only, never reads YAML itself.
        return self.build.body(self.lang, self._rel(page)) if self.build.page(self.lang, self._rel(page)) else None

    @event_priority(-100)  # last: what it returns is what MkDocs renders
    def on_page_markdown(self, markdown, page, config, files):
        rel = self._rel(page)
        if self.build.page(self.lang, rel) is not None:
            page.meta = self.build.engine_meta(self.lang, rel)
            markdown = self.build.engine_markdown(self.lang, rel, markdown)
        if reuse.active():
            k = reuse.key("markdown", reuse.digest(markdown), page.file.src_uri, page.file.dest_uri, page.url,
                          self._files_fp, self._config_fp)
            hit = reuse.markdown_hit(k)
            self._md[page.file.src_uri] = (k, hit)
            if hit is not None:
                reuse.mark_kept(page)
                return ""  # rendered before: MkDocs renders nothing, on_page_content puts it back
            reuse.start_capture()
        return markdown

    @event_priority(100)  # first: the others see the page's HTML, reused or not
    def on_page_content(self, html, page, config, files):
        if reuse.active():
            k, hit = self._md.pop(page.file.src_uri, (None, None))
            if hit is not None:
                html = reuse.markdown_apply(hit, page, files)
            else:
                reuse.markdown_store(k, page)
        return self.build.rendered(self.lang, self._rel(page), page.url, page.title or "", html)

    @event_priority(-100)  # last: the key describes the context the template gets
    def on_page_context(self, context, page, config, nav):
        context["campaign"] = self.build.context(self.lang, self._rel(page))
        context["_"] = translator(self.lang)
        if reuse.active():
            if self._nav_fp is None:
                self._nav_fp = reuse.key("nav", reuse.nav(nav.items), nav.homepage and nav.homepage.url)
            template = page.meta.get("template", "main.html")
            values = {k: v for k, v in context.items() if k not in ("page", "nav", "config", "pages")
                      and (k != "build_date_utc" or self._uses_date)}
            k = reuse.key("page", template, self._theme_fp, self._config_fp, self._nav_fp, config.extra,
                          reuse.page(page), values)
            hit = reuse.themed_hit(k, page.file.dest_uri)
            self._themed[page.file.src_uri] = k if hit is None else None
            if hit is not None:  # the template gives the kept HTML as it is (``reuse.kept``)
                reuse.keep(self._env.get_template(template))
                context[reuse.KEPT] = hit
        return context

    @event_priority(100)  # first: what the template made, before any plugin changes it
    def on_post_page(self, output, page, config):
        if reuse.active():
            k = self._themed.pop(page.file.src_uri, None)
            if k is not None:
                reuse.themed_store(k, output)
        return output

    def on_template_context(self, context, template_name, config):
        context["campaign"] = self.build.context(self.lang, "")
        context["_"] = translator(self.lang)
        return context

    def on_post_build(self, config):
        if self.build.finish_language(self.lang, Path(config.site_dir)):
            theme = Theme(tuple(self.config.stylesheets), tuple(self.config.scripts), THEME.theme_css, THEME.unused)
            self.build.finish(Path(config.site_dir), theme)
            reuse.finish_build()
            if reuse.active():
                log.info("Kept from earlier builds: %s", reuse.stats())
                if os.environ.get("CAMPAIGN_REUSE_DEBUG"):
                    log.info("Themed anew: %s", " ".join(sorted(reuse.anew())))

    def on_build_error(self, error):
        if self.build is not None:
            self.build.close()
