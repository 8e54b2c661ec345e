"""One pack per language: everything that differs between languages, in one place.

A pack says how numbers and dates are written (Babel/CLDR patterns, native digits),
which script the language uses (hence its fonts and how words are split for search
and line breaks), and whether text drafted in it must be reviewed by a native
speaker before it is trusted. Khmer, English and Thai come with the project; any
other language code gets a pack built from CLDR alone, so adding a language is
configuration, not code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import match_skeleton

from campaign.languages.khmer import KHMER_DIGITS
from campaign.languages.scripts import KHMER, LATIN, THAI, Script, script_of

WESTERN = "0123456789"


@dataclass(frozen=True)
class LanguagePack:
    code: str
    script: Script
    digits: str = WESTERN  # digits written on this language's pages (phone numbers never change)
    # Babel patterns; missing ones come from CLDR: date (full), short_date, month, time.
    patterns: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    time_prefix: str = ""  # Khmer writes ម៉ោង ("hour") before a time
    datetime_join: str = ", "
    review: bool = False  # text drafted in this language is marked until a native speaker checks it
    # where a reader of this language is best served when text is missing, before the site's
    # default language (a Thai employer reads English more often than Khmer)
    fallback: tuple[str, ...] = ("en",)
    counter_style: str = "decimal"  # CSS counter style for page numbers in this language's digits

    @functools.cached_property
    def locale(self) -> Locale:
        try:
            return Locale.parse(self.code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en")

    @property
    def name(self) -> str:
        """The language's own name, from CLDR (ខ្មែរ, ไทย, English)."""
        return self.locale.get_display_name(self.locale) or self.code

    def name_in(self, other: "LanguagePack") -> str:
        """This language's name as a reader of ``other`` calls it."""
        return self.locale.get_language_name(other.locale) or self.code

    def pattern(self, what: str) -> str:
        if what in self.patterns:
            return self.patterns[what]
        loc = self.locale
        if what == "date":
            return loc.date_formats["full"].pattern
        if what == "time":
            return loc.time_formats["short"].pattern
        skeleton = {"short_date": "MMMEd", "month": "yMMMM"}[what]
        return loc.datetime_skeletons[match_skeleton(skeleton, loc.datetime_skeletons)].pattern

    def number_text(self, text: str | int) -> str:
        """Western digits in ``text`` written with this language's digits."""
        return str(text) if self.digits == WESTERN else str(text).translate(str.maketrans(WESTERN, self.digits))


KM = LanguagePack(
    "km", KHMER, digits=KHMER_DIGITS, review=True, fallback=(), counter_style="khmer", time_prefix="ម៉ោង ", datetime_join=" ",
    # Month and weekday names come from CLDR; the frame words are how Khmer letters and
    # announcements write a date: ថ្ងៃ (day) before the weekday, ទី before the day number,
    # ខែ (month), ឆ្នាំ (year): "ថ្ងៃសៅរ៍ ទី៥ ខែធ្នូ ឆ្នាំ២០២៦". Khmer print and school books use
    # Khmer digits for dates; CLDR's km data defaults to Western ones.
    patterns={"date": "'ថ្ងៃ'EEEE 'ទី'd 'ខែ'MMMM 'ឆ្នាំ'y", "short_date": "EEE d MMMM",
              "month": "'ខែ'MMMM 'ឆ្នាំ'y",
              "time": "h:mm B"},  # B: CLDR day period (ព្រឹក morning … យប់ night)
)
EN = LanguagePack("en", LATIN, fallback=(), patterns={"date": "EEEE d MMMM y", "short_date": "EEE d MMM",
                                         "month": "MMMM y", "time": "h:mm a"})
# Thai: everything from CLDR (Gregorian year, Western digits, as Thai offices write today).
TH = LanguagePack("th", THAI, review=True)

BUILT_IN = {p.code: p for p in (KM, EN, TH)}


@functools.lru_cache(maxsize=None)
def pack(code: str) -> LanguagePack:
    """The pack of ``code``; a language without a built-in pack gets one from CLDR."""
    if code in BUILT_IN:
        return BUILT_IN[code]
    generic = LanguagePack(code, LATIN)
    return LanguagePack(code, script_of(generic.name))


def language_name(code: str, in_lang: str | None = None) -> str:
    """``code``'s own name, or its name in ``in_lang``."""
    return pack(code).name if in_lang is None else pack(code).name_in(pack(in_lang))
