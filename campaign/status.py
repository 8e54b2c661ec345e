"""What needs staff's attention: untranslated text, translations behind, text to review, old facts.

Every content type reports its own items (``ContentType.status``); the pages and the
interface catalogs are reported here, translations behind their source by
``campaign.drift`` and facts checked too long ago by ``campaign.freshness``. ``campaign status`` prints them; ``--json`` gives
the same as ``{"untranslated": [...], "outdated": [...], "review_needed": [...],
"stale_facts": [...]}``, each item with at least ``path`` and ``lang``.
"""

from __future__ import annotations

from campaign import drift, freshness
from campaign.content import REGISTRY, StatusItem
from campaign.languages.catalog import SOURCE_LANGUAGE
from campaign.languages.pack import language_name

KINDS = ("untranslated", "outdated", "review_needed", "stale_facts")
HEADINGS = {
    "untranslated": "Not translated yet (readers see another language)",
    "outdated": "Translations behind their source (the original changed since)",
    "review_needed": "Waiting for a native speaker's review",
    "stale_facts": "Facts checked too long ago (check them again and update `checked`)",
    "unrecorded": "Translations with no record of the version they were translated from",
}


def page_items(project) -> list[StatusItem]:
    site = project.site
    out = []
    for lang in site.languages:
        for rel in site.missing(lang):
            src = site.source_language(lang, rel)
            out.append(StatusItem("untranslated", f"docs/{lang}/{rel}", lang,
                                  f"page shown from docs/{src}/{rel}", extra={"source": f"docs/{src}/{rel}"}))
    for page in site.pages.values():
        if page.review_needed:
            out.append(StatusItem("review_needed", page.display, page.lang, "page"))
    for lang, cat in project.catalogs.items():
        missing = [m for m, s in cat.messages.items() if not s]
        if missing and lang != SOURCE_LANGUAGE:
            out.append(StatusItem("untranslated", cat.path, lang, f"{len(missing)} interface message(s)",
                                  extra={"count": len(missing)}))
        if cat.review:
            out.append(StatusItem("review_needed", cat.path, lang, "interface messages"))
    return out


def collect(project) -> list[StatusItem]:
    items = page_items(project) + drift.status_items(project) + freshness.status_items(project)
    for t in REGISTRY:
        if t.name in project.models:
            items += t.status(project)
    return items


def status_items(project) -> dict[str, list[dict]]:
    """The JSON form: each kind → list of items (sorted by path, language)."""
    items = collect(project)
    out: dict[str, list[dict]] = {k: [] for k in KINDS}
    extra: dict[str, list[dict]] = {}
    for item in sorted(items, key=lambda i: (i.kind, i.path, i.lang, i.what)):
        (out if item.kind in out else extra).setdefault(item.kind, []).append(item.as_dict())
    return {**out, **extra}


def status_text(project, data: dict[str, list[dict]]) -> str:
    lines = []
    for kind, items in data.items():
        heading = HEADINGS.get(kind, kind.replace("_", " ").capitalize())
        lines.append(f"{heading}: {len(items)}")
        by_lang: dict[str, list[dict]] = {}
        for item in items:
            by_lang.setdefault(item["lang"], []).append(item)
        for lang, group in by_lang.items():
            if lang:
                lines.append(f"  [{lang}] {language_name(lang, 'en')}")
            for item in group:
                where = item["path"] + (f":{item['line']}" if item.get("line") else "")
                lines.append(f"    {where}  {item['what']}")
    return "\n".join(lines)
