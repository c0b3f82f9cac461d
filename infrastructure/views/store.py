"""SQL tables for the views, and the tracking that makes every event count once.

Each view has one table per generation, `view_<name>_<generation>`: a row per
key with the fold's state as JSON plus the view's declared columns, indexed for
filtering. The catalog records, per view and generation, the log position the
table has processed and whether it is the live one. A table's rows and its
position are written in one transaction, so a crash loses nothing and repeats
nothing. A rebuild fills the next generation while the live one keeps serving,
then switches the catalog over: blue-green, with no hand-written migrations.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Uuid,
    and_,
    delete,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeEngine

from application.views.base import View
from infrastructure.views.codec import decode_state, encode_state
from infrastructure.views.locks import exclusive

_COLUMN_TYPES: dict[type, TypeEngine[Any]] = {
    str: String(),
    int: BigInteger(),
    bool: Boolean(),
    UUID: Uuid(),
    datetime: DateTime(timezone=True),
}


@dataclass(frozen=True)
class Generation:
    view: str
    number: int
    position: int
    live: bool


@dataclass
class Changes:
    """What one batch changes in one view's table."""

    view: View[Any, Any]
    generation: int
    states: dict[str, Any]
    position: int


class GenerationDropped(Exception):
    """The generation a writer targets is gone: a rebuild switched the view to a
    new table. A batch with no rows for that view would not notice otherwise."""

    def __init__(self, view: str, generation: int) -> None:
        super().__init__(f"generation {generation} of view {view} was dropped")


def schema_fingerprint(view: View[Any, Any]) -> str:
    """Changes when the view's columns or its state's shape change: time to rebuild."""
    shape = repr(sorted((k, t.__name__) for k, t in view.columns.items()))
    shape += repr(getattr(view.state_type, "__annotations__", {}))
    return hashlib.sha256(shape.encode()).hexdigest()[:16]


