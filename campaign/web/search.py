"""Search index: per language, small JSON files built from rendered pages.

Khmer and Thai are written without spaces, so a search engine that splits on
spaces finds such a word only when it starts a run. Here their text is split into
words at build time (``campaign.languages.scripts.segment``: khmercut for Khmer,
PyThaiNLP for Thai) and the words are kept apart by U+200B (zero-width space) in
the index only. The browser (``overrides/assets/javascripts/search.js``) splits the
text on U+200B, white space and punctuation, folds every word with the same rules as
``fold`` (Khmer spelling variants, lower case, Western digits), and splits a typed
query (no spaces) against that vocabulary, so both sides agree on words.

Index format (``search/<lang>/``, see ``build_shards``), chosen so that a first search
downloads what it needs and no more: ``index.json`` (pages, titles, every word, to split
queries), the postings of the query's words with each word's positions (``p<n>.json``),
which are enough to score and rank every page exactly as a scan of the whole text would,
then the text of the sections shown as results (``t<n>.json``, small chunks), ten at a time.

Sections: the first of a page has anchor "" and heading "" (text before the first
``h2``); headings ``h2``-``h3`` start a new section.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import gc
import hashlib
import html as html_lib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from campaign.core import memo
from campaign.languages import khmer
from campaign.languages.scripts import ZWSP, native_digits, segment

INDEX_VERSION = 3
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
    """A page's searchable record from its rendered content HTML (no theme around it); kept
    between builds (4,000 event pages at 2,000 events), under the code that makes it."""
    def kept() -> PageRecord:
        inputs = (_record_code(), hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest(), url, title, lang)
        text = memo.get("search-page", inputs, lambda: json.dumps(
            dataclasses.asdict(_page_record(html, url, title, lang)), ensure_ascii=False))
        data = json.loads(text)
        return PageRecord(data["url"], data["title"], [Section(**s) for s in data["sections"]], data["lang"])

    return memo.recall("search-page", (html, url, title, lang), kept)


@functools.lru_cache(maxsize=1)
def _record_code() -> str:
    """The code that splits and normalises words, and the word splitters' versions."""
    from importlib.metadata import PackageNotFoundError, version

    from campaign.languages import khmer as khmer_mod, scripts

    versions = []
    for name in ("khmercut", "pythainlp"):
        try:
            versions.append(version(name))
        except PackageNotFoundError:
            versions.append("-")
    return memo.files_hash(Path(__file__), Path(scripts.__file__), Path(khmer_mod.__file__)) + ",".join(versions)


def _page_record(html: str, url: str, title: str | None, lang: str) -> PageRecord:
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


# A first search downloads only what it needs: the list of pages and every word (to split a
# Khmer or Thai query into words), the postings of the query's words (where each word stands,
# in files of neighbouring words), then the text of the results it shows (small chunks).
SHARD_BYTES = 10_000
CHUNK_BYTES = 8_000


def positions(text: str) -> list[tuple[str, int]]:
    """Each folded word of an index text with its position, as the browser numbers them: the next
    word is one on after U+200B (words of one Khmer run), two on after a space or punctuation, so
    a query word made of several index words matches only words written together."""
    def make() -> list[tuple[str, int]]:
        out, pos, last = [], 0, None
        for m in _word_class().finditer(text):
            if last is not None:
                pos += 1 if text[last:m.start()] == ZWSP else 2
            out.append((fold(m.group()), pos))
            last = m.end()
        return out

    return memo.recall("search-positions", text, make)


