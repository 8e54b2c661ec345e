"""Every interface label of the theme is translated into Khmer."""

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r'^\s*"([a-z][a-z0-9._]*)":\s*"(.*)",?\s*$', re.M)


def keys(path: Path) -> dict[str, str]:
    return dict(KEY.findall(path.read_text(encoding="utf-8")))


def test_khmer_partial_translates_every_english_key():
    en = keys(Path(material.__file__).parent / "templates/partials/languages/en.html")
    km = keys(ROOT / "overrides/partials/languages/km.html")
    assert len(en) > 50
    assert sorted(set(en) - set(km)) == []
    untranslated = [k for k, v in km.items()
                    if v == en.get(k) and re.search("[A-Za-z]{3}", v) and k not in ("direction",) and not k.startswith("search.config")]
    assert untranslated == []
    assert km["language"] == "km"


def test_project_strings_cover_english():
    from campaign.strings import _table

    assert sorted(set(_table("en")) - set(_table("km"))) == []
