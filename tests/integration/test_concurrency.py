"""Many writers on one engagement, on PostgreSQL: nothing accepted is ever lost."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import IntegrityError, StoredEvent

from application.commands.base import CommandResult
from application.commands.engagement import RecordCost
from application.errors import ConcurrencyConflict
from application.ports import IdempotencyRecord, IndexedEvent, TimeAxis
from application.service import Rapport
from domain.engagement import Engagement
from interfaces.bootstrap import bootstrap
from tests.builders import open_engagement, run
from tests.conftest import make_settings

pytestmark = pytest.mark.postgres

THREADS = 16
COMMANDS_PER_THREAD = 50


@pytest.fixture
def pg_app(postgres_schema_url: str) -> Iterator[Rapport]:
    # The real clock: sixteen threads interleave for real, so should their times.
    application = bootstrap(
        make_settings(
            postgres_schema_url, snapshot_interval=100, pool_size=THREADS, command_attempts=200
        )
    )
    try:
        yield application
    finally:
        application.close()


def cost(engagement_id: UUID, cents: int) -> RecordCost:
    return RecordCost(
        engagement_id=engagement_id,
        amount=Decimal(cents) / 100,
        category="labour",
        incurred_on=date(2026, 3, 1),
        note="",
    )


def versions(app: Rapport, engagement_id: UUID) -> list[int]:
    return [e.originator_version for e in app.history(engagement_id)]


def test_sixteen_writers_lose_no_accepted_command(pg_app: Rapport) -> None:
    engagement_id = open_engagement(pg_app)

    def writer(thread: int) -> list[CommandResult]:
        return [
            run(pg_app, cost(engagement_id, thread * 1000 + n), actor=f"writer-{thread}")
            for n in range(1, COMMANDS_PER_THREAD + 1)
        ]

    with ThreadPoolExecutor(THREADS) as pool:
        results = [r for batch in pool.map(writer, range(THREADS)) for r in batch]

    total = THREADS * COMMANDS_PER_THREAD
    assert len(results) == total
    assert versions(pg_app, engagement_id) == list(range(1, total + 3))
    assert sorted(r.version for r in results) == list(range(3, total + 3))
    expected_cost = sum(
        Decimal(t * 1000 + n) / 100
        for t in range(THREADS)
        for n in range(1, COMMANDS_PER_THREAD + 1)
    )
    assert pg_app.get(engagement_id, Engagement).total_cost == expected_cost


def test_writers_pinning_a_version_get_conflicts_not_lost_writes(pg_app: Rapport) -> None:
    engagement_id = open_engagement(pg_app)

    def writer(thread: int) -> tuple[int, int]:
        accepted = conflicts = 0
        for n in range(COMMANDS_PER_THREAD):
            seen = pg_app.get(engagement_id).version
            try:
                run(pg_app, cost(engagement_id, n + 1), expected_version=seen)
                accepted += 1
            except ConcurrencyConflict:
                conflicts += 1
        return accepted, conflicts

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(writer, range(THREADS)))

    accepted = sum(a for a, _ in outcomes)
    conflicts = sum(c for _, c in outcomes)
    assert accepted + conflicts == THREADS * COMMANDS_PER_THREAD
    assert conflicts > 0
    assert versions(pg_app, engagement_id) == list(range(1, accepted + 3))


def test_one_idempotency_key_sent_concurrently_writes_once(pg_app: Rapport) -> None:
    engagement_id = open_engagement(pg_app)
    head = pg_app.head()

    def send(_: int) -> CommandResult:
        return run(pg_app, cost(engagement_id, 4200), idempotency_key="invoice-42")

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(send, range(10)))

    assert pg_app.head() == head + 1
    assert {(r.aggregate_id, r.version) for r in results} == {(engagement_id, 3)}
    assert sum(not r.replayed for r in results) == 1


def event_and_index_row(
    aggregate_id: UUID, version: int, engagement_id: UUID
) -> tuple[StoredEvent, IndexedEvent]:
    """A stored event, and the index row that files it under `engagement_id`."""
    now = datetime.now(UTC)
    event = StoredEvent(aggregate_id, version, "tests:Event", b"{}")
    return event, IndexedEvent(aggregate_id, version, "test", engagement_id, now, now)


def test_a_connection_whose_first_index_row_was_aborted_by_a_conflict_saves_the_next(
    postgres_schema_url: str,
) -> None:
    """An index row's statement is prepared in the same pipeline as its events'
    insert; when that insert fails on a version conflict, the statement is never
    kept by the server, and the connection must not take it for prepared."""
    app = bootstrap(make_settings(postgres_schema_url, pool_size=1))
    try:
        aggregate_id, engagement_id = uuid4(), uuid4()

        def save(version: int, *, indexed: bool) -> None:
            event, row = event_and_index_row(aggregate_id, version, engagement_id)
            app.recorder.insert_events([event], index=[row] if indexed else [])

        save(1, indexed=False)  # the only connection's first save names no index row
        for _ in range(3):
            with pytest.raises(IntegrityError):
                save(1, indexed=True)  # version 1 again: the index row is aborted with it
        for version in (2, 3):
            save(version, indexed=True)
        saved = app.recorder.select_events(aggregate_id)
        assert [e.originator_version for e in saved] == [1, 2, 3]
        indexed = app.recorder.engagement_notifications(  # type: ignore[attr-defined]
            engagement_id, datetime.max.replace(tzinfo=UTC), TimeAxis.RECORDED
        )
        assert [(row.originator_id, row.originator_version) for row in indexed] == [
            (aggregate_id, 2),
            (aggregate_id, 3),
        ]
        assert indexed[0].id < indexed[1].id == app.head()
    finally:
        app.close()


def test_a_save_refused_on_its_idempotency_key_leaves_nothing_and_the_connection_saves_on(
    postgres_schema_url: str,
) -> None:
    """A save is one transaction sent in one round trip: when its last statement,
    the key, fails, the events and index rows before it are not kept, and the
    connection (the pool's only one) is left ready for the next save."""
    app = bootstrap(make_settings(postgres_schema_url, pool_size=1))
    try:
        engagement_id = uuid4()

        def save(aggregate_id: UUID, key: str) -> Sequence[int] | None:
            event, row = event_and_index_row(aggregate_id, 1, engagement_id)
            record = IdempotencyRecord(key, "fingerprint", aggregate_id, 1)
            return app.recorder.insert_events([event], index=[row], idempotency=record)

        first, refused, after = uuid4(), uuid4(), uuid4()
        assert save(first, "k-1") == [1]
        head = app.head()
        for _ in range(3):
            with pytest.raises(IntegrityError):
                save(refused, "k-1")
        assert app.head() == head
        assert app.recorder.select_events(refused) == []
        assert app.recorder.aggregate_kind(refused) is None  # type: ignore[attr-defined]
        positions = save(after, "k-2")
        assert positions is not None and positions[0] > head
        assert app.recorder.aggregate_kind(after) == "test"  # type: ignore[attr-defined]
        key = app.recorder.idempotency_record("k-1")  # type: ignore[attr-defined]
        assert key is not None and key.aggregate_id == first and key.position == 1
    finally:
        app.close()
