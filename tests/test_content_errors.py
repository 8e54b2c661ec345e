"""Every problem in content is reported as path:line:col in words campaign staff can act on.

Each test breaks a copy of the real project (or feeds the YAML reader directly) and checks
the exact place and the plain wording: broken links, menu entries for missing pages,
linked files in docs/, mistyped years, YAML mistakes, unreadable bytes.
"""

from __future__ import annotations

import ast
import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from campaign.core import checked, yamlsource
from campaign.core.diagnostics import Position, errors
from campaign.core.fields import YEARS, Fields
from campaign.core.links import find_links
from campaign.core.yamlsource import parse
from campaign.project import load

ROOT = Path(__file__).resolve().parent.parent


def errors_of(project: Path) -> list[str]:
    _, diags = load(project / "mkdocs.yml")
    return [str(d) for d in sorted(set(diags)) if d.severity == "error"]


def where(text: str, needle: str, nth: int = 1) -> str:
    """"LINE:COL" of the nth occurrence of ``needle`` in ``text`` (1-based)."""
    idx = -1
    for _ in range(nth):
        idx = text.index(needle, idx + 1)
    return f"{text.count(chr(10), 0, idx) + 1}:{idx - (text.rfind(chr(10), 0, idx) + 1) + 1}"


def write_page(project: Path, rel: str, body: str, title: str = "Test page") -> str:
    text = f"---\ntitle: {title}\n---\n{body}"
    (project / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / "docs" / rel).write_text(text, encoding="utf-8")
    return text


def one(lines: list[str], prefix: str) -> str:
    hits = [line for line in lines if line.startswith(prefix)]
    assert len(hits) == 1, (prefix, lines)
    return hits[0]


# -- 1. links that lead nowhere -----------------------------------------------------------

BROKEN = """\
# Links

See [the hotlines](hotline.md) and ![a map](images/map.png).
From this page's address, [this](hotlines/) is wrong and [this](../hotlines/) is right.
<IMG SRC="pics/photo.jpg" alt="x"> <a class="b" HREF='../tuor/'>tour</a>

[form]: forms/complaint.pdf
"""


def test_broken_links_are_reported_where_the_target_is_written(project_copy):
    text = write_page(project_copy, "en/guide.md", BROKEN)
    lines = errors_of(project_copy)
    got = [line for line in lines if line.startswith("docs/en/guide.md:")]
    assert got == [
        "docs/en/guide.md:6:20: the link 'hotline.md' leads nowhere: no page hotline.md in any language "
        "folder — expected one of 'hotlines.md', 'offline.md', 'posters/hotlines.md' (closest names)",
        "docs/en/guide.md:6:45: the image 'images/map.png' leads nowhere: there is no file "
        "docs/en/images/map.png — expected the file saved as docs/en/images/map.png, or the link corrected",
        "docs/en/guide.md:7:34: the link 'hotlines/' leads nowhere: there is no page guide/hotlines.md or "
        "guide/hotlines/index.md — expected one of '../hotlines/', '../posters/hotlines/', '../offline/' "
        "(closest names)",
        "docs/en/guide.md:8:11: the image 'pics/photo.jpg' leads nowhere: there is no file "
        "docs/en/pics/photo.jpg — expected the file saved as docs/en/pics/photo.jpg, or the link corrected",
        "docs/en/guide.md:8:55: the link '../tuor/' leads nowhere: there is no page tuor.md or tuor/index.md "
        "— expected one of '../tour/', '../posters/', '../staff/' (closest names)",
        "docs/en/guide.md:10:9: the link 'forms/complaint.pdf' leads nowhere: there is no file "
        "docs/en/forms/complaint.pdf — expected the file saved as docs/en/forms/complaint.pdf, or the link "
        "corrected",
    ]
    assert got[0].startswith(f"docs/en/guide.md:{where(text, 'hotline.md')}:")
    assert got[4].startswith(f"docs/en/guide.md:{where(text, '../tuor/')}:")


def test_suggestions_are_links_written_from_the_page(project_copy):
    text = write_page(project_copy, "km/tour/more.md", "Call [ជំនួយ](hotline.md) or [here](../../hotlnes/).\n")
    lines = errors_of(project_copy)
    assert one(lines, f"docs/km/tour/more.md:{where(text, 'hotline.md')}:") == (
        f"docs/km/tour/more.md:{where(text, 'hotline.md')}: the link 'hotline.md' leads nowhere: no page "
        "tour/hotline.md in any language folder — expected one of '../hotlines.md', '../offline.md', 'index.md' "
        "(closest names)")
    # the page is served at tour/more/: the address of the hotlines page is two folders up
    assert one(lines, f"docs/km/tour/more.md:{where(text, '../../hotlnes/')}:").endswith(
        "there is no page hotlnes.md or hotlnes/index.md — expected one of '../../hotlines/', "
        "'../../posters/', '../../offline/' (closest names)")


