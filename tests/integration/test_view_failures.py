"""Views against what the log may hold: text that no column can store still
projects, verifies and replays; and a view that cannot take an event is an
outage, loud and visible everywhere, while the other views go on, never a
silent retry loop. On SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from application.access import SYSTEM
from application.ports import TimeAxis
from application.service import Rapport
from domain.complaint import Complaint
from infrastructure.views.maintenance import rebuild, statuses, verify
from infrastructure.views.projector import Projector, ViewFailed
from infrastructure.views.store import ViewWriteFailed
from infrastructure.views.worker import ProjectionWorker
from interfaces.bootstrap import ViewRuntime
from tests.builders import open_engagement, receive_complaint
from tests.conftest import FakeClock
from tests.integration.conftest import Cli


class Monotonic:
    """The projector's pause clock, moved by hand."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def assign_below_the_api(app: Rapport, clock: FakeClock, complaint_id: UUID, agent: str) -> None:
    """An assignment recorded as an old version, or another tool, might have:
    past the checks commands make today."""
    complaint = app.get(complaint_id, Complaint)
    now = clock.now()
    complaint.trigger_event(
        Complaint.Assigned, timestamp=now, actor="importer", occurred_at=now, agent=agent
    )
    app.record(complaint)


def test_text_no_column_can_hold_projects_verifies_and_replays(
    app: Rapport, runtime: ViewRuntime, clock: FakeClock, cli: Cli
) -> None:
    complaint_id = receive_complaint(app, open_engagement(app))
    assign_below_the_api(app, clock, complaint_id, "bob\x00")
    runtime.projector().catch_up()

    head = app.head()
    assert {
        s.view: (s.position, s.failure) for s in statuses(app, runtime.store, runtime.views)
    } == {view.name: (head, None) for view in runtime.views}
    row = runtime.reader().reports(SYSTEM, "complaint_rows", [str(complaint_id)])
    assert row[str(complaint_id)].row.assignee == "bob\x00"  # the state keeps it exactly
    assert verify(app, runtime.store, runtime.views) == []
    assert rebuild(app, runtime.store, runtime.views) == head
    assert verify(app, runtime.store, runtime.views) == []
    assert cli("replay").exit_code == 0
    assert cli("verify").exit_code == 0


@pytest.fixture
def two_engagements(app: Rapport) -> tuple[UUID, UUID]:
    return open_engagement(app), open_engagement(app)


@contextmanager
def refusing_rows(runtime: ViewRuntime, view_name: str, key: str) -> Iterator[None]:
    """Make the database refuse to write `key`'s row of a view, as a full disk,
    a broken constraint or a lost permission would."""
    (view,) = runtime.select([view_name])
    table = runtime.store.table(view, runtime.store.live(view).number)
    name = f'"{table.schema}"."{table.name}"' if table.schema else f'"{table.name}"'
    engine = runtime.store.engine
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            function = f'"{table.schema}".refuse_row'
            conn.execute(
                text(
                    f"CREATE FUNCTION {function}() RETURNS trigger AS $$ BEGIN "
                    f"IF NEW.row_key = '{key}' THEN RAISE EXCEPTION 'no space left'; END IF; "
                    "RETURN NEW; END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text(
                    f"CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON {name} "
                    f"FOR EACH ROW EXECUTE FUNCTION {function}()"
                )
            )
        else:
            for action in ("INSERT", "UPDATE"):
                conn.execute(
                    text(
                        f"CREATE TRIGGER refuse_{action.lower()} BEFORE {action} ON {name} "
                        f"WHEN NEW.row_key = '{key}' "
                        "BEGIN SELECT RAISE(ABORT, 'no space left'); END"
                    )
                )
    try:
        yield
    finally:
        _drop_refusal(engine, name)


def _drop_refusal(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"DROP TRIGGER refuse ON {name}"))
        else:
            for action in ("insert", "update"):
                conn.execute(text(f"DROP TRIGGER refuse_{action}"))


def first_position_of(app: Rapport, engagement_id: UUID) -> int:
    end_of_time = datetime.max.replace(tzinfo=UTC)
    events = app.index.engagement_notifications(engagement_id, end_of_time, TimeAxis.RECORDED)
    return min(event.id for event in events)


def test_a_view_that_cannot_write_an_event_stops_before_it_loudly_and_the_others_go_on(
    app: Rapport,
    runtime: ViewRuntime,
    two_engagements: tuple[UUID, UUID],
    caplog: pytest.LogCaptureFixture,
    cli: Cli,
) -> None:
    _, refused = two_engagements
    stuck_at = first_position_of(app, refused)
    monotonic = Monotonic()
    projector = Projector(app, runtime.store, runtime.views, monotonic=monotonic)
    with refusing_rows(runtime, "progress", str(refused)):
        with caplog.at_level(logging.ERROR, logger="infrastructure.views.projector"):
            projector.catch_up()
        check_the_outage_is_loud(app, runtime, stuck_at, caplog, cli)
        # It waits before trying again, twice as long after each attempt.
        projector.catch_up()
        assert runtime.store.failures.all()["progress"].attempts == 1
        monotonic.seconds += 1.5
        projector.catch_up()
        assert runtime.store.failures.all()["progress"].attempts == 2
        monotonic.seconds += 1.5
        projector.catch_up()
        assert runtime.store.failures.all()["progress"].attempts == 2

    # Once the database takes the row, the view catches up and is healthy again.
    monotonic.seconds += 1
    projector.catch_up()
    assert runtime.store.failures.all() == {}
    assert projector.positions["progress"] == app.head()
    assert verify(app, runtime.store, runtime.views) == []
    assert runtime.store.live(runtime.select(["progress"])[0]).position == app.head()


