"""Publishing: the GitHub workflow tests, builds with the Pages address and deploys; a build
whose pages link to a file the site does not have fails, and the old site stays."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import brotli
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github/workflows/publish.yml"
CLI = [sys.executable, "-m", "campaign.cli"]


def steps() -> list[dict]:
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    return [step for job in data["jobs"].values() for step in job["steps"]]


def test_the_workflow_tests_then_builds_for_the_pages_address_then_deploys():
    data = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    on = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    assert "push" in on and "workflow_dispatch" in on
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    all_steps = steps()
    assert all(step.get("name") for step in all_steps), "every step says what it does"
    uses = [step.get("uses", "").split("@")[0] for step in all_steps]
    for action in ("actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):
        assert action in uses, action
    runs = [step.get("run", "") for step in all_steps]
    test = next(i for i, r in enumerate(runs) if "./dev test" in r)
    pages = next(i for i, s in enumerate(all_steps) if s.get("uses", "").startswith("actions/configure-pages"))
    build = next(i for i, r in enumerate(runs) if "./dev build" in r)
    upload = uses.index("actions/upload-pages-artifact")
    assert test < pages < build < upload < uses.index("actions/deploy-pages")
    assert all_steps[pages]["id"] == "pages"
    site_url = all_steps[build].get("env", {}).get("SITE_URL", "") or runs[build]
    assert "${{ steps.pages.outputs.base_url }}/" in site_url
    assert all_steps[upload]["with"]["path"].rstrip("/") == "site"
    deploy = data["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"] == "build"


def build(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": "https://example.org/"}
    return subprocess.run(CLI + ["-f", str(project / "mkdocs.yml"), "build", "-d", str(out)],
                          capture_output=True, text=True, env=env)


def test_a_build_is_precompressed_and_a_broken_link_fails_it_keeping_the_old_site(project_copy, tmp_path):
    cache = ROOT / ".cache" / "posters"
    if cache.is_dir():  # posters laid out before: the same bytes, not drawn again
        shutil.copytree(cache, project_copy / ".cache" / "posters")
    out = tmp_path / "site"
    result = build(project_copy, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Precompressed" in result.stdout and "brotli" in result.stdout
    home = (out / "index.html").read_bytes()
    assert gzip.decompress((out / "index.html.gz").read_bytes()) == home
    assert brotli.decompress((out / "index.html.br").read_bytes()) == home
    assert (out / "sw.js.br").exists() and (out / "tour/tour.ics.gz").exists()
    assert not list(out.rglob("*.pdf.gz")) and not list(out.rglob("*.woff2.br"))  # compressed already
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}

    # a link into a folder the build fills passes the content check, but leads nowhere
    page = project_copy / "docs/en/partners.md"
    page.write_text(page.read_text("utf-8") + "\n[Print it](../posters/pdf/no-such-poster-a4.pdf)\n",
                    encoding="utf-8")
    result = build(project_copy, out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "en/partners/index.html:" in result.stderr
    assert "link '../posters/pdf/no-such-poster-a4.pdf' leads to en/posters/pdf/no-such-poster-a4.pdf, " \
           "which is not in the built site" in result.stderr
    assert "was not touched" in result.stderr
    assert {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "site.new").exists()
