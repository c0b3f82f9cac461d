"""Application recorders that keep an event index and idempotency keys beside the events.

Both tables are written inside the recorder's own transaction, so an event, its
index row and the idempotency key of the command that produced it are committed
together or not at all. A second command with the same key, or a second writer of
the same aggregate version, fails on a unique key and changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Composed, Identifier

from application.ports import Child, IdempotencyRecord, IndexedEvent, TimeAxis

INDEX_TABLE = "rapport_event_index"
IDEMPOTENCY_TABLE = "rapport_idempotency_keys"

_TIME_COLUMN = {TimeAxis.RECORDED: "recorded_at", TimeAxis.OCCURRED: "occurred_at"}


class PostgresRecorder(PostgresApplicationRecorder):
    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        schema = Identifier(datastore.schema)
        self._index = SQL("{}.{}").format(schema, Identifier(INDEX_TABLE))
        self._keys = SQL("{}.{}").format(schema, Identifier(IDEMPOTENCY_TABLE))
        self._insert_index = _rendered(
            SQL("INSERT INTO {} VALUES (%s, %s, %s, %s, %s, %s)").format(self._index)
        )
        self._insert_key = _rendered(
            SQL("INSERT INTO {} VALUES (%s, %s, %s, %s, %s)").format(self._keys)
        )
        self.sql_create_statements.extend(
            [
                SQL(
                    "CREATE TABLE IF NOT EXISTS {} ("
                    "aggregate_id uuid NOT NULL, version bigint NOT NULL, kind text NOT NULL, "
                    "engagement_id uuid NOT NULL, recorded_at timestamptz NOT NULL, "
                    "occurred_at timestamptz NOT NULL, PRIMARY KEY (aggregate_id, version))"
                ).format(self._index),
                SQL("CREATE INDEX IF NOT EXISTS {} ON {} (engagement_id) WHERE version = 1").format(
                    Identifier(f"{INDEX_TABLE}_children"), self._index
                ),
                SQL(
                    "CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, "
                    "fingerprint text NOT NULL, aggregate_id uuid NOT NULL, "
                    "version bigint NOT NULL, created_ids text NOT NULL)"
                ).format(self._keys),
            ]
        )

    def _fetch_ids_after_insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        # Written after the events, in the same pipelined transaction: a version
        # conflict fails on the events' own key first, as the library expects, and
        # a failure here surfaces at commit and rolls everything back. The key goes
        # last and unprepared: a statement prepared in a pipeline that then aborts
        # leaves psycopg's cache naming a statement the server never kept.
        notification_ids = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        for row in kwargs.get("index", ()):
            curs.execute(self._insert_index, _index_row(row), prepare=True)
        idempotency: IdempotencyRecord | None = kwargs.get("idempotency")
        if idempotency is not None:
            curs.execute(
                self._insert_key,
                (
                    idempotency.key,
                    idempotency.fingerprint,
                    idempotency.aggregate_id,
                    idempotency.version,
                    _joined(idempotency.created_ids),
                ),
                prepare=False,
            )
        return notification_ids

    def idempotency_record(self, key: str) -> IdempotencyRecord | None:
        row = self._fetch_one(
            SQL(
                "SELECT fingerprint, aggregate_id, version, created_ids FROM {} WHERE key = %s"
            ).format(self._keys),
            (key,),
        )
        if row is None:
            return None
        return IdempotencyRecord(
            key,
            row["fingerprint"],
            row["aggregate_id"],
            row["version"],
            _split(row["created_ids"]),
        )

    def version_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis) -> int | None:
        row = self._fetch_one(
            SQL(
                "SELECT max(version) AS version FROM {} WHERE aggregate_id = %s AND {} <= %s"
            ).format(self._index, Identifier(_TIME_COLUMN[axis])),
            (aggregate_id, at),
        )
        return row["version"] if row else None

    def aggregate_kind(self, aggregate_id: UUID) -> str | None:
        row = self._fetch_one(
            SQL("SELECT kind FROM {} WHERE aggregate_id = %s AND version = 1").format(self._index),
            (aggregate_id,),
        )
        return row["kind"] if row else None

    def children_of(self, engagement_id: UUID) -> Sequence[Child]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                SQL(
                    "SELECT kind, aggregate_id FROM {} WHERE engagement_id = %s AND version = 1 "
                    "AND aggregate_id <> engagement_id ORDER BY recorded_at, aggregate_id"
                ).format(self._index),
                (engagement_id,),
                prepare=True,
            )
            return [Child(row["kind"], row["aggregate_id"]) for row in curs.fetchall()]

    def _fetch_one(self, statement: Any, params: tuple[Any, ...]) -> DictRow | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(statement, params, prepare=True)
            return curs.fetchone()


class SQLiteRecorder(SQLiteApplicationRecorder):
    # SQLite keeps UUIDs as hex text (as the library does for events) and times as
    # ISO 8601 text in UTC with a fixed width, so text order is time order.

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name)

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {INDEX_TABLE} (aggregate_id TEXT NOT NULL, "
            "version INTEGER NOT NULL, kind TEXT NOT NULL, engagement_id TEXT NOT NULL, "
            "recorded_at TEXT NOT NULL, occurred_at TEXT NOT NULL, "
            "PRIMARY KEY (aggregate_id, version)) WITHOUT ROWID",
            f"CREATE INDEX IF NOT EXISTS {INDEX_TABLE}_children ON {INDEX_TABLE} "
            "(engagement_id) WHERE version = 1",
            f"CREATE TABLE IF NOT EXISTS {IDEMPOTENCY_TABLE} (key TEXT PRIMARY KEY, "
            "fingerprint TEXT NOT NULL, aggregate_id TEXT NOT NULL, version INTEGER NOT NULL, "
            "created_ids TEXT NOT NULL)",
        ]

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        idempotency: IdempotencyRecord | None = kwargs.get("idempotency")
        if idempotency is not None:
            c.execute(
                f"INSERT INTO {IDEMPOTENCY_TABLE} VALUES (?, ?, ?, ?, ?)",
                (
                    idempotency.key,
                    idempotency.fingerprint,
                    idempotency.aggregate_id.hex,
                    idempotency.version,
                    _joined(idempotency.created_ids),
                ),
            )
        for row in kwargs.get("index", ()):
            c.execute(
                f"INSERT INTO {INDEX_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
                (
                    row.aggregate_id.hex,
                    row.version,
                    row.kind,
                    row.engagement_id.hex,
                    _sqlite_time(row.recorded_at),
                    _sqlite_time(row.occurred_at),
                ),
            )
        return super()._insert_events(c, stored_events, **kwargs)

    def idempotency_record(self, key: str) -> IdempotencyRecord | None:
        row = self._fetch_one(
            f"SELECT fingerprint, aggregate_id, version, created_ids FROM {IDEMPOTENCY_TABLE} "
            "WHERE key = ?",
            (key,),
        )
        if row is None:
            return None
        return IdempotencyRecord(key, row[0], UUID(row[1]), row[2], _split(row[3]))

    def version_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis) -> int | None:
        row = self._fetch_one(
            f"SELECT max(version) FROM {INDEX_TABLE} "
            f"WHERE aggregate_id = ? AND {_TIME_COLUMN[axis]} <= ?",
            (aggregate_id.hex, _sqlite_time(at)),
        )
        return row[0] if row else None

    def aggregate_kind(self, aggregate_id: UUID) -> str | None:
        row = self._fetch_one(
            f"SELECT kind FROM {INDEX_TABLE} WHERE aggregate_id = ? AND version = 1",
            (aggregate_id.hex,),
        )
        return row[0] if row else None

    def children_of(self, engagement_id: UUID) -> Sequence[Child]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT kind, aggregate_id FROM {INDEX_TABLE} WHERE engagement_id = ? "
                "AND version = 1 AND aggregate_id <> engagement_id "
                "ORDER BY recorded_at, aggregate_id",
                (engagement_id.hex,),
            )
            return [Child(row[0], UUID(row[1])) for row in c.fetchall()]

    def _fetch_one(self, statement: str, params: tuple[Any, ...]) -> Any:
        with self.datastore.transaction(commit=False) as c:
            c.execute(statement, params)
            return c.fetchone()


def _rendered(statement: Composed) -> SQL:
    # Rendered once: psycopg re-walks a composed statement on every execution,
    # which costs more than the insert itself on the hot path of every command.
    return SQL(statement.as_string(None))


def _index_row(row: IndexedEvent) -> tuple[Any, ...]:
    return (
        row.aggregate_id,
        row.version,
        row.kind,
        row.engagement_id,
        row.recorded_at,
        row.occurred_at,
    )


def _joined(ids: tuple[UUID, ...]) -> str:
    return " ".join(str(i) for i in ids)


def _split(ids: str) -> tuple[UUID, ...]:
    return tuple(UUID(i) for i in ids.split())


def _sqlite_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
