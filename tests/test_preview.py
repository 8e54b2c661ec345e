"""``campaign serve``: problems shown in the browser every time, the last good site kept.

The preview runs as staff run it (``campaign serve`` in its own process) on a copy of the
project; the tests break a file, fix it, break it again, and watch an open phone page
reload by itself.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from campaign import engines
from campaign import preview
from campaign.preview import State, engine_problems, inject
from conftest import BUILD_EPOCH, PHONE, ROOT, build_site, free_port, screenshot

TIMEOUT = 90  # seconds: a build takes about 12 s on 2 cores, more when posters are drawn
GOOD, BAD = 'number: "1546"', 'number: "15x6"'
MESSAGE = "number '15x6' is not a phone number"


@dataclass
class Running:
    proc: subprocess.Popen
    url: str  # ends with /
    log: Path
    tmp: Path

    def state(self) -> dict:
        with urllib.request.urlopen(self.url + "__campaign__/state", timeout=5) as r:
            return json.load(r)

    def wait(self, ready, what: str, timeout: float = TIMEOUT) -> dict:
        """Poll the state until ``ready(state)``; fail with the server's output after ``timeout``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            assert self.proc.poll() is None, f"the preview stopped:\n{self.output()}"
            try:
                state = self.state()
                if ready(state):
                    return state
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"no {what} within {timeout} s:\n{self.output()}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


@pytest.fixture
def serve(project_copy, tmp_path):
    running: list[Running] = []
    made: list[Path] = []

    def start() -> Running:
        port = free_port()
        # the preview's temporary folders and builds go here (not in memory: the tests look at
        # them); short, for Chromium's socket path (108 bytes)
        tmp = Path(tempfile.mkdtemp(prefix="pv-"))
        made.append(tmp)
        log = tmp_path / "serve.log"
        cmd = [sys.executable, "-m", "campaign.cli", "-f", str(project_copy / "mkdocs.yml"),
               "serve", "-a", f"127.0.0.1:{port}"]
        with log.open("w") as out:
            env = engines.environment(TMPDIR=str(tmp), CAMPAIGN_PREVIEW_DIR=str(tmp), SOURCE_DATE_EPOCH=BUILD_EPOCH)
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env,
                                    stdout=out, stderr=subprocess.STDOUT)
        run = Running(proc, f"http://127.0.0.1:{port}/", log, tmp)
        running.append(run)
        run.wait(lambda s: True, "answer from the preview", 30)
        return run

    yield start
    for run in running:
        if run.proc.poll() is None:
            run.proc.kill()
            run.proc.wait()
    for tmp in made:
        shutil.rmtree(tmp, ignore_errors=True)


def broken(text: str) -> tuple[str, str]:
    """The hotlines file with one bad number, and where the problem is reported."""
    assert GOOD in text
    bad = text.replace(GOOD, BAD, 1)
    line = next(i for i, t in enumerate(bad.splitlines(), 1) if BAD in t)
    return bad, f"data/hotlines.yaml:{line}:"


def framing(catalogs, lang: str, msgid: str) -> str:
    return catalogs[lang].messages[msgid] if lang != "en" else msgid


@pytest.mark.browser
def test_content_error_shows_a_panel_every_time_over_the_last_good_site(serve, project_copy, browser, catalogs):
    run = serve()
    run.wait(lambda s: s["ready"] and not s["busy"], "first good build")
    assert run.get("sw.js")[0] == 404  # the offline worker never keeps a preview page
    hotlines = project_copy / "data/hotlines.yaml"
    good = hotlines.read_text(encoding="utf-8")
    bad, where = broken(good)

    context = browser.new_context(viewport=PHONE)
    pages = {"km": context.new_page(), "en": context.new_page()}
    pages["km"].goto(run.url + "hotlines/")
    pages["en"].goto(run.url + "en/hotlines/")
    for page in pages.values():
        assert "1546" in page.locator(".md-content").inner_text()
        assert page.locator("#campaign-preview").count() == 0

    for attempt in (1, 2):  # the same mistake twice: shown twice, never "already reported"
        hotlines.write_text(bad, encoding="utf-8")
        for lang, page in pages.items():
            panel = page.locator("#campaign-preview")
            panel.wait_for(timeout=TIMEOUT * 1000)  # the page reloaded by itself
            text = panel.inner_text()
            assert re.search(re.escape(where) + r"\d+", text), text
            assert MESSAGE in text and "digits and dashes only" in text
            assert panel.get_attribute("lang") == lang
            assert framing(catalogs, lang, "The site could not be updated") in text
            assert framing(catalogs, lang, "Below is the last good version of the site. It updates by "
                           "itself once the files are fixed.") in text
            assert framing(catalogs, lang, "What to write:") in text
            # the last good build is still what the page shows under the panel
            assert "1546" in page.locator(".md-content").inner_text()
            assert panel.bounding_box()["y"] < 50  # first thing on the page
        if attempt == 1:
            km = pages["km"]
            shot = screenshot(km, "preview-error-km")
            assert shot.stat().st_size > 0
            assert km.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            assert km.locator("#campaign-preview").bounding_box()["width"] <= PHONE["width"]
        hotlines.write_text(good, encoding="utf-8")
        for page in pages.values():
            page.locator("#campaign-preview").wait_for(state="detached", timeout=TIMEOUT * 1000)
            assert "1546" in page.locator(".md-content").inner_text()
    context.close()

    printed = run.output()
    assert len(re.findall(re.escape(where) + r"\d+: " + re.escape(MESSAGE), printed)) == 2, printed
    assert printed.count("Preview updated in") == 3, printed  # start, and after each fix
    assert run.stop() == 0


