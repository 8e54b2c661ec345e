"""Translation drift: which translations are behind the page they were translated from.

A translation records what it was made from in its header::

    translated_from: docs/km/rights.md@3f2a9c1b

the source page's path and a short hash of the source's text (its body, without the
header) at the time. ``campaign mark-translated PATH`` writes that line; when the source
is edited later, its hash changes and the translation is *behind*: ``campaign status``
lists it (with the date of the change when the project is in git) and readers of the
translation see a short notice.

The source of a translation is the default language's page with the same path (an
English page translates ``docs/km/<same name>``), or, for a page first written in
another language, whatever ``translated_from`` names (``--from`` the first time).
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from campaign.content.base import StatusItem
from campaign.core import frontmatter
from campaign.core.diagnostics import Diagnostic, Position, read_source, warning
from campaign.core.pages import PageSource, Site, read_page

KEY = "translated_from"
HASH_LENGTH = 8
_HASH = re.compile(r"^[0-9a-f]{6,64}$")
_EXPECTED = "what `./dev mark-translated` writes: the source page's path, @, and a short hash, " \
            "e.g. docs/km/rights.md@3f2a9c1b"


def full_hash(body: str) -> str:
    """Hash of a page's text: line endings, Unicode form and blank lines at either end ignored."""
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n")).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def body_hash(body: str) -> str:
    """The short form written in headers."""
    return full_hash(body)[:HASH_LENGTH]


def record(source: PageSource) -> str:
    """The ``translated_from`` value for a translation of ``source`` as it is now."""
    return f"{source.display}@{body_hash(source.body)}"


@dataclass(frozen=True)
class Translation:
    page: PageSource  # the translation
    source: PageSource  # the page it is translated from
    recorded: str | None  # the source's hash when it was translated (None: no record)

    @property
    def current(self) -> str:
        return body_hash(self.source.body)

    @property
    def behind(self) -> bool:
        return self.recorded is not None and not full_hash(self.source.body).startswith(self.recorded)


def find_page(site: Site, ref: str) -> PageSource | None:
    """The page a path names: as shown in messages (docs/en/rights.md) or inside docs/ (en/rights.md)."""
    ref = ref.strip().replace("\\", "/")
    while ref.startswith("./"):
        ref = ref[2:]
    for page in site.pages.values():
        if page.display == ref:
            return page
    parts = ref.split("/")
    for i, part in enumerate(parts[:-1]):  # docs/en/rights.md, en/rights.md, or another docs folder
        if part in site.languages and (part, "/".join(parts[i + 1:])) in site.pages:
            return site.pages[(part, "/".join(parts[i + 1:]))]
    return None


def _record_pos(page: PageSource) -> Position:
    header = page.header
    node = header.get(KEY) if header is not None and hasattr(header, "get") else None
    return node.pos if node is not None else Position(page.display, 1, 1)


def translation(site: Site, page: PageSource) -> tuple[Translation | None, list[Diagnostic]]:
    """What ``page`` is a translation of (None: an original), and problems with its record."""
    value = page.meta.get(KEY) if page.meta else None
    if value is None or value == "":
        default = site.pages.get((site.default, page.rel))
        if page.lang != site.default and default is not None:
            return Translation(page, default, None), []
        return None, []
    pos = _record_pos(page)
    ref, at, digest = str(value).rpartition("@")
    if not at or not ref or not _HASH.match(digest):
        return None, [warning(pos, f"{KEY} '{value}' is not a page and a hash", _EXPECTED)]
    source = find_page(site, ref)
    if source is None:
        return None, [warning(pos, f"{KEY} names '{ref}', which is not a page of the site",
                              "the path of the page this one was translated from, e.g. "
                              f"docs/{site.default}/{page.rel}")]
    if source is page:
        return None, [warning(pos, f"{KEY} names the page itself",
                              "the path of the page in the language it was translated from")]
    return Translation(page, source, digest), []


def translations(site: Site) -> tuple[list[Translation], list[Diagnostic]]:
    out, diags = [], []
    for key in sorted(site.pages):
        t, d = translation(site, site.pages[key])
        diags += d
        if t is not None:
            out.append(t)
    return out, diags


def behind(site: Site, lang: str, rel: str) -> PageSource | None:
    """The source ``docs/<lang>/<rel>`` is behind (None when it is up to date, or not a translation)."""
    page = site.pages.get((lang, rel))
    if page is None:
        return None
    t, _ = translation(site, page)
    return t.source if t is not None and t.behind else None


def diagnostics(project) -> list[Diagnostic]:
    """Records `campaign check` warns about (a path that is no page, a malformed value)."""
    return translations(project.site)[1]


def change_date(root: Path, path: str) -> dict:
    """When ``path`` last changed, from git: {"changed": "YYYY-MM-DD"}, {"uncommitted": True}, or {}."""
    def git(*args: str) -> str | None:
        try:
            r = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return None
        return r.stdout.strip() if r.returncode == 0 else None

    if git("status", "--porcelain", "--", path):
        return {"uncommitted": True}
    date = git("log", "-1", "--format=%cs", "--", path)
    return {"changed": date} if date else {}


def status_items(project) -> list[StatusItem]:
    items = []
    root = project.config.root
    for t in translations(project.site)[0]:
        src = t.source.display
        if t.behind:
            when = change_date(root, src)
            note = (f", changed {when['changed']}" if "changed" in when
                    else ", changed and not committed yet" if when else "")
            items.append(StatusItem("outdated", t.page.display, t.page.lang,
                                    f"translated from {src}, which has changed since{note}", extra={
                                        "source": src, "translated_from": t.recorded, "source_now": t.current,
                                        **when}))
        elif t.recorded is None:
            items.append(StatusItem("unrecorded", t.page.display, t.page.lang,
                                    f"translation of {src}: no record of which version "
                                    f"(./dev mark-translated {t.page.display} once it matches)",
                                    extra={"source": src}))
    return items


