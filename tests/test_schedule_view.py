"""HTML fragments: escaping, Markdown-safe shape, data attributes, sections, event page size."""

from __future__ import annotations

import gzip
import html
import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from campaign.content.tour.schedule import load_schedule
from campaign.content.tour.view import ASSET_JS, event_page, province_page, schedule_page
from campaign.content.tour.urls import site_urls
from schedule_fixtures import ROOT, TODAY, doc, event, load, real_gazetteer

URLS = site_urls("/")
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def sample():
    sched, _ = load_schedule(ROOT / "tour_schedule.yaml", real_gazetteer(), TODAY)
    return sched


class Tree(HTMLParser):
    """Collects start tags with attributes and checks every tag is closed in order."""

    VOID = {"br", "img", "input", "meta", "link", "hr"}

    def __init__(self, html):
        super().__init__()
        self.tags, self.stack, self.text = [], [], []
        self.feed(html)
        assert self.stack == [], self.stack

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def markdown_safe(html: str):
    assert html.startswith('<div class="campaign-schedule') and 'markdown="0"' in html.split("\n")[0]
    assert "\n\n" not in html and not re.search(r"^\s", html, re.M)
    Tree(html)
    top = [m for m in re.finditer(r"<(/?)div\b", html)]
    depth, roots = 0, 0
    for m in top:  # exactly one top-level block
        if not m.group(1):
            roots += depth == 0
            depth += 1
        else:
            depth -= 1
    assert roots == 1


@pytest.mark.parametrize("lang", ["km", "en"])
def test_schedule_page_shape_sections_and_data(sample, lang):
    html = schedule_page(sample, lang, URLS, TODAY, upcoming_months=12)  # every sample event on one page
    markdown_safe(html)
    t = Tree(html)
    items = [a for tag, a in t.tags if tag == "li" and "cs-event" in a.get("class", "")]
    assert len(items) == len(sample.events)
    for a in items:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", a["data-start"])
        assert a["data-end"].endswith("+07:00") and a["data-province"] and a["data-district"]
        assert a["data-kind"] and a["data-month"] == a["data-start"][:7]
    up, past = html.split('data-cs-past')
    assert all(e.id in up for e in sample.upcoming(TODAY))
    assert all(e.id in past and e.id not in up for e in sample.past(TODAY))
    # upcoming ascending, past descending
    starts = [a["data-start"] for a in items]
    n_up = len(sample.upcoming(TODAY))
    assert starts[:n_up] == sorted(starts[:n_up]) and starts[n_up:] == sorted(starts[n_up:], reverse=True)
    form = [a for tag, a in t.tags if tag == "form"][0]
    assert "hidden" in form  # shown by the script; the list needs no script
    districts = [a for tag, a in t.tags if tag == "option" and "data-province" in a]
    assert {d["data-province"] for d in districts} == {"banteay-meanchey", "battambang", "siem-reap"}


def test_khmer_page_uses_khmer_months_and_digits(sample):
    html = schedule_page(sample, "km", URLS, TODAY)
    assert "ខែធ្នូ ឆ្នាំ២០២៦" in html and "December" not in html
    text = "".join(Tree(html).text)
    assert not re.search(r"[0-9]", text.replace(".ics", "")), re.findall(r".{20}[0-9].{5}", text)[:3]


def test_cancelled_events_visible_and_marked(sample):
    cancelled = [e for e in sample.events if e.status == "cancelled"]
    html = schedule_page(sample, "en", URLS, TODAY, upcoming_months=12)
    for e in cancelled:
        assert e.id in html
    assert html.count('cs-badge cs-badge-cancelled">Cancelled<') == len(cancelled)
    page = event_page(sample, cancelled[0].id, "en", URLS, TODAY)
    assert '<p class="cs-badge cs-badge-cancelled">Cancelled</p>' in page


def test_notices_for_sample_data(sample):
    km = schedule_page(sample, "km", URLS, TODAY)
    assert "cs-notice-sample" in km and "ទិន្នន័យគំរូ" in km
    en = schedule_page(sample, "en", URLS, TODAY)
    assert "This is sample data" in en
    # the review notice is the page's, said once after the content (campaign.build), not here
    assert "cs-notice-review" not in km + en


def test_title_is_escaped_everywhere_in_html():
    sched, _ = load(doc(event(title_en=json.dumps(XSS), title_km=json.dumps("ល្ខោន" + XSS))))
    for lang in ("km", "en"):
        for page in (schedule_page(sched, lang, URLS, TODAY),
                     event_page(sched, "ev-one", lang, URLS, TODAY),
                     province_page(sched, "battambang", lang, URLS, TODAY)):
            assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
            markdown_safe(page)


def test_event_page_contents(sample):
    e = next(x for x in sample.events if x.status == "rescheduled")
    html = event_page(sample, e.id, "en", URLS, TODAY, hotline_html='<ul class="h"><li>1297</li></ul>')
    markdown_safe(html)
    assert f'href="/en/tour/events/{e.id}.ics"' in html and "Add to calendar" in html
    assert '<ul class="h"><li>1297</li></ul>' in html  # caller's HTML inserted as is
    assert "First planned for:" in html and e.description.get("en") in html
    assert e.place.venue.get("en") in html and e.place.district.name("en") in html
    no_hotline = event_page(sample, e.id, "en", URLS, TODAY)
    assert "cs-hotline" not in no_hotline


