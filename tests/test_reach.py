"""Reach and open data: the privacy rule, the page's figures equal to the CSV's sums, the
Frictionless package valid, the charts readable on a 360 px phone."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

import pytest

from campaign.build import SiteBuild
from campaign.content.reach import MIN_COUNT, publishable, suppressed
from campaign.content.reach.view import STUB
from campaign.content.tour import labels
from campaign.content.tour.schedule import AGE_BANDS, GENDERS

from conftest import PHONE, ROOT, screenshot

SMALL = "Not broken down (privacy)"
KM_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
TINY = ("      female: {under-15: 3, 15-24: 5, 25-44: 5, 45-plus: 3}\n"
        "      male: {under-15: 2, 15-24: 6, 25-44: 2, 45-plus: 1}\n")  # the only authority training


# -- the rule ------------------------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_counts_of_one_to_four_are_withheld(n):
    assert suppressed(n)


@pytest.mark.parametrize("n", [0, 5, 6, 120])
def test_zero_and_five_or_more_are_published(n):
    assert not suppressed(n)
    assert MIN_COUNT == 5


def test_a_lone_small_cell_takes_the_next_smallest_with_it():
    cells, total = publishable({"f": 3, "m": 10, "o": 0, "x": 40})
    assert cells == {"f": None, "m": None, "o": 0, "x": 40} and total == 53  # 53 - 40 - 0 cannot tell 3 from 10


def test_two_small_cells_hide_each_other():
    assert publishable({"f": 3, "m": 2, "x": 10}) == ({"f": None, "m": None, "x": 10}, 15)


def test_an_event_of_fewer_than_five_people_publishes_nothing():
    assert publishable({"f": 3, "m": 0}) == ({"f": None, "m": None}, None)
    assert publishable({"f": 0, "m": 0}) == ({"f": 0, "m": 0}, 0)
    assert publishable({"f": 5, "m": 7}) == ({"f": 5, "m": 7}, 12)


# -- the page and the open data --------------------------------------------------------------

def number(text: str) -> int | str:
    text = text.strip().translate(KM_DIGITS).replace(",", "")
    return int(text) if text.isdigit() else text


def tables(page: str) -> dict[str, dict[str, int | str]]:
    """Each breakdown table of the page: row label → figure (and "Total")."""
    out = {}
    for key, body in re.findall(r'<table class="campaign-reach__table" aria-labelledby="reach-(\w+)">(.*?)</table>',
                                page, re.S):
        out[key] = {label: number(value) for label, value in
                    re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', body)}
    return out


def charts(page: str) -> list[list[str]]:
    """The value written after each bar, per chart."""
    return [re.findall(r'font-weight="700">(.*?)</text>', svg)
            for svg in re.findall(r'<svg class="campaign-reach__chart".*?</svg>', page, re.S)]


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def cell(row: dict, key: str) -> int:
    return int(row[key] or 0)


@pytest.fixture(scope="module")
def reference():
    b = SiteBuild.start(ROOT / "mkdocs.yml", render=False)
    yield b
    b.close()


def test_open_data_is_written_once_with_the_default_language(reference):
    km, en = reference.language_files("km"), reference.language_files("en")
    assert {"data/attendance.csv", "data/events.json", "data/datapackage.json"} <= set(km)
    assert not [p for p in en if p.startswith("data/")]


def test_no_published_cell_holds_one_to_four_people(reference):
    rows = read_csv(reference.language_files("km")["data/attendance.csv"])
    schedule = reference.project.schedule
    assert [r["id"] for r in rows] == [e.id for e in schedule.events if e.attendance is not None]
    values = [v for r in rows for k, v in r.items() if k not in ("id", "date", "province", "district", "kind")]
    assert "" in values  # the sample has small groups: they are withheld
    assert not [v for v in values if v and suppressed(int(v))]
    for r in rows:  # every event's total counts everyone
        assert int(r["total"]) == schedule.event(r["id"]).attendance.total
        assert sum(v == "" for k, v in r.items() if "_" in k) != 1  # never a lone empty cell


def test_page_totals_equal_the_sums_of_the_csv(reference):
    rows = read_csv(reference.language_files("km")["data/attendance.csv"])
    page = reference.markdown("en", "reach.md")
    got = tables(page)
    gaz = reference.project.gazetteer
    total = sum(int(r["total"]) for r in rows)
    cells = {(g, b): sum(cell(r, f"{g}_{b}".replace("-", "_")) for r in rows) for g in GENDERS for b in AGE_BANDS}
    small = total - sum(cells.values())
    assert small > 0
    assert f"{total:,} people at {len(rows)} events." in page
    province = Counter()
    for r in rows:
        province[gaz.get(r["province"]).name("en")] += int(r["total"])
    assert got["province"] == {**province, "Total": total}
    months = Counter()
    for r in rows:
        months[{"08": "August", "09": "September", "10": "October", "11": "November"}[r["date"][5:7]]
               + " " + r["date"][:4]] += int(r["total"])
    assert got["month"] == {**months, "Total": total}
    kinds = Counter()
    for r in rows:
        kinds[labels.KIND[r["kind"]]] += int(r["total"])
    assert got["kind"] == {**kinds, "Total": total}
    assert got["gender"] == {**{labels.GENDER[g]: sum(cells[g, b] for b in AGE_BANDS) for g in GENDERS},
                             SMALL: small, "Total": total}
    bands = {labels.BAND[b]: sum(cells[g, b] for g in GENDERS) for b in AGE_BANDS}
    assert got["age"] == {**{k: v for k, v in bands.items() if k != "Age not noted" or v}, SMALL: small,
                          "Total": total}
    # each chart shows the numbers of the table under it
    for values, key in zip(charts(page)[1:], ["province", "month", "kind", "gender", "age"]):
        assert [number(v) for v in values] == [v for k, v in got[key].items() if k != "Total"]


def test_target_comes_from_the_data_file_and_the_khmer_page_uses_khmer_digits(reference):
    en, km = reference.markdown("en", "reach.md"), reference.markdown("km", "reach.md")
    assert "<tr><th scope=\"row\">Target</th><td>60,000</td></tr>" in en
    assert "<td>៦០,០០០</td>" in km and "១,៦៧១" in km and "1,671" not in km
    assert "international-partnerships.ec.europa.eu" in en
    assert "These figures come from sample data" in en  # the schedule is invented
    assert 'href="../data/attendance.csv"' in km and 'href="../../data/attendance.csv"' in en


def test_the_privacy_rule_is_on_the_page_in_both_languages(reference):
    assert "1 to 4 people is never" in reference.markdown("en", "reach.md")
    assert "ពី ១ ដល់ ៤ នាក់" in reference.markdown("km", "reach.md")


def test_charts_scale_to_the_phone_and_escape_their_text(reference):
    page = reference.markdown("km", "reach.md")
    svgs = re.findall(r"<svg [^>]*>", page)
    assert len(svgs) == 6 and all('width="100%"' in s and 'viewBox="0 0 320 ' in s for s in svgs)
    assert "<script" not in page.split('<div class="campaign-reach"')[1]


def test_an_event_of_fewer_than_five_people_is_counted_but_never_shown(project_copy):
    path = project_copy / "tour_schedule.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(TINY) == 1
    path.write_text(text.replace(TINY, "      female: {25-44: 3}\n"), encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    rows = read_csv(b.language_files("km")["data/attendance.csv"])
    (tiny,) = [r for r in rows if r["kind"] == "authority-training"]
    assert {v for k, v in tiny.items() if "_" in k or k == "total"} == {""}
    page = b.markdown("en", "reach.md")
    kinds = tables(page)["kind"]
    assert kinds["Training for local authorities"] == "fewer than 5"
    assert kinds["Total"] == sum(int(r["total"] or 0) for r in rows) + 3  # honest: they are counted
    kind_chart = re.findall(r'<svg class="campaign-reach__chart".*?</svg>', page, re.S)[3]
    assert re.search(rf'<rect x="0" y="\d+" width="{STUB}" [^>]*/>\s*<text [^>]*>fewer than 5</text>', kind_chart)


def test_events_json_lists_every_event_with_its_titles(reference):
    events = json.loads(reference.language_files("km")["data/events.json"])
    schedule = reference.project.schedule
    assert [e["id"] for e in events] == [e.id for e in schedule.events]
    first = events[0]
    assert first["start"].endswith("+07:00") and set(first["title"]) == {"km", "en"}
    assert {e["status"] for e in events} >= {"scheduled", "cancelled"}
    assert any(e["previous_start"] for e in events if e["status"] == "rescheduled")


def test_the_data_package_validates_with_frictionless(reference, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    for rel, data in reference.language_files("km").items():
        if rel.startswith("data/"):
            (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / rel).write_bytes(data)
    report = frictionless.validate(str(tmp_path / "data/datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert [t.name for t in report.tasks] == ["attendance", "events"]
    package = json.loads((tmp_path / "data/datapackage.json").read_text(encoding="utf-8"))
    assert "1 to 4 people" in package["description"] and "SAMPLE DATA" in package["description"]
    fields = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert fields["date"] == "date" and fields["female_15_24"] == "integer" and fields["total"] == "integer"


# -- in the browser --------------------------------------------------------------------------

WIDE = """() => [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    if (!r.width || r.right <= innerWidth + 1 || getComputedStyle(el).visibility === 'hidden') return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= innerWidth + 1) return false;
        if (getComputedStyle(p).transform !== 'none' || getComputedStyle(p).visibility === 'hidden') return false;
    }
    return true; }).map(el => el.tagName + '.' + el.className).slice(0, 5)"""

CLIPPED = """() => [...document.querySelectorAll('svg.campaign-reach__chart text')].filter(t => {
    const box = t.getBBox(), vb = t.ownerSVGElement.viewBox.baseVal;
    return box.x < 0 || box.x + box.width > vb.width || box.y < 0 || box.y + box.height > vb.height;
}).map(t => t.textContent)"""


@pytest.mark.browser
@pytest.mark.parametrize("prefix,lang", [("", "km"), ("en/", "en")])
def test_charts_fit_a_phone_and_their_tables_match_the_csv(phone, site, prefix, lang):
    phone.goto(site.url + prefix + "reach/")
    phone.wait_for_load_state("networkidle")
    if lang == "km":
        phone.wait_for_function("document.fonts.check('16px \"Noto Sans Khmer\"', 'ក')")
    assert phone.evaluate(WIDE) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    widths = phone.evaluate("[...document.querySelectorAll('svg.campaign-reach__chart')]"
                            ".map(s => s.getBoundingClientRect().width)")
    assert len(widths) == 6 and all(0 < w <= PHONE["width"] for w in widths)
    assert phone.evaluate(CLIPPED) == []  # every label and value inside its chart
    rows = read_csv((site.root / "data/attendance.csv").read_bytes())
    cells = phone.evaluate("[...document.querySelectorAll('table.campaign-reach__table tfoot td')]"
                           ".map(td => td.textContent)")
    assert [number(c) for c in cells] == [sum(int(r["total"]) for r in rows)] * 5
    screenshot(phone, f"reach-{lang}")
