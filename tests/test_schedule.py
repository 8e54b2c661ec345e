"""Loader and validator of tour_schedule.yaml: every rule names the exact line:col."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from campaign.core.diagnostics import errors
from campaign.content.tour.schedule import TZ, load_schedule
from schedule_fixtures import ROOT, TODAY, at, doc, event, load, real_gazetteer


def only_error(diags):
    errs = errors(diags)
    assert len(errs) == 1, "\n".join(map(str, diags))
    return errs[0]


def test_valid_event_loads_with_local_time_and_place():
    sched, diags = load(doc(event()))
    assert errors(diags) == []
    (e,) = sched.events
    assert e.start == dt.datetime(2026, 12, 5, 18, 0, tzinfo=TZ)
    assert e.start.isoformat() == "2026-12-05T18:00:00+07:00"
    assert e.place.province.id == "battambang" and e.place.district.id == "bavel"
    assert e.place.venue.get("en") == "Pagoda grounds" and e.place.venue.get("km") == "ទីធ្លាវត្ត"
    assert e.status == "scheduled" and sched.sample is True and sched.review_needed is True


def test_unknown_district_suggests_closest_at_its_position():
    text = doc(event()).replace("district: Bavel", "district: Bavil")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "Bavil")
    assert d.message == "unknown district 'Bavil' in Battambang (បាត់ដំបង)"
    assert "'Bavel'" in d.expected and "closest" in d.expected


def test_district_of_another_province_is_unknown_there():
    text = doc(event()).replace("district: Bavel", "district: Puok")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "Puok") and "unknown district 'Puok'" in d.message


def test_district_by_khmer_name_alias_or_any_case():
    for name in ("បាវិល", "bavel", "BAVEL", "bavel "):
        sched, diags = load(doc(event()).replace("district: Bavel", f"district: {name}"))
        assert errors(diags) == [] and sched.events[0].place.district.id == "bavel"
    g = real_gazetteer()
    text = doc(event()).replace("province: Battambang", "province: Banteay Meanchey") \
                       .replace("district: Bavel", "district: Poipet")
    sched, diags = load(text, gaz=g)
    assert errors(diags) == [] and sched.events[0].place.district.id == "paoy-paet"


def test_unknown_province_suggests():
    text = doc(event()).replace("province: Battambang", "province: Batambang")
    d = errors(load(text)[1])[0]
    assert str(d.pos) == at(text, "Batambang")
    assert d.message == "unknown province 'Batambang'" and "'Battambang'" in d.expected


def test_end_before_start():
    text = doc(event(end="2026-12-05 17:00"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "2026-12-05 17:00")
    assert d.message == "end 2026-12-05 17:00 is not after start 2026-12-05 18:00 in event 'ev-one'"


def test_duplicate_id_points_at_second_and_names_first_line():
    text = doc(event(), event(start="2026-12-06 18:00", end="2026-12-06 20:00"))
    sched, diags = load(text)
    d = only_error(diags)
    assert str(d.pos) == at(text, "ev-one", 2)
    first_line = int(at(text, "ev-one").split(":")[1])
    assert d.message == f"duplicate event id 'ev-one' (first at line {first_line})"
    assert len(sched.events) == 1


@pytest.mark.parametrize("value,message", [
    ("2026-12-5 18:00", "'start' is '2026-12-5 18:00', not a date and time"),
    ("05/12/2026 18:00", "'start' is '05/12/2026 18:00', not a date and time"),
    ("2026-02-30 18:00", "'start' is '2026-02-30': day is out of range for month"),
    ("2026-12-05 25:00", "'start' has time '25:00'"),
    ("2026-12-05", "'start' is '2026-12-05', not a date and time"),
])
def test_bad_date_or_time_form(value, message):
    text = doc(event(start=value))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, value) and d.message == message


def test_time_not_read_as_sexagesimal_or_date_object():
    # PyYAML 1.1 would read 19:30 as 1170; the value stays text and is parsed here
    sched, diags = load(doc(event(start="2026-12-05 19:30", end="2026-12-05 21:00")))
    assert errors(diags) == [] and sched.events[0].start.hour == 19


def test_missing_khmer_title():
    text = doc(event()).replace("      km: ល្ខោនសហគមន៍\n", "")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "title:")
    assert d.message == "event 'ev-one' has no Khmer title"


def test_title_as_one_english_text_is_a_missing_khmer_title():
    text = doc(event()).replace("    title:\n      km: ល្ខោនសហគមន៍\n      en: Community theatre\n",
                                "    title: Community theatre\n")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "title:") and "has no Khmer title" in d.message


def test_missing_english_title_is_a_warning_and_falls_back_to_khmer():
    text = doc(event()).replace("      en: Community theatre\n", "")
    sched, diags = load(text)
    assert errors(diags) == []
    (w,) = diags
    assert w.severity == "warning" and str(w.pos) == at(text, "id: ev-one")
    assert w.message == "event 'ev-one' has no English text for title; en pages show it in Khmer"
    t = sched.events[0].title
    assert t.get("en") == "ល្ខោនសហគមន៍" and not t.has("en") and t.lang_of("en") == "km"


ATTENDANCE = "    attendance:\n      female: {15-24: 10, 25-44: 5}\n      male: {under-15: 3}\n"


def test_attendance_on_future_event():
    text = doc(event(extra=ATTENDANCE))  # 2026-12-05, after TODAY
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "attendance:")
    assert d.message == ("attendance given for event 'ev-one', which starts on 2026-12-05, "
                         "after today (2026-11-25)")


def test_attendance_on_past_event_is_read():
    sched, diags = load(doc(event(extra=ATTENDANCE)), today=dt.date(2026, 12, 6))
    assert diags == []
    a = sched.events[0].attendance
    assert a.total == 18 and a.by_gender()["female"] == 15 and a.by_band()["under-15"] == 3
    # today may also be a datetime
    assert errors(load(doc(event(extra=ATTENDANCE)), today=dt.datetime(2026, 12, 6, 9))[1]) == []


def test_attendance_bad_band_and_count():
    extra = "    attendance:\n      female: {15-25: 10, 25-44: many}\n"
    text = doc(event(extra=extra))
    diags = errors(load(text, today=dt.date(2027, 1, 1))[1])
    got = {(str(d.pos), d.message) for d in diags}
    assert (at(text, "15-25"), "unknown field '15-25' in 'female' attendance of event 'ev-one'") in got
    assert (at(text, "many"), "'25-44' is 'many', not a whole number") in got


def test_attendance_on_cancelled_event():
    text = doc(event(extra="    status: cancelled\n" + ATTENDANCE))
    d = only_error(load(text, today=dt.date(2027, 1, 1))[1])
    assert str(d.pos) == at(text, "attendance:") and "which is cancelled" in d.message


@pytest.mark.parametrize("lat,lon,swapped", [("40.0", "104.9", False), ("12.5", "100.5", False),
                                             ("103.2", "13.1", True)])
def test_coordinates_outside_cambodia(lat, lon, swapped):
    extra = f"      lat: {lat}\n      lon: {lon}\n"
    text = doc(event()).replace("      venue:", extra + "      venue:")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, lat)
    assert d.message.startswith(f"coordinates {float(lat)}, {float(lon)} are outside Cambodia")
    assert ("swapped" in d.message) == swapped


def test_coordinates_inside_cambodia_and_only_one_of_them():
    text = doc(event()).replace("      venue:", "      lat: 13.10\n      lon: 103.20\n      venue:")
    sched, diags = load(text)
    assert diags == [] and (sched.events[0].place.lat, sched.events[0].place.lon) == (13.1, 103.2)
    text = doc(event()).replace("      venue:", "      lat: 13.10\n      venue:")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "lat:") and "only one of lat and lon" in d.message


@pytest.mark.parametrize("field,bad,good", [("kind", "theater", "'theatre'"),
                                            ("status", "canceled", "'cancelled'")])
def test_unknown_kind_or_status_suggests(field, bad, good):
    text = doc(event(extra="    status: scheduled\n" if field == "kind" else "")) \
        .replace("kind: theatre", "kind: theater" if field == "kind" else "kind: theatre")
    if field == "status":
        text = doc(event(extra=f"    status: {bad}\n"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, bad) and d.message == f"unknown {field} '{bad}'"
    assert good in d.expected


def test_unknown_audience_suggests():
    text = doc(event(extra="    audiences: [youth, woman]\n"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "woman") and d.message == "unknown audience 'woman'"
    assert "'women'" in d.expected


def test_unknown_fields_suggest_closest_in_event_and_place():
    text = doc(event(extra="    performer: [Troupe]\n")).replace("      venue:", "      vilage: X\n      venue:")
    diags = errors(load(text)[1])
    got = {str(d.pos): d for d in diags}
    assert got[at(text, "performer:")].message == "unknown field 'performer' in event 'ev-one'"
    assert "'performers'" in got[at(text, "performer:")].expected
    assert got[at(text, "vilage")].message == "unknown field 'vilage' in the place of event 'ev-one'"
    assert "'village'" in got[at(text, "vilage")].expected


def test_bad_id_characters():
    text = doc(event(id="Bavel Theatre/1"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "Bavel Theatre/1") and "may use only a-z, 0-9" in d.message


def test_rescheduled_needs_previous_start_and_only_rescheduled_has_one():
    text = doc(event(extra="    status: rescheduled\n"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "status:") and "has no previous_start" in d.message
    text = doc(event(extra="    previous_start: 2026-11-28 18:00\n"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "previous_start:") and "is scheduled" in d.message
    sched, diags = load(doc(event(extra="    status: rescheduled\n    previous_start: 2026-11-28 18:00\n")))
    assert diags == [] and sched.events[0].previous_start.isoformat() == "2026-11-28T18:00:00+07:00"


def test_commune_checked_when_gazetteer_lists_communes():
    base = doc(event()).replace("district: Bavel", "district: Ek Phnom")
    text = base.replace("      venue:", "      commune: Test Comune\n      venue:")
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "Test Comune") and "unknown commune 'Test Comune'" in d.message
    assert "'Test Commune'" in d.expected
    sched, diags = load(base.replace("      venue:", "      commune: ឃុំសាកល្បង\n      venue:"))
    assert diags == [] and sched.events[0].place.commune.get("en") == "Test Commune"


def test_free_text_commune_and_village_elsewhere():
    text = doc(event()).replace("      venue:", "      commune: Anything\n      village: {km: ភូមិ, en: V}\n      venue:")
    sched, diags = load(text)
    assert diags == []
    p = sched.events[0].place
    assert p.commune.get("km") == "Anything" and p.village.get("en") == "V"
    text = doc(event()).replace("      venue:", "      commune: ''\n      venue:")
    d = only_error(load(text)[1])
    assert "commune of the place of event 'ev-one' is empty" in d.message


def test_hotline_ids_and_positions_are_exposed():
    text = doc(event(extra="    hotline: [th-1694, kh-1297]\n"),
               event(id="ev-two", extra="    hotline: kh-1297\n"))
    sched, diags = load(text)
    assert diags == []
    assert [(i, str(p)) for i, p in sched.hotline_refs] == [
        ("th-1694", at(text, "th-1694")), ("kh-1297", at(text, "kh-1297")),
        ("kh-1297", at(text, "kh-1297", 2))]
    assert sched.event("ev-one").hotlines == ("th-1694", "kh-1297")


def test_every_problem_reported_at_once():
    text = doc(event(end="2026-12-05 17:00", extra="    audiences: [woman]\n").replace("kind: theatre", "kind: opera"),
               event(id="ev-two").replace("district: Bavel", "district: Nowhere"))
    diags = errors(load(text)[1])
    messages = " | ".join(d.message for d in diags)
    assert "unknown kind 'opera'" in messages and "not after start" in messages
    assert "unknown audience 'woman'" in messages and "unknown district 'Nowhere'" in messages
    assert len(diags) == 4


def test_broken_yaml_and_duplicate_keys_are_diagnostics():
    sched, diags = load("events:\n  - id: [unclosed\n")
    assert sched.events == () and "YAML syntax" in errors(diags)[0].message
    text = doc(event(extra="    kind: music\n"))
    d = only_error(load(text)[1])
    assert str(d.pos) == at(text, "kind: music") and "duplicate key 'kind'" in d.message
    for bad in ("", "[]", "just text", "events: 3", "events:\n  - 3\n"):
        sched, diags = load(bad)
        assert errors(diags) and sched.events == ()


def test_top_level_flags():
    text = doc(event(), head="sample: yes\nkhmer_review: maybe\n")
    got = {d.message for d in errors(load(text)[1])}
    assert "'sample' is 'yes'" in got and "unknown khmer_review 'maybe'" in got


def test_upcoming_and_past_by_date_and_by_time():
    text = doc(event(id="a", start="2026-11-24 18:00", end="2026-11-24 20:00"),
               event(id="b", start="2026-11-25 18:00", end="2026-11-25 20:00"),
               event(id="c", start="2026-11-20 18:00", end="2026-11-20 20:00"))
    sched, _ = load(text)
    assert [e.id for e in sched.upcoming(TODAY)] == ["b"]
    assert [e.id for e in sched.past(TODAY)] == ["a", "c"]  # most recent first
    late = dt.datetime(2026, 11, 25, 21, 0, tzinfo=TZ)
    assert [e.id for e in sched.upcoming(late)] == []


def test_sample_file_is_valid_and_realistic():
    sched, diags = load_schedule(ROOT / "tour_schedule.yaml", real_gazetteer(), TODAY)
    assert errors(diags) == [], "\n".join(map(str, errors(diags)))
    assert sched.sample is True and sched.review_needed is True
    assert len(sched.events) >= 30
    assert {e.place.province.id for e in sched.events} == {"banteay-meanchey", "battambang", "siem-reap"}
    assert {e.status for e in sched.events} == {"scheduled", "cancelled", "postponed", "rescheduled"}
    assert sched.past(TODAY) and sched.upcoming(TODAY)
    assert all(e.start.date() <= TODAY for e in sched.events if e.attendance)
    assert sum(1 for e in sched.events if e.attendance) >= 10
    assert all(e.previous_start for e in sched.events if e.status == "rescheduled")
    assert min(e.start for e in sched.events).date() >= dt.date(2026, 8, 1)
    assert max(e.start for e in sched.events).date() <= dt.date(2027, 3, 31)


def test_core_does_not_import_mkdocs():
    code = ("import sys, campaign.content.tour.schedule, campaign.content.gazetteer.model, campaign.content.tour.calendar, campaign.content.tour.jsonld, "
            "campaign.content.tour.view, campaign.languages.dates; assert not any(m.startswith('mkdocs') "
            "for m in sys.modules), [m for m in sys.modules if 'mkdocs' in m]")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_schema_comment_documents_every_field():
    from campaign.content.tour.schedule import AUDIENCES, EVENT_FIELDS, KINDS, PLACE_FIELDS, STATUSES

    header = "".join(line for line in (ROOT / "tour_schedule.yaml").read_text().splitlines(True)
                     if line.startswith("#"))
    for word in (*EVENT_FIELDS, *PLACE_FIELDS, *KINDS, *STATUSES, *AUDIENCES):
        assert re.search(rf"\b{re.escape(word)}\b", header), word
