"""``campaign serve``: a preview that always says what is wrong, and keeps the last good site.

Staff edit files while this runs. Every half second it looks at the modification times of
the project's files (``PROJECT_FILES`` and the theme's ``overrides/``); on start and after
each change it:

1. loads and checks the content in-process (fast, under a second): with errors, nothing is
   built, the last good site stays served and the problems are recorded;
2. otherwise builds the whole site into a fresh temporary folder, which replaces the served
   one on success; on failure the engine's problems are recorded.

The builds are made by the engine's worker (``engines.worker_command``): one engine process
that stays running, so Python, the engine and the theme are loaded once, and that reuses
the pages an edit did not change (``campaign.adapters.mkdocs.reuse``). Every build is still a
whole build: navigation, language links, search and offline files are always those of a full
build (a test compares them byte for byte). An edit outside the content (the configuration,
the theme, the translations) starts a new worker.

Problems are printed to the terminal every time (errors first), and every HTML page served
carries a panel listing them (``path:line:col``, what is wrong, what to write), framed in the
reader's language (``web/preview.html``). Before any good build, every page is that list.
Pages reload by themselves: an inline script polls ``/__campaign__/state`` and reloads when
its counter changes. ``/sw.js`` is answered 404, so the offline worker never keeps a preview.

Engine-neutral: the engine is only a command (``campaign.engines.command``).
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from campaign import engines
from campaign.core import diagnostics, memo
from campaign.core.config import PROJECT_FILES, read_site_config

POLL = 0.25  # seconds between looks at the files
SETTLE = 0.2  # a save often touches several files: wait until they stop changing
SETTLE_TOLD = 0.1  # the same, when the system told us of the change as it happened
CONTENT = ("docs", "data", "tour_schedule.yaml")  # what a running worker rebuilds; else a new one
STATE = "/__campaign__/state"
FONTS = "/__campaign__/fonts/"
TAIL = 30  # lines of the engine's output kept when its failure names no file
MEMORY = Path("/dev/shm")  # a file system in memory (Linux): where builds are fastest to write
MEMORY_SPARE = 2 << 30  # bytes it must have free beyond three builds (the served, the new, a spare)


# -- what is served -------------------------------------------------------------

@dataclass
class State:
    """What the server shows; replaced as a whole under ``lock`` by the watcher."""

    build: int = 0  # changes whenever what a page shows changes: pages reload
    site: Path | None = None  # the last good build
    problems: list[dict] = field(default_factory=list)  # where, message, expected, raw
    busy: bool = True  # checking or building
    languages: tuple[str, ...] = ("en",)
    default: str = "en"
    panels: dict[str, str] = field(default_factory=dict)  # lang → panel HTML (when problems)
    pages: dict[str, str] = field(default_factory=dict)  # lang → standalone page (no good build)

    def language(self, path: str) -> str:
        first = path.lstrip("/").split("/", 1)[0]
        return first if first in self.languages and first != self.default else self.default

    def json(self) -> bytes:
        return json.dumps({"build": self.build, "ok": not self.problems, "ready": self.site is not None,
                           "busy": self.busy, "problems": self.problems}, ensure_ascii=False).encode()


_RELOAD = """<script>(function(){var v=%d;function poll(){fetch("%s",{cache:"no-store"})\
.then(function(r){return r.json()}).then(function(s){if(s.build!==v){location.reload()}else{setTimeout(poll,1000)}})\
.catch(function(){setTimeout(poll,1000)})}setTimeout(poll,1000)})();</script>"""

_BODY = re.compile(rb"<body[^>]*>", re.I)
_BODY_END = re.compile(rb"</body\s*>", re.I)


def inject(html: bytes, panel: str, build: int) -> bytes:
    """The page with the problems panel first in its body and the reload script last."""
    script = (_RELOAD % (build, STATE)).encode()
    top = _BODY.search(html)
    if panel and top:
        html = html[:top.end()] + panel.encode() + html[top.end():]
    elif panel:
        html = panel.encode() + html
    end = None
    for end in _BODY_END.finditer(html):
        pass
    return html[:end.start()] + script + html[end.start():] if end else html + script


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: "Preview"  # set on the subclass made per server

    def log_message(self, *args):  # one line per request would bury the problems
        pass

    def do_GET(self):
        self._answer(body=True)

    def do_HEAD(self):
        self._answer(body=False)

    def _send(self, status: int, data: bytes, ctype: str, body: bool, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _answer(self, body: bool) -> None:
        state = self.preview.state  # one consistent snapshot for this request
        parts = urlsplit(self.path)
        path = parts.path
        if path == STATE:
            return self._send(200, state.json(), "application/json", body)
        if path.startswith(FONTS):
            from campaign.languages.scripts import FONTS as FONT_DIR, SCRIPTS

            name = path[len(FONTS):]
            if name in {f.name for s in SCRIPTS for f in s.font_files}:
                return self._send(200, (FONT_DIR / name).read_bytes(), "font/ttf", body)
            return self._send(404, b"not found", "text/plain", body)
        if path == "/sw.js":  # the offline worker would keep preview pages: none here
            return self._send(404, b"no offline worker in the preview", "text/plain", body)
        lang = state.language(path)
        if state.site is None:  # nothing good to show yet: the problems, or "building"
            page = inject(state.pages.get(lang, "").encode(), "", state.build)
            return self._send(503 if state.problems else 200, page, "text/html; charset=utf-8", body,
                              {"Retry-After": "1"})
        self.directory = str(state.site)
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not path.endswith("/"):
                location = path + "/" + (f"?{parts.query}" if parts.query else "")
                return self._send(301, b"", "text/plain", body, {"Location": location})
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status, target = 404, state.site / "404.html"
        try:
            data = target.read_bytes()
        except OSError:  # a build swapped in while this request was answered
            return self._send(404, b"not found", "text/plain", body)
        ctype = self.guess_type(str(target))
        if ctype.startswith("text/html"):
            data = inject(data, state.panels.get(lang, "") if state.problems else "", state.build)
            ctype = "text/html; charset=utf-8"
        self._send(status, data, ctype, body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return  # a browser that reloads cancels what it was loading
        super().handle_error(request, client_address)


# -- checking and building ------------------------------------------------------

_LOG_PREFIX = re.compile(r"^(?:ERROR|WARNING|INFO|DEBUG)\s+-\s+")
_DIAG = re.compile(r"^(?P<where>[^\s:][^:]*:\d+:\d+): (?P<message>.+?)(?: — expected (?P<expected>.+?))?"
                   r"(?P<warning> \[warning\])?$")


def problem(d: diagnostics.Diagnostic) -> dict:
    return {"where": str(d.pos), "message": d.message, "expected": d.expected, "raw": False}


_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+)", line (?P<line>\d+)')


def engine_problems(output: str, root: Path | None = None) -> list[dict]:
    """The errors an engine printed as ``path:line:col: …``; else, when it stopped in one of
    the project's files (a template), that file and the error's last line; else the end of
    its output."""
    found = []
    lines = output.splitlines()
    for line in lines:
        m = _DIAG.match(_LOG_PREFIX.sub("", line.strip()))
        if m and not m["warning"]:
            found.append({"where": m["where"], "message": m["message"], "expected": m["expected"] or "",
                          "raw": False})
    if found:
        return found
    frames = [m for m in map(_FRAME.match, lines) if m]
    last = next((ln.strip() for ln in reversed(lines) if ln.strip()), "")
    if root is not None and frames and last:
        for m in reversed(frames):
            path = Path(m["path"])
            if path.is_absolute() and path.is_relative_to(root):
                return [{"where": f"{path.relative_to(root).as_posix()}:{m['line']}:1", "message": last,
                         "expected": "", "raw": False}]
    tail = "\n".join(output.rstrip().splitlines()[-TAIL:]) or "the engine stopped without a message"
    return [{"where": "", "message": tail, "expected": "", "raw": True}]


def engine_warnings(output: str) -> list[str]:
    """The engine's own warnings (a broken link, say); the content's were printed by the check."""
    lines = []
    for line in output.splitlines():
        if line.startswith("WARNING") and not _DIAG.match(_LOG_PREFIX.sub("", line.strip())):
            lines.append(line)
    return lines


def snapshot(root: Path, extra: Path | None) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file a project is made of."""
    seen: dict[str, tuple[int, int]] = {}
    for top in _tops(root, extra):
        files = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for f in files:
            if f.name.startswith((".", "#")) or f.name.endswith("~"):
                continue  # editors' backup and lock files
            try:
                st = f.stat()
            except OSError:
                continue
            if not f.is_dir():
                seen[str(f)] = (st.st_mtime_ns, st.st_size)
    return seen