def test_links_outside_the_docs_folder_are_errors(project_copy):
    body = ("[passwd](../../../etc/passwd) [abs](/home/me/notes.txt) ![win](C:\\Users\\me\\photo.jpg)\n"
            "[file](file:///home/me/notes.pdf) <img src=\"../../../secret.png\">\n")
    text = write_page(project_copy, "en/guide.md", body)
    got = [line for line in errors_of(project_copy) if line.startswith("docs/en/guide.md:")]
    targets = ["../../../etc/passwd", "/home/me/notes.txt", "C:\\Users\\me\\photo.jpg", "file:///home/me/notes.pdf",
               "../../../secret.png"]
    kinds = ["link", "link", "image", "link", "image"]
    assert got == [
        f"docs/en/guide.md:{where(text, target)}: the {kind} '{target}' leads outside the docs folder: a file "
        "outside the project cannot be published — expected a copy of the file inside docs/en/, linked with a "
        "path relative to this page (for example images/map.png)"
        for target, kind in zip(targets, kinds)]
    assert got[0].startswith("docs/en/guide.md:4:10:")


def test_working_links_and_code_are_not_reported(project_copy):
    (project_copy / "docs/en/images").mkdir()
    (project_copy / "docs/en/images/map.png").write_bytes(b"\x89PNG")
    (project_copy / "docs/km/only-khmer.md").write_text("---\ntitle: ក\n---\nក\n", encoding="utf-8")
    body = """\
[rights](rights.md#wages) [khmer only](only-khmer.md) [same, other folder](../km/rights.md)
[up](../hotlines/) [tour](../tour/) [home](../) ![map](images/map.png) [map%20q](images/map.png?v=2)
[pdf](../posters/pdf/money-en-a4-office.pdf) [ics](../tour/tour.ics) [guide](../guides/rights-en.pdf)
[css](../assets/stylesheets/campaign.css) [event](../tour/events/some-event/) [km site](../../hotlines/)
[web](https://example.org/x.md) [mail](mailto:a@example.org) [call](tel:1694) [fb](fb-messenger://x)
[top](#top) [query](?lang=km) [angle](<rights.md>) [titled](rights.md "Rights") [cdn](//example.org/a.png)
<a href="rights.md">x</a> <img src='images/map.png'>

`[inline](nowhere.md)` and ``[double `tick`](nowhere.md)``
<!-- [commented](nowhere.md) -->

```markdown
[fenced](nowhere.md) ![x](nowhere.png)
```

    ~~~
    <img src="nowhere.png">
    ~~~

[^1]: a footnote, not a link
[ref]: rights.md
"""
    write_page(project_copy, "en/guide.md", body)
    assert [line for line in errors_of(project_copy) if line.startswith("docs/en/guide.md:")] == []


def test_find_links_reads_every_form_at_its_offset():
    body = "a [x](one.md) ![y](two.png)\n[id]: three.pdf\n<A HREF=four/>z</A> <Img alt=\"\" SRC='five.jpg'>\n"
    links = find_links(body)
    assert [(link.target, link.kind, body.index(link.target)) for link in links] == [
        (link.target, link.kind, link.offset) for link in links]
    assert [(link.target, link.kind) for link in links] == [
        ("one.md", "link"), ("two.png", "image"), ("three.pdf", "link"), ("four/", "link"), ("five.jpg", "image")]


def test_links_in_posters_are_checked_too(project_copy):
    poster = project_copy / "docs/en/posters/money.md"
    text = poster.read_text(encoding="utf-8").replace("- Know your wage", "- Know [your wage](../wages.md)")
    poster.write_text(text, encoding="utf-8")
    got = one(errors_of(project_copy), "docs/en/posters/money.md:")
    assert got.startswith(f"docs/en/posters/money.md:{where(text, '../wages.md')}: the link '../wages.md' "
                          "leads nowhere: no page wages.md in any language folder")


# -- 2. menu entries for missing pages ---------------------------------------------------

