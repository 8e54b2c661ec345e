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
  function fold(s) {
    s = s.normalize("NFC").replace(/\u200b/g, "").toLowerCase();
    for (var i = 0; i < FOLD.length; i++) s = s.split(FOLD[i][0]).join(FOLD[i][1]);
    // Khmer and Thai digits
    return s.replace(/[\u17e0-\u17e9\u0e50-\u0e59]/g, function (d) {
      var c = d.charCodeAt(0); return String.fromCharCode(c - (c > 0x17df ? 0x17b0 : 0x0e20)); });
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

  var data, loading;
  function load() {
    if (!loading) {
      meta.textContent = ds.loading;
      var url = new URL(ds.campaignIndex, location.href), base = new URL("../", url);
      loading = fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (ix) {
          var pages = ix.pages.map(function (p) {
            return { url: new URL(p[0], base).href, title: prep(p[1]), lang: p[2], sections: [] };
          });
          ix.sections.forEach(function (s) {
            pages[s[0]].sections.push({ anchor: s[1], h: prep(s[2]), t: prep(s[3]) });
          });
          sorted = Array.from(vocab).sort();
          data = pages; run();
        }, function () { loading = null; meta.textContent = ds.error; });
    }
    return loading;
  }

  function hasPrefix(w) { // binary search in the sorted vocabulary
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < w) lo = mid + 1; else hi = mid; }
    return lo < sorted.length && sorted[lo].lastIndexOf(w, 0) === 0;
  }
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

  function search(q) {
    var pq = parse(q), terms = pq.terms, results = [];
    if (!terms.length) return null;
    data.forEach(function (page) {
      var total = 0, heads = 0, best = null, bestKey = -1, seen = terms.map(function () { return 0; });
      var th = terms.map(function (t) { return find(page.title, t); });
      th.forEach(function (h, i) { seen[i] += h.length; total += 5 * Math.min(h.length, 3); });
      page.sections.forEach(function (s) {
        var hh = [], tt = [], distinct = 0, hits = 0;
        terms.forEach(function (t, i) {
          var a = find(s.h, t), b = find(s.t, t);
          hh = hh.concat(a); tt = tt.concat(b); seen[i] += a.length + b.length;
          if (a.length + b.length) distinct++;
          if (a.length) heads++;
          hits += 3 * Math.min(a.length, 3) + Math.min(b.length, 5);
        });
        pq.phrases.forEach(function (p) { hits += 4 * find(s.t, p).length + 6 * find(s.h, p).length; });
        total += hits;
        var key = distinct * 1000 + hits;
        if (hits && key > bestKey) { bestKey = key; best = { s: s, h: hh, t: tt }; }
      });
      // what a page is about first: every word in its title, then words in its headings, then text
      var rank = (th.every(function (h) { return h.length; }) ? 2e6 : 0) + 1e4 * heads + total;
      if (seen.every(Boolean)) results.push({ page: page, score: rank, best: best, th: [].concat.apply([], th) });
    });
    return results.sort(function (a, b) { return b.score - a.score; }).slice(0, 30);
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
    var q = input.value.trim(), results = q ? search(q) : null;
    list.textContent = "";
    if (!results) { meta.textContent = ds.placeholder; return; }
    meta.textContent = results.length ? count(results.length) : ds.none;
    results.forEach(function (res) {
      var li = tpl.content.firstElementChild.cloneNode(true), a = li.querySelector("a"),
        h1 = li.querySelector("h1"), h2 = li.querySelector("h2"), p = li.querySelector("p"),
        note = li.querySelector(".md-search-result__terms"), best = res.best, page = res.page;
      a.href = page.url + (best && best.s.anchor ? "#" + encodeURIComponent(best.s.anchor) : "");
      fill(h1, page.title.raw, res.th, 0, page.title.raw.length);
      if (best && best.s.h.raw) fill(h2, best.s.h.raw, best.h, 0, best.s.h.raw.length); else h2.remove();
      if (best && best.s.t.raw) snippet(p, best.s.t, best.t);
      else if (page.sections.length) snippet(p, page.sections[0].t, []); else p.remove();
      if (page.lang) { li.querySelector("article").lang = page.lang; note.lang = ds.lang; note.textContent = ds.otherLanguage; }
      else note.remove();
      list.appendChild(li);
    });
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
  // Exposed for tests (the fold table must equal campaign.khmer's) and the benchmark.
  window.campaignSearch = { fold: fold, parse: parse, load: load };
})();
