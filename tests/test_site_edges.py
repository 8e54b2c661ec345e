"""A real build of a project with awkward but valid content: headers read once, text escaped
wherever it lands, files written with a byte-order mark."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

import pytest

from campaign.core.config import PROJECT_FILES
from conftest import ROOT, build_site

HOSTILE = """\
---
title: no
description: 'Say "hi" and "><script>alert(1)</script>'
---
# The word no

Plain text.
"""


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("edges") / "project"
    for name in PROJECT_FILES:
        src = ROOT / name
        shutil.copytree(src, project / name) if src.is_dir() else shutil.copy(src, project / name)
    (project / "docs/en/quote.md").write_text(HOSTILE, encoding="utf-8")
    # Notepad saves UTF-8 with a byte-order mark: a page, a poster and a data file
    for rel in ("docs/en/partners.md", "docs/en/posters/money.md", "data/hotlines.yaml"):
        path = project / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    out = project / "site"
    result = build_site(project, out, "http://127.0.0.1:9/")
    assert result.returncode == 0, result.stderr
    return out


class Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.scripts, self.title, self._in_title = {}, [], "", False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content")
        if tag == "script":
            self.scripts.append(a)
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def test_header_values_stay_text_and_are_escaped_in_the_page(edge_site):
    html = (edge_site / "en/quote/index.html").read_text(encoding="utf-8")
    m = Meta()
    m.feed(html)
    assert m.meta["description"] == 'Say "hi" and "><script>alert(1)</script>'  # one attribute, intact
    assert all("alert" not in str(s) for s in m.scripts)
    assert "<script>alert(1)" not in html
    assert m.title.startswith("no - ")  # `title: no` is the word, not False
    assert "---" not in html.split("<article", 1)[1]  # the header is not page text


def test_files_with_a_byte_order_mark_are_read(edge_site):
    assert "For partners" in (edge_site / "en/partners/index.html").read_text(encoding="utf-8")
    assert (edge_site / "posters/pdf/money-en-a4-office.pdf").is_file()
    assert 'href="tel:1694"' in (edge_site / "en/hotlines/index.html").read_text(encoding="utf-8")
