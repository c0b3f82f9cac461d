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
from typing import Any

import orjson
import psycopg
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    bindparam,
    delete,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from application.ports import ViewFailure
from application.views.base import View
from infrastructure.views.codec import state_schema
from infrastructure.views.failures import ViewFailures
from infrastructure.views.locks import exclusive, turn
from infrastructure.views.tables import Changes, ViewTables, as_columns

__all__ = ["Changes", "Generation", "GenerationDropped", "ViewStore", "ViewWriteFailed"]


@dataclass(frozen=True)
class Generation:
    view: str
    number: int
    position: int
    live: bool


class ViewWriteFailed(Exception):
    """A batch could not be written, and nothing of it was: most often because a
    rebuild switched a view to a new table and dropped the old one."""


class GenerationDropped(ViewWriteFailed):
    """The generation a writer targets is gone: a rebuild switched the view to a
    new table. A batch with no rows for that view would not notice otherwise."""

    def __init__(self, view: str, generation: int) -> None:
        super().__init__(f"generation {generation} of view {view} was dropped")


def schema_fingerprint(view: View[Any, Any]) -> str:
    """Changes when the view's columns or its state's shape change: time to rebuild.

    The state's shape is its JSON schema, which follows nested dataclasses and
    enums all the way down: a field added to a nested type changes it too, so
    rows stored in the old shape are never decoded as the new one."""
    shape = {
        "columns": sorted((k, t.__name__) for k, t in view.columns.items()),
        "state": state_schema(view.state_type),
        "entries": list(view.entry_fields),
    }
    return hashlib.sha256(orjson.dumps(shape, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


class ViewStore:
    def __init__(
        self, engine: Engine, schema: str | None = None, *, read_only: bool = False
    ) -> None:
        """`read_only`: the tables of a streaming replica, which only the primary's
        projectors write; it creates nothing."""
        self.engine = engine
        # Reads are single statements and need no transaction: without one they
        # cost no BEGIN and no ROLLBACK when the connection goes back to the pool.
        self.reads = engine.execution_options(isolation_level="AUTOCOMMIT")
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
        self.tables = ViewTables(self.metadata)
        self.failures = ViewFailures(engine, self.metadata)
        # Signalled when this process saves positions, so a waiter in the same
        # process wakes at once instead of at its next poll.
        self._saved = threading.Condition()
        # The live positions this process's projectors have written, per view:
        # a writer waiting for its views reads them here, not from the catalog.
        self._announced: dict[str, int] = {}
        # Views this process's projectors found cannot take an event.
        self._failing: set[str] = set()
        # Called when a writer starts waiting: wakes this process's projectors.
        self.on_wait: list[Callable[[], None]] = []
        # A replica of these tables, if queries read one: writers wait for it too.
        self.replica: ViewStore | None = None
        if read_only:
            return
        with self._catalog_turn() as conn:
            self.catalog.create(conn, checkfirst=True)
            self.failures.create(conn)

    @contextmanager
    def exclusive(
        self,
        names: Sequence[str],
        *,
        stopping: threading.Event | None = None,
        lost: threading.Event | None = None,
    ) -> Iterator[None]:
        """Hold the named locks among the processes that share these view tables;
        a waiter gives up (`LockWaitStopped`) once `stopping` is set, and `lost`
        is set if the locks go with their database session."""
        schema = self.metadata.schema
        with exclusive(self.engine, names, schema=schema, stopping=stopping, lost=lost):
            yield

    # The catalog

    @contextmanager
    def _catalog_turn(self) -> Iterator[Connection]:
        """The transaction in which this process alone changes the catalog's
        shape or adds to it (see `locks.turn`)."""
        with turn(self.engine, "view-catalog", schema=self.metadata.schema) as conn:
            yield conn

    def generations(self, view_name: str, conn: Connection | None = None) -> list[Generation]:
        if conn is None:
            with self.reads.connect() as own:
                return self.generations(view_name, own)
        rows = conn.execute(select(self.catalog).where(self.catalog.c.view == view_name)).all()
        return [Generation(r.view, r.generation, r.position, r.live) for r in rows]

    def live(self, view: View[Any, Any]) -> Generation:
        """The live generation, created empty if the view has none yet."""
        found = self._live(view.name)
        if found is not None:
            return found
        with self._catalog_turn() as conn:
            # Looked for again in this turn: another process may have just made it.
            return self._live(view.name, conn) or self._create_generation(view, conn, live=True)

    def _live(self, view_name: str, conn: Connection | None = None) -> Generation | None:
        return next((g for g in self.generations(view_name, conn) if g.live), None)

    def is_current(self, view: View[Any, Any], generation: Generation) -> bool:
        with self.reads.connect() as conn:
            fingerprint = conn.execute(
                select(self.catalog.c.fingerprint).where(
                    self._catalog_row(generation.view, generation.number)
                )
            ).scalar_one()
        return bool(fingerprint == schema_fingerprint(view))

    def create_generation(self, view: View[Any, Any], *, live: bool) -> Generation:
        with self._catalog_turn() as conn:
            return self._create_generation(view, conn, live=live)

    def _create_generation(
        self, view: View[Any, Any], conn: Connection, *, live: bool
    ) -> Generation:
        numbers = [g.number for g in self.generations(view.name, conn)]
        number = max(numbers, default=0) + 1
        self.tables.create(conn, view, number)
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
        """Make generation `number` live and drop the others, in one transaction;
        a failure of the old tables goes with them."""
        old = [g.number for g in self.generations(view.name) if g.number != number]
        with self.engine.begin() as conn:
            conn.execute(
                update(self.catalog)
                .where(self.catalog.c.view == view.name)
                .values(live=self.catalog.c.generation == number)
            )
            for old_number in old:
                self.drop_generation(view, old_number, conn)
            self.failures.clear(view.name, conn)
        with self._saved:
            self._announced.pop(view.name, None)  # they were the old table's
            self._failing.discard(view.name)

    def drop_generation(
        self, view: View[Any, Any], number: int, conn: Connection | None = None
    ) -> None:
        if conn is None:
            with self.engine.begin() as own:
                self.drop_generation(view, number, own)
            return
        conn.execute(delete(self.catalog).where(self._catalog_row(view.name, number)))
        self.tables.drop(conn, view, number)

    def position(self, view_name: str, number: int) -> int:
        with self.reads.connect() as conn:
            position: int = conn.execute(
                select(self.catalog.c.position).where(self._catalog_row(view_name, number))
            ).scalar_one()
        return position

    def live_versions(self) -> dict[str, tuple[int, int]]:
        """Each view's live generation and position, in one read."""
        catalog = self.catalog.c
        query = select(catalog.view, catalog.generation, catalog.position).where(catalog.live)
        with self.reads.connect() as conn:
            return {
                view: (generation, position) for view, generation, position in conn.execute(query)
            }

    def live_generations(self) -> dict[str, int]:
        """Each view's live generation number, in one read."""
        return {view: generation for view, (generation, _) in self.live_versions().items()}

    def live_positions(self) -> dict[str, int]:
        """Each view's live position, in one read."""
        return {view: position for view, (_, position) in self.live_versions().items()}

    def wait(self, position: int, views: Sequence[str], timeout: float) -> bool:
        """Until the live positions of `views` all reach `position` (True), or
        time runs out (False). A view that cannot take an event will not reach
        it: then the wait ends, False, as soon as every other view has.

        With a replica, until the replica's catalog shows those positions too,
        within the same time: its catalog is replicated in the same transactions
        as the rows, so a position there means the rows are there."""
        deadline = time.monotonic() + timeout
        reached = self._wait_here(position, views, deadline)
        if not reached or self.replica is None:
            return reached
        return self.replica.wait(position, views, deadline - time.monotonic())

    def _wait_here(self, position: int, views: Sequence[str], deadline: float) -> bool:
        """Positions this process's projectors wrote are known without asking; the
        catalog is polled, with a growing pause, for views projected elsewhere,
        and now and then in case this process's projector has stopped."""
        wanted = set(views)
        settled = self._announced_settle(position, wanted)
        if settled is not None:
            return settled
        for wake in self.on_wait:
            wake()
        pause = 0.1 if wanted <= self._announced.keys() else 0.005
        poll_at = time.monotonic() + pause if pause == 0.1 else 0.0
        while True:
            now = time.monotonic()
            if now >= poll_at:
                settled = self._catalog_settles(position, wanted)
                if settled is not None:
                    return settled
                poll_at, pause = now + pause, min(pause * 2, 0.1)
            if now >= deadline:
                return False
            with self._saved:
                settled = self._announced_settle(position, wanted)
                if settled is not None:
                    return settled
                self._saved.wait(max(min(poll_at, deadline) - now, 0))

    def _announced_settle(self, position: int, views: set[str]) -> bool | None:
        return _settled(position, views, self._announced, self._failing & views)

    def _catalog_settles(self, position: int, views: set[str]) -> bool | None:
        c, failures = self.catalog.c, self.failures.table.c
        with self.reads.connect() as conn:
            positions = conn.execute(select(c.view, c.position).where(c.view.in_(views), c.live))
            reached = dict(positions.all())
            failing = conn.execute(select(failures.view).where(failures.view.in_(views)))
            return _settled(position, views, reached, set(failing.scalars()))

    def mark_failed(self, failure: ViewFailure) -> None:
        """A projector of this process found a view cannot take an event: its
        waiters stop waiting for it, and other processes learn of it."""
        with self._saved:
            self._failing.add(failure.view)
            self._saved.notify_all()
        self.failures.record(failure)

    def mark_recovered(self, view_name: str) -> None:
        with self._saved:
            self._failing.discard(view_name)
        self.failures.clear(view_name)

    def _catalog_row(self, view_name: str, number: int) -> Any:
        return and_(self.catalog.c.view == view_name, self.catalog.c.generation == number)

    # The view tables

    def table(self, view: View[Any, Any], number: int) -> Table:
        return self.tables.rows(view, number)

    def load(self, view: View[Any, Any], number: int, keys: Iterable[str]) -> dict[str, Any]:
        """The states stored under `keys`, entries included."""
        with self.reads.connect() as conn:
            return self.tables.load(conn, view, number, keys)

    def states(
        self, view: View[Any, Any], number: int, where: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Every state of a generation, or those whose columns equal `where`."""
        table = self.table(view, number)
        query = select(table.c.row_key, table.c.row_state)
        for name, value in (where or {}).items():
            query = query.where(table.c[name] == value)
        with self.reads.connect() as conn:
            return self.tables.read(conn, view, number, query)

    def stored(self, view: View[Any, Any], number: int) -> dict[str, bytes]:
        """Every row of a generation as stored: key to encoded state (and
        `key/field/entry` to encoded entry)."""
        with self.reads.connect() as conn:
            return self.tables.stored(conn, view, number)

    def save(self, changes: Sequence[Changes], *, live: bool = False) -> None:
        """Write every changed state and move each view's position, atomically.

        `live`: the changes are to the live tables, and this process's waiters
        may take the positions as read."""
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    self._save_postgres(conn, changes)
                else:
                    self._save_sqlite(conn, changes)
        except (DBAPIError, psycopg.Error, ViewWriteFailed) as error:
            with self._saved:
                for change in changes:
                    self._announced.pop(change.view.name, None)
            if isinstance(error, ViewWriteFailed):
                raise
            raise ViewWriteFailed(str(error)) from error
        with self._saved:
            if live:
                for change in changes:
                    self._announced[change.view.name] = change.position
            self._saved.notify_all()

    def _save_postgres(self, conn: Connection, changes: Sequence[Changes]) -> None:
        # Every statement in one pipeline: the batch costs one round trip to
        # the server, not one per table.
        driver = conn.connection.driver_connection
        assert isinstance(driver, psycopg.Connection)
        rows, catalog = driver.cursor(), driver.cursor()
        try:
            with driver.pipeline():
                for change in changes:
                    self.tables.write_postgres(rows, change)
                moves = [(c.view.name, c.generation, c.position) for c in changes]
                catalog.execute(self._move_statement, as_columns(moves))
            moved = catalog.rowcount
        finally:
            rows.close()
            catalog.close()
        if moved < len(changes):  # rolls the whole batch back
            raise GenerationDropped(changes[0].view.name, changes[0].generation)

    def _save_sqlite(self, conn: Connection, changes: Sequence[Changes]) -> None:
        for change in changes:
            self.tables.write_sqlite(conn, change)
        c = self.catalog.c
        move = (
            update(self.catalog)
            .where(c.view == bindparam("v"), c.generation == bindparam("g"))
            .values(position=bindparam("p"))
        )
        moves = [{"v": x.view.name, "g": x.generation, "p": x.position} for x in changes]
        if conn.execute(move, moves).rowcount < len(changes):  # rolls the whole batch back
            raise GenerationDropped(changes[0].view.name, changes[0].generation)

    @property
    def _move_statement(self) -> str:
        catalog = (
            f'"{self.metadata.schema}".rapport_view_catalog'
            if self.metadata.schema
            else "rapport_view_catalog"
        )
        return (
            f"UPDATE {catalog} AS c SET position = t.p "
            "FROM unnest(%b::text[], %b::int[], %b::bigint[]) AS t(v, g, p) "
            "WHERE c.view = t.v AND c.generation = t.g"
        )


def _settled(
    position: int, views: set[str], reached: Mapping[str, int], failing: set[str]
) -> bool | None:
    """True when every view reached `position`; False when all but failing
    ones did; None while a healthy view is still on its way, or while where a
    failing one stopped is not known (it may have failed on a later event)."""
    healthy = views - failing
    if not all(reached.get(view, -1) >= position for view in healthy):
        return None
    if not failing <= reached.keys():
        return None
    return all(reached[view] >= position for view in failing)
