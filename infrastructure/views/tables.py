"""The tables of a view generation, and reading and writing their rows.

`view_<name>_<generation>` holds a row per key: the state as JSON and the
view's columns, indexed for filtering. A view with entry fields (dicts keyed by
a child aggregate's id, such as an engagement's open complaints) keeps those
entries out of the state's row, one row each in `view_<name>_<generation>_entries`,
so a batch writes the entries its events touched rather than the whole dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import psycopg
from psycopg import Cursor
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Connection,
    DateTime,
    LargeBinary,
    MetaData,
    Select,
    String,
    Table,
    Uuid,
    and_,
    bindparam,
    cast,
    delete,
    func,
    null,
    select,
    union_all,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeEngine

from application.views.base import View
from infrastructure.sql_times import stored_time
from infrastructure.views.codec import decode_entry, decode_state, encode_state, without_entries

_COLUMN_TYPES: dict[type, TypeEngine[Any]] = {
    str: String(),
    int: BigInteger(),
    bool: Boolean(),
    UUID: Uuid(),
    datetime: DateTime(timezone=True),
}
_POSTGRES_ARRAYS = {
    str: "text",
    int: "bigint",
    bool: "boolean",
    UUID: "uuid",
    datetime: "timestamptz",
}


@dataclass
class Changes:
    """What one batch changes in one view's table."""

    view: View[Any, Any]
    generation: int
    states: dict[str, Any]
    position: int
    # Per key, the entries (child aggregate ids) the batch's events touched.
    touched: dict[str, set[str]] = field(default_factory=dict)

    def entry_rows(self) -> tuple[list[tuple[str, str, str, bytes]], list[tuple[str, str, str]]]:
        """The touched entries to write (key, field, entry, state) and those the
        fold removed (key, field, entry)."""
        written, removed = [], []
        for key, entries in self.touched.items():
            state = self.states[key]
            for name in self.view.entry_fields:
                held = getattr(state, name)
                for entry in entries:
                    if entry in held:
                        written.append((key, name, entry, encode_state(held[entry])))
                    else:
                        removed.append((key, name, entry))
        return written, removed


