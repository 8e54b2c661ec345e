#!/usr/bin/env python3
"""Cost of a first search: bytes downloaded and first Khmer query time at 4x CPU slowdown.

Builds the reference site and a synthetic one (300 extra pages per language, Khmer and
English text recombined from the reference pages' sentences) into temporary folders,
serves each on 127.0.0.1 and measures in headless Chromium at 360x800:

    python scripts/bench_search.py [--pages 300] [--query ប្រាក់ឈ្នួល]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import synthetic_project  # noqa: E402


def build(project: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                    "-d", str(out)], env=env, check=True, capture_output=True)


def serve(root: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, site: Path, query: str) -> dict:
    server, url = serve(site)
    try:
        ctx = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True,
                                  service_workers="block")
        page = ctx.new_page()
        sizes: dict[str, int] = {}
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/search" in r.url else None)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        before = dict(sizes)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        ms = page.evaluate("""q => new Promise(done => {
            const t0 = performance.now(), meta = document.querySelector('.md-search-result__meta');
            document.querySelector('label.md-header__button[for=__search]').click();
            const input = document.querySelector('.md-search__input');
            input.value = q; input.dispatchEvent(new Event('input'));
            const check = () => document.querySelector('.md-search-result__item') || /មិន/.test(meta.textContent)
              ? done(performance.now() - t0) : requestAnimationFrame(check);
            check();
        })""", query)
        again = page.evaluate("""q => { const i = document.querySelector('.md-search__input');
            const t0 = performance.now(); i.value = q + ' '; i.dispatchEvent(new Event('input'));
            i.value = q.slice(0, 4); i.dispatchEvent(new Event('input')); return (performance.now() - t0) / 2 }""", query)
        results = page.locator(".md-search-result__item").count()
        ctx.close()
    finally:
        server.shutdown()
    index = site / "search" / "km.json"
    raw = index.read_bytes()
    return {"before_open": sorted(u for u in before if "/search/" in u),
            "script": (site / "assets/javascripts/search.js").stat().st_size,
            "script_gz": len(gzip.compress((site / "assets/javascripts/search.js").read_bytes(), 9)),
            "km_raw": len(raw), "km_gz": len(gzip.compress(raw, 9)),
            "en_raw": (site / "search" / "en.json").stat().st_size,
            "en_gz": len(gzip.compress((site / "search" / "en.json").read_bytes(), 9)),
            "pages_km": raw.count(b'",'), "first_ms": ms, "next_ms": again, "results": results}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--query", default="ប្រាក់ឈ្នួល")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        build(ROOT, tmp / "ref-site")
        build(synthetic_project(tmp / "synth", args.pages), tmp / "synth-site")
        chromium = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, site in (("reference", tmp / "ref-site"), (f"synthetic +{args.pages}/lang", tmp / "synth-site")):
            import json
            n = {lang: len(json.loads((site / "search" / f"{lang}.json").read_text())["pages"]) for lang in ("km", "en")}
            r = measure(browser, site, args.query)
            print(f"{name}: {n['km']} km pages, {n['en']} en pages")
            print(f"  before search is opened: {len(r['before_open'])} index requests")
            print(f"  search.js {r['script']} B ({r['script_gz']} B gzip), on every page, cached")
            print(f"  first search downloads km.json {r['km_raw']:,} B raw, {r['km_gz']:,} B gzip"
                  f"  (en.json {r['en_raw']:,} B raw, {r['en_gz']:,} B gzip)")
            print(f"  first Khmer query '{args.query}' at 4x CPU slowdown: {r['first_ms']:.0f} ms"
                  f" (open + download + prepare + search + draw, {r['results']} results);"
                  f" next queries {r['next_ms']:.0f} ms")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
