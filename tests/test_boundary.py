"""The core never imports MkDocs: moving to another engine must stay cheap."""

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "campaign"


def test_core_imports_without_mkdocs():
    modules = sorted(p.stem for p in CORE.glob("*.py")
                     if p.stem not in ("__init__", "mkdocs_plugin"))
    subpackages = sorted(p.parent.name for p in CORE.glob("*/__init__.py"))
    code = "\n".join([
        "import sys",
        *[f"import campaign.{m}" for m in modules + subpackages],
        "bad = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith(('mkdocs.', 'material', 'mkdocs_static_i18n')))",
        "print(len(sys.modules)); assert not bad, bad",
    ])
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "pages" in modules and "project" in modules  # the test really imports the core


def test_only_the_adapter_mentions_mkdocs():
    offenders = [p.name for p in CORE.rglob("*.py")
                 if p.name != "mkdocs_plugin.py"
                 and any(line.lstrip().startswith(("import mkdocs", "from mkdocs", "import material", "from material"))
                         for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
