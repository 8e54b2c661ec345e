"""The core never imports MkDocs: moving to another engine must stay cheap."""

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "campaign"


def core_modules() -> list[str]:
    """Every module of the package except the engine adapters."""
    out = []
    for p in sorted(CORE.rglob("*.py")):
        rel = p.relative_to(CORE.parent).with_suffix("")
        if "adapters" in rel.parts:
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        out.append(".".join(parts))
    return out


def test_core_imports_without_mkdocs():
    modules = core_modules()
    code = "\n".join([
        "import sys",
        *[f"import {m}" for m in modules],
        "bad = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material', 'mkdocs_static_i18n', 'properdocs')))",
        "print(len(sys.modules)); assert not bad, bad",
    ])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert {"campaign.core.pages", "campaign.project", "campaign.build"} <= set(modules)


def test_only_the_adapter_mentions_mkdocs():
    offenders = [p.name for p in CORE.rglob("*.py")
                 if "adapters" not in p.parts
                 and any(line.lstrip().startswith(("import mkdocs", "from mkdocs", "import material",
                                                    "from material", "import properdocs", "from properdocs"))
                         for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
