"""schema.org Event JSON-LD: parses, has the required fields, cannot break out of <script>."""

from __future__ import annotations

import json
import re

import pytest

from campaign.content.tour.jsonld import event_data, event_jsonld, event_jsonld_script
from campaign.content.tour.schedule import load_schedule
from campaign.content.tour.urls import site_urls
from schedule_fixtures import ROOT, TODAY, doc, event, load, real_gazetteer

URLS = site_urls("https://tour.example.org/")


@pytest.fixture(scope="module")
def sample():
    sched, _ = load_schedule(ROOT / "tour_schedule.yaml", real_gazetteer(), TODAY)
    return sched


def test_required_and_recommended_fields(sample):
    e = next(x for x in sample.events if x.kind == "theatre")
    data = json.loads(event_jsonld(e, "en", URLS, sample.organizer))
    assert data["@context"] == "https://schema.org" and data["@type"] == "TheaterEvent"
    assert data["name"] == e.title.get("en")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", data["startDate"])
    assert data["endDate"].endswith("+07:00")
    assert data["location"]["@type"] == "Place"
    addr = data["location"]["address"]
    assert addr["@type"] == "PostalAddress" and addr["addressCountry"] == "KH"
    assert addr["addressRegion"] == e.place.province.name("en")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["inLanguage"] == "en"
    assert data["url"] == f"https://tour.example.org/en/tour/events/{e.id}/"
    assert data["organizer"][0]["name"] == "MIGRA-SAFE campaign"
    assert data["performer"][0]["@type"] == "PerformingGroup"


def test_types_by_kind_and_statuses(sample):
    seen = {}
    for e in sample.events:
        d = event_data(e, "km", URLS)
        seen[e.kind] = d["@type"]
        assert d["eventStatus"].endswith({"scheduled": "EventScheduled", "cancelled": "EventCancelled",
                                          "postponed": "EventPostponed",
                                          "rescheduled": "EventRescheduled"}[e.status])
        assert ("previousStartDate" in d) == (e.status == "rescheduled")
        if e.status == "rescheduled":
            assert d["previousStartDate"].endswith("+07:00")
    assert seen["music"] == "MusicEvent" and seen["visual-arts"] == "VisualArtsEvent"
    assert seen["film"] == "ScreeningEvent" and seen["festival"] == "Festival"


def test_khmer_page_and_fallback_language(sample):
    e = next(x for x in sample.events if not x.title.has("en"))
    assert event_data(e, "km", URLS)["inLanguage"] == "km"
    assert event_data(e, "en", URLS)["inLanguage"] == "km"  # English page shows the Khmer title


def test_geo_when_coordinates_given(sample):
    e = next(x for x in sample.events if x.place.lat is not None)
    geo = event_data(e, "en", URLS)["location"]["geo"]
    assert geo == {"@type": "GeoCoordinates", "latitude": e.place.lat, "longitude": e.place.lon}


def test_script_breakout_is_escaped_and_value_round_trips():
    title = "</script><script>alert(1)</script> & <!--"
    sched, _ = load(doc(event(title_en=json.dumps(title))))
    out = event_jsonld_script(sched.events[0], "en", URLS)
    inner = out[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert "\\u003c/script\\u003e" in inner
    assert json.loads(inner)["name"] == title
    assert out.count("</script>") == 1
