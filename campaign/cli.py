"""``campaign`` command: check content, report translation status, build safely.

A thin CLI over the core (``main(argv) -> int``): exit 0 when all is well,
1 when the content has errors, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from campaign.core import diagnostics
from campaign.project import Project, load_project, render_print_files
from campaign.core.config import read_site_config


def _load(config_file: Path) -> tuple[Project | None, list[diagnostics.Diagnostic]]:
    cfg, diags = read_site_config(config_file)
    if cfg is None:
        return None, diags
    project, more = load_project(cfg)
    return project, diags + more


def cmd_check(args) -> int:
    project, diags = _load(args.config)
    if project is not None and not args.no_render:
        # Text too long for a poster shows only when it is laid out: render (cached).
        with tempfile.TemporaryDirectory() as out:
            _, more = render_print_files(project, Path(out), project.config.root / ".cache" / "posters")
        diags += more
    if diags:
        print(diagnostics.report(diags))
    n_err = len(diagnostics.errors(diags))
    n_warn = len(diags) - n_err
    if n_err or project is None:
        print(f"\n{n_err} error(s), {n_warn} warning(s): fix the errors above; the site was not built.",
              file=sys.stderr)
        return 1
    print(f"Content OK: {len(project.site.pages)} pages, {len(project.hotlines.items)} hotlines"
          + (f", {n_warn} warning(s)" if n_warn else "") + ".")
    return 0


def cmd_status(args) -> int:
    project, diags = _load(args.config)
    if project is None or diagnostics.errors(diags):
        print(diagnostics.report(diags))
        return 1
    site = project.site
    for lang in site.languages:
        missing = site.missing(lang)
        print(f"[{lang}] {len(missing)} page(s) not translated" + (":" if missing else "."))
        for rel in missing:
            src = site.source_language(lang, rel)
            print(f"    docs/{lang}/{rel}  (shown from docs/{src}/{rel})")
    for lang in site.languages:
        events = [e for e in project.schedule.events
                  if not (e.title.has(lang) and e.description.has(lang))]
        if events:
            print(f"[{lang}] {len(events)} Tour event(s) without a {lang} title or description "
                  f"in tour_schedule.yaml:")
            for e in events:
                print(f"    {e.id}" + (f"  (line {e.pos.line})" if e.pos else ""))
    review = [p for p in site.pages.values() if p.khmer_review_needed]
    print(f"Khmer text waiting for a native speaker's review: {len(review)} page(s)")
    for p in sorted(review, key=lambda p: p.display):
        print(f"    {p.display}")
    if project.hotlines.khmer_review:
        print(f"    {project.hotlines.path} (hotline names)")
    if project.schedule.khmer_review == "needed":
        print("    tour_schedule.yaml (event titles and descriptions)")
    if project.schedule.sample:
        print("Note: tour_schedule.yaml is SAMPLE data (sample: true); replace it before launch.")
    return 0


def cmd_build(args) -> int:
    """Build into a fresh folder, then swap it in: a failed build never replaces the site."""
    project, diags = _load(args.config)
    if diags:
        print(diagnostics.report(diags))
    if project is None or diagnostics.errors(diags):
        print("Build stopped: fix the errors above. The existing site was not touched.", file=sys.stderr)
        return 1
    site = Path(args.site_dir).resolve()
    staging = site.with_name(site.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(args.config), "-d", str(staging)]
    if subprocess.run(mkdocs, env=env).returncode != 0 or not (staging / "index.html").exists():
        shutil.rmtree(staging, ignore_errors=True)
        print("Build failed. The existing site was not touched.", file=sys.stderr)
        return 1
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="campaign", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate all content; print every problem as path:line:col")
    check.add_argument("--no-render", action="store_true",
                       help="skip laying out the posters (faster; misses text that does not fit)")
    sub.add_parser("status", help="list untranslated pages and Khmer waiting for review")
    b = sub.add_parser("build", help="build the site; the old site stays if the build fails")
    b.add_argument("-d", "--site-dir", default="site")
    args = parser.parse_args(argv)
    args.config = args.config.resolve()
    return {"check": cmd_check, "status": cmd_status, "build": cmd_build}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
