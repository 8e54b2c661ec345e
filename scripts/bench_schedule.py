"""Time the schedule on synthetic schedules (100 and 2,000 events by default).

    python scripts/bench_schedule.py [--core-only] [N ...]

For each size: write a schedule YAML into a temp dir, then time parsing (yamlsource),
validation, the schedule page (km), one event page (km), the whole-Tour .ics feed and
every event's JSON-LD, and print sizes. Then (unless --core-only) build the whole site
with that schedule (both languages, every event and province page, feeds) and print
the build time (cold: only posters kept; warm: a second build), the build process's peak
memory, and the bytes of an event page, the schedule page and a
guide page. An event page must not grow with N. Not a test: figures vary with the machine.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from campaign.content.tour.calendar import schedule_ics  # noqa: E402
from campaign.core.diagnostics import errors  # noqa: E402
from campaign.content.gazetteer.model import load_gazetteer  # noqa: E402
from campaign.content.tour.jsonld import event_jsonld  # noqa: E402
from campaign.content.tour.schedule import KINDS, read_schedule  # noqa: E402
from campaign.content.tour.view import event_page, schedule_page  # noqa: E402
from campaign.content.tour.urls import site_urls  # noqa: E402
from campaign.core.yamlsource import parse_file  # noqa: E402
from synthetic import build, copy_project  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def synthetic(n: int, gaz) -> str:
    places = [(p.name("en"), d.name("en")) for p in gaz.provinces for d in p.children]
    first = dt.datetime(2026, 1, 1, 18, 0)
    out = ["sample: true\nkhmer_review: needed\nevents:\n"]
    for i in range(n):
        start = first + dt.timedelta(hours=13 * i)  # spreads over months
        province, district = places[i % len(places)]
        kind = KINDS[i % len(KINDS)]
        status = ("cancelled" if i % 17 == 0 else "scheduled")
        att = ("    attendance:\n      female: {15-24: %d, 25-44: %d}\n      male: {15-24: %d}\n"
               % (i % 50, i % 30, i % 40)) if start.date() < TODAY and status != "cancelled" else ""
        out.append(
            f"  - id: ev-{i:05d}\n    kind: {kind}\n"
            f"    title:\n      km: កម្មវិធីលេខ {i}\n      en: Event number {i}\n"
            f"    description:\n      km: ការពិពណ៌នាអំពីកម្មវិធីនេះ។\n      en: About this event.\n"
            f"    start: {start:%Y-%m-%d %H:%M}\n    end: {start + dt.timedelta(hours=2):%Y-%m-%d %H:%M}\n"
            f"    place:\n      province: {province}\n      district: {district}\n"
            f"      venue: {{km: សាលាឃុំ, en: Commune hall}}\n"
            f"    status: {status}\n    audiences: [youth, women]\n    hotline: kh-molvt-1297\n{att}")
    return "".join(out)


def timed(fn, *args, **kw):
    t0 = time.perf_counter()
    result = fn(*args, **kw)
    return result, time.perf_counter() - t0


def _epoch() -> str:
    return str(int(dt.datetime(*TODAY.timetuple()[:3], tzinfo=dt.timezone.utc).timestamp()))


def posters_for(tmp: Path) -> Path:
    """The posters' cache for the benchmarks' address (their QR codes hold it): the reference
    project built once at that address, from this checkout's cache when it has them."""
    project = copy_project(tmp / "posters_project")
    if (ROOT / ".cache" / "posters").is_dir():
        shutil.copytree(ROOT / ".cache" / "posters", project / ".cache" / "posters")
    build(project, tmp / "posters_site", SOURCE_DATE_EPOCH=_epoch())
    return project / ".cache" / "posters"


def site_build(n: int, schedule_text: str, tmp: Path, posters: Path) -> str:
    """Build the whole reference site with a synthetic schedule; one line of figures. Cold: only
    the posters kept (they are not what is measured); warm: a second build, nothing edited."""
    project = copy_project(tmp / f"project_{n}")
    (project / "tour_schedule.yaml").write_text(schedule_text, encoding="utf-8")
    shutil.copytree(posters, project / ".cache" / "posters")
    cold, cold_mb = build(project, tmp / f"site_{n}_cold", SOURCE_DATE_EPOCH=_epoch())
    out = tmp / f"site_{n}_warm"
    warm, warm_mb = build(project, out, SOURCE_DATE_EPOCH=_epoch())
    size = lambda rel: (out / rel).stat().st_size  # noqa: E731
    pages = sum(1 for _ in out.rglob("index.html"))
    return (f"{n:>7} cold {cold:>6.1f}s {cold_mb:>4.0f} MB  warm {warm:>6.1f}s {warm_mb:>4.0f} MB {pages:>7,} pages"
            f"  event page {size('tour/events/ev-00050/index.html'):>7,} B"
            f"  schedule page {size('tour/index.html'):>10,} B  guide page {size('rights/index.html'):>7,} B")


def main(argv: list[str]) -> int:
    core_only = "--core-only" in argv
    sizes = [int(a) for a in argv if a != "--core-only"] or [100, 2000]
    gaz, diags = load_gazetteer(ROOT / "data" / "gazetteer.yaml")
    assert not errors(diags), diags
    urls = site_urls("https://tour.example.org/")
    stamp = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
    print(f"{'events':>7} {'parse YAML':>11} {'validate':>9} {'schedule page':>14} {'page bytes':>11} "
          f"{'event page':>11} {'event bytes':>12} {'ics feed':>9} {'ics bytes':>10} {'json-ld all':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"tour_{n}.yaml"
            path.write_text(synthetic(n, gaz), encoding="utf-8")
            (root, diags), t_parse = timed(parse_file, path)
            (sched, more), t_check = timed(read_schedule, root, str(path), gaz, TODAY)
            assert not errors(diags + more) and len(sched.events) == n, errors(diags + more)[:3]
            page, t_page = timed(schedule_page, sched, "km", urls, TODAY)
            one, t_one = timed(event_page, sched, "ev-00050", "km", urls, TODAY)  # same event at every N
            ics, t_ics = timed(schedule_ics, sched, "km", urls, "tour.example.org", stamp)
            _, t_ld = timed(lambda: [event_jsonld(e, "km", urls) for e in sched.events])
            print(f"{n:>7} {t_parse:>10.3f}s {t_check:>8.3f}s {t_page:>13.3f}s {len(page.encode()):>11,} "
                  f"{t_one * 1000:>9.1f}ms {len(one.encode()):>12,} {t_ics:>8.3f}s "
                  f"{len(ics):>10,} {t_ld:>11.3f}s")
        if not core_only:
            print("\nWhole site (mkdocs build, km + en; peak memory of the build process):")
            posters = posters_for(Path(tmp))
            for n in sizes:
                print(site_build(n, (Path(tmp) / f"tour_{n}.yaml").read_text(encoding="utf-8"), Path(tmp), posters))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