def check_the_outage_is_loud(
    app: Rapport,
    runtime: ViewRuntime,
    stuck_at: int,
    caplog: pytest.LogCaptureFixture,
    cli: Cli,
) -> None:
    """Logged as an error naming the view and the position, recorded for
    `projections` (in every process) and `verify`, both of which fail."""
    head = app.head()
    positions = {s.view: s.position for s in statuses(app, runtime.store, runtime.views)}
    assert positions.pop("progress") == stuck_at - 1
    assert set(positions.values()) == {head}
    (logged,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert f"view progress cannot take the event at position {stuck_at}" in logged.getMessage()
    assert "Engagement.Opened" in logged.getMessage()

    failure = runtime.store.failures.all()["progress"]
    assert (failure.position, failure.attempts) == (stuck_at, 1)
    assert "no space left" in failure.error
    (status,) = [s for s in runtime.reader().projections(SYSTEM) if s.view == "progress"]
    assert status.failure == failure
    assert [(d.view, d.key) for d in verify(app, runtime.store, runtime.views)] == [
        ("progress", "")
    ]
    shown = cli("projections")
    assert shown.exit_code == 1 and "FAILED" in shown.output
    checked = cli("verify")
    assert checked.exit_code == 1 and f"position {stuck_at}" in checked.output


def test_a_fold_that_fails_on_an_event_stops_its_view_there_and_a_rebuild_names_it(
    app: Rapport,
    runtime: ViewRuntime,
    two_engagements: tuple[UUID, UUID],
    monkeypatch: pytest.MonkeyPatch,
    cli: Cli,
) -> None:
    _, refused = two_engagements
    stuck_at = first_position_of(app, refused)
    (view,) = runtime.select(["budget"])
    apply = view.apply

    def broken(state: Any, logged: Any) -> Any:
        if logged.position == stuck_at:
            raise ZeroDivisionError("a bug in the fold")
        return apply(state, logged)

    monkeypatch.setattr(view, "apply", broken)
    runtime.projector().catch_up()
    failure = runtime.store.failures.all()["budget"]
    assert failure.position == stuck_at
    assert failure.error == "ZeroDivisionError: a bug in the fold"

    with pytest.raises(
        ViewFailed, match=f"view budget cannot take the event at position {stuck_at}"
    ):
        rebuild(app, runtime.store, [view])
    assert runtime.store.failures.all()["budget"] == failure  # the live tables are untouched
    # and the rebuild's half-filled tables are gone
    assert [g.live for g in runtime.store.generations("budget")] == [True]


def test_a_view_whose_new_shape_cannot_be_rebuilt_is_failed_and_the_others_go_on(
    app: Rapport, runtime: ViewRuntime, two_engagements: tuple[UUID, UUID]
) -> None:
    _, refused = two_engagements
    stuck_at = first_position_of(app, refused)
    budget, progress = runtime.select(["budget", "progress"])
    runtime.projector().catch_up()  # tables in today's shape
    old_generation = runtime.store.live(budget).number

    class BudgetWithCurrency(type(budget)):  # type: ignore[misc]
        columns = {**type(budget).columns, "currency": str}

        def column_values(self, state: Any) -> dict[str, Any]:
            return {**super().column_values(state), "currency": state.currency}

        def apply(self, state: Any, logged: Any) -> Any:
            if logged.position == stuck_at:
                raise ZeroDivisionError("a bug in the new fold")
            return super().apply(state, logged)

    worker = ProjectionWorker(
        app,
        runtime.store,
        [BudgetWithCurrency(), progress],
        lambda views: Projector(app, runtime.store, views),
        runtime.event_waiter(),
    )
    worker.start()
    try:
        assert worker.following.wait(10)
        open_engagement(app)
        assert runtime.store.wait(app.head(), ["progress"], timeout=10)
        assert worker.is_alive()
    finally:
        worker.stop(10)

    assert worker.rebuilt == []
    assert runtime.store.failures.all()["budget"].position == stuck_at
    assert [g.number for g in runtime.store.generations("budget")] == [old_generation]


def test_a_database_that_goes_away_is_waited_for_not_taken_for_a_failed_view(
    app: Rapport, runtime: ViewRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_engagement(app)
    projector = runtime.projector()
    save = runtime.store.save
    lost = psycopg.OperationalError("server closed the connection unexpectedly")

    def disconnected(*args: Any, **kwargs: Any) -> None:
        raise ViewWriteFailed(str(lost)) from OperationalError("UPDATE ...", {}, lost)

    monkeypatch.setattr(runtime.store, "save", disconnected)
    with pytest.raises(ViewWriteFailed):
        projector.catch_up()
    assert runtime.store.failures.all() == {}

    monkeypatch.setattr(runtime.store, "save", save)
    projector.catch_up()
    assert set(projector.positions.values()) == {app.head()}


def test_a_wait_for_a_position_before_a_views_failure_is_answered(
    app: Rapport, runtime: ViewRuntime, two_engagements: tuple[UUID, UUID]
) -> None:
    _, refused = two_engagements
    stuck_at = first_position_of(app, refused)
    with refusing_rows(runtime, "progress", str(refused)):
        runtime.projector().catch_up()
    assert runtime.store.failures.all()["progress"].position == stuck_at

    assert runtime.store.wait(stuck_at - 1, ["progress", "budget"], timeout=1)
    assert not runtime.store.wait(stuck_at, ["progress", "budget"], timeout=1)