def test_event_page_flags_untranslated_and_sets_lang(sample):
    e = next(x for x in sample.events if not x.title.has("en"))
    html = event_page(sample, e.id, "en", URLS, TODAY)
    assert "Not yet translated" in html and 'lang="km"' in html


def test_event_page_size_does_not_grow_with_schedule():
    def sched(n):
        evs = [event(id=f"ev-{i}", start=f"2027-01-{1 + i % 28:02d} 18:00",
                     end=f"2027-01-{1 + i % 28:02d} 20:00") for i in range(n)]
        s, diags = load(doc(*evs))
        assert len(s.events) == n
        return s
    small, big = sched(3), sched(300)
    assert len(event_page(small, "ev-1", "km", URLS, TODAY)) == len(event_page(big, "ev-1", "km", URLS, TODAY))


def test_event_attendance_keeps_the_privacy_rule(sample):
    """No count of 1 to 4 people for one event on its page (campaign.content.reach.privacy)."""
    from campaign.content.reach.privacy import suppressed

    for e in [x for x in sample.events if x.attendance]:
        html = event_page(sample, e.id, "en", URLS, TODAY)
        table = html.split('class="cs-attendance"')[1].split("</section>")[0]
        shown = [int(x) for x in re.findall(r"<td>([0-9]+)</td>", table)]
        assert not [n for n in shown if suppressed(n)], (e.id, shown)
        if any(suppressed(n) for _, _, n in e.attendance.counts):
            assert "–" in table and "to protect them" in html


def test_province_page_only_that_province(sample):
    html = province_page(sample, "battambang", "en", URLS, TODAY)
    markdown_safe(html)
    assert 'data-province="siem-reap"' not in html and 'data-province="battambang"' in html
    assert 'name="province"' not in html and "/en/tour/battambang.ics" in html
    with pytest.raises(KeyError):
        province_page(sample, "kampot", "en", URLS, TODAY)


def test_upcoming_section_follows_today(sample):
    later = schedule_page(sample, "en", URLS, dt.date(2027, 6, 1))
    assert "No upcoming events yet." in later.split("data-cs-past")[0]
    assert '<p class="cs-none" hidden>No upcoming' not in later


def test_script_is_small_and_offline():
    js = ASSET_JS.read_text()
    assert len(gzip.compress(js.encode())) <= 1536  # what a phone downloads from a compressing host
    for word in ("fetch", "XMLHttpRequest", "import(", "http", "sendBeacon", "WebSocket"):
        assert word not in js


def test_site_urls_layout():
    abs_urls = site_urls("https://tour.example.org")
    assert abs_urls("event", "km", "a") == "https://tour.example.org/tour/events/a/"
    assert abs_urls("event_ics", "en", "a") == "https://tour.example.org/en/tour/events/a.ics"
    assert URLS("province", "en", "battambang") == "/en/tour/battambang/"
    assert URLS("feed_ics", "km", None) == "/tour/tour.ics"


def test_listings_keep_the_coming_months_and_recent_past_and_link_every_month(sample):
    from campaign.content.tour.view import PAST_ON_LISTING, UPCOMING_MONTHS, month_page

    page = schedule_page(sample, "en", URLS, TODAY)
    upcoming = re.findall(r'href="/en/tour/events/([^/"]+)/"', page.split("data-cs-past")[0])
    limit = dt.date(TODAY.year + (TODAY.month + UPCOMING_MONTHS - 1) // 12, (TODAY.month + UPCOMING_MONTHS - 1) % 12 + 1, 1)
    assert upcoming == [e.id for e in sample.upcoming(TODAY) if e.start.date() < limit]
    past = re.findall(r'href="/en/tour/events/([^/"]+)/"', page.split("data-cs-past")[1])
    assert past == [e.id for e in sample.past(TODAY)[:PAST_ON_LISTING]]  # the most recent, newest first
    months = sorted({f"{e.start:%Y-%m}" for e in sample.events})
    assert all(f'href="/en/tour/{m}/"' in page for m in months)
    # every event is on the page of its month
    listed = set()
    for m in months:
        listed |= set(re.findall(r'href="/en/tour/events/([^/"]+)/"', month_page(sample, m, "en", URLS, TODAY)))
    assert listed == {e.id for e in sample.events}
    province = province_page(sample, "battambang", "en", URLS, TODAY)
    assert 'href="/en/tour/2026-12/?province=battambang"' in province


def test_the_tour_page_does_not_grow_with_the_programme():
    """2,000 events over three years: the Tour page stays small; month pages hold the rest."""
    from schedule_fixtures import gazetteer, load

    text = "sample: true\nevents:\n" + "".join(
        f"  - id: ev-{i:04d}\n    kind: theatre\n    title: {{km: ល្ខោន {i}, en: Play {i}}}\n"
        f"    description: {{km: រឿង។, en: A play.}}\n"
        f"    start: {(dt.datetime(2026, 1, 1) + dt.timedelta(hours=13 * i)):%Y-%m-%d %H:%M}\n"
        f"    end: {(dt.datetime(2026, 1, 1, 2) + dt.timedelta(hours=13 * i)):%Y-%m-%d %H:%M}\n"
        f"    place: {{province: Battambang, district: Bavel, venue: {{km: វត្ត, en: Pagoda}}}}\n"
        for i in range(2000))
    big, diags = load(text, gaz=gazetteer())
    assert len(big.events) == 2000, diags[:3]
    assert len(schedule_page(big, "km", URLS, TODAY).encode()) < 100_000
    assert len(province_page(big, "battambang", "km", URLS, TODAY).encode()) < 100_000
