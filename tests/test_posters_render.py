"""Poster and guide PDFs checked with real tools: pikepdf, pdffonts, pdftotext, pdftoppm, zbar.

One cold render of the shipped posters (module fixture), then a warm rebuild.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import textwrap
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from campaign.core.diagnostics import errors
from campaign.content.hotlines.model import load_hotlines
from campaign.content.guides import load_guides
from campaign.content.posters import (gallery_html, load_posters, poster_block_html,
                              printers_html, relative_url_for, render_posters)
from campaign.printing.paper import MM, PAPERS
from campaign.printing.qr import page_url

ROOT = Path(__file__).resolve().parents[1]
SITE = "https://example.org/migra-safe/"
EPOCH = "1764000000"  # 2025-11-24T16:00:00Z
# poppler-utils and zbar-tools are installed by ./dev test; a missing tool fails, never skips.

RIGHTS_KM = """\
---
title: ស្គាល់សិទ្ធិរបស់អ្នក
khmer_review: needed
---
# ស្គាល់សិទ្ធិរបស់អ្នក

## ប្រាក់ឈ្នួលអប្បបរមា

{para}

## ធ្វើការស្របច្បាប់

{para}

## កន្លែងប្ដឹង

{para}
"""
PARA = "ពលករចំណាកស្រុកត្រូវមានលិខិតឆ្លងដែន និងប័ណ្ណការងារ។ សូមទូរស័ព្ទទៅខ្សែជំនួយ ប្រសិនបើមានបញ្ហា។ " * 6


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Copy of the shipped posters + a fixture guide, rendered once (cold)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    base = tmp_path_factory.mktemp("posters")
    docs = base / "docs"
    for lang in ("km", "en"):
        shutil.copytree(ROOT / "docs" / lang / "posters", docs / lang / "posters")
    (docs / "km" / "rights.md").write_text(RIGHTS_KM.format(para=PARA), encoding="utf-8")
    hot, _ = load_hotlines(ROOT / "data" / "hotlines.yaml", "data/hotlines.yaml")
    posters, diags = load_posters(docs, ("km", "en"), hot)
    guides, gdiags = load_guides(docs, ("km",))
    assert not errors(diags + gdiags)
    out, cache = base / "site", base / "cache"
    manifest, rdiags = render_posters(posters, hot, SITE, out, cache, guides=guides,
                                      languages=("km", "en"))
    assert not errors(rdiags), "\n".join(map(str, rdiags))
    yield {"docs": docs, "hot": hot, "posters": posters, "guides": guides, "out": out,
           "cache": cache, "manifest": manifest, "base": base}
    if old is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = old


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def pdf(build, rel: str) -> Path:
    return build["out"] / rel


def test_every_poster_size_and_language_is_made(build):
    m = build["manifest"]
    slugs = {p.slug for p in build["posters"]}
    for slug in slugs:
        for code in ("km", "en", "km-en"):
            files = {(f.paper, f.variant) for f in m.for_poster(slug, code)}
            assert ("a4", "office") in files and ("a4", "print") in files, (slug, code)
            assert m.get(f"posters/thumbs/{slug}-{code}.webp") is not None
    assert {(f.paper, f.variant) for f in m.for_poster("money", "km")} == {
        ("a4", "office"), ("a4", "print"), ("a3", "print"), ("a2", "print")}
    assert ("a2", "print") not in {(f.paper, f.variant) for f in m.for_poster("hotlines", "km")}
    for f in m.files:
        assert (build["out"] / f.path).stat().st_size == f.bytes


def test_print_boxes_bleed_and_trim(build):
    for f in build["manifest"].of_kind("poster"):
        paper = PAPERS[f.paper]
        with pikepdf.open(pdf(build, f.path)) as doc:
            (page,) = doc.pages
            media = [float(v) for v in page.MediaBox]
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
        assert abs((trim[2] - trim[0]) - paper.width) < 0.01, f.path
        assert abs((trim[3] - trim[1]) - paper.height) < 0.01, f.path
        if f.variant == "office":
            assert trim == media == bleed
            continue
        for i, sign in ((0, -1), (1, -1), (2, 1), (3, 1)):
            assert abs((bleed[i] - trim[i]) - sign * 3 * MM) < 0.01, f.path
        # the media holds the marks outside the bleed
        assert media[0] < bleed[0] - 5 * MM and media[2] > bleed[2] + 5 * MM


def test_fonts_embedded_and_only_project_fonts(build):
    m = build["manifest"]
    for f in m.of_kind("poster")[::5] + m.of_kind("guide"):
        lines = run("pdffonts", str(pdf(build, f.path))).splitlines()[2:]
        assert lines, f.path
        for line in lines:
            name, emb = line.split()[0], line.split()[-5]
            assert emb == "yes", line
            assert name.split("+")[-1] in {"NotoSansKhmer-Regular", "NotoSansKhmer-Bold",
                                           "NotoSans-Regular", "NotoSans-Bold"}, line


def _squash(text: str) -> str:
    # poppler inserts a space after some subscript+AA clusters (ភ្នា ក់); compare without spaces
    return re.sub(r"[\s\u200b]+", "", text)


def test_pdftotext_returns_khmer_words(build):
    text = run("pdftotext", str(pdf(build, "posters/pdf/safe-migration-checklist-km-a3-print.pdf")), "-")
    for word in ("លិខិតឆ្លងដែន", "ទូរស័ព្ទ", "ក្រសួង", "ពិនិត្យឲ្យគ្រប់", "1694"):
        assert word in text, word
    poster = next(p for p in build["posters"] if p.slug == "safe-migration-checklist" and p.lang == "km")
    for line in poster.body.splitlines():
        plain = re.sub(r"^- |\*\*", "", line).strip()
        if plain:
            assert _squash(plain) in _squash(text), plain
    assert "\u25cc" not in text  # no dotted circle (broken shaping)


def _render(path: Path, dpi: int) -> Image.Image:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(path), str(root)],
                       check=True, capture_output=True)
        with Image.open(root.with_suffix(".png")) as img:
            return img.convert("RGB")


def test_no_ink_beyond_bleed_except_crop_marks(build):
    for rel in ("posters/pdf/know-your-rights-km-a4-print.pdf",
                "posters/pdf/womens-safety-km-en-a3-print.pdf"):
        path = pdf(build, rel)
        with pikepdf.open(path) as doc:
            page = doc.pages[0]
            mh = float(page.MediaBox[3])
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
        dpi = 36
        img = _render(path, dpi)
        k = dpi / 72
        px = lambda x: x * k  # noqa: E731
        bx0, bx1 = px(bleed[0]), px(bleed[2])
        by0, by1 = px(mh - bleed[3]), px(mh - bleed[1])  # image y grows downwards
        tx = [px(trim[0]), px(trim[2])]
        ty = [px(mh - trim[3]), px(mh - trim[1])]
        pixels = img.load()
        stray = 0
        for y in range(img.height):
            for x in range(img.width):
                inside = bx0 - 1 <= x <= bx1 + 1 and by0 - 1 <= y <= by1 + 1
                if inside or sum(pixels[x, y]) > 3 * 250:
                    continue
                on_mark = any(abs(x - t) <= 1.5 for t in tx) or any(abs(y - t) <= 1.5 for t in ty)
                stray += not on_mark
        assert stray == 0, rel
        # crop marks are there, and the background reaches the bleed edge
        assert sum(pixels[int(tx[0]), int(by0 - 8)]) < 3 * 200
        corner = pixels[int(bx0 + 1), int(by0 + 1)]
        assert sum(corner) < 3 * 200, corner


def test_qr_decodes_to_the_poster_page(build):
    for rel, slug, lang in (("posters/pdf/money-km-a4-office.pdf", "money", "km"),
                            ("posters/pdf/money-en-a3-print.pdf", "money", "en"),
                            ("posters/pdf/money-km-en-a4-print.pdf", "money", "km")):
        png = build["base"] / "qr.png"
        _render(pdf(build, rel), 100).save(png)
        out = run("zbarimg", "--quiet", "--raw", str(png)).strip()
        assert out == page_url(SITE, slug, lang) == (
            f"{SITE}posters/{slug}/" if lang == "km" else f"{SITE}en/posters/{slug}/")


def test_dates_and_ids_are_fixed(build):
    info = run("pdfinfo", str(pdf(build, "posters/pdf/money-en-a4-office.pdf")))
    assert "CreationDate:" in info and "2025" in info
    with pikepdf.open(pdf(build, "posters/pdf/money-en-a4-office.pdf")) as doc:
        assert str(doc.trailer.Info.CreationDate) == "D:20251124160000Z"


def test_thumbnails_are_small_webp(build):
    for f in build["manifest"].of_kind("thumb"):
        data = (build["out"] / f.path).read_bytes()
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
        assert f.bytes < 12_000 and f.width_px == 200 and f.height_px > 250


def test_guide_booklet_has_contents_with_page_numbers(build):
    f = build["manifest"].get("guides/rights-km.pdf")
    assert f and f.pages >= 3
    path = pdf(build, f.path)
    with pikepdf.open(path) as doc:
        w, h = (float(doc.pages[0].MediaBox[2]) - float(doc.pages[0].MediaBox[0]),
                float(doc.pages[0].MediaBox[3]) - float(doc.pages[0].MediaBox[1]))
        assert abs(w - PAPERS["a5"].width) < 0.01 and abs(h - PAPERS["a5"].height) < 0.01
        assert len(doc.Root.Dests.keys()) == 3
    toc = run("pdftotext", "-f", "2", "-l", "2", str(path), "-")
    assert "មាតិកា" in toc and "ប្រាក់ឈ្នួលអប្បបរមា" in toc
    assert re.search(r"[៣៤៥]", toc)  # page numbers in Khmer digits
    body = run("pdftotext", "-f", "3", str(path), "-")
    assert "លិខិតឆ្លងដែន" in body


def test_warm_rebuild_renders_nothing_and_bytes_are_identical(build, tmp_path):
    m1 = build["manifest"]
    before = {f.path: (build["out"] / f.path).read_bytes() for f in m1.files}
    out2 = tmp_path / "site2"
    m2, diags = render_posters(build["posters"], build["hot"], SITE, out2, build["cache"],
                               guides=build["guides"], languages=("km", "en"))
    assert not errors(diags)
    assert (m2.rendered_pdfs, m2.rendered_thumbs) == (0, 0)
    assert {f.path: (out2 / f.path).read_bytes() for f in m2.files} == before


def test_same_input_fresh_cache_gives_identical_bytes(build, tmp_path):
    one = [p for p in build["posters"] if p.slug == "hotlines" and p.lang == "en"]
    m, diags = render_posters(one, build["hot"], SITE, tmp_path / "s", tmp_path / "c",
                              languages=("km", "en"))
    assert not errors(diags) and m.rendered_pdfs == 3
    for f in m.files:
        if f.kind == "poster":
            assert (tmp_path / "s" / f.path).read_bytes() == (build["out"] / f.path).read_bytes()


def test_changed_poster_is_the_only_one_rendered_again(build, tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(build["docs"], docs)
    f = docs / "en" / "posters" / "hotlines.md"
    f.write_text(f.read_text().replace("Save these numbers", "Keep these numbers"))
    posters, _ = load_posters(docs, ("km", "en"), build["hot"])
    cache = tmp_path / "cache"
    shutil.copytree(build["cache"], cache)
    m, diags = render_posters(posters, build["hot"], SITE, tmp_path / "s", cache,
                              languages=("km", "en"))
    assert not errors(diags)
    assert m.rendered_pdfs == 6  # hotlines-en and hotlines-km-en: office A4, print A4, A3
    assert m.rendered_thumbs == 2


def test_overflow_is_a_diagnostic_and_nothing_is_written(build, tmp_path):
    docs = tmp_path / "docs"
    (docs / "en" / "posters").mkdir(parents=True)
    src = (build["docs"] / "en" / "posters" / "money.md").read_text()
    long_body = "\n".join(f"- A long line number {i} that people will never read on a poster."
                          for i in range(40))
    head = src.split("---", 2)
    (docs / "en" / "posters" / "money.md").write_text(
        "---" + head[1].replace("sizes", "x") + "---\n" + long_body + "\n")
    posters, d = load_posters(docs, ("en",), build["hot"])
    assert not errors(d)
    out = tmp_path / "site"
    m, diags = render_posters(posters, build["hot"], SITE, out, tmp_path / "cache",
                              languages=("en",))
    errs = errors(diags)
    assert errs and all(e.pos.path == "docs/en/posters/money.md" for e in errs)
    assert any("does not fit on the A4 office poster" in e.message for e in errs)
    assert errs[0].pos.line == posters[0].body_line
    assert not out.exists()


def test_web_blocks(build):
    m, posters = build["manifest"], build["posters"]
    url_for = relative_url_for("en/posters/money/")
    money_en = next(p for p in posters if p.slug == "money" and p.lang == "en")
    block = poster_block_html(money_en, "en", m, url_for, SITE)
    assert block.startswith("<div") and block.endswith("</div>") and "\n\n" not in block
    assert 'href="../../../posters/pdf/money-en-a4-office.pdf"' in block
    assert "money-km-en-a3-print.pdf" in block and "data:image/svg+xml" in block
    gallery = gallery_html(posters, "km", m, relative_url_for("posters/"))
    assert gallery.count('loading="lazy"') == 6 and "\n\n" not in gallery
    assert 'href="money/"' in gallery and 'src="thumbs/money-km.webp"' in gallery
    listing = printers_html(m, "en", relative_url_for("en/printers/"), posters)
    # grouped: a section per poster and guide, one line per paper size, a link per language version
    assert listing.count("<section") == 6 + len(m.of_kind("guide"))
    assert listing.count('download title="') == len(m.of_kind("poster")) + len(m.of_kind("guide"))
    assert listing.count("<li>") == len({(f.slug, f.paper, f.variant) for f in m.files if f.kind in ("poster", "guide")})
    assert "RGB" in listing and "A2 · print shop" in listing and "Khmer and English" in listing
    assert listing.count(".zip") == len(m.of_kind("archive")) == len({(f.slug, f.lang) for f in m.of_kind("poster")})
    km_listing = printers_html(m, "km", relative_url_for("printers/"), posters)
    assert "ខ្មែរ និងអង់គ្លេស" in km_listing and "គ.ប." in km_listing or "KB" in km_listing


def test_one_archive_per_poster_and_language_holds_every_size(build):
    import zipfile

    m = build["manifest"]
    archive = next(f for f in m.of_kind("archive") if f.slug == "money" and f.lang == "km")
    with zipfile.ZipFile(build["out"] / archive.path) as z:
        names = sorted(z.namelist())
    assert names == sorted(f.path.rsplit("/", 1)[1] for f in m.for_poster("money", "km"))


def test_block_html_escapes_content(build):
    from dataclasses import replace

    p = replace(build["posters"][0], title="<script>alert(1)</script>")
    html = gallery_html([p], p.lang, build["manifest"], relative_url_for("posters/"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_core_does_not_import_mkdocs():
    code = textwrap.dedent("""
        import sys, campaign.content.posters, campaign.content.posters.render, campaign.content.guides.guide
        assert not any(m.startswith("mkdocs") for m in sys.modules), "mkdocs imported"
    """)
    subprocess.run([os.sys.executable, "-c", code], check=True, cwd=ROOT)


def _one_poster(build, tmp_path, edit) -> tuple[list, Path]:
    docs = tmp_path / "docs"
    (docs / "en" / "posters").mkdir(parents=True)
    src = (build["docs"] / "en" / "posters" / "hotlines.md").read_text()
    (docs / "en" / "posters" / "hotlines.md").write_text(edit(src, docs / "en" / "posters"))
    posters, d = load_posters(docs, ("en",), build["hot"])
    assert not errors(d), d
    return posters, docs


def test_image_is_drawn(build, tmp_path):
    def edit(src, folder):
        Image.new("RGB", (60, 40), (200, 30, 30)).save(folder / "red.png")
        return src.replace("sizes: [a4, a3]", "sizes: [a4]\nimage: red.png\nimage_alt: red box")

    posters, _ = _one_poster(build, tmp_path, edit)
    m, diags = render_posters(posters, build["hot"], SITE, tmp_path / "s", tmp_path / "c",
                              languages=("en",))
    assert not errors(diags)
    img = _render(tmp_path / "s" / "posters/pdf/hotlines-en-a4-office.pdf", 20)
    colours = img.getcolors(maxcolors=1 << 20)
    reds = sum(n for n, (r, g, b) in colours if r > 180 and g < 60 and b < 60)
    assert reds > 50


def test_character_outside_project_fonts_is_reported(build, tmp_path):
    posters, _ = _one_poster(build, tmp_path, lambda s, f: s + "- ★ Stars are not in our fonts.\n")
    m, diags = render_posters(posters, build["hot"], SITE, tmp_path / "s", tmp_path / "c",
                              languages=("en",))
    assert any("system font" in d.message and d.pos.path.endswith("hotlines.md")
               for d in errors(diags)), diags


def test_cache_stays_warm_for_a_build_at_another_address(build, tmp_path):
    """A preview build (another site_url, so other QR codes) must not evict the real one."""
    one = [p for p in build["posters"] if p.slug == "hotlines" and p.lang == "en"]
    cache = tmp_path / "c"
    for site, expected in ((SITE, 3), ("http://127.0.0.1:8000/", 3), (SITE, 0)):
        m, diags = render_posters(one, build["hot"], site, tmp_path / "s", cache, languages=("km", "en"))
        assert not errors(diags) and m.rendered_pdfs == expected, (site, m.rendered_pdfs)
