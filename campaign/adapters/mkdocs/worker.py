"""The preview's MkDocs, kept running: a whole build on every request, reusing what did not change.

    python -m campaign.adapters.mkdocs.worker -f mkdocs.yml

Reads one JSON request a line on standard input, ``{"site_dir": "…"}``; builds the whole
site there exactly as ``mkdocs build`` does (the same plugins, the same files), with the
renderings of unchanged pages taken from earlier builds (``reuse``); answers one JSON line,
``{"ok": true|false, "output": "<what mkdocs build would have printed>"}``. Python, MkDocs,
the theme and the content types are loaded once, not on every edit.

Only content changes (``docs/``, ``data/``, the schedule) are built here: the preview starts a
new worker when the configuration, the theme, the translations or the code change.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import sys
import traceback

from campaign.adapters.mkdocs import reuse
from campaign.printing import browser


def build(config_file: str, site_dir: str) -> dict:
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    text = io.StringIO()
    handler = logging.StreamHandler(text)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))  # as `mkdocs build`
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    ok = False
    reuse.new_build()
    try:
        with contextlib.redirect_stdout(text), contextlib.redirect_stderr(text):
            cfg = load_config(config_file=config_file, site_dir=site_dir)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(cfg)
                ok = True
            finally:
                cfg.plugins.on_shutdown()
    except exceptions.Abort as exc:  # the errors were logged; MkDocs prints this last
        text.write(f"\nAborted: {exc}\n")
    except Exception:  # noqa: BLE001 - told to the preview like any engine's failure
        text.write(traceback.format_exc())
    finally:
        logger.removeHandler(handler)
    if os.environ.get("CAMPAIGN_REUSE_DEBUG"):
        text.write(f"reuse: {reuse.stats()}\n")
    return {"ok": ok, "output": text.getvalue()}


def keep_theme_listing() -> None:
    """MkDocs lists every file of the theme on every build, to find its static files (Material's
    10,000, a tenth of a second per language). A worker lists them once: the preview starts a
    new worker when the theme or the configuration changes. Which of them a build adds stays
    decided per build (a file of ``docs/`` of the same name wins)."""
    from mkdocs.structure.files import File, Files

    real = Files.add_files_from_theme
    listed: dict[tuple, list[tuple[str, str]]] = {}

    def add_files_from_theme(self, env, config):
        k = (tuple(config.theme.dirs), tuple(config.theme.static_templates))
        if k not in listed:
            everything = Files([])
            real(everything, env, config)
            listed[k] = [(f.src_uri, f.src_dir) for f in everything]
        for path, folder in listed[k]:
            if self.get_file_from_path(path) is None:
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    Files.add_files_from_theme = add_files_from_theme


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-f", "--config-file", required=True)
    args = ap.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    reuse.enable()
    keep_theme_listing()
    browser.keep_open()  # a changed card or poster is drawn without starting Chromium again
    answer, sys.stdout = sys.stdout, sys.stderr  # stray prints must not break the answers
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        result = build(args.config_file, request["site_dir"])
        answer.write(json.dumps(result, ensure_ascii=False) + "\n")
        answer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
