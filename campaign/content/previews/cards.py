"""What every page's link preview says, and the card picture's HTML.

A page's preview (``og:*`` tags) takes its title and description from the page's header, or
from the content type that generates the page. Its picture is a card: the site's name and
the page's title, or for a Tour event its title, date and place (people decide from the
card alone whether to come). Text goes through the autoescaping Jinja environment; fonts
are the shipped files (``pdf_font_css``), so no system font draws a glyph.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from campaign.content.base import REGISTRY
from campaign.content.tour import labels as tour_labels
from campaign.core import memo
from campaign.core.templates import render
from campaign.languages.catalog import translator
from campaign.languages.dates import format_range
from campaign.languages.scripts import SCRIPTS, pdf_font_css

HERE = Path(__file__).parent
WIDTH, HEIGHT = 1200, 630  # what Facebook/Messenger, Telegram and LINE show large
_EVENT = re.compile(r"^tour/events/([a-z0-9-]+)\.md$")
_SHOWN_STATUS = ("cancelled", "postponed", "rescheduled")  # not "past": a card must not go stale
# Ordinary pages get a card with their own title: ~60-100 ms each when the cache is cold (128 cards
# for the reference site, 8-13 s on a busy 2-core machine), nothing once drawn. False: one site
# card per language for them (events keep theirs).
CARD_PER_PAGE = True


@dataclass(frozen=True)
class PageInfo:
    """A page as its preview sees it."""
    lang: str
    rel: str
    url: str  # site-relative
    title: str
    description: str
    text_lang: str  # language the title is written in (a fallback page's is another)


def page_infos(project, lang: str) -> dict[str, PageInfo]:
    """Every page of ``lang``'s site: the staff's pages (or their fallbacks), then generated ones."""
    site = project.site
    out: dict[str, PageInfo] = {}
    for rel in site.rels:
        src = site.page(lang, rel)
        if src is None:
            continue
        meta = src.meta or {}
        out[rel] = PageInfo(lang, rel, site.url(lang, rel), str(src.title or meta.get("title") or ""),
                            str(meta.get("description") or ""), src.lang)
    for t in REGISTRY:
        for g in t.pages(project, lang):
            out[g.rel] = PageInfo(lang, g.rel, site.url(lang, g.rel), g.title, g.description, g.text_lang or lang)
    home = out.get("index.md")
    fallback = home.description if home else ""
    # a page without a description is described like the site (a preview needs one)
    return {rel: p if p.description else PageInfo(p.lang, p.rel, p.url, p.title, fallback, p.text_lang)
            for rel, p in out.items()}


def event_of(project, rel: str):
    m = _EVENT.match(rel)
    return project.schedule.event(m.group(1)) if m else None


@dataclass(frozen=True)
class Card:
    lang: str
    html: str
    alt: str  # og:image:alt: what the picture says
    text: str  # every character drawn (to check the shipped fonts have them)


@functools.lru_cache(maxsize=1)
def _css() -> Markup:
    return Markup((HERE / "templates" / "card.css").read_text(encoding="utf-8"))


def place_text(event, lang: str) -> str:
    """Venue, district, province: short enough for a card (the event's page has the commune and village)."""
    p = event.place
    return ", ".join(x for x in (p.venue.get(lang), p.district.name(lang), p.province.name(lang)) if x)


def card(project, info: PageInfo, site_name: str) -> Card:
    """The card of one page: the site card, or an event's (kept while the preview's worker runs:
    700 cards at 600 pages are made again on every build)."""
    event = event_of(project, info.rel)
    return memo.recall("preview-card", (info, site_name, repr(event)), lambda: _card(event, info, site_name))


def _card(event, info: PageInfo, site_name: str) -> Card:
    lang = info.lang
    _ = translator(lang)
    # nothing from the site's address: cards stay the same for previews, tests and the public site
    title = info.title if CARD_PER_PAGE else site_name
    values = dict(kind="site", site_name=site_name, title=title or site_name, title_lang=info.text_lang,
                  kicker="", status="", status_label="", when="", where="")
    if event is not None:
        shown = event.status if event.status in _SHOWN_STATUS else ""
        values.update(kind="event", kicker=f"{_('Safe Migration Tour')} · {_(tour_labels.KIND[event.kind])}",
                      status=shown, status_label=_(tour_labels.STATUS[shown]) if shown else "",
                      title=event.title.get(lang), title_lang=event.title.lang_of(lang),
                      when=format_range(event.start, event.end, lang), where=place_text(event, lang))
        alt = " — ".join(x for x in (values["title"], values["status_label"], values["when"], values["where"]) if x)
    else:
        alt = f"{site_name} — {values['title']}" if values["title"] != site_name else site_name
    html = render("previews/card.html", lang, css=_css(), font_css=Markup(pdf_font_css()),
                  width=WIDTH, height=HEIGHT, **values)
    text = " ".join(str(values[k]) for k in ("site_name", "title", "kicker", "status_label", "when", "where"))
    return Card(lang, html, alt, text)


@functools.lru_cache(maxsize=1)
def _shipped() -> frozenset[int]:
    """Code points the shipped fonts draw."""
    from fontTools.ttLib import TTFont

    cps: set[int] = set()
    for s in SCRIPTS:
        for path in s.font_files:
            cps.update(TTFont(path, lazy=True)["cmap"].getBestCmap())
    return frozenset(cps)


def missing_glyphs(text: str) -> str:
    """Characters of ``text`` no shipped font has (a system font, or a box, would draw them)."""
    have = _shipped()
    return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in have and c not in "\u200b\u200c\u200d"}))
