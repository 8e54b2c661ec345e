"""Steps after a successful build, before the new site replaces the old one.

- ``check_links``: every internal link of the built site leads to a file of the site
  (offline, on the folder: a directory address needs its ``index.html``, as on any static
  host). A link that leads nowhere fails the build, and the old site stays.
- ``precompress``: a ``.gz`` (gzip -9) and a ``.br`` (brotli, best quality) beside every
  text file, so a host serving them as they are (nginx ``gzip_static``/``brotli_static``,
  Netlify, Caddy ``precompressed``) sends the smallest bytes at no cost per request.

Why not LinkChecker (PyPI ``linkchecker``): run as root (CI and these machines are) it
always switches to the ``nobody`` user, who cannot read a build folder under a private
temporary folder, so it reports every page as unreadable; and on ``file:`` URLs it checks
a folder address (``../hotlines/``) as a folder listing, so a folder without its
``index.html`` passes although every web host answers 404. The check below reads the
built HTML with ``html.parser`` and resolves links as a browser does.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

TEXT_SUFFIXES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv", ".txt", ".webmanifest")
LINK_ATTRS = {"a": ("href",), "link": ("href",), "script": ("src",), "img": ("src", "srcset")}
SITE_SCHEMES = ("http", "https", "webcal")  # links to the site itself may be written absolute
PLACEHOLDER_URL = "http://site.invalid/"  # when the build has no address, links are relative anyway


# -- links ---------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # the built page, relative to the site folder: "en/rights/index.html"
    line: int
    col: int
    link: str  # as written in the page
    target: str  # the site path it leads to ("" when it leads outside the site's address)
    tag: str = "a"

    def __str__(self) -> str:
        where = (f"to {self.target}, which is not in the built site" if self.target
                 else "outside the site's address")
        return (f"{self.page}:{self.line}:{self.col}: <{self.tag}> link '{self.link}' leads {where} — expected "
                "a link to a page or file the build makes (fix the page, template or data it comes from)")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, int, int]] = []  # (tag, url, line, col)

    def handle_starttag(self, tag, attrs):
        wanted = LINK_ATTRS.get(tag)
        if not wanted:
            return
        line, offset = self.getpos()
        for name, value in attrs:
            if name in wanted and value:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" \
                    else [value]
                self.found += [(tag, url.strip(), line, offset + 1) for url in urls]

    handle_startendtag = handle_starttag


def links_of(html: str) -> list[tuple[str, str, int, int]]:
    """(tag, url, line, column) of every href/src of a, link, script and img in ``html``."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.found


def site_path(folder: Path, rel: str) -> bool:
    """Whether the site path ``rel`` is served from ``folder`` (a folder address by its index.html)."""
    if rel == "" or rel.endswith("/"):
        return (folder / rel / "index.html").is_file()
    path = folder / rel
    return path.is_file() or (path / "index.html").is_file()


def check_links(folder: Path, site_url: str = "") -> list[BrokenLink]:
    """Every link from a built page to the site itself leads to a file of ``folder``.

    Left alone: other hosts, ``mailto:``, ``tel:``, ``data:``, app links (``tg:``, ``line:``…)
    and ``#anchors`` within a page. Links written absolute to the site's own address
    (``site_url``), root-relative or relative are resolved as a browser would.
    """
    folder = Path(folder)
    base = site_url if site_url and urlsplit(site_url).scheme in SITE_SCHEMES else PLACEHOLDER_URL
    base = base if base.endswith("/") else base + "/"
    home = urlsplit(base)
    broken: list[BrokenLink] = []
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        page_url = urljoin(base, quote(rel))
        try:
            html = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for tag, link, line, col in links_of(html):
            if link.startswith("#"):
                continue
            parts = urlsplit(urljoin(page_url, link))
            if parts.scheme not in SITE_SCHEMES or parts.netloc != home.netloc:
                continue  # another host, mailto:, tel:, data:, an app
            target = unquote(parts.path)
            if not target.startswith(home.path):
                broken.append(BrokenLink(rel, line, col, link, "", tag))
                continue
            local = target[len(home.path):]
            if not site_path(folder, local):
                broken.append(BrokenLink(rel, line, col, link, local or "/", tag))
    return sorted(broken)


# -- precompression ------------------------------------------------------------------------

@dataclass(frozen=True)
class Compression:
    files: int  # text files compressed
    original: int  # their bytes
    gzip: int  # bytes of the .gz files (the original counted where gzip would not be smaller)
    brotli: int  # bytes of the .br files (likewise)

    def summary(self) -> str:
        def size(n: int) -> str:
            return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"

        def saved(n: int) -> str:
            return f"{100 - 100 * n / self.original:.0f}% smaller" if self.original else "0%"

        return (f"Precompressed {self.files} text files ({size(self.original)}): gzip {size(self.gzip)} "
                f"({saved(self.gzip)}), brotli {size(self.brotli)} ({saved(self.brotli)})")


def text_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def gzip_bytes(data: bytes) -> bytes:
    """gzip -9, without a file name or time in the header: the same bytes for the same file."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes, text: bool = True) -> bytes:
    import brotli

    return brotli.compress(data, quality=11, mode=brotli.MODE_TEXT if text else brotli.MODE_GENERIC)


def _compress_one(path: Path) -> tuple[int, int, int]:
    """Write ``path``'s .gz and .br where smaller; (original, gzip, brotli) bytes served."""
    data = path.read_bytes()
    sizes = []
    for suffix, compress in ((".gz", gzip_bytes), (".br", brotli_bytes)):
        packed = compress(data)
        out = path.with_name(path.name + suffix)
        if len(packed) < len(data):
            out.write_bytes(packed)
            stat = path.stat()
            os.utime(out, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as fresh as the file it stands for
        elif out.exists():
            out.unlink()  # a stale one would be served instead of the file
        sizes.append(min(len(packed), len(data)))
    return len(data), sizes[0], sizes[1]


def precompress(folder: Path) -> Compression:
    """``<file>.gz`` and ``<file>.br`` beside every text file, each only where it is smaller.

    Brotli at its best quality is slow (about 10 s for this site on one core; quality 10 is
    three times faster but 2% bigger): the files are compressed on every core at once
    (the compressors release Python's lock while they work).
    """
    files = text_files(folder)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sizes = list(pool.map(_compress_one, files))
    return Compression(len(files), sum(s[0] for s in sizes), sum(s[1] for s in sizes), sum(s[2] for s in sizes))
