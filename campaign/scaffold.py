"""``campaign new``: start an event, a page or a poster the way the checks expect it.

- ``new event`` asks for (or takes as options) the province, district, date and kind,
  checks the place against the gazetteer (closest names on a typo), proposes a unique id
  ``<district>-<kind>-<date>`` and *appends* a commented event to tour_schedule.yaml:
  every byte already in the file stays as it was.
- ``new page NAME`` and ``new poster NAME`` write ``docs/<lang>/NAME.md`` (or
  ``docs/<lang>/posters/NAME.md``) for every configured language, with the header the
  checks want; a file that exists is never overwritten. A poster's placeholders make
  ``campaign check`` say exactly what is left to fill in.

Exit codes as every ``campaign`` command: 0 done, 1 content problems, 2 usage (a missing
option when nothing can be asked, a name that is not usable, a place not in the gazetteer).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from campaign.core.diagnostics import errors, report
from campaign.core.fields import YEARS, suggest
from campaign.core.slugs import is_id, suggest_id
from campaign.core.yamlsource import Map, Scalar, Seq, parse
from campaign.languages.catalog import SOURCE_LANGUAGE, translator
from campaign.languages.pack import language_name, pack

SCHEDULE = "tour_schedule.yaml"
EXAMPLE = "campaign new event --province Battambang --district Bavel --date 2026-12-05 --kind theatre"


class UsageError(Exception):
    pass


# -- small helpers -------------------------------------------------------------------

def yaml_text(value: str) -> str:
    """``value`` as a YAML scalar the project's reader keeps as written (quoted when needed)."""
    plain = (value and value == value.strip() and not re.search(r":\s|\s#|[\n\t\\]", value)
             and not value.startswith(("-", "?", ":", "!", "&", "*", "#", "|", ">", "%", "@", "`", "[", "{",
                                       '"', "'", ",", "]", "}"))
             and not value.endswith(":"))
    return value if plain else json.dumps(value, ensure_ascii=False)


def _load(config_file: Path):
    from campaign.project import load

    project, diags = load(config_file)
    if project is None:
        print(report(diags), file=sys.stderr)
    return project, diags


def _ask(label: str, default: str | None = None) -> str:
    prompt = f"{label}" + (f" [{default}]" if default else "") + ": "
    try:
        answer = input(prompt).strip()
    except EOFError:
        answer = ""
    return answer or (default or "")


# -- events --------------------------------------------------------------------------

@dataclass
class EventAnswers:
    province: str | None = None
    district: str | None = None
    date: str | None = None
    kind: str | None = None
    time: str | None = None
    title_km: str | None = None
    title_en: str | None = None
    venue_km: str | None = None
    venue_en: str | None = None


def parse_date(text: str) -> dt.date:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not m:
        raise UsageError(f"--date '{text}' is not a date — expected YYYY-MM-DD, for example 2026-12-05")
    if int(m.group(1)) not in YEARS:
        raise UsageError(f"--date '{text}': the year {m.group(1)} looks mistyped — expected a year "
                         f"from {YEARS.start} to {YEARS.stop - 1}")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise UsageError(f"--date '{text}': {exc} — expected a real calendar date as YYYY-MM-DD") from None


def parse_times(text: str | None, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """``18:00`` (two hours long) or ``18:00-20:30``."""
    text = (text or "18:00").strip()
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?:\s*-\s*(\d{1,2}):(\d{2}))?", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59 or (
            m.group(3) and (int(m.group(3)) > 23 or int(m.group(4)) > 59)):
        raise UsageError(f"--time '{text}' is not a time — expected HH:MM or HH:MM-HH:MM on a 24-hour "
                         "clock, for example 18:00-20:30")
    start = dt.datetime.combine(day, dt.time(int(m.group(1)), int(m.group(2))))
    end = (dt.datetime.combine(day, dt.time(int(m.group(3)), int(m.group(4)))) if m.group(3)
           else start + dt.timedelta(hours=2))
    if end <= start:
        raise UsageError(f"--time '{text}': the end is not after the start — expected e.g. 18:00-20:30")
    return start, end


def find_province(gaz, name: str):
    return _named(gaz.province(name.strip()), name, "--province", gaz.province_suggestions(name.strip()),
                  [p.name("en") for p in gaz.provinces], "is not in data/gazetteer.yaml")


def find_district(province, name: str):
    return _named(province.child(name.strip()), name, "--district", province.suggestions(name.strip()),
                  [c.name("en") for c in province.children],
                  f"is not a district of {province.label} in data/gazetteer.yaml", ", or add it to the gazetteer")


