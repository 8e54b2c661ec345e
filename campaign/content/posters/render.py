"""Render every poster (and guide) PDF and thumbnail, through the cache, then publish.

Order matters: everything is rendered into the cache and checked first; files
are copied to ``out_dir`` only when no error was found, so a bad poster never
leaves a half-written site.
"""

from __future__ import annotations

import functools
import io
import posixpath
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pikepdf

from campaign.content.guides.guide import render_guide
from campaign.content.hotlines.model import Hotlines
from campaign.content.posters.layout import FONT_FILES, FONT_NAMES, PosterPage, poster_html
from campaign.content.posters.source import Poster, group
from campaign.core.diagnostics import Diagnostic, Position, error, errors
from campaign.core.templates import overrides
from campaign.languages.catalog import catalog_fingerprint
from campaign.printing import printbox, thumbs
from campaign.printing.archive import zip_files
from campaign.printing.browser import Browser, chromium_version, in_browser_thread, session
from campaign.printing.cache import Cache, FileInfo, Manifest, file_hash, key_of, sha256
from campaign.printing.paper import BLEED_MM, PAPERS, Paper
from campaign.printing.qr import page_url

HERE = Path(__file__).parent
RENDER_VERSION = "posters-1"
MIN_FIT = 0.75  # text may shrink to 75 % of the design size before it counts as too long
ART_PAPER = PAPERS["a4"]  # posters are laid out once on A4; larger sizes scale it
MIN_FIT_BILINGUAL = 0.6  # two languages on one sheet: smaller text is expected
# Code and assets that decide the bytes of a PDF (part of every cache key).
_COMMON = ("../../printing/printbox.py", "../../printing/browser.py", "layout.py", "../../printing/paper.py",
           "../../printing/qr.py", "../../core/markdown.py", "../../core/templates.py",
           "../../languages/pack.py", "../../languages/scripts.py", "../../languages/dates.py",
           "../hotlines/view.py", "source.py")
POSTER_CODE = _COMMON + ("templates/poster.html", "templates/poster.css")
GUIDE_CODE = _COMMON + ("../guides/guide.py", "../guides/templates/guide.html", "../guides/templates/guide.css")


@dataclass(frozen=True)
class Job:
    path: str  # output path relative to out_dir
    key: str
    make_page: Callable[[], PosterPage]  # the HTML, made only when the PDF must be drawn
    paper: Paper
    variant: str  # office | print
    slug: str
    lang: str  # km | en | km-en
    title: str
    pdf_lang: str
    sources: tuple[Poster, ...]  # files named in diagnostics


def static_key(code: tuple[str, ...], browser_version: str) -> str:
    """Key part shared by every file of a kind: code, templates, fonts, browser, date."""
    parts = [RENDER_VERSION, browser_version, printbox.source_date() or "",
             f"min-fit {MIN_FIT} {MIN_FIT_BILINGUAL}"]
    for name in code:
        p = HERE / name
        parts.append(name + ":" + (file_hash(p) if p.is_file() else "-"))
    for p in FONT_FILES:
        parts.append(p.name + ":" + file_hash(p))
    for p in overrides("posters"):  # a project may override the templates
        parts.append(str(p) + ":" + file_hash(p))
    return key_of(*parts)


def inputs_key(parts: list[Poster], hotlines: Hotlines, url: str) -> str:
    """Everything from the content that decides a poster's HTML, without making the HTML (70
    posters' layouts and QR codes took half a second on every build): the posters' fields and
    text, the hotlines they print, the QR address, the interface messages of their languages."""
    used = [replace(h, pos=None) for h in (hotlines.get(i) for p in parts for i in (p.hotline, *p.also)) if h]
    # where the files are is not content (their pictures' bytes are hashed by the caller)
    content = [replace(p, path="", file=Path("."), body_line=0, image=None) for p in parts]
    langs = sorted({p.lang for p in parts})
    return key_of(repr(content), repr(used), url, repr([catalog_fingerprint(lang) for lang in langs]))


def pdf_path(slug: str, lang: str, paper: str, variant: str) -> str:
    return f"posters/pdf/{slug}-{lang}-{paper}-{variant}.pdf"


def archive_path(slug: str, lang: str) -> str:
    return f"posters/zip/{slug}-{lang}.zip"


def thumb_path(slug: str, lang: str) -> str:
    return f"posters/thumbs/{slug}-{lang}.webp"


