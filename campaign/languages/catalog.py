"""Interface strings: one gettext catalog (PO file) per language, as Python and MkDocs do.

Messages are written in English in the code and templates (``_("Upcoming events")``,
``N_(...)`` for tables translated later). ``campaign extract-messages`` collects them
into ``locales/messages.pot`` with Babel; each language has ``locales/<code>.po``,
which Weblate, Crowdin or Poedit open as they are. A message without a translation
is shown in English. Placeholders are Python's named ones: ``%(name)s``.

``campaign check`` reads every catalog: syntax errors at ``path:line:col``, and per
language the messages missing from the catalog and the entries nothing uses.
Material's own labels stay in ``overrides/partials/languages/<code>.html``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import read_po, write_po

from campaign.core.diagnostics import Diagnostic, Position, error, read_source, warning

LOCALES_DIR = "locales"
TEMPLATE = "messages.pot"
REVIEW_HEADER = "X-Review"  # "needed": drafted without a native speaker's review
SOURCE_LANGUAGE = "en"  # the language messages are written in: it needs no catalog


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Catalog:
    lang: str
    path: str  # as shown in messages
    messages: dict[str, str] = field(default_factory=dict)  # msgid → translation ("" if none)
    plurals: dict[str, tuple[str, ...]] = field(default_factory=dict)  # msgid → forms
    plural_expr: str = "(n != 1)"
    review: bool = False
    lines: dict[str, int] = field(default_factory=dict)  # msgid → line of its entry

    def plural_index(self, n: int) -> int:
        return int(eval(self.plural_expr, {"__builtins__": {}}, {"n": n}))  # noqa: S307 - CLDR rule


_fingerprints: dict[int, tuple] = {}  # id → (catalog kept alive, its hash)


class Translator:
    """``_ = translator(lang)``; ``_("Events in %(name)s", name=…)``."""

    def __init__(self, lang: str, catalog: Catalog | None):
        self.lang = lang
        self.catalog = catalog

    def gettext(self, message: str, **values) -> str:
        text = (self.catalog.messages.get(message) if self.catalog else None) or message
        return text % values if values else text

    __call__ = gettext

    @property
    def campaign_fingerprint(self) -> tuple:
        """What it translates with, for keys of pages drawn with it (``adapters.mkdocs.reuse``)."""
        kept = _fingerprints.get(id(self.catalog))
        if kept is None or kept[0] is not self.catalog:
            digest = hashlib.sha256(repr(dataclasses.astuple(self.catalog)).encode()).hexdigest() \
                if self.catalog else ""
            kept = _fingerprints[id(self.catalog)] = (self.catalog, digest)
        return (self.lang, kept[1])

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        forms = self.catalog.plurals.get(singular) if self.catalog else None
        if forms and all(forms):
            text = forms[min(self.catalog.plural_index(n), len(forms) - 1)]
        else:
            text = singular if n == 1 else plural
        return text % {"num": n, **values}


_installed: dict[str, Catalog] = {}


def install(catalogs: dict[str, Catalog]) -> None:
    """The catalogs every renderer translates with (set once per build by the project loader)."""
    _installed.clear()
    _installed.update(catalogs)


def translator(lang: str) -> Translator:
    return Translator(lang, _installed.get(lang))


def catalog_fingerprint(lang: str) -> str:
    """What ``lang``'s translations are, for cache keys of things drawn with them."""
    c = _installed.get(lang)
    return repr((sorted(c.messages.items()), sorted(c.plurals.items()), c.plural_expr)) if c else ""


# -- reading and checking ------------------------------------------------------

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*(.*)$")


def _string_end(line: str, start: int) -> int | None:
    """Index after the closing quote of the string starting at ``start`` (None: unclosed)."""
    i = start + 1
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == '"':
            return i + 1
        i += 1
    return None


