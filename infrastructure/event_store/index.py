"""What the PostgreSQL and SQLite recorders share about the event index."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from application.ports import IndexedEvent, TimeAxis

INDEX_TABLE = "rapport_event_index"
IDEMPOTENCY_TABLE = "rapport_idempotency_keys"
TIME_COLUMN = {TimeAxis.RECORDED: "recorded_at", TimeAxis.OCCURRED: "occurred_at"}


def index_rows(
    index: Sequence[IndexedEvent], positions: Sequence[int] | None
) -> Iterator[tuple[Any, ...]]:
    """Index rows in column order, each with the log position its event was given.

    The application builds the index from the same pending events, in the same
    order, as the events being inserted."""
    if not index:
        return
    if positions is None or len(positions) != len(index):
        raise ValueError("every indexed event needs its log position")
    for row, position in zip(index, positions, strict=True):
        yield (*index_columns(row), position)


def index_columns(row: IndexedEvent) -> tuple[Any, ...]:
    """An index row's columns in table order, all but the last: its log position."""
    return (
        row.aggregate_id,
        row.version,
        row.kind,
        row.engagement_id,
        row.recorded_at,
        row.occurred_at,
    )


def joined_ids(ids: tuple[UUID, ...]) -> str:
    return " ".join(str(i) for i in ids)


def split_ids(ids: str) -> tuple[UUID, ...]:
    return tuple(UUID(i) for i in ids.split())