@pytest.mark.browser
def test_error_at_start_up_keeps_serving_the_problems_until_fixed(serve, project_copy, browser, catalogs):
    hotlines = project_copy / "data/hotlines.yaml"
    good = hotlines.read_text(encoding="utf-8")
    bad, where = broken(good)
    hotlines.write_text(bad, encoding="utf-8")
    run = serve()
    state = run.wait(lambda s: s["problems"] and not s["busy"], "problems")
    assert not state["ready"] and state["problems"][0]["where"].startswith(where)

    heading = "The site cannot be shown yet"
    for path, lang in (("", "km"), ("hotlines/", "km"), ("no/such/page/", "km"), ("assets/x.css", "km"),
                       ("en/", "en"), ("en/no/such/page/", "en")):
        status, body = run.get(path)
        assert status == 503, path
        assert 'class="campaign-preview-page"' in body and f'lang="{lang}"' in body, path
        assert where in body and MESSAGE.replace("'", "&#39;") in body, path
        assert framing(catalogs, lang, heading) in body, path

    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(run.url + "hotlines/")
    assert framing(catalogs, "km", heading) in page.locator("#campaign-preview h2").inner_text()
    screenshot(page, "preview-startup-error-km")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert run.proc.poll() is None  # the server keeps running

    hotlines.write_text(good, encoding="utf-8")
    page.locator(".md-content").wait_for(timeout=TIMEOUT * 1000)  # reloaded onto the good build
    assert "1546" in page.locator(".md-content").inner_text()
    assert page.locator("#campaign-preview").count() == 0
    context.close()

    assert run.stop() == 0  # Ctrl-C: a clean stop, temporary folders removed
    printed = run.output()
    assert "Traceback" not in printed and "Preview stopped." in printed, printed
    assert list(run.tmp.glob("campaign-preview-*")) == []


def test_engine_failure_names_its_files_or_keeps_the_end_of_its_output():
    out = ("ERROR   -  1 problem in the content:\n"
           "docs/km/posters/money.md:12:3: the text does not fit on the poster — expected fewer lines\n"
           "tour_schedule.yaml:418:5: event 'x' has no English text — expected a line `en: …` [warning]\n"
           "\nAborted with a BuildError!\n")
    assert engine_problems(out) == [{"where": "docs/km/posters/money.md:12:3",
                                     "message": "the text does not fit on the poster",
                                     "expected": "fewer lines", "raw": False}]
    trace = ('Traceback (most recent call last):\n  File "/x/mkdocs/commands/build.py", line 83, in b\n'
             '  File "/p/overrides/main.html", line 100, in template\n    {% if %}\n'
             "jinja2.exceptions.TemplateSyntaxError: Expected an expression\n")
    assert engine_problems(trace, Path("/p")) == [{
        "where": "overrides/main.html:100:1", "message": "jinja2.exceptions.TemplateSyntaxError: Expected an "
        "expression", "expected": "", "raw": False}]
    raw = engine_problems(trace, Path("/elsewhere"))
    assert raw[0]["raw"] and raw[0]["message"].endswith("TemplateSyntaxError: Expected an expression")


def test_panel_goes_first_in_the_body_and_the_reload_script_last():
    page = inject(b"<html><body class='x'><p>text</p></body></html>", "<section>P</section>", 7)
    assert page.startswith(b"<html><body class='x'><section>P</section><p>text</p><script>")
    assert page.endswith(b"</script></body></html>") and b"var v=7;" in page
    state = State(languages=("km", "en", "th"), default="km")
    assert [state.language(p) for p in ("/", "/en/", "/en", "/th/x/", "/km/", "/enx/")] == \
        ["km", "en", "en", "th", "km", "km"]


