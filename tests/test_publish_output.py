"""What `campaign build` does after the engine: internal links checked on the built folder,
text files precompressed (.gz and .br beside each)."""

from __future__ import annotations

import gzip

import brotli

from campaign.web.publish import TEXT_SUFFIXES, check_links, precompress


def write(folder, rel: str, text: str) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page(*links: str) -> str:
    return "<!doctype html><html><head>\n" + "\n".join(links) + "\n</head><body></body></html>\n"


def test_links_resolve_as_a_browser_and_a_static_host_do(tmp_path):
    write(tmp_path, "index.html", page('<a href="en/">en</a>', '<a href="rights/#wage">rights</a>',
                                       '<link rel="stylesheet" href="assets/site.css?v=3">',
                                       '<script src="./assets/app.js"></script>',
                                       '<img src="posters/thumbs/a%20b.webp" srcset="posters/thumbs/a%20b.webp 2x">',
                                       '<a href="mailto:x@example.org">m</a> <a href="tel:1694">t</a>',
                                       '<a href="https://other.example/x">o</a> <a href="#top">top</a>',
                                       '<img src="data:image/png;base64,AAAA"> <a href="tg://msg?text=x">tg</a>',
                                       '<a href="https://example.org/rights/">self, absolute</a>',
                                       '<a href="/rights/">root-relative</a>', '<a href="">same page</a>'))
    write(tmp_path, "en/index.html", page('<a href="../rights/">back</a>', '<a href="../">home</a>'))
    write(tmp_path, "rights/index.html", page('<a href="../en/">en</a>'))
    write(tmp_path, "assets/site.css", "body{}")
    write(tmp_path, "assets/app.js", "")
    write(tmp_path, "posters/thumbs/a b.webp", "x")
    assert check_links(tmp_path, "https://example.org/") == []


def test_every_broken_link_is_reported_with_its_page_and_line(tmp_path):
    write(tmp_path, "index.html", page('<a href="nowhere/">a folder that is not there</a>',
                                       '<link rel="stylesheet" href="assets/gone.css">',
                                       '<a href="empty/">a folder without index.html</a>',
                                       '<a href="https://example.org/site/missing.pdf">own address</a>',
                                       '<a href="/elsewhere/">outside the site</a>',
                                       '<a href="../../up.html">above the site</a>'))
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty/file.txt").write_text("x")
    broken = check_links(tmp_path, "https://example.org/site/")
    assert [(b.page, b.line, b.link, b.target) for b in broken] == [
        ("index.html", 2, "nowhere/", "nowhere/"),
        ("index.html", 3, "assets/gone.css", "assets/gone.css"),
        ("index.html", 4, "empty/", "empty/"),
        ("index.html", 5, "https://example.org/site/missing.pdf", "missing.pdf"),
        ("index.html", 6, "/elsewhere/", ""),
        ("index.html", 7, "../../up.html", ""),
    ]
    assert str(broken[1]).startswith("index.html:3:1: <link> link 'assets/gone.css' leads to assets/gone.css, "
                                     "which is not in the built site — expected")


def test_text_files_are_precompressed_beside_themselves(tmp_path):
    text = "<p>ព័ត៌មាន safe migration</p>\n" * 200
    write(tmp_path, "index.html", text)
    write(tmp_path, "tour/tour.ics", "BEGIN:VCALENDAR\r\n" * 100)
    write(tmp_path, "a.webmanifest", '{"name": "MIGRA-SAFE"}' * 20)
    write(tmp_path, "tiny.txt", "x")  # compressing would make it bigger: left alone
    (tmp_path / "poster.pdf").write_bytes(b"%PDF" * 500)  # not text: left alone
    result = precompress(tmp_path)
    for rel in ("index.html", "tour/tour.ics", "a.webmanifest"):
        data = (tmp_path / rel).read_bytes()
        assert gzip.decompress((tmp_path / f"{rel}.gz").read_bytes()) == data
        assert brotli.decompress((tmp_path / f"{rel}.br").read_bytes()) == data
        assert (tmp_path / f"{rel}.br").stat().st_size < (tmp_path / f"{rel}.gz").stat().st_size < len(data)
    assert not (tmp_path / "tiny.txt.gz").exists() and not (tmp_path / "poster.pdf.gz").exists()
    assert result.files == 4 and result.brotli < result.gzip < result.original
    assert "gzip" in result.summary() and "brotli" in result.summary()
    first = (tmp_path / "index.html.gz").read_bytes()
    precompress(tmp_path)  # the same bytes every build (no time or name in the gzip header)
    assert (tmp_path / "index.html.gz").read_bytes() == first
    assert {".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv", ".txt", ".webmanifest"} == \
        set(TEXT_SUFFIXES)