def _named(area, name: str, option: str, hits: list, names: list[str], problem: str, more: str = ""):
    """The gazetteer area an option names, or a usage error with the closest names."""
    if area is None:
        expected = ("one of " + ", ".join(repr(h) for h in hits) + " (closest names)" if hits
                    else suggest(name, names))
        raise UsageError(f"{option} '{name}' {problem} — expected {expected}{more}")
    return area


def find_kind(name: str) -> str:
    from campaign.content.tour.schedule import KINDS

    if name.strip() not in KINDS:
        raise UsageError(f"--kind '{name}' is not a kind of event — expected {suggest(name.strip(), KINDS)}")
    return name.strip()


def event_ids(root) -> set[str]:
    """Every id written in the schedule's events (valid or not: the new one must differ)."""
    events = root.get("events") if isinstance(root, Map) else None
    out = set()
    for item in events.items if isinstance(events, Seq) else ():
        node = item.get("id") if isinstance(item, Map) else None
        if isinstance(node, Scalar):
            out.add(node.text.strip())
    return out


def unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _label(kind: str, lang: str) -> str | None:
    """The kind's name in ``lang`` from the interface catalog (None: not translated yet)."""
    from campaign.content.tour.labels import KIND

    _ = translator(lang)
    text = _(KIND[kind])
    return text if (lang == SOURCE_LANGUAGE or text != KIND[kind]) else None


def event_block(event_id: str, kind: str, province, district, start: dt.datetime, end: dt.datetime,
                titles: dict[str, str], venues: dict[str, str], languages: tuple[str, ...], default: str,
                dash: int = 2, today: dt.date | None = None) -> tuple[str, list[str]]:
    """The YAML text of a new event (lines without line ends) and what is left to write."""
    todo: list[str] = []
    made_titles, descriptions = {}, {}
    for lang in languages:
        label = _label(kind, lang)
        place = district.name(lang) if district.names.has(lang) else None
        province_name = province.name(lang) if province.names.has(lang) else None
        if label and place:
            made_titles[lang] = f"{label} — {place}"
            descriptions[lang] = f"{label} — {place}, {province_name or province.name('en')}"
    title = {lang: titles.get(lang) or made_titles.get(lang) for lang in languages
             if titles.get(lang) or made_titles.get(lang)}
    if default not in title:  # the default language's title is required: the English name of the kind
        title[default] = f"{_label(kind, SOURCE_LANGUAGE)} — {district.name(default)}"
    if any(lang not in titles for lang in title):
        todo.append("title")
    if not descriptions:
        descriptions[default] = title[default]
    todo.append("description")
    venue_lang = SOURCE_LANGUAGE if SOURCE_LANGUAGE in languages else default
    venue = {k: v for k, v in venues.items() if v} or {venue_lang: "Venue to be announced"}
    if not any(venues.values()):
        todo.append("venue")
    i = " " * dash
    k = i + "  "
    when = f" ({today:%Y-%m-%d})" if today else ""

    def localized(key: str, values: dict[str, str], comment: str) -> list[str]:
        lines = [f"{k}{key}:" + (f"  # {comment}" if comment else "")]
        lines += [f"{k}  {lang}: {yaml_text(values[lang])}" for lang in languages if values.get(lang)]
        return lines

    lines = [f"{i}# Added with `campaign new event`{when}. Write the lines marked \"write\" below;",
             f"{i}# the header of this file explains every field.",
             f"{i}- id: {event_id}  # never change it once published (web address and calendar id)",
             f"{k}kind: {kind}"]
    lines += localized("title", title, "write the title people will see" if "title" in todo else "")
    lines += localized("description", descriptions, "write what the show or session is about")
    lines += [f"{k}start: {start:%Y-%m-%d %H:%M}  # Cambodian time, 24-hour clock",
              f"{k}end: {end:%Y-%m-%d %H:%M}",
              f"{k}place:",
              f"{k}  province: {yaml_text(province.name('en') or province.id)}",
              f"{k}  district: {yaml_text(district.name('en') or district.id)}",
              f"{k}  # commune: ...  # optional"]
    lines += [f"  {line}" for line in localized(
        "venue", venue, "write the place: a pagoda, a commune hall (never a private address)"
        if "venue" in todo else "never a private address")]
    lines += [f"{k}status: scheduled  # cancelled, postponed or rescheduled (+ previous_start) if it changes",
              f"{k}# audiences: [families, youth]  # optional: who it is for",
              f"{k}# hotline: [kh-molvt-1297]  # optional: ids from data/hotlines.yaml",
              f"{k}# attendance: only after the event (see the header of this file)"]
    return lines, todo


