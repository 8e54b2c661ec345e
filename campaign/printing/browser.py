"""One headless Chromium per build, started only when something must be rendered.

Why Chromium and not WeasyPrint (measured on this machine, Noto Sans Khmer,
WeasyPrint 70, Chromium 156 through Playwright):

* both shape Khmer correctly (no dotted circles);
* WeasyPrint never breaks a line inside a Khmer run (text ran past the trim);
  with U+200B between words it wraps, but ``pdftotext`` on its PDFs returns
  garbled Khmer (its ToUnicode maps reordered clusters wrongly: ស្រុក came out
  as ស្រកុ, លិខិត as លិខិត្រ), so the PDF is not searchable or accessible;
* Chromium wraps Khmer only between words (ICU dictionary) and ``pdftotext``
  returns the words; ~55-90 ms per page against ~20 ms for WeasyPrint, which is
  paid once thanks to the cache;
* Chromium has no bleed, crop marks or page boxes and rounds page sizes to
  whole CSS pixels, so it renders the artwork at bleed size and
  ``printbox`` puts it on an exact page with boxes and vector crop marks.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--font-render-hinting=none"]

# Shrinks the text in steps until everything fits, then says what still overflows.
FIT_JS = """
async (minFit) => {
  await document.fonts.ready;
  for (const img of document.images) { if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; }); }
  const root = document.documentElement;
  const over = () => {
    const out = [];
    const c = document.getElementById('content');
    if (c && c.scrollHeight > c.clientHeight + 1) out.push(['content', (c.scrollHeight - c.clientHeight)]);
    for (const el of document.querySelectorAll('.title, .body, .hotline, .poster, .head, .call')) {
      if (el.scrollWidth > el.clientWidth + 1) out.push([el.className, el.scrollWidth - el.clientWidth]);
    }
    const p = document.querySelector('.poster');
    if (p && p.scrollHeight > p.clientHeight + 1) out.push(['poster', p.scrollHeight - p.clientHeight]);
    return out;
  };
  let fit = 1.0;
  let problems = over();
  while (problems.length && fit > minFit + 1e-6) {
    fit = Math.round((fit - 0.05) * 100) / 100;
    root.style.setProperty('--fit', String(fit));
    problems = over();
  }
  const pxPerMm = 96 / 25.4;
  return {fit, problems: problems.map(([w, px]) => [w, Math.round(px / pxPerMm)]),
          fonts: [...document.fonts].filter(f => f.status === 'loaded').length};
}
"""


# Puts a new body into the page already open (same head: fonts and styles already loaded).
SWAP_JS = """
async (body) => {
  document.documentElement.style.removeProperty('--fit');
  document.body.innerHTML = body;
  void document.body.offsetHeight;  // lay out now, so fonts the new text needs start loading
  await document.fonts.ready;
}
"""


def chromium_path() -> str | None:
    """CHROMIUM, else Debian's chromium, else Playwright's own browser (None)."""
    for cand in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if cand and Path(cand).exists():
            return cand
    return None


def chromium_version() -> str:
    """Part of the cache key: a new browser may draw differently."""
    path = chromium_path()
    if not path:
        return "playwright-bundled"
    try:
        return subprocess.run([path, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return path


class Browser:
    """Context manager: ``with Browser() as b: pdf, fit = b.print_html(html, w, h)``."""

    def __init__(self) -> None:
        self._pw = None
        self._browser = None
        self._page = None
        self._shot = None  # a screen-media page for pictures (``screenshot_html``)
        self._shot_cdp = None
        self._shot_head = ""  # the <head> of the HTML open in it
        self._tmp = None

    def __enter__(self) -> "Browser":
        return self

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=chromium_path(),
                                                 args=CHROMIUM_ARGS)
        self._page = self._browser.new_page()
        self._page.emulate_media(media="print")  # measure the layout that will be printed
        self._tmp = tempfile.TemporaryDirectory(prefix="campaign-posters-")

    @property
    def started(self) -> bool:
        return self._page is not None

    def print_html(self, html: str, width_mm: float, height_mm: float, min_fit: float = 0.75,
                   fit: bool = True, **pdf_options) -> tuple[bytes, dict]:
        """Load the HTML from a file:// URL (so file:// fonts load), fit the text, print."""
        if self._page is None:
            self._start()
        path = Path(self._tmp.name) / "page.html"
        path.write_text(html, encoding="utf-8")
        px = 96 / 25.4  # CSS pixels per millimetre
        self._page.set_viewport_size({"width": round(width_mm * px), "height": round(height_mm * px)})
        self._page.goto(path.as_uri(), wait_until="load")
        info = self._page.evaluate(FIT_JS, min_fit) if fit else \
            self._page.evaluate("async () => { await document.fonts.ready; return {}; }")
        options = dict(width=f"{width_mm}mm", height=f"{height_mm}mm", print_background=True,
                       prefer_css_page_size=True, margin={"top": "0", "right": "0",
                                                          "bottom": "0", "left": "0"})
        options.update(pdf_options)
        return self._page.pdf(**options), info

    def screenshot_html(self, html: str, width_px: int, height_px: int, min_fit: float = 1.0) -> tuple[bytes, dict]:
        """A PNG of the HTML at ``width_px``×``height_px`` CSS pixels, one pixel each (link preview
        cards): loaded like ``print_html`` (file:// fonts, text shrunk to fit), on a page of its own
        with screen media. Encoded for speed, not size: the caller re-encodes it."""
        if self._page is None:
            self._start()
        if self._shot is None:
            self._shot = self._browser.new_page(device_scale_factor=1)
            self._shot_cdp = self._shot.context.new_cdp_session(self._shot)
        if self._shot.viewport_size != {"width": width_px, "height": height_px}:
            self._shot.set_viewport_size({"width": width_px, "height": height_px})
        head, sep, rest = html.partition("<body>")
        if sep and head == self._shot_head:
            # Same head as the page open: only the body changes. Skips a navigation and the
            # fonts' loading, two thirds of the time per card; the pixels are the same (measured).
            self._shot.evaluate(SWAP_JS, rest.rpartition("</body>")[0])
        else:
            path = Path(self._tmp.name) / "shot.html"
            path.write_text(html, encoding="utf-8")
            self._shot.goto(path.as_uri(), wait_until="load")
            self._shot_head = head if sep else ""
        info = self._shot.evaluate(FIT_JS, min_fit)
        # CDP directly: Playwright's screenshot has no optimizeForSpeed (fast PNG, ~25 % quicker)
        shot = self._shot_cdp.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})
        return base64.b64decode(shot["data"]), info

    def close(self) -> None:
        for closer in (lambda: self._browser and self._browser.close(),
                       lambda: self._pw and self._pw.stop(),
                       lambda: self._tmp and self._tmp.cleanup()):
            try:
                closer()
            except Exception:  # noqa: BLE001 - best effort at shutdown; the PDFs are already made
                pass
        self._pw = self._browser = self._page = self._shot = self._shot_cdp = self._tmp = None
        self._shot_head = ""

    def __exit__(self, *exc) -> None:
        self.close()