class ViewStore:
    def __init__(self, engine: Engine, schema: str | None = None) -> None:
        self.engine = engine
        self.metadata = MetaData(schema=schema)
        self.catalog = Table(
            "rapport_view_catalog",
            self.metadata,
            Column("view", String, primary_key=True),
            Column("generation", Integer, primary_key=True),
            Column("position", BigInteger, nullable=False),
            Column("fingerprint", String, nullable=False),
            Column("live", Boolean, nullable=False),
        )
        self._tables: dict[tuple[str, int], Table] = {}
        # Signalled when this process saves positions, so a waiter in the same
        # process wakes at once instead of at its next poll.
        self._saved = threading.Condition()
        # Called when a writer starts waiting: wakes this process's projectors.
        self.on_wait: list[Callable[[], None]] = []
        with self.exclusive(["view-catalog"]):
            self.catalog.create(engine, checkfirst=True)

    @contextmanager
    def exclusive(self, names: Sequence[str]) -> Iterator[None]:
        """Hold the named locks among the processes that share these view tables."""
        with exclusive(self.engine, names, schema=self.metadata.schema):
            yield

    # The catalog

    def generations(self, view_name: str) -> list[Generation]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(self.catalog).where(self.catalog.c.view == view_name)).all()
        return [Generation(r.view, r.generation, r.position, r.live) for r in rows]

    def live(self, view: View[Any, Any]) -> Generation:
        """The live generation, created empty if the view has none yet."""
        found = self._live(view.name)
        if found is not None:
            return found
        with self.exclusive(["view-catalog"]):
            # Looked for again under the lock: another process may have just made it.
            return self._live(view.name) or self._create_generation(view, live=True)

    def _live(self, view_name: str) -> Generation | None:
        return next((g for g in self.generations(view_name) if g.live), None)

    def is_current(self, view: View[Any, Any], generation: Generation) -> bool:
        with self.engine.connect() as conn:
            fingerprint = conn.execute(
                select(self.catalog.c.fingerprint).where(
                    self._catalog_row(generation.view, generation.number)
                )
            ).scalar_one()
        return bool(fingerprint == schema_fingerprint(view))

    def create_generation(self, view: View[Any, Any], *, live: bool) -> Generation:
        with self.exclusive(["view-catalog"]):
            return self._create_generation(view, live=live)

    def _create_generation(self, view: View[Any, Any], *, live: bool) -> Generation:
        numbers = [g.number for g in self.generations(view.name)]
        number = max(numbers, default=0) + 1
        table = self.table(view, number)
        with self.engine.begin() as conn:
            table.create(conn, checkfirst=True)
            conn.execute(
                self.catalog.insert().values(
                    view=view.name,
                    generation=number,
                    position=0,
                    fingerprint=schema_fingerprint(view),
                    live=live,
                )
            )
        return Generation(view.name, number, 0, live)

    def switch_live(self, view: View[Any, Any], number: int) -> None:
        """Make generation `number` live and drop the others, in one transaction."""
        old = [g.number for g in self.generations(view.name) if g.number != number]
        with self.engine.begin() as conn:
            conn.execute(
                update(self.catalog)
                .where(self.catalog.c.view == view.name)
                .values(live=self.catalog.c.generation == number)
            )
            for old_number in old:
                self.drop_generation(view, old_number, conn)

    def drop_generation(
        self, view: View[Any, Any], number: int, conn: Connection | None = None
    ) -> None:
        if conn is None:
            with self.engine.begin() as own:
                self.drop_generation(view, number, own)
            return
        conn.execute(delete(self.catalog).where(self._catalog_row(view.name, number)))
        self.table(view, number).drop(conn, checkfirst=True)
        self.metadata.remove(self._tables.pop((view.name, number)))

    def position(self, view_name: str, number: int) -> int:
        with self.engine.connect() as conn:
            position: int = conn.execute(
                select(self.catalog.c.position).where(self._catalog_row(view_name, number))
            ).scalar_one()
        return position

    def live_generations(self) -> dict[str, int]:
        """Each view's live generation number, in one read."""
        query = select(self.catalog.c.view, self.catalog.c.generation).where(self.catalog.c.live)
        with self.engine.connect() as conn:
            return dict(conn.execute(query).all())

    def live_positions(self) -> dict[str, int]:
        """Each view's live position, in one read."""
        query = select(self.catalog.c.view, self.catalog.c.position).where(self.catalog.c.live)
        with self.engine.connect() as conn:
            return dict(conn.execute(query).all())

    def wait(self, position: int, views: Sequence[str], timeout: float) -> bool:
        """Poll the live positions of `views` until all reach `position` or time runs out."""
        deadline = time.monotonic() + timeout
        pause = 0.005
        for wake in self.on_wait:
            wake()
        query = select(self.catalog.c.position).where(
            self.catalog.c.view.in_(list(views)), self.catalog.c.live
        )
        while True:
            with self.engine.connect() as conn:
                positions = list(conn.execute(query).scalars())
            if len(positions) == len(set(views)) and min(positions) >= position:
                return True
            if time.monotonic() >= deadline:
                return False
            with self._saved:
                self._saved.wait(min(pause, max(deadline - time.monotonic(), 0)))
            pause = min(pause * 2, 0.1)

    def _catalog_row(self, view_name: str, number: int) -> Any:
        return and_(self.catalog.c.view == view_name, self.catalog.c.generation == number)

    # The view tables

    def table(self, view: View[Any, Any], number: int) -> Table:
        key = (view.name, number)
        if key not in self._tables:
            columns = [
                Column(name, _COLUMN_TYPES[kind], index=True) for name, kind in view.columns.items()
            ]
            self._tables[key] = Table(
                f"view_{view.name}_{number}",
                self.metadata,
                # Prefixed, so they never clash with a view's own column names.
                Column("row_key", String, primary_key=True),
                Column("row_state", LargeBinary, nullable=False),
                *columns,
            )
        return self._tables[key]

    def load(self, view: View[Any, Any], number: int, keys: Iterable[str]) -> dict[str, Any]:
        return self.load_from(self.table(view, number), view, keys)

    def load_from(self, table: Table, view: View[Any, Any], keys: Iterable[str]) -> dict[str, Any]:
        """The states stored in `table` under `keys`."""
        keys = list(keys)
        states: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(keys, 500):
                rows = conn.execute(
                    select(table.c.row_key, table.c.row_state).where(table.c.row_key.in_(chunk))
                )
                for key, data in rows:
                    states[key] = decode_state(view.state_type, data)
        return states

    def states(
        self, view: View[Any, Any], number: int, where: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Every state of a generation, or those whose columns equal `where`."""
        table = self.table(view, number)
        query = select(table.c.row_key, table.c.row_state).order_by(table.c.row_key)
        for name, value in (where or {}).items():
            query = query.where(table.c[name] == value)
        with self.engine.connect() as conn:
            return {key: decode_state(view.state_type, data) for key, data in conn.execute(query)}

    def stored(self, view: View[Any, Any], number: int) -> dict[str, bytes]:
        """Every row of a generation as stored: key to encoded state."""
        table = self.table(view, number)
        with self.engine.connect() as conn:
            rows = conn.execute(select(table.c.row_key, table.c.row_state))
            return {key: bytes(data) for key, data in rows}

    def save(self, changes: Sequence[Changes]) -> None:
        """Upsert every changed state and move each view's position, atomically."""
        with self.engine.begin() as conn:
            for change in changes:
                if change.states:
                    self._upsert(conn, change)
            self._move_positions(conn, changes)
        with self._saved:
            self._saved.notify_all()

    def _move_positions(self, conn: Connection, changes: Sequence[Changes]) -> None:
        """One statement for all views that reach the same position (usually all)."""
        by_position: dict[int, list[Changes]] = {}
        for change in changes:
            by_position.setdefault(change.position, []).append(change)
        for position, reaching in by_position.items():
            rows = [self._catalog_row(c.view.name, c.generation) for c in reaching]
            moved = conn.execute(update(self.catalog).where(or_(*rows)).values(position=position))
            if moved.rowcount < len(reaching):  # rolls the whole batch back
                gone = reaching[0]
                raise GenerationDropped(gone.view.name, gone.generation)

    def _upsert(self, conn: Connection, change: Changes) -> None:
        table = self.table(change.view, change.generation)
        rows = [
            {"row_key": key, "row_state": encode_state(state), **change.view.column_values(state)}
            for key, state in change.states.items()
        ]
        if conn.dialect.name == "postgresql":
            _upsert_postgres(conn, table, change.view, rows)
            return
        statement = sqlite.insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.row_key],
            set_={c.name: statement.excluded[c.name] for c in table.columns if c.name != "row_key"},
        )
        for chunk in _chunks(rows, 1000):
            conn.execute(statement, chunk)


