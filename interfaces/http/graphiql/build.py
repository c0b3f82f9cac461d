"""Copy GraphiQL's browser files out of the npm packages pinned in `packages.lock.json`.

GraphiQL, React and ReactDOM each publish a ready-built browser bundle (UMD) in
their npm package, so building is unpacking: `npm pack` fetches each pinned
tarball, its SHA-512 is checked against the lock, and the files the page needs
are copied out byte for byte, with a `SHA256SUMS` of them. The same lock thus
always yields the same files, which a test checks against the committed ones.

    python interfaces/http/graphiql/build.py OUT_DIR     # what `make graphiql` runs
    python interfaces/http/graphiql/build.py --relock    # after changing a version in the lock

Needs only Python and npm; nothing is installed and no package script runs.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

LOCK = Path(__file__).with_name("packages.lock.json")

# Served file -> (package, path inside its tarball).
FILES = {
    "graphiql.min.js": ("graphiql", "package/graphiql.min.js"),
    "graphiql.min.css": ("graphiql", "package/graphiql.min.css"),
    "react.production.min.js": ("react", "package/umd/react.production.min.js"),
    "react-dom.production.min.js": ("react-dom", "package/umd/react-dom.production.min.js"),
    "LICENSE.graphiql": ("graphiql", "package/LICENSE"),
    "LICENSE.react": ("react", "package/LICENSE"),
    "LICENSE.react-dom": ("react-dom", "package/LICENSE"),
}
CHECKSUMS = "SHA256SUMS"


def read_lock() -> dict[str, dict[str, str]]:
    locked: dict[str, dict[str, str]] = json.loads(LOCK.read_text())
    return locked


def fetch(package: str, pinned: dict[str, str], into: Path) -> Path:
    """The package's tarball from the registry, once its SHA-512 matches the lock."""
    spec = f"{package}@{pinned['version']}"
    listing = npm("pack", spec, "--pack-destination", str(into), "--json")
    tarball: Path = into / json.loads(listing)[0]["filename"]
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != pinned["integrity"]:
        sys.exit(f"{spec}: the registry's tarball does not match the lock's integrity")
    return tarball


def build(out: Path) -> None:
    """Write FILES and their SHA256SUMS into `out`, replacing what was there."""
    lock = read_lock()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        tarballs = {name: fetch(name, pinned, Path(scratch)) for name, pinned in lock.items()}
        for served, (package, member) in FILES.items():
            with tarfile.open(tarballs[package]) as archive:
                extracted = archive.extractfile(member)
                if extracted is None:
                    sys.exit(f"{package}: {member} is not a file")
                (out / served).write_bytes(extracted.read())
    sums = [f"{hashlib.sha256((out / name).read_bytes()).hexdigest()}  {name}\n" for name in FILES]
    (out / CHECKSUMS).write_text("".join(sorted(sums, key=lambda line: line.split()[1])))


def relock() -> None:
    """Record the registry's integrity for each version the lock names."""
    lock = read_lock()
    for name, pinned in lock.items():
        integrity = npm("view", f"{name}@{pinned['version']}", "dist.integrity").strip()
        pinned["integrity"] = integrity
    LOCK.write_text(json.dumps(lock, indent=2) + "\n")


def npm(*args: str) -> str:
    done = subprocess.run(
        ["npm", *args, "--silent", "--no-update-notifier"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"npm {' '.join(args)} failed:\n{done.stderr.strip()}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="where to write the files")
    parser.add_argument("--relock", action="store_true", help="record each version's integrity")
    args = parser.parse_args()
    if args.relock:
        relock()
    elif args.out:
        build(args.out)
    else:
        parser.error("give OUT_DIR or --relock")


if __name__ == "__main__":
    main()
