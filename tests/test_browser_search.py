"""Search on a 360×800 phone, typed like a phone user, in Khmer and English.

The search uses no Material JavaScript, only its search markup and CSS (the
__search checkbox opens the overlay). test_material_search_css_still_applies
fails loudly if a Material upgrade renames the classes we rely on.
"""

import json

import pytest

from campaign.languages import khmer
from campaign.languages.scripts import ZWSP, segment
from campaign.web import search
from conftest import ROOT, screenshot

pytestmark = pytest.mark.browser


def open_search(page):
    page.click("label.md-header__button[for=__search]")
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")


def type_query(page, text):
    """Key by key, as a phone keyboard sends it (each key fires an input event)."""
    page.keyboard.type(text)
    return wait_results(page)


def paste_query(page, text):
    """Text set at once, without key events (paste, voice typing, IME commit)."""
    page.fill(".md-search__input", text)
    return wait_results(page)


def wait_results(page):
    """Until the results of what is in the box are shown (the index comes in pieces)."""
    page.wait_for_function(
        "(() => { const r = document.querySelector('.md-search'), i = r.querySelector('.md-search__input');"
        " return window.campaignSearch && r.dataset.shown === i.value.trim() })()")
    page.wait_for_timeout(50)
    return page.evaluate("""[...document.querySelectorAll('.md-search-result__item')].map(li => ({
        href: li.querySelector('a').href, title: li.querySelector('h1').textContent,
        text: li.textContent, marks: [...li.querySelectorAll('mark')].map(m => m.textContent)}))""")


def unzw(s):
    return s.replace(ZWSP, "")


def test_nothing_is_downloaded_for_search_until_it_is_opened(phone, site):
    phone.goto(site.url + "rights/")
    phone.wait_for_load_state("networkidle")
    assert not [u for u in phone.log.requests if "/search/" in u or "search.js" in u], phone.log.requests
    open_search(phone)
    phone.wait_for_function("!!document.querySelector('.md-search-result__meta')"
                            " && /វាយ/.test(document.querySelector('.md-search-result__meta').textContent)")
    fetched = [u for u in phone.log.requests if "/search/" in u]
    assert fetched == [site.url + "search/km/index.json"]  # this language's page list only
    type_query(phone, "ប្រាក់ឈ្នួល")
    pieces = [u for u in phone.log.requests if "/search/" in u][1:]
    assert pieces and all(u.startswith(site.url + "search/km/") for u in pieces)
    assert len(pieces) < len(list((site.root / "search/km").glob("*.json"))) - 1  # not the whole index


@pytest.mark.parametrize("query,expected", [
    ("ប្រាក់ឈ្នួល", "rights/"),       # wage: mid-phrase in the text
    ("លិខិតឆ្លងដែន", "rights/"),      # passport: segmented as three words in the index
])
def test_mid_phrase_khmer_words_are_found(phone, site, query, expected):
    phone.goto(site.url)
    open_search(phone)
    results = type_query(phone, query)
    hrefs = [r["href"].split("#")[0] for r in results]
    assert site.url + expected in hrefs, hrefs
    # every result shows the typed word highlighted, in pieces as the index has them
    for r in results:
        assert query in unzw("".join(r["marks"])) or all(
            w in unzw(r["text"]) for w in r["marks"]), r
    assert phone.locator(".md-search-result__meta").inner_text().startswith("រកឃើញ")
    screenshot(phone, f"search-km-{expected.strip('/')}-{len(query)}")


def test_every_page_with_the_word_is_found(phone, site):
    """Compared with the pages' own text: no page that says ប្រាក់ឈ្នួល is missed, and every one
    is shown as the reader scrolls (results come a screen at a time)."""
    index = search.load_full(site.root, "km")
    want = {site.url + p[0] for n, p in enumerate(index["pages"])
            if any("ប្រាក់ឈ្នួល" in unzw(s[2] + s[3]) for s in index["sections"] if s[0] == n)
            or "ប្រាក់ឈ្នួល" in unzw(p[1])}
    assert len(want) >= 3
    phone.goto(site.url)
    open_search(phone)
    type_query(phone, "ប្រាក់ឈ្នួល")
    ranked = phone.evaluate("q => window.campaignSearch.results(q)", "ប្រាក់ឈ្នួល")
    assert want <= {site.url + r[0] for r in ranked}


