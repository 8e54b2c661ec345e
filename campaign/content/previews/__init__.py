"""Link previews: Open Graph and Twitter card tags on every page, with a card picture.

A link shared in Messenger, Telegram or LINE shows a card made from these tags: the page's
title and description, and a 1200×630 picture drawn by Chromium with the shipped fonts
(Khmer shaped right, cached like posters). Ordinary pages get the site card (site name and
page title), Tour event pages a card with the event's title, date and place.

The theme prints the tags from ``campaign.og`` (``overrides/main.html``, block ``site_meta``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from babel.core import get_global

from campaign.content.base import ContentType, Page, register
from campaign.content.tour.view import coming_soon
from campaign.content.previews.cards import Card, PageInfo, card, event_of, missing_glyphs, page_infos
from campaign.content.previews.render import CardFile, card_key, draw
from campaign.core.diagnostics import Position, warning
from campaign.core.urls import absolute

__all__ = ["PreviewsType", "Previews", "og_locale"]

TOUR = "tour/index.md"  # whose card events not yet (or no longer) listed there are shared with


@dataclass
class Previews:
    """What ``prepare`` made: per (language, page) its card file; figures for reports."""
    cards: dict[tuple[str, str], CardFile] = field(default_factory=dict)
    infos: dict[str, dict[str, PageInfo]] = field(default_factory=dict)  # lang → rel → page
    rendered: int = 0
    seconds: float = 0.0


@functools.lru_cache(maxsize=None)
def og_locale(code: str) -> str:
    """``km`` → ``km_KH``: the language with its likely territory (CLDR), as Open Graph writes it."""
    likely = get_global("likely_subtags").get(code.replace("-", "_"), "")
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isupper() or p.isdigit()), "")
    return f"{parts[0] or code}_{territory}" if territory else code


def _source(project, lang: str, rel: str) -> Position:
    """Where a page's title is written: its file, or its event in the schedule."""
    event = event_of(project, rel)
    if event is not None and event.pos is not None:
        return event.pos
    src = project.site.page(lang, rel)
    return Position(src.display, 1, 1) if src is not None else Position(project.config.config_file, 1, 1)


@register
class PreviewsType(ContentType):
    name = "previews"
    requires = ("tour",)  # event cards; and it reads every other type's pages

    def prepare(self, project, out_dir, cache_dir):
        config = project.config
        result = Previews()
        cards: list[tuple[str, str, Card]] = []
        shared: list[tuple[str, str]] = []  # pages shown with the Tour's card
        soon = {e.id for e in coming_soon(project.schedule, project.today)}
        diags = []
        for lang in config.languages:
            infos = page_infos(project, lang)
            result.infos[lang] = infos
            name = config.site_names.get(lang) or "MIGRA-SAFE"
            for rel, info in infos.items():
                event = event_of(project, rel)
                if event is not None and event.id not in soon:
                    # a past event, or one months away (not yet on the Tour page): shared with
                    # the Tour's card, so the cards drawn stay as many as the Tour page lists
                    # (at most 50 events), not the whole programme (4,000 at 2,000 events)
                    shared.append((lang, rel))
                    continue
                c = card(project, info, name)
                lost = missing_glyphs(c.text)
                if lost:
                    diags.append(warning(_source(project, lang, rel),
                                         f"the link preview of this page ({lang}) has characters the shipped fonts "
                                         f"lack: {' '.join(lost)}", "letters of Khmer, Thai or Latin script (no emoji)"))
                cards.append((lang, rel, c))
        drawn, problems = draw([c for _, _, c in cards], cache_dir / "previews")
        for problem in problems:
            diags.append(warning(Position(config.config_file, 1, 1),
                                 f"link preview pictures were not drawn ({problem}); pages are shared without one",
                                 "a Chromium browser (./dev installs one)"))
        for lang, rel, c in cards:
            key = card_key(c)
            f = drawn.by_key.get(key)
            if f is not None:
                result.cards[(lang, rel)] = f
            if key in drawn.cut:
                diags.append(warning(_source(project, lang, rel),
                                     f"the title is too long for this page's link preview picture ({lang}): "
                                     "its end is cut off", "a shorter title"))
        for lang, rel in shared:
            if (lang, TOUR) in result.cards:
                result.cards[(lang, rel)] = result.cards[(lang, TOUR)]
        for path, data in drawn.files.items():
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        result.rendered, result.seconds = drawn.rendered, drawn.seconds
        return result, diags

    def page_context(self, project, page: Page, prepared: dict) -> dict:
        previews: Previews | None = (prepared or {}).get(self.name)
        infos = previews.infos.get(page.lang) if previews else None
        info = (infos or page_infos(project, page.lang)).get(page.rel)
        if info is None:
            return {}
        config = project.config
        name = config.site_names.get(page.lang) or "MIGRA-SAFE"
        og = {
            "title": info.title or name, "description": info.description, "type": "website",
            "url": absolute(config.site_url, page.url), "site_name": name,
            "locale": og_locale(page.lang),
            "alternates": [og_locale(code) for code in config.languages if code != page.lang],
            "image": None,
        }
        f = previews.cards.get((page.lang, page.rel)) if previews else None
        if f is not None:
            og["image"] = {"url": absolute(config.site_url, f.path), "width": f.width, "height": f.height,
                           "type": f.type, "alt": f.alt}
        return {"og": og}
