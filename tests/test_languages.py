"""Language packs and scripts: slugs, word splitting for Khmer and Thai, digits, names from CLDR."""

import datetime as dt

from campaign.core.slugs import slugify
from campaign.languages import dates, khmer
from campaign.languages.pack import language_name, pack
from campaign.languages.scripts import KHMER, LATIN, THAI, ZWSP, script_of, segment, words


def test_slugify_keeps_khmer_and_thai_vowels_and_subscripts():
    assert slugify("សិទ្ធិរបស់អ្នក នៅប្រទេសថៃ") == "សិទ្ធិរបស់អ្នក-នៅប្រទេសថៃ"
    assert slugify("Know your rights!") == "know-your-rights"
    assert slugify("ប្រាក់ឈ្នួល\u200bអប្បបរមា") == "ប្រាក់ឈ្នួលអប្បបរមា"
    assert slugify("สิทธิ์ของคุณ") == "สิทธิ์ของคุณ"


def test_segment_puts_zwsp_between_words_only():
    out = segment("ខ្ញុំចង់ទៅធ្វើការ នៅប្រទេសថៃ")
    assert out.replace(ZWSP, "") == "ខ្ញុំចង់ទៅធ្វើការ នៅប្រទេសថៃ"
    assert out.count(ZWSP) >= 3
    assert "ប្រទេស\u200bថៃ" in out
    assert segment("plain English") == "plain English"


def test_thai_is_split_into_words_too():
    out = segment("แรงงานข้ามชาติมีสิทธิได้รับค่าจ้าง")
    assert out.replace(ZWSP, "") == "แรงงานข้ามชาติมีสิทธิได้รับค่าจ้าง"
    assert "แรงงาน" in out.split(ZWSP) and "สิทธิ" in out.split(ZWSP)
    assert words("Khmer ខ្ញុំទៅ and Thai แรงงานข้ามชาติ")[:1] == ["Khmer"]
    assert "แรงงาน" in words("แรงงานข้ามชาติ")


def test_words_and_digits():
    w = words("ប្រាក់ឈ្នួលអប្បបរមា")
    assert "ឈ្នួល" in w or "ប្រាក់ឈ្នួល" in w
    assert khmer.digits(2026) == "២០២៦"
    assert dates.digits(2026, "km") == "២០២៦" and dates.digits(2026, "th") == "2026"


def test_normalize_folds_equivalent_subscripts():
    assert khmer.normalize("ស្ដី") == khmer.normalize("ស្តី")
    assert khmer.normalize("ក\u200bខ") == "កខ"


def test_packs_name_each_language_in_its_own_script_from_cldr():
    assert [pack(c).name for c in ("km", "en", "th")] == ["ខ្មែរ", "English", "ไทย"]
    assert language_name("th", "km") == "ថៃ" and language_name("km", "en") == "Khmer"
    assert pack("km").script is KHMER and pack("th").script is THAI and pack("en").script is LATIN
    assert pack("km").review and pack("th").review and not pack("en").review
    # a language without a built-in pack gets one from CLDR
    assert pack("fr").name == "français" and pack("fr").script is LATIN
    assert dates.format_date(dt.date(2026, 12, 5), "fr") == "samedi 5 décembre 2026"


def test_script_of_text():
    assert script_of("ខ្មែរ") is KHMER and script_of("ไทย") is THAI and script_of("abc") is LATIN
