"""Exact pages, bleed, boxes and crop marks around a page rendered by Chromium.

Chromium draws the poster (shaping, line breaking and text extraction right for
Khmer) but its PDF pages are rounded to whole CSS pixels (a 216 mm page comes
out 0.28 pt short) and it has no bleed, crop marks, TrimBox or BleedBox. So the
browser renders the artwork at *bleed* size and this module places that page,
as a vector Form XObject, on a new page of the exact size: scaled to the
bleed box to the hundredth of a point, clipped to it (no ink beyond the bleed),
with crop marks drawn as vector lines in the slug outside the bleed.

Everything written is a function of the input bytes: no dates unless
``SOURCE_DATE_EPOCH`` is set, and ``/ID`` derived from the content.
"""

from __future__ import annotations

import datetime as dt
import io
import os

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from campaign.printing.paper import BLEED_MM, MARK_GAP_MM, MARK_LEN_MM, MM, SLUG_MM, Paper

MARK_WIDTH = 0.25  # pt, hairline as print shops expect


def _n(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".")


def _box(x0: float, y0: float, x1: float, y1: float) -> Array:
    return Array([round(v, 4) for v in (x0, y0, x1, y1)])


def source_date() -> str | None:
    """PDF date from SOURCE_DATE_EPOCH (reproducible builds), or None: then no date is written."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    when = dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    return when.strftime("D:%Y%m%d%H%M%SZ")


def crop_marks(trim: tuple[float, float, float, float]) -> str:
    """Content-stream operators for eight crop marks, all outside the bleed."""
    x0, y0, x1, y1 = trim
    near = (BLEED_MM + MARK_GAP_MM) * MM
    far = near + MARK_LEN_MM * MM
    ops = [f"q {_n(MARK_WIDTH)} w 0 J 1 1 1 1 K"]  # registration colour: every plate
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            ops.append(f"{_n(x + sx * near)} {_n(y)} m {_n(x + sx * far)} {_n(y)} l S")
            ops.append(f"{_n(x)} {_n(y + sy * near)} m {_n(x)} {_n(y + sy * far)} l S")
    ops.append("Q")
    return "\n".join(ops)


def place(art: pikepdf.Pdf, paper: Paper, print_marks: bool, art_paper: Paper | None = None
          ) -> tuple[pikepdf.Pdf, dict]:
    """A one-page PDF of ``paper`` with page 1 of ``art`` filling the bleed (or the page).

    ``art`` was drawn for ``art_paper`` (default: ``paper``) plus bleed. Print sizes
    share one layout, so A3 and A2 reuse the A4 artwork scaled by the ratio of the
    trims (vector: no quality lost); the wider scaled bleed is clipped to 3 mm.
    """
    art_paper = art_paper or paper
    out = pikepdf.new()
    src_page = art.pages[0]
    sx0, sy0, sx1, sy1 = (float(v) for v in src_page.mediabox)
    form = out.copy_foreign(src_page.as_form_xobject())
    bleed = BLEED_MM * MM if print_marks else 0.0
    slug = SLUG_MM * MM if print_marks else 0.0
    w, h = paper.width, paper.height
    media = (0.0, 0.0, w + 2 * slug, h + 2 * slug)
    trim = (slug, slug, slug + w, slug + h)
    bleed_box = (slug - bleed, slug - bleed, slug + w + bleed, slug + h + bleed)
    # art units → exact art size (Chromium rounds its page to CSS pixels) → this paper
    fx = (art_paper.width + 2 * bleed) / (sx1 - sx0)
    fy = (art_paper.height + 2 * bleed) / (sy1 - sy0)
    kx, ky = w / art_paper.width, h / art_paper.height
    ops = [
        "q",
        f"{_n(bleed_box[0])} {_n(bleed_box[1])} {_n(w + 2 * bleed)} {_n(h + 2 * bleed)} re W n",
        f"{_n(kx * fx)} 0 0 {_n(ky * fy)} {_n(trim[0] - kx * bleed)} {_n(trim[1] - ky * bleed)} cm",
        "/Art Do",
        "Q",
    ]
    if print_marks:
        ops.append(crop_marks(trim))
    page = Dictionary(
        Type=Name.Page,
        MediaBox=_box(*media),
        TrimBox=_box(*trim),
        BleedBox=_box(*bleed_box),
        Resources=Dictionary(XObject=Dictionary(Art=form)),
        Contents=out.make_stream("\n".join(ops).encode()),
    )
    out.pages.append(pikepdf.Page(page))
    boxes = {"media": media, "trim": trim, "bleed": bleed_box}
    return out, boxes


def set_info(pdf: pikepdf.Pdf, title: str, lang: str, subject: str = "") -> None:
    info = Dictionary(Title=String(title), Author=String("MIGRA-SAFE campaign"),
                      Creator=String("campaign.printing"), Producer=String("Chromium + pikepdf"))
    if subject:
        info.Subject = String(subject)
    date = source_date()
    if date:
        info.CreationDate = String(date)
        info.ModDate = String(date)
    pdf.trailer.Info = pdf.make_indirect(info)
    pdf.Root.Lang = String(lang)
    if Name.Metadata in pdf.Root:  # Chromium's XMP carries the render time
        del pdf.Root[Name.Metadata]


def save(pdf: pikepdf.Pdf) -> bytes:
    buf = io.BytesIO()
    pdf.save(buf, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buf.getvalue()


def compose(art_pdf: bytes, paper: Paper, print_marks: bool, title: str, lang: str,
            subject: str = "", art_paper: Paper | None = None) -> bytes:
    """Chromium's artwork PDF → exact poster PDF (office: no marks; print: bleed + marks)."""
    with pikepdf.open(io.BytesIO(art_pdf)) as art:
        out, _ = place(art, paper, print_marks, art_paper)
    set_info(out, title, lang, subject)
    return save(out)
