"""Work kept between builds: a page's Markdown HTML and its themed HTML.

Every build is a whole build, so what it makes is always what a build from nothing makes;
this makes it cheap. Each page's Markdown rendering and each page's template rendering is
kept under a key made of *everything* it is made from: the Markdown and the pages it can
link to; or the page's content, title, table of contents, header, its neighbours, the whole
navigation, the configuration and every value the template is given; and, for what is kept
on disk, the campaign's code and the versions of the engine, theme and Markdown. A value
this module does not know how to describe (an object it cannot see into) makes a key that
never matches: a miss costs time, never a stale page.

Two stores: in memory for the preview's worker (``worker.py``: the code cannot change under
it; the preview starts a new worker when it does), on disk for every other build
(``.cache/pages/``, one folder per site address; after a successful build, what it did not
use is deleted, so the folder stays the size of one site).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import json
import logging
import os
import types
from collections.abc import Mapping
from pathlib import Path, PurePath

from campaign.core import memo

KEPT = "campaign_reuse"  # in a page's context: the output kept from an earlier build
FORMAT = 1  # how entries are written (part of every key)
_stats = {"markdown": [0, 0], "page": [0, 0]}  # hits, misses
_anew: list[str] = []  # the pages this build themed anew (what an edit turned out to change)


class _Store:
    """Values by kind and key, in memory or in a folder; ``used`` is what this build read or wrote."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.memory: dict[str, dict[str, str]] = {}
        self.used: set[tuple[str, str]] = set()

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key

    def get(self, kind: str, key: str) -> str | None:
        if self.folder is None:
            value = self.memory.get(kind, {}).get(key)
        else:
            value = memo.read(self._path(kind, key))
        if value is not None:
            self.used.add((kind, key))
        return value

    def put(self, kind: str, key: str, value: str) -> None:
        self.used.add((kind, key))
        if self.folder is None:
            self.memory.setdefault(kind, {})[key] = value
            return
        memo.write(self._path(kind, key), value)

    def sweep(self) -> None:
        """Forget what the last build did not use."""
        if self.folder is None:
            for kind, values in self.memory.items():
                for k in [k for k in values if (kind, k) not in self.used]:
                    del values[k]
        elif self.folder.is_dir():
            for kind in os.listdir(self.folder):
                for root, _, names in os.walk(self.folder / kind):
                    for name in names:
                        if (kind, name) not in self.used:
                            try:
                                os.unlink(os.path.join(root, name))
                            except OSError:
                                pass
        self.used.clear()


_store: list[_Store] = []


def enable() -> None:
    """In memory, for the preview's worker (between its builds, call ``new_build``)."""
    _store[:] = [_Store()]
    memo.keep_in_memory()


def use_disk(folder: Path) -> None:
    """On disk, for one build (``finish_build`` after it succeeded)."""
    _store[:] = [_Store(Path(folder))]


def active() -> bool:
    return bool(_store)


def in_memory() -> bool:
    return bool(_store) and _store[0].folder is None


def stats() -> str:
    return ", ".join(f"{k} {h} reused of {h + m}" for k, (h, m) in _stats.items())


def anew() -> list[str]:
    """The output paths of the pages this build themed anew (not taken from an earlier build)."""
    return list(_anew)


def new_build() -> None:
    """Keep only what the last build used: the memory stays the size of one site."""
    memo.sweep()
    for v in _stats.values():
        v[:] = [0, 0]
    _anew.clear()
    if _store and _store[0].folder is None:
        _store[0].sweep()


def finish_build() -> None:
    """After a successful build on disk: delete what it did not use."""
    if _store and _store[0].folder is not None:
        _store[0].sweep()


@functools.lru_cache(maxsize=1)
def environment() -> str:
    """What a kept rendering also depends on, beyond its key's values: the campaign's code and
    templates, and the versions of the engine, theme, Markdown and i18n."""
    from importlib.metadata import PackageNotFoundError, version

    import campaign

    package = Path(campaign.__file__).parent
    h = hashlib.sha256(f"{FORMAT}".encode())
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown", "pymdown-extensions", "jinja2",
                 "markupsafe", "babel", "properdocs"):
        try:
            h.update(f"{name}={version(name)};".encode())
        except PackageNotFoundError:
            h.update(f"{name}=-;".encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".js", ".css", ".txt", ".json"):
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


# -- describing values ------------------------------------------------------------

class _Unknown(Exception):
    pass


