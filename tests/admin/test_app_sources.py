"""The admin app's own checks, from its sources in interfaces/admin: its unit
tests, its types, its GraphQL operations against `schema.graphql`, and the
committed bundle being exactly what its sources build.

They need Node and the app's npm packages (`make test` installs both, with
`tests/ensure_node.sh interfaces/admin`); without them they are skipped with a
loud reason, and with `CI=true` they fail. Serving the app needs neither."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "interfaces" / "admin"
BUNDLE = ROOT / "interfaces" / "http" / "admin" / "dist"

pytestmark = pytest.mark.slow


def require_app_packages() -> None:
    if shutil.which("npm") is None:
        reason = "npm is not installed (make test installs Debian's nodejs and npm)"
    elif not (APP / "node_modules").is_dir():
        reason = f"the admin app's packages are not installed: run `npm ci` in {APP}"
    else:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI requires the admin app's checks)", pytrace=False)
    pytest.skip(f"SKIPPED, NO ADMIN APP PACKAGES: {reason}")


def npm_run(script: str, **env: str) -> None:
    """Run one of the app's npm scripts; fails with its output unless it exits 0."""
    require_app_packages()
    done = subprocess.run(
        ["npm", "run", "--silent", script],
        check=False,  # its output goes into the assertion instead
        cwd=APP,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"npm run {script}:\n{done.stdout}\n{done.stderr}"


def digests(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def test_the_apps_unit_tests_pass() -> None:
    npm_run("test")


def test_the_apps_types_check() -> None:
    npm_run("typecheck")


def test_the_apps_operations_match_the_schema_and_their_generated_types() -> None:
    # Fails on an operation asking for what schema.graphql no longer has, and on
    # generated types in src/gql that were not regenerated after a change.
    npm_run("codegen:check")


def test_the_committed_bundle_is_what_the_sources_build(tmp_path: Path) -> None:
    npm_run("build", ADMIN_OUT_DIR=str(tmp_path))

    assert digests(tmp_path) == digests(BUNDLE), (
        "interfaces/http/admin/dist is not what the app's sources build: run `make admin`"
    )
