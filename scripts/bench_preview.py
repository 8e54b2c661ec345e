#!/usr/bin/env python3
"""Edit → preview: seconds from saving a file to the preview serving the change, ours
(``campaign serve``) beside stock ``mkdocs serve`` of the same pages, in one run.

    .venv/bin/python scripts/bench_preview.py [--pages 300] [--runs 3]

The project is the reference site plus ``--pages`` synthetic pages per language
(``scripts/synthetic.py``). Each measure saves a file, then asks for the page every 50 ms
until it shows the new words; it prints the median of ``--runs`` edits after one warm-up
edit. Edits: a page's text (ours and stock), and an event's title in the schedule (ours
only: stock MkDocs has no schedule).
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from synthetic import copy_project, add_pages, stock_project, options  # noqa: E402

PAGE = ("docs/en/gen/p007.md", "en/gen/p007/")
EVENT = ('en: "Community theatre: migrate safely"', "en/tour/events/paoy-paet-theatre-2026-08-07/")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, timeout: float = 300) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r} within {timeout} s")


def start(cmd: list[str], log: Path) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a staff machine: compiled modules kept
    with log.open("w") as out:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        proc.kill()


def edit_page(project: Path, n: int) -> str:
    words = f"Edited for the benchmark {n}"
    path = project / PAGE[0]
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    path.write_text(f"{head}\n\n{words}\n\n{body}", encoding="utf-8")
    return words


def edit_event(project: Path, n: int) -> str:
    path = project / "tour_schedule.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line.strip() for line in text.splitlines() if line.strip().startswith(EVENT[0][:-1]))
    new = f'en: "Community theatre: migrate safely {n}"'
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return f"migrate safely {n}"


def measure(url: str, project: Path, edit, page: str, runs: int) -> float:
    times = []
    for n in range(runs + 1):
        words = edit(project, n)
        t = wait_for(url + page, words)
        if n:  # the first edit warms the worker up
            times.append(t)
        time.sleep(1)
    return statistics.median(times)


def main(argv=None) -> int:
    args = options(__doc__).parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours = add_pages(copy_project(tmp / "ours"), args.pages)
        stock = stock_project(tmp / "stock", ours)
        rows = []

        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        proc = start([sys.executable, "-m", "campaign.cli", "-f", str(ours / "mkdocs.yml"), "serve",
                      "-a", f"127.0.0.1:{port}"], tmp / "ours.log")
        try:
            first = wait_for(url + "__campaign__/state", '"ready": true', timeout=900)
            page = measure(url, ours, edit_page, PAGE[1], args.runs)
            event = measure(url, ours, edit_event, EVENT[1], args.runs)
        finally:
            stop(proc)

        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        proc = start([sys.executable, "-m", "mkdocs", "serve", "-f", str(stock / "mkdocs.yml"),
                      "-a", f"127.0.0.1:{port}"], tmp / "stock.log")
        try:
            stock_first = wait_for(url + PAGE[1], "<html", timeout=900)
            stock_page = measure(url, stock, edit_page, PAGE[1], args.runs)
        finally:
            stop(proc)
        rows = [("first build served", first, stock_first), ("edit a page → served", page, stock_page),
                ("edit the schedule → served", event, None)]
    print(f"{args.pages} km + {args.pages} en extra pages; median of {args.runs} edits after a warm-up edit")
    print(f"{'measure':30} {'ours s':>7} {'stock s':>8}")
    for name, a, b in rows:
        print(f"{name:30} {a:>7.2f} {'—' if b is None else f'{b:.2f}':>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
