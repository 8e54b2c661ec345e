"""The engine stays swappable: ProperDocs (the maintained fork of MkDocs 1.6) builds the same site."""

from __future__ import annotations

import re

from conftest import build_site

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(root):
    return {p.relative_to(root).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in root.rglob("*") if p.is_file()}


def test_mkdocs_and_properdocs_build_the_same_site(project_copy, tmp_path):
    url = "http://127.0.0.1:9/"
    a = build_site(project_copy, tmp_path / "mkdocs", url, engine="mkdocs")
    assert a.returncode == 0, a.stderr
    b = build_site(project_copy, tmp_path / "properdocs", url, engine="properdocs")
    assert b.returncode == 0, b.stderr
    left, right = files(tmp_path / "mkdocs"), files(tmp_path / "properdocs")
    assert sorted(left) == sorted(right)
    assert len(left) > 200
    different = [name for name in left if left[name] != right[name] and not name.endswith(".gz")]
    assert different == []