def check_syntax(text: str, display: str) -> list[Diagnostic]:
    """Problems a translator can fix, at their line and column (Babel's reader guesses on)."""
    diags: list[Diagnostic] = []
    expect_string = False  # a keyword was just seen: its text must follow
    has_msgid = False
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        col = len(line) - len(line.lstrip()) + 1
        if not stripped or stripped.startswith("#"):
            expect_string = False if not stripped else expect_string
            continue
        m = _KEYWORD.match(stripped)
        rest_col = col
        if m:
            rest = m.group(2)
            rest_col = col + m.start(2)
            if m.group(1) == "msgid":
                has_msgid = True
            elif m.group(1).startswith("msgstr") and not has_msgid:
                diags.append(error(Position(display, n, col), "msgstr without a msgid before it",
                                   'a line `msgid "…"` (the English text) before the translation'))
            if not rest:
                diags.append(error(Position(display, n, rest_col), f"{m.group(1)} has no text",
                                   f'{m.group(1)} "…" (text in double quotes, "" for none)'))
                continue
        elif stripped.startswith('"'):
            rest = stripped
            if not expect_string:
                diags.append(error(Position(display, n, col), "text in quotes outside an entry",
                                   "the line to continue a msgid or msgstr just above"))
                continue
        else:
            word = stripped.split()[0]
            diags.append(error(Position(display, n, col), f"'{word}' is not a catalog keyword",
                               "msgid, msgstr, msgctxt, msgid_plural, a line in quotes, or a # comment"))
            expect_string = False
            continue
        if not rest.startswith('"'):
            diags.append(error(Position(display, n, rest_col), "the text must be in double quotes",
                               '"…" (write a quote inside the text as \\")'))
            expect_string = False
            continue
        end = _string_end(rest, 0)
        if end is None:
            diags.append(error(Position(display, n, rest_col), "this text has no closing quote",
                               'a " at the end of the line (a quote inside the text is written \\")'))
        elif rest[end:].strip():
            diags.append(error(Position(display, n, rest_col + end),
                               f"unexpected text after the closing quote: {rest[end:].strip()[:20]!r}",
                               'nothing after the closing " (write a quote inside the text as \\")'))
        expect_string = True
    return diags


def parse_catalog(text: str, lang: str, display: str) -> tuple[Catalog | None, list[Diagnostic]]:
    diags = check_syntax(text, display)
    if diags:
        return None, diags
    po = read_po(io.BytesIO(text.encode("utf-8")), locale=None)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    for m in po:
        if not m.id:
            continue
        key = m.id[0] if isinstance(m.id, tuple) else m.id
        lines[key] = m.lineno or 1
        if isinstance(m.id, tuple):
            forms = m.string if isinstance(m.string, tuple) else (m.string,)
            plurals[key] = tuple(forms)
            messages[key] = forms[0] if forms and all(forms) else ""
        else:
            messages[key] = m.string or ""
    headers = dict(po.mime_headers)
    expr = re.search(r"plural=([^;]+)", headers.get("Plural-Forms", "") or "")
    review = bool(re.search(rf'^"{REVIEW_HEADER}:\s*needed\\n"\s*$', text, re.M | re.I))
    return Catalog(lang, display, messages, plurals, expr.group(1).strip() if expr else "(n != 1)",
                   review, lines), []


@dataclass(frozen=True)
class Template:
    """The messages the code and templates use (``locales/messages.pot``)."""
    ids: tuple[str, ...]
    plurals: dict[str, str] = field(default_factory=dict)  # msgid → its English plural


def read_template(path: Path) -> Template:
    with open(path, "rb") as f:
        po = read_po(f)
    ids = [m.id[0] if isinstance(m.id, tuple) else m.id for m in po if m.id]
    plurals = {m.id[0]: m.id[1] for m in po if m.id and isinstance(m.id, tuple)}
    return Template(tuple(ids), plurals)