class ViewTables:
    def __init__(self, metadata: MetaData) -> None:
        self.metadata = metadata
        self._tables: dict[tuple[str, int], tuple[Table, Table | None]] = {}
        self._statements: dict[str, str] = {}  # PostgreSQL writes, rendered once per table

    def rows(self, view: View[Any, Any], number: int) -> Table:
        return self._pair(view, number)[0]

    def entries(self, view: View[Any, Any], number: int) -> Table | None:
        return self._pair(view, number)[1]

    def _pair(self, view: View[Any, Any], number: int) -> tuple[Table, Table | None]:
        key = (view.name, number)
        if key not in self._tables:
            name = f"view_{view.name}_{number}"
            columns = [
                Column(column, _COLUMN_TYPES[kind], index=True)
                for column, kind in view.columns.items()
            ]
            # Prefixed, so they never clash with a view's own column names.
            rows = Table(
                name,
                self.metadata,
                Column("row_key", String, primary_key=True),
                Column("row_state", LargeBinary, nullable=False),
                *columns,
            )
            entries = None
            if view.entry_fields:
                entries = Table(
                    f"{name}_entries",
                    self.metadata,
                    Column("row_key", String, primary_key=True),
                    Column("entry_field", String, primary_key=True),
                    Column("entry_key", String, primary_key=True),
                    Column("entry_state", LargeBinary, nullable=False),
                )
            self._tables[key] = (rows, entries)
        return self._tables[key]

    def create(self, conn: Connection, view: View[Any, Any], number: int) -> None:
        for table in self._pair(view, number):
            if table is not None:
                table.create(conn, checkfirst=True)

    def drop(self, conn: Connection, view: View[Any, Any], number: int) -> None:
        for table in self._pair(view, number):
            if table is not None:
                table.drop(conn, checkfirst=True)
                self.metadata.remove(table)
        del self._tables[(view.name, number)]

    # Reading

    def load(
        self, conn: Connection, view: View[Any, Any], number: int, keys: Iterable[str]
    ) -> dict[str, Any]:
        """The states stored under `keys`, entries included."""
        if conn.dialect.name == "postgresql":
            # Through the driver, with SQL rendered once per table: reading states
            # by key is what every page does, and SQLAlchemy's execution machinery
            # cost more than the query itself.
            driver = conn.connection.driver_connection
            assert isinstance(driver, psycopg.Connection)
            found = driver.execute(self._postgres_load(view, number), {"keys": list(keys)})
            heads: list[tuple[str, bytes]] = []
            entries: list[tuple[str, str, str, bytes]] = []
            for key, data, name, entry in found:
                if name is None:
                    heads.append((key, data))
                else:
                    entries.append((key, name, entry, data))
            return _assembled(view, heads, entries)
        rows = self.rows(view, number)
        states: dict[str, Any] = {}
        for chunk in _chunks(list(keys), 500):
            query = select(rows.c.row_key, rows.c.row_state).where(rows.c.row_key.in_(chunk))
            states.update(self.read(conn, view, number, query))
        return states

    def read(
        self,
        conn: Connection,
        view: View[Any, Any],
        number: int,
        heads: Select[Any],
        order: ColumnElement[Any] | None = None,
    ) -> dict[str, Any]:
        """The states `heads` selects (`row_key`, `row_state`), in `order` (by
        key when None), with their entries.

        In one statement: a state and its entries come from one snapshot, never
        from either side of a batch the projector commits between two reads."""
        rows = self.rows(view, number)
        order = rows.c.row_key if order is None else order
        entries = self.entries(view, number)
        if entries is None:
            found = conn.execute(heads.order_by(order))
            return {key: decode_state(view.state_type, data) for key, data in found}
        page = heads.add_columns(func.row_number().over(order_by=order).label("ordinal"))
        page_cte = page.order_by(order).cte("page")
        text_null = cast(null(), String)
        both = union_all(
            select(
                page_cte.c.row_key,
                page_cte.c.row_state.label("data"),
                page_cte.c.ordinal,
                text_null.label("entry_field"),
                text_null.label("entry_key"),
            ),
            select(
                entries.c.row_key,
                entries.c.entry_state,
                cast(null(), BigInteger),
                entries.c.entry_field,
                entries.c.entry_key,
            ).where(entries.c.row_key.in_(select(page_cte.c.row_key))),
        )
        numbered: list[tuple[int, str, bytes]] = []
        found_entries: list[tuple[str, str, str, bytes]] = []
        for row in conn.execute(both):
            if row.entry_field is None:
                numbered.append((row.ordinal, row.row_key, row.data))
            else:
                found_entries.append((row.row_key, row.entry_field, row.entry_key, row.data))
        in_order = [(key, data) for _, key, data in sorted(numbered)]
        return _assembled(view, in_order, found_entries)

    def stored(self, conn: Connection, view: View[Any, Any], number: int) -> dict[str, bytes]:
        """Every row as stored: key to encoded state, and `key/field/entry` to
        encoded entry."""
        rows = self.rows(view, number)
        query = select(rows.c.row_key, rows.c.row_state)
        found = {key: bytes(data) for key, data in conn.execute(query)}
        entries = self.entries(view, number)
        if entries is not None:
            c = entries.c
            every = select(c.row_key, c.entry_field, c.entry_key, c.entry_state)
            for row in conn.execute(every):
                found[f"{row.row_key}/{row.entry_field}/{row.entry_key}"] = bytes(row.entry_state)
        return found

    # Writing

    def write_postgres(self, cursor: Cursor[Any], change: Changes) -> None:
        """Queue the batch's rows on a cursor in pipeline mode: one statement
        per table, the rows travelling as one array per column, which `unnest`
        turns back into rows."""
        rows = self.rows(change.view, change.generation)
        if change.states:
            records = [self._row(change.view, key, state) for key, state in change.states.items()]
            cursor.execute(self._postgres_upsert(rows, change.view), as_columns(records))
        entries = self.entries(change.view, change.generation)
        if entries is None or not change.touched:
            return
        written, removed = change.entry_rows()
        if written:
            cursor.execute(self._postgres_entry_upsert(entries), as_columns(written))
        if removed:
            cursor.execute(self._postgres_entry_delete(entries), as_columns(removed))

    def write_sqlite(self, conn: Connection, change: Changes) -> None:
        rows = self.rows(change.view, change.generation)
        if change.states:
            names = ["row_key", "row_state", *change.view.columns]
            records = [self._row(change.view, key, state) for key, state in change.states.items()]
            _sqlite_upsert(conn, rows, [dict(zip(names, r, strict=True)) for r in records])
        entries = self.entries(change.view, change.generation)
        if entries is None or not change.touched:
            return
        written, removed = change.entry_rows()
        names = ["row_key", "entry_field", "entry_key", "entry_state"]
        if written:
            _sqlite_upsert(conn, entries, [dict(zip(names, r, strict=True)) for r in written])
        if removed:
            c = entries.c
            match = and_(
                c.row_key == bindparam("k"),
                c.entry_field == bindparam("f"),
                c.entry_key == bindparam("e"),
            )
            gone = [{"k": k, "f": f, "e": e} for k, f, e in removed]
            conn.execute(delete(entries).where(match), gone)

    @staticmethod
    def _row(view: View[Any, Any], key: str, state: Any) -> tuple[Any, ...]:
        head = without_entries(state, view.entry_fields)
        values = view.column_values(state)
        return (key, encode_state(head), *(_column(values[name]) for name in view.columns))

    def _postgres_load(self, view: View[Any, Any], number: int) -> str:
        rows, entries = self._pair(view, number)
        name = f"{rows.name} load"
        if name not in self._statements:
            statement = (
                f"SELECT row_key, row_state, NULL, NULL FROM {_qualified(rows)} "
                "WHERE row_key = ANY(%(keys)s)"
            )
            if entries is not None:
                # One statement, so a state and its entries share one snapshot.
                statement += (
                    " UNION ALL SELECT row_key, entry_state, entry_field, entry_key "
                    f"FROM {_qualified(entries)} WHERE row_key = ANY(%(keys)s)"
                )
            self._statements[name] = statement
        return self._statements[name]

    def _postgres_upsert(self, table: Table, view: View[Any, Any]) -> str:
        if table.name not in self._statements:
            casts = ["text", "bytea", *(_POSTGRES_ARRAYS[kind] for kind in view.columns.values())]
            names = ["row_key", "row_state", *view.columns]
            self._statements[table.name] = _unnest_upsert(table, names, casts, 1)
        return self._statements[table.name]

    def _postgres_entry_upsert(self, table: Table) -> str:
        if table.name not in self._statements:
            names = ["row_key", "entry_field", "entry_key", "entry_state"]
            casts = ["text", "text", "text", "bytea"]
            self._statements[table.name] = _unnest_upsert(table, names, casts, 3)
        return self._statements[table.name]

    def _postgres_entry_delete(self, table: Table) -> str:
        name = f"{table.name} delete"
        if name not in self._statements:
            self._statements[name] = (
                f"DELETE FROM {_qualified(table)} "
                "WHERE (row_key, entry_field, entry_key) IN "
                "(SELECT * FROM unnest(%b::text[], %b::text[], %b::text[]))"
            )
        return self._statements[name]


