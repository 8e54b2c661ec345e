"""The search index builder (campaign.web.search): sections, Khmer words, one index per language."""

import json
import re
import subprocess
import sys
from pathlib import Path

from campaign.languages import khmer
from campaign.languages.scripts import ZWSP, segment
from campaign.web import search

ROOT = Path(__file__).resolve().parent.parent
SEARCH_JS = ROOT / "overrides" / "assets" / "javascripts" / "search.js"

PAGE = """
<div class="campaign-notices" markdown="0">
<p class="campaign-notice campaign-notice--review" role="note" lang="km">មិនទាន់បានពិនិត្យ</p>
</div>
<h1 id="t">ស្គាល់សិទ្ធិរបស់អ្នក<a class="headerlink" href="#t" title="Permanent link">#</a></h1>
<p>ព័ត៌មាននីមួយៗនៅលើទំព័រនេះ &amp; <strong>1694</strong></p>
<h2 id="ប្រាក់ឈ្នួល">ប្រាក់ឈ្នួលអប្បបរមា<a class="headerlink" href="#ប្រាក់ឈ្នួល">#</a></h2>
<ul><li>ប្រាក់ឈ្នួលអប្បបរមាប្រចាំថ្ងៃនៅប្រទេសថៃ</li><li>Second item</li></ul>
<script>var x = "not content";</script>
<h3 id="sub">Sub <em>heading</em></h3>
<p>Passport text.</p>
<h4>Small heading</h4><p>more</p>
"""


def test_page_is_split_into_sections_with_anchors():
    rec = search.page_record(PAGE, "rights/", "fallback")
    assert rec.title == segment("ស្គាល់សិទ្ធិរបស់អ្នក")
    assert [(s.anchor, s.heading.replace(ZWSP, "")) for s in rec.sections] == [
        ("", ""), ("ប្រាក់ឈ្នួល", "ប្រាក់ឈ្នួលអប្បបរមា"), ("sub", "Sub heading")]
    first, wage, sub = rec.sections
    assert "&" in first.text and "1694" in first.text
    assert "Second item" in wage.text
    # h4-h6 stay in their section, as text
    assert "Small heading" in sub.text and "more" in sub.text


def test_notices_permalinks_and_scripts_are_not_indexed():
    rec = search.page_record(PAGE, "rights/")
    everything = " ".join([rec.title] + [s.heading + " " + s.text for s in rec.sections])
    assert "មិនទាន់" not in everything.replace(ZWSP, "")
    assert "#" not in everything and "not content" not in everything


def test_khmer_is_split_into_words_with_zwsp():
    rec = search.page_record(PAGE, "rights/")
    wage = rec.sections[1].text
    words = re.split(r"[\u200b ]", wage)
    assert "ប្រាក់" in words and "ឈ្នួល" in words and "ថៃ" in words
    # the visible text is unchanged apart from the invisible separators
    assert wage.replace(ZWSP, "").startswith("ប្រាក់ឈ្នួលអប្បបរមាប្រចាំថ្ងៃ")


def test_page_without_h1_takes_its_title_unescaped():
    rec = search.page_record("<p>Keep your passport.</p>", "en/w/", "Women&#39;s safety")
    assert rec.title == "Women's safety"
    assert rec.sections[0].text == "Keep your passport."


def test_index_is_compact_json_in_pieces_per_language(tmp_path):
    km = search.page_record(PAGE, "rights/")
    fallback = search.page_record("<h1>Partners</h1><p>English only</p>", "partners/", lang="en")
    path = search.write_index(tmp_path, "km", [km, fallback])
    assert path == tmp_path / "search" / "km" / "index.json"
    raw = path.read_text(encoding="utf-8")
    assert "\\u" not in raw and ", " not in raw  # UTF-8, no padding
    ix = json.loads(raw)
    assert ix["v"] == search.INDEX_VERSION and ix["lang"] == "km"
    full = search.load_full(tmp_path, "km")
    assert full["pages"] == [["partners/", "Partners", "en"], ["rights/", km.title, ""]]
    assert ix["pages"] == [1, len(km.sections)]  # what ranking needs of a page: its sections
    assert ix["words"] == sorted(search.vocabulary(full), key=lambda w: w.encode("utf-16-be"))
    assert {s[0] for s in full["sections"]} == {0, 1} and all(len(s) == 4 for s in full["sections"])
    assert_postings_are_every_word_at_its_place(path.parent, ix, full)
    # pieces are asked for under the build's id: a change in any piece changes it
    again = search.write_index(tmp_path / "again", "km", [km, fallback])
    assert json.loads(again.read_text(encoding="utf-8"))["id"] == ix["id"]
    edited = search.page_record(PAGE.replace("Passport", "Visa"), "rights/")
    other = search.write_index(tmp_path / "other", "km", [edited, fallback])
    assert json.loads(other.read_text(encoding="utf-8"))["id"] != ix["id"]


