"""Interface strings this project writes, per language (campaign/locales/<lang>.yml)."""

from __future__ import annotations

import functools
from pathlib import Path

from campaign.core.diagnostics import ContentError
from campaign.core.yamlsource import Map, Scalar, parse_file

LOCALES = Path(__file__).parent / "locales"
FALLBACK = "en"


@functools.lru_cache(maxsize=None)
def _table(lang: str) -> dict[str, str]:
    path = LOCALES / f"{lang}.yml"
    if not path.exists():
        return {}
    root, diags = parse_file(path)
    if diags:
        raise ContentError(diags)
    assert isinstance(root, Map)
    return {k.text: v.text for k, v in root.entries if isinstance(v, Scalar)}


def strings(lang: str) -> dict[str, str]:
    """All strings for ``lang``; keys it lacks come from English."""
    return {**_table(FALLBACK), **_table(lang)}


def t(lang: str, key: str, **values: str) -> str:
    text = strings(lang)[key]
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    return strings(lang).get("language_name", lang)
