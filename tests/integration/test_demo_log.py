"""The demo's data file loads the same log as the Python steps it replaced.

`demo_log.jsonl` holds a fingerprint of the log `rapport demo` wrote when the
demo was still Python code: for each stored event in order, its topic, which
aggregate it belongs to (by order of creation), its version, and its data with
ids replaced by placeholders (by order of appearance) and times and dates given
relative to the demo's now. Ids are random; everything else must match.

Record it again only when the demo's content changes on purpose:

    .venv/bin/python -m tests.integration.test_demo_log
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from interfaces.bootstrap import bootstrap
from interfaces.cli.demo import load_demo
from tests.conftest import FakeClock, make_settings

FIXTURE = Path(__file__).parents[1] / "fixtures" / "demo_log.jsonl"

_UUID = re.compile(r"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b")
_INSTANT = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?")
_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def fingerprint(database: Path, now: datetime) -> list[str]:
    """One line per stored event, free of ids and of the clock's reading."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            "SELECT originator_id, originator_version, topic, state FROM stored_events "
            "ORDER BY rowid"
        ).fetchall()
    ids: dict[str, str] = {}

    def placeholder(match: re.Match[str]) -> str:
        key = match.group(0).replace("-", "")
        return ids.setdefault(key, f"id{len(ids)}")

    def instant(match: re.Match[str]) -> str:
        at = datetime.fromisoformat(match.group(0).replace("Z", "+00:00"))
        return f"now{(at.astimezone(UTC) - now).total_seconds():+}s"

    def day(match: re.Match[str]) -> str:
        return f"today{(date.fromisoformat(match.group(0)) - now.date()).days:+}d"

    lines = []
    for originator_id, version, topic, state in rows:
        data = bytes(state).decode() if isinstance(state, bytes) else state
        data = _UUID.sub(placeholder, data)
        data = _DAY.sub(day, _INSTANT.sub(instant, data))
        aggregate = _UUID.sub(placeholder, str(originator_id))
        lines.append(json.dumps([topic, aggregate, version, json.loads(data)], sort_keys=True))
    return lines


def demo_fingerprint(directory: Path) -> list[str]:
    database = directory / "demo.db"
    clock = FakeClock()
    rapport = bootstrap(make_settings(f"sqlite:///{database}"), clock=clock)
    try:
        load_demo(rapport, progress=lambda line: None)
    finally:
        rapport.close()
    return fingerprint(database, clock.now())


def test_the_demo_loads_the_same_log_as_before(tmp_path: Path) -> None:
    expected = FIXTURE.read_text().splitlines()
    actual = demo_fingerprint(tmp_path)
    for number, (want, got) in enumerate(zip(expected, actual, strict=False), start=1):
        assert got == want, f"event {number} differs"
    assert len(actual) == len(expected)


def _record() -> None:
    with tempfile.TemporaryDirectory() as directory:
        lines = demo_fingerprint(Path(directory))
    FIXTURE.write_text("\n".join(lines) + "\n")
    print(f"{FIXTURE}: {len(lines)} events")


if __name__ == "__main__":
    _record()
