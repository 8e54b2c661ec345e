"""An engine-neutral build: what any static site engine needs from the campaign core.

An engine adapter (``campaign.adapters.mkdocs``) drives one ``SiteBuild``:

1. ``SiteBuild.start(config_file, …)`` loads and checks everything once and makes the
   PDFs into a temporary folder; every content problem raises ``ContentError`` before
   anything is written;
2. per language: ``pages(lang)`` lists every page of that language's site (its own
   files, pages shown from another language, pages content types generate);
   ``source(lang, rel)`` gives a page's header (read once, here) and Markdown;
   ``markdown(…)`` what to render; ``context(…)`` what the theme needs;
   ``rendered(…)`` collects the search text; ``finish_language(lang, site_dir)``
   writes the language's files (calendars, search index, app manifest);
3. ``finish(site_dir)`` once every language is done: PDFs, one stylesheet, the offline
   worker, the sitemap.

A Zensical or other engine would call the same methods (see DESIGN.md).
"""

from __future__ import annotations

import atexit
import re
import shutil
import signal
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from campaign import drift
from campaign.content import REGISTRY, GeneratedPage, MarkerCall, Page
from campaign.content.hotlines.view import WHERE
from campaign.core import markers, memo, templates
from campaign.core.diagnostics import ContentError, Diagnostic, errors
from campaign.core.markdown import tel_numbers
from campaign.languages.catalog import translator
from campaign.languages.pack import language_name, pack
from campaign.languages.scripts import unspaced_class
from campaign.project import Project, load, prepare
from campaign.web import fonts, offline, search, sitemap, styles

CACHE_DIR = ".cache"
# A held block's place in the Markdown: private-use characters nobody types, in a paragraph
# of its own (Markdown wraps it in <p>, or not, inside a list item).
_HOLD, _HOLD_END = "\ue000campaign-block-", "\ue001"
_HELD = re.compile("(?:<p>)?" + _HOLD + r"(\d+)" + _HOLD_END + "(?:</p>)?")


def _stop(signum, frame):
    raise SystemExit(128 + signum)


def stop_cleanly() -> None:
    """A build asked to stop (SIGTERM, sent by ``campaign build`` on Ctrl-C) unwinds like an
    exit, so its temporary folders are removed; only the main thread may set this."""
    if threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, _stop)


@dataclass(frozen=True)
class PageSpec:
    lang: str  # the language site the page is on
    rel: str  # path inside docs/<lang>/
    url: str  # site-relative
    source_lang: str  # the language of the file shown (another one when the page falls back)
    path: Path | None  # the file (None for generated pages)
    generated: GeneratedPage | None = None

    @property
    def is_fallback(self) -> bool:
        return self.source_lang != self.lang


def page_scripts(rel: str) -> list[str]:
    """The content types' scripts a page loads (chosen by its first folder, or its file name)."""
    return [s for t in REGISTRY for s in t.scripts.get(rel.split("/")[0], [])]


@dataclass(frozen=True)
class Theme:
    """What the engine's theme brings, told by the adapter (the core knows no theme)."""
    stylesheets: tuple[str, ...] = ()  # ours, merged after the theme's pruned CSS
    scripts: tuple[str, ...] = ()  # the project's scripts: class names they use survive pruning; saved offline
    theme_css: str = ""  # glob of the theme's own CSS in the built site
    unused: tuple[str, ...] = ()  # globs of theme files no page loads


