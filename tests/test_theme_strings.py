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


def test_khmer_catalog_translates_every_message_and_is_marked_for_review():
    from campaign.languages import catalog

    cats, diags = catalog.load_catalogs(ROOT / "locales", ("km", "en"), ROOT)
    assert diags == [], diags
    template = catalog.read_template(ROOT / "locales/messages.pot")
    assert [m for m in template.ids if not cats["km"].messages.get(m)] == []
    assert cats["km"].review  # drafted without a native speaker: staff see it in `campaign status`


def test_message_template_is_up_to_date_with_the_code():
    """No message in code or templates is missing from locales/messages.pot (run
    `campaign extract-messages` after adding one)."""
    from campaign.languages.extract import extract, pot_text

    assert (ROOT / "locales/messages.pot").read_text(encoding="utf-8") == pot_text(extract(ROOT / "overrides", ROOT))