def test_builds_go_to_memory_while_it_has_room_for_them_then_to_disk(tmp_path, monkeypatch):
    """Builds are written where writing is fastest, memory; a site too big for what memory has
    left sends the next builds to the system's temporary folder; a stop removes both."""
    memory, disk = tmp_path / "memory", tmp_path / "disk"
    memory.mkdir(), disk.mkdir()
    free = {"bytes": 10 << 30}

    class Statvfs:
        f_frsize = 4096

        @property
        def f_bavail(self):
            return free["bytes"] // 4096

    real = preview.os.statvfs
    monkeypatch.setattr(preview, "MEMORY", memory)
    monkeypatch.setattr(preview.os, "statvfs", lambda p: Statvfs() if Path(p) == memory else real(p))
    monkeypatch.setattr(tempfile, "tempdir", str(disk))
    monkeypatch.delenv("CAMPAIGN_PREVIEW_DIR", raising=False)
    assert preview.scratch() == str(memory)
    assert preview.scratch(3 << 30) is None  # three builds of 3 GB do not fit beside the spare
    monkeypatch.setenv("CAMPAIGN_PREVIEW_DIR", str(disk))
    assert preview.scratch() == str(disk)  # chosen by hand
    monkeypatch.delenv("CAMPAIGN_PREVIEW_DIR")
    monkeypatch.setattr(preview, "MEMORY", tmp_path / "none")
    assert preview.scratch() is None  # no memory file system (macOS, Windows)
    monkeypatch.setattr(preview, "MEMORY", memory)

    run = preview.Preview(ROOT / "mkdocs.yml", "127.0.0.1:1")
    first = run.tmp
    assert first.parent == memory
    site = first / "build-1"
    site.mkdir()
    (site / "index.html").write_bytes(b"x" * 4096)
    run._room(site)
    assert run.tmp == first  # room enough
    free["bytes"] = preview.MEMORY_SPARE + 3 * 4096 - 1
    run._room(site)
    assert run.tmp.parent == disk and site.is_dir()  # the next builds on disk; the served one stays
    run.stop()
    assert not first.exists() and not run.tmp.exists()


# -- a preview is a full build ------------------------------------------------------------

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {  # name → (edit, a text the edited site shows, the page that shows it)
    # a page's words and its title: the title is in every English page's navigation
    "page": (lambda p: _edit(p / "docs/en/rights.md", "Know your rights in Thailand", "Your rights in Thailand"),
             "Your rights in Thailand", "en/"),
    # an event's title: its page, the month's list, the calendars, the search index
    "schedule": (lambda p: _edit(p / "tour_schedule.yaml", 'en: "Community theatre: migrate safely"',
                                 'en: "Community theatre: migrate safely, together"'),
                 "migrate safely, together", "en/tour/"),
    # a new page: the navigation of its language, the other language's fallback, the sitemap
    "new page": (lambda p: (p / "docs/en/new-note.md").write_text(
        "---\ntitle: A new note\n---\n\n# A new note\n\nCall before you go.\n", encoding="utf-8"),
        "Call before you go.", "en/new-note/"),
    # the theme: a new worker, which has kept nothing
    "theme": (lambda p: _edit(p / "overrides/main.html", "{% block site_meta %}",
                              '{% block site_meta %}<meta name="x-test" content="theme edited">'),
              "theme edited", ""),
}


def _served(run: Running) -> Path:
    """The folder the preview serves: its newest build."""
    builds = sorted(run.tmp.glob("campaign-preview-*/build-*"), key=lambda p: int(p.name.split("-")[1]))
    assert builds, run.output()
    return builds[-1]


def _differences(a: Path, b: Path) -> list[str]:
    files = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    other = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"only in the preview: {n}" for n in sorted(files - other)]
    out += [f"only in the full build: {n}" for n in sorted(other - files)]
    out += [f"differs: {n}" for n in sorted(files & other) if (a / n).read_bytes() != (b / n).read_bytes()]
    return out


def test_a_preview_after_an_edit_is_byte_for_byte_a_full_build(serve, project_copy, tmp_path):
    """The preview keeps an engine running and reuses what an edit did not change; after each
    kind of edit, what it serves is exactly what a full build of the edited files makes."""
    run = serve()
    state = run.wait(lambda s: s["ready"] and not s["busy"], "first good build")
    for name, (edit, shown, page) in EDITS.items():
        before = state["build"]
        edit(project_copy)
        state = run.wait(lambda s: s["build"] > before and not s["busy"], f"a build after the {name} edit")
        assert state["ok"], state["problems"]
        status, html = run.get(page)
        assert status == 200 and shown in html, name
        full = tmp_path / f"full-{name.replace(' ', '-')}"
        result = build_site(project_copy, full, run.url)
        assert result.returncode == 0, result.stderr[-3000:]
        assert _differences(_served(run), full) == [], name
    assert "Preview updated in" in run.output()
    assert run.stop() == 0
