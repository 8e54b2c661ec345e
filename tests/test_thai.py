"""A third language by configuration alone: Thai added with `campaign add-language th`.

The project copy gets Thai only through the command and Thai text in a few files (a page,
the rights guide, an event, a poster); no code changes. Built once, served, and checked
as readers, search and print shops would.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser

import pytest

from campaign.cli import main
from campaign.core.config import PROJECT_FILES
from conftest import ROOT, _Quiet, build_site, free_port, screenshot

INDEX = """\
---
title: การย้ายถิ่นอย่างปลอดภัย
review: needed
---
# การย้ายถิ่นอย่างปลอดภัย

แรงงานข้ามชาติมีสิทธิได้รับค่าจ้างตามกฎหมาย โทรสายด่วน 1694 เพื่อขอความช่วยเหลือ
"""
RIGHTS = """\
---
title: รู้สิทธิของคุณในประเทศไทย
review: needed
---
# รู้สิทธิของคุณในประเทศไทย

## ค่าจ้าง

แรงงานข้ามชาติมีสิทธิได้รับค่าจ้างตามกฎหมาย เก็บสลิปเงินเดือนไว้ทุกครั้ง

## เอกสาร

อย่าให้นายจ้างหรือนายหน้าเก็บหนังสือเดินทางของคุณไว้

## การร้องเรียน

โทรสายด่วน 1694 หรือ 1546 เพื่อขอความช่วยเหลือ
"""
POSTER = """\
---
title: เบอร์โทรขอความช่วยเหลือ
hotline: th-doe-1694
also: [th-labour-1546, kh-police-117]
accent: "#0f5b5b"
sizes: [a4]
sources:
  - https://mol.go.th/en/news/1694-hotline-launched-to-service-migrant-workers
checked: 2026-11
review: needed
---
- บันทึกเบอร์เหล่านี้ไว้ในโทรศัพท์ของคุณ
- บอกครอบครัวว่าคุณทำงานที่ไหน
"""
EVENT_TH = ("      th: \"ละครชุมชน: ย้ายถิ่นอย่างปลอดภัย\"\n", "      th: ละครสั้นเกี่ยวกับครอบครัวที่ลูกชายอยากไปทำงานในประเทศไทย\n")


@pytest.fixture(scope="module")
def thai(tmp_path_factory):
    project = tmp_path_factory.mktemp("thai") / "project"
    for name in PROJECT_FILES:
        src = ROOT / name
        shutil.copytree(src, project / name) if src.is_dir() else shutil.copy(src, project / name)
    # One poster is enough to prove Thai printing (and keeps the cold render short).
    for lang in ("km", "en"):
        for p in (project / "docs" / lang / "posters").glob("*.md"):
            if p.name not in ("index.md", "hotlines.md"):
                p.unlink()
    assert main(["-f", str(project / "mkdocs.yml"), "add-language", "th"]) == 0
    (project / "docs/th/index.md").write_text(INDEX, encoding="utf-8")
    (project / "docs/th/rights.md").write_text(RIGHTS, encoding="utf-8")
    (project / "docs/th/posters").mkdir()
    (project / "docs/th/posters/hotlines.md").write_text(POSTER, encoding="utf-8")
    sched = project / "tour_schedule.yaml"
    text = sched.read_text(encoding="utf-8")
    block = text.index("  - id: mongkol-borei-theatre-2026-12-04")
    title_end = text.index('      en: "Community theatre: migrate safely"\n', block) + len('      en: "Community theatre: migrate safely"\n')
    text = text[:title_end] + EVENT_TH[0] + text[title_end:]
    desc = text.index("    description:\n", block)
    desc_end = text.index("\n", text.index("      en: ", desc)) + 1
    text = text[:desc_end] + EVENT_TH[1] + text[desc_end:]
    sched.write_text(text, encoding="utf-8")

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = project / "site"
    result = build_site(project, out, url)
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"project": project, "out": out, "url": url, "log": result.stderr}
    server.shutdown()


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.alternates, self.switch = None, set(), set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates.add(a["hreflang"])
        if tag == "a" and "campaign-languages__link" in (a.get("class") or ""):
            self.switch.add(a.get("hreflang"))


def head(path) -> Head:
    h = Head()
    h.feed(path.read_text(encoding="utf-8"))
    return h


def test_add_language_wrote_configuration_only(thai):
    project = thai["project"]
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"- locale: th\n\s+name: ไทย\n\s+build: true", config)
    assert config.startswith("# Site settings.")  # comments kept
    po = (project / "locales/th.po").read_text(encoding="utf-8")
    assert po.count("msgid ") > 100 and '"X-Review: needed\\n"' in po
    assert (project / "docs/th").is_dir()
    assert not list(project.glob("campaign/**/*"))  # no code in the project


def test_every_thai_page_declares_thai_and_every_page_lists_it(thai):
    out = thai["out"]
    pages = [p for p in out.rglob("*.html") if p.name != "404.html"]
    assert len([p for p in pages if p.relative_to(out).parts[0] == "th"]) > 30
    for path in pages:
        h = head(path)
        rel = path.relative_to(out).as_posix()
        expected = "th" if rel.startswith("th/") else "en" if rel.startswith("en/") else "km"
        assert h.lang == expected, rel
        assert {"km", "en", "th", "x-default"} <= h.alternates, rel
        assert "th" in h.switch or expected == "th", rel


def test_tour_shows_thai_dates_and_the_thai_event_title(thai):
    tour = (thai["out"] / "th/tour/index.html").read_text(encoding="utf-8")
    assert "ธันวาคม 2026" in tour and "ละครชุมชน: ย้ายถิ่นอย่างปลอดภัย" in tour
    event = (thai["out"] / "th/tour/events/mongkol-borei-theatre-2026-12-04/index.html").read_text(encoding="utf-8")
    assert "วันศุกร์ที่ 4 ธันวาคม ค.ศ. 2026" in event
    # an event not written in Thai falls back, tagged with the language it is shown in
    other = (thai["out"] / "th/tour/events/paoy-paet-theatre-2026-08-07/index.html").read_text(encoding="utf-8")
    assert 'lang="km"' in other or 'lang="en"' in other


def test_thai_search_finds_a_word_in_the_middle_of_a_sentence(thai, browser):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(thai["url"] + "th/")
    page.click("[data-campaign-search-button]")
    page.fill(".md-search__input", "สิทธิ")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
    links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    assert any(link.startswith(thai["url"] + "th/") for link in links), links
    assert thai["url"] + "th/" in links or thai["url"] + "th/rights/" in [link.split("#")[0] for link in links]
    screenshot(page, "thai-search")
    context.close()


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def test_thai_poster_and_booklet_embed_a_thai_font_and_give_back_the_words(thai):
    out = thai["out"]
    poster = out / "posters/pdf/hotlines-th-a4-office.pdf"
    booklet = out / "guides/rights-th.pdf"
    for pdf, words in ((poster, ["เบอร์โทร", "ครอบครัว"]), (booklet, ["ค่าจ้าง", "หนังสือเดินทาง"])):
        fonts = pdf_fonts(pdf)
        assert "NotoSansThai" in fonts, fonts
        assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # every font embedded
        text = pdf_text(pdf)
        for w in words:
            assert w in text.replace("\u200b", ""), (pdf.name, w, text[:300])
