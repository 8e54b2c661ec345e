from campaign.languages import khmer


def test_slugify_keeps_khmer_vowels_and_subscripts():
    assert khmer.slugify("សិទ្ធិរបស់អ្នក នៅប្រទេសថៃ") == "សិទ្ធិរបស់អ្នក-នៅប្រទេសថៃ"
    assert khmer.slugify("Know your rights!") == "know-your-rights"
    assert khmer.slugify("ប្រាក់ឈ្នួល\u200bអប្បបរមា") == "ប្រាក់ឈ្នួលអប្បបរមា"


def test_segment_puts_zwsp_between_words_only():
    out = khmer.segment("ខ្ញុំចង់ទៅធ្វើការ នៅប្រទេសថៃ")
    assert out.replace(khmer.ZWSP, "") == "ខ្ញុំចង់ទៅធ្វើការ នៅប្រទេសថៃ"
    assert out.count(khmer.ZWSP) >= 3
    assert "ប្រទេស\u200bថៃ" in out
    assert khmer.segment("plain English") == "plain English"


def test_words_and_digits():
    assert "ឈ្នួល" in khmer.words("ប្រាក់ឈ្នួលអប្បបរមា") or "ប្រាក់ឈ្នួល" in khmer.words("ប្រាក់ឈ្នួលអប្បបរមា")
    assert khmer.digits(2026) == "២០២៦"


def test_normalize_folds_equivalent_subscripts():
    assert khmer.normalize("ស្ដី") == khmer.normalize("ស្តី")
    assert khmer.normalize("ក\u200bខ") == "កខ"