def test_results_come_a_screen_at_a_time_and_all_as_the_reader_scrolls(phone, site):
    phone.goto(site.url)
    open_search(phone)
    first = paste_query(phone, "ថៃ")  # Thailand: on most pages
    ranked = phone.evaluate("q => window.campaignSearch.results(q)", "ថៃ")
    batch = phone.evaluate("window.campaignSearch.batch")
    # a screen's worth first (more at once only when they all fit on the screen), not everything
    assert batch <= len(first) < len(ranked) and len(first) % batch == 0
    shown = scroll_all(phone)
    assert [r["href"].split("#")[0] for r in shown] == [site.url + r[0] for r in ranked]
    assert all(r["marks"] for r in shown)


def scroll_all(page):
    """Every result, scrolling the list to its end until no more come."""
    count = -1
    while count != page.locator(".md-search-result__item").count():
        count = page.locator(".md-search-result__item").count()
        page.locator(".md-search-result__item").last.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
    return wait_results(page)


def test_multi_word_phrase_needs_all_words(phone, site):
    phone.goto(site.url)
    open_search(phone)
    # "minimum wage" + "Thailand", typed without spaces as Khmer is written
    results = type_query(phone, "ប្រាក់ឈ្នួលអប្បបរមាប្រទេសថៃ")
    assert results and results[0]["href"].startswith(site.url + "rights/")
    for r in results:
        text = unzw(r["text"])
        assert "អប្បបរមា" in text, r
    # a phrase whose words never meet on one page finds nothing
    assert paste_query(phone, "ប្រាក់ឈ្នួលzzqx") == []


def test_half_typed_word_finds_its_completions(phone, site):
    phone.goto(site.url)
    open_search(phone)
    results = type_query(phone, "លិខិតឆ្ល")  # ... ឆ្លងដែន not finished
    assert any(r["href"].startswith(site.url + "rights/") for r in results)
    assert any("ឆ្លង" in m for r in results for m in r["marks"])


@pytest.mark.parametrize("typed,on_page", [("ផ្តល់", "ផ្ដល់"), ("ស្ដ្រី", "ស្ត្រី")])
def test_spelling_variants_find_each_other(phone, site, typed, on_page):
    phone.goto(site.url)
    open_search(phone)
    results = type_query(phone, typed)
    assert results
    assert on_page in "".join(m for r in results for m in r["marks"])


def test_paste_without_key_events_searches(phone, site):
    phone.goto(site.url)
    open_search(phone)
    results = paste_query(phone, "ប្រាក់ឈ្នួល")
    assert any(r["href"].startswith(site.url + "rights/") for r in results)


def test_english_search_and_results_stay_in_the_pages_language(phone, site):
    phone.goto(site.url + "en/rights/")
    open_search(phone)
    results = type_query(phone, "passport")
    assert results and all(r["href"].startswith(site.url + "en/") for r in results)
    assert any(r["href"].startswith(site.url + "en/rights/") for r in results)
    assert all(any(m.lower().startswith("passport") for m in r["marks"]) for r in results)
    assert phone.evaluate("document.querySelector('.md-search__input').placeholder") == "Search"
    assert all(u.startswith(site.url + "search/en/") for u in phone.log.requests if "/search/" in u)
    screenshot(phone, "search-en-passport")
    # the same word on a Khmer page lists no English page
    phone.goto(site.url + "rights/")
    open_search(phone)
    for r in type_query(phone, "passport"):
        assert not r["href"].startswith(site.url + "en/"), r


def test_word_not_on_the_site_says_no_results_in_khmer(phone, site):
    phone.goto(site.url)
    open_search(phone)
    assert type_query(phone, "ឧទាហរណ៍ក្លែងក្លាយណាស់") == []
    assert phone.locator(".md-search-result__meta").inner_text() == "រកមិនឃើញទំព័រណាមួយ"
    assert phone.get_attribute(".md-search__input", "placeholder") == "ស្វែងរក"
    screenshot(phone, "search-km-none")


def test_result_link_opens_the_section_and_closes_search(phone, site):
    phone.goto(site.url)
    open_search(phone)
    type_query(phone, "ប្រាក់ឈ្នួលអប្បបរមា")
    phone.click(".md-search-result__item a >> nth=0")
    phone.wait_for_url(site.url + "rights/#*")
    assert phone.evaluate("document.getElementById('__search').checked") is False
    target = phone.evaluate("decodeURIComponent(location.hash.slice(1))")
    assert phone.locator(f"[id='{target}']").is_visible()


