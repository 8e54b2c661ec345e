"""What adding a language needs from the theme: Material's labels in that language.

Material ships labels for many languages (Thai among them) but not Khmer; without a
``partials/languages/<code>.html`` the build stops. For a language Material lacks, a
copy of the English labels is put in the theme overrides, ready to translate.
"""

from __future__ import annotations

from pathlib import Path

import material


def theme_language(code: str, cfg) -> str:
    shipped = Path(material.__file__).parent / "templates" / "partials" / "languages"
    if (shipped / f"{code}.html").is_file() or cfg.theme_dir is None:
        return ""
    target = cfg.theme_dir / "partials" / "languages" / f"{code}.html"
    if target.is_file():
        return ""
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (shipped / "en.html").read_text(encoding="utf-8").replace('"language": "en"', f'"language": "{code}"')
    target.write_text(text, encoding="utf-8")
    return f"{target.relative_to(cfg.root)}: the theme's labels in English, to translate"
