"""MkDocs adapter: the only module that knows MkDocs. Each hook calls the core.

mkdocs-static-i18n runs every hook once per language (it starts the other
languages' builds from its post-build step), so content is loaded and
validated once, in the first ``on_config``, before anything is written: a
content error stops the build and leaves an already built site untouched.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from campaign.web import fonts as assets
from campaign.core import diagnostics
from campaign.web import offline as postbuild
from campaign.content.tour import view as schedule_view
from campaign.web import search
from campaign.compose import compose, expand_markers, link_phone_numbers
from campaign.project import Project, load_project, render_print_files
from campaign.core.config import read_site_config
from campaign.strings import language_name, strings
from campaign.content.tour.pages import calendar_files, tour_pages

log = logging.getLogger("mkdocs.plugins.campaign")


class CampaignConfig(Config):
    # Pages kept on the phone for offline use, per language (paths inside docs/<lang>/).
    offline_pages = c.ListOfItems(c.Type(str), default=["index.md"])
    offline_page = c.Type(str, default="offline.md")
    # Our stylesheets, merged after the theme's pruned CSS into one file.
    stylesheets = c.ListOfItems(c.Type(str), default=[])
    # Scripts whose class names must survive CSS pruning.
    scripts = c.ListOfItems(c.Type(str), default=[])


class CampaignPlugin(BasePlugin[CampaignConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.lang: str | None = None
        self.built: list[str] = []  # languages whose build has finished
        self.generated: dict = {}  # rel → GeneratedPage for the language being built
        self.manifest = None  # the poster and guide files (campaign.content.posters.Manifest)
        self.print_dir: Path | None = None  # where they were rendered, copied in on_post_build
        self.search_records: dict[str, list] = {}  # language → one record per page

    # -- load once ---------------------------------------------------------
    def on_config(self, config):
        if self.project is None:
            self.project = self._load(config)
        i18n = config.plugins.get("i18n")
        self.lang = getattr(i18n, "current_language", None) or self.project.config.default
        return config

    def _load(self, config) -> Project:
        """Every content file read and checked, posters laid out (text that does not fit
        is an error too), before anything is written; all problems reported together."""
        site_config, diags = read_site_config(Path(config.config_file_path))
        project = None
        if site_config is not None:
            # MkDocs' own value: `serve` replaces it with the preview address.
            site_config = replace(site_config, site_url=config.site_url or site_config.site_url)
            project, more = load_project(site_config)
            diags += more
        if project is not None:
            self.print_dir = Path(tempfile.mkdtemp(prefix="campaign-print-"))
            cache = Path(config.config_file_path).parent / ".cache" / "posters"
            self.manifest, more = render_print_files(project, self.print_dir, cache)
            diags += more
        for d in sorted(set(diags)):
            if d.severity != "error":
                log.warning(str(d))
        if diagnostics.errors(diags) or project is None:
            if self.print_dir is not None:
                shutil.rmtree(self.print_dir, ignore_errors=True)
            raise PluginError(str(diagnostics.ContentError(diags)))
        return project

    # -- pages i18n does not know: other-language-only pages, Tour pages -----------
    @event_priority(-110)  # after i18n (-100) has built this language's file list
    def on_files(self, files, config):
        self._add_fallback_pages(files, config)
        self._add_tour_pages(files, config)
        for f in files.documentation_pages():  # every page is in every language
            rel = getattr(f, "norm_src_uri", None)
            if rel is not None and hasattr(f, "alternates"):
                f.alternates = {**self._alternates(f, rel), **f.alternates}
        return files

    def _add_fallback_pages(self, files, config) -> None:
        """Pages only another language has (i18n falls back from the default only)."""
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
            f.alternates = self._alternates(f, rel)
            files.append(f)
            self._add_to_sitemap(f, config)

    def _add_tour_pages(self, files, config) -> None:
        site = self.project.site
        self.generated = {}
        for gen in tour_pages(self.project, self.lang):
            f = File.generated(config, f"{self.lang}/{gen.rel}", content=gen.markdown)
            f.dest_uri = site.url(self.lang, gen.rel) + "index.html"
            f.locale = f.localization = f.locale_alternate_of = self.lang
            f.norm_src_uri = gen.rel
            f.alternates = self._alternates(f, gen.rel)
            files.append(f)
            self.generated[gen.rel] = gen
            self._add_to_sitemap(f, config)

    def _add_to_sitemap(self, f, config) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is not None:  # i18n's sitemap lists what it collected in its own on_files
            i18n.i18n_files_per_language.setdefault(self.lang, []).append(f)

    def _alternates(self, f, rel: str) -> dict:
        """i18n's per-file alternates, which its sitemap turns into hreflang links: the
        other languages' pages are built later, so stand-ins carry just their URL."""
        site = self.project.site
        return {lang: f if lang == self.lang else SimpleNamespace(url=site.url(lang, rel), page=None)
                for lang in site.languages}

    # -- page content ----------------------------------------------------------
    def on_page_markdown(self, markdown, page, config, files):
        rel = _rel(page)
        if "title" in page.meta and rel not in self.generated:
            # Themes insert titles unescaped (MkDocs' Jinja has no autoescape).
            page.meta["title"] = str(escape(page.meta["title"]))
        if rel in self.generated:
            return expand_markers(markdown, self.project, self.lang, rel, self.manifest)
        return compose(markdown, self.project, self.lang, rel, self.manifest)

    def on_page_context(self, context, page, config, nav):
        rel = _rel(page)
        site = self.project.site
        context["campaign"] = {
            "lang": self.lang,
            "source_lang": site.source_language(self.lang, rel) or self.lang,
            "alternates": [(lang, site.url(lang, rel), language_name(lang))
                           for lang in sorted(site.languages, key=lambda x: x != site.default)],
            "primary_hotline": self.project.hotlines.primary,
            "fonts": assets.font_faces(),
            "strings": strings(self.lang),
            # the schedule's filters and today-correction, only where a schedule is shown
            "scripts": ["assets/javascripts/schedule.js"] if rel.startswith("tour/") else [],
            # The service worker shows the offline page at whatever address failed to
            # load: a <base> keeps its links and styles pointing where they should.
            "base_href": page.canonical_url if rel == self.config.offline_page else None,
        }
        return context

    # -- search ------------------------------------------------------------------
    def on_page_content(self, html, page, config, files):
        """Collect this language's search record (written by ``on_post_build``)."""
        text_lang = self.project.site.source_language(self.lang, _rel(page)) or self.lang
        records = self.search_records.setdefault(self.lang, [])
        records.append(search.page_record(html, page.url, page.title, text_lang))
        return html

    def on_template_context(self, context, template_name, config):
        context["campaign"] = {"lang": self.lang, "alternates": [],
                               "primary_hotline": self.project.hotlines.primary,
                               "fonts": assets.font_faces(), "strings": strings(self.lang)}
        return context

    def on_post_page(self, output, page, config):
        return link_phone_numbers(output, self.project.hotlines)

    # -- files the core makes ------------------------------------------------------
    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        site = self.project.site
        assets.write_assets(site_dir)
        for rel, data in calendar_files(self.project, self.lang).items():
            (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / rel).write_bytes(data)
        schedule_js = site_dir / "assets/javascripts/schedule.js"
        schedule_js.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(schedule_view.ASSET_JS, schedule_js)
        start = site.url(self.lang, "index.md") or "./"
        postbuild.write_manifest(site_dir, self.lang, config.site_name,
                                 strings(self.lang).get("short_name", config.site_name), start,
                                 postbuild.write_icons(site_dir))
        search.write_index(site_dir, self.lang, self.search_records.pop(self.lang, []))
        self.built.append(self.lang)
        if set(self.built) >= set(site.languages):
            self._finish(site_dir)

    def _finish(self, site_dir: Path) -> None:
        """Once every language is built: one stylesheet, the offline worker."""
        site = self.project.site
        if self.print_dir is not None:
            shutil.copytree(self.print_dir, site_dir, dirs_exist_ok=True)
            shutil.rmtree(self.print_dir, ignore_errors=True)
            self.print_dir = None
        postbuild.build_stylesheet(site_dir, list(self.config.stylesheets), list(self.config.scripts))
        postbuild.remove_unused_theme_files(site_dir)
        shared = [postbuild.SITE_CSS, *(f.path for f in assets.web_fonts()), "assets/favicon.svg"]
        precache = {lang: [site.url(lang, rel) for rel in [*self.config.offline_pages, self.config.offline_page]]
                    + shared + [postbuild.manifest_path(lang)] for lang in site.languages}
        offline = {lang: site.url(lang, self.config.offline_page) for lang in site.languages}
        postbuild.write_service_worker(site_dir, precache, offline, site.default)


def _rel(page) -> str:
    """A page's path inside its language folder (``rights.md``), whatever language shows it."""
    return getattr(page.file, "norm_src_uri", None) or PurePosixPath(page.file.src_uri).as_posix()