def _tops(root: Path, extra: Path | None) -> list[Path]:
    """Where a project's files are (``snapshot`` looks at them; ``Told`` is told of changes)."""
    tops = [root / name for name in PROJECT_FILES]
    if extra is not None and all(extra != t and t not in extra.parents for t in tops):
        tops.append(extra)
    return tops


class Told:
    """Set as soon as a project file changes, from the system's file notifications (watchdog:
    MkDocs brings it); without them (another engine, a file system that has none) ``wait``
    simply times out and the files are looked at every ``POLL`` as before."""

    def __init__(self, root: Path, extra: Path | None):
        self.flag = threading.Event()
        self.observer = None
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return
        flag = self.flag

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.event_type not in ("opened", "closed_no_write"):  # reading is not changing
                    flag.set()

        try:
            observer = Observer()
            folders = {t if t.is_dir() else t.parent for t in _tops(root, extra) if t.exists()}
            for folder in sorted(folders):
                observer.schedule(Handler(), str(folder), recursive=folder != root)
            observer.daemon = True
            observer.start()
        except (OSError, RuntimeError):  # too many watches, say: looking every POLL still works
            return
        self.observer = observer

    def wait(self) -> bool:
        """Until a change is told or ``POLL`` passes; True when told."""
        told = self.flag.wait(POLL) if self.observer is not None else (time.sleep(POLL) or False)
        self.flag.clear()
        return told

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()


