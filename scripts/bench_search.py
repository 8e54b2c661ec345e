#!/usr/bin/env python3
"""Cost of a first search: bytes downloaded and first Khmer query time at 4x CPU slowdown.

Builds the reference site and a synthetic one (300 extra pages per language, Khmer and
English text recombined from the reference pages' sentences) into temporary folders,
serves each on 127.0.0.1 and measures in headless Chromium at 360x800:

    python scripts/bench_search.py [--pages 300] [--query ប្រាក់ឈ្នួល]
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import build, stock_project, synthetic_project, options  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D102 - one line per file would bury the figures
        pass


def serve(root: Path):
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


OPEN = "document.querySelector('label.md-header__button[for=__search]').click()"
TYPE = """q => { const input = document.querySelector('.md-search__input');
    input.focus(); input.value = q; input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keyup', {key: 'a'})); }"""
# done when results are drawn; -1: none within a minute (stock finds no Khmer mid-phrase word)
DRAWN = """t0 => new Promise(done => { const check = () => document.querySelector('.md-search-result__item')
    ? done(performance.now() - t0) : (performance.now() - t0 > 60000 ? done(-1) : requestAnimationFrame(check)); check(); })"""


def measure(browser, site: Path, query: str, bodies: bool = False, after_open: bool = False) -> dict:
    """Open search on a Khmer page at 4x CPU slowdown, type ``query``, wait for the results drawn:
    milliseconds from opening search (``after_open``: from typing, once search has opened and
    loaded what it loads before a query), and with ``bodies`` the search files downloaded (raw and
    gzip bytes; reading them slows the page, so timed runs do not)."""
    server, url = serve(site)
    try:
        ctx = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True,
                                  service_workers="block")
        page = ctx.new_page()
        got: dict[str, bytes] = {}

        def keep(r):
            if "/search" in r.url or "/workers/" in r.url or "lunr" in r.url:
                try:
                    got[r.url] = r.body() if bodies else b""
                except Exception:  # noqa: BLE001 - a redirect has no body
                    pass

        page.on("response", keep)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        before = sorted(got)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        if after_open:
            page.evaluate(OPEN)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
        t0 = page.evaluate("performance.now()")
        if not after_open:
            page.evaluate(OPEN)
        page.evaluate(TYPE, query)
        ms = page.evaluate(DRAWN, t0)
        page.wait_for_timeout(300)
        results = page.locator(".md-search-result__item").count()
        ctx.close()
    finally:
        server.shutdown()
    return {"before_open": before, "files": len(got), "raw": sum(len(b) for b in got.values()),
            "gz": sum(len(gzip.compress(b, 9)) for b in got.values()), "first_ms": ms, "results": results}


def main(argv: list[str] | None = None) -> int:
    ap = options(__doc__, runs=5)  # a first search per run, each in a fresh browser context
    ap.add_argument("--query", default="ប្រាក់ឈ្នួល")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        synth = synthetic_project(tmp / "synth", args.pages)
        build(ROOT, tmp / "ref-site")
        build(synth, tmp / "synth-site")
        build(stock_project(tmp / "stock", synth), tmp / "stock-site")
        chromium = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        print(f"first Khmer query '{args.query}' on a Khmer page, 360x800, CPU slowed 4x. ms: from opening search "
              f"with the query typed at once to results drawn; after open: from typing, search already open; "
              f"medians of {args.runs} fresh visits each (stock: 1, it never finds the word). Files and bytes: "
              "every search file downloaded for the first query (index, pieces, script or worker)")
        print(f"{'site':34} {'km pages':>8} {'ms':>6} {'after open':>10} {'results':>7} {'files':>5} {'raw KB':>8} "
              f"{'gzip KB':>8} {'before open':>12}")
        for name, site in (("ours, reference", tmp / "ref-site"), (f"ours, +{args.pages}/lang", tmp / "synth-site"),
                           (f"stock Material, +{args.pages}/lang", tmp / "stock-site")):
            index = site / "search" / "km" / "index.json"
            pages = len(json.loads(index.read_text())["pages"]) if index.is_file() else \
                sum(1 for d in json.loads((site / "search" / "search_index.json").read_text())["docs"]
                    if "#" not in d["location"] and not d["location"].startswith("en/"))
            r = measure(browser, site, args.query, bodies=True)
            n = args.runs if "stock" not in name else 1
            at_once = statistics.median(measure(browser, site, args.query)["first_ms"] for _ in range(n))
            after = statistics.median(measure(browser, site, args.query, after_open=True)["first_ms"] for _ in range(n))
            print(f"{name:34} {pages:>8} {at_once:>6.0f} {after:>10.0f} {r['results']:>7} {r['files']:>5} "
                  f"{r['raw'] / 1024:>8.1f} {r['gz'] / 1024:>8.1f} {len(r['before_open']):>12}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
