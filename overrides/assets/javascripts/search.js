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

  // The index comes in pieces (campaign/web/search.py): the page list and every word first,
  // then the posting lists of the query's first letters, then the text of the pages that can
  // match. Those pages are scored exactly as if the whole index were here.
  var data, loading, folder, shards = {}, chunks = {}, known = new Set(), seq = 0;
  function get(name) {
    return fetch(new URL(name, folder)).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }
  function load() {
    if (!loading) {
      meta.textContent = ds.loading;
      folder = new URL(ds.campaignIndex, location.href);
      var base = new URL("../../", folder);
      loading = get("index.json").then(function (ix) {
        ix.words.forEach(function (w) { vocab.add(w); if (w.length > maxLen) maxLen = w.length; });
        ix.shards.forEach(function (k) { known.add(k); });
        data = ix.pages.map(function (p) {
          return { url: new URL(p[0], base).href, title: prep(p[1]), lang: p[2], chunk: p[3], first: p[4], sections: [] };
        });
        sorted = Array.from(vocab).sort(); run();
      }, function () { loading = null; meta.textContent = ds.error; });
    }
    return loading;
  }
  function shardOf(w) { return w.codePointAt(0).toString(16); }
  function once(cache, key, make) { return cache[key] || (cache[key] = make()); }
  function pageOf(section) { // pages are in section order: binary search on their first section
    var lo = 0, hi = data.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (data[mid].first <= section) lo = mid; else hi = mid - 1; }
    return lo;
  }
  // Pages where term t can occur: words that start with it, or that it starts with (a term may
  // span several index words); a page needs every term.
  function chunk(c) { // the text of a group of pages, once
    return once(chunks, c, function () {
      return get("t" + c + ".json").then(function (ch) {
        ch.sections.forEach(function (s) { data[s[0]].sections.push({ anchor: s[1], h: prep(s[2]), t: prep(s[3]) }); });
      });
    });
  }
  function candidates(terms) {
    var keys = Array.from(new Set(terms.map(function (t) { return shardOf(t.w); })));
    return Promise.all(keys.map(function (k) {
      return known.has(k) ? once(shards, k, function () { return get("w" + k + ".json"); }) : {};
    })).then(function (loaded) {
      var pages = null;
      terms.forEach(function (t) {
        var sh = loaded[keys.indexOf(shardOf(t.w))], found = new Set();
        for (var w in sh) if (w.lastIndexOf(t.w, 0) === 0 || t.w.lastIndexOf(w, 0) === 0) {
          sh[w][0].forEach(function (s) { found.add(pageOf(s)); });
          sh[w][1].forEach(function (p) { found.add(p); });
        }
        pages = pages === null ? found : new Set(Array.from(pages).filter(function (p) { return found.has(p); }));
      });
      pages = Array.from(pages).sort(function (a, b) { return a - b; });
      return Promise.all(Array.from(new Set(pages.map(function (p) { return data[p].chunk; }))).map(chunk))
        .then(function () { return pages.map(function (p) { return data[p]; }); });
    });
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

  function search(pq, pages) {
    var terms = pq.terms, results = [];
    pages.forEach(function (page) {
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
    var q = input.value.trim(), pq = q ? parse(q) : null, mine = ++seq;
    if (!pq || !pq.terms.length) { list.textContent = ""; meta.textContent = ds.placeholder; ds.shown = q; return; }
    candidates(pq.terms).then(function (pages) { if (mine === seq) { show(search(pq, pages)); ds.shown = q; } },
      function () { if (mine === seq) meta.textContent = ds.error; });
  }
  function show(results) {
    list.textContent = "";
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
  // Exposed for tests: the results of a query, from the pieces it needs or (all) the whole index.
  function results(q, all) {
    var pq = parse(q), loadAll = function () {
      var n = Math.max.apply(null, data.map(function (p) { return p.chunk; })) + 1;
      return Promise.all(Array.from({ length: n }, function (_, c) { return chunk(c); })).then(function () { return data; });
    };
    return load().then(function () { return all ? loadAll() : candidates(pq.terms); }).then(function (pages) {
      return search(pq, pages).map(function (r) { return [r.page.url, r.best ? r.best.s.anchor : "", r.score]; });
    });
  }
  window.campaignSearch = { fold: fold, parse: parse, load: load, results: results };
})();
