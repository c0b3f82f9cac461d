"""The SQLite application recorder, with the event index and idempotency keys.

SQLite keeps UUIDs as hex text (as the library does for events) and times as
ISO 8601 text in UTC with a fixed width, so text order is time order. See the
PostgreSQL recorder for why these tables share the events' transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Notification, StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from application.ports import Child, IdempotencyRecord, TimeAxis
from infrastructure.event_store.index import (
    IDEMPOTENCY_TABLE,
    INDEX_TABLE,
    TIME_COLUMN,
    index_rows,
    joined_ids,
    split_ids,
)


class SQLiteRecorder(SQLiteApplicationRecorder):
    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name)

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {INDEX_TABLE} (aggregate_id TEXT NOT NULL, "
            "version INTEGER NOT NULL, kind TEXT NOT NULL, engagement_id TEXT NOT NULL, "
            "recorded_at TEXT NOT NULL, occurred_at TEXT NOT NULL, position INTEGER NOT NULL, "
            "PRIMARY KEY (aggregate_id, version)) WITHOUT ROWID",
            f"CREATE UNIQUE INDEX IF NOT EXISTS {INDEX_TABLE}_position ON {INDEX_TABLE} (position)",
            f"CREATE INDEX IF NOT EXISTS {INDEX_TABLE}_engagement "
            f"ON {INDEX_TABLE} (engagement_id, position)",
            f"CREATE TABLE IF NOT EXISTS {IDEMPOTENCY_TABLE} (key TEXT PRIMARY KEY, "
            "fingerprint TEXT NOT NULL, aggregate_id TEXT NOT NULL, version INTEGER NOT NULL, "
            "created_ids TEXT NOT NULL)",
        ]

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs)
        for row in index_rows(kwargs.get("index", ()), positions):
            c.execute(f"INSERT INTO {INDEX_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)", _sqlite_row(row))
        idempotency: IdempotencyRecord | None = kwargs.get("idempotency")
        if idempotency is not None:
            c.execute(
                f"INSERT INTO {IDEMPOTENCY_TABLE} VALUES (?, ?, ?, ?, ?)",
                (
                    idempotency.key,
                    idempotency.fingerprint,
                    idempotency.aggregate_id.hex,
                    idempotency.version,
                    joined_ids(idempotency.created_ids),
                ),
            )
        return positions

    def idempotency_record(self, key: str) -> IdempotencyRecord | None:
        rows = self._select(
            "SELECT k.fingerprint, k.aggregate_id, k.version, k.created_ids, i.position "
            f"FROM {IDEMPOTENCY_TABLE} k LEFT JOIN {INDEX_TABLE} i "
            "ON i.aggregate_id = k.aggregate_id AND i.version = k.version WHERE k.key = ?",
            (key,),
        )
        if not rows:
            return None
        fingerprint, aggregate_id, version, created_ids, position = rows[0]
        return IdempotencyRecord(
            key, fingerprint, UUID(aggregate_id), version, split_ids(created_ids), position
        )

    def version_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis) -> int | None:
        rows = self._select(
            f"SELECT max(version) FROM {INDEX_TABLE} "
            f"WHERE aggregate_id = ? AND {TIME_COLUMN[axis]} <= ?",
            (aggregate_id.hex, sqlite_time(at)),
        )
        version: int | None = rows[0][0]
        return version

    def aggregate_kind(self, aggregate_id: UUID) -> str | None:
        rows = self._select(
            f"SELECT kind FROM {INDEX_TABLE} WHERE aggregate_id = ? AND version = 1",
            (aggregate_id.hex,),
        )
        return rows[0][0] if rows else None

    def children_of(self, engagement_id: UUID) -> Sequence[Child]:
        rows = self._select(
            f"SELECT kind, aggregate_id FROM {INDEX_TABLE} WHERE engagement_id = ? "
            "AND version = 1 AND aggregate_id <> engagement_id ORDER BY position",
            (engagement_id.hex,),
        )
        return [Child(kind, UUID(aggregate_id)) for kind, aggregate_id in rows]

    def logged_notifications(
        self, after: int, limit: int, stop: int | None = None
    ) -> Sequence[tuple[Notification, UUID | None]]:
        rows = self._select(
            "SELECT e.rowid, e.originator_id, e.originator_version, e.topic, e.state, "
            f"i.engagement_id FROM {self.events_table_name} e "
            f"LEFT JOIN {INDEX_TABLE} i ON i.position = e.rowid "
            "WHERE e.rowid > ? AND e.rowid <= ? ORDER BY e.rowid LIMIT ?",
            (after, _LAST_POSITION if stop is None else stop, limit),
        )
        return [(_notification(row[:5]), None if row[5] is None else UUID(row[5])) for row in rows]

    def aggregates_of(self, kind: str) -> Sequence[UUID]:
        rows = self._select(
            f"SELECT aggregate_id FROM {INDEX_TABLE} WHERE kind = ? AND version = 1 "
            "ORDER BY position",
            (kind,),
        )
        return [UUID(aggregate_id) for (aggregate_id,) in rows]

    def positions_of_created(self, kind: str, start: datetime, end: datetime) -> Sequence[int]:
        rows = self._select(
            f"SELECT position FROM {INDEX_TABLE} WHERE aggregate_id IN (SELECT aggregate_id "
            f"FROM {INDEX_TABLE} WHERE kind = ? AND version = 1 AND occurred_at >= ? "
            "AND occurred_at < ?) ORDER BY position",
            (kind, sqlite_time(start), sqlite_time(end)),
        )
        return [position for (position,) in rows]

    def engagement_notifications(
        self,
        engagement_id: UUID,
        until: datetime,
        axis: TimeAxis,
        after: int = 0,
        topics: Collection[str] | None = None,
    ) -> Sequence[Notification]:
        wanted = [] if topics is None else sorted(topics)
        of_topics = "" if topics is None else f" AND e.topic IN ({', '.join('?' * len(wanted))})"
        rows = self._select(
            "SELECT e.rowid, e.originator_id, e.originator_version, e.topic, e.state "
            f"FROM {INDEX_TABLE} i JOIN {self.events_table_name} e ON e.rowid = i.position "
            f"WHERE i.engagement_id = ? AND i.position > ? AND i.{TIME_COLUMN[axis]} <= ?"
            f"{of_topics} ORDER BY i.position",
            (engagement_id.hex, after, sqlite_time(until), *wanted),
        )
        return [_notification(row) for row in rows]

    def notifications_at(self, positions: Sequence[int]) -> Sequence[Notification]:
        found: list[Notification] = []
        for start in range(0, len(positions), 500):
            chunk = list(positions[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            rows = self._select(
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {self.events_table_name} WHERE rowid IN ({marks})",
                tuple(chunk),
            )
            found += [_notification(row) for row in rows]
        return sorted(found, key=lambda n: n.id)

    def _select(self, statement: str, params: tuple[Any, ...]) -> list[Any]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, params)
            return list(c.fetchall())


_LAST_POSITION = 2**63 - 1  # SQLite's largest rowid: "no end" for a range of positions


def _notification(row: Sequence[Any]) -> Notification:
    position, originator_id, version, topic, state = row
    return Notification(
        id=position,
        originator_id=UUID(originator_id),
        originator_version=version,
        topic=topic,
        state=state,
    )


def sqlite_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _sqlite_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    aggregate_id, version, kind, engagement_id, recorded_at, occurred_at, position = row
    return (
        aggregate_id.hex,
        version,
        kind,
        engagement_id.hex,
        sqlite_time(recorded_at),
        sqlite_time(occurred_at),
        position,
    )
