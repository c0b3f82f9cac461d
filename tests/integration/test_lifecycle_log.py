"""The complaint views replayed from a log an earlier version of the code wrote
report what that version reported.

`tests/fixtures/lifecycle_log.json` holds the stored events of a `rapport demo`
log and the complaint views' reports on it at three moments, recorded by
`tests/fixtures/record_lifecycle_log.py` before the views shared one fold of the
complaint lifecycle. Replaying the events must give the same reports, key by
key, and a rebuild must equal what the projector stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import StoredEvent

from application.ports import IndexedEvent
from application.service import Rapport
from infrastructure.views.codec import encode_state
from infrastructure.views.maintenance import verify
from interfaces.bootstrap import ViewRuntime

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lifecycle_log.json"


def _utc(text: str) -> datetime:
    # The SQLite index keeps times as UTC text without an offset.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def write_log(app: Rapport, events: list[dict[str, Any]]) -> None:
    """The recorded events, with their index rows, into `app`'s empty event store."""
    app.recorder.insert_events(
        [
            StoredEvent(
                UUID(e["originator_id"]), e["originator_version"], e["topic"], e["state"].encode()
            )
            for e in events
        ],
        index=[
            IndexedEvent(
                UUID(e["originator_id"]),
                e["originator_version"],
                e["kind"],
                UUID(e["engagement_id"]),
                _utc(e["recorded_at"]),
                _utc(e["occurred_at"]),
            )
            for e in events
        ],
    )


def reports(runtime: ViewRuntime, names: list[str], at: datetime) -> dict[str, dict[str, Any]]:
    """Every key's report of each view named, as JSON values (as recorded)."""
    result: dict[str, dict[str, Any]] = {}
    for view in runtime.select(names):
        states = runtime.store.states(view, runtime.store.live(view).number)
        result[view.name] = {
            key: orjson.loads(encode_state(view.report(state, at)))
            for key, state in sorted(states.items())
        }
    return result


def test_the_complaint_views_replayed_from_an_earlier_log_report_as_they_did(
    app: Rapport, runtime: ViewRuntime
) -> None:
    recorded = json.loads(FIXTURE.read_text())
    write_log(app, recorded["events"])
    assert app.head() >= len(recorded["events"])

    runtime.projector().catch_up()

    assert verify(app, runtime.store, runtime.views) == []
    for moment, expected in recorded["reports"].items():
        actual = reports(runtime, sorted(expected), datetime.fromisoformat(moment))
        for name in expected:
            assert actual[name] == expected[name], f"{name} at {moment}"
