"""The engines that can build the site, and a safe build: into a new folder, swapped in on success.

After the engine, and before the swap, every internal link of the new site is checked
(one leading nowhere fails the build) and its text files are precompressed (.gz, .br).

MkDocs 1.6 (no release since 2024) and ProperDocs (its maintained fork, which runs MkDocs
plugins) build the same site; ``CAMPAIGN_ENGINE=properdocs`` picks the fork. A build meant
for publishing refuses a local address: posters printed from it would carry QR codes that
lead nowhere.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from campaign.core.config import read_site_config
from campaign.core.diagnostics import report

ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    name = os.environ.get("CAMPAIGN_ENGINE", "mkdocs")
    return name if name in ENGINES else "mkdocs"


def command(*args: str) -> list[str]:
    """The engine's command line (``python -m mkdocs build …``)."""
    return [sys.executable, "-m", engine(), *args]


def worker_command(config: Path) -> list[str] | None:
    """An engine process that stays running and builds on request, for the preview (None: the
    engine has none; every preview build is then a new ``build`` command)."""
    if engine() == "mkdocs":
        return [sys.executable, "-m", "campaign.adapters.mkdocs.worker", "-f", str(config)]
    return None


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def is_local(url: str) -> bool:
    host = urlsplit(url or "").hostname or ""
    return not host or host in ("localhost", "::1", "0.0.0.0") or host.startswith("127.")


def after_build(folder: Path, site_url: str, quiet: bool = False) -> bool:
    """The built site's internal links checked, then its text files precompressed
    (``campaign.web.publish``); False, with every broken link printed, when one leads nowhere."""
    from campaign.web import publish

    broken = publish.check_links(folder, site_url)
    for link in broken:
        print(link, file=sys.stderr)
    if broken:
        return False
    compressed = publish.precompress(folder)
    if not quiet:
        print(compressed.summary())
    return True


def build(config: Path, site_dir: Path, preview: bool = False, quiet: bool = False) -> int:
    """Build into ``<site>.new``, then swap it in: a failed or stopped build never replaces the site."""
    cfg, diags = read_site_config(config)
    if cfg is None:
        print(report(diags), file=sys.stderr)
        return 1
    if is_local(cfg.site_url) and not preview:
        print(f"{cfg.config_file}:1:1: the public address is {cfg.site_url or '(none)'}, a local one — "
              "expected SITE_URL=https://<public address>/ ./dev build (posters' QR codes, calendar links "
              "and the sitemap are made from it), or ./dev build --preview for a build not meant for "
              "publishing", file=sys.stderr)
        return 1
    site = site_dir.resolve()
    staging = site.with_name(site.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    args = command("build", "-f", str(config), "-d", str(staging)) + (["-q"] if quiet else [])
    # The engine runs in its own session: Ctrl-C reaches this process only, which asks the
    # engine to stop (SIGTERM: it cleans its temporary folders) instead of a traceback.
    proc = subprocess.Popen(args, env=environment(), start_new_session=True)
    try:
        code = proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nBuild stopped. {site} was not touched.", file=sys.stderr)
        return 130
    if code != 0 or not (staging / "index.html").exists():
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed (see the problems above). {site} was not touched.", file=sys.stderr)
        return 1
    try:
        checked = after_build(staging, cfg.site_url, quiet)
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nBuild stopped. {site} was not touched.", file=sys.stderr)
        return 130
    if not checked:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: links in the built site lead nowhere (listed above). {site} was not touched.",
              file=sys.stderr)
        return 1
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site}")
    return 0