def describe(obj, depth: int = 0):
    """A plain, comparable description of ``obj`` (nested tuples of text and numbers).
    Raises ``_Unknown`` for anything it cannot see into."""
    if depth > 40:
        raise _Unknown("too deep")
    if obj is None or isinstance(obj, (bool, int, float, str, bytes)):
        return obj if not isinstance(obj, str) else str(obj)  # Markup → str
    if isinstance(obj, (list, tuple)):
        return tuple(describe(x, depth + 1) for x in obj)
    if isinstance(obj, (set, frozenset)):
        return ("set", tuple(sorted(repr(describe(x, depth + 1)) for x in obj)))
    fp = getattr(type(obj), "campaign_fingerprint", None)
    if fp is not None:  # our own objects say what they are
        return (type(obj).__qualname__, describe(obj.campaign_fingerprint, depth + 1))
    if isinstance(obj, Mapping):
        return ("map", tuple((str(k), describe(v, depth + 1)) for k, v in sorted(obj.items(), key=lambda i: str(i[0]))
                             if not str(k).startswith("_")))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__qualname__,) + tuple(describe(getattr(obj, f.name), depth + 1)
                                                for f in dataclasses.fields(obj))
    if isinstance(obj, (PurePath, dt.date, dt.datetime, dt.time, enum.Enum)) or \
            type(obj).__module__.startswith("babel."):  # a Locale
        return (type(obj).__qualname__, str(obj))
    if isinstance(obj, types.FunctionType) and obj.__closure__ is None:
        return ("function", obj.__module__, obj.__qualname__)  # code: a new worker when it changes
    if hasattr(obj, "getConfigs") and hasattr(obj, "extendMarkdown"):  # a Markdown extension
        return (type(obj).__module__, type(obj).__qualname__, describe(obj.getConfigs(), depth + 1))
    cfg = getattr(obj, "config", None)
    if type(obj).__module__.startswith(("mkdocs.", "mkdocs_", "material.", "campaign.")) and \
            isinstance(cfg, Mapping) and hasattr(obj, "on_config"):  # a plugin: its options
        return ("plugin", type(obj).__module__, type(obj).__qualname__, describe(cfg, depth + 1))
    raise _Unknown(type(obj).__qualname__)


def _stand_in(obj):
    """For ``json.dumps``: a JSON value standing for what JSON cannot write (``describe``'s rules)."""
    if isinstance(obj, (tuple, list)) or obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, Mapping) and not hasattr(type(obj), "campaign_fingerprint"):
        return {"__map__": {str(k): v for k, v in obj.items() if not str(k).startswith("_")}}
    if isinstance(obj, bytes):
        return ["__bytes__", obj.hex()]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [type(obj).__qualname__, {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}]
    if isinstance(obj, (set, frozenset)):
        return ["__set__", sorted(_json(x) for x in obj)]
    return ["__described__", repr(describe(obj))]  # the rest: as ``describe`` says (or _Unknown)


def _json(value) -> str:
    return json.dumps(value, default=_stand_in, sort_keys=True, ensure_ascii=False)


def key(*parts) -> str | None:
    """The SHA-256 of the parts' description; None when one of them cannot be described.
    JSON's C encoder writes the plain values (most of a page's context) ten times faster
    than ``describe`` walks them; what it cannot write goes through ``_stand_in``."""
    try:
        try:
            text = "j" + _json((environment(), parts))
        except (TypeError, ValueError):  # keys of mixed kinds, say: the slow, general way
            text = "d" + repr(describe((environment(), parts)))
    except _Unknown as exc:
        _debug(parts[0], exc)
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# configuration that does not reach a page's HTML, or reaches it only through the files
# (which pages exist) or the code (a new worker): the output folder changes every build
_NOT_RENDERED = {"site_dir", "exclude_docs", "not_in_nav", "draft_docs", "watch", "hooks", "extra"}


class _Never:
    """Stands for a value that could not be described: every key made with it is None."""


def config(cfg):
    """The configuration as templates and Markdown see it, less ``extra`` (changed per page
    by mkdocs-static-i18n: described with each page)."""
    return key("configuration", {k: v for k, v in cfg.items() if k not in _NOT_RENDERED}) or _Never()


def _debug(what, exc) -> None:
    if os.environ.get("CAMPAIGN_REUSE_DEBUG"):
        print(f"reuse: {what} cannot be described ({exc}): rendered every time", flush=True)


def toc(items) -> tuple:
    return tuple((t.title, t.id, t.level, toc(t.children)) for t in items)


def nav(items) -> tuple:
    """The whole navigation as every page's template sees it (titles, links, headers)."""
    out = []
    for item in items:
        out.append((type(item).__name__, item.title, getattr(item, "url", None), item.is_section,
                    item.is_page, item.is_link, describe(getattr(item, "meta", None) or {}),
                    getattr(item, "is_index", None), nav(getattr(item, "children", None) or ())))
    return tuple(out)


def page(p) -> tuple:
    """What the theme reads of a page (``page.*`` in Material's and our templates)."""

    def near(q):
        return None if q is None else (q.title, q.url)

    return (p.title, p.url, p.canonical_url, p.abs_url, p.edit_url, describe(p.meta), digest(p.content), toc(p.toc),
            p.is_homepage, near(p.previous_page), near(p.next_page), tuple(a.title for a in p.ancestors),
            p.file.src_uri, p.file.dest_uri, getattr(p.file, "locale", None))


def digest(text: str | None) -> str | None:
    """A long text by its SHA-256 (hashed in C; a key's JSON would copy and escape it)."""
    return None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _installed(top) -> bool:
    """A folder of an installed package (the theme): it changes only with the package's
    version, which ``environment`` holds; walking Material's 10,000 icons took a quarter of
    the reference site's build."""
    return any(part in ("site-packages", "dist-packages") for part in Path(top).resolve().parts)


