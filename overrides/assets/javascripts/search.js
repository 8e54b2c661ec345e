// Campaign search: Khmer words, results in the page's language, index loaded on first use.
// The index (campaign/search.py) keeps U+200B between Khmer words; a typed query (no spaces)
// is split against the index's own words, so both sides agree. No libraries, no innerHTML.
(function () {
  "use strict";
  var root = document.querySelector(".md-search[data-campaign-index]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle || !window.fetch || !("content" in document.createElement("template"))) return;
  var ds = root.dataset, input = root.querySelector(".md-search__input"),
    meta = root.querySelector(".md-search-result__meta"), list = root.querySelector(".md-search-result__list"),
    tpl = root.querySelector("template");
  document.documentElement.classList.add("campaign-search");

  // Same rules as campaign.web.search.fold: Khmer spelling variants, lower case, Western digits.
  var FOLD = [["\u17d2\u178a", "\u17d2\u178f"], ["\u17a3", "\u17a2"], ["\u17a4", "\u17a2\u17b6"]];
  // Scripts written without spaces (Khmer, Thai): their ranges come from the page (Python's one list).
  var WORD = /[\p{L}\p{M}\p{N}]+/gu, UNSPACED = new RegExp("[" + ds.unspaced + "]");
  var FOLDS = new Map(FOLD), FOLDING = new RegExp(FOLD.map(function (f) { return f[0]; }).join("|") + "|[\u17e0-\u17e9\u0e50-\u0e59]", "g");
  function fold(s) { // one pass: no rule makes what another rule replaces
    return s.normalize("NFC").replace(/\u200b/g, "").toLowerCase().replace(FOLDING, function (x) {
      if (FOLDS.has(x)) return FOLDS.get(x);
      var c = x.charCodeAt(0); return String.fromCharCode(c - (c > 0x17df ? 0x17b0 : 0x0e20)); // Khmer and Thai digits
    });
  }

  // A field's words: `f` = folded words, U+0001 where a space or punctuation separated them
  // (Khmer words split by U+200B are joined), `b` marks word starts (1) and ends (2) in `f`,
  // `r` the raw [start, end] of each word, `at` the word index of each position of `f`.
  var vocab = new Set(), sorted, maxLen = 1;
  function prep(raw) {
    var f = "", b = [0], r = [], at = [], m, last = 0;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(raw))) {
      var w = fold(m[0]);
      if (r.length && raw.slice(last, m.index) !== "\u200b") { f += "\u0001"; b.push(0); at.push(-1); }
      b[f.length] |= 1;
      for (var i = 0; i < w.length; i++) { at.push(r.length); b.push(0); }
      f += w; b[f.length] |= 2;
      r.push([m.index, m.index + m[0].length]); last = m.index + m[0].length;
      if (!vocab.has(w)) { vocab.add(w); if (w.length > maxLen) maxLen = w.length; }
    }
    return { raw: raw, f: f, b: b, r: r, at: at };
  }
  // Raw ranges where term t occurs, aligned on word starts (and ends unless t.prefix).
  function find(x, t) {
    var out = [], p = -1, w = t.w;
    while ((p = x.f.indexOf(w, p + 1)) >= 0) {
      if (x.b[p] & 1 && (t.prefix || x.b[p + w.length] & 2))
        out.push([x.r[x.at[p]][0], x.r[x.at[p + w.length - 1]][1]]);
    }
    return out;
  }

  // The index comes in pieces (campaign/web/search.py): every word and each page's sections first,
  // then the postings of the query's words (each word's positions in each section), which rank
  // every page exactly as a scan of the whole text would, then the text of the results shown.
  var data, loading, folder, version, words = new Map(), shardFirst, textFirst, pageFirst, total, files = {}, posting = new Map(),
    sections = [], seq = 0, POS = 67108864; // section * POS + position: one number per place
  function get(name) { // the page list may be on its way already (campaign.js asks for it with this script)
    var early = name === "index.json" && window.campaignIndex;
    if (early) window.campaignIndex = null;
    return (early || fetch(new URL(name + (version ? "?" + version : ""), folder))).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }
  function firsts(counts) { var n = 0; return counts.map(function (c) { n += c; return n - c; }); }
  function below(list, x) { // the last item of an ascending list that is ≤ x
    var lo = 0, hi = list.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (list[mid] <= x) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function load() {
    if (!loading) {
      meta.textContent = ds.loading;
      folder = new URL(ds.campaignIndex, location.href);
      loading = get("index.json").then(function (ix) {
        version = ix.id;
        ix.words.forEach(function (w, i) { words.set(w, i); vocab.add(w); if (w.length > maxLen) maxLen = w.length; });
        shardFirst = firsts(ix.shards); textFirst = firsts(ix.texts);
        pageFirst = firsts(ix.pages); total = pageFirst.length ? pageFirst[pageFirst.length - 1] + ix.pages[ix.pages.length - 1] : 0;
        data = ix.pages.map(function (count, n) { return { n: n, first: pageFirst[n], count: count }; });
        sorted = ix.words; run(); // sorted as JavaScript compares strings (UTF-16)
      }, function () { loading = null; meta.textContent = ds.error; });
    }
    return loading;
  }
  function once(name, then) { // a file is fetched once; a failed fetch is tried again next time
    return files[name] || (files[name] = get(name + ".json").then(then, function (e) { delete files[name]; throw e; }));
  }
  function postings(list) { // the postings files that hold these words
    var keys = new Set();
    list.forEach(function (w) { if (words.has(w)) keys.add(below(shardFirst, words.get(w))); });
    return Promise.all(Array.from(keys).map(function (k) {
      return once("p" + k, function (sh) {
        for (var w in sh) posting.set(w, sh[w]);
      });
    }));
  }
  // A result's text: its best section's, else its page's first; with it, the page's address and title.
  function home(res) { return below(textFirst, res.best !== null ? res.best : Math.min(res.page.first, Math.max(total - 1, 0))); }
  function texts(list) {
    return Promise.all(Array.from(new Set(list)).map(function (c) {
      return once("t" + c, function (ch) {
        ch.sections.forEach(function (x, i) { sections[ch.first + i] = x; });
        ch.pages.forEach(function (p) { var page = data[p[0]]; page.rel = p[1]; page.raw = p[2]; page.lang = p[3]; });
      });
    }));
  }
  function lowerBound(w) { // binary search in the sorted vocabulary
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < w) lo = mid + 1; else hi = mid; }
    return lo;
  }
  // The index words term t can be made of: words it starts with, then words what is left starts
  // with, and so on (a term may span several words written together); for a half-typed term, the
  // words that start with what is left.
  function need(t) {
    var out = new Set(), todo = [t.w], done = new Set();
    while (todo.length) {
      var rest = todo.pop();
      if (done.has(rest)) continue;
      done.add(rest);
      next(t, rest).forEach(function (w) { out.add(w); if (w.length < rest.length && !rest.lastIndexOf(w, 0)) todo.push(rest.slice(w.length)); });
    }
    return out;
  }

  // Sections (pages, for titles) where t occurs in field f ("h" heading, "t" text, "p" title) → how
  // often, as find() counts on their text: a word that is t (or, half-typed, starts with it), or a
  // word t starts with followed (position + 1) by words that spell the rest.
  function occurs(t, list, f) {
    var out = new Map();
    list.forEach(function (w) {
      var whole = w === t.w || (t.prefix && w.lastIndexOf(t.w, 0) === 0), rest = t.w.slice(w.length);
      if (!whole && (t.w.lastIndexOf(w, 0) || !next(t, rest).length)) return;
      places(w, f, function (s, p) { if (whole || follows(t, rest, s * POS + p + 1, f)) out.set(s, (out.get(s) || 0) + 1); });
    });
    return out;
  }
  function follows(t, rest, key, f) { // does the rest of t stand from this place on? (one word per place)
    var after = next(t, rest);
    for (var i = 0; i < after.length; i++) {
      var x = after[i];
      if (!at(x, f, key)) continue;
      return x === rest || (t.prefix && x.lastIndexOf(rest, 0) === 0) || follows(t, rest.slice(x.length), key + 1, f);
    }
    return false;
  }
  var FIELD = { h: [0, 1], t: [0, 2], p: [1, 1] }, placeSets = new Map(), nexts = new Map();
  function places(w, f, each) { // postings: [[[section step, heading places, text places]…], [[page step, title places]…]]
    var P = posting.get(w), n = 0;
    if (P) P[FIELD[f][0]].forEach(function (e) { n += e[0]; e[FIELD[f][1]].forEach(function (p) { each(n, p); }); });
  }
  function at(w, f, key) { // is w at this place?
    var set = placeSets.get(f + w);
    if (!set) { placeSets.set(f + w, set = new Set()); places(w, f, function (s, p) { set.add(s * POS + p); }); }
    return set.has(key);
  }
  function next(t, rest) { // words that can come next: the rest starts with them, or (half-typed) they start with it
    var key = (t.prefix ? "+" : "=") + rest, out = nexts.get(key);
    if (!out) {
      nexts.set(key, out = []);
      for (var j = 1; j <= rest.length && j <= maxLen; j++) if (vocab.has(rest.slice(0, j))) out.push(rest.slice(0, j));
      if (t.prefix) for (var k = lowerBound(rest); k < sorted.length && sorted[k].lastIndexOf(rest, 0) === 0; k++)
        if (sorted[k] !== rest) out.push(sorted[k]);
    }
    return out;
  }
  // Text is made searchable (prep) only when it is shown.
  function title(page) { return page.title || (page.title = prep(page.raw)); }
  function section(s) {
    var x = sections[s];
    return x && !x.t ? (sections[s] = { anchor: x[0], h: prep(x[1]), t: prep(x[2]) }) : x;
  }

  function hasPrefix(w) { var k = lowerBound(w); return k < sorted.length && sorted[k].lastIndexOf(w, 0) === 0; }
  // Split a Khmer run into the fewest index words (unknown letters cost a lot);
  // its last piece may be a half-typed word when `open`.
  function split(s, open) {
    var n = s.length, cost = [0], back = [], i, j;
    for (i = 1; i <= n; i++) cost[i] = 1e9;
    for (i = 0; i < n; i++) {
      if (cost[i] >= 1e9) continue;
      for (j = i + 1; j <= n && j - i <= maxLen; j++) {
        var p = s.slice(i, j), c = vocab.has(p) ? 1 : open && j === n && hasPrefix(p) ? 1 : j === i + 1 ? 50 : 0;
        if (c && cost[i] + c < cost[j]) { cost[j] = cost[i] + c; back[j] = [i, c === 50]; }
      }
    }
    var out = [];
    for (j = n; j > 0; j = back[j][0]) {
      var unknown = back[j][1], piece = s.slice(back[j][0], j);
      if (unknown && out.length && out[0].u) out[0].w = piece + out[0].w; else out.unshift({ w: piece, u: unknown });
    }
    return out;
  }
  function parse(q) {
    var runs = fold(q).match(WORD) || [], open = !/[^\p{L}\p{M}\p{N}]$/u.test(q), terms = [], phrases = [];
    runs.forEach(function (run, k) {
      var last = k === runs.length - 1, pieces = UNSPACED.test(run) ? split(run, open && last) : [{ w: run }];
      pieces.forEach(function (p) { terms.push({ w: p.w, prefix: false }); });
      if (pieces.length > 1) phrases.push({ w: pieces.map(function (p) { return p.w; }).join(""), prefix: open && last });
    });
    if (terms.length && open) terms[terms.length - 1].prefix = true;
    return { terms: terms, phrases: phrases };
  }

  // Every page with every term (in its title or text), best first: words in the title, then
  // in headings, then how often; each page's best section is the one with most distinct terms.
  function search(pq, needs) {
    var bySection = new Set();
    placeSets.clear();
    function count(t, i) {
      var c = { h: occurs(t, needs[i], "h"), t: occurs(t, needs[i], "t") };
      c.h.forEach(function (_, s) { bySection.add(s); }); c.t.forEach(function (_, s) { bySection.add(s); });
      return c;
    }
    var terms = pq.terms, k = terms.length, counts = terms.map(count),
      phrases = pq.phrases.map(function (p, i) { return count(p, k + i); }),
      titles = terms.map(function (t, i) { return occurs(t, needs[i], "p"); });
    var pages = null, secsOf = new Map();
    bySection.forEach(function (s) {
      var n = below(pageFirst, s);
      (secsOf.get(n) || secsOf.set(n, []).get(n)).push(s);
    });
    terms.forEach(function (t, i) {
      var found = new Set(titles[i].keys());
      [counts[i].h, counts[i].t].forEach(function (m) { m.forEach(function (_, s) { found.add(below(pageFirst, s)); }); });
      pages = pages === null ? found : new Set(Array.from(pages).filter(function (n) { return found.has(n); }));
    });
    var results = [];
    Array.from(pages).sort(function (a, b) { return a - b; }).forEach(function (n) {
      var total = 0, heads = 0, best = null, bestKey = -1, seen = terms.map(function () { return 0; }),
        th = titles.map(function (m) { return m.get(n) || 0; });
      th.forEach(function (h, i) { seen[i] += h; total += 5 * Math.min(h, 3); });
      (secsOf.get(n) || []).sort(function (a, b) { return a - b; }).forEach(function (s) {
        var distinct = 0, hits = 0;
        counts.forEach(function (c, i) {
          var a = c.h.get(s) || 0, b = c.t.get(s) || 0;
          seen[i] += a + b;
          if (a + b) distinct++;
          if (a) heads++;
          hits += 3 * Math.min(a, 3) + Math.min(b, 5);
        });
        phrases.forEach(function (c) { hits += 4 * (c.t.get(s) || 0) + 6 * (c.h.get(s) || 0); });
        total += hits;
        var key = distinct * 1000 + hits;
        if (hits && key > bestKey) { bestKey = key; best = s; }
      });
      var rank = (th.every(Boolean) ? 2e6 : 0) + 1e4 * heads + total;
      if (seen.every(Boolean)) results.push({ page: data[n], score: rank, best: best });
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  }
  function ranked(pq) {
    var needs = pq.terms.concat(pq.phrases).map(need), list = [];
    needs.forEach(function (n) { list = list.concat(Array.from(n)); });
    return postings(list).then(function () { return search(pq, needs); });
  }

  // Text with the matched ranges in <mark>, built with DOM calls only.
  function fill(el, raw, ranges, from, to) {
    el.textContent = "";
    ranges = ranges.filter(function (r) { return r[1] > from && r[0] < to; }).sort(function (a, b) { return a[0] - b[0]; });
    var pos = from;
    ranges.forEach(function (r) {
      var s = Math.max(r[0], pos), e = Math.min(r[1], to);
      if (s < pos || e <= s) return;
      el.appendChild(document.createTextNode(raw.slice(pos, s)));
      el.appendChild(document.createElement("mark")).textContent = raw.slice(s, e);
      pos = e;
    });
    el.appendChild(document.createTextNode(raw.slice(pos, to)));
  }
  function snippet(el, x, ranges) {
    var raw = x.raw, first = ranges.length ? Math.min.apply(null, ranges.map(function (r) { return r[0]; })) : 0;
    var from = Math.max(0, first - 40), to = Math.min(raw.length, from + 180);
    while (from > 0 && !/[\s\u200b]/.test(raw[from - 1])) from--; // start on a word
    while (to < raw.length && !/[\s\u200b]/.test(raw[to])) to++;
    fill(el, raw, ranges, from, to);
    if (from > 0) el.insertBefore(document.createTextNode("… "), el.firstChild);
    if (to < raw.length) el.appendChild(document.createTextNode(" …"));
  }
  function count(n) {
    var s = (n === 1 ? ds.one : ds.other).replace("#", String(n));
    return ds.lang === "km" ? s.replace(/[0-9]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) + 0x17b0); }) : s;
  }

  function run() {
    if (!data) return;
    var q = input.value.trim(), pq = q ? parse(q) : null, mine = ++seq;
    if (!pq || !pq.terms.length) { list.textContent = ""; meta.textContent = ds.placeholder; ds.shown = q; return; }
    ranked(pq).then(function (results) {
      if (mine !== seq) return;
      list.textContent = "";
      meta.textContent = results.length ? count(results.length) : ds.none;
      return more(pq, results, 0, mine);
    }).then(function () { if (mine === seq) ds.shown = q; }, function () { if (mine === seq) meta.textContent = ds.error; });
  }
  // Results are drawn a phone screen at a time (six: one request each, all at once over HTTP/1.1),
  // the next six (and their text) when the last one comes into view.
  var BATCH = 6;
  var watch = window.IntersectionObserver && new IntersectionObserver(function (seen) {
    seen.forEach(function (e) { if (e.isIntersecting) { watch.unobserve(e.target); e.target.campaignMore(); } });
  }, { root: root.querySelector(".md-search__scrollwrap") });
  function more(pq, results, from, mine) {
    var batch = results.slice(from, watch ? from + BATCH : results.length);
    return texts(batch.map(home)).then(function () { // a best section without text shows the page's first
      return texts(batch.filter(function (res) { return res.best !== null && res.page.count && !section(res.best).t.raw; })
        .map(function (res) { return below(textFirst, res.page.first); }));
    }).then(function () {
      if (mine !== seq) return;
      batch.forEach(function (res) { list.appendChild(item(pq, res)); });
      if (from + batch.length < results.length) {
        var last = list.lastElementChild;
        last.campaignMore = function () { if (mine === seq) more(pq, results, from + batch.length, mine); };
        watch.observe(last);
      }
    });
  }
  function item(pq, res) {
    var li = tpl.content.firstElementChild.cloneNode(true), a = li.querySelector("a"),
      h1 = li.querySelector("h1"), h2 = li.querySelector("h2"), p = li.querySelector("p"),
      note = li.querySelector(".md-search-result__terms"), page = res.page, s = res.best === null ? null : section(res.best),
      head = title(page);
    function marks(x) { return [].concat.apply([], pq.terms.map(function (t) { return find(x, t); })); }
    a.href = new URL(page.rel, new URL("../../", folder)).href + (s && s.anchor ? "#" + encodeURIComponent(s.anchor) : "");
    fill(h1, head.raw, marks(head), 0, head.raw.length);
    if (s && s.h.raw) fill(h2, s.h.raw, marks(s.h), 0, s.h.raw.length); else h2.remove();
    if (s && s.t.raw) snippet(p, s.t, marks(s.t));
    else if (page.count) snippet(p, section(page.first).t, []); else p.remove();
    if (page.lang) { li.querySelector("article").lang = page.lang; note.lang = ds.lang; note.textContent = ds.otherLanguage; }
    else note.remove();
    return li;
  }

  function open() { load(); if (!toggle.checked) { toggle.checked = true; document.documentElement.classList.add("campaign-search--open"); } }
  toggle.addEventListener("change", function () {
    document.documentElement.classList.toggle("campaign-search--open", toggle.checked);
    if (toggle.checked) { load(); input.focus(); } else input.blur(); // focus now: phones open the keyboard only inside the tap
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", function () { if (data) run(); else load(); });
  root.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var a = list.querySelector("a");
    if (a) a.click();
  });
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); }, 0);
  });
  function close() { toggle.checked = false; document.documentElement.classList.remove("campaign-search--open"); }
  list.addEventListener("click", function (e) { if (e.target.closest("a")) close(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) { close(); input.blur(); }
  });
  // Loaded by campaign.js when search was opened: start at once.
  if (toggle.checked || document.activeElement === input) open();
  // Exposed for tests (the fold table must equal campaign.khmer's; the ranking must equal a scan
  // of the whole text) and the benchmark: a query's results as [page, best section, score].
  function results(q) {
    var rs;
    return load().then(function () { return ranked(parse(q)); }).then(function (r) { rs = r; return texts(rs.map(home)); }).then(function () {
      return rs.map(function (r) { return [r.page.rel, r.best, r.score]; });
    });
  }
  window.campaignSearch = { fold: fold, parse: parse, prep: prep, find: find, load: load, results: results, batch: BATCH };
})();
