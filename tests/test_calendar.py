"""iCalendar output: VTIMEZONE, stable UIDs, reproducible bytes, escaping, feeds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar

from campaign.content.tour.calendar import build_stamp, event_ics, host_of, province_ics, schedule_ics
from campaign.content.tour.schedule import load_schedule
from campaign.content.tour.urls import site_urls
from schedule_fixtures import ROOT, TODAY, doc, event, load, real_gazetteer

URLS = site_urls("https://tour.example.org/")
HOST = "tour.example.org"
STAMP = dt.datetime(2026, 11, 25, 3, 0, tzinfo=dt.timezone.utc)
XSS = "<script>alert(1)</script>, a; b \\ c"


@pytest.fixture(scope="module")
def sample():
    sched, _ = load_schedule(ROOT / "tour_schedule.yaml", real_gazetteer(), TODAY)
    return sched


def vevents(data: bytes):
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_event_ics_has_vtimezone_tzid_uid_and_url(sample):
    e = sample.events[0]
    data = event_ics(e, "en", URLS, HOST, STAMP)
    text = data.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Phnom_Penh\r\n" in text
    assert "TZOFFSETTO:+0700" in text
    assert f"DTSTART;TZID=Asia/Phnom_Penh:{e.start:%Y%m%dT%H%M%S}\r\n" in text
    assert "DTSTAMP:20261125T030000Z" in text
    (v,) = vevents(data)
    assert str(v["UID"]) == f"{e.id}@{HOST}"
    assert str(v["URL"]) == f"https://tour.example.org/en/tour/events/{e.id}/"
    assert v.decoded("DTSTART") == e.start and v.decoded("DTEND") == e.end
    assert str(v["STATUS"]) == "CONFIRMED"


def test_reproducible_bytes_and_stable_uid(sample):
    a = schedule_ics(sample, "km", URLS, HOST, STAMP)
    b = schedule_ics(sample, "km", URLS, HOST, STAMP)
    assert a == b
    assert [str(v["UID"]) for v in vevents(a)] == [f"{e.id}@{HOST}" for e in sample.events]
    # the same event has the same UID in both languages and in every feed
    en = {str(v["UID"]) for v in vevents(schedule_ics(sample, "en", URLS, HOST, STAMP))}
    assert en == {str(v["UID"]) for v in vevents(a)}


def test_dtstamp_from_source_date_epoch(sample, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert build_stamp() == dt.datetime.fromtimestamp(1790000000, dt.timezone.utc)
    one = event_ics(sample.events[0], "km", URLS, HOST)
    assert one == event_ics(sample.events[0], "km", URLS, HOST)
    assert vevents(one)[0].decoded("DTSTAMP") == build_stamp()


def test_cancelled_and_postponed_status(sample):
    for e in sample.events:
        v = vevents(event_ics(e, "en", URLS, HOST, STAMP))[0]
        want = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(e.status, "CONFIRMED")
        assert str(v["STATUS"]) == want
        if e.status == "cancelled":
            assert str(v["SUMMARY"]).startswith("Cancelled: ")
            assert int(v["SEQUENCE"]) == 1


def test_province_feed_only_has_that_province(sample):
    data = province_ics(sample, "siem-reap", "km", URLS, HOST, STAMP)
    ids = [str(v["UID"]).split("@")[0] for v in vevents(data)]
    assert ids == [e.id for e in sample.events if e.place.province.id == "siem-reap"]
    assert Calendar.from_ical(data)["X-WR-CALNAME"] == "សៀមរាប"


def test_text_escaped_and_round_trips():
    text = doc(event(title_en=json.dumps(XSS)).replace("venue: {km: ទីធ្លាវត្ត, en: Pagoda grounds}",
                                                   'venue: "Hall; A, B"'))
    sched, diags = load(text)
    assert not [d for d in diags if d.severity == "error"]
    data = event_ics(sched.events[0], "en", URLS, HOST, STAMP)
    assert b"\\, a\\; b \\\\ c" in data  # RFC 5545 escaping by the library
    v = vevents(data)[0]
    assert str(v["SUMMARY"]) == XSS
    assert str(v["LOCATION"]).startswith("Hall; A, B, Bavel, Battambang")
    assert v["SUMMARY"].params["LANGUAGE"] == "en"


def test_newline_in_title_cannot_inject_calendar_lines():
    title = "A\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@x"
    sched, _ = load(doc(event(title_en=json.dumps(title))))
    data = event_ics(sched.events[0], "en", URLS, HOST, STAMP)
    assert b"\r\nUID:evil" not in data and b"\r\nEND:VEVENT\r\nBEGIN:VEVENT" not in data
    (v,) = vevents(data)
    assert str(v["SUMMARY"]) == title and str(v["UID"]) == f"ev-one@{HOST}"


def test_khmer_text_survives_line_folding(sample):
    e = sample.events[0]
    v = vevents(event_ics(e, "km", URLS, HOST, STAMP))[0]
    assert str(v["SUMMARY"]) == e.title.get("km")
    assert str(v["DESCRIPTION"]).startswith(e.description.get("km"))
    assert all(len(line) <= 75 for line in event_ics(e, "km", URLS, HOST, STAMP).split(b"\r\n"))


def test_host_of():
    assert host_of("https://tour.example.org/en/") == "tour.example.org"
