"""Every UI string the posters, guides and their web blocks print, per language.

Khmer drafted without a native speaker's review (KHMER_REVIEW_NEEDED): have it
checked before print runs. A language missing here falls back to English.
"""

from __future__ import annotations

KHMER_REVIEW_NEEDED = True

STRINGS: dict[str, dict[str, str]] = {
    "call_TH": {"km": "ត្រូវការជំនួយ? ទូរស័ព្ទនៅប្រទេសថៃ", "en": "Need help? In Thailand call"},
    "call_KH": {"km": "ត្រូវការជំនួយ? ទូរស័ព្ទនៅកម្ពុជា", "en": "Need help? In Cambodia call"},
    "also_call": {"km": "លេខផ្សេងទៀត", "en": "Also"},
    "check_first": {"km": "សូមផ្ទៀងផ្ទាត់លេខនេះមុនពេលពឹងផ្អែក", "en": "check this number before relying on it"},
    "scan": {"km": "ស្កេនដើម្បីអានបន្ថែម", "en": "Scan to read more"},
    "sources": {"km": "ប្រភព៖", "en": "Sources:"},
    "checked": {"km": "ពិនិត្យ", "en": "checked"},
    "downloads": {"km": "ទាញយកសម្រាប់បោះពុម្ព", "en": "Download to print"},
    "office": {"km": "ម៉ាស៊ីនបោះពុម្ពការិយាល័យ", "en": "office printer"},
    "print_shop": {"km": "ហាងបោះពុម្ព (គែមលើស ៣ ម.ម. និងសញ្ញាកាត់)",
                   "en": "print shop (3 mm bleed, crop marks)"},
    "bilingual": {"km": "ខ្មែរ និងអង់គ្លេស", "en": "Khmer and English"},
    "lang_km": {"km": "ខ្មែរ", "en": "Khmer"},
    "lang_en": {"km": "អង់គ្លេស", "en": "English"},
    "qr_alt": {"km": "កូដ QR ទៅកាន់ទំព័រនេះ", "en": "QR code linking to this page"},
    "review_needed": {"km": "អត្ថបទខ្មែរ មិនទាន់បានពិនិត្យដោយអ្នកនិយាយភាសាខ្មែរ",
                      "en": "Khmer text not yet reviewed by a native speaker"},
    "poster_page": {"km": "ទំព័រផ្ទាំងរូបភាព", "en": "Poster page"},
    "file": {"km": "ឯកសារ", "en": "File"},
    "paper": {"km": "ក្រដាស", "en": "Paper"},
    "bleed": {"km": "គែមលើស", "en": "Bleed"},
    "colour": {"km": "ពណ៌", "en": "Colour"},
    "pages": {"km": "ទំព័រ", "en": "Pages"},
    "size": {"km": "ទំហំ", "en": "Size"},
    "none": {"km": "គ្មាន", "en": "none"},
    "mm_each_side": {"km": "{n} ម.ម. គ្រប់ជ្រុង", "en": "{n} mm each side"},
    "rgb": {"km": "RGB", "en": "RGB"},
    "guides": {"km": "សៀវភៅណែនាំ", "en": "Guides"},
    "guide_download": {"km": "ទាញយកទំព័រនេះជាសៀវភៅតូចសម្រាប់បោះពុម្ព (PDF)", "en": "Download this page as a booklet to print (PDF)"},
    "posters": {"km": "ផ្ទាំងរូបភាព", "en": "Posters"},
    "printers_note": {
        "km": "ឯកសារ PDF ទាំងអស់មានពុម្ពអក្សរបង្កប់។ កំណែហាងបោះពុម្ពមាន TrimBox និង BleedBox។ "
              "ពណ៌ RGB៖ សូមបម្លែងទៅ CMYK ដោយកម្មវិធីរបស់ហាង។",
        "en": "All PDFs have their fonts embedded. Print-shop versions have TrimBox and "
              "BleedBox set, 3 mm bleed and crop marks outside the bleed. Colours are RGB: "
              "convert to CMYK with your usual workflow.",
    },
    "contents": {"km": "មាតិកា", "en": "Contents"},
    "guide_cover_note": {"km": "សូមស្កេនកូដ QR ដើម្បីអានកំណែថ្មីបំផុតនៅលើទូរស័ព្ទ",
                         "en": "Scan the QR code to read the latest version on a phone"},
}


def t(key: str, lang: str, **kw) -> str:
    row = STRINGS[key]
    text = row.get(lang) or row["en"]
    return text.format(**kw) if kw else text