def insertion(text: str, root) -> tuple[int, int, str]:
    """(offset where the new event goes, dash column, prefix to add) for the schedule ``text``."""
    lines = text.splitlines(keepends=True)
    if not isinstance(root, Map) or root.key("events") is None:
        raise UsageError(f"{SCHEDULE} has no `events:` list — expected the file's `events:` block "
                         "(see the header of the file)")
    key = root.key("events")
    events = root.get("events")
    key_line = lines[key.pos.line - 1]
    if re.search(r"events\s*:\s*[\[{]", key_line):
        raise UsageError(f"{SCHEDULE}:{key.pos.line}:{key.pos.col}: `events:` is written on one line "
                         "(flow style) — expected `events:` alone on its line, the events below it")
    dash = 2
    if isinstance(events, Seq) and events.items:
        dash = events.pos.col - 1  # the column of the first event's dash
    # after the events: before the next top-level field if one follows, else at the end
    after = [k for k, _ in root.entries if k.pos.line > key.pos.line]
    if not after:
        offset = len(text)
        prefix = ("" if text.endswith("\n") or not text else "\n") + "\n"
        return offset, dash, prefix
    n = min(k.pos.line for k in after) - 1  # index of the next field's line
    while n > key.pos.line and (not lines[n - 1].strip() or lines[n - 1].startswith("#")):
        n -= 1  # blank lines and comments just above the next field belong to it
    offset = sum(len(line) for line in lines[:n])
    prefix = "" if text[:offset].endswith("\n") else "\n"
    return offset, dash, prefix + "\n"


def new_event(config_file: Path, answers: EventAnswers, interactive: bool) -> int:
    try:
        return _new_event(config_file, answers, interactive)
    except UsageError as exc:
        print(f"campaign new event: {exc}", file=sys.stderr)
        return 2


def _new_event(config_file: Path, a: EventAnswers, interactive: bool) -> int:
    required = [("province", "--province"), ("district", "--district"), ("date", "--date"), ("kind", "--kind")]
    missing = [opt for name, opt in required if not getattr(a, name)]
    if missing and not interactive:
        raise UsageError(f"missing {', '.join(missing)} (nothing can be asked: the input is not a terminal) "
                         f"— expected e.g. {EXAMPLE}")
    project, _ = _load(config_file)
    if project is None:
        return 1
    gaz, config = project.gazetteer, project.config
    from campaign.content.tour.schedule import KINDS, parse_schedule

    def get(name: str, label: str, check: Callable, default: str | None = None):
        """The answer to ``name``: from its option, or asked until it is right."""
        while True:
            value = getattr(a, name) or (_ask(label, default) if interactive else default)
            try:
                return check(value or "")
            except UsageError as exc:
                if not interactive or getattr(a, name):
                    raise
                print(exc, file=sys.stderr)

    province = get("province", "Province (" + ", ".join(p.name("en") for p in gaz.provinces) + ")",
                   lambda v: find_province(gaz, v))
    district = get("district", f"District in {province.name('en')}", lambda v: find_district(province, v))
    day = get("date", "Date (YYYY-MM-DD)", parse_date)
    kind = get("kind", "Kind (" + ", ".join(KINDS) + ")", find_kind)
    start, end = get("time", "Time (HH:MM or HH:MM-HH:MM)", lambda v: parse_times(v, day), "18:00-20:00")

    def per_language(field: str, question: str) -> dict[str, str]:
        out = {}
        for lang in config.languages:
            opt = getattr(a, f"{field}_{lang}", None)
            if opt is None and interactive:
                opt = _ask(question.format(language_name(lang, "en")))
            if opt:
                out[lang] = opt.strip()
        return out

    titles = per_language("title", "Title in {} (empty: the kind and the place)")
    venues = per_language("venue", "Venue in {}, e.g. a pagoda or a commune hall (empty: later)")

    path = config.root / SCHEDULE
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    root, parse_diags = parse(text.lstrip("\ufeff"), SCHEDULE)
    if root is None:
        print(report(parse_diags), file=sys.stderr)
        print(f"\nFix {SCHEDULE} first: nothing was added.", file=sys.stderr)
        return 1
    event_id = unique_id(f"{district.id}-{kind}-{day:%Y-%m-%d}", event_ids(root))
    offset, dash, prefix = insertion(text, root)
    nl = "\r\n" if "\r\n" in text else "\n"
    lines, todo = event_block(event_id, kind, province, district, start, end, titles, venues,
                              config.languages, config.default, dash, project.today)
    lead = prefix.replace("\n", nl)
    new = text[:offset] + lead + nl.join(lines) + nl + text[offset:]
    first_line = (text[:offset] + lead).count("\n") + 1
    last_line = first_line + len(lines) - 1
    # the new event must read as one: checked before anything is written
    from campaign.core.localized import Languages

    langs = Languages(config.languages, config.default, config.fallbacks)
    _, diags = parse_schedule(new.lstrip("\ufeff"), SCHEDULE, gaz, project.today, langs)
    mine = [d for d in errors(diags) if first_line <= d.pos.line <= last_line]
    if mine:
        print(report(mine), file=sys.stderr)
        print(f"\nThe new event would not be valid: {SCHEDULE} was not changed.", file=sys.stderr)
        return 1
    path.write_bytes(new.encode("utf-8"))
    print(f"Added event '{event_id}' to {SCHEDULE}, lines {first_line}–{last_line}:\n")
    print("\n".join(lines))
    if todo:
        print(f"\nStill to write there: {', '.join(todo)} (the lines marked \"write\"). "
              "Then run ./dev check.")
    return 0


