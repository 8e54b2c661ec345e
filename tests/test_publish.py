"""Publishing safely: a build meant for publishing needs the public address; a stopped build
changes nothing and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

CLI = [sys.executable, "-m", "campaign.cli"]


def run_build(project, out, *extra, env=None):
    return subprocess.run(CLI + ["-f", str(project / "mkdocs.yml"), "build", "-d", str(out), *extra],
                          capture_output=True, text=True, env={**os.environ, **(env or {})})


def test_a_build_to_publish_refuses_a_local_address(project_copy, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(CLI + ["-f", str(project_copy / "mkdocs.yml"), "build", "-d", str(tmp_path / "s")],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: the public address is http://127.0.0.1:8000/, a local one" in result.stderr
    assert "SITE_URL=https://" in result.stderr and "--preview" in result.stderr
    assert not (tmp_path / "s").exists()


def test_build_output_shows_every_warning(project_copy, tmp_path):
    result = run_build(project_copy, tmp_path / "s", "--preview")
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "srei-snam-film-2026-11-13" in result.stderr  # not hidden by -q
    assert "not included in the \"nav\"" not in result.stderr  # but no pages of noise


def test_ctrl_c_stops_cleanly_and_changes_nothing(project_copy, tmp_path):
    out = tmp_path / "site"
    assert run_build(project_copy, out, "--preview").returncode == 0
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen(CLI + ["-f", str(project_copy / "mkdocs.yml"), "build", "--preview", "-d", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "TMPDIR": str(tmp)})
    deadline = time.time() + 60
    while not list(tmp.glob("campaign-print-*")) and time.time() < deadline:  # the build is under way
        time.sleep(0.05)
    assert list(tmp.glob("campaign-print-*")), "the build never started"
    proc.send_signal(signal.SIGINT)  # what Ctrl-C in a terminal sends
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Build stopped" in err
    assert {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "site.new").exists()
    assert list(tmp.iterdir()) == [], list(tmp.iterdir())  # temporary folders removed