def _assembled(
    view: View[Any, Any],
    heads: Iterable[tuple[str, bytes]],
    entries: Iterable[tuple[str, str, str, bytes]],
) -> dict[str, Any]:
    """States decoded from their rows, in the rows' order, with their entries put back."""
    states = {key: decode_state(view.state_type, data) for key, data in heads}
    for key, name, entry, data in entries:
        getattr(states[key], name)[entry] = decode_entry(view.state_type, name, data)
    return states


def _unnest_upsert(table: Table, names: Sequence[str], casts: Sequence[str], keys: int) -> str:
    quoted = [f'"{name}"' for name in names]
    return (
        f"INSERT INTO {_qualified(table)} ({', '.join(quoted)}) "
        f"SELECT * FROM unnest({', '.join(f'%b::{cast}[]' for cast in casts)}) "
        f"ON CONFLICT ({', '.join(quoted[:keys])}) DO UPDATE SET "
        + ", ".join(f"{name} = EXCLUDED.{name}" for name in quoted[keys:])
    )


def _qualified(table: Table) -> str:
    return f'"{table.schema}"."{table.name}"' if table.schema else f'"{table.name}"'


def as_columns(records: Sequence[Sequence[Any]]) -> tuple[list[Any], ...]:
    # Binary parameters (%b): arrays of bytes, UUIDs and text cost far less to
    # send than as escaped text.
    return tuple(list(column) for column in zip(*records, strict=True))


def _sqlite_upsert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    statement = sqlite.insert(table)
    keys = list(table.primary_key.columns)
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={c.name: statement.excluded[c.name] for c in table.columns if not c.primary_key},
    )
    for chunk in _chunks(rows, 1000):
        conn.execute(statement, chunk)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _column(value: Any) -> Any:
    if isinstance(value, datetime):
        return stored_time(value)
    if isinstance(value, str):
        # PostgreSQL's text holds no NUL, which an event recorded before text was
        # checked may carry; replaced alike on SQLite, so filters read the same on
        # both. The state's JSON keeps the text exactly.
        return value.replace("\x00", "\ufffd")
    return value
