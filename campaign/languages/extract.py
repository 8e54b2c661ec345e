"""Collect every interface message from the code and templates into ``locales/messages.pot``.

Python: ``_("…")``, ``N_("…")``, ``ngettext``; Jinja templates (the package's and the
theme overrides'): ``{{ _("…") }}``. Babel does the reading, as ``pybabel extract`` would.
The output has no dates, so it changes only when a message does.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import write_po

from campaign.languages.catalog import Template

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {**DEFAULT_KEYWORDS}


def sources(theme_dir: Path | None) -> list[tuple[str, Path]]:
    """(method, file) for every file that may hold messages, in a stable order."""
    out = [("python", p) for p in sorted(PACKAGE.rglob("*.py"))]
    out += [("jinja2.ext:babel_extract", p) for p in sorted(PACKAGE.rglob("templates/**/*.html"))]
    if theme_dir is not None and theme_dir.is_dir():
        out += [("jinja2.ext:babel_extract", p) for p in sorted(theme_dir.rglob("*.html"))
                if "languages" not in p.parts]  # Material's own labels live there
    return out


def extract(theme_dir: Path | None, root: Path) -> Catalog:
    catalog = Catalog(project="MIGRA-SAFE campaign site", fuzzy=False)
    for method, path in sources(theme_dir):
        options = {"trim_blocks": "true", "lstrip_blocks": "true"} if method != "python" else {}
        for lineno, message, comments, context in extract_from_file(method, path, KEYWORDS,
                                                                     options=options):
            where = path.relative_to(root if path.is_relative_to(root) else path.parent).as_posix()
            catalog.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return catalog


def template_of(catalog: Catalog) -> Template:
    ids = [m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id]
    return Template(tuple(ids), {m.id[0]: m.id[1] for m in catalog if m.id and isinstance(m.id, tuple)})


def pot_text(catalog: Catalog) -> str:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=True, sort_output=True, include_lineno=False)
    header = ('# Interface messages of the campaign site. Made by `campaign extract-messages`: do not edit.\n'
              '# Translate them in locales/<language>.po (`campaign add-language <code>` creates one).\n'
              'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    return header + buf.getvalue().decode("utf-8")
