"""Bad content: every problem reported at once as path:line:col, and nothing written."""

import subprocess
import sys

from campaign.cli import main
from conftest import build_site


def break_content(project):
    hot = project / "data/hotlines.yaml"
    text = hot.read_text(encoding="utf-8")
    text = text.replace('number: "1546"', 'number: "15x6"').replace("confidence: medium", "confidence: maybe", 1)
    hot.write_text(text, encoding="utf-8")
    page = project / "docs/en/hotlines.md"
    page.write_text(page.read_text(encoding="utf-8").replace("campaign:hotlines", "campaign:hotlinez"),
                    encoding="utf-8")
    fm = project / "docs/km/rights.md"
    fm.write_text(fm.read_text(encoding="utf-8").replace("khmer_review: needed", "khmer_review: needed\nkhmer_review: done"),
                  encoding="utf-8")


def test_check_lists_every_problem_with_file_line_col(project_copy, capsys):
    break_content(project_copy)
    code = main(["-f", str(project_copy / "mkdocs.yml"), "check"])
    out = capsys.readouterr().out
    assert code == 1
    lines = out.strip().splitlines()
    hot = (project_copy / "data/hotlines.yaml").read_text(encoding="utf-8").splitlines()
    n_line = next(i for i, l in enumerate(hot, 1) if '"15x6"' in l)
    c_line = next(i for i, l in enumerate(hot, 1) if "confidence: maybe" in l)
    assert f"data/hotlines.yaml:{n_line}:5: number '15x6' is not a phone number — expected digits and dashes only, in quotes" in lines
    assert f"data/hotlines.yaml:{c_line}:17: unknown confidence 'maybe' — expected one of 'medium' (closest names)" in lines or \
        any(l.startswith(f"data/hotlines.yaml:{c_line}:17: unknown confidence 'maybe'") for l in lines)
    assert any(l.startswith("docs/en/hotlines.md:10:1: unknown marker 'campaign:hotlinez'") and "'hotlines'" in l for l in lines)
    assert any(l.startswith("docs/km/rights.md:5:1: duplicate key 'khmer_review'") for l in lines)


def test_good_content_checks_clean(capsys):
    assert main(["check"]) == 0
    assert "Content OK" in capsys.readouterr().out


def test_failed_build_leaves_published_site_untouched(project_copy, tmp_path):
    published = tmp_path / "published"
    first = build_site(project_copy, published, "http://127.0.0.1:9/")
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(published): p.read_bytes() for p in published.rglob("*") if p.is_file()}
    assert len(before) > 10
    break_content(project_copy)
    second = build_site(project_copy, published, "http://127.0.0.1:9/")
    assert second.returncode != 0
    assert "15x6" in second.stderr and "hotlinez" in second.stderr  # all problems, not the first
    after = {p.relative_to(published): p.read_bytes() for p in published.rglob("*") if p.is_file()}
    assert after == before


def test_campaign_build_swaps_only_on_success(project_copy, tmp_path):
    out = tmp_path / "site"
    cli = [sys.executable, "-m", "campaign.cli", "-f", str(project_copy / "mkdocs.yml"), "build", "--preview", "-d", str(out)]
    assert subprocess.run(cli, capture_output=True).returncode == 0
    index = (out / "index.html").read_bytes()
    break_content(project_copy)
    failed = subprocess.run(cli, capture_output=True, text=True)
    assert failed.returncode == 1 and "not touched" in failed.stderr
    assert (out / "index.html").read_bytes() == index


def test_poster_overflow_and_other_errors_are_reported_together(project_copy):
    poster = project_copy / "docs/en/posters/money.md"
    poster.write_text(poster.read_text(encoding="utf-8") + "\n" + "\n".join(
        f"- Line {i}: a long sentence that keeps going so the poster cannot hold it all." for i in range(60)),
        encoding="utf-8")
    hot = project_copy / "data/hotlines.yaml"
    hot.write_text(hot.read_text(encoding="utf-8").replace('number: "1546"', 'number: "15x6"'), encoding="utf-8")
    result = build_site(project_copy, project_copy / "site", "http://127.0.0.1:9/")
    assert result.returncode != 0
    assert "15x6" in result.stderr
    assert any(line.startswith("docs/en/posters/money.md:") and "does not fit" in line
               for line in result.stderr.splitlines()), result.stderr
    assert not (project_copy / "site").exists()
