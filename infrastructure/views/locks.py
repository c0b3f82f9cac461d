"""One projector per view at a time, across processes.

PostgreSQL: a session advisory lock, held by a connection of its own for as long
as the projector runs; a killed process's connection drops and the lock with it.
Advisory locks belong to the whole database, so a lock's key includes the schema
the views live in: deployments in two schemas of one database never wait on
each other.
SQLite: an exclusive `flock` on a file beside the database, which the kernel
likewise releases when the process dies.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from sqlalchemy import Engine, text


def lock_key(schema: str | None, name: str) -> int:
    return zlib.crc32(f"rapport:{schema or ''}:{name}".encode())


@contextmanager
def exclusive(engine: Engine, names: Sequence[str], *, schema: str | None = None) -> Iterator[None]:
    """Hold the named locks, waiting for them; sorted, so two holders never deadlock."""
    names = sorted(set(names))
    if engine.dialect.name == "postgresql":
        with _postgres_locks(engine, [lock_key(schema, name) for name in names]):
            yield
    else:
        with _file_locks(Path(engine.url.database or "rapport.db"), names):
            yield


@contextmanager
def _postgres_locks(engine: Engine, keys: list[int]) -> Iterator[None]:
    with engine.connect() as raw:
        conn = raw.execution_options(isolation_level="AUTOCOMMIT")
        taken: list[int] = []
        try:
            for key in keys:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                taken.append(key)
            yield
        finally:
            for key in reversed(taken):
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})


@contextmanager
def _file_locks(database: Path, names: list[str]) -> Iterator[None]:
    with ExitStack() as stack:
        for name in names:
            handle = stack.enter_context(open(f"{database}.{name}.lock", "a"))
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