def theme_files(dirs) -> str:
    """Every file of the theme's folders the project owns (``overrides/``), by name, size and time."""
    h = hashlib.sha256()
    for top in dirs:
        if _installed(top):
            h.update(f"{top}\n".encode())
            continue
        for root, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                h.update(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


_mentions: dict[tuple, bool] = {}


def theme_mentions(dirs, fingerprint: str, word: str) -> bool:
    """Whether any of the theme's files names ``word`` (a value no template uses is left out
    of the keys: the build time, different every build)."""
    k = (tuple(dirs), word, fingerprint)
    if k not in _mentions:
        found = False
        for top in dirs:
            for root, _, names in os.walk(top):
                for name in names:
                    if not name.endswith((".html", ".xml", ".txt", ".j2", ".jinja")):
                        continue  # templates only (not the icons)
                    try:
                        with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                            found = found or word in f.read()
                    except OSError:
                        pass
        _mentions[k] = found
    return _mentions[k]


# -- Markdown -------------------------------------------------------------------------

class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


_capture: list[_Records] = []


def markdown_hit(k: str | None) -> dict | None:
    text = _store[0].get("markdown", k) if k is not None and _store else None
    _stats["markdown"][0 if text is not None else 1] += 1
    return json.loads(text) if text is not None else None


def start_capture() -> None:
    """The warnings MkDocs gives while it renders a page (a broken link), kept to be given
    again when the page is reused."""
    h = _Records()
    logging.getLogger("mkdocs").addHandler(h)
    _capture[:] = [h]


def _toc_json(items) -> list:
    return [[t.title, t.id, t.level, _toc_json(t.children)] for t in items]


def _toc(items):
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    def link(title, id_, level, children):
        a = AnchorLink(title, id_, level)
        a.children = [link(*c) for c in children]
        return a

    return TableOfContents([link(*i) for i in items])


def markdown_store(k: str | None, page) -> None:
    records: list = []
    if _capture:
        h = _capture.pop()
        logging.getLogger("mkdocs").removeHandler(h)
        records = h.records
    if k is None or not _store:
        return
    links = {f.src_uri: dict(v) for f, v in (getattr(page, "links_to_anchors", None) or {}).items()}
    _store[0].put("markdown", k, json.dumps(
        {"content": page.content, "toc": _toc_json(page.toc), "title": page._title_from_render,
         "anchors": sorted(page.present_anchor_ids or ()), "links": links,
         "log": [(r.name, r.levelno, r.getMessage()) for r in records]}, ensure_ascii=False))


_KEPT_RENDER = "_campaign_kept_render"


def skip_kept_renders() -> None:
    """For a page whose rendering is kept, MkDocs would still make a Markdown converter with
    every extension to render an empty text (a quarter of a second at 1,400 pages): the page
    marked by ``mark_kept`` is left as an empty rendering, which ``markdown_apply`` fills."""
    from mkdocs.structure.pages import Page

    if getattr(Page.render, "_campaign_reuse", False):
        return
    real = Page.render

    def render(self, config, files):
        if not self.__dict__.pop(_KEPT_RENDER, False):
            return real(self, config, files)
        from mkdocs.structure.toc import TableOfContents

        self.content, self.toc, self._title_from_render, self.present_anchor_ids = "", TableOfContents([]), None, set()
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}  # as an empty rendering leaves it

    render._campaign_reuse = True
    Page.render = render


def mark_kept(page) -> None:
    setattr(page, _KEPT_RENDER, True)


def markdown_apply(hit: dict, page, files) -> str:
    page.toc = _toc(hit["toc"])
    page._title_from_render = hit["title"]
    page.present_anchor_ids = set(hit["anchors"])
    if hit["links"] or getattr(page, "links_to_anchors", None) is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(v) for src, v in hit["links"].items()
                                 if files.get_file_from_path(src) is not None}
    for name, level, message in hit["log"]:
        logging.getLogger(name).log(level, message)
    return hit["content"]


# -- templates --------------------------------------------------------------------------

def keep(template) -> None:
    """Make ``template.render`` give the kept output when the context carries one. MkDocs picks
    a page's template before plugins see its context: the template itself has to know. Only
    ``render`` changes: ``extends`` and ``include`` never call it."""
    if getattr(template, "_campaign_reuse", False):
        return
    real = template.render

    def render(*args, **kwargs):
        context = args[0] if args and isinstance(args[0], Mapping) else kwargs
        kept = context.get(KEPT)
        return kept if kept is not None else real(*args, **kwargs)

    template.render = render
    template._campaign_reuse = True


def themed_hit(k: str | None, dest: str) -> str | None:
    text = _store[0].get("page", k) if k is not None and _store else None
    _stats["page"][0 if text is not None else 1] += 1
    if text is None:
        _anew.append(dest)
    return text


def themed_store(k: str | None, output: str) -> None:
    if k is not None and _store:
        _store[0].put("page", k, output)