# -- pages and posters -----------------------------------------------------------------

def _name(name: str, what: str, nested: bool) -> str:
    name = name.strip().replace("\\", "/").removesuffix(".md").strip("/")
    parts = name.split("/")
    bad = [p for p in parts if not is_id(p)] or ([] if nested or len(parts) == 1 else parts[1:])
    if not name or bad:
        example = "/".join(suggest_id(p, "my-" + what) for p in parts) if name else "my-" + what
        raise UsageError(f"'{name}' is not a usable {what} name — expected lowercase letters, digits and "
                         f"dashes (it becomes the web address), e.g. {example}")
    return name


def page_header(lang: str, title_comment: str, extra: list[str] | None = None) -> list[str]:
    review = ["review: needed  # no native speaker has checked this text yet; write done once one has"] \
        if pack(lang).review else []
    return ["---", f'title: ""  # {title_comment}', *(extra or []), *review, "---"]


def page_text(lang: str, name: str) -> str:
    lines = page_header(lang, f"the page's title in {language_name(lang, 'en')}: write it between the quotes",
                        ["# description: one sentence shown by search engines and when the link is shared"])
    lines += ["", f"<!-- Write the page below, in Markdown. To show it in the menu, add {name}.md under "
              "nav: in mkdocs.yml. -->", ""]
    return "\n".join(lines)


def poster_text(lang: str) -> str:
    review = ["review: needed  # no native speaker has checked this text yet; write done once one has"] \
        if pack(lang).review else []
    lines = ["---",
             f"title:  # the poster's headline in {language_name(lang, 'en')}",
             'hotline: ""  # printed big: an id from data/hotlines.yaml, e.g. th-doe-1694',
             "sizes: [a4, a3, a2]  # print-shop sizes (the office A4 is always made)",
             '# accent: "#1d4e89"  # background colour, in quotes; white text must be readable on it',
             "sources:  # the web page every fact on the poster comes from, one per line",
             '  - ""',
             'checked: ""  # the day you read those sources: YYYY-MM-DD',
             *review,
             "---",
             "",  # the poster's text goes here: short lines, a list works best
             ""]
    return "\n".join(lines)


def _create(config_file: Path, name: str, what: str) -> int:
    from campaign.core.config import read_site_config

    config, diags = read_site_config(Path(config_file))
    if config is None:
        print(report(diags), file=sys.stderr)
        return 1
    try:
        name = _name(name, what, nested=(what == "page"))
    except UsageError as exc:
        print(f"campaign new {what}: {exc}", file=sys.stderr)
        return 2
    rel = f"posters/{name}.md" if what == "poster" else f"{name}.md"
    made, kept = [], []
    for lang in config.languages:
        path = config.docs_dir / lang / rel
        shown = path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else str(path)
        if path.exists():
            kept.append(shown)
            continue
        made.append((path, shown, poster_text(lang) if what == "poster" else page_text(lang, name)))
    for shown in kept:
        print(f"{shown} exists: left as it is (never overwritten)")
    if not made:
        print(f"campaign new {what}: every language already has {rel} — expected a new name", file=sys.stderr)
        return 2
    for path, shown, text in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as f:  # "x": never overwrite
            f.write(text)
        print(f"Created {shown}")
    project, diags = _load(config_file)
    shown_made = {shown for _, shown, _ in made}
    todo = sorted({d for d in diags if d.pos.path in shown_made})
    if todo:
        print("\nWhat is left to write (as `./dev check` says it):")
        print(report(todo))
    print("\nFill in each file, then run ./dev check" + (" (or watch ./dev serve)." if what == "page" else "."))
    return 0


def new_page(config_file: Path, name: str) -> int:
    return _create(config_file, name, "page")


def new_poster(config_file: Path, name: str) -> int:
    return _create(config_file, name, "poster")