def plan(posters: list[Poster], hotlines: Hotlines, site_url: str, base_key: str,
         languages: tuple[str, ...] | None = None, bilingual: tuple[tuple[str, str], ...] | None = None
         ) -> list[Job]:
    """Every PDF to produce: per poster and language, office A4 + its print sizes; per
    poster written in both languages of a ``bilingual`` pair, that version too."""
    jobs: list[Job] = []
    for slug, langs in group(posters).items():
        order = list(languages or langs)
        pairs = bilingual if bilingual is not None else default_pairs(tuple(order))
        variants: list[tuple[str, list[Poster]]] = [(lang, [langs[lang]]) for lang in order if lang in langs]
        variants += [(f"{a}-{b}", [langs[a], langs[b]]) for a, b in pairs if a in langs and b in langs]
        for code, parts in variants:
            main = parts[0]
            if hotlines.get(main.hotline) is None:
                continue  # already reported by load_posters
            url = page_url(site_url, slug, main.lang, default_lang=order[0])
            sizes = [s for s in main.sizes if all(s in p.sizes for p in parts)]
            images = b"".join(Path(i).read_bytes() for p in parts[:1] if p.image for i in [p.image])
            content = inputs_key(parts, hotlines, url)
            for paper_name, variant in [("a4", "office")] + [(s, "print") for s in sizes]:
                paper = PAPERS[paper_name]
                # every print size is the A4 print artwork, scaled (one layout, one render)
                make = functools.lru_cache(maxsize=1)(functools.partial(
                    poster_html, parts, hotlines, url, PAPERS["a4"], variant))
                key = key_of(base_key, content, sha256(images), paper_name, variant)
                jobs.append(Job(pdf_path(slug, code, paper_name, variant), key, make, paper,
                                variant, slug, code, " / ".join(p.title for p in parts),
                                main.lang, tuple(parts)))
    return jobs


