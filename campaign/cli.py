"""``campaign``: check content, report what needs work, build safely, add a language, start new content.

A thin CLI over the core (``main(argv) -> int``): exit 0 when all is well, 1 when the
content has errors, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from campaign import drift, engines, freshness
from campaign.core import diagnostics
from campaign.project import Project, load, prepare
from campaign.status import status_items, status_text


def _load(args) -> tuple[Project | None, list[diagnostics.Diagnostic]]:
    return load(args.config)


def cmd_check(args) -> int:
    project, diags = _load(args)
    if project is not None and not args.no_render:
        # Text too long for a poster shows only when it is laid out: render (cached).
        import tempfile

        with tempfile.TemporaryDirectory() as out:
            _, more = prepare(project, Path(out), project.config.root / ".cache" / "posters")
        diags += more
    if diags:
        print(diagnostics.report(diags, limit=None if args.all else 8))
    n_err = len(diagnostics.errors(diags))
    n_warn = len(set(diags)) - n_err
    if n_err or project is None:
        print(f"\n{n_err} error(s), {n_warn} warning(s): fix the errors above; nothing was built.",
              file=sys.stderr)
        return 1
    print(f"Content OK: {len(project.site.pages)} pages, {len(project.hotlines.items)} hotlines"
          + (f", {n_warn} warning(s)" if n_warn else "") + ".")
    return 0


def cmd_status(args) -> int:
    project, diags = _load(args)
    if project is None or diagnostics.errors(diags):
        print(diagnostics.report(diags))
        return 1
    items = status_items(project)
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=1))
    else:
        print(status_text(project, items))
    return 0


def cmd_build(args) -> int:
    return engines.build(args.config, Path(args.site_dir), preview=args.preview)


def cmd_serve(args) -> int:
    from campaign.preview import serve

    return serve(args.config, args.addr)


def cmd_add_language(args) -> int:
    from campaign.languages.scaffold import add_language

    return add_language(args.config, args.code)


def cmd_extract(args) -> int:
    from campaign.languages.scaffold import extract_messages

    return extract_messages(args.config)


def cmd_mark_translated(args) -> int:
    return drift.mark_translated(args.config, args.path, args.source)


def cmd_new(args) -> int:
    from campaign import scaffold

    if args.what == "event":
        answers = scaffold.EventAnswers(args.province, args.district, args.date, args.kind, args.time,
                                        args.title_km, args.title_en, args.venue_km, args.venue_en)
        return scaffold.new_event(args.config, answers, interactive=sys.stdin.isatty())
    if not args.name:
        print(f"campaign new {args.what}: missing NAME — expected e.g. campaign new {args.what} "
              f"{'help-centres' if args.what == 'page' else 'know-your-rights'}", file=sys.stderr)
        return 2
    if args.what == "page":
        return scaffold.new_page(args.config, args.name)
    return scaffold.new_poster(args.config, args.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="campaign", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", type=Path, default=Path(os.environ.get("CAMPAIGN_CONFIG", "mkdocs.yml")),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check all content; print every problem as path:line:col")
    check.add_argument("--no-render", action="store_true",
                       help="skip laying out the posters (faster; misses text that does not fit)")
    check.add_argument("--all", action="store_true", help="print every warning, not a few of each kind")
    st = sub.add_parser("status", help="untranslated pages, translations behind, text to review, old facts")
    st.add_argument("--json", action="store_true", help="print the same as JSON for tools and dashboards")
    b = sub.add_parser("build", help="build the site; the old site stays if the build fails")
    b.add_argument("-d", "--site-dir", default="site")
    b.add_argument("--preview", action="store_true",
                   help="a preview: allow a local address (posters' QR codes will not work on paper)")
    sv = sub.add_parser("serve", help="preview the site; rebuilds on every change and shows problems "
                        "in the browser")
    sv.add_argument("-a", "--addr", default="127.0.0.1:8000", help="host:port to serve at (default: 127.0.0.1:8000)")
    al = sub.add_parser("add-language", help="add a language: mkdocs.yml entry, catalog, docs folder")
    al.add_argument("code", help="language code, e.g. th")
    sub.add_parser("extract-messages", help="collect interface messages into locales/messages.pot "
                   "and add new ones to every catalog")
    mt = sub.add_parser("mark-translated", help="record that a translation matches its source as it is now "
                        "(writes translated_from: in its header)")
    mt.add_argument("path", help="the translation, e.g. docs/en/rights.md")
    mt.add_argument("--from", dest="source", metavar="SOURCE",
                    help="the page it was translated from (default: the same page in the default language, "
                    "or what its header already names), e.g. docs/km/rights.md")
    new = sub.add_parser("new", help="start an event (appended to tour_schedule.yaml), a page or a poster "
                         "(one file per language)")
    new.add_argument("what", choices=["event", "page", "poster"])
    new.add_argument("name", nargs="?", help="page or poster: its file name without .md, e.g. help-centres")
    for opt, text in [("province", "e.g. Battambang (from data/gazetteer.yaml)"), ("district", "e.g. Bavel"),
                      ("date", "YYYY-MM-DD"), ("kind", "theatre, music, info-session, …"),
                      ("time", "HH:MM or HH:MM-HH:MM (default 18:00, two hours)"),
                      ("title-km", "the title in Khmer"), ("title-en", "the title in English"),
                      ("venue-km", "the venue in Khmer"), ("venue-en", "the venue in English")]:
        new.add_argument(f"--{opt}", help=f"event: {text}")
    args = parser.parse_args(argv)
    args.config = args.config.resolve()
    commands = {"check": cmd_check, "status": cmd_status, "build": cmd_build, "serve": cmd_serve,
                "add-language": cmd_add_language, "extract-messages": cmd_extract,
                "mark-translated": cmd_mark_translated, "new": cmd_new}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("\nStopped. Nothing was changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
