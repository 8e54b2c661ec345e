"""The one rule for ids and anchors: ids are a-z, 0-9 and single hyphens; anchors keep any script."""

from __future__ import annotations

import re
import unicodedata

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ZWSP = "\u200b"


def is_id(value: str) -> bool:
    return bool(ID.match(value))


def slugify(value: str, separator: str = "-") -> str:
    """URL anchor that keeps Khmer and Thai (letters *and* their vowel signs and subscripts).

    Python-Markdown's unicode slugify drops combining marks, so Khmer headings became
    ``_1``; Khmer and Thai vowels are marks (categories Mn/Mc), so keep L, M and N.
    """
    value = unicodedata.normalize("NFC", value).replace(ZWSP, "")
    out: list[str] = []
    for ch in value.lower():
        cat = unicodedata.category(ch)
        if cat[0] in "LMN" or ch == "_":
            out.append(ch)
        elif ch.isspace() or ch in "-–—/.":
            out.append(" ")
    return re.sub(r"\s+", separator, "".join(out).strip())


def suggest_id(value: str, fallback: str) -> str:
    """An id staff could use instead of ``value`` (ASCII letters kept, the rest dropped)."""
    ascii_ = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or fallback
