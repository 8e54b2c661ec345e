#!/usr/bin/env python3
"""What a phone downloads on a first visit, and Lighthouse's scores, beside stock Material.

Builds this site and a stock Material + i18n site of the same pages, serves each on
127.0.0.1, and for the Khmer and English home, a guide page and an event page prints:
requests and bytes (raw and gzip-compressed, what a compressing host sends) up to the
page's load event, the service worker's precache that follows, and Lighthouse 12 mobile
category scores (default simulated throttling). Our pages are measured twice: on a phone
without a Khmer font (tests/fonts.conf: the shipped web font is downloaded) and on one
with Noto Sans Khmer installed, as most Android phones have (tests/fonts-noto.conf).

    .venv/bin/python scripts/bench_phone.py            # figures and Lighthouse
    .venv/bin/python scripts/bench_phone.py --no-lighthouse

Lighthouse (npm, 12.2.3: 13 wants Node 22) is installed into .cache/lighthouse on first use.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, PHONE, build_site, free_port  # noqa: E402

from campaign.printing.browser import chromium_path  # noqa: E402

PAGES = ["", "rights/", "tour/events/mongkol-borei-theatre-2026-12-04/",
         "en/", "en/rights/", "en/tour/events/mongkol-borei-theatre-2026-12-04/"]
STOCK_PAGES = ["", "rights/", "hotlines/", "en/", "en/rights/", "en/hotlines/"]
COMPRESSED_ALREADY = (".woff2", ".png", ".webp", ".jpg", ".gz", ".pdf")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def serve(root: Path) -> tuple[str, http.server.HTTPServer]:
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", server


def stock_site(out: Path) -> Path:
    """Stock Material + i18n + search over our Markdown (markers left as comments)."""
    project = Path(tempfile.mkdtemp(prefix="stock-"))
    for lang in ("km", "en"):
        (project / "docs" / lang).mkdir(parents=True)
        for name in ("index.md", "rights.md", "hotlines.md", "before-you-go.md"):
            shutil.copy(ROOT / "docs" / lang / name, project / "docs" / lang / name)
    # Material has no Khmer strings: the stock build needs at least this partial.
    (project / "overrides/partials/languages").mkdir(parents=True)
    shutil.copy(ROOT / "overrides/partials/languages/km.html", project / "overrides/partials/languages/km.html")
    (project / "mkdocs.yml").write_text("""site_name: MIGRA-SAFE
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
theme: {name: material, custom_dir: overrides, language: km}
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {locale: km, default: true, name: ខ្មែរ, build: true}
        - {locale: en, name: English, build: true}
""", encoding="utf-8")
    return project


def _gzip_size(url: str, body: bytes) -> int:
    return len(body) if url.split("?")[0].endswith(COMPRESSED_ALREADY) else len(gzip.compress(body, 6))


def first_view(browser, url: str) -> dict:
    """Everything the page fetched before its load event (Resource Timing), then the
    service worker's precache, each re-fetched here to measure gzip sizes."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, service_workers="allow")
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    entries = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const end = nav.loadEventEnd || performance.now();
        return [nav.name, ...performance.getEntriesByType('resource')
                 .filter(r => r.startTime <= end).map(r => r.name)]; }""")
    has_sw = page.evaluate("async () => !!(await navigator.serviceWorker.getRegistration())")
    precache = []
    if has_sw:
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        precache = page.evaluate("""async () => { const out = [];
            for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(r.url);
            return out; }""")
    context.close()
    origin = "/".join(url.split("/")[:3])
    fetched = [u for u in entries if not u.startswith("data:")]
    bodies, failed = {}, []
    for u in set(fetched + precache):
        if u.startswith(origin):
            try:
                bodies[u] = urllib.request.urlopen(u).read()
            except urllib.error.HTTPError as exc:  # stock Material asks for pages that do not exist
                failed.append(f"{exc.code} {u}")
    extra = [u for u in precache if u not in fetched]
    return {"requests": len(fetched), "raw": sum(len(bodies[u]) for u in fetched if u in bodies),
            "gzip": sum(_gzip_size(u, bodies[u]) for u in fetched if u in bodies),
            "after_requests": len(extra), "after_gzip": sum(_gzip_size(u, bodies[u]) for u in extra),
            "foreign": len([u for u in fetched if not u.startswith(origin)]), "failed": failed}


def lighthouse(url: str) -> dict:
    prefix = ROOT / ".cache/lighthouse"
    binary = prefix / "node_modules/.bin/lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(prefix),
                        "lighthouse@12.2.3"], check=True)
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    out = subprocess.run([str(binary), url, "--output=json", "--quiet", "--form-factor=mobile",
                          f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"],
                         capture_output=True, text=True, env=env, timeout=300)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1:] or ["lighthouse failed"]}
    data = json.loads(out.stdout)
    scores = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
    failing = sorted({a for c in data["categories"].values() for ref in c["auditRefs"]
                      for a in [ref["id"]] if ref.get("weight") and (data["audits"][a].get("score") or 0) < 1
                      and data["audits"][a].get("scoreDisplayMode") == "binary"})
    return {**scores, "failing": failing}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-lighthouse", action="store_true")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for name, project, pages in (("campaign", ROOT, PAGES), ("stock", stock_site(Path(tmp)), STOCK_PAGES)):
            out = Path(tmp) / name
            port_url, server = serve(out)
            result = build_site(project, out, port_url)
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
            sites[name] = (port_url, server, pages)
        with sync_playwright() as p:
            for phone, conf in (("no Khmer font", "fonts.conf"), ("Noto installed", "fonts-noto.conf")):
                env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tests" / conf)}
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, env=env)
                for name, (base, server, pages) in sites.items():
                    if name == "stock" and phone != "no Khmer font":
                        continue
                    for path in pages:
                        fv = first_view(browser, base + path)
                        lh = {} if args.no_lighthouse or phone != "no Khmer font" else lighthouse(base + path)
                        rows.append((name, phone, "/" + path, fv, lh))
                browser.close()
        for _, server, _ in sites.values():
            server.shutdown()
    print("First view: requests and bytes up to the load event (gzip: as a compressing host sends them).")
    print("SW: what the service worker then saves for offline use (requests, gzip KB), once per visit.")
    print(f"{'site':9} {'phone':15} {'page':46} {'req':>4} {'raw KB':>8} {'gzip KB':>8} {'3rd':>4} "
          f"{'SW req':>6} {'SW gzKB':>7}  lighthouse perf/a11y/bp/seo")
    for name, phone, path, fv, lh in rows:
        scores = "/".join(str(lh.get(k, "-")) for k in ("performance", "accessibility", "best-practices", "seo")) \
            if lh and "error" not in lh else (lh.get("error", [""])[0] if lh else "")
        print(f"{name:9} {phone:15} {path[:46]:46} {fv['requests']:>4} {fv['raw'] / 1024:>8.1f} {fv['gzip'] / 1024:>8.1f} "
              f"{fv['foreign']:>4} {fv['after_requests']:>6} {fv['after_gzip'] / 1024:>7.1f}  {scores}"
              + (f"  failing: {', '.join(lh['failing'])}" if lh.get("failing") else "")
              + (f"  errors: {', '.join(fv['failed'])}" if fv["failed"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
