#!/usr/bin/env bash
# Make sure a program from Debian's packages is installed for the tests:
#   tests/ensure_debian_package.sh PROGRAM PACKAGE...
# installs the packages when PROGRAM is missing (as root, or with sudo when it
# asks no password). Chromium for the browser tests (Playwright drives it and
# never downloads one), pg_autoctl for the failover drill, PgBouncer for the
# test of API processes behind a transaction pooler. With CI=true a
# missing program fails the run; elsewhere its tests are skipped, and pytest
# says so loudly.
set -u
program=$1
shift

[ -x "$program" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    as_root="none"
fi
if [ "$as_root" != none ] && command -v apt-get >/dev/null 2>&1; then
    echo "$program is missing; installing Debian's $*"
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
fi
[ -x "$program" ] && exit 0
if [ "${CI:-}" = "true" ]; then
    echo "ERROR: $program is missing and could not be installed; CI requires it" >&2
    exit 1
fi
echo "WARNING: $program is missing; the tests that need it will be SKIPPED" >&2
exit 0
