"""The protocol every content type follows, and the registry the build and the CLI loop over.

A content type (hotlines, the Tour, posters, guides…) is one sub-package of
``campaign.content`` with one class deriving from ``ContentType``. It says:

- ``load``: read and check its files → (model, diagnostics), never raising on bad content;
- ``markers``: the ``<!-- campaign:name args -->`` markers it expands in pages;
- ``ids``: the ids it defines, which marker arguments may name (``hotline`` → hotline ids);
- ``prepare``: heavy outputs (PDFs) made before anything is written, with their problems;
- ``pages``: pages it adds to each language's site; ``page_extras``: blocks under a page;
- ``files``: files it adds to each language's site (calendars, data);
- ``page_context``: values it gives the theme for a page (link previews);
- ``status``: what ``campaign status`` lists (untranslated, to review, stale facts).

Every method has a harmless default, so a new type is a few lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from campaign.core.diagnostics import Diagnostic, Position

if TYPE_CHECKING:
    from campaign.core.config import SiteConfig
    from campaign.core.pages import Site
    from campaign.project import Project


@dataclass(frozen=True)
class LoadContext:
    """What a loader may read: the site's settings, its pages, and the models loaded before it."""
    config: "SiteConfig"
    site: "Site"
    today: dt.date
    models: dict[str, Any]

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def languages(self) -> tuple[str, ...]:
        return self.config.languages

    @property
    def default(self) -> str:
        return self.config.default

    @property
    def langs(self):
        from campaign.core.localized import Languages

        return Languages(self.config.languages, self.config.default, self.config.fallbacks)


@dataclass(frozen=True)
class Page:
    """The page a marker or block is rendered for."""
    lang: str  # the language site it is on
    rel: str  # its path inside docs/<lang>/, e.g. "tour/index.md"
    url: str  # site-relative, e.g. "en/tour/"


@dataclass(frozen=True)
class MarkerCall:
    project: "Project"
    page: Page
    args: tuple[str, ...]
    prepared: Any = None  # what this content type's ``prepare`` returned (None in `campaign check`)

    @property
    def lang(self) -> str:
        return self.page.lang


@dataclass(frozen=True)
class Marker:
    """``<!-- campaign:<name> <arg>… -->`` in a page; ``args`` name the id kinds it takes."""
    name: str
    render: Callable[[MarkerCall], str]
    args: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class GeneratedPage:
    """A page a content type adds to a language's site, as if it were docs/<lang>/<rel>."""
    rel: str
    title: str
    markdown: str  # body, usually one marker
    description: str = ""
    meta: dict = field(default_factory=dict)
    text_lang: str = ""  # language of the text when it falls back to another one


@dataclass(frozen=True)
class StatusItem:
    """One line of ``campaign status``; ``kind`` is untranslated, outdated, review_needed or stale_facts."""
    kind: str
    path: str
    lang: str
    what: str
    line: int = 0
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"path": self.path, "lang": self.lang, "what": self.what,
                **({"line": self.line} if self.line else {}), **self.extra}


class ContentType:
    name: str = ""
    requires: tuple[str, ...] = ()  # content types whose models ``load`` reads
    markers: tuple[Marker, ...] = ()
    assets: dict[str, Path] = {}  # site path → file this type ships (scripts, images)
    scripts: dict[str, list[str]] = {}  # first folder of a page ("tour") → scripts its pages load

    def load(self, ctx: LoadContext) -> tuple[Any, list[Diagnostic]]:
        return None, []

    def ids(self, model: Any) -> dict[str, list[str]]:
        return {}

    def prepare(self, project: "Project", out_dir: Path, cache_dir: Path) -> tuple[Any, list[Diagnostic]]:
        return None, []

    def pages(self, project: "Project", lang: str) -> list[GeneratedPage]:
        return []

    def page_extras(self, project: "Project", page: Page, prepared: Any) -> str:
        return ""

    def files(self, project: "Project", lang: str, prepared: Any) -> dict[str, bytes]:
        return {}

    def page_context(self, project: "Project", page: Page, prepared: dict) -> dict:
        """Values this type gives the theme for a page (``campaign.<key>`` in templates)."""
        return {}

    def offline_pages(self, project: "Project") -> list[str]:
        """Pages (rel paths) this type wants saved for offline reading."""
        return []

    def status(self, project: "Project") -> list[StatusItem]:
        return []


class Registry:
    """Content types by name, in an order where each comes after what it requires."""

    def __init__(self) -> None:
        self._types: dict[str, ContentType] = {}

    def register(self, content_type: ContentType) -> ContentType:
        self._types[content_type.name] = content_type
        return content_type

    def unregister(self, name: str) -> None:
        self._types.pop(name, None)

    def __iter__(self):
        done: list[str] = []
        pending = dict(self._types)
        while pending:
            ready = [n for n, t in pending.items() if all(r in done or r not in self._types for r in t.requires)]
            if not ready:  # a cycle: keep registration order rather than loop forever
                ready = list(pending)
            for n in ready:
                done.append(n)
                yield pending.pop(n)

    def get(self, name: str) -> ContentType | None:
        return self._types.get(name)

    def markers(self) -> dict[str, tuple[ContentType, Marker]]:
        return {m.name: (t, m) for t in self for m in t.markers}


REGISTRY = Registry()


def register(content_type: type[ContentType] | ContentType):
    """Class decorator (or call) adding a content type to the registry."""
    REGISTRY.register(content_type() if isinstance(content_type, type) else content_type)
    return content_type


def at(path: str, line: int = 1, col: int = 1) -> Position:
    return Position(path, line, col)