def test_search_ui_fits_the_phone(phone, site):
    phone.goto(site.url)
    open_search(phone)
    type_query(phone, "ប្រាក់ឈ្នួល")
    phone.wait_for_timeout(400)  # the overlay's transition
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    box = phone.locator(".md-search__inner").bounding_box()
    assert box["x"] == 0 and box["width"] == 360
    screenshot(phone, "search-km-open")


def test_material_search_css_still_applies(phone, site):
    """We use Material's search markup and CSS, not its JS: fail loudly if an upgrade renames them."""
    phone.goto(site.url)
    css = (site.root / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for cls in ("md-search__inner", "md-search__overlay", "md-search__input", "md-search__output",
                "md-search__scrollwrap", "md-search-result__meta", "md-search-result__list",
                "md-search-result__item", "md-search-result__link", "md-search-result__article",
                "[data-md-toggle=search]:checked~.md-header .md-search__inner"):
        assert cls in css, f"Material CSS no longer has {cls!r}: check overrides/partials/search.html"
    # closed: the search panel is collapsed; open (CSS only, through the checkbox): it covers the screen
    assert phone.locator(".md-search__inner").bounding_box()["width"] == 0
    open_search(phone)
    phone.wait_for_timeout(400)
    assert phone.locator(".md-search__inner").bounding_box()["width"] == 360
    type_query(phone, "ប្រាក់")
    item = phone.locator(".md-search-result__item >> nth=0")
    assert item.evaluate("e => getComputedStyle(e).listStyleType") == "none"
    mark = phone.locator(".md-search-result mark >> nth=0")
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 245, 157)"
    scroll = phone.locator(".md-search__scrollwrap")
    assert scroll.evaluate("e => getComputedStyle(e).overflowY") == "auto"


def test_browser_and_python_fold_agree(phone, site):
    phone.goto(site.url)
    open_search(phone)
    phone.wait_for_function("!!window.campaignSearch")
    from campaign.languages.scripts import native_digits

    samples = ["ផ្ដល់", "ស្ត្រី", "ឣ", "ឤ", "PassPort", "១៦៩៤", "ប្រាក់\u200bឈ្នួល", "ក\u17d2\u178a", "๑๖๙๔",
               native_digits()]
    got = phone.evaluate("s => s.map(window.campaignSearch.fold)", samples)
    assert got == [search.fold(s) for s in samples]


def test_query_is_split_against_the_index_vocabulary(phone, site):
    phone.goto(site.url)
    open_search(phone)
    type_query(phone, "ក")
    parsed = phone.evaluate("window.campaignSearch.parse('ប្រាក់ឈ្នួលអប្បបរមា').terms.map(t => t.w)")
    vocab = search.vocabulary(search.load_full(site.root, "km"))
    assert "".join(parsed) == "ប្រាក់ឈ្នួលអប្បបរមា"
    assert all(w in vocab for w in parsed), parsed


