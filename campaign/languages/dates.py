"""Dates and times written the way a Khmer (or English) reader expects.

Month and weekday names and day periods come from Babel's CLDR data for ``km``; only the
small frame words are ours: ថ្ងៃ (day) before the weekday, ទី before the day number, ខែ
(month) and ឆ្នាំ (year) before their names, as in Khmer letters and announcements,
"ថ្ងៃសៅរ៍ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦".

Digits: on Khmer pages we write Khmer numerals (០១២…). Khmer print media, government
documents and school books conventionally use them for dates, and Babel/CLDR's ``km``
data uses Western digits only because that is its default numbering system, not because
Khmer readers prefer it. Phone numbers are not dates: hotlines keep Western digits so
they can be dialled (that is the hotline renderer's business, not this module's).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _bdate
from babel.dates import format_time as _btime
from babel.numbers import format_decimal

from campaign.languages.khmer import digits

# Babel patterns; text in single quotes is literal.
_PATTERNS = {
    "km": {
        "date": "'ថ្ងៃ'EEEE 'ទី'd 'ខែ'MMMM 'ឆ្នាំ'y",
        "short_date": "EEE d MMMM",
        "month": "'ខែ'MMMM 'ឆ្នាំ'y",
        "time": "h:mm B",  # B = CLDR day period: ព្រឹក morning, រសៀល afternoon, ល្ងាច evening, យប់ night
    },
    "en": {
        "date": "EEEE d MMMM y",
        "short_date": "EEE d MMM",
        "month": "MMMM y",
        "time": "h:mm a",
    },
}
_TIME_WORD = {"km": "ម៉ោង "}  # "hour": Khmer writes "ម៉ោង ៦:៣០ ល្ងាច"
_ZWSP = "\u200b"


def _locale(lang: str) -> str:
    return lang if lang in _PATTERNS else "en"


def _finish(text: str, lang: str) -> str:
    # Babel's km day periods carry U+200B; drop it so tests and search see plain words.
    text = text.replace(_ZWSP, "")
    return digits(text) if lang == "km" else text


def _fmt(value: dt.date, lang: str, what: str) -> str:
    loc = _locale(lang)
    return _finish(_bdate(value, _PATTERNS[loc][what], locale=loc), lang)


def format_date(value: dt.date, lang: str) -> str:
    """ថ្ងៃសៅរ៍ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦ / Saturday 5 December 2026."""
    return _fmt(value, lang, "date")


def format_short_date(value: dt.date, lang: str) -> str:
    """សៅរ៍ ៥ ធ្នូ / Sat 5 Dec — for lists already grouped by month."""
    return _fmt(value, lang, "short_date")


def format_month(value: dt.date, lang: str) -> str:
    """ខែធ្នូ ឆ្នាំ២០២៦ / December 2026."""
    return _fmt(value, lang, "month")


def format_time(value: dt.time | dt.datetime, lang: str) -> str:
    """ម៉ោង ៦:៣០ ល្ងាច / 6:30 PM."""
    loc = _locale(lang)
    t = value.time() if isinstance(value, dt.datetime) else value
    text = _btime(t, _PATTERNS[loc]["time"], locale=loc)
    return _TIME_WORD.get(lang, "") + _finish(text, lang)


_JOIN = {"km": " "}  # Khmer does not put a Latin comma between the date and ម៉ោង


def format_datetime(value: dt.datetime, lang: str) -> str:
    return format_date(value, lang) + _JOIN.get(lang, ", ") + format_time(value, lang)


def format_range(start: dt.datetime, end: dt.datetime, lang: str) -> str:
    """One day: "date, time – time"; several days: both dates and times in full."""
    if start.date() == end.date():
        return f"{format_datetime(start, lang)} – {format_time(end, lang)}"
    return f"{format_datetime(start, lang)} – {format_datetime(end, lang)}"


def format_number(value: int, lang: str) -> str:
    """1,234 / ១,២៣៤ (grouping from CLDR, Khmer digits on Khmer pages)."""
    loc = _locale(lang)
    return _finish(format_decimal(value, locale=loc), lang)
