"""Work kept between the preview's builds: a page's Markdown HTML and its themed HTML.

The preview's worker (``worker.py``) builds the whole site again after every edit, so what it
serves is always what a full build makes; this makes the rebuild cheap. Each page's
Markdown rendering and each page's template rendering is kept in memory under a key made of
*everything* it is made from: the Markdown and the pages it can link to; or the page's
content, title, table of contents, header, its neighbours, the whole navigation, the
configuration and every value the template is given. A value this module does not know how
to describe (an object it cannot see into) makes a key that never matches: a miss costs time,
never a stale page. The code and the theme's files cannot change under a running worker: the
preview starts a new worker when they do.

Off unless ``enable()`` was called (the worker): a plain ``mkdocs build`` renders everything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import logging
import os
import types
from collections.abc import Mapping
from pathlib import PurePath

from campaign.core import memo

_state = {"on": False, "build": 0}
_markdown: dict[str, dict] = {}  # key → what Page.render made
_themed: dict[str, str] = {}  # key → the template's output
_used: set[str] = set()  # keys used by the current build (the rest is dropped after it)
KEPT = "campaign_reuse"  # in a page's context: the output kept from an earlier build


def enable() -> None:
    _state["on"] = True
    memo.keep_in_memory()


def active() -> bool:
    return _state["on"]


_stats = {"markdown": [0, 0], "page": [0, 0]}  # hits, misses


def stats() -> str:
    return ", ".join(f"{k} {h} reused of {h + m}" for k, (h, m) in _stats.items())


def new_build() -> None:
    """Keep only what the last build used: the memory stays the size of one site."""
    memo.sweep()
    for v in _stats.values():
        v[:] = [0, 0]
    for store in (_markdown, _themed):
        for key in [k for k in store if k not in _used]:
            del store[key]
    _used.clear()
    _state["build"] += 1


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
            text = "j" + _json(parts)
        except (TypeError, ValueError):  # keys of mixed kinds, say: the slow, general way
            text = "d" + repr(describe(parts))
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


def theme_files(dirs) -> str:
    """Every file of the theme's folders, by name, size and time (templates, partials)."""
    h = hashlib.sha256()
    for top in dirs:
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
    if k is None or not _state["on"] or k not in _markdown:
        _stats["markdown"][1] += 1
        return None
    _stats["markdown"][0] += 1
    _used.add(k)
    return _markdown[k]


def start_capture() -> None:
    """The warnings MkDocs gives while it renders a page (a broken link), kept to be given
    again when the page is reused."""
    h = _Records()
    logging.getLogger("mkdocs").addHandler(h)
    _capture[:] = [h]


def markdown_store(k: str | None, page) -> None:
    records: list = []
    if _capture:
        h = _capture.pop()
        logging.getLogger("mkdocs").removeHandler(h)
        records = h.records
    if k is None or not _state["on"]:
        return
    links = {f.src_uri: dict(v) for f, v in (getattr(page, "links_to_anchors", None) or {}).items()}
    _markdown[k] = {"content": page.content, "toc": page.toc, "title": page._title_from_render,
                    "anchors": set(page.present_anchor_ids or ()), "links": links,
                    "log": [(r.name, r.levelno, r.getMessage()) for r in records]}
    _used.add(k)


def markdown_apply(hit: dict, page, files) -> str:
    page.toc = hit["toc"]
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


def themed_hit(k: str | None) -> str | None:
    if k is None or not _state["on"] or k not in _themed:
        _stats["page"][1] += 1
        return None
    _stats["page"][0] += 1
    _used.add(k)
    return _themed[k]


def themed_store(k: str | None, output: str) -> None:
    if k is not None and _state["on"]:
        _themed[k] = output
        _used.add(k)