def test_search_script_is_small():
    """What a reader downloads to search: the script, without comments, compressed by the server."""
    import gzip

    js = (ROOT / "overrides" / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8")
    code = "\n".join(line.strip() for line in js.splitlines() if not line.strip().startswith("//"))
    assert len(gzip.compress(code.encode(), 9)) < 6000  # with the index and pieces, a first search stays under 40 KB


@pytest.mark.parametrize("prefix,query", [("", "និយោជក"), ("en/", "employer")])
def test_blocks_every_page_repeats_do_not_pad_the_results(phone, site, prefix, query):
    """Every event page repeats a hotline box that mentions employers: those pages are not
    about employers, and are not found for it."""
    phone.goto(site.url + prefix)
    open_search(phone)
    results = paste_query(phone, query)
    hrefs = [r["href"] for r in results]
    assert not [h for h in hrefs if "/tour/events/" in h], hrefs
    assert len(results) <= 8, hrefs
    assert hrefs[0].startswith(site.url + prefix + "rights/"), hrefs  # the rights guide is about employers


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_pages_whose_title_or_headings_hold_the_word_come_first(phone, site, prefix):
    phone.goto(site.url + prefix)
    open_search(phone)
    results = paste_query(phone, "hotline")
    hrefs = [r["href"] for r in results]
    assert hrefs[0].startswith(site.url + prefix + "hotlines/"), hrefs
    assert not [h for h in hrefs if "/printers/" in h], hrefs  # file names are not what a page is about


QUERIES = ["ប្រាក់ឈ្នួល", "លិខិតឆ្លងដែន", "និយោជក", "ប្រាក់", "ថៃ", "ហៅ", "1694", "ស", "ប្ដឹង", "ការងារ"]


# The ranking before the index came in pieces: every page's text scanned with find(), as the
# browser did with the whole index. The pieces must rank exactly as it did.
SCAN = """([full, queries]) => { const S = window.campaignSearch;
  const pages = full.pages.map((p, n) => ({rel: p[0], title: S.prep(p[1]), sections: []}));
  full.sections.forEach((s, i) => pages[s[0]].sections.push({id: i, h: S.prep(s[2]), t: S.prep(s[3])}));
  return queries.map(q => { const pq = S.parse(q), terms = pq.terms, results = [];
    pages.forEach(page => {
      let total = 0, heads = 0, best = null, bestKey = -1; const seen = terms.map(() => 0);
      const th = terms.map(t => S.find(page.title, t));
      th.forEach((h, i) => { seen[i] += h.length; total += 5 * Math.min(h.length, 3); });
      page.sections.forEach(s => {
        let distinct = 0, hits = 0;
        terms.forEach((t, i) => {
          const a = S.find(s.h, t), b = S.find(s.t, t);
          seen[i] += a.length + b.length;
          if (a.length + b.length) distinct++;
          if (a.length) heads++;
          hits += 3 * Math.min(a.length, 3) + Math.min(b.length, 5);
        });
        pq.phrases.forEach(p => { hits += 4 * S.find(s.t, p).length + 6 * S.find(s.h, p).length; });
        total += hits;
        const key = distinct * 1000 + hits;
        if (hits && key > bestKey) { bestKey = key; best = s.id; }
      });
      const rank = (th.every(h => h.length) ? 2e6 : 0) + 1e4 * heads + total;
      if (seen.every(Boolean)) results.push([page.rel, best, rank]);
    });
    return results.sort((a, b) => b[2] - a[2]); });
}"""


@pytest.mark.parametrize("prefix,lang,queries", [
    ("", "km", QUERIES + ["ប្រាក់ឈ្នួលអប្បបរមាប្រទេសថៃ", "លិខិតឆ្ល", "ផ្តល់", "ថៃ ការងារ", "passport", "ឈ្នួលអប្ប"]),
    ("en/", "en", ["employer", "passport", "pa", "1694", "call", "work permit", "thailand", "wage", "work-permit", "e"])])
def test_results_from_the_pieces_equal_a_scan_of_the_whole_text(phone, site, prefix, lang, queries):
    """Ranked from postings (the query's words and their positions), the results are those a scan of
    every page's text gives: same pages, same order, same best section, same score."""
    phone.goto(site.url + prefix)
    open_search(phone)
    phone.wait_for_function("!!window.campaignSearch")
    full = search.load_full(site.root, lang)
    typed = queries + spanning(full)
    scanned = phone.evaluate(SCAN, [full, typed])
    for q, want in zip(typed, scanned):
        got = phone.evaluate("q => window.campaignSearch.results(q)", q)
        assert got == want, q
        assert want or q in ("pa", "passport") or q not in queries, q


def spanning(full, each=4):
    """Queries that are two neighbouring words of the site typed together: written together
    (a Khmer run) they are found as one, apart (a space, a hyphen) they are not."""
    together, apart = [], []
    for _, _, heading, text in full["sections"]:
        words = search.positions(text)
        for (a, p), (b, q) in zip(words, words[1:]):
            (together if q == p + 1 else apart).append(a + b)
    return sorted(set(together))[::max(1, len(set(together)) // each)][:each] + \
        sorted(set(apart))[::max(1, len(set(apart)) // each)][:each]


def test_a_first_search_downloads_only_what_it_needs(phone, site):
    phone.goto(site.url)
    open_search(phone)
    shown = paste_query(phone, "ប្រាក់ឈ្នួល")  # one query (typed key by key, each key searches)
    folder = site.root / "search" / "km"
    fetched = {u.rsplit("/", 1)[1] for u in phone.log.requests if "/search/km/" in u}
    postings, texts = ({f for f in fetched if f.startswith(k)} for k in "pt")
    assert "index.json" in fetched and postings and texts
    assert len(postings) < len(list(folder.glob("p*.json"))) / 4
    assert len(texts) <= len(shown) < len(list(folder.glob("t*.json")))