_POSTGRES_ARRAYS = {
    str: "text",
    int: "bigint",
    bool: "boolean",
    UUID: "uuid",
    datetime: "timestamptz",
}


def _upsert_postgres(
    conn: Connection, table: Table, view: View[Any, Any], rows: list[dict[str, Any]]
) -> None:
    """One statement per batch: the rows travel as one array per column and
    `unnest` turns them back into rows, which is many times faster than a
    statement per row when a catch-up writes thousands of rows at once."""
    names = ["row_key", "row_state", *view.columns]
    casts = ["text", "bytea", *(_POSTGRES_ARRAYS[kind] for kind in view.columns.values())]
    target = conn.dialect.identifier_preparer.format_table(table)
    quoted = [conn.dialect.identifier_preparer.quote(name) for name in names]
    statement = (
        f"INSERT INTO {target} ({', '.join(quoted)}) "
        f"SELECT * FROM unnest({', '.join(f'%b::{cast}[]' for cast in casts)}) "
        f"ON CONFLICT ({quoted[0]}) DO UPDATE SET "
        + ", ".join(f"{name} = EXCLUDED.{name}" for name in quoted[1:])
    )
    columns = tuple([row[name] for row in rows] for name in names)
    # Binary parameters (%b): arrays of bytes, UUIDs and text cost far less to
    # send than as escaped text.
    conn.exec_driver_sql(statement, columns)


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
