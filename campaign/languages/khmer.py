"""Khmer text rules: spelling variants that render alike, Khmer digits.

Word splitting lives with the script (``campaign.languages.scripts``); these are the
Khmer-only rules the search index, the gazetteer and the Khmer pack share.
"""

from __future__ import annotations

import re
import unicodedata

from campaign.languages.scripts import KHMER, ZWSP

KHMER_DIGITS = KHMER.digits

# Equivalent spellings that render alike; mapped to one form for matching only.
# U+17D2 U+178A (subscript DA) and U+17D2 U+178F (subscript TA) are drawn alike
# and both are typed for the same words.
_EQUIVALENTS = {
    "\u17d2\u178a": "\u17d2\u178f",
    "\u17a3": "\u17a2",  # deprecated independent vowel QAQ → QA
    "\u17a4": "\u17a2\u17b6",  # deprecated QAA → QA + AA
}
_EQUIV_RE = re.compile("|".join(map(re.escape, _EQUIVALENTS)))


def has_khmer(text: str) -> bool:
    return KHMER.has(text)


def digits(value: int | str) -> str:
    """Western digits to Khmer digits (១២៣)."""
    return str(value).translate(str.maketrans("0123456789", KHMER_DIGITS))


def normalize(text: str) -> str:
    """One canonical form for comparing words: NFC, equivalent subscripts folded, no ZWSP."""
    text = unicodedata.normalize("NFC", text).replace(ZWSP, "")
    return _EQUIV_RE.sub(lambda m: _EQUIVALENTS[m.group(0)], text)