def test_nav_entry_for_a_missing_page(project_copy):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - printers.md", "  - printer.md")
    config.write_text(text, encoding="utf-8")
    assert one(errors_of(project_copy), "mkdocs.yml:") == (
        f"mkdocs.yml:{where(text, 'printer.md')}: the menu (nav) lists 'printer.md', but no language folder "
        "has this page — expected one of 'printers.md', 'partners.md', 'index.md' (closest names)")


# -- 3. linked files in docs/ ---------------------------------------------------------------

def test_links_and_files_from_outside_docs_are_refused(project_copy, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.md").write_text("# private\n", encoding="utf-8")
    docs = project_copy / "docs"
    (docs / "en/images").mkdir()
    os.symlink("/etc/passwd", docs / "en/images/photo.png")
    os.symlink(outside, docs / "en/more")
    os.symlink(docs / "en/rights.md", docs / "en/rights-copy.md")
    lines = errors_of(project_copy)
    assert "docs/en/images/photo.png:1:1: this file is a link (symlink) to another file — expected a real file " \
           "inside docs/ (copy it here instead of linking to it)" in lines
    assert "docs/en/more:1:1: this folder is a link (symlink) to another folder — expected a real folder " \
           "inside docs/ (copy it here instead of linking to it)" in lines
    assert "docs/en/rights-copy.md:1:1: this page is a link (symlink) to another file — expected a real page " \
           "inside docs/ (copy it here instead of linking to it)" in lines
    assert not [line for line in lines if "private" in line or line.startswith("docs/en/more/")]


# -- 4. implausible dates --------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["0026-08-07", "2206-08-07", "1999-08-07"])
def test_mistyped_year_in_an_event(project_copy, typed):
    schedule = project_copy / "tour_schedule.yaml"
    text = schedule.read_text(encoding="utf-8").replace("    start: 2026-08-07 18:00", f"    start: {typed} 18:00")
    schedule.write_text(text, encoding="utf-8")
    assert f"tour_schedule.yaml:{where(text, typed)}: 'start' is '{typed}': the year {typed[:4]} looks mistyped " \
           "— expected a date like 2026-12-05 (a year from 2000 to 2100)" in errors_of(project_copy)


def test_plausible_years_start_where_checked_dates_do():
    assert YEARS.start == checked.FIRST_YEAR
    root, diags = parse("a: 2100-12-31\nb: 2101-01-01\n", "e.yaml")
    f = Fields(root, diags, "event", Position("e.yaml", 1, 1))
    assert f.date("a") is not None and f.date("b") is None
    assert [str(d) for d in diags] == ["e.yaml:2:4: 'b' is '2101-01-01': the year 2101 looks mistyped — expected "
                                       "a date like 2026-12-05 (a year from 2000 to 2100)"]


# -- 5. YAML mistakes, in plain words, where they started ---------------------------------

TAB_EXPECTED = "spaces instead of the tab (set the editor to indent with spaces)"
YAML_CASES = [
    # (text, position, message after "YAML syntax: ", expected)
    ('a: 1\ntitle: "abc\nb: 2\nc: 3\n', "2:8", 'the double quote (") opened here is never closed',
     'a closing " at the end of the value'),
    ("a: 1\ntitle: 'abc\nb: 2\n", "2:8", "the single quote (') opened here is never closed",
     "a closing ' at the end of the value"),
    ("hotlines:\n  - id: x\n    number: \"1694\n    name: y\n  - id: z\n    number: \"1546\"\n", "3:13",
     'the double quote (") opened here is never closed', 'a closing " at the end of the value'),  # ran on to 1546"
    ("a: 1\ntags: [a, b\nc: 3\nd: 4\n", "2:7", "the list opened here with '[' is never closed",
     "a ']' after the last item, on the same line"),
    ("provinces: [\n  - id: a\n    en: b\n", "1:12", "the list opened here with '[' is never closed",
     "a ']' after the last item, on the same line"),
    ("title: {km: ក, en: x\nc: 3\n", "1:8", "the group of fields opened here with '{' is never closed",
     "a '}' after the last item, on the same line"),
    ("tags: [a: b: c]\n", "1:12", "an item of the list in '[ ]' cannot be read here",
     "items separated by commas, each in quotes if it holds ': ' or a comma, e.g. [a, \"b: c\"]"),
    ("title: Time: 18:00\n", "1:12", "the value holds ': ' (a colon and a space), which YAML reads as the start "
     "of another field", 'the whole value in quotes: title: "Time: 18:00"'),
    ("a: 1\n  b: 2\n", "2:4", "this line is indented more than the field above it, which already has a value",
     "the same number of spaces at the start of the line as the field above (or, if this line continues the "
     "text above, the whole text in quotes)"),
    ("a:\n\tb: 1\n", "2:1", "a tab character is here, but YAML accepts only spaces for indenting", TAB_EXPECTED),
    ("a:\n  b: 1\n\tc: 2\n", "3:1", "a tab character is here, but YAML accepts only spaces for indenting",
     TAB_EXPECTED),
    ("a: 1\ntitle Hello\nc: 2\n", "2:1", "this line is not `name: value`, nor a list item `- …`",
     "a colon and a space after the field name (title: …), or '- ' before a list item"),
    ("a:\n  b: 1\n c: 2\n", "3:2", "this line does not line up with the lines above it",
     "the same number of spaces at the start of the line as the other fields of its block"),
    ("events:\n  - id: x\n    kind: y\n   start: z\n", "4:4", "this line does not line up with the list above it",
     "each item starting with '- ' at the same indentation, and the fields of an item under its first field"),
    ("title: 'Don't go'\n", "1:13", "there is text after the closing quote",
     "the whole value inside the quotes (to write ' in the text, put the value in \" \", and the other way round)"),
    ("a: [1, 2]]\n", "1:10", "this ']' closes nothing: no '[' was opened before it", "the extra ']' removed"),
    ("handle: @migrasafe\n", "1:9", "a value cannot start with '@' unless it is in quotes",
     'the value in quotes: "@migrasafe"'),
    ("note: *important*\n", "1:7", "a value cannot start with '*' unless it is in quotes",
     'the value in quotes: "*important*"'),
    ('path: "C:\\Users"\n', "1:12", "inside double quotes a backslash starts a special code, and this one is unknown",
     "the value in single quotes instead, or each backslash written twice"),
    ("a: 1\n---\nb: 2\n", "2:1", "a line '---' here starts a second document, but the file must be one",
     "the '---' line removed"),
]


@pytest.fixture(params=["libyaml", "python"])
def loader(request, monkeypatch):
    """The messages are the same with PyYAML's C parser (used when present) and its Python one."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML built without libyaml")
        monkeypatch.setattr(yamlsource, "_LOADER", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlsource, "_LOADER", yaml.SafeLoader)


@pytest.mark.parametrize("text,pos,message,expected", YAML_CASES)
def test_yaml_mistakes_in_plain_words(loader, text, pos, message, expected):
    root, diags = parse(text, "f.yaml")
    assert root is None
    assert [str(d) for d in diags] == [f"f.yaml:{pos}: YAML syntax: {message} — expected {expected}"]


def test_quote_left_open_that_swallows_the_next_fields(loader):
    """Valid for PyYAML (the next quote closes it), but the fields below became text."""
    text = 'title: "Money\nhotline: th-labour-1546\naccent: "#14532d"\nchecked: 2026-11\n'
    root, diags = parse(text, "f.yaml", line_offset=1)
    assert [str(d) for d in diags] == ['f.yaml:2:8: YAML syntax: the double quote (") opened here is never closed '
                                       '— expected a closing " at the end of the value']
    root, diags = parse('a: "a long text\n  that goes on"\nb:\n  - "an item\n    goes on"\n', "f.yaml")
    assert diags == [] and root.get("a").text == "a long text that goes on"  # indented: fine


@pytest.mark.parametrize("text,pos,code", [
    ("a: x\x07y\n", "1:5", "U+0007"),
    ("a: ស្គាល់\nb: ស្គាល់\x1by\n", "2:10", "U+001B"),  # after Khmer: columns in characters, not bytes
    ("a: 'x\x7f'\n", "1:6", "U+007F"),
])
def test_control_characters_are_pointed_at(loader, text, pos, code):
    root, diags = parse(text, "f.yaml")
    assert [str(d) for d in diags] == [
        f"f.yaml:{pos}: an invisible control character ({code}) is here; YAML does not allow it — expected the "
        "character deleted (delete the text at this place and type it again)"]


PYYAML_WORDS = ("mapping values", "could not find", "block end", "while scanning", "while parsing",
                "cannot start any token", "special characters", "control characters are", "#x", "\\n", "\n")


def test_no_parser_jargon_or_escapes_in_messages(loader):
    texts = [case[0] for case in YAML_CASES] + ["a: &\n", "a: |x\n  y\n", "a: !<x\n", "%YAML 2.0\n---\na: 1\n",
                                                "a: [" * 200, "k: \ud800\n"]
    for text in texts:
        _, diags = parse(text, "f.yaml")
        assert diags, text
        for d in diags:
            assert d.pos.line >= 1 and d.pos.col >= 1
            shown = str(d).split(": ", 1)[1]
            # PyYAML's own phrase may only follow in parentheses, for the rare cases without a rule
            plain = shown.split(" (", 1)[0] if "cannot be read as YAML" in shown else shown
            assert not [w for w in PYYAML_WORDS if w in plain], (text, shown)
            assert "\\n" not in shown and "\n" not in shown, (text, shown)


def test_expected_texts_in_the_code_have_no_escaped_newlines():
    """A message is one line of `campaign check`: no backslash-n in any message written in the code."""
    found = []
    for path in (ROOT / "campaign").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "error", "warning", "fail", "warn", "missing", "scalar", "text", "seq"):
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    found += [(path.name, s.lineno) for s in ast.walk(arg)
                              if isinstance(s, ast.Constant) and isinstance(s.value, str)
                              and ("\\n" in s.value or "\n" in s.value)]
    assert found == []


# -- 6. headers: positions in the .md file ---------------------------------------------------

def test_yaml_error_in_a_page_header_points_at_its_line(project_copy):
    page = project_copy / "docs/en/rights.md"
    text = page.read_text(encoding="utf-8").replace("title: Know your rights in Thailand",
                                                    "title: Know your rights: Thailand")
    page.write_text(text, encoding="utf-8")
    assert "docs/en/rights.md:2:24: YAML syntax: the value holds ': ' (a colon and a space), which YAML reads " \
           "as the start of another field — expected the whole value in quotes: " \
           "title: \"Know your rights: Thailand\"" in errors_of(project_copy)


def test_unclosed_quote_in_a_page_header_points_where_it_opened(project_copy):
    page = project_copy / "docs/km/rights.md"
    text = page.read_text(encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith("description: "))
    text = text.replace("description: ", 'description: "', 1)
    page.write_text(text, encoding="utf-8")
    assert f"docs/km/rights.md:{line}:14: YAML syntax: the double quote (\") opened here is never closed — " \
           "expected a closing \" at the end of the value" in errors_of(project_copy)


def test_control_character_in_a_page_header_points_at_it(project_copy):
    page = project_copy / "docs/en/rights.md"
    text = page.read_text(encoding="utf-8").replace("Minimum wage", "Minimum\x0bwage", 1)
    page.write_text(text, encoding="utf-8")
    assert f"docs/en/rights.md:{where(text, chr(11))}: an invisible control character (U+000B) is here; YAML " \
           "does not allow it — expected the character deleted (delete the text at this place and type it again)" \
           in errors_of(project_copy)
    assert where(text, chr(11)) == "3:21"


def test_unclosed_quote_and_bracket_in_data_files_point_where_they_opened(project_copy):
    hotlines = project_copy / "data/hotlines.yaml"
    text = hotlines.read_text(encoding="utf-8").replace('number: "1694"', 'number: "1694', 1)
    hotlines.write_text(text, encoding="utf-8")
    gazetteer = project_copy / "data/gazetteer.yaml"
    gaz = gazetteer.read_text(encoding="utf-8").replace("\nprovinces:\n", "\nprovinces: [\n", 1)
    gazetteer.write_text(gaz, encoding="utf-8")
    lines = errors_of(project_copy)
    quote = where(text, '"1694')
    bracket = f"{gaz[:gaz.index('provinces: [')].count(chr(10)) + 1}:12"
    assert f"data/hotlines.yaml:{quote}: YAML syntax: the double quote (\") opened here is never closed — " \
           "expected a closing \" at the end of the value" in lines
    assert f"data/gazetteer.yaml:{bracket}: YAML syntax: the list opened here with '[' is never closed — " \
           "expected a ']' after the last item, on the same line" in lines


def test_yaml_error_in_a_poster_header_points_at_its_line(project_copy):
    poster = project_copy / "docs/en/posters/money.md"
    text = poster.read_text(encoding="utf-8").replace("hotline: th-labour-1546", "hotline th-labour-1546", 1)
    poster.write_text(text, encoding="utf-8")
    assert text.splitlines()[2] == "hotline th-labour-1546"
    assert "docs/en/posters/money.md:3:1: YAML syntax: this line is not `name: value`, nor a list item `- …` " \
           "— expected a colon and a space after the field name (title: …), or '- ' before a list item" \
           in errors_of(project_copy)


# -- bytes that are not text, through the whole project --------------------------------------

FILES = ["docs/en/rights.md", "docs/km/posters/money.md", "data/hotlines.yaml", "tour_schedule.yaml"]


def _insert_at_line(path: Path, line: int, data: bytes) -> None:
    """``data`` inserted after the first two characters of ``line`` (1-based)."""
    lines = path.read_bytes().split(b"\n")
    head = lines[line - 1].decode("utf-8")[:2].encode("utf-8")
    lines[line - 1] = head + data + lines[line - 1][len(head):]
    path.write_bytes(b"\n".join(lines))


@pytest.mark.parametrize("rel", FILES)
def test_bytes_that_are_not_utf8_are_pointed_at(project_copy, rel):
    _insert_at_line(project_copy / rel, 3, b"\xff")
    assert f"{rel}:3:3: this character is not in UTF-8 (byte 0xff): the file was saved in another encoding " \
           "— expected the file saved as UTF-8 (in Notepad: Save as → Encoding: UTF-8)" in errors_of(project_copy)


@pytest.mark.parametrize("rel", FILES)
def test_nul_bytes_are_pointed_at(project_copy, rel):
    _insert_at_line(project_copy / rel, 3, b"\x00")
    assert f"{rel}:3:3: an invisible NUL character (a byte 0) is in the text: the file is damaged or not text " \
           "— expected the character deleted, or the file saved again as plain UTF-8 text" in errors_of(project_copy)


@pytest.mark.parametrize("rel", FILES)
def test_byte_order_mark_is_ignored(project_copy, rel):
    path = project_copy / rel
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    project, diags = load(project_copy / "mkdocs.yml")
    assert [str(d) for d in diags if d.severity == "error"] == []
    if rel.endswith(".md"):  # the header is still read as a header, not as text
        _, lang, page = rel.split("/", 2)
        assert project.site.pages[(lang, page)].meta.get("title")
    else:
        assert project.hotlines.items if "hotlines" in rel else project.schedule.events


# -- written by the lead: front matter never closed, "checked" dates, what the terminal leads with --

def test_a_header_never_closed_is_an_error_not_page_text(project_copy):
    page = project_copy / "docs/en/partners.md"
    page.write_text("---\ntitle: Partners\n\n# Partners\n\nText.\n", encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml")
    got = [(str(d.pos), d.message) for d in errors(diags) if d.pos.path == "docs/en/partners.md"]
    assert got == [("docs/en/partners.md:1:1", "the header (front matter) is not closed")]


@pytest.mark.parametrize("written,message", [
    ("2099-01", "is in the future"),
    ("2026-02-30", "is not a real calendar date"),
    ("0026-11", "has an implausible year 26"),
    ("last week", "is not a date"),
])
def test_checked_dates_must_be_real_and_past(project_copy, written, message):
    hot = project_copy / "data/hotlines.yaml"
    text = hot.read_text(encoding="utf-8")
    hot.write_text(text.replace("checked: 2026-11", f"checked: {written}", 1), encoding="utf-8")
    poster = project_copy / "docs/en/posters/money.md"
    poster.write_text(poster.read_text(encoding="utf-8").replace("checked: 2026-11", f"checked: {written}"),
                      encoding="utf-8")
    _, diags = load(project_copy / "mkdocs.yml", today=dt.date(2026, 11, 26))
    for path in ("data/hotlines.yaml", "docs/en/posters/money.md"):
        mine = [d for d in errors(diags) if d.pos.path == path and "checked" in d.message]
        assert len(mine) == 1 and message in mine[0].message, (path, mine)
        assert mine[0].pos.col > 1  # at the value, not the start of the file


def test_the_terminal_leads_with_the_errors(project_copy, capsys):
    from campaign.cli import main

    hot = project_copy / "data/hotlines.yaml"
    hot.write_text(hot.read_text(encoding="utf-8").replace('number: "1546"', 'number: "15x6"'), encoding="utf-8")
    assert main(["-f", str(project_copy / "mkdocs.yml"), "check", "--no-render"]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert "15x6" in lines[0] and "[warning]" not in lines[0]
    assert all("[warning]" in line or line.startswith("   …") for line in lines[1:])
