"""Search index: one small JSON file per language, built from rendered pages.

Khmer and Thai are written without spaces, so a search engine that splits on
spaces finds such a word only when it starts a run. Here their text is split into
words at build time (``campaign.languages.scripts.segment``: khmercut for Khmer,
PyThaiNLP for Thai) and the words are kept apart by U+200B (zero-width space) in
the index only. The browser (``overrides/assets/javascripts/search.js``) splits the
text on U+200B, white space and punctuation, folds every word with the same rules as
``fold`` (Khmer spelling variants, lower case, Western digits), and splits a typed
query (no spaces) against that vocabulary, so both sides agree on words.

Index format (``search/<lang>.json``), chosen for bytes: the text is stored
once, as the reader will see it in a snippet; postings and the vocabulary are
derived in the browser in a few milliseconds, which costs less than shipping
them (see ``scripts/bench_search.py``)::

    {"v": 1, "lang": "km",
     "pages": [[url, title, lang_of_text_or_""], ...],
     "sections": [[page_number, anchor, heading, text], ...]}

The first section of a page has anchor "" and heading "" (text before the
first ``h2``); headings ``h2``-``h3`` start a new section.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from campaign.languages import khmer
from campaign.languages.scripts import ZWSP, native_digits, segment

INDEX_VERSION = 1
SECTION_TAGS = {"h2", "h3"}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# elements whose text is not content: permalinks, scripts, campaign notices
SKIP_TAGS = {"script", "style", "template", "svg", "nav", "button"}
SKIP_CLASSES = {"headerlink", "campaign-notices", "campaign-notice"}
# Blocks many pages repeat (the hotline box of every event page, download lists, file
# names) say nothing about the page: templates mark them data-search="skip".
SKIP_ATTR = ("data-search", "skip")
BLOCK_TAGS = HEADING_TAGS | {"p", "li", "ul", "ol", "div", "section", "table", "tr", "td", "th",
                             "dt", "dd", "dl", "blockquote", "pre", "br", "hr", "figure",
                             "figcaption", "details", "summary", "article", "aside"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
             "source", "track", "wbr"}
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_DIGITS = str.maketrans(native_digits(), "0123456789" * (len(native_digits()) // 10))


@dataclass
class Section:
    anchor: str
    heading: str
    text: str


@dataclass
class PageRecord:
    url: str
    title: str
    sections: list[Section] = field(default_factory=list)
    lang: str = ""  # language of the text when it differs from the index's language


# The page HTML comes from our Markdown and templates (well formed): a regular-expression
# tokenizer reads it three times faster than html.parser, which was a fifth of a build.
_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>|<(/?)([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
                    r"|([^<]+)|<", re.S | re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class _Extractor:
    """Rendered page HTML → sections (anchor, heading, text)."""

    def __init__(self) -> None:
        self.sections: list[Section] = [Section("", "", "")]
        self.title = ""
        self._skip_depth = 0      # inside an element that is not content
        self._stack: list[tuple[str, bool]] = []  # (tag, skipping) for open elements
        self._heading: list[str] | None = None
        self._heading_tag = ""
        self._heading_id = ""
        self._text: list[str] = []

    def feed(self, html: str) -> None:
        for m in _TOKEN.finditer(html):
            raw, name, attrs, text = m.group(2), m.group(3), m.group(4), m.group(5)
            if text is not None:
                self.handle_data(html_lib.unescape(text))
            elif name is None:  # a comment, a script or style element, or a lone "<"
                if m.group(0) == "<":
                    self.handle_data("<")
            elif raw:
                self.handle_endtag(name.lower())
            else:
                self.handle_starttag(name.lower(), [(k.lower(), html_lib.unescape(a if a is not None else b if b is not None
                                                                                   else c or ""))
                                                    for k, a, b, c in _ATTR.findall(attrs)])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skip = (tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or "hidden" in attrs
                or attrs.get(SKIP_ATTR[0]) == SKIP_ATTR[1])
        if tag in VOID_TAGS:
            if tag in BLOCK_TAGS and not self._skip_depth:
                self._text.append("\n")
            return
        self._stack.append((tag, skip))
        if skip:
            self._skip_depth += 1
            return
        if self._skip_depth:
            return
        if tag in HEADING_TAGS and self._heading is None:
            self._flush()
            self._heading, self._heading_tag, self._heading_id = [], tag, attrs.get("id") or ""
        elif tag in BLOCK_TAGS:
            self._text.append("\n")

    def handle_endtag(self, tag):
        # pop up to the matching element (HTML from Markdown is well formed; be lenient anyway)
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for _, skipping in self._stack[i:]:
                    if skipping:
                        self._skip_depth -= 1
                del self._stack[i:]
                break
        else:
            return
        if self._skip_depth:
            return
        if tag == self._heading_tag and self._heading is not None:
            heading = _clean("".join(self._heading))
            if tag == "h1" and not self.title:
                self.title = heading
            elif tag in SECTION_TAGS:
                self.sections.append(Section(self._heading_id, heading, ""))
            else:  # h4-h6 stay inside their section, as text
                self._text.append("\n" + heading + "\n")
            self._heading, self._heading_tag = None, ""
        elif tag in BLOCK_TAGS:
            self._text.append("\n")

    def handle_data(self, data):
        if self._skip_depth:
            return
        (self._heading if self._heading is not None else self._text).append(data)

    def _flush(self):
        text = _clean("".join(self._text))
        if text:
            s = self.sections[-1]
            s.text = f"{s.text} {text}".strip() if s.text else text
        self._text = []

    def close(self):
        self._flush()


def _clean(text: str) -> str:
    """One space between runs; Khmer runs split into words with U+200B."""
    return segment(_SPACE.sub(" ", text.replace(ZWSP, "")).strip())


def page_record(html: str, url: str, title: str | None = None, lang: str = "") -> PageRecord:
    """A page's searchable record from its rendered content HTML (no theme around it)."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    sections = [s for s in parser.sections if s.text or s.heading]
    best_title = parser.title or _clean(html_lib.unescape(title or "")) or url
    return PageRecord(url=url, title=best_title, sections=sections, lang=lang)