def assert_postings_are_every_word_at_its_place(folder, ix, full):
    """Read back from the postings files, every section's words and their positions are the ones
    the browser numbers in its text (search.positions), no more, no fewer."""
    got: dict[tuple[int, int], list] = {}
    start = 0
    for n, size in enumerate(ix["shards"]):
        shard = json.loads((folder / f"p{n}.json").read_text(encoding="utf-8"))
        assert list(shard) == ix["words"][start:start + size]  # neighbouring words, in order
        start += size
        for w, (in_sections, in_titles) in shard.items():
            section = page = 0
            for delta, heading, text in in_sections:
                section += delta
                for field, places in ((2, heading), (3, text)):
                    got.setdefault((section, field), []).extend((p, w) for p in places)
            for delta, places in in_titles:
                page += delta
                got.setdefault((page, "title"), []).extend((p, w) for p in places)
    assert start == len(ix["words"])
    want = {(i, field): sorted((p, w) for w, p in search.positions(s[field]))
            for i, s in enumerate(full["sections"]) for field in (2, 3) if search.positions(s[field])}
    want.update({(n, "title"): sorted((p, w) for w, p in search.positions(page[1]))
                 for n, page in enumerate(full["pages"]) if search.positions(page[1])})
    assert {k: sorted(v) for k, v in got.items() if v} == want


def test_positions_follow_words_written_together():
    """U+200B joins the words of one Khmer run (next position); a space or punctuation does not."""
    assert search.positions("ប្រាក់\u200bឈ្នួល ថៃ។ MOU (border-pass)") == [
        ("ប្រាក់", 0), ("ឈ្នួល", 1), ("ថៃ", 3), ("mou", 5), ("border", 7), ("pass", 9)]


def test_big_sites_are_cut_into_text_chunks(tmp_path):
    records = [search.page_record(PAGE, f"p{i}/") for i in range(300)]
    search.write_index(tmp_path, "km", records)
    folder = tmp_path / "search/km"
    chunks = list(folder.glob("t*.json"))
    assert len(chunks) > 1
    assert max(c.stat().st_size for c in chunks) < search.CHUNK_BYTES * 2
    ix = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert sum(ix["texts"]) == sum(ix["pages"]) == 300 * len(records[0].sections)
    assert_postings_are_every_word_at_its_place(folder, ix, search.load_full(tmp_path, "km"))
    assert_each_text_has_its_pages(folder, ix)


def assert_each_text_has_its_pages(folder, ix):
    """A result is shown from one file: the text of its section holds its page's address and title."""
    first = 0
    for n, count in enumerate(ix["pages"]):
        start = 0
        homes = []
        for c, size in enumerate(ix["texts"]):
            if start <= first < start + size or (count and first < start + size and start < first + count):
                homes.append(c)
            start += size
        for c in homes or [len(ix["texts"]) - 1]:
            chunk = json.loads((folder / f"t{c}.json").read_text(encoding="utf-8"))
            assert n in [p[0] for p in chunk["pages"]], (n, c)
        first += count


def test_pages_without_text_and_sites_without_text_are_indexed(tmp_path):
    empty = search.PageRecord("empty/", "Empty", [])
    search.write_index(tmp_path, "en", [empty])
    full = search.load_full(tmp_path, "en")
    assert full["pages"] == [["empty/", "Empty", ""]] and full["sections"] == []
    rights = search.page_record(PAGE, "rights/")
    search.write_index(tmp_path, "km", [search.PageRecord("a/", "A", []), rights, search.PageRecord("z/", "Z", [])])
    folder = tmp_path / "search" / "km"
    ix = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert [p[0] for p in search.load_full(tmp_path, "km")["pages"]] == ["a/", "rights/", "z/"]
    assert_each_text_has_its_pages(folder, ix)


def test_fold_matches_spelling_variants_case_and_digits():
    assert search.fold("ផ្ដល់") == search.fold("ផ្តល់")
    assert search.fold("ស្ដ្រី") == search.fold("ស្ត្រី")
    assert search.fold("Passport") == "passport"
    assert search.fold("១៦៩៤") == "1694" and search.fold("๑๖๙๔") == "1694"
    assert search.fold("ប្រាក់\u200bឈ្នួល") == "ប្រាក់ឈ្នួល"


def test_tokens_split_like_the_browser():
    assert search.tokens("ប្រាក់\u200bឈ្នួល ថៃ។ MOU (border-pass) ៣៣៧") == [
        "ប្រាក់", "ឈ្នួល", "ថៃ", "MOU", "border", "pass", "៣៣៧"]


def test_vocabulary_has_the_words_queries_are_split_against():
    ix = search.build_index([search.page_record(PAGE, "rights/")], "km")
    vocab = search.vocabulary(ix)
    assert {"ប្រាក់", "ឈ្នួល", "អប្បបរមា", "passport", "1694"} <= vocab


def test_browser_fold_table_is_the_python_one():
    """search.js carries a copy of campaign.languages.khmer's equivalence table: they must agree."""
    js = SEARCH_JS.read_text(encoding="utf-8")
    table = re.search(r"var FOLD = (\[\[.*?\]\]);", js).group(1)
    pairs = json.loads(table)
    assert dict(pairs) == khmer._EQUIVALENTS


def test_core_does_not_import_mkdocs():
    code = "import sys, campaign.web.search; assert not any(m.startswith('mkdocs') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
