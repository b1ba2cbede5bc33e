"""The documentation stays true: every setting is documented, the README's commands exist and CI runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rathaus.config import Settings

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "CONFIGURATION.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"RATHAUS_{name.upper()}" not in doc]
    assert not missing, f"undocumented settings: {missing}"


def test_readme_setup_is_two_commands_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\n+```sh\n(.*?)```", readme, re.S)
    assert block, "README needs a '## Quick start' sh block"
    commands = [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
