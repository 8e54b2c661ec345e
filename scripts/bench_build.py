#!/usr/bin/env python3
"""Build time and peak memory: this site beside a stock MkDocs + Material + i18n build of the
same pages, in one run on this machine (ratios are what count on a shared machine).

    .venv/bin/python scripts/bench_build.py [--pages 300] [--runs 3]

For each project it prints the median wall time of ``--runs`` builds after one warm-up
(posters, fonts and compiled templates cached, as a staff member's second build is), the
peak memory (max RSS of the build process) and the ratio to stock. Projects: the reference
site, and the reference site plus N synthetic pages per language (scripts/synthetic.py).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import build, copy_project, add_pages, stock_project, options  # noqa: E402


def measure(project: Path, out: Path, runs: int) -> tuple[float, float]:
    build(project, out)  # warm-up: caches filled, files in the page cache
    results = [build(project, out) for _ in range(runs)]
    return statistics.median(s for s, _ in results), max(m for _, m in results)


def main(argv=None) -> int:
    args = options(__doc__).parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ref = copy_project(tmp / "ref")
        big = add_pages(copy_project(tmp / "big"), args.pages)
        rows = []
        for name, project in (("reference site", ref), (f"+{args.pages} km +{args.pages} en pages", big)):
            stock = stock_project(tmp / f"stock-{project.name}", project)
            ours = measure(project, tmp / f"out-{project.name}", args.runs)
            theirs = measure(stock, tmp / f"out-stock-{project.name}", args.runs)
            rows.append((name, ours, theirs))
    print(f"median of {args.runs} warm builds, peak memory of the build process")
    print(f"{'project':32} {'ours s':>7} {'ours MB':>8} {'stock s':>8} {'stock MB':>9} {'ratio':>6}")
    for name, (s, m), (ss, sm) in rows:
        print(f"{name:32} {s:>7.2f} {m:>8.0f} {ss:>8.2f} {sm:>9.0f} {s / ss:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
