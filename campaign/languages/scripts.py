"""Writing systems the project can publish: their letters, fonts and word splitting.

Khmer and Thai are written without spaces between words. Browsers and PDF engines
need word boundaries to wrap lines, and search needs them to index words: a script
with a ``splitter`` gets them from a model shipped as a Python package (nothing is
downloaded at run time). Every glyph the site or a PDF draws comes from a font
listed here, shipped in ``campaign/languages/fonts/`` (OFL).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

FONTS = Path(__file__).parent / "fonts"
ZWSP = "\u200b"


@dataclass(frozen=True)
class Script:
    code: str  # ISO 15924: Khmr, Thai, Latn
    ranges: tuple[tuple[int, int], ...]  # code points of its letters, marks and digits
    family: str  # the shipped font family
    regular: str  # font files in FONTS
    bold: str
    web_font: bool  # served to browsers (Latin uses the phone's own font)
    splitter: Callable[[str], list[str]] | None = None  # words of a run written without spaces
    digits: str = ""  # the script's own digits 0-9, if it has them

    @functools.cached_property
    def run(self) -> re.Pattern:
        return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in self.ranges) + "]+")

    def has(self, text: str) -> bool:
        return bool(self.run.search(text))

    @property
    def font_files(self) -> tuple[Path, Path]:
        return FONTS / self.regular, FONTS / self.bold

    @property
    def unicode_range(self) -> str:
        """CSS ``unicode-range``: the browser downloads the font only for pages using it."""
        return ",".join(f"U+{a:04X}-{b:04X}" for a, b in self.ranges) + ",U+200B-200D,U+25CC"


@functools.lru_cache(maxsize=None)
def _khmer_tokenize():
    from khmercut import tokenize  # a CRF model (~20 MB): loaded only when Khmer is met

    return tokenize


@functools.lru_cache(maxsize=None)
def _thai_tokenize():
    from pythainlp.tokenize import word_tokenize  # dictionary-based (newmm), offline

    return lambda text: word_tokenize(text, engine="newmm", keep_whitespace=False)


def _khmer_words(run: str) -> list[str]:
    return _khmer_tokenize()(run)


def _thai_words(run: str) -> list[str]:
    return _thai_tokenize()(run)


KHMER = Script("Khmr", ((0x1780, 0x17FF), (0x19E0, 0x19FF)), "Noto Sans Khmer",
               "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", True, _khmer_words, "០១២៣៤៥៦៧៨៩")
THAI = Script("Thai", ((0x0E00, 0x0E7F),), "Noto Sans Thai",
              "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", True, _thai_words, "๐๑๒๓๔๕๖๗๘๙")
LATIN = Script("Latn", ((0x0020, 0x024F),), "Noto Sans",
               "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", False)
SCRIPTS = (KHMER, THAI, LATIN)
SPLIT = tuple(s for s in SCRIPTS if s.splitter)  # scripts written without spaces


def native_digits() -> str:
    """Every shipped script's own digits, in groups of ten (search folds them to 0-9)."""
    return "".join(s.digits for s in SCRIPTS)


def unspaced_class() -> str:
    """The code point ranges of scripts written without spaces, as a JavaScript character class body."""
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for s in SPLIT for a, b in s.ranges)


def script_of(text: str) -> Script:
    """The first non-Latin script found in ``text`` (Latin when there is none)."""
    return next((s for s in SPLIT if s.has(text)), LATIN)


@functools.lru_cache(maxsize=8192)
def _split(script: Script, run: str) -> tuple[str, ...]:
    return tuple(w for w in script.splitter(run) if w and not w.isspace())


def words(text: str) -> list[str]:
    """Runs of Khmer or Thai split into words by their models; other text on white space."""
    spans = sorted((m.start(), m.end(), s) for s in SPLIT for m in s.run.finditer(text))
    out: list[str] = []
    pos = 0
    for start, end, script in spans:
        out.extend(text[pos:start].split())
        out.extend(_split(script, text[start:end].replace(ZWSP, "")))
        pos = end
    out.extend(text[pos:].split())
    return out


def segment(text: str, sep: str = ZWSP) -> str:
    """Insert ``sep`` between the words of every Khmer or Thai run (line breaks, search)."""
    for script in SPLIT:
        if script.has(text):
            text = script.run.sub(lambda m, s=script: sep.join(_split(s, m.group(0).replace(ZWSP, ""))), text)
    return text


# -- fonts for PDFs (posters, guides): every glyph from a shipped file, never a system font --

def pdf_family(script: Script) -> str:
    return f"P-{script.code}"


def pdf_font_css(languages=()) -> str:
    """@font-face rules (file:// URLs) for every shipped font, and a font stack per language
    that puts the language's own script first (its punctuation and digits come from it)."""
    return _font_css(tuple(languages))


@functools.lru_cache(maxsize=64)  # every link preview card asks for the same rules
def _font_css(languages: tuple[str, ...]) -> str:
    from campaign.languages.pack import pack

    rules = []
    for s in SCRIPTS:
        for weight, path in zip((400, 700), s.font_files):
            rules.append(f'@font-face {{ font-family: "{pdf_family(s)}"; font-weight: {weight}; '
                         f'src: url("{path.as_uri()}"); }}')
    rules.append(f"body {{ font-family: {_stack(LATIN)}; }}")
    for code in dict.fromkeys(("km", "en", "th", *languages)):
        if pack(code).script != LATIN:
            rules.append(f":lang({code}) {{ font-family: {pdf_stack(code)}; }}")
    rules.append(f".latin {{ font-family: {_stack(LATIN)}; }}")
    return "\n".join(rules)


def _stack(first: Script) -> str:
    return ", ".join(f'"{pdf_family(s)}"' for s in (first, *[x for x in SCRIPTS if x != first]))


def pdf_stack(lang: str) -> str:
    """CSS font-family list for text in ``lang`` (its script's font first, then the others)."""
    from campaign.languages.pack import pack

    return _stack(pack(lang).script)


def pdf_font_names() -> set[str]:
    """The font names a PDF may embed (anything else means a system font slipped in)."""
    return {Path(name).stem for s in SCRIPTS for name in (s.regular, s.bold)}


def pdf_font_files() -> list[Path]:
    return [p for s in SCRIPTS for p in s.font_files]