def default_pairs(languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Without a setting: the default language with English (readers and partners both read it)."""
    return ((languages[0], "en"),) if len(languages) > 1 and "en" in languages[1:] else ()


def fonts_in(pdf: pikepdf.Pdf) -> set[str]:
    """Base font names (without subset prefix) used anywhere in the document."""
    names: set[str] = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
            base = str(obj.get("/BaseFont", ""))
            if base and obj.get("/Subtype") != pikepdf.Name.Type0:
                names.add(base.lstrip("/").split("+", 1)[-1])
    return names


def _check_art(job: Job, art: bytes, info: dict) -> tuple[list[str], int]:
    """Problems with one rendered page: overflow, extra pages, foreign fonts."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(art)) as pdf:
        pages = len(pdf.pages)
        foreign = sorted(fonts_in(pdf) - FONT_NAMES)
    label = "A4 office" if job.variant == "office" else "print-shop"
    if info.get("problems"):
        worst = max(mm for _, mm in info["problems"])
        where = sorted({w.split()[0] for w, _ in info["problems"]})
        problems.append(f"text does not fit on the {label} poster ({', '.join(where)} "
                        f"overflows by about {max(worst, 1)} mm even with the text made smaller)")
    if pages != 1:
        problems.append(f"the {label} poster came out as {pages} pages")
    if foreign:
        problems.append(f"the {label} poster uses system font(s) {', '.join(foreign)}: "
                        "some characters are not in the project fonts")
    return problems, pages


def _render_job(browser: Browser, job: Job, arts: dict[str, tuple[bytes, dict]]
                ) -> tuple[bytes | None, float, list[str], int]:
    """(PDF, text scale, problems, browser renders done); ``arts`` memoises artwork by HTML."""
    renders = 0
    page = job.make_page()
    if page.html not in arts:
        arts[page.html] = browser.print_html(
            page.html, page.page_w_mm, page.page_h_mm,
            min_fit=MIN_FIT_BILINGUAL if "-" in job.lang else MIN_FIT)
        renders = 1
    art, info = arts[page.html]
    problems, _ = _check_art(job, art, info)
    if problems:
        return None, float(info.get("fit", 1)), problems, renders
    pdf = printbox.compose(art, job.paper, job.variant == "print", job.title, job.pdf_lang,
                           subject=f"{job.slug} · {job.paper.label} · {job.variant}",
                           art_paper=ART_PAPER)
    return pdf, float(info.get("fit", 1)), [], renders


def _diagnose(job: Job, problems: list[str]) -> list[Diagnostic]:
    main = job.sources[0]
    others = ", ".join(p.path for p in job.sources[1:])
    what = " (bilingual version with " + others + ")" if others else ""
    out = []
    for msg in problems:
        if "does not fit" in msg or "pages" in msg:
            out.append(error(main.body_pos, msg + what,
                             "shorter text: fewer or shorter lines, or fewer list items"))
        else:
            out.append(error(Position(main.path, 1, 1), msg + what,
                             "letters of the shipped scripts (Khmer, Thai, Latin), digits and common "
                             "punctuation (no emoji)"))
    return out


def render_posters(posters: list[Poster], hotlines: Hotlines, site_url: str, out_dir: Path,
                   cache_dir: Path, guides=(), languages: tuple[str, ...] | None = None,
                   bilingual: tuple[tuple[str, str], ...] | None = None) -> tuple[Manifest, list[Diagnostic]]:
    """See ``_render_posters``; runs in its own thread, because Playwright's sync API
    refuses to start in a thread that already runs it (a test session, a host tool)."""
    return in_browser_thread(_render_posters, posters, hotlines, site_url, out_dir, cache_dir,
                             guides, languages, bilingual)


def _render_posters(posters: list[Poster], hotlines: Hotlines, site_url: str, out_dir: Path,
                    cache_dir: Path, guides=(), languages: tuple[str, ...] | None = None,
                    bilingual: tuple[tuple[str, str], ...] | None = None) -> tuple[Manifest, list[Diagnostic]]:
    """Render (or take from the cache) every poster PDF, thumbnail and guide PDF.

    Files go to ``out_dir`` at stable paths (see ``pdf_path``, ``thumb_path``,
    ``guide.guide_path``) only if there is no error. One browser for the whole
    build, started only if something is not in the cache.
    """
    if not site_url.startswith(("https://", "http://")):
        return Manifest(), [error(Position("mkdocs.yml", 1, 1),
                                  f"site_url is '{site_url}': the posters' QR codes need it",
                                  "site_url: https://… (the address the site is published at)")]
    out_dir, cache = Path(out_dir), Cache(Path(cache_dir))
    version = chromium_version()
    jobs = plan(posters, hotlines, site_url, static_key(POSTER_CODE, version), languages, bilingual)
    manifest = Manifest()
    diags: list[Diagnostic] = []
    blobs: dict[str, bytes] = {}  # out path → bytes
    failed: set = set()  # (slug, lang) and artwork HTML already reported
    arts: dict[str, tuple[bytes, dict]] = {}
    with session() as browser:
        for job in jobs:
            hit = cache.get(job.key, ".pdf")
            if hit:
                data, entry = hit
                fit = float(entry.get("fit", 1))
            else:
                if job.make_page().html in failed or (
                        "-" in job.lang and any((job.slug, p.lang) in failed for p in job.sources)):
                    continue  # already reported (same artwork, or its single-language poster)
                data, fit, problems, renders = _render_job(browser, job, arts)
                manifest.rendered_pdfs += 1
                manifest.browser_renders += renders
                if data is None:
                    diags += _diagnose(job, problems)
                    failed.update({(job.slug, job.lang), job.make_page().html})
                    continue
                cache.put(job.key, ".pdf", data)
            info = FileInfo(job.path, "poster", job.slug, job.lang, job.variant, job.paper.name,
                            BLEED_MM if job.variant == "print" else 0.0, "RGB", 1, len(data),
                            sha256(data), job.key, fit=fit, title=job.sources[0].title)
            cache.entries[job.key] = info.__dict__
            manifest.files.append(info)
            blobs[job.path] = data
        for g in guides:
            data, info, d, rendered = render_guide(
                g, hotlines, site_url, browser, cache, static_key(GUIDE_CODE, version))
            diags += d
            manifest.rendered_pdfs += 1 if rendered else 0
            manifest.browser_renders += rendered
            if data is not None:
                cache.entries[info.key] = info.__dict__
                manifest.files.append(info)
                blobs[info.path] = data
    # Thumbnails from the office A4 PDFs (what most people will print).
    for f in [f for f in manifest.files if f.kind == "poster" and f.variant == "office"]:
        key = key_of(f.sha256, thumbs.THUMB_VERSION)
        hit = cache.get(key, ".webp")
        if hit:
            data = hit[0]
        else:
            try:
                data = thumbs.thumbnail(blobs[f.path])
            except (OSError, subprocess.SubprocessError) as exc:
                diags.append(error(Position(f.path, 1, 1), f"cannot draw the thumbnail: {exc}",
                                   "poppler-utils installed (pdftoppm)"))
                continue
            cache.put(key, ".webp", data)
            manifest.rendered_thumbs += 1
        w, h = thumbs.size_of(data)
        info = FileInfo(thumb_path(f.slug, f.lang), "thumb", f.slug, f.lang, "thumb", "", 0.0,
                        "RGB", 1, len(data), sha256(data), key, w, h, title=f.title)
        cache.entries[key] = info.__dict__
        manifest.files.append(info)
        blobs[info.path] = data
    # One archive per poster and language version, for print shops that want every size.
    groups: dict[tuple[str, str], list[FileInfo]] = {}
    for f in manifest.files:
        if f.kind == "poster":
            groups.setdefault((f.slug, f.lang), []).append(f)
    for (slug, code), files in groups.items():
        data = zip_files([(posixpath.basename(f.path), blobs[f.path]) for f in files])
        info = FileInfo(archive_path(slug, code), "archive", slug, code, "archive", "", 0.0, "RGB",
                        len(files), len(data), sha256(data), sha256(data), title=files[0].title)
        manifest.files.append(info)
        blobs[info.path] = data
    if errors(diags):
        cache.save(_cached(manifest), prune=False)  # keep what did render for the next run
        return manifest, diags  # nothing written to the site: the build stops with every problem
    for rel, data in blobs.items():
        target = out_dir / rel
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    cache.save(_cached(manifest))
    return manifest, diags


def _cached(manifest: Manifest) -> Manifest:
    """What the cache keeps: rendered files (archives are cheap to make again)."""
    return Manifest([f for f in manifest.files if f.kind != "archive"])
