"""Projector locks on PostgreSQL: one holder per view within a schema, and none
shared between deployments in different schemas of one database."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from infrastructure.views.engine import view_engine
from infrastructure.views.store import ViewStore
from tests.conftest import fresh_schema

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
