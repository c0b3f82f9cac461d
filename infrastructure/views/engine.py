"""SQLAlchemy engines for the view tables, on the same database as the events."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import psycopg
from sqlalchemy import Engine, create_engine, event

from infrastructure.event_store.environment import is_postgres, sqlite_path


def view_engine(database_url: str, pool_size: int = 5) -> tuple[Engine, str | None]:
    """The engine for `database_url` and the schema the tables go in (PostgreSQL)."""
    if is_postgres(database_url):
        url = urlsplit(database_url)
        options = parse_qs(url.query)
        schema = options.pop("schema", [None])[0]
        plain = urlunsplit(
            ("postgresql+psycopg", url.netloc, url.path, urlencode(options, doseq=True), "")
        )
        engine = create_engine(plain, pool_size=pool_size, max_overflow=pool_size)
        return engine, schema
    engine = create_engine(f"sqlite:///{sqlite_path(database_url)}", connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_wal)
    return engine, None


def _sqlite_wal(connection: object, _: object) -> None:
    # Readers never block the writer, so views can be read while projected.
    connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[attr-defined]


def event_waiter(database_url: str, channel: str) -> Callable[[float], None]:
    """A function that returns when new events may be in the log, or after `timeout`.

    PostgreSQL: LISTEN to the channel the event recorder NOTIFYs on each write.
    SQLite: no notifications exist, so it simply waits and the caller polls."""
    if not is_postgres(database_url):
        return _sleep
    url = urlsplit(database_url)
    plain = urlunsplit(("postgresql", url.netloc, url.path, "", ""))
    connection = psycopg.connect(plain, autocommit=True)
    connection.execute(f'LISTEN "{channel}"')

    def wait(timeout: float) -> None:
        for _ in connection.notifies(timeout=timeout, stop_after=1):
            pass

    return wait


def _sleep(timeout: float) -> None:
    time.sleep(timeout)
