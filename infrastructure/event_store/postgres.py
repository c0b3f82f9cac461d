"""The PostgreSQL application recorder, with the event index and idempotency keys,
and the factory that makes its connections.

Both tables are written inside the recorder's own transaction, so an event, its
index row and the idempotency key of the command that produced it are committed
together or not at all. A second command with the same key, or a second writer
of the same aggregate version, fails on a unique key and changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import eventsourcing.postgres
from eventsourcing.persistence import InterfaceError, Notification, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import Environment, EnvType, retry, strtobool
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Composed, Identifier

from application.ports import Child, IdempotencyRecord, TimeAxis
from infrastructure.event_store.index import (
    IDEMPOTENCY_TABLE,
    INDEX_TABLE,
    TIME_COLUMN,
    index_columns,
    joined_ids,
    split_ids,
)

SETUP_LOCK = 0x72617070  # any fixed number, the same in every process


class PostgresFactory(eventsourcing.postgres.PostgresFactory):
    """The library's factory, with one more key: `PREPARED_STATEMENTS=n` gives
    every connection of the pool psycopg's `prepare_threshold=None`, with which
    it prepares no statement, not even one the library asks it to prepare."""

    PREPARED_STATEMENTS = "PREPARED_STATEMENTS"

    def __init__(self, env: Environment | EnvType | None):
        super().__init__(env)
        if not strtobool(self.env.get(self.PREPARED_STATEMENTS) or "y"):
            # The pool has not opened yet: each connection it makes takes these.
            kwargs = self.datastore.pool.kwargs
            assert isinstance(kwargs, dict)  # as the library's datastore makes it
            kwargs["prepare_threshold"] = None


class PostgresRecorder(PostgresApplicationRecorder):
    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        schema = Identifier(datastore.schema)
        self._index = SQL("{}.{}").format(schema, Identifier(INDEX_TABLE))
        self._keys = SQL("{}.{}").format(schema, Identifier(IDEMPOTENCY_TABLE))
        self._events = SQL("{}.{}").format(schema, Identifier(events_table_name))
        self._rendered: dict[str, SQL] = {}  # each statement of `_select`, rendered once
        # An event's index row takes its position from the event's own row, in
        # the statement after the events' insert: see `_insert_stored_events`.
        self._insert_index = _rendered(
            SQL(
                "INSERT INTO {} SELECT %s, %s, %s, %s, %s, %s, notification_id FROM {} "
                "WHERE originator_id = %s AND originator_version = %s"
            ).format(self._index, self._events)
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
                    "occurred_at timestamptz NOT NULL, position bigint NOT NULL, "
                    "PRIMARY KEY (aggregate_id, version))"
                ).format(self._index),
                SQL("CREATE UNIQUE INDEX IF NOT EXISTS {} ON {} (position)").format(
                    Identifier(f"{INDEX_TABLE}_position"), self._index
                ),
                SQL("CREATE INDEX IF NOT EXISTS {} ON {} (engagement_id, position)").format(
                    Identifier(f"{INDEX_TABLE}_engagement"), self._index
                ),
                SQL(
                    "CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, "
                    "fingerprint text NOT NULL, aggregate_id uuid NOT NULL, "
                    "version bigint NOT NULL, created_ids text NOT NULL)"
                ).format(self._keys),
            ]
        )

    def create_table(self) -> None:
        # The library's setup replaces a database function, which fails with
        # "tuple concurrently updated" when two processes start together: they
        # take turns. The turn is a transaction's advisory lock, held by a
        # connection of its own while the library sets up on others: through a
        # pooler in transaction mode, a session's lock would stay behind on
        # whichever server connection took it. It is tried, not waited for in
        # the database, so a waiter holds no connection the holder's setup needs.
        with self.datastore.get_connection() as conn:
            pause = 0.01
            while True:
                with conn.transaction():
                    taken = conn.execute(
                        "SELECT pg_try_advisory_xact_lock(%s) AS taken", (SETUP_LOCK,)
                    ).fetchone()
                    if taken and taken["taken"]:
                        # Idle while the setup runs, which may wait for locks on
                        # the tables: not cut off by the library's idle timeout.
                        conn.execute("SET LOCAL idle_in_transaction_session_timeout = 0")
                        super().create_table()
                        return
                time.sleep(pause)
                pause = min(pause * 2, 0.2)

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """Saves in one round trip: the transaction, from BEGIN to COMMIT, goes to
        the server in one pipeline and the client waits once, at the end.

        The library waits twice: once for the events' positions, then again for
        the commit. Its table lock (which keeps commit order equal to position
        order) is held in between, across a round trip and however long this
        thread then waits for the interpreter lock, so concurrent writers queue
        behind a client rather than behind the database. Here the lock is held
        only while the server runs the statements and flushes the commit. The
        positions are read once everything has answered."""
        if not stored_events:
            return None
        failure: Exception | None = None
        with self.datastore.get_connection() as conn:
            assert conn.autocommit  # the transaction is the statements below
            with conn.pipeline() as pipeline, conn.cursor() as control, conn.cursor() as curs:
                try:
                    control.execute("BEGIN")
                    # The table lock, NOTIFY, the events' insert (its result: the
                    # positions, read from `curs`), then the index rows.
                    self._insert_stored_events(curs, stored_events, **kwargs)
                    self._insert_idempotency_key(control, kwargs.get("idempotency"))
                    control.execute("COMMIT")
                    # The first statement that failed raises here (a version
                    # conflict on the events' key, a key used twice), and the
                    # server skipped everything after it, COMMIT included.
                    pipeline.sync()
                    positions = self._fetch_ids_after_insert_events(curs, stored_events)
                except Exception as error:  # raised once the pipeline has closed
                    failure = error
            if failure is not None:
                if not conn.broken:  # a lost connection has no transaction to end
                    conn.rollback()  # the failed transaction is still open on the server
                raise failure
        return positions

    def _insert_stored_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        super()._insert_stored_events(curs, stored_events, **kwargs)
        index = kwargs.get("index", ())
        if not index:
            return
        # A cursor of their own: the positions are read from `curs`.
        with curs.connection.cursor() as rows:
            for row in index:
                rows.execute(
                    self._insert_index,
                    # The position is read from the event's row, found by its key.
                    (*index_columns(row), row.aggregate_id, row.version),
                    # Prepared, unlike the key below: when the events' insert
                    # fails on a version conflict, this statement is aborted
                    # before the server parses it and psycopg drops it from its
                    # cache (tests/integration/test_concurrency.py checks it).
                    prepare=True,
                )

    def _insert_idempotency_key(
        self, curs: Cursor[DictRow], idempotency: IdempotencyRecord | None
    ) -> None:
        # Unprepared: a statement prepared in a pipeline and then failing (a key
        # used twice) would leave psycopg's cache naming a statement the server
        # kept, or the other way round.
        if idempotency is not None:
            curs.execute(
                self._insert_key,
                (
                    idempotency.key,
                    idempotency.fingerprint,
                    idempotency.aggregate_id,
                    idempotency.version,
                    joined_ids(idempotency.created_ids),
                ),
                prepare=False,
            )

    def idempotency_record(self, key: str) -> IdempotencyRecord | None:
        rows = self._select(
            "SELECT k.fingerprint, k.aggregate_id, k.version, k.created_ids, i.position "
            "FROM {keys} k LEFT JOIN {index} i "
            "ON i.aggregate_id = k.aggregate_id AND i.version = k.version WHERE k.key = %s",
            (key,),
        )
        if not rows:
            return None
        row = rows[0]
        return IdempotencyRecord(
            key,
            row["fingerprint"],
            row["aggregate_id"],
            row["version"],
            split_ids(row["created_ids"]),
            row["position"],
        )

    def version_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis) -> int | None:
        rows = self._select(
            "SELECT max(version) AS version FROM {index} "
            f"WHERE aggregate_id = %s AND {TIME_COLUMN[axis]} <= %s",
            (aggregate_id, at),
        )
        version: int | None = rows[0]["version"]
        return version

    def aggregate_kind(self, aggregate_id: UUID) -> str | None:
        rows = self._select(
            "SELECT kind FROM {index} WHERE aggregate_id = %s AND version = 1", (aggregate_id,)
        )
        return rows[0]["kind"] if rows else None

    def children_of(self, engagement_id: UUID) -> Sequence[Child]:
        rows = self._select(
            "SELECT kind, aggregate_id FROM {index} WHERE engagement_id = %s AND version = 1 "
            "AND aggregate_id <> engagement_id ORDER BY position",
            (engagement_id,),
        )
        return [Child(row["kind"], row["aggregate_id"]) for row in rows]

    def logged_notifications(
        self, after: int, limit: int, stop: int | None = None
    ) -> Sequence[tuple[Notification, UUID | None]]:
        # The engagement is looked up row by row: a join lets the planner hash
        # the whole index against a range it underestimates, at every batch.
        # Without `stop`, no upper bound, which keeps the plan an index scan.
        until, params = (
            ("", (after, limit))
            if stop is None
            else (" AND e.notification_id <= %s", (after, stop, limit))
        )
        rows = self._select(
            "SELECT e.notification_id, e.originator_id, e.originator_version, e.topic, "
            "e.state, (SELECT i.engagement_id FROM {index} i "
            "WHERE i.position = e.notification_id) AS engagement_id FROM {events} e "
            f"WHERE e.notification_id > %s{until} ORDER BY e.notification_id LIMIT %s",
            params,
        )
        return [(_notification(row), row["engagement_id"]) for row in rows]

    def aggregates_of(self, kind: str) -> Sequence[UUID]:
        rows = self._select(
            "SELECT aggregate_id FROM {index} WHERE kind = %s AND version = 1 ORDER BY position",
            (kind,),
        )
        return [row["aggregate_id"] for row in rows]

    def positions_of_created(self, kind: str, start: datetime, end: datetime) -> Sequence[int]:
        rows = self._select(
            "SELECT position FROM {index} WHERE aggregate_id IN (SELECT aggregate_id "
            "FROM {index} WHERE kind = %s AND version = 1 AND occurred_at >= %s "
            "AND occurred_at < %s) ORDER BY position",
            (kind, start, end),
        )
        return [row["position"] for row in rows]

    def engagement_notifications(
        self,
        engagement_id: UUID,
        until: datetime,
        axis: TimeAxis,
        after: int = 0,
        topics: Collection[str] | None = None,
    ) -> Sequence[Notification]:
        # One round trip: the index's positions, gathered into an array, then the
        # events at them by key. A join lets the planner hash the whole events
        # table against an engagement's positions once the log is long; the
        # array keeps it to one key lookup per event. Topics are filtered
        # before the states travel.
        of_topics, params = (
            ("", (engagement_id, after, until))
            if topics is None
            else (" AND topic = ANY(%s)", (engagement_id, after, until, list(topics)))
        )
        rows = self._select(
            "SELECT notification_id, originator_id, originator_version, topic, state "
            "FROM {events} WHERE notification_id = ANY(ARRAY(SELECT position FROM {index} "
            f"WHERE engagement_id = %s AND position > %s AND {TIME_COLUMN[axis]} <= %s))"
            f"{of_topics} ORDER BY notification_id",
            params,
        )
        return [_notification(row) for row in rows]

    def notifications_at(self, positions: Sequence[int]) -> Sequence[Notification]:
        query = SQL(
            "SELECT notification_id, originator_id, originator_version, topic, state "
            "FROM {}.{} WHERE notification_id = ANY(%s) ORDER BY notification_id"
        ).format(Identifier(self.datastore.schema), Identifier(self.events_table_name))
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(query, (list(positions),))
            return [_notification(row) for row in curs.fetchall()]

    def _select(self, statement: str, params: tuple[Any, ...]) -> list[DictRow]:
        query = self._rendered.get(statement)
        if query is None:
            tables = {"index": self._index, "keys": self._keys, "events": self._events}
            query = self._rendered[statement] = _rendered(SQL(statement).format(**tables))
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(query, params, prepare=True)
            return curs.fetchall()


def _notification(row: DictRow) -> Notification:
    return Notification(
        id=row["notification_id"],
        originator_id=row["originator_id"],
        originator_version=row["originator_version"],
        topic=row["topic"],
        state=bytes(row["state"]),
    )


def _rendered(statement: Composed) -> SQL:
    # Rendered once: psycopg re-walks a composed statement on every execution,
    # which costs more than the insert itself on the hot path of every command.
    return SQL(statement.as_string(None))
