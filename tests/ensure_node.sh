#!/usr/bin/env bash
# Install the npm packages of one folder (tests/js: the JavaScript clients the
# end-to-end tests drive; interfaces/admin: the admin app's build and tests),
# installing Debian's Node 20 and npm first when they are missing. With CI=true
# anything missing fails the run; elsewhere the tests that need the folder's
# packages are skipped (pytest says so loudly).
set -u
dir=${1:-tests/js}

missing() {
    if [ "${CI:-}" = "true" ]; then
        echo "ERROR: $1, and CI requires the tests that need $dir" >&2
        exit 1
    fi
    echo "WARNING: $1; the tests that need $dir will be SKIPPED" >&2
    exit 0
}

node_ready() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
        && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ]
}

if ! node_ready; then
    if [ "$(id -u)" = 0 ]; then
        as_root=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root="sudo"
    else
        missing "Node 20 and npm are not installed and apt-get needs root"
    fi
    echo "Node 20 or npm is missing; installing Debian's nodejs and npm"
    $as_root apt-get update -q && $as_root apt-get install -y -q nodejs npm
    node_ready || missing "Node 20 and npm could not be installed"
fi

# npm ci installs exactly what package-lock.json pins, into a fresh node_modules.
if ! (cd "$dir" && npm ci --no-audit --no-fund); then
    missing "npm ci failed in $dir"
fi
touch "$dir/node_modules"
