#!/usr/bin/env bash
# Make sure the PostgreSQL server the tests use answers, starting the local
# cluster when one is installed. With CI=true a missing server fails the run;
# elsewhere the PostgreSQL tests are skipped (pytest says so loudly).
set -u
python=${1:-python3}
url=${RAPPORT_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}

answers() {
    "$python" -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$url" 2>/dev/null
}

answers && exit 0
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
        echo "PostgreSQL does not answer at $url; starting cluster $version/main"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 30); do
        answers && exit 0
        sleep 1
    done
fi
if [ "${CI:-}" = "true" ]; then
    echo "ERROR: PostgreSQL does not answer at $url, and CI requires it" >&2
    exit 1
fi
echo "WARNING: PostgreSQL does not answer at $url; PostgreSQL tests will be SKIPPED" >&2
exit 0