def build_shards(records: list[PageRecord], lang: str) -> dict[str, dict | str]:
    """The sharded index of one language: file name (under search/<lang>/) → JSON-ready data (the
    postings files: their JSON text).

    ``index.json``: how many sections each page has (pages in URL order, sections numbered in
    page order), every folded word (in JavaScript's order), how many words each postings file has
    and how many sections each text chunk has: all a search needs to rank, small at any size;
    ``p<n>.json``: word → [[[section - previous section, [heading positions], [text positions]], …],
    [[page - previous page, [title positions]], …]] for a run of neighbouring words;
    ``t<n>.json``: {"first": its first section, "sections": [[anchor, heading, text], …],
    "pages": [[page, url, title, lang_of_text], …] for the pages of those sections}.
    """
    full = build_index(records, lang)
    pages, sections = full["pages"], full["sections"]
    firsts, seen = [], 0
    counts = [0] * len(pages)
    for s in sections:
        counts[s[0]] += 1
    for n in range(len(pages)):
        firsts.append(seen)
        seen += counts[n]
    # word → [section entries, title entries, last section, last page, ~bytes]; entries are JSON
    # text already (a list of lists per word and section took three times the memory: 60 MB at
    # 2,000 events); the sections' and titles' own postings are kept between builds, so a
    # preview puts together what changed
    post: dict[str, list] = {}
    for i, (_, _, heading, text) in enumerate(sections):
        for w, (h, t, count) in _section_postings(heading, text).items():
            entry = post.get(w) or post.setdefault(w, [[], [], 0, 0, 3 * len(w)])
            entry[0].append(f"[{i - entry[2]},{h},{t}]")
            entry[2] = i
            entry[4] += 8 + 4 * count
    for n, (_, title, _) in enumerate(pages):
        for w, (_, t, count) in _section_postings("", title).items():
            entry = post.get(w) or post.setdefault(w, [[], [], 0, 0, 3 * len(w)])
            entry[1].append(f"[{n - entry[3]},{t}]")
            entry[3] = n
            entry[4] += 8 + 4 * count
    words = sorted(post, key=_utf16)
    files: dict[str, dict] = {}
    shard_starts, shard, size = [], {}, SHARD_BYTES
    for n, w in enumerate(words):
        entry = post[w]
        if size + entry[4] > SHARD_BYTES and shard:
            files[f"p{len(shard_starts) - 1}.json"] = _postings_file(shard)
            shard = {}
        if not shard:
            shard_starts.append(n)
            size = 0
        shard[w] = entry
        size += entry[4]
    if shard:
        files[f"p{len(shard_starts) - 1}.json"] = _postings_file(shard)
    text_starts, size = [0], 0
    for i, (_, _, heading, text) in enumerate(sections):
        cost = (len(heading) + len(text)) * 3  # ~bytes in UTF-8
        if size + cost > CHUNK_BYTES and i > text_starts[-1]:
            text_starts.append(i)
            size = 0
        size += cost
    ends = [*text_starts[1:], len(sections)]
    for c, (first, end) in enumerate(zip(text_starts, ends)):
        files[f"t{c}.json"] = {"first": first, "sections": [s[1:] for s in sections[first:end]], "pages": []}
    chunk_of = [bisect.bisect_right(text_starts, i) - 1 for i in range(len(sections))]
    for n, page in enumerate(pages):
        # a page's address and title come with the text of each of its sections (a page without
        # any: with the text its place falls in), so a result shown needs one file
        homes = sorted({chunk_of[i] for i in range(firsts[n], firsts[n] + counts[n])}) or \
            [bisect.bisect_right(text_starts, min(firsts[n], max(len(sections) - 1, 0))) - 1]
        for c in homes:
            files[f"t{c}.json"]["pages"].append([n, *page])
    files["index.json"] = {"v": INDEX_VERSION, "lang": lang, "pages": counts, "words": words,
                           "shards": _counts(shard_starts, len(words)), "texts": _counts(text_starts, len(sections))}
    return files


def _utf16(word: str) -> bytes:
    """The order JavaScript sorts strings in (UTF-16 code units), so the browser can search the list."""
    return word.encode("utf-16-be", "surrogatepass")


def _postings_file(shard: dict[str, list]) -> str:
    """``p<n>.json``: word → [section entries, title entries], written as ``dumps`` would."""
    return "{" + ",".join(f"{dumps(w)}:[[{','.join(e[0])}],[{','.join(e[1])}]]" for w, e in shard.items()) + "}"


def _section_postings(heading: str, text: str) -> dict[str, tuple[str, str, int]]:
    """word → (its positions in the heading, in the text, as JSON lists; how many) of one section
    (or a title, as text)."""
    def make() -> dict[str, tuple[str, str, int]]:
        out: dict[str, tuple[list[int], list[int]]] = {}
        for field, value in ((0, heading), (1, text)):
            for w, pos in positions(value):
                (out.get(w) or out.setdefault(w, ([], [])))[field].append(pos)
        return {w: (f"[{','.join(map(str, h))}]", f"[{','.join(map(str, t))}]", len(h) + len(t))
                for w, (h, t) in out.items()}

    return memo.recall("search-postings", (heading, text), make)


def _counts(starts: list[int], total: int) -> list[int]:
    """Where each piece starts, as the number of items in each (smaller to download)."""
    return [b - a for a, b in zip(starts, [*starts[1:], total])]