def scratch(site_bytes: int = 0) -> str | None:
    """Where the preview's builds go: ``CAMPAIGN_PREVIEW_DIR`` if set; else memory when it has
    room (each build writes every file of the site anew: on a disk, creating 2,000 files and
    700 folders took 0.9 s of a 2.7 s preview at 600 pages; in memory, 0.07 s); else the
    system's temporary folder (None)."""
    chosen = os.environ.get("CAMPAIGN_PREVIEW_DIR")
    if chosen:
        return chosen
    try:
        st = os.statvfs(MEMORY)
    except (OSError, AttributeError):  # no such folder (macOS, Windows)
        return None
    if os.access(MEMORY, os.W_OK) and st.f_bavail * st.f_frsize >= MEMORY_SPARE + 3 * site_bytes:
        return str(MEMORY)
    return None


def _folder(where: str | None) -> Path:
    """A new folder for the preview's builds in ``where`` (None: the system's temporary folder)."""
    return Path(tempfile.mkdtemp(prefix="campaign-preview-", dir=where))


def _stamp() -> str:
    return time.strftime("%H:%M:%S")


class Preview:
    def __init__(self, config: Path, addr: str):
        self.config = config
        self.addr = addr
        self.url = f"http://{addr}/"
        self.state = State()
        self.lock = threading.Lock()
        self.tmp = _folder(scratch())
        self.spent: list[Path] = []  # earlier folders of builds (memory grew short)
        self.builds = 0
        self.proc: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.theme_dir: Path | None = None

    # state ---------------------------------------------------------------------

    def _publish(self, **changes) -> None:
        """Replace the state in one step (requests read it without locking)."""
        from dataclasses import replace

        with self.lock:
            self.state = replace(self.state, **changes)

    def _render(self, languages, default, problems, site) -> tuple[dict, dict]:
        from campaign.core.templates import render
        from campaign.languages.scripts import SCRIPTS

        # the shipped fonts, under names of their own: the panel looks the same on any page
        fonts = [{"family": f"Campaign preview {s.code}", "regular": FONTS + s.regular, "bold": FONTS + s.bold,
                  "range": s.unicode_range} for s in SCRIPTS]
        panels, pages = {}, {}
        for lang in languages:
            if problems:
                panels[lang] = render("web/preview.html", lang, problems=problems, standalone=False,
                                      fonts=fonts)
            if site is None:
                pages[lang] = render("web/preview.html", lang, problems=problems, standalone=True,
                                     fonts=fonts)
        return panels, pages

    def _languages(self, project) -> tuple[tuple[str, ...], str]:
        if project is not None:
            return project.config.languages, project.config.default
        cfg, _ = read_site_config(self.config)
        if cfg is not None:
            return cfg.languages, cfg.default
        return self.state.languages, self.state.default  # the last known, or English

    def _show(self, project, problems: list[dict], site: Path | None) -> None:
        languages, default = self._languages(project)
        panels, pages = self._render(languages, default, problems, site)
        self._publish(build=self.state.build + 1, site=site, problems=problems, busy=False,
                      languages=languages, default=default, panels=panels, pages=pages)

    def prime(self) -> None:
        """Before the server answers: the languages and their "building" page."""
        from campaign.project import load

        try:
            project, _ = load(self.config, site_url=self.url)  # installs the catalogs
        except Exception:  # noqa: BLE001 - the first round reports it
            project = None
        languages, default = self._languages(project)
        _, pages = self._render(languages, default, [], None)
        self._publish(languages=languages, default=default, pages=pages)

    # one round -----------------------------------------------------------------

    def check_and_build(self) -> None:
        from campaign.project import load

        started = time.monotonic()
        self._publish(busy=True)
        memo.sweep()
        self.builds += 1
        out = self.tmp / f"build-{self.builds}"
        sent = self._worker_send(out)  # the worker builds while this process checks (two cores)
        project, diags = load(self.config, site_url=self.url)
        if project is not None:
            self.theme_dir = project.config.theme_dir
        errors = diagnostics.errors(diags)
        if diags:
            print(diagnostics.report(diags, limit=8), flush=True)
        if errors or project is None:
            if sent:  # it found the same problems: its answer is not needed
                self._worker_answer()
                shutil.rmtree(out, ignore_errors=True)
            n = len(errors) or 1
            self._show(project, [problem(d) for d in sorted(set(errors))], self.state.site)
            print(f"[{_stamp()}] {n} error(s): nothing was built. {self._keeps()}", flush=True)
            return
        answer = self._worker_answer() if sent else None
        if answer is None:  # no worker (or it stopped): the engine's build command
            shutil.rmtree(out, ignore_errors=True)
            args = engines.command("build", "-f", str(self.config), "-d", str(out))
            self.proc = subprocess.Popen(args, env=engines.environment(SITE_URL=self.url), stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, text=True, errors="replace")
            output, _ = self.proc.communicate()
            code, self.proc = self.proc.returncode, None
        else:
            code, output = answer
        if code != 0 or not (out / "index.html").is_file():
            shutil.rmtree(out, ignore_errors=True)
            problems = engine_problems(output, self.config.parent)
            tail = "\n".join(output.rstrip().splitlines()[-TAIL:])
            print(tail, flush=True)
            self._show(project, problems, self.state.site)
            print(f"[{_stamp()}] The build failed ({len(problems)} problem(s) above). {self._keeps()}",
                  flush=True)
            return
        for line in engine_warnings(output):
            print(line, flush=True)
        old = self.state.site
        self._show(project, [], out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        self._room(out)
        print(f"[{_stamp()}] Preview updated in {time.monotonic() - started:.1f} s: {self.url}", flush=True)

    def _room(self, site: Path) -> None:
        """When memory grows short for builds this size, the next ones go to disk."""
        if self.tmp.parent != MEMORY:
            return
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(site) for f in names)
        where = scratch(size)
        if where != str(MEMORY):
            self.spent.append(self.tmp)  # the served build stays there until the next replaces it
            self.tmp = _folder(where)

    def _worker_send(self, out: Path) -> bool:
        """Ask the worker to build into ``out`` (started if needed); False when the engine has none."""
        if self.worker is None or self.worker.poll() is not None:
            args = engines.worker_command(self.config)
            if args is None:
                return False
            # its own session: Ctrl-C stops the preview, which then closes the worker
            self.worker = subprocess.Popen(args, env=engines.environment(SITE_URL=self.url), stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, text=True, errors="replace",
                                           start_new_session=True)
        try:
            self.worker.stdin.write(json.dumps({"site_dir": str(out)}) + "\n")
            self.worker.stdin.flush()
        except OSError:
            self.stop_worker()
            return False
        return True

    def _worker_answer(self) -> tuple[int, str] | None:
        """(exit code, output) of the build asked for; None when the worker stopped (killed, out
        of memory): a new one is started next time."""
        try:
            answer = json.loads(self.worker.stdout.readline())
        except (OSError, ValueError, AttributeError):
            self.stop_worker()
            return None
        return (0 if answer["ok"] else 1), answer["output"]

    def stop_worker(self) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        try:
            worker.stdin.close()  # the worker ends when its input does
            worker.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            worker.terminate()  # in the middle of a build: it removes its temporary folders
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()

    def _keeps(self) -> str:
        return ("The preview shows the last good version until the files are fixed." if self.state.site
                else "The preview shows the list of problems until the files are fixed.")

    def round(self) -> None:
        """``check_and_build``, and a bug in it shown like a problem, not a stopped server."""
        try:
            self.check_and_build()
        except Exception as exc:  # noqa: BLE001 - the preview must keep serving
            import traceback

            text = traceback.format_exc()
            print(text, flush=True)
            self._show(None, [{"where": "", "message": f"{type(exc).__name__}: {exc}\n\n{text}",
                               "expected": "", "raw": True}], self.state.site)

    def watch(self) -> None:
        root = self.config.parent
        seen = snapshot(root, self.theme_dir)
        told = Told(root, self.theme_dir)
        self.round()
        while True:
            settle = SETTLE_TOLD if told.wait() else SETTLE
            now = snapshot(root, self.theme_dir)
            if now == seen:
                continue
            while True:  # until the files stop changing
                time.sleep(settle)
                later = snapshot(root, self.theme_dir)
                if later == now:
                    break
                now = later
            changed = sorted(set(now.items()) ^ set(seen.items()))
            names = sorted({str(Path(p).relative_to(root)) if Path(p).is_relative_to(root) else p
                            for p, _ in changed})
            print(f"[{_stamp()}] Changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}", flush=True)
            if any(Path(n).parts[:1] not in [(c,) for c in CONTENT] for n in names):
                self.stop_worker()  # the configuration, theme or translations: loaded anew
            seen = now
            self.round()

    def stop(self) -> None:
        self.stop_worker()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        for folder in (*self.spent, self.tmp):
            shutil.rmtree(folder, ignore_errors=True)