# -- campaign mark-translated -----------------------------------------------------------

def set_header_field(text: str, key: str, value: str) -> str:
    """``text`` with ``key: value`` in its header, every other byte as it was.

    An existing ``key:`` line gets the new value (a comment after it stays); otherwise the
    line is added last in the header; a file without a header gets one.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    nl = "\r\n" if "\r\n" in body.split("\n", 1)[0] + "\n" else "\n"  # as the file's first line ends
    scalar = value if re.fullmatch(r"[A-Za-z0-9_./@-]+", value) else '"' + value.replace("\\", "\\\\").replace(
        '"', '\\"') + '"'
    opened = frontmatter._OPEN.match(body)
    close = frontmatter._CLOSE.search(body, opened.end()) if opened else None
    if not opened or close is None:
        return bom + f"---{nl}{key}: {scalar}{nl}---{nl}" + body
    start, end = opened.end(), close.start()
    lines = body[start:end].splitlines(keepends=True)
    line_re = re.compile(rf"^{re.escape(key)}[ \t]*:(?P<value>[^\r\n]*?)(?P<comment>[ \t]+#[^\r\n]*)?(?P<nl>\r?\n?)$")
    for i, line in enumerate(lines):
        m = line_re.match(line)
        if not m:
            continue
        drop = 0
        if not m.group("value").strip():  # the value on the lines below, indented
            while i + 1 + drop < len(lines) and lines[i + 1 + drop][:1] in (" ", "\t") \
                    and lines[i + 1 + drop].strip():
                drop += 1
        new = f"{key}: {scalar}{m.group('comment') or ''}{m.group('nl') or nl}"
        lines[i:i + 1 + drop] = [new]
        return bom + body[:start] + "".join(lines) + body[end:]
    header = body[start:end]
    if header and not header.endswith("\n"):
        header += nl
    return bom + body[:start] + header + f"{key}: {scalar}{nl}" + body[end:]


class UsageError(Exception):
    pass


def _resolve(config, given: str) -> tuple[Path, str, str]:
    """(file, language, rel) of a page named on the command line."""
    docs = config.docs_dir.resolve()
    candidates = [Path(given)] if Path(given).is_absolute() else \
        [config.root / given, config.docs_dir / given, Path.cwd() / given]  # the project's first
    path = next((p.resolve() for p in candidates if p.is_file()), None)
    if path is None:
        raise UsageError(f"{given}: no such page — expected the path of a page, e.g. "
                         f"docs/{config.default}/rights.md")
    try:
        lang, rel = path.relative_to(docs).as_posix().split("/", 1)
    except ValueError:
        raise UsageError(f"{given}: not a page in {config.docs_dir.name}/<language>/ — expected e.g. "
                         f"docs/{config.default}/rights.md") from None
    if lang not in config.languages or path.suffix != ".md":
        raise UsageError(f"{given}: not a page of a configured language — expected a .md file in "
                         + " or ".join(f"docs/{x}/" for x in config.languages))
    return path, lang, rel


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def mark_translated(config_file: Path, given: str, source_given: str | None = None) -> int:
    """Record in a translation's header that it matches its source as it is now."""
    from campaign.core.config import read_site_config
    from campaign.core.diagnostics import report

    config, diags = read_site_config(Path(config_file))
    if config is None:
        print(report(diags), file=sys.stderr)
        return 1
    try:
        path, lang, rel = _resolve(config, given)
        shown = _display(path, config.root)
        page, _ = read_page(path, lang, rel, shown)
        if source_given:
            src_path, src_lang, src_rel = _resolve(config, source_given)
        else:
            value = page.meta.get(KEY) if page.meta else None
            ref = str(value).rpartition("@")[0] if value else ""
            if ref:
                src_path, src_lang, src_rel = _resolve(config, ref)
            elif lang != config.default and (config.docs_dir / config.default / rel).is_file():
                src_path, src_lang, src_rel = _resolve(config, str(config.docs_dir / config.default / rel))
            else:
                other = next((x for x in config.languages if x != lang), config.default)
                raise UsageError(f"{shown}: which page is it translated from? — expected "
                                 f"--from docs/{other}/{rel} (the page in the language it was translated from)")
        if src_path == path:
            raise UsageError(f"{shown}: a page cannot be translated from itself — expected --from with "
                             "the page in another language")
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    src_shown = _display(src_path, config.root)
    text, d = read_source(path, shown)
    d += read_source(src_path, src_shown)[1]
    if d:  # not UTF-8, or not readable: nothing is written
        print(report(d), file=sys.stderr)
        return 1
    source, _ = read_page(src_path, src_lang, src_rel, src_shown)
    value = record(source)
    if path.read_bytes().startswith(b"\xef\xbb\xbf"):
        text = "\ufeff" + text
    new = set_header_field(text, KEY, value)
    check, d = frontmatter.read(new.lstrip("\ufeff"), shown)
    if check.meta().get(KEY) != value or check.body != frontmatter.read(text.lstrip("\ufeff"), shown)[0].body:
        print(f"{shown}:1:1: could not add `{KEY}: {value}` to the header safely — expected a header "
              "between two `---` lines; add the line by hand", file=sys.stderr)
        return 1
    if new == text:
        print(f"{shown}: already marked as translated from {value}")
        return 0
    path.write_bytes(new.encode("utf-8"))
    print(f"{shown}: {KEY}: {value} (it matches {source.display} as it is now)")
    return 0
