#!/usr/bin/env python3
"""What a phone downloads on a first visit, and Lighthouse's scores, beside stock Material.

Builds this site and a stock Material + i18n site of the same pages, serves each on
127.0.0.1, and for the Khmer and English home, a guide page and an event page prints:
requests and bytes (raw and gzip-compressed, what a compressing host sends) up to the
page's load event, the service worker's precache that follows, and Lighthouse 12 mobile
category scores (default simulated throttling).

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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, PHONE, build_site, free_port  # noqa: E402

from campaign.posters.browser import chromium_path  # noqa: E402

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


def first_view(browser, url: str) -> dict:
    context = browser.new_context(viewport=PHONE, is_mobile=True, service_workers="allow")
    page = context.new_page()
    seen: list[tuple[str, bytes]] = []
    phase = {"after_load": False}
    after: list[tuple[str, bytes]] = []

    def on_response(r):
        try:
            body = r.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            body = b""
        (after if phase["after_load"] else seen).append((r.url, body))

    page.on("response", on_response)
    page.goto(url, wait_until="load")
    phase["after_load"] = True
    page.wait_for_timeout(1500)  # the service worker's precache, if any
    context.close()

    def size(items):
        raw = sum(len(b) for _, b in items)
        gz = sum(len(b) if u.split("?")[0].endswith(COMPRESSED_ALREADY) else len(gzip.compress(b, 6))
                 for u, b in items)
        return raw, gz

    raw, gz = size(seen)
    araw, agz = size(after)
    foreign = [u for u, _ in seen if not u.startswith(url.split("/", 3)[0] + "//" + url.split("/")[2])]
    return {"requests": len(seen), "raw": raw, "gzip": gz, "after_requests": len(after),
            "after_gzip": agz, "foreign": len(foreign)}


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
    return {k: round(v["score"] * 100) for k, v in data["categories"].items()}


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
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for name, (base, server, pages) in sites.items():
                for path in pages:
                    fv = first_view(browser, base + path)
                    lh = {} if args.no_lighthouse else lighthouse(base + path)
                    rows.append((name, "/" + path, fv, lh))
            browser.close()
        for _, server, _ in sites.values():
            server.shutdown()
    print(f"{'site':9} {'page':52} {'req':>4} {'raw KB':>8} {'gzip KB':>8} {'3rd':>4} "
          f"{'SW req':>6} {'SW gzKB':>7}  lighthouse perf/a11y/bp/seo")
    for name, path, fv, lh in rows:
        scores = "/".join(str(lh.get(k, "-")) for k in ("performance", "accessibility", "best-practices", "seo")) \
            if lh and "error" not in lh else (lh.get("error", [""])[0] if lh else "")
        print(f"{name:9} {path:52} {fv['requests']:>4} {fv['raw'] / 1024:>8.1f} {fv['gzip'] / 1024:>8.1f} "
              f"{fv['foreign']:>4} {fv['after_requests']:>6} {fv['after_gzip'] / 1024:>7.1f}  {scores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
