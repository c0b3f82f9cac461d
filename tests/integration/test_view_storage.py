"""How the views are stored and followed: an engagement's complaints in rows of
their own, no look-up for a key a batch starts, waits answered by this process's
projector without asking the catalog, and writes announced together waking the
projector once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson
import pytest
from sqlalchemy import event, update

from application.commands.complaint import (
    AcknowledgeComplaint,
    CloseComplaint,
    ResolveComplaint,
)
from application.commands.engagement import RecordCost
from application.service import Rapport
from interfaces.bootstrap import ViewRuntime
from tests.builders import open_engagement, receive_complaint, run
from tests.conftest import FakeClock


def close_complaint(app: Rapport, complaint_id: UUID) -> None:
    run(app, AcknowledgeComplaint(complaint_id=complaint_id, agent="aisha", message="On it"))
    run(app, ResolveComplaint(complaint_id=complaint_id, resolution="Refunded"))
    run(app, CloseComplaint(complaint_id=complaint_id, client_confirmed=True))


def stored_satisfaction(runtime: ViewRuntime) -> dict[str, bytes]:
    (view,) = runtime.select(["satisfaction"])
    return runtime.store.stored(view, runtime.store.live(view).number)


def test_an_engagement_keeps_each_open_complaint_in_a_row_of_its_own(
    app: Rapport, runtime: ViewRuntime
) -> None:
    engagement_id = open_engagement(app)
    first = receive_complaint(app, engagement_id)
    second = receive_complaint(app, engagement_id)
    runtime.projector().catch_up()

    stored = stored_satisfaction(runtime)
    key = str(engagement_id)
    assert orjson.loads(stored[key])["complaints"] == {}
    assert {f"{key}/complaints/{first}", f"{key}/complaints/{second}"} <= stored.keys()

    close_complaint(app, first)
    runtime.projector().catch_up()

    stored = stored_satisfaction(runtime)
    assert f"{key}/complaints/{first}" not in stored
    assert f"{key}/complaints/{second}" in stored
    (view,) = runtime.select(["satisfaction"])
    state = runtime.store.load(view, runtime.store.live(view).number, [key])[key]
    assert set(state.complaints) == {str(second)}
    assert state.closed.count == 1


def test_an_event_of_one_complaint_rewrites_that_complaint_alone(
    app: Rapport, runtime: ViewRuntime
) -> None:
    engagement_id = open_engagement(app)
    untouched = receive_complaint(app, engagement_id)
    projector = runtime.projector()
    projector.catch_up()
    (view,) = runtime.select(["satisfaction"])
    entries = runtime.store.tables.entries(view, runtime.store.live(view).number)
    assert entries is not None
    with runtime.store.engine.begin() as conn:
        conn.execute(
            update(entries).where(entries.c.entry_key == str(untouched)).values(entry_state=b"x")
        )

    receive_complaint(app, engagement_id)
    projector.catch_up()

    assert stored_satisfaction(runtime)[f"{engagement_id}/complaints/{untouched}"] == b"x"


def test_a_key_that_starts_in_the_batch_is_not_looked_up(
    app: Rapport, runtime: ViewRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    projector = runtime.projector()
    engagement_id = open_engagement(app)
    projector.catch_up()
    looked_up: list[tuple[str, set[str]]] = []
    load = runtime.store.load

    def recording_load(view: Any, number: int, keys: Any) -> dict[str, Any]:
        looked_up.append((view.name, set(keys)))
        return load(view, number, keys)

    monkeypatch.setattr(runtime.store, "load", recording_load)

    receive_complaint(app, engagement_id)
    projector.catch_up()

    # The complaint's row starts with its first event; the engagement's states
    # are still in the projector's memory.
    assert looked_up == []


@contextmanager
def catalog_reads(runtime: ViewRuntime) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "rapport_view_catalog" in statement:
            statements.append(statement)

    event.listen(runtime.store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(runtime.store.engine, "before_cursor_execute", record)


def test_a_writer_waits_on_this_process_projector_without_asking_the_catalog(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock
) -> None:
    engagement_id = open_engagement(app)
    projector = runtime.projector()
    projector.catch_up()
    cost = RecordCost(
        engagement_id=engagement_id,
        amount=Decimal("12"),
        category="travel",
        incurred_on=clock.now().date(),
    )
    result = run(app, cost)
    projector.catch_up()

    with catalog_reads(runtime) as reads:
        assert app.wait_for_views(result, [view.name for view in runtime.views])

    assert reads == []


def test_writes_announced_together_wake_the_projector_once(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, _ = pg
    wait_for_events = runtime.event_waiter()
    try:
        engagement_id = open_engagement(app)  # two writes: opened, then started
        receive_complaint(app, engagement_id)
        # The server hands each listener its notifications when it gets to it;
        # on a busy machine the last can come a while after its commit.
        time.sleep(0.5)

        assert wait_for_events(5.0)
        assert not wait_for_events(0.05)  # the others were taken with the first
    finally:
        wait_for_events.close()
