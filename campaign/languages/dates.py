"""Dates, times and numbers written the way each language's readers expect.

Patterns come from the language pack (``campaign.languages.pack``): CLDR's data through
Babel, with the Khmer frame words (ថ្ងៃ, ទី, ខែ, ឆ្នាំ) and Khmer digits on Khmer pages.
Phone numbers are not numbers here: hotlines keep Western digits so they can be dialled.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _bdate
from babel.dates import format_time as _btime
from babel.numbers import format_decimal

from campaign.languages.pack import pack

_ZWSP = "\u200b"


def _finish(text: str, lang: str) -> str:
    # CLDR's km day periods carry U+200B; drop it so tests and search see plain words.
    return pack(lang).number_text(text.replace(_ZWSP, ""))


def _fmt(value: dt.date, lang: str, what: str) -> str:
    p = pack(lang)
    return _finish(_bdate(value, p.pattern(what), locale=p.locale), lang)


def format_date(value: dt.date, lang: str) -> str:
    """ថ្ងៃសៅរ៍ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦ / Saturday 5 December 2026 / วันเสาร์ที่ 5 ธันวาคม ค.ศ. 2026."""
    return _fmt(value, lang, "date")


def format_short_date(value: dt.date, lang: str) -> str:
    """សៅរ៍ ៥ ធ្នូ / Sat 5 Dec — for lists already grouped by month."""
    return _fmt(value, lang, "short_date")


def format_month(value: dt.date, lang: str) -> str:
    """ខែធ្នូ ឆ្នាំ២០២៦ / December 2026."""
    return _fmt(value, lang, "month")


def format_time(value: dt.time | dt.datetime, lang: str) -> str:
    """ម៉ោង ៦:៣០ ល្ងាច / 6:30 PM / 18:30."""
    p = pack(lang)
    t = value.time() if isinstance(value, dt.datetime) else value
    return p.time_prefix + _finish(_btime(t, p.pattern("time"), locale=p.locale), lang)


def format_datetime(value: dt.datetime, lang: str) -> str:
    return format_date(value, lang) + pack(lang).datetime_join + format_time(value, lang)


def format_range(start: dt.datetime, end: dt.datetime, lang: str) -> str:
    """One day: "date, time – time"; several days: both dates and times in full."""
    if start.date() == end.date():
        return f"{format_datetime(start, lang)} – {format_time(end, lang)}"
    return f"{format_datetime(start, lang)} – {format_datetime(end, lang)}"


def format_number(value: int | float, lang: str) -> str:
    """1,234 / ១,២៣៤ (grouping from CLDR, the language's digits)."""
    return _finish(format_decimal(value, locale=pack(lang).locale), lang)


def digits(value: int | str, lang: str) -> str:
    """A number as written on ``lang`` pages, without grouping (page numbers, years)."""
    return pack(lang).number_text(value)


def format_size(n: int, lang: str) -> str:
    """A file size as "15 KB" / "1.2 MB", in the language's digits."""
    text = f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"
    return digits(text, lang)