def build_index(records: list[PageRecord], lang: str) -> dict:
    """The index of one language, as a JSON-ready dict (pages in URL order, stable)."""
    pages, sections = [], []
    for n, rec in enumerate(sorted(records, key=lambda r: r.url)):
        pages.append([rec.url, rec.title, "" if rec.lang in ("", lang) else rec.lang])
        for s in rec.sections:
            sections.append([n, s.anchor, s.heading, s.text])
    return {"v": INDEX_VERSION, "lang": lang, "pages": pages, "sections": sections}


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def index_path(site_dir: Path, lang: str) -> Path:
    return Path(site_dir) / "search" / f"{lang}.json"


def write_index(site_dir: Path, lang: str, records: list[PageRecord]) -> Path:
    """Write ``search/<lang>.json`` under ``site_dir`` (the language's own site root)."""
    path = index_path(site_dir, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(build_index(records, lang)), encoding="utf-8")
    return path


# -- the browser's rules, in Python: for tests and for the benchmark --------------------

def fold(word: str) -> str:
    """The form a word is compared in: Khmer spelling variants folded, lower case, Western digits."""
    return khmer.normalize(word).lower().translate(_DIGITS)


def tokens(text: str) -> list[str]:
    """Words of an index text as the browser splits them (ZWSP, spaces, punctuation)."""
    out, word = [], []
    for ch in text:  # a word is a run of letters, marks and digits (search.js: [\p{L}\p{M}\p{N}]+)
        if unicodedata.category(ch)[0] in "LMN":
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def vocabulary(index: dict) -> set[str]:
    """Folded words of an index (what the browser splits queries against)."""
    out: set[str] = set()
    for _, _, heading, text in index["sections"]:
        out.update(fold(t) for t in tokens(heading) + tokens(text))
    for _, title, _ in index["pages"]:
        out.update(fold(t) for t in tokens(title))
    return out
