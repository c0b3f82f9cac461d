"""Every view's `unchanged_until` keeps its promise: on a generated log, each
state's report stays the same from the moment asked until just before the
moment the view names, and for ever when it names none. (Seconds spent in a
state are left out, as the views say.)"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from application.service import Rapport
from application.views.base import fold
from application.views.catalog import all_views
from application.views.clocks import TrackedClock
from application.views.log import read_log
from application.views.moments import ONE_INSTANT, next_day, window_turns
from tests.generate import generate


def comparable(report: Any) -> Any:
    """The report without what moves at every instant, and with the burn curve
    as the points it draws (the curve itself holds the moment it was asked at)."""
    if dataclasses.is_dataclass(report) and not isinstance(report, type):
        changes: dict[str, Any] = {}
        if any(f.name == "seconds_in_state" for f in dataclasses.fields(report)):
            changes["seconds_in_state"] = 0.0
        burn = getattr(report, "burn", None)
        if burn is not None:
            changes["burn"] = burn.points()
        if changes:
            return {
                **{f.name: getattr(report, f.name) for f in dataclasses.fields(report)},
                **changes,
            }
    return report


HOUR = timedelta(hours=1)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_every_view_keeps_the_promise_of_unchanged_until(app: Rapport) -> None:
    generate(app, 600, engagements=3, seed=5)
    logged, _ = read_log(app, 0, 10_000)
    # Moments all over the log's days, when clocks fall due, and well after them.
    first, last = logged[0].occurred_at, logged[-1].occurred_at
    moments = [first + timedelta(hours=7 * n) for n in range(int((last - first) / HOUR / 7) + 8)]
    moments += [last + timedelta(days=40)]
    checked = 0
    for view in all_views():
        for state in fold(view, logged).values():
            for at in moments:
                asked = comparable(view.report(state, at))
                until = view.unchanged_until(state, at)
                if until is None:
                    later = [at + timedelta(days=400)]
                else:
                    assert until > at, (view.name, at, until)
                    later = [at + (until - at) / 2, until - ONE_INSTANT]
                for t in later:
                    assert comparable(view.report(state, t)) == asked, (view.name, at, t, until)
                checked += 1
    assert checked > 5_000


def test_a_clock_turns_past_due_one_instant_after_it_is_due() -> None:
    due = datetime(2026, 3, 2, 12, tzinfo=UTC)
    clock = TrackedClock(current_due=due)
    assert clock.turns_past_due(due - timedelta(hours=1)) == due + ONE_INSTANT
    assert not clock.past_due(due) and clock.past_due(due + ONE_INSTANT)
    assert clock.turns_past_due(due + ONE_INSTANT) is None  # past due already
    clock.pause(due - timedelta(minutes=5))
    assert clock.turns_past_due(due - timedelta(minutes=1)) is None  # paused: no due time


def test_a_moment_enters_a_trailing_window_when_reached_and_leaves_it_a_window_later() -> None:
    at = datetime(2026, 3, 2, 12, tzinfo=UTC)
    week = timedelta(days=7)
    assert window_turns([at - timedelta(days=2)], at, week) == at + timedelta(days=5)
    assert window_turns([at + timedelta(hours=3)], at, week) == at + timedelta(hours=3)
    assert window_turns([at - timedelta(days=8)], at, week) is None
    assert next_day(at) == datetime(2026, 3, 3, tzinfo=UTC)
