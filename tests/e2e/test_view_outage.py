"""A view that cannot take an event, seen from outside: `/readyz` answers 503
naming it, `projections` says where and why it stopped, mutations stop waiting
for it, and once it can take the event it catches up by itself. On SQLite and
PostgreSQL."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import FakeClock
from tests.e2e.conftest import Api, engagement_input
from tests.e2e.test_hardening import serve
from tests.processes import wait_until

PROJECTIONS = "{ projections { name position failure { position eventType attempts error } } }"


@pytest.fixture
def patient_api(database_url: str, clock: FakeClock) -> Iterator[Api]:
    """An API whose mutations would wait half a minute for views that lag."""
    with serve(database_url, clock, view_wait_seconds=30) as api:
        yield api


def test_a_stuck_view_fails_readiness_and_mutations_stop_waiting_for_it(
    patient_api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = patient_api
    api.open_engagement()
    assert api.client.get("/readyz").status_code == 200
    (budget,) = api.services.runtime.select(["budget"])
    apply, healthy_until = budget.apply, api.services.rapport.head()

    def broken(state: Any, logged: Any) -> Any:
        if logged.position > healthy_until:
            raise ArithmeticError("budget fold broke")
        return apply(state, logged)

    monkeypatch.setattr(budget, "apply", broken)
    started = time.monotonic()
    result = api.mutate("openEngagement", _second_engagement())
    assert result["__typename"] == "EngagementPayload"
    assert time.monotonic() - started < 10  # not the 30 s the views may take
    stuck_at = healthy_until + 1

    ready = api.client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["status"] == "failing"
    assert ready.json()["failed"] == {"budget": stuck_at}
    assert "budget fold broke" not in ready.text  # where, not why: that is for the staff
    shown = {p["name"]: p for p in api.data(PROJECTIONS)["projections"]}
    assert shown["budget"]["position"] == healthy_until
    assert shown["budget"]["failure"] == {
        "position": stuck_at,
        "eventType": "Engagement.Opened",
        "attempts": shown["budget"]["failure"]["attempts"],
        "error": "ArithmeticError: budget fold broke",
    }
    assert shown["progress"]["failure"] is None

    monkeypatch.setattr(budget, "apply", apply)
    wait_until(lambda: api.client.get("/readyz").status_code == 200, timeout=30)
    assert all(p["failure"] is None for p in api.data(PROJECTIONS)["projections"])


def _second_engagement() -> dict[str, Any]:
    return {**engagement_input(), "title": "Second line support"}
