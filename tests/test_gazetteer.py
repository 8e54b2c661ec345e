"""data/gazetteer.yaml: loads cleanly, finds names in any spelling, reports bad entries."""

from __future__ import annotations

from campaign.core.diagnostics import errors
from campaign.content.gazetteer.model import parse_gazetteer
from schedule_fixtures import real_gazetteer


def at(text, needle, nth=1):
    idx = -1
    for _ in range(nth):
        idx = text.index(needle, idx + 1)
    return f"g.yaml:{text.count(chr(10), 0, idx) + 1}:{idx - (text.rfind(chr(10), 0, idx) + 1) + 1}"


def test_real_gazetteer_has_three_provinces_and_their_districts():
    g = real_gazetteer()
    assert [p.id for p in g.provinces] == ["banteay-meanchey", "battambang", "siem-reap"]
    assert [len(p.children) for p in g.provinces] == [9, 13, 12]
    assert g.province("Battambang").name("km") == "បាត់ដំបង"
    for p in g.provinces:
        assert all(d.name("km") and d.name("en") and d.level == "district" for d in p.children)


def test_disputed_spellings_are_flagged_for_review():
    g = real_gazetteer()
    flagged = {d.id for p in g.provinces for d in p.children if d.verify}
    assert {"bavel", "moung-ruessei"} <= flagged


def test_lookup_by_id_english_khmer_alias_any_case():
    g = real_gazetteer()
    bm = g.province("banteay meanchey")
    assert g.province("បន្ទាយមានជ័យ") is bm and g.province("banteay-meanchey") is bm
    assert bm.child("Poipet").id == "paoy-paet" and bm.child("ប៉ោយប៉ែត").id == "paoy-paet"
    assert bm.child("Sisophon").id == "serei-saophoan"
    assert g.province("Battambang").child("Battambang").id == "krong-battambang"
    assert g.get("siem-reap", "puok").name("km") == "ពួក"


def test_closest_names_for_misspellings():
    g = real_gazetteer()
    assert g.province("Battambang").suggestions("Bavil") == ["Bavel"]
    assert "Thma Koul" in g.province("Battambang").suggestions("Thma Kol")
    assert g.province_suggestions("Siem Riep") == ["Siem Reap"]
    assert "ពួក" in g.province("Siem Reap").suggestions("ពួគ")


def test_bad_entries_are_reported_with_positions():
    text = """\
provinces:
  - id: Battambang Province
    en: Battambang
    km: Battambang
    districts:
      - {id: bavel, en: Bavel, km: បាវិល}
      - {id: bavel, en: Bavel 2, km: បាវិល}
      - {id: banan, en: Banan}
      - {id: sangkae, en: Sangkae, km: សង្កែ, typ: district}
      - {id: thma-koul, en: Thma Koul, km: ថ្មគោល, type: city}
"""
    g, diags = parse_gazetteer(text, "g.yaml")
    got = {(str(d.pos), d.message) for d in errors(diags)}
    assert (at(text, "Battambang Province"),
            "province id 'Battambang Province' has characters other than a-z, 0-9 and -") in got
    assert ("g.yaml:4:9",
            "'km' of province entry is not in Khmer script") in got
    assert (at(text, "{id: bavel", 2),
            "duplicate district id 'bavel' in province entry (first at line 6)") in got
    assert (at(text, "{id: banan"), "district 'banan' has no 'km'") in got
    assert (at(text, "typ:"), "unknown field 'typ' in district 'sangkae'") in got
    assert (at(text, "city"), "unknown type 'city'") in got
    assert g.provinces == ()  # a province with errors is left out


def test_unreadable_gazetteer():
    g, diags = parse_gazetteer("provinces: [", "g.yaml")
    assert g.provinces == () and "YAML syntax" in diags[0].message
    g, diags = parse_gazetteer("", "g.yaml")
    assert diags[0].message == "the gazetteer is empty"