def _address(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(addr)
    return host.strip("[]"), int(port)


def serve(config: Path, addr: str = "127.0.0.1:8000") -> int:
    """Serve the preview until Ctrl-C. Returns the exit code."""
    try:
        host, port = _address(addr)
    except ValueError:
        print(f"the address '{addr}' is not host:port — expected for example 127.0.0.1:8000", file=sys.stderr)
        return 2
    preview = Preview(config, addr)
    memo.keep_in_memory()  # the pages read for the check, kept until they change
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    try:
        server = Server((host, port), handler)
    except OSError as exc:
        shutil.rmtree(preview.tmp, ignore_errors=True)
        print(f"cannot serve at {addr}: {exc.strerror} — expected a free port, for example "
              f"ADDR=127.0.0.1:{port + 1} ./dev serve", file=sys.stderr)
        return 1
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    main = threading.current_thread() is threading.main_thread()
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)} if main else {}
    if main:  # Ctrl-C stops it, even when started from a shell that ignores it; so does `kill`
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        preview.prime()
        thread.start()
        print(f"Serving the preview at {preview.url} (Ctrl-C to stop). Problems are shown here and in the "
              "browser; pages reload by themselves.", flush=True)
        preview.watch()
    except KeyboardInterrupt:
        pass
    finally:
        if main:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        if thread.is_alive():
            server.shutdown()
        server.server_close()
        preview.stop()
        for sig, previous in handlers.items():
            signal.signal(sig, previous)
    print("\nPreview stopped.", flush=True)
    return 0