def _files(records: list[PageRecord], lang: str) -> dict[str, str]:
    """The index files' text; kept between builds while no page of the language changes (the
    preview: an edit to an English page leaves the Khmer index as it was)."""
    def make() -> dict[str, str]:
        paused = gc.isenabled()
        gc.disable()  # a hundred thousand small lists, none of them garbage: collecting them is wasted
        try:
            files = build_shards(records, lang)
            out = {name: data if isinstance(data, str) else dumps(data) for name, data in files.items()
                   if name != "index.json"}
            # the pieces are asked for with this, so a reader whose index predates a new build
            # never mixes old and new pieces (from a cache or the server)
            files["index.json"]["id"] = hashlib.sha256("".join(out[k] for k in sorted(out)).encode()).hexdigest()[:12]
            out["index.json"] = dumps(files["index.json"])
            return out
        finally:
            if paused:
                gc.enable()

    key = (lang, tuple(sorted((r.url, r.title, r.lang, tuple((s.anchor, s.heading, s.text) for s in r.sections))
                              for r in records)))
    if memo.in_memory():
        if memo.kept("search-files", key):  # still in use: kept for the next build that needs them
            for r in records:
                _section_postings("", r.title)
                for sec in r.sections:
                    _section_postings(sec.heading, sec.text)
        return memo.recall("search-files", key, make)
    # a one-off build: from the last build's files while no page of the language changed (two
    # seconds of a rebuild at 2,000 events), under the code that makes them
    inputs = (_record_code(), hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8", "surrogatepass"))
              .hexdigest())
    return json.loads(memo.get("search-files", inputs, lambda: json.dumps(make(), ensure_ascii=False)))


def index_path(site_dir: Path, lang: str) -> Path:
    return Path(site_dir) / "search" / lang / "index.json"


def write_index(site_dir: Path, lang: str, records: list[PageRecord]) -> Path:
    """Write ``search/<lang>/`` under ``site_dir`` (the index, posting lists, text chunks)."""
    folder = Path(site_dir) / "search" / lang
    if folder.is_dir():
        for old in folder.glob("*.json"):
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in _files(records, lang).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "index.json"


def load_full(site_dir: Path, lang: str) -> dict:
    """The whole index of a language read back from its pieces (tests, benchmarks)."""
    folder = Path(site_dir) / "search" / lang
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    texts, pages = [], {}
    for n in range(len(index["texts"])):
        chunk = json.loads((folder / f"t{n}.json").read_text(encoding="utf-8"))
        texts += chunk["sections"]
        pages.update({p[0]: p[1:] for p in chunk["pages"]})
    page_of = [n for n, count in enumerate(index["pages"]) for _ in range(count)]
    return {"v": index["v"], "lang": lang, "pages": [pages[n] for n in range(len(index["pages"]))],
            "sections": [[page_of[i], *s] for i, s in enumerate(texts)]}


# -- the browser's rules, in Python: for tests and for the benchmark --------------------

def fold(word: str) -> str:
    """The form a word is compared in: Khmer spelling variants folded, lower case, Western digits."""
    return khmer.normalize(word).lower().translate(_DIGITS)


@functools.lru_cache(maxsize=1)
def _word_class() -> re.Pattern:
    """A run of letters, marks and digits, as the browser's [\\p{L}\\p{M}\\p{N}]+ (Python's ``re``
    has no Unicode classes: the ranges are listed from unicodedata, a tenth of a second, and
    kept between builds for this version of Unicode)."""
    return re.compile(memo.get("word-class", (unicodedata.unidata_version, 1), _word_ranges))


def _word_ranges() -> str:
    ranges, start, prev = [], None, None
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            inside = False
        else:
            inside = unicodedata.category(chr(cp))[0] in "LMN"
        if inside and start is None:
            start = cp
        if not inside and start is not None:
            ranges.append((start, prev))
            start = None
        prev = cp
    return "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]+"


def tokens(text: str) -> list[str]:
    """Words of an index text as the browser splits them (ZWSP, spaces, punctuation)."""
    return _word_class().findall(text)


def vocabulary(index: dict) -> set[str]:
    """Folded words of an index (what the browser splits queries against)."""
    out: set[str] = set()
    for _, _, heading, text in index["sections"]:
        out.update(fold(t) for t in tokens(heading) + tokens(text))
    for _, title, _ in index["pages"]:
        out.update(fold(t) for t in tokens(title))
    return out
