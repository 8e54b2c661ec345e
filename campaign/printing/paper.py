"""Paper sizes and print geometry, in PDF points (1/72 inch)."""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre
BLEED_MM = 3.0  # European print-shop bleed
MARK_GAP_MM = 2.0  # crop marks start this far outside the bleed (never touch the bleed)
MARK_LEN_MM = 6.0
SLUG_MM = BLEED_MM + MARK_GAP_MM + MARK_LEN_MM + 2.0  # media margin around the trim


@dataclass(frozen=True)
class Paper:
    name: str  # "a4"
    width_mm: float
    height_mm: float

    @property
    def label(self) -> str:
        return self.name.upper()

    @property
    def width(self) -> float:
        return self.width_mm * MM

    @property
    def height(self) -> float:
        return self.height_mm * MM


PAPERS = {p.name: p for p in (
    Paper("a5", 148, 210),
    Paper("a4", 210, 297),
    Paper("a3", 297, 420),
    Paper("a2", 420, 594),
)}
POSTER_SIZES = ("a4", "a3", "a2")  # print-shop sizes a poster may ask for