def load_catalogs(locales: Path, languages: Iterable[str], root: Path
                  ) -> tuple[dict[str, Catalog], list[Diagnostic]]:
    """Every configured language's catalog, checked against the template."""
    catalogs: dict[str, Catalog] = {}
    diags: list[Diagnostic] = []
    template_path = locales / TEMPLATE
    template = read_template(template_path) if template_path.is_file() else None
    for lang in languages:
        path = locales / f"{lang}.po"
        display = _display(path, root)
        if not path.is_file():
            if lang != SOURCE_LANGUAGE:
                diags.append(warning(Position(display, 1, 1),
                                     f"no interface catalog for '{lang}': buttons and labels show in English",
                                     f"`campaign add-language {lang}` to create it, then translate it"))
            continue
        text, d = read_source(path, display)
        diags += d
        if text is None:
            continue
        catalog, d = parse_catalog(text, lang, display)
        diags += d
        if catalog is None:
            continue
        catalogs[lang] = catalog
        if template is not None:
            diags += compare(catalog, template)
    return catalogs, diags


def compare(catalog: Catalog, template: Template) -> list[Diagnostic]:
    """Messages missing or untranslated in ``catalog``, and entries nothing uses."""
    out = []
    wanted = set(template.ids)
    absent = [m for m in template.ids if m not in catalog.messages]
    untranslated = [m for m in template.ids if m in catalog.messages and not catalog.messages[m]]
    if catalog.lang != SOURCE_LANGUAGE:
        for msg in absent:
            out.append(warning(Position(catalog.path, 1, 1), f"missing entry {_short(msg)}",
                               f'an entry `msgid "{_short(msg, quotes=False)}"` with its translation '
                               f"(`campaign add-language {catalog.lang}` adds missing entries)"))
        if untranslated:
            first = untranslated[0]
            out.append(warning(Position(catalog.path, catalog.lines.get(first, 1), 1),
                               f"{len(untranslated)} message(s) not translated yet, first {_short(first)}: "
                               "shown in English", "a msgstr for each of them"))
    for msg in catalog.messages:
        if msg not in wanted:
            out.append(warning(Position(catalog.path, catalog.lines.get(msg, 1), 1),
                               f"unused entry {_short(msg)}: nothing in the site shows it",
                               "the entry deleted, or the message spelt as in locales/messages.pot"))
    return out


def _short(msg: str, quotes: bool = True) -> str:
    text = msg if len(msg) <= 50 else msg[:49] + "…"
    text = text.replace("\n", " ")
    return repr(text) if quotes else text


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


# -- writing ------------------------------------------------------------------------

def catalog_text(lang: str, template: Template, existing: Catalog | None = None,
                 review: bool = False) -> str:
    """A PO file for ``lang`` with every message of the template (translations kept)."""
    from babel.messages.plurals import get_plural

    po = BabelCatalog(locale=None, project="MIGRA-SAFE campaign site", fuzzy=False)
    po.locale = None
    po.language_team = lang
    po.mime_headers  # noqa: B018 - builds the default headers
    plural = get_plural(lang) if lang else get_plural("en")
    po._num_plurals = plural.num_plurals  # the language's forms (Babel assumes two without a locale)
    for msgid in template.ids:
        if msgid in template.plurals:
            forms = tuple((existing.plurals.get(msgid) if existing else None) or ())
            forms = (forms + ("",) * plural.num_plurals)[:plural.num_plurals]
            po.add((msgid, template.plurals[msgid]), forms)
        else:
            po.add(msgid, (existing.messages.get(msgid) if existing else "") or "")
    buf = io.BytesIO()
    write_po(buf, po, width=0, omit_header=True, sort_output=False)
    from campaign.languages.pack import pack

    intro = (f"# {pack(lang).name_in(pack('en'))} ({pack(lang).name}) interface messages of the campaign site.\n"
             "# Each msgid is the English text; write the translation in msgstr (\"\" shows the English).\n"
             + ("# X-Review: needed — drafted without a native speaker's review; set it to done once reviewed.\n"
                if review else ""))
    header = intro + (f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
              '"Content-Type: text/plain; charset=UTF-8\\n"\n'
              f'"Plural-Forms: nplurals={plural.num_plurals}; plural={plural.plural_expr};\\n"\n'
              + (f'"{REVIEW_HEADER}: needed\\n"\n' if review else "") + "\n")
    return header + buf.getvalue().decode("utf-8")
