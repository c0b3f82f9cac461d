"""SQLAlchemy engines for the view tables, on the same database as the events."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import psycopg
from sqlalchemy import Engine, create_engine, event, text

from infrastructure.event_store.environment import PostgresUrl, is_postgres, sqlite_path


def view_engine(
    database_url: str,
    pool_size: int = 5,
    *,
    session_attrs: str | None = None,
    transaction_pooler: bool = False,
) -> tuple[Engine, str | None]:
    """The engine for `database_url` and the schema the tables go in (PostgreSQL).
    `session_attrs`: libpq's `target_session_attrs` unless the URL gives it
    (a replica's engine takes "any", whatever the primary's URL asks of the
    process's other connections). `transaction_pooler`: the URL goes through a
    pooler in transaction mode, so no statement is prepared (psycopg prepares
    one it has run five times on a connection, unless told never to)."""
    if is_postgres(database_url):
        url = PostgresUrl.parse(database_url)
        options = dict(url.options)
        schema = options.pop("schema", [None])[0]
        if session_attrs and "target_session_attrs" not in options:
            options["target_session_attrs"] = [session_attrs]
        # SQLAlchemy takes several hosts as repeated `host` options.
        options["host"] = [f"{host}:{port}" for host, port in url.hosts]
        userinfo = quote(url.user, safe="") + (
            f":{quote(url.password, safe='')}" if url.password else ""
        )
        plain = urlunsplit(
            (
                "postgresql+psycopg",
                f"{userinfo}@",
                f"/{url.dbname}",
                urlencode(options, doseq=True),
                "",
            )
        )
        # Not checked before each use (a round trip per read): the first read
        # that finds its connection broken by a restart or failover makes
        # SQLAlchemy drop every connection of the pool made before it.
        engine = create_engine(
            plain,
            pool_size=pool_size,
            max_overflow=pool_size,
            connect_args={"prepare_threshold": None} if transaction_pooler else {},
        )
        return engine, schema
    engine = create_engine(f"sqlite:///{sqlite_path(database_url)}", connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_wal)
    return engine, None


def _sqlite_wal(connection: object, _: object) -> None:
    # Readers never block the writer, so views can be read while projected.
    connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[attr-defined]


class EventWaiter:
    """Call it to wait until new events may be in the log, or `timeout` passes.

    PostgreSQL: LISTEN to the channel the event recorder NOTIFYs on each write,
    on a connection of its own, closed by `close()`. SQLite, or PostgreSQL
    without `listen` (through a pooler in transaction mode, which hands the
    session's server connection to others after each transaction, so nothing
    would be listening): no notifications come, so it simply waits and the
    caller polls. Writes of this process still wake it at once (`wake`)."""

    def __init__(self, database_url: str, channel: str, *, listen: bool = True) -> None:
        self.connection: psycopg.Connection[Any] | None = None
        self._woken = threading.Event()
        self._conninfo: str | None = None
        self._channel = channel
        self._closed = False
        if is_postgres(database_url) and listen:
            url = urlsplit(database_url)
            self._conninfo = urlunsplit(("postgresql", url.netloc, url.path, "", ""))
            self.connection = self._listen()

    def _listen(self) -> psycopg.Connection[Any]:
        assert self._conninfo is not None
        connection = psycopg.connect(self._conninfo, autocommit=True)
        connection.execute(f'LISTEN "{self._channel}"')
        return connection

    def __call__(self, timeout: float) -> bool:
        """True when woken by a write (a NOTIFY, or this process's `wake`);
        False when `timeout` passed with no word of one. Raises when the
        database cannot be reached; the next call listens on a new session
        (a restart or failover ended the old one)."""
        if self._conninfo is None:
            woken = self._woken.wait(timeout)
            self._woken.clear()
            return woken
        if self.connection is None or self.connection.closed:
            if self._closed:
                return False
            self.connection = self._listen()
        try:
            if not any(True for _ in self.connection.notifies(timeout=timeout, stop_after=1)):
                return False
            # Every write sends one: those that came together are one wake-up,
            # or the caller would look again for each of them and find nothing new.
            for _ in self.connection.notifies(timeout=0):
                pass
        except psycopg.OperationalError:
            self.connection.close()
            raise
        return True

    def wake(self) -> None:
        """This process wrote events: without LISTEN, stop waiting now rather
        than at the next poll (a NOTIFY already does this)."""
        self._woken.set()

    def close(self) -> None:
        self._closed = True
        if self.connection is not None:
            self.connection.close()


def wal_behind(primary: Engine, replica: Engine) -> int:
    """Bytes of WAL the primary has written that the replica has not replayed:
    the primary's position is read first, so the answer never understates."""
    with primary.connect() as conn:
        written = conn.execute(text("SELECT pg_current_wal_lsn()")).scalar_one()
    with replica.connect() as conn:
        behind = conn.execute(
            text("SELECT pg_wal_lsn_diff(:written, pg_last_wal_replay_lsn())"),
            {"written": written},
        ).scalar_one()
    return max(int(behind or 0), 0)
