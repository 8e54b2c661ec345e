#!/usr/bin/env python3
"""Poster render benchmark: cold render time per poster, then the warm-rebuild count.

    python scripts/bench_posters.py [--docs docs] [--keep DIR]

Cold: an empty cache, every PDF rendered (one browser for the whole run).
Warm: the same input again with the cache kept; the target is 0 PDFs rendered.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from campaign.core.diagnostics import errors, report  # noqa: E402
from campaign.content.hotlines.model import load_hotlines  # noqa: E402
from campaign.content.posters import load_guides, load_posters, render_posters  # noqa: E402
from campaign.content.posters.source import group  # noqa: E402

SITE = "https://example.org/"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=ROOT / "docs")
    ap.add_argument("--keep", type=Path, help="write the site and cache here (default: temp dir)")
    args = ap.parse_args(argv)
    languages = ("km", "en")
    hot, d1 = load_hotlines(ROOT / "data" / "hotlines.yaml", "data/hotlines.yaml")
    posters, d2 = load_posters(args.docs, languages, hot)
    guides, d3 = load_guides(args.docs, languages)
    if errors(d1 + d2 + d3):
        print(report(d1 + d2 + d3), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        out, cache = base / "site", base / "cache"
        total_cold = 0.0
        from campaign.printing.browser import Browser

        t0 = time.perf_counter()
        with Browser() as b:
            b._start()  # the fixed cost every row below pays once
        start_ms = (time.perf_counter() - t0) * 1000
        print(f"browser start + stop: {start_ms:.0f} ms (included in each row)")
        print(f"{'poster':28} {'PDFs':>5} {'layouts':>7} {'cold ms':>8} {'ms/PDF':>7} {'KB':>7}")
        for slug, langs in group(posters).items():
            batch = list(langs.values())
            t0 = time.perf_counter()
            m, diags = render_posters(batch, hot, SITE, out, cache / slug, languages=languages)
            ms = (time.perf_counter() - t0) * 1000
            total_cold += ms
            if errors(diags):
                print(report(diags), file=sys.stderr)
                return 1
            kb = sum(f.bytes for f in m.of_kind("poster")) / 1024
            print(f"{slug:28} {m.rendered_pdfs:5d} {m.browser_renders:7d} {ms:8.0f} "
                  f"{ms / max(m.rendered_pdfs, 1):7.0f} {kb:7.0f}")
        print(f"(each row includes one browser start; total cold {total_cold / 1000:.1f} s)")
        # One build as the site does it: everything, one browser, then the warm rebuild.
        t0 = time.perf_counter()
        m, diags = render_posters(posters, hot, SITE, out, cache / "all", guides=guides,
                                  languages=languages)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        m2, diags2 = render_posters(posters, hot, SITE, out, cache / "all", guides=guides,
                                    languages=languages)
        warm = time.perf_counter() - t0
        if errors(diags + diags2):
            print(report(diags + diags2), file=sys.stderr)
            return 1
        print(f"full build cold: {m.rendered_pdfs} PDFs ({m.browser_renders} browser layouts) "
              f"+ {m.rendered_thumbs} thumbnails "
              f"in {cold:.1f} s ({len(m.files)} files, "
              f"{sum(f.bytes for f in m.files) / 1e6:.1f} MB)")
        print(f"warm rebuild: {m2.rendered_pdfs} PDFs rendered, {m2.rendered_thumbs} thumbnails, "
              f"{warm * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
