#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests,
# installing the `chromium` package when it is missing (as root, or with sudo
# when it asks no password). Playwright drives that browser and never downloads
# one. With CI=true a missing browser fails the run; elsewhere the browser tests
# are skipped (pytest says so loudly).
set -u
chromium=/usr/bin/chromium

[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    as_root="none"
fi
if [ "$as_root" != none ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing at $chromium; installing Debian's chromium package"
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -x "$chromium" ] && exit 0
if [ "${CI:-}" = "true" ]; then
    echo "ERROR: Chromium is missing at $chromium and could not be installed; CI requires it" >&2
    exit 1
fi
echo "WARNING: Chromium is missing at $chromium; browser tests will be SKIPPED" >&2
exit 0
