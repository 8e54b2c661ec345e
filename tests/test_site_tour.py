"""The Tour in the built site: pages, JSON-LD, feeds, and hostile text escaped end to end."""

import json
import re

import icalendar

from conftest import build_site


def jsonld(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_event_pages_carry_parseable_schema_org_event(site):
    html = (site.root / "en/tour/events/mongkol-borei-theatre-2026-12-04/index.html").read_text(encoding="utf-8")
    [data] = jsonld(html)
    assert data["@type"] in ("TheaterEvent", "Event")
    assert data["startDate"].endswith("+07:00")
    assert data["location"]["@type"] == "Place" and data["location"]["address"]
    assert data["url"] == site.url + "en/tour/events/mongkol-borei-theatre-2026-12-04/"
    assert data["inLanguage"] == "en"


def test_feeds_for_the_tour_and_each_province(site):
    feed = icalendar.Calendar.from_ical((site.root / "tour/tour.ics").read_bytes())
    assert len(feed.walk("VEVENT")) >= 30
    bb = icalendar.Calendar.from_ical((site.root / "en/tour/battambang.ics").read_bytes())
    assert 0 < len(bb.walk("VEVENT")) < len(feed.walk("VEVENT"))
    assert any(str(e.get("STATUS")) == "CANCELLED" for e in feed.walk("VEVENT"))


def test_every_event_and_province_has_a_page_in_both_languages(site):
    for prefix in ("", "en/"):
        events = [p for p in (site.root / prefix / "tour/events").iterdir() if p.is_dir()]
        assert len(events) >= 30
        for province in ("banteay-meanchey", "battambang", "siem-reap"):
            assert (site.root / prefix / "tour" / province / "index.html").exists()


def test_event_page_size_does_not_depend_on_schedule_size(site):
    sizes = [len(p.read_bytes()) for p in (site.root / "en/tour/events").glob("*/index.html")]
    assert max(sizes) < 40_000


def test_hostile_title_is_text_everywhere(project_copy, tmp_path):
    sched = project_copy / "tour_schedule.yaml"
    text = sched.read_text(encoding="utf-8")
    hostile = "<script>alert(1)</script> & \"quotes\""
    text = text.replace('en: "Community theatre: migrate safely"', "en: '" + hostile.replace("'", "''") + "'", 1)
    sched.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    result = build_site(project_copy, out, "http://127.0.0.1:9/")
    assert result.returncode == 0, result.stderr
    page = (out / "en/tour/events/paoy-paet-theatre-2026-08-07/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<script>" not in title and "&lt;script&gt;" in title
    [data] = jsonld(page)
    assert data["name"] == hostile
    ics = icalendar.Calendar.from_ical((out / "en/tour/events/paoy-paet-theatre-2026-08-07.ics").read_bytes())
    assert str(ics.walk("VEVENT")[0]["SUMMARY"]) == hostile
    listing = (out / "en/tour/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in listing
