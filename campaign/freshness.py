"""Fact freshness: every "checked" date of every content type, against one maximum age.

A content type keeps each checked date as a ``campaign.core.checked.Checked`` (read with
``read_checked``, which records where the value is written). This module finds them in
the loaded models, whatever the type (hotlines, posters, or one added later), and asks
the one rule in ``core/checked.py`` whether each is stale. ``campaign check`` prints a
warning at the checked value; ``campaign status`` lists them under ``stale_facts``.

The age limit is ``fact_max_age_months`` under the ``campaign`` plugin in mkdocs.yml
(12 months by default); the build date is today, or the day of SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from campaign.content.base import StatusItem
from campaign.core.checked import MAX_AGE_OPTION, Checked, max_age_months, stale_warning
from campaign.core.diagnostics import Diagnostic, Position
from campaign.core.yamlsource import Map, Seq, parse_file

_LEAVES = (str, bytes, int, float, bool, dt.date, dt.datetime, dt.time, Path, type(None))


@dataclass(frozen=True)
class Fact:
    checked: Checked
    what: str  # "hotline 'th-doe-1694'", "poster 'money'"
    lang: str  # the language of the file it is in ("" for a data file shared by every language)

    @property
    def path(self) -> str:
        return self.checked.pos.path if self.checked.pos else ""


def facts(project) -> list[Fact]:
    """Every checked date with a position, in every content type's model (each once)."""
    out: list[Fact] = []
    seen: set[int] = set()
    for name, model in project.models.items():
        _walk(model, name, "", out, seen)
    return sorted(out, key=lambda f: (f.path, f.checked.pos.line if f.checked.pos else 0))


def _label(obj) -> str | None:
    for attr in ("id", "slug", "name"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return f"{type(obj).__name__.lower()} '{value}'"
    return None


def _walk(obj, what: str, lang: str, out: list[Fact], seen: set[int]) -> None:
    if isinstance(obj, _LEAVES):
        return
    if isinstance(obj, Checked):
        if obj.pos is not None:
            out.append(Fact(obj, what, lang))
        return
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        what = _label(obj) or what
        own = getattr(obj, "lang", None)
        lang = own if isinstance(own, str) else lang
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name, None), what, lang, out, seen)
    elif isinstance(obj, dict):
        for value in obj.values():
            _walk(value, what, lang, out, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for value in obj:
            _walk(value, what, lang, out, seen)


def max_age(config) -> tuple[int, list[Diagnostic]]:
    """The configured maximum age, and an error at its line in mkdocs.yml when it is not a number."""
    return max_age_months(config.options, option_position(config, MAX_AGE_OPTION))


def option_position(config, name: str) -> Position:
    """Where a campaign plugin option is written in mkdocs.yml (line 1 when it is not there)."""
    node, _ = parse_file(config.root / config.config_file, config.config_file)
    plugins = node.get("plugins") if isinstance(node, Map) else None
    for entry in plugins.items if isinstance(plugins, Seq) else ():
        campaign = entry.get("campaign") if isinstance(entry, Map) else None
        if isinstance(campaign, Map) and campaign.get(name) is not None:
            return campaign.get(name).pos
    return Position(config.config_file, 1, 1)


def stale(project) -> tuple[list[Fact], list[Diagnostic]]:
    """(stale facts, their warnings, plus an error if the age limit is unreadable)."""
    limit, diags = max_age(project.config)
    found = []
    for fact in facts(project):
        d = stale_warning(fact.checked, fact.what, project.today, limit)
        if d is not None:
            found.append(fact)
            diags.append(d)
    return found, diags


def diagnostics(project) -> list[Diagnostic]:
    return stale(project)[1]


def status_items(project) -> list[StatusItem]:
    limit, _ = max_age(project.config)
    return [StatusItem("stale_facts", fact.path, fact.lang,
                       f"{fact.what}: checked {fact.checked.text}, "
                       f"{fact.checked.age_months(project.today)} months ago (more than {limit})",
                       fact.checked.pos.line, extra={"checked": fact.checked.text,
                                                     "age_months": fact.checked.age_months(project.today),
                                                     "max_age_months": limit})
            for fact in stale(project)[0]]
