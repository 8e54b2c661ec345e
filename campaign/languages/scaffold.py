"""``campaign add-language`` and ``campaign extract-messages``: a language is configuration.

Adding a language writes three things and nothing else: its entry in mkdocs.yml (with the
language's own name from CLDR), its catalog ``locales/<code>.po`` with every interface
message to translate, and its page folder ``docs/<code>/`` (empty: every page is shown
from another language, with a notice, until it is translated).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError

from campaign.core.config import read_site_config
from campaign.core.diagnostics import read_source, report
from campaign.languages import catalog
from campaign.languages.extract import extract, pot_text, template_of
from campaign.languages.pack import pack


def _entry(code: str, indent: str, site_name: str) -> str:
    lines = [f"{indent}- locale: {code}", f"{indent}  name: {pack(code).name}", f"{indent}  build: true"]
    if site_name:
        lines.append(f"{indent}  site_name: {site_name}")
    return "\n".join(lines) + "\n"


def add_to_config(text: str, code: str, site_name: str) -> str:
    """mkdocs.yml with one more i18n language after the last one (comments and order kept)."""
    lines = text.splitlines(keepends=True)
    last = None
    indent = ""
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)- locale:\s*\S+", line)
        if m:
            last, indent = i, m.group(1)
    if last is None:
        raise ValueError("no `- locale:` entry under the i18n plugin's `languages:`")
    end = last + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > len(indent)):
        end += 1
    while end > last + 1 and not lines[end - 1].strip():
        end -= 1
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join(lines[:end]) + _entry(code, indent, site_name) + "".join(lines[end:])


def add_language(config_file: Path, code: str) -> int:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        print(f"'{code}' is not a language code CLDR knows — expected a code such as th, lo or my",
              file=sys.stderr)
        return 2
    cfg, diags = read_site_config(config_file)
    if cfg is None:
        print(report(diags), file=sys.stderr)
        return 1
    root = cfg.root
    done = []
    if code not in cfg.languages:
        text, d = read_source(config_file, cfg.config_file)
        if text is None:
            print(report(d), file=sys.stderr)
            return 1
        site_name = cfg.site_names.get("en") or cfg.site_names.get(cfg.default, "")
        config_file.write_text(add_to_config(text, code, site_name), encoding="utf-8")
        done.append(f"{cfg.config_file}: language '{code}' ({pack(code).name}) added")
    folder = cfg.docs_dir / code
    if not folder.is_dir():
        folder.mkdir(parents=True)
        (folder / ".gitkeep").write_text("", encoding="utf-8")
        done.append(f"docs/{code}/: created (pages are shown from other languages until translated)")
    locales = cfg.locales_dir
    po = locales / f"{code}.po"
    template_path = locales / catalog.TEMPLATE
    template = (catalog.read_template(template_path) if template_path.is_file()
                else template_of(extract(cfg.theme_dir, root)))
    existing = None
    if po.is_file():
        existing, _ = catalog.parse_catalog(po.read_text(encoding="utf-8"), code, str(po))
    locales.mkdir(parents=True, exist_ok=True)
    po.write_text(catalog.catalog_text(code, template, existing, review=pack(code).review), encoding="utf-8")
    done.append(f"{po.relative_to(root)}: {len(template.ids)} messages to translate"
                + (" (translations kept)" if existing else ""))
    try:  # the engine's own labels (Material ships many languages, not Khmer)
        from campaign.adapters.mkdocs.scaffold import theme_language

        note = theme_language(code, cfg)
        if note:
            done.append(note)
    except ImportError:
        pass
    print("\n".join(done))
    print(f"Next: translate {po.relative_to(root)}, write pages in docs/{code}/, run ./dev check.")
    return 0


def extract_messages(config_file: Path) -> int:
    """Refresh locales/messages.pot from the code and templates; add new messages to every catalog."""
    cfg, diags = read_site_config(config_file)
    if cfg is None:
        print(report(diags), file=sys.stderr)
        return 1
    cat = extract(cfg.theme_dir, cfg.root)
    locales = cfg.locales_dir
    locales.mkdir(parents=True, exist_ok=True)
    (locales / catalog.TEMPLATE).write_text(pot_text(cat), encoding="utf-8")
    template = template_of(cat)
    for po in sorted(locales.glob("*.po")):
        existing, d = catalog.parse_catalog(po.read_text(encoding="utf-8"), po.stem, str(po))
        if existing is None:
            print(report(d), file=sys.stderr)
            return 1
        po.write_text(catalog.catalog_text(po.stem, template, existing, review=existing.review), encoding="utf-8")
    print(f"{len(template.ids)} messages in {(locales / catalog.TEMPLATE).relative_to(cfg.root)}")
    return 0
