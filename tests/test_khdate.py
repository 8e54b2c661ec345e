"""Dates as a Khmer reader expects them (Babel's Khmer names, Khmer digits) and in English."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import get_month_names

from campaign.languages import dates as khdate

D = dt.datetime(2026, 12, 5, 18, 30)


def test_khmer_date_uses_babel_month_names_and_khmer_digits():
    assert khdate.format_date(D, "km") == "ថ្ងៃសៅរ៍ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦"
    assert khdate.format_month(D, "km") == "ខែធ្នូ ឆ្នាំ២០២៦"
    assert khdate.format_short_date(D, "km") == "សៅរ៍ ៥ ធ្នូ"
    for m in range(1, 13):
        assert get_month_names("wide", locale="km")[m] in khdate.format_month(dt.date(2027, m, 1), "km")


def test_no_western_digits_on_khmer_pages():
    for value in (khdate.format_datetime(D, "km"), khdate.format_number(12345, "km"),
                  khdate.format_range(D, D.replace(hour=20), "km")):
        assert not any(c.isascii() and c.isdigit() for c in value), value


@pytest.mark.parametrize("hour,expected", [
    (8, "ម៉ោង ៨:៣០ នៅពេលព្រឹក"), (14, "ម៉ោង ២:៣០ នៅពេលរសៀល"),
    (18, "ម៉ោង ៦:៣០ នៅពេលល្ងាច"), (21, "ម៉ោង ៩:៣០ នៅពេលយប់")])
def test_khmer_time_with_day_period(hour, expected):
    assert khdate.format_time(dt.time(hour, 30), "km") == expected
    assert "\u200b" not in khdate.format_time(dt.time(hour, 30), "km")


def test_english():
    assert khdate.format_date(D, "en") == "Saturday 5 December 2026"
    assert khdate.format_time(D, "en") == "6:30\u202fPM" or khdate.format_time(D, "en") == "6:30 PM"
    assert khdate.format_month(D, "en") == "December 2026"
    assert khdate.format_number(1671, "en") == "1,671"


def test_ranges():
    same = khdate.format_range(D, D.replace(hour=20, minute=0), "km")
    assert same == "ថ្ងៃសៅរ៍ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦ ម៉ោង ៦:៣០ នៅពេលល្ងាច – ម៉ោង ៨:០០ នៅពេលល្ងាច"
    two = khdate.format_range(D, D + dt.timedelta(days=1), "en")
    assert two.count("December") == 2 and " – " in two


def test_thai_dates_come_from_cldr_and_other_languages_too():
    assert khdate.format_date(D, "th") == "วันเสาร์ที่ 5 ธันวาคม ค.ศ. 2026"
    assert khdate.format_month(D, "th") == "ธันวาคม 2026"
    assert khdate.format_time(D, "th") == "18:30"
    assert khdate.format_date(D, "de") == "Samstag, 5. Dezember 2026"
