"""`campaign new`: an event appended to the schedule (every other byte kept), pages and posters
started in every language with headers the checks understand."""

from __future__ import annotations

import pytest

from campaign.cli import main
from campaign.core.yamlsource import parse_file

EVENT = ["new", "event", "--province", "Battambang", "--district", "Bavel", "--date", "2026-12-05",
         "--kind", "theatre"]


def run(project, capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["-f", str(project / "mkdocs.yml"), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def events(project) -> dict:
    root, _ = parse_file(project / "tour_schedule.yaml", "tour_schedule.yaml")
    return {item.get("id").text: item for item in root.get("events").items}


def test_new_event_is_appended_and_passes_the_check(project_copy, capsys):
    schedule = project_copy / "tour_schedule.yaml"
    before = schedule.read_bytes()
    code, out, err = run(project_copy, capsys, *EVENT, "--title-en", "Theatre: the road to work", "--time", "18:30")
    assert code == 0, err
    after = schedule.read_bytes()
    assert after.startswith(before) and len(after) > len(before)  # appended: every other byte identical
    added = after[len(before):].decode("utf-8")
    assert added.startswith("\n  # Added with `campaign new event`")  # commented, in the file's indentation
    assert "Added event 'bavel-theatre-2026-12-05'" in out and "Still to write there" in out
    event = events(project_copy)["bavel-theatre-2026-12-05"]
    assert event.get("title").get("en").text == "Theatre: the road to work"
    assert event.get("start").text == "2026-12-05 18:30" and event.get("end").text == "2026-12-05 20:30"
    assert event.get("place").get("district").text == "Bavel"
    code, out, err = run(project_copy, capsys, "check", "--no-render")
    assert code == 0, out + err

    # the same place, kind and day again: a unique id, and the first event untouched
    middle = schedule.read_bytes()
    code, out, err = run(project_copy, capsys, *EVENT, "--venue-km", "វត្ត", "--venue-en", "Pagoda")
    assert code == 0, err
    assert "Added event 'bavel-theatre-2026-12-05-2'" in out
    assert schedule.read_bytes().startswith(middle)
    assert events(project_copy)["bavel-theatre-2026-12-05-2"].get("place").get("venue").get("km").text == "វត្ត"
    assert run(project_copy, capsys, "check", "--no-render")[0] == 0


def test_a_misspelt_place_names_the_closest_ones_and_changes_nothing(project_copy, capsys):
    before = (project_copy / "tour_schedule.yaml").read_bytes()
    args = [a if a != "Bavel" else "Bavell" for a in EVENT]
    code, _, err = run(project_copy, capsys, *args)
    assert code == 2 and "--district 'Bavell'" in err and "'Bavel' (closest names)" in err
    code, _, err = run(project_copy, capsys, *[a if a != "Battambang" else "Batambang" for a in EVENT])
    assert code == 2 and "'Battambang' (closest names)" in err
    code, _, err = run(project_copy, capsys, *[a if a != "theatre" else "teatre" for a in EVENT])
    assert code == 2 and "'theatre' (closest names)" in err
    code, _, err = run(project_copy, capsys, *[a if a != "2026-12-05" else "2026-12-32" for a in EVENT])
    assert code == 2 and "--date '2026-12-32'" in err
    assert (project_copy / "tour_schedule.yaml").read_bytes() == before


def test_a_missing_option_without_a_terminal_is_a_usage_error(project_copy, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(project_copy, capsys, "new", "event", "--province", "Battambang", "--date", "2026-12-05")
    assert code == 2
    assert "missing --district, --kind" in err


def test_an_event_goes_before_fields_after_the_events_list(project_copy, capsys):
    schedule = project_copy / "tour_schedule.yaml"
    text = schedule.read_text("utf-8")
    schedule.write_text(text + "\n# the organiser\norganizer2: x\n",
                        encoding="utf-8")
    original = schedule.read_text("utf-8")
    head, tail = original.split("\n# the organiser\n")
    run(project_copy, capsys, *EVENT)
    new = schedule.read_text("utf-8")
    assert new.startswith(head) and new.endswith("\n# the organiser\norganizer2: x\n")


@pytest.mark.parametrize("what, rel", [("page", "help-centres.md"), ("poster", "posters/visas.md")])
def test_new_page_and_poster_in_every_language(project_copy, capsys, what, rel):
    name = rel.rsplit("/", 1)[-1][:-3]
    code, out, err = run(project_copy, capsys, "new", what, name)
    assert code == 0, err
    km, en = project_copy / "docs/km" / rel, project_copy / "docs/en" / rel
    assert km.exists() and en.exists()
    assert "review: needed" in km.read_text("utf-8") and "review:" not in en.read_text("utf-8")
    code, check, _ = run(project_copy, capsys, "check", "--no-render", "--all")
    assert code == 1  # placeholders: the check says what is left to write, at each line
    if what == "poster":
        for needed in ("has no 'title' — expected the poster headline", "'hotline' is empty — expected a hotline id",
                       "source '' is not a web address", "checked date '' is not a date",
                       "the poster has no text"):
            assert f"docs/km/{rel}:" in check and needed in check, needed
        assert "docs/en/posters/visas.md:3:10: 'hotline' is empty" in check
    else:
        assert f"docs/en/{rel}:2:8: 'title' is empty" in check
    assert check.count(f"docs/km/{rel}:") >= 1
    # never overwritten
    km.write_text("mine\n", encoding="utf-8")
    code, out, err = run(project_copy, capsys, "new", what, name)
    assert code == 2 and "left as it is" in out and km.read_text("utf-8") == "mine\n"


def test_a_name_that_is_no_web_address_is_refused(project_copy, capsys):
    code, _, err = run(project_copy, capsys, "new", "page", "Help Centres")
    assert code == 2 and "e.g. help-centres" in err
    assert not list((project_copy / "docs/en").glob("Help*"))
