"""The Tour schedule in the browser at 360×800: filters, today-correction, badges, calendar."""

import datetime as dt
import re
import subprocess

import icalendar
import pytest

from conftest import screenshot

pytestmark = pytest.mark.browser
PP = dt.timezone(dt.timedelta(hours=7))


def visible_ids(page, section: str) -> list[str]:
    return page.eval_on_selector_all(
        f"[data-cs-{section}] li.cs-event",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').getAttribute('href'))")


@pytest.mark.parametrize("lang,prefix", [("km", ""), ("en", "en/")])
def test_filters_narrow_the_list_without_reloading(phone, site, lang, prefix):
    phone.goto(site.url + prefix + "tour/")
    phone.evaluate("window.__marker = 1")  # gone if the page reloads
    total = len(visible_ids(phone, "upcoming")) + len(visible_ids(phone, "past"))
    assert total >= 20
    phone.select_option("select[name=province]", "siem-reap")
    shown = visible_ids(phone, "upcoming") + visible_ids(phone, "past")
    assert 0 < len(shown) < total
    provinces = phone.eval_on_selector_all(
        "li.cs-event", "els => [...new Set(els.filter(e => e.offsetParent).map(e => e.dataset.province))]")
    assert provinces == ["siem-reap"]
    districts = phone.eval_on_selector_all(
        "select[name=district] option", "os => os.filter(o => !o.hidden && !o.disabled && o.value).map(o => o.dataset.province)")
    assert districts and set(districts) == {"siem-reap"}
    phone.select_option("select[name=kind]", "theatre")
    kinds = phone.eval_on_selector_all(
        "li.cs-event", "els => [...new Set(els.filter(e => e.offsetParent).map(e => e.dataset.kind))]")
    assert kinds == ["theatre"]  # Siem Reap has theatre events in the sample
    assert phone.evaluate("window.__marker") == 1
    assert phone.url.endswith("tour/?province=siem-reap&kind=theatre")  # a link that can be passed on
    screenshot(phone, f"tour-{lang}-filtered")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filters_are_restored_from_the_address(phone, site, prefix):
    phone.goto(site.url + prefix + "tour/?province=battambang&kind=nonsense")
    assert phone.input_value("select[name=province]") == "battambang"
    assert phone.input_value("select[name=kind]") == ""  # an unknown value is ignored, not an empty list
    provinces = phone.eval_on_selector_all(
        "li.cs-event", "els => [...new Set(els.filter(e => e.offsetParent).map(e => e.dataset.province))]")
    assert provinces == ["battambang"]
    phone.reload()
    assert phone.input_value("select[name=province]") == "battambang"


def test_upcoming_is_corrected_by_todays_date_in_the_browser(browser, site):
    """A site built earlier must not show past events as upcoming: set the clock ahead."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    later = dt.datetime(2026, 12, 20, 9, 0, tzinfo=PP)  # the site was built on 2026-11-25
    page.clock.install(time=later)
    page.goto(site.url + "en/tour/")
    page.wait_for_load_state("load")
    upcoming = visible_ids(page, "upcoming")
    past = visible_ids(page, "past")
    starts_up = page.eval_on_selector_all("[data-cs-upcoming] li.cs-event", "els => els.filter(e => e.offsetParent).map(e => e.dataset.end)")
    starts_past = page.eval_on_selector_all("[data-cs-past] li.cs-event", "els => els.filter(e => e.offsetParent).map(e => e.dataset.end)")
    assert upcoming and past
    assert all(dt.datetime.fromisoformat(s) > later for s in starts_up)
    assert all(dt.datetime.fromisoformat(s) <= later for s in starts_past)
    assert any("preah-netr-preah-info-session-2026-12-18" in u for u in past)
    assert any("sampov-loun-theatre-2027-01-08" in u for u in upcoming)
    context.close()


def test_schedule_lists_everything_without_javascript(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "tour/")
    assert page.locator("li.cs-event:visible").count() >= 20
    listed = set(page.eval_on_selector_all("li.cs-event a", "as => as.map(a => a.href)"))
    months = page.eval_on_selector_all(".cs-month-links a", "as => as.map(a => a.href)")
    for month in months:  # every event is listed on the page of its month, without JavaScript
        page.goto(month)
        assert page.locator("li.cs-event:visible").count() >= 1
        listed |= set(page.eval_on_selector_all("li.cs-event a", "as => as.map(a => a.href)"))
    assert len({h for h in listed if "/tour/events/" in h}) == 34  # the sample programme
    context.close()


def test_cancelled_events_stay_visible_and_marked(phone, site):
    phone.goto(site.url + "en/tour/")
    cancelled = phone.locator("li.cs-status-cancelled")
    assert cancelled.count() >= 1
    badge = cancelled.first.locator(".cs-badge")
    assert badge.is_visible() and badge.inner_text().strip().lower() == "cancelled"
    href = cancelled.first.locator("a").first.get_attribute("href")
    phone.goto(site.url.rstrip("/") + href)
    assert phone.locator("p.cs-badge-cancelled").is_visible()
    screenshot(phone, "tour-en-cancelled-event")


def test_add_to_calendar_downloads_a_valid_ics(phone, site):
    phone.goto(site.url + "tour/events/mongkol-borei-theatre-2026-12-04/")
    screenshot(phone, "tour-km-event")
    with phone.expect_download() as info:
        phone.click("a.cs-ics")
    data = open(info.value.path(), "rb").read()
    cal = icalendar.Calendar.from_ical(data)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1
    assert str(events[0]["UID"]).startswith("mongkol-borei-theatre-2026-12-04@")
    assert events[0]["DTSTART"].dt.utcoffset() == dt.timedelta(hours=7)
    assert cal.walk("VTIMEZONE")


def test_province_schedule_prints_on_a4(browser, site, tmp_path):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site.url + "tour/battambang/")
    page.emulate_media(media="print")
    assert not page.locator(".cs-filters").is_visible()
    assert not page.locator(".md-header").is_visible()
    pdf = tmp_path / "battambang.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2  # A4 in points
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "បាត់ដំបង" in text
    page.close()


def test_event_page_badge_follows_the_readers_clock(browser, site):
    """Built before the event: 'Scheduled'; read after it: 'Took place'."""
    url = site.url + "en/tour/events/mongkol-borei-theatre-2026-12-04/"
    for when, label in ((dt.datetime(2026, 12, 1, 9, 0, tzinfo=PP), "Scheduled"),
                        (dt.datetime(2026, 12, 5, 9, 0, tzinfo=PP), "Took place")):
        context = browser.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        page.clock.install(time=when)
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("[data-cs-badge]").inner_text().strip() == label
        context.close()
