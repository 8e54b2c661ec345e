"""Synthetic campaign projects for the benchmarks: the reference project plus N pages per
language, recombined from the reference pages' own sentences (Khmer and English), and a
stock MkDocs + Material + mkdocs-static-i18n project of the same pages to compare with.

    from synthetic import synthetic_project, stock_project
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
import sys  # noqa: E402

sys.path.insert(0, str(ROOT))
from campaign.core.config import PROJECT_FILES  # noqa: E402


def sentences(lang: str) -> list[str]:
    out = []
    for md in sorted((ROOT / "docs" / lang).rglob("*.md")):
        text = re.sub(r"^---.*?---", "", md.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"<[^>]+>|\[([^\]]*)\]\([^)]*\)|[#*_`>|]", r"\1", text)
        parts = re.split(r"(?<=។)|(?<=\.)\s", text) if lang == "en" else re.split(r"(?<=។)", text)
        # hotline numbers are left out: recombined at random they would land under the wrong country
        out += [" ".join(p.split()) for p in parts if (len(p.split()) >= 3 or (lang == "km" and len(p) > 40))
                and not re.search(r"\d{3}", p)]
    return out


def copy_project(dst: Path) -> Path:
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dst / name)
        elif src.exists():
            shutil.copy(src, dst / name)
    return dst


def add_pages(project: Path, pages: int, seed: int = 5) -> Path:
    """``pages`` extra pages per language under docs/<lang>/gen/."""
    rnd = random.Random(seed)
    for lang in ("km", "en"):
        pool = sentences(lang)
        folder = project / "docs" / lang / "gen"
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(pages):
            body = []
            for _ in range(4):
                body.append(f"## {rnd.choice(pool)[:60]}\n")
                body.append(" ".join(rnd.sample(pool, 6)) + "\n")
            title = rnd.choice(pool)[:50].replace('"', "")
            (folder / f"p{n:03}.md").write_text(
                f"---\ntitle: \"{title}\"\nreview: done\n---\n\n# {title}\n\n" + "\n".join(body),
                encoding="utf-8")
    return project


def synthetic_project(dst: Path, pages: int) -> Path:
    return add_pages(copy_project(dst), pages)


STOCK_CONFIG = """site_name: MIGRA-SAFE
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
theme: {name: material, custom_dir: overrides, language: km}
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {locale: km, default: true, name: ខ្មែរ, build: true}
        - {locale: en, name: English, build: true}
"""


def stock_project(dst: Path, source: Path) -> Path:
    """Stock Material + i18n + search over the same Markdown pages as ``source`` (our markers
    stay HTML comments; Material has no Khmer labels, so the stock build gets our partial)."""
    shutil.copytree(source / "docs", dst / "docs", ignore=shutil.ignore_patterns("*.png", "*.jpg", "*.svg"))
    (dst / "overrides/partials/languages").mkdir(parents=True)
    shutil.copy(ROOT / "overrides/partials/languages/km.html", dst / "overrides/partials/languages/km.html")
    (dst / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return dst


SITE_URL = "http://127.0.0.1:8000/"
# a build that prints its own peak memory at the end (Chromium, which draws cards, is a process of its own)
_MEASURED = ("import resource, runpy, sys\nsys.argv = sys.argv[1:]\ntry:\n"
             "    runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)\nfinally:\n"
             "    print(f'peak-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)\n")


def build(project: Path, out: Path, **env: str) -> tuple[float, float]:
    """(seconds, peak MB of the build process) of one ``mkdocs build`` in its own process; a
    failed build stops the benchmark with the end of its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a staff machine: compiled modules kept
    cmd = [sys.executable, "-c", _MEASURED, "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    t0 = time.perf_counter()
    run = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if run.returncode != 0:
        raise SystemExit(f"{project} did not build:\n{run.stderr[-3000:]}")
    return seconds, int(re.search(r"peak-kb (\d+)", run.stderr).group(1)) / 1024


def options(doc: str, runs: int = 3) -> argparse.ArgumentParser:
    """The options every side-by-side benchmark has: extra pages per language, measured runs."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300, help="synthetic pages added per language")
    ap.add_argument("--runs", type=int, default=runs, help="measured runs; the median is shown")
    return ap
