"""Khmer text helpers: slugs, digits, normalisation and word segmentation.

Khmer is written without spaces between words. Browsers and PDF engines need
word boundaries to wrap lines and search needs them to index words; ``segment``
gives them (a CRF model shipped in the ``khmercut`` package, nothing downloaded).
"""

from __future__ import annotations

import functools
import re
import unicodedata

ZWSP = "\u200b"
KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
_KHMER_RUN = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]+")

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
    return bool(_KHMER.search(text))


def digits(value: int | str) -> str:
    """Western digits to Khmer digits (១២៣)."""
    return str(value).translate(KHMER_DIGITS)


def normalize(text: str) -> str:
    """One canonical form for comparing words: NFC, equivalent subscripts folded, no ZWSP."""
    text = unicodedata.normalize("NFC", text).replace(ZWSP, "")
    return _EQUIV_RE.sub(lambda m: _EQUIVALENTS[m.group(0)], text)


def slugify(value: str, separator: str = "-") -> str:
    """URL anchor that keeps Khmer (letters *and* their vowel signs and subscripts).

    Python-Markdown's unicode slugify drops combining marks, so Khmer headings
    became ``_1``; Khmer vowels are marks (categories Mn/Mc), so keep L, M and N.
    """
    value = unicodedata.normalize("NFC", value).replace(ZWSP, "")
    out: list[str] = []
    for ch in value.lower():
        cat = unicodedata.category(ch)
        if cat[0] in "LMN" or ch == "_":
            out.append(ch)
        elif ch.isspace() or ch in "-–—/.":
            out.append(" ")
    return re.sub(r"\s+", separator, "".join(out).strip())


@functools.lru_cache(maxsize=1)
def _tokenize():
    from khmercut import tokenize  # loads a 20 MB model; only when Khmer is met

    return tokenize


@functools.lru_cache(maxsize=4096)
def _words(run: str) -> tuple[str, ...]:
    return tuple(w for w in _tokenize()(run) if w)


def words(text: str) -> list[str]:
    """Khmer runs split into words; other text split on white space."""
    out: list[str] = []
    pos = 0
    for m in _KHMER_RUN.finditer(text):
        out.extend(text[pos:m.start()].split())
        out.extend(_words(m.group(0)))
        pos = m.end()
    out.extend(text[pos:].split())
    return out


def segment(text: str, sep: str = ZWSP) -> str:
    """Insert ``sep`` between Khmer words so browsers and PDF engines can break lines there."""
    if not has_khmer(text):
        return text
    return _KHMER_RUN.sub(lambda m: sep.join(_words(m.group(0).replace(ZWSP, ""))), text)
