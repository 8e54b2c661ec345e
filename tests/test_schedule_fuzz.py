"""Property tests: any text or structure fed to the loaders gives a model or diagnostics,
never an exception; and what loads always renders."""

from __future__ import annotations

import datetime as dt
import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign.content.tour.calendar import schedule_ics
from campaign.core.diagnostics import Diagnostic
from campaign.content.tour.jsonld import event_jsonld
from campaign.content.gazetteer.model import parse_gazetteer
from campaign.content.tour.schedule import AGE_BANDS, AUDIENCES, EVENT_FIELDS, GENDERS, KINDS, PLACE_FIELDS, STATUSES
from campaign.content.tour.view import event_page, schedule_page
from campaign.content.tour.urls import site_urls
from schedule_fixtures import GAZ_TEXT, event, gazetteer, load

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
GAZ = gazetteer()
URLS = site_urls("/")
STAMP = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)


def check(text: str):
    sched, diags = load(text, gaz=GAZ)
    assert all(isinstance(d, Diagnostic) and d.pos.line >= 1 and d.pos.col >= 1 for d in diags)
    for d in diags:
        str(d)
    return sched, diags


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    check(text)


# YAML-ish text: fragments of real schedules glued together, so the parser goes deeper
# than it does on random characters.
FRAGMENTS = ["events:\n", "  - ", "id: a\n", "    kind: theatre\n", "title:", " {km: ក, en: x}\n",
             "    start: 2026-12-05 18:00\n", "    end: 2026-12-05 17:00\n", "place:\n",
             "      province: Battambang\n", "      district: Bavil\n", "  ", "- ", ": ", "&a ", "*a ",
             "!!str ", "[", "]", "{", "}", "'", '"', "#", "\t", "\n", "~", "null", "<<: *a\n",
             "attendance:\n", "female: {15-24: -3}\n", "lat: 1e999\n", "lon: nan\n", "? ", "|\n", ">-\n",
             "status: rescheduled\n", "previous_start: 2026-02-30 25:61\n", "\ufeff", "\x00", "\u200b"]


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_yaml_like_text(parts):
    check("".join(parts))


scalars = st.one_of(
    st.text(max_size=20), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.sampled_from(list(KINDS) + list(STATUSES) + list(AUDIENCES) + ["2026-12-05 18:00",
                    "2026-11-01 08:00", "2026-13-01 08:00", "Battambang", "Bavel", "ឯកភ្នំ",
                    "13.1", "103.2", "-1", "ev-one"]))
keys = st.sampled_from(list(EVENT_FIELDS) + list(PLACE_FIELDS) + list(GENDERS) + list(AGE_BANDS)
                       + ["km", "en", "events", "sample", "bogus"])
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)), max_leaves=25)


@SETTINGS
@given(st.dictionaries(keys, values, max_size=8), st.lists(st.dictionaries(keys, values, max_size=10), max_size=4))
def test_arbitrary_structures(top, events):
    top = dict(top)
    top["events"] = events
    check(yaml.safe_dump(top, allow_unicode=True))


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["kind", "status", "start", "end", "district", "id", "title"]),
                          scalars), max_size=4),
       st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2028, 1, 1)))
def test_mutated_valid_events_load_or_explain_and_render(mutations, today):
    base = yaml.safe_load("events:\n" + event(extra="    audiences: [women]\n"))
    ev = base["events"][0]
    for key, value in mutations:
        (ev["place"] if key == "district" else ev)[key] = value
    sched, diags = check(yaml.safe_dump(base, allow_unicode=True))
    for lang in ("km", "en"):
        schedule_page(sched, lang, URLS, today)
        schedule_ics(sched, lang, URLS, "example.org", STAMP)
        for e in sched.events:
            event_page(sched, e.id, lang, URLS, today)
            json.loads(event_jsonld(e, lang, URLS))


@SETTINGS
@given(st.text(max_size=300))
def test_gazetteer_arbitrary_text(text):
    parse_gazetteer(text, "g.yaml")
    parse_gazetteer(GAZ_TEXT + text, "g.yaml")