@dataclass
class SiteBuild:
    project: Project
    prepared: dict[str, Any]
    print_dir: Path | None
    warnings: list[Diagnostic] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # languages whose build has finished
    records: dict[str, list] = field(default_factory=dict)  # language → search records
    _held: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # blocks kept out of Markdown
    _pages: dict[str, dict[str, PageSpec]] = field(default_factory=dict)

    # -- 1. load once --------------------------------------------------------------
    @classmethod
    def start(cls, config_file: Path, site_url: str | None = None, cache_dir: Path | None = None,
              render: bool = True) -> "SiteBuild":
        """Everything read and checked, PDFs laid out (text that does not fit is an error
        too), before anything is written; all problems raised together."""
        fonts.use_cache(Path(config_file).parent / CACHE_DIR / "fonts")
        memo.use(Path(config_file).parent / CACHE_DIR / "memo")
        project, diags = load(config_file, site_url)
        print_dir = None
        prepared: dict[str, Any] = {}
        if project is not None and render:  # laid out even with other errors: all reported at once
            stop_cleanly()
            print_dir = Path(tempfile.mkdtemp(prefix="campaign-print-"))
            atexit.register(shutil.rmtree, str(print_dir), True)  # also when stopped (SIGTERM, Ctrl-C)
            cache = cache_dir or Path(config_file).parent / CACHE_DIR / "posters"
            try:
                prepared, more = prepare(project, print_dir, cache)
            except BaseException:
                shutil.rmtree(print_dir, ignore_errors=True)
                raise
            diags += more
        if project is None or errors(diags):
            if print_dir is not None:
                shutil.rmtree(print_dir, ignore_errors=True)
            raise ContentError(diags)
        return cls(project, prepared, print_dir, [d for d in diags if d.severity != "error"])

    def close(self) -> None:
        if self.print_dir is not None:
            shutil.rmtree(self.print_dir, ignore_errors=True)
            self.print_dir = None

    # -- 2. per language -------------------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        return self.project.config.languages

    def pages(self, lang: str) -> list[PageSpec]:
        """Every page of ``lang``'s site: its files, fallbacks from other languages, generated pages."""
        if lang not in self._pages:
            site = self.project.site
            out: dict[str, PageSpec] = {}
            for rel in site.rels:
                src = site.page(lang, rel)
                out[rel] = PageSpec(lang, rel, site.url(lang, rel), src.lang, src.path)
            for t in REGISTRY:
                for gen in t.pages(self.project, lang):
                    out[gen.rel] = PageSpec(lang, gen.rel, site.url(lang, gen.rel), lang, None, gen)
            self._pages[lang] = out
        return list(self._pages[lang].values())

    def page(self, lang: str, rel: str) -> PageSpec | None:
        if lang not in self._pages:
            self.pages(lang)
        return self._pages[lang].get(rel)

    def meta(self, lang: str, rel: str) -> dict:
        """The page's header as read by the project (never re-read by the engine)."""
        spec = self.page(lang, rel)
        if spec is None:
            return {}
        if spec.generated is not None:
            g = spec.generated
            return {**g.meta, "title": g.title, **({"description": g.description} if g.description else {})}
        page = self.project.site.pages[(spec.source_lang, rel)]
        return dict(page.meta)

    def engine_meta(self, lang: str, rel: str) -> dict:
        """``meta`` for a template engine without autoescape: text values escaped once (Markup),
        so they land in HTML as text wherever the theme prints them."""
        return {k: (Markup(escape(v)) if isinstance(v, str) else v) for k, v in self.meta(lang, rel).items()}

    def body(self, lang: str, rel: str) -> str:
        """The page's Markdown, without its header."""
        spec = self.page(lang, rel)
        if spec is None:
            return ""
        if spec.generated is not None:
            return spec.generated.markdown
        return self.project.site.pages[(spec.source_lang, rel)].body

    def markdown(self, lang: str, rel: str, body: str | None = None) -> str:
        """The page's Markdown with notices, markers expanded and blocks added, in place."""
        return self.put_back(lang, rel, self.engine_markdown(lang, rel, body))

    def engine_markdown(self, lang: str, rel: str, body: str | None = None) -> str:
        """What the engine renders for the page: ``markdown`` with each added block held aside
        (a placeholder paragraph); ``rendered`` puts them back into the HTML."""
        spec = self.page(lang, rel)
        body = self.body(lang, rel) if body is None else body
        page = Page(lang, rel, spec.url if spec else self.project.site.url(lang, rel))
        known = REGISTRY.markers()

        held = self._held.setdefault((lang, rel), [])

        def hold(html: str) -> str:
            """The block's HTML is kept aside and put back into the rendered page (``rendered``):
            the engine's Markdown neither parses nor changes it (parsing our big blocks was a
            third of the build)."""
            if not html:
                return ""
            held.append(html)
            return f"{_HOLD}{len(held) - 1}{_HOLD_END}"

        def render(name: str, args: tuple[str, ...]) -> str:
            return hold(known[name][1].render(MarkerCall(self.project, page, args, self.prepared)))

        held.clear()
        out = markers.expand(body, render)
        extras = [hold(t.page_extras(self.project, page, self.prepared)) for t in REGISTRY]
        parts = [hold(self._notice_top(spec)), hold(self._notice_behind(spec)), out, *extras,
                 hold(self._notice_end(spec))]
        return "\n\n".join(x for x in parts if x) + "\n"

    def put_back(self, lang: str, rel: str, html: str) -> str:
        """The rendered page with the blocks ``markdown`` held aside in their places."""
        held = self._held.get((lang, rel)) or []
        return _HELD.sub(lambda m: held[int(m.group(1))] if int(m.group(1)) < len(held) else "", html)

    def _notice_top(self, spec: PageSpec | None) -> str:
        if spec is None or not spec.is_fallback:
            return ""
        _ = translator(spec.lang)
        return templates.fragment("core/notice.html", spec.lang, kind="untranslated", text=_(
            "This page is not translated into %(language)s yet. It is shown in %(source)s.",
            language=language_name(spec.lang, spec.lang), source=language_name(spec.source_lang, spec.lang)))

    def _notice_behind(self, spec: PageSpec | None) -> str:
        """A translation whose original changed after it was translated (``campaign.drift``)."""
        if spec is None or spec.is_fallback or spec.generated is not None:
            return ""
        source = drift.behind(self.project.site, spec.lang, spec.rel)
        if source is None:
            return ""
        _ = translator(spec.lang)
        return templates.fragment("core/notice.html", spec.lang, kind="outdated", text=_(
            "The original of this page (in %(source)s) has changed since it was translated. "
            "Some details here may be out of date.", source=language_name(source.lang, spec.lang)))

    def _notice_end(self, spec: PageSpec | None) -> str:
        """Text not yet reviewed by a native speaker: said once, small, after the content."""
        if spec is None or spec.is_fallback or not pack(spec.lang).review:
            return ""
        if spec.generated is not None:
            needed = self.project.schedule.review_needed if spec.rel.startswith("tour/") else False
        else:
            needed = self.project.site.pages[(spec.lang, spec.rel)].review_needed
        if not needed:
            return ""
        _ = translator(spec.lang)
        return templates.fragment("core/notice.html", spec.lang, kind="review",
                                  text=_("This text has not yet been checked by a native speaker."))

    def context(self, lang: str, rel: str) -> dict:
        """What the theme's templates use, as ``campaign`` (plus ``_`` for the catalog)."""
        site = self.project.site
        spec = self.page(lang, rel)
        order = sorted(site.languages, key=lambda x: x != site.default)
        extra: dict = {}
        if spec is not None:  # what content types add to every page's head (link previews…)
            page = Page(lang, rel, spec.url)
            for t in REGISTRY:
                extra.update(t.page_context(self.project, page, self.prepared))
        return {
            **extra,
            "lang": lang,
            "languages": list(site.languages),
            "source_lang": spec.source_lang if spec else lang,
            "alternates": [(code, site.url(code, rel), language_name(code)) for code in order],
            "home": {code: site.url(code, "index.md") for code in order},
            "callbar": [(h, WHERE[h.country]) for h in self.project.hotlines.callbar(self._country(spec))],
            "fonts": fonts.font_faces(lang),
            "unspaced": unspaced_class(),
            "site_name": self.project.config.site_names.get(lang, ""),
            "scripts": page_scripts(rel),
            "translate": lambda code: translator(code),
        }

    def _country(self, spec: PageSpec | None) -> str | None:
        """The country a page is about (its header's `country:`; Tour pages: Cambodia)."""
        if spec is None:
            return None
        if spec.generated is not None:
            return spec.generated.meta.get("country")
        return self.meta(spec.lang, spec.rel).get("country") or (
            "KH" if spec.rel.startswith("tour/") else None)

    def rendered(self, lang: str, rel: str, url: str, title: str, html: str) -> str:
        """The page's content HTML from the engine: the held blocks put back, its search record
        collected; returns the page's final content HTML."""
        html = self.put_back(lang, rel, html)
        spec = self.page(lang, rel)
        text_lang = spec.source_lang if spec else lang
        if spec and spec.generated is not None and spec.generated.text_lang:
            text_lang = spec.generated.text_lang
        if not (self.meta(lang, rel).get("search") or {}).get("exclude"):
            self.records.setdefault(lang, []).append(search.page_record(html, url, title, text_lang))
        self._held.pop((lang, rel), None)
        return html

    def language_files(self, lang: str) -> dict[str, bytes]:
        files: dict[str, bytes] = {}
        for t in REGISTRY:
            files.update(t.files(self.project, lang, self.prepared.get(t.name)))
        return files

    def finish_language(self, lang: str, site_dir: Path) -> bool:
        """Write ``lang``'s own files; True once every language is done (then call ``finish``)."""
        for rel, data in self.language_files(lang).items():
            (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / rel).write_bytes(data)
        start = self.project.site.url(lang, "index.md") or "./"
        _ = translator(lang)
        name = self.project.config.site_names.get(lang) or "MIGRA-SAFE"
        offline.write_manifest(site_dir, lang, name, _("MIGRA-SAFE"), start, offline.write_icons(site_dir))
        search.write_index(site_dir, lang, self.records.pop(lang, []))
        self.done.append(lang)
        return set(self.done) >= set(self.languages)

    # -- 3. once -------------------------------------------------------------------------
    def offline_pages(self) -> list[str]:
        config = self.project.config
        rels = list(config.option("offline_pages", ["index.md"]))
        for t in REGISTRY:
            rels += [r for r in t.offline_pages(self.project) if r not in rels]
        return rels

    def finish(self, site_dir: Path, theme: Theme) -> None:
        """Once every language is built: PDFs, one stylesheet, fonts, the offline worker, the sitemap."""
        site = self.project.site
        config = self.project.config
        if self.print_dir is not None:
            shutil.copytree(self.print_dir, site_dir, dirs_exist_ok=True)
        fonts.write_fonts(site_dir)
        for t in REGISTRY:
            for rel, src in t.assets.items():
                (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, site_dir / rel)
        styles.build_stylesheet(site_dir, list(theme.stylesheets), list(theme.scripts), theme.theme_css,
                                config.root / CACHE_DIR / "css")
        styles.remove(site_dir, theme.unused)
        offline_page = config.option("offline_page", "offline.md")
        # what the saved pages load: a page saved but never opened online works offline too
        scripts = [s for s in theme.scripts if (site_dir / s).is_file()]
        scripts += [s for rel in self.offline_pages() for s in page_scripts(rel) if s not in scripts]
        shared = [styles.SITE_CSS, *(f.path for f in fonts.web_fonts()), "assets/favicon.svg", *scripts]
        precache = {lang: [site.url(lang, rel) for rel in self.offline_pages()] + [offline.manifest_path(lang)]
                    for lang in site.languages}
        offline.write_service_worker(site_dir, precache, {lang: site.url(lang, offline_page) for lang in
                                                          site.languages}, shared, site.default)
        every = {spec.rel: {lang: self.page(lang, spec.rel).url for lang in site.languages}
                 for spec in self.pages(site.default)}
        sitemap.write_sitemap(site_dir, sitemap.sitemap_xml(config.site_url, every, site.default))
        self.close()

    # -- for the engine's Markdown -------------------------------------------------------
    def tel_numbers(self) -> dict[str, str]:
        return tel_numbers(self.project.hotlines)
