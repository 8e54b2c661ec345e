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

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import copy_project, add_pages, stock_project, options  # noqa: E402


def build_once(project: Path, out: Path) -> tuple[float, int]:
    """(seconds, peak RSS in MB) of one build in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a staff machine: compiled modules kept
    cmd = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "mkdocs", "build", "-q",
           "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    t0 = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    rss_kb = int(result.stderr.strip().splitlines()[-1])
    return seconds, rss_kb // 1024


def measure(project: Path, out: Path, runs: int) -> tuple[float, int]:
    build_once(project, out)  # warm-up: caches filled, files in the page cache
    results = [build_once(project, out) for _ in range(runs)]
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
        print(f"{name:32} {s:>7.2f} {m:>8} {ss:>8.2f} {sm:>9} {s / ss:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