# -- one browser for a process that builds again and again (the preview's worker) --------
# Playwright's sync API belongs to the thread that started it, and refuses to start in a
# thread that already runs it: browser work runs in a thread of its own. In a one-off build
# that thread and its browser end with the work; kept (``keep_open``), both stay for the next
# build, which then skips Chromium's start (about 1.5 s for one changed link-preview card).

_kept: dict = {"on": False, "pool": None, "browser": None}


def keep_open() -> None:
    _kept["on"] = True


def in_browser_thread(fn, *args):
    """``fn(*args)`` in the thread that may use the browser; its result (or its exception)."""
    from concurrent.futures import ThreadPoolExecutor

    if not _kept["on"]:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="browser") as pool:
            return pool.submit(fn, *args).result()
    if _kept["pool"] is None:
        _kept["pool"] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="browser")
    return _kept["pool"].submit(fn, *args).result()


class session:
    """``with session() as browser:`` a Browser (started on first use) for this build, or the
    one kept between builds; one that failed is closed, and the next build starts another."""

    def __enter__(self) -> Browser:
        if not _kept["on"]:
            self._own = Browser()
            return self._own
        self._own = None
        if _kept["browser"] is None:
            _kept["browser"] = Browser()
        return _kept["browser"]

    def __exit__(self, kind, exc, tb) -> None:
        if self._own is not None:
            self._own.close()
        elif kind is not None and _kept["browser"] is not None:
            _kept["browser"].close()
            _kept["browser"] = None
