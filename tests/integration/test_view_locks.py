"""Projector locks on PostgreSQL: one holder per view within a schema, and none
shared between deployments in different schemas of one database; a lock that
goes with its database session is noticed, and a worker takes it again. Turns
at a piece of setup: one at a time, the lock gone with the turn's transaction."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from application.service import Rapport
from infrastructure.views.engine import view_engine
from infrastructure.views.locks import LOST_CHECK_SECONDS, lock_key, turn
from infrastructure.views.maintenance import verify
from infrastructure.views.store import ViewStore
from interfaces.bootstrap import ViewRuntime
from tests.builders import open_engagement
from tests.conftest import fresh_schema
from tests.processes import wait_until

pytestmark = pytest.mark.postgres


def store_on(url: str) -> ViewStore:
    engine, schema = view_engine(url)
    return ViewStore(engine, schema)


@pytest.fixture
def second_schema_url(postgres_schema_url: str) -> Iterator[str]:
    with fresh_schema() as url:
        yield url


def acquires_within(store: ViewStore, name: str, seconds: float) -> bool:
    acquired = threading.Event()

    def take() -> None:
        with store.exclusive([name]):
            acquired.set()

    threading.Thread(target=take, daemon=True).start()
    return acquired.wait(seconds)


def test_a_view_lock_held_in_one_schema_does_not_block_another_schema(
    postgres_schema_url: str, second_schema_url: str
) -> None:
    first, second = store_on(postgres_schema_url), store_on(second_schema_url)
    try:
        with first.exclusive(["live:progress"]):
            assert acquires_within(second, "live:progress", 5.0)
    finally:
        first.engine.dispose()
        second.engine.dispose()


def test_a_view_lock_held_in_a_schema_blocks_a_second_holder_there(
    postgres_schema_url: str,
) -> None:
    first, second = store_on(postgres_schema_url), store_on(postgres_schema_url)
    try:
        with first.exclusive(["live:progress"]):
            assert not acquires_within(second, "live:progress", 1.0)
        assert acquires_within(second, "live:progress", 5.0)
    finally:
        first.engine.dispose()
        second.engine.dispose()


def end_lock_sessions(store: ViewStore, name: str) -> int:
    """Ends the database sessions holding `name`, as a restart or failover
    would; how many there were."""
    key = lock_key(store.metadata.schema, name)
    query = text(
        "SELECT pg_terminate_backend(pid) FROM pg_locks "
        "WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = :key"
    )
    with store.engine.connect() as conn:
        return len(conn.execute(query, {"key": key}).all())


def test_a_holder_learns_within_seconds_that_its_lock_went_with_its_session(
    postgres_schema_url: str,
) -> None:
    first, second = store_on(postgres_schema_url), store_on(postgres_schema_url)
    lost = threading.Event()
    try:
        with first.exclusive(["live:progress"], lost=lost):
            assert not lost.wait(LOST_CHECK_SECONDS * 1.5)  # held, and checked meanwhile
            assert end_lock_sessions(first, "live:progress") == 1
            assert lost.wait(LOST_CHECK_SECONDS * 3)
            assert acquires_within(second, "live:progress", 5.0)  # it is free
        # Leaving needs no unlock on a session that is gone, and raises nothing.
    finally:
        first.engine.dispose()
        second.engine.dispose()


def test_a_projection_worker_that_loses_its_lock_takes_it_again_and_goes_on(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, _ = pg
    worker = runtime.worker(["audit"])
    worker.start()
    try:
        wait_until(worker.following.is_set, timeout=30)
        open_engagement(app)
        wait_until(lambda: runtime.store.live_positions()["audit"] == app.head())
        assert end_lock_sessions(runtime.store, "live:audit") == 1
        worker.following.clear()
        wait_until(worker.following.is_set, timeout=30)  # following again, with the lock
        open_engagement(app)
        wait_until(lambda: runtime.store.live_positions()["audit"] == app.head())
        assert verify(app, runtime.store, runtime.select(["audit"])) == []
    finally:
        worker.stop(timeout=10)


def test_a_turn_waits_for_the_one_before_it_and_leaves_no_lock_behind(
    postgres_schema_url: str,
) -> None:
    first, second = store_on(postgres_schema_url), store_on(postgres_schema_url)
    schema = first.metadata.schema
    second_had_its_turn = threading.Event()

    def take_a_turn() -> None:
        with turn(second.engine, "tokens-table", schema=schema):
            second_had_its_turn.set()

    try:
        with turn(first.engine, "tokens-table", schema=schema) as conn:
            conn.execute(text("SELECT 1"))
            threading.Thread(target=take_a_turn, daemon=True).start()
            assert not second_had_its_turn.wait(1.0)
        assert second_had_its_turn.wait(5.0)
        held = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :key")
        with first.engine.connect() as conn:
            key = lock_key(schema, "tokens-table")
            assert conn.execute(held, {"key": key}).scalar() == 0
    finally:
        first.engine.dispose()
        second.engine.dispose()
