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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-f", "--config-file", required=True)
    args = ap.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    reuse.enable()
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
