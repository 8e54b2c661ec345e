"""Help near you (data/services.yaml): every mistake at its line:col, no field for people or
shelters, the directory in both languages, tap-to-call, the block under Tour pages, offline."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from campaign.build import SiteBuild
from campaign.content.gazetteer import load_gazetteer
from campaign.content.help.model import FIELDS, FILE, load_services, read_services
from campaign.core.diagnostics import errors
from campaign.core.yamlsource import parse
from campaign.project import load

from conftest import PHONE, ROOT, screenshot

TODAY = dt.date(2026, 11, 26)
PLACE = """\
review: needed
services:
  - id: test-centre
    name: {km: មជ្ឈមណ្ឌលសាកល្បង, en: Test centre}
    province: Battambang
    district: Bavel
    offers: [information, legal-aid]
    phones: ["012-345-678"]
    source: https://example.org/centre
    checked: 2026-11
"""


@pytest.fixture(scope="module")
def gazetteer():
    g, diags = load_gazetteer(ROOT / "data/gazetteer.yaml")
    assert diags == []
    return g


def read(text: str, gazetteer):
    return read_services(parse(text, FILE)[0], FILE, gazetteer, today=TODAY)


def at(text: str, needle: str) -> str:
    """"data/services.yaml:LINE:COL" of ``needle`` in ``text``."""
    i = text.index(needle)
    return f"{FILE}:{text.count(chr(10), 0, i) + 1}:{i - (text.rfind(chr(10), 0, i) + 1) + 1}"


def only_error(diags):
    errs = errors(diags)
    assert len(errs) == 1, "\n".join(map(str, diags))
    return errs[0]


def test_a_valid_place_loads(gazetteer):
    services, diags = read(PLACE, gazetteer)
    assert errors(diags) == []
    (s,) = services.items
    assert (s.province.id, s.district.id, s.offers, s.phones) == ("battambang", "bavel", ("information", "legal-aid"),
                                                                  ("012-345-678",))
    assert s.tel(s.phones[0]) == "tel:012345678" and s.sample is False and services.review_needed


def test_the_shipped_directory_loads_without_warnings(gazetteer):
    services, diags = load_services(ROOT / FILE, gazetteer, today=TODAY)
    assert diags == [], diags
    assert [s.id for s in services.items] == ["mrc-serei-saophoan", "mrc-siem-reap"]
    assert all(s.sources and s.checked and not s.phones and s.address is None for s in services.items)
    assert services.get("mrc-siem-reap").district is None  # the source names no town


def test_unknown_district_names_the_closest_ones(gazetteer):
    text = PLACE.replace("district: Bavel", "district: Bavil")
    d = only_error(read(text, gazetteer)[1])
    assert str(d.pos) == at(text, "Bavil")
    assert d.message == "unknown district 'Bavil' in Battambang (បាត់ដំបង)"
    assert "'Bavel'" in d.expected and "closest names" in d.expected


def test_unknown_province_names_the_closest_ones(gazetteer):
    text = PLACE.replace("province: Battambang", "province: Batambang")
    d = only_error(read(text, gazetteer)[1])
    assert (str(d.pos), d.message) == (at(text, "Batambang"), "unknown province 'Batambang'")
    assert "'Battambang'" in d.expected


def test_a_place_without_a_source_is_refused(gazetteer):
    text = PLACE.replace("    source: https://example.org/centre\n", "")
    d = only_error(read(text, gazetteer)[1])
    assert str(d.pos) == at(text, "id: test-centre")
    assert d.message == "place 'test-centre' has no 'source'"


@pytest.mark.parametrize("number", ["012 345 678", "(012) 345-678", "012-345-678x"])
def test_a_phone_number_in_a_bad_form(gazetteer, number):
    text = PLACE.replace('"012-345-678"', f'"{number}"')
    d = only_error(read(text, gazetteer)[1])
    assert str(d.pos) == at(text, f'"{number}"')
    assert d.message == f"phone '{number}' of place 'test-centre' is not a phone number"
    assert "digits and dashes" in d.expected


@pytest.mark.parametrize("field", ["contact_person", "shelter_address", "staff"])
def test_no_field_for_a_persons_name_or_a_shelters_address(gazetteer, field):
    text = PLACE.replace("    checked: 2026-11\n", f"    checked: 2026-11\n    {field}: Someone\n")
    d = only_error(read(text, gazetteer)[1])
    assert str(d.pos) == at(text, field)
    assert d.message == f"field '{field}' in place 'test-centre' is not allowed"
    assert "never published" in d.expected and FILE in d.expected
    assert not any(re.search(r"person|contact|staff|shelter", f) for f in FIELDS)


def test_other_unknown_fields_get_the_closest_names(gazetteer):
    text = PLACE.replace("    offers:", "    ofers: [training]\n    offers:")
    d = only_error(read(text, gazetteer)[1])
    assert (str(d.pos), d.message) == (at(text, "ofers"), "unknown field 'ofers' in place 'test-centre'")
    assert "'offers'" in d.expected


def test_offers_come_from_a_fixed_list(gazetteer):
    text = PLACE.replace("[information, legal-aid]", "[information, legal-help]")
    d = only_error(read(text, gazetteer)[1])
    assert (str(d.pos), d.message) == (at(text, "legal-help"), "unknown offer 'legal-help' in place 'test-centre'")
    assert "'legal-aid'" in d.expected


def test_a_khmer_name_is_required_and_checked_dates_are_checked(gazetteer):
    text = PLACE.replace("{km: មជ្ឈមណ្ឌលសាកល្បង, en: Test centre}", "{en: Test centre}").replace(
        "checked: 2026-11", "checked: 2027-01")
    got = {(str(d.pos), d.message) for d in errors(read(text, gazetteer)[1])}
    assert (at(text, "name:"), "place 'test-centre' has no Khmer name") in got
    assert (at(text, "2027-01"), "checked date '2027-01' is in the future (today is 2026-11-26)") in got


def test_sample_for_the_whole_file_or_one_place(gazetteer):
    services, _ = read("sample: true\n" + PLACE, gazetteer)
    assert services.items[0].sample
    services, _ = read("sample: true\n" + PLACE.replace("    checked:", "    sample: false\n    checked:"), gazetteer)
    assert not services.items[0].sample


def test_errors_reach_the_project_check(project_copy):
    path = project_copy / FILE
    text = path.read_text(encoding="utf-8").replace("district: Serei Saophoan", "district: Serei Sophon")
    path.write_text(text, encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    (d,) = [d for d in errors(diags) if d.pos.path == FILE]
    assert str(d.pos) == at(text, "Serei Sophon") and "'Serei Saophoan'" in d.expected


# -- pages -----------------------------------------------------------------------------

@pytest.fixture
def build(project_copy):
    path = project_copy / FILE
    path.write_text(path.read_text(encoding="utf-8") + """
  - id: test-office
    name: {km: ការិយាល័យសាកល្បង, en: Test office}
    province: Battambang
    district: Krong Battambang
    offers: [complaints, shelter-referral]
    hours: {km: ច័ន្ទ–សុក្រ, en: Monday to Friday}
    phones: ["012-345-678", "+855-23-000-000"]
    source: https://example.org/office
    checked: 2026-10-05
    sample: true
""", encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    yield b
    b.close()


def test_directory_in_both_languages_grouped_by_province_in_gazetteer_order(build):
    en, km = build.markdown("en", "help.md"), build.markdown("km", "help.md")
    ids = re.findall(r'id="help-([a-z-]+)"', en)
    assert ids == ["banteay-meanchey", "mrc-serei-saophoan", "battambang", "test-office", "siem-reap",
                   "mrc-siem-reap"]
    assert re.findall(r'id="help-([a-z-]+)"', km) == ids
    assert "Migrant Worker Resource Centre, Serei Saophoan (Sisophon)" in en
    assert "មជ្ឈមណ្ឌលធនធានសម្រាប់ពលករចំណាកស្រុក ក្រុងសិរីសោភ័ណ" in km and "បន្ទាយមានជ័យ" in km
    assert 'href="https://phnompenhpost.com/national/banteay-meanchey-migrant-worker-resource-centre-opens"' in km
    assert ">2026-11</time>" in en and ">២០២៦-១១</time>" in km  # the checked date in the reader's digits
    assert ">២០២៦-១០-០៥</time>" in km
    assert "Legal help" in en and "Referral to a safe shelter" in en and "Monday to Friday" in en
    assert "ច័ន្ទ–សុក្រ" in km


def test_phones_are_tap_to_call_links(build):
    en = build.markdown("en", "help.md")
    assert 'href="tel:012345678"' in en and 'href="tel:+85523000000"' in en
    assert en.count("campaign-hotline__call") == 2
    assert "No phone number confirmed yet." in en  # the centres without one say so


def test_what_is_not_confirmed_is_visibly_marked(build):
    en = build.markdown("en", "help.md")
    office = en[en.index('id="help-test-office"'):]
    assert "Not yet confirmed: ask before you travel." in office[:office.index("</li>")]
    siem_reap = en[en.index('id="help-mrc-siem-reap"'):]
    assert "town or district not confirmed yet" in siem_reap[:siem_reap.index("</li>")]
    assert en.count("Not yet confirmed") == 1


def test_one_province_marker(build, project_copy):
    (project_copy / "docs/en/near.md").write_text(
        "# Near\n\n<!-- campaign:help-province siem-reap -->\n", encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    page = b.markdown("en", "near.md")
    assert 'id="help-mrc-siem-reap"' in page and "mrc-serei-saophoan" not in page
    _, diags = load(project_copy / "mkdocs.yml")
    assert not errors(diags)


def test_tour_province_and_event_pages_show_their_provinces_places(build):
    siem_reap = build.markdown("en", "tour/siem-reap.md")
    assert "Places that help in Siem Reap" in siem_reap and 'id="help-mrc-siem-reap"' in siem_reap
    assert "mrc-serei-saophoan" not in siem_reap and 'href="../../help/"' in siem_reap
    event = build.markdown("km", "tour/events/puok-visual-arts-2026-08-28.md")
    assert 'id="help-mrc-siem-reap"' in event and 'href="../../../help/"' in event
    battambang = build.markdown("en", "tour/events/bavel-music-2026-08-21.md")
    assert 'id="help-test-office"' in battambang and "mrc-siem-reap" not in battambang
    assert "campaign-help" not in build.markdown("en", "tour/index.md")
    assert "campaign-help" not in build.markdown("en", "rights.md")


def test_a_province_without_places_says_so_and_its_tour_pages_stay_as_they_were(project_copy):
    (project_copy / "docs/en/near.md").write_text(
        "# Near\n\n<!-- campaign:help-province battambang -->\n", encoding="utf-8")
    b = SiteBuild.start(project_copy / "mkdocs.yml", render=False)
    assert "No place that helps is listed in Battambang yet." in b.markdown("en", "near.md")
    assert "campaign-help" not in b.markdown("en", "tour/battambang.md")
    assert "help.md" in b.offline_pages()


# -- in the browser ----------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("prefix,lang", [("", "km"), ("en/", "en")])
def test_directory_opens_offline_after_one_visit(browser, site, prefix, lang):
    from test_offline import KEY, opens_offline, saved

    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    page.goto(site.url + prefix)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    saved(page, lang, len(KEY) + 1)  # the key pages and this one
    context.set_offline(True)
    opens_offline(page, site.url + prefix + "help/", lang)
    assert page.locator(".campaign-help__place").count() == 2
    assert page.locator("article h1").inner_text().startswith("ជំនួយនៅជិតអ្នក" if lang == "km" else "Help near you")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, f"help-offline-{lang}")
    context.close()
