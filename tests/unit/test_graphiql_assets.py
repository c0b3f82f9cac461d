"""The GraphiQL files served in development are exactly what the pinned build
makes of the npm packages in interfaces/http/graphiql/packages.lock.json."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from interfaces.http.graphiql import HERE

ROOT = Path(__file__).parents[2]
BUILD = ROOT / "interfaces" / "http" / "graphiql" / "build.py"
VENDOR = HERE / "static" / "vendor"
CHECKSUMS = "SHA256SUMS"


def digests(directory: Path) -> dict[str, str]:
    """SHA-256 of every file in `directory` but the checksum list."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in directory.iterdir()
        if path.name != CHECKSUMS
    }


def listed(directory: Path) -> dict[str, str]:
    """The checksum list in `directory`, as `sha256sum` writes it."""
    lines = (directory / CHECKSUMS).read_text().splitlines()
    return {name: digest for digest, name in (line.split(maxsplit=1) for line in lines)}


def test_the_committed_graphiql_files_are_exactly_those_their_checksums_list() -> None:
    assert digests(VENDOR) == listed(VENDOR)


@pytest.mark.slow
def test_the_pinned_build_makes_the_committed_graphiql_files(tmp_path: Path) -> None:
    if shutil.which("npm") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is missing (CI requires it to check the GraphiQL build)")
        pytest.skip("SKIPPED, NO NPM: the GraphiQL build needs npm")

    subprocess.run([sys.executable, str(BUILD), str(tmp_path)], check=True, timeout=300)

    assert digests(tmp_path) == digests(VENDOR)
    assert listed(tmp_path) == listed(VENDOR)
