"""One projector per view at a time, across processes.

PostgreSQL: a session advisory lock, held by a connection of its own for as long
as the projector runs; a killed process's connection drops and the lock with it.
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


def lock_key(name: str) -> int:
    return zlib.crc32(f"rapport:{name}".encode())


@contextmanager
def exclusive(engine: Engine, names: Sequence[str], *, wait: bool = True) -> Iterator[bool]:
    """Hold the named locks (in sorted order, so two holders never deadlock).

    Yields False, holding nothing, when `wait` is off and a lock is taken."""
    names = sorted(set(names))
    if engine.dialect.name == "postgresql":
        with _postgres_locks(engine, names, wait) as held:
            yield held
    else:
        with _file_locks(Path(engine.url.database or "rapport.db"), names, wait) as held:
            yield held


@contextmanager
def _postgres_locks(engine: Engine, names: list[str], wait: bool) -> Iterator[bool]:
    function = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
    with engine.connect() as raw:
        conn = raw.execution_options(isolation_level="AUTOCOMMIT")
        taken = []
        held = True
        for name in names:
            result = conn.execute(text(f"SELECT {function}(:key)"), {"key": lock_key(name)})
            if not wait and not result.scalar():
                held = False
                break
            taken.append(name)
        try:
            yield held
        finally:
            for name in reversed(taken):
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": lock_key(name)})


@contextmanager
def _file_locks(database: Path, names: list[str], wait: bool) -> Iterator[bool]:
    flags = fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB
    with ExitStack() as stack:
        for name in names:
            handle = stack.enter_context(open(f"{database}.{name}.lock", "a"))
            try:
                fcntl.flock(handle, flags)
            except BlockingIOError:
                yield False
                return
        yield True
