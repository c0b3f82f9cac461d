"""`make help` lists every target the Makefile declares, one line each."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_lists_every_target_with_one_line_saying_what_it_does() -> None:
    phony = re.search(r"^\.PHONY: (.+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert phony is not None
    targets = phony.group(1).split()

    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout  # fmt: skip

    lines = shown.splitlines()
    assert sorted(line.split()[1] for line in lines) == sorted(targets)
    for line in lines:
        assert re.fullmatch(r"  make [a-z]+ +[A-Z].{10,}", line), line
