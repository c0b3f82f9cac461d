"""One holder of a named lock at a time, across processes: one projector per
view, one SLA watchdog, one webhook dispatcher, one rebuild of a view; and one
process at a time at a piece of setup, such as creating a table.

PostgreSQL: a session advisory lock, held by a connection of its own for as long
as the holder runs; a killed process's connection drops and the lock with it.
Advisory locks belong to the whole database, so a lock's key includes the schema
the views live in: deployments in two schemas of one database never wait on
each other.
SQLite: an exclusive `flock` on a file, which the kernel likewise releases when
the process dies. The files live in a directory of the system's temporary
directory named after the database file's absolute path, so every process on
that database shares them and none is left in the working directory.

A waiter never blocks in the database or the kernel: it tries, and sleeps a
little between tries, so a standby that is told to stop (its `stopping` event)
stops at once instead of waiting for a lock that may never come.

A PostgreSQL lock is lost with its session: when the database restarts or
fails over, or the session is ended. A holder that passes `lost` has its
session checked every `LOST_CHECK_SECONDS`, and the event set when it is gone;
it must then stop its work, since another process may take the lock.

A short piece of setup that processes must not do at once (creating a table)
takes a `turn` instead: one transaction, holding a transaction's advisory lock,
with the work done on its connection. It needs no session kept across
transactions, so it works through a pooler in transaction mode as well, which
may run each transaction on another server connection: a session's lock taken
there would stay behind on whichever server connection took it, held for good.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, suppress
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from infrastructure.database import unavailable

# Pauses between tries: short at first, so a lock held for a moment (the view
# catalog) is taken soon after it is let go; never longer than a fifth of a
# second, so a waiter told to stop stops well within a second.
FIRST_PAUSE = 0.01
LONGEST_PAUSE = 0.2
LOST_CHECK_SECONDS = 1.0

# Pauses between tries to take a lock again while the database cannot be
# reached: a restart or a failover takes seconds, so trying every few seconds
# resumes soon after it without hammering a server that is starting up.
RETRY_FIRST_SECONDS = 0.5
RETRY_LONGEST_SECONDS = 4.0

log = logging.getLogger(__name__)


class LockWaitStopped(Exception):
    """The waiter was told to stop before it could take its locks."""


def lock_key(schema: str | None, name: str) -> int:
    return zlib.crc32(f"rapport:{schema or ''}:{name}".encode())


@contextmanager
def exclusive(
    engine: Engine,
    names: Sequence[str],
    *,
    schema: str | None = None,
    stopping: threading.Event | None = None,
    lost: threading.Event | None = None,
) -> Iterator[None]:
    """Hold the named locks, waiting until every one is free. They are taken in
    sorted order, so two holders never deadlock. Raises `LockWaitStopped` when
    `stopping` is set while it waits; sets `lost` if the locks are lost while
    held (PostgreSQL; a file lock is only lost with its process)."""
    names = sorted(set(names))
    stopping = stopping or threading.Event()
    if engine.dialect.name == "postgresql":
        keys = [lock_key(schema, name) for name in names]
        held = _postgres_locks(engine, keys, stopping, lost)
    else:
        held = _file_locks(Path(engine.url.database or "rapport.db"), names, stopping)
    with held:
        if stopping.is_set():
            raise LockWaitStopped()  # told to stop just as the last lock came free
        yield


def _wait_for(take: Callable[[], bool], stopping: threading.Event) -> None:
    pause = FIRST_PAUSE
    while not take():
        if stopping.wait(pause):
            raise LockWaitStopped()
        pause = min(pause * 2, LONGEST_PAUSE)


@contextmanager
def _postgres_locks(
    engine: Engine, keys: list[int], stopping: threading.Event, lost: threading.Event | None
) -> Iterator[None]:
    with engine.connect() as raw:
        conn = raw.execution_options(isolation_level="AUTOCOMMIT")
        taken: list[int] = []
        checking = threading.Event()  # set to end the check when the holder leaves
        checker: threading.Thread | None = None
        try:
            for key in keys:
                _wait_for(partial(_try_advisory_lock, conn, key), stopping)
                taken.append(key)
            if lost is not None:
                checker = threading.Thread(
                    target=_check_session, args=(conn, checking, lost), daemon=True
                )
                checker.start()
            yield
        finally:
            checking.set()
            if checker is not None:
                checker.join()
            # Nothing to let go of on a session that is gone: its locks went with it.
            with suppress(DBAPIError):
                for key in reversed(taken if not conn.invalidated else []):
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})


@contextmanager
def turn(engine: Engine, name: str, *, schema: str | None = None) -> Iterator[Connection]:
    """A connection in a transaction during which no other process has a turn
    at `name`: do the work on it. The lock goes when the transaction ends.

    PostgreSQL: tried, and tried again after a pause, never waited for in the
    database, so a waiter holds no connection (of the server, or of a pooler's
    few) while it waits. SQLite: the name's lock file, as `exclusive` takes it."""
    if engine.dialect.name != "postgresql":
        database = Path(engine.url.database or "rapport.db")
        with _file_locks(database, [name], threading.Event()), engine.begin() as conn:
            yield conn
        return
    key = lock_key(schema, name)
    pause = FIRST_PAUSE
    while True:
        with engine.begin() as conn:
            taken = conn.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key})
            if taken.scalar():
                yield conn
                return
        time.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE)


def _check_session(conn: Connection, done: threading.Event, lost: threading.Event) -> None:
    """Until `done`: the holder's session answers, or `lost` is set. The holder
    does not use the connection meanwhile, so this thread may."""
    while not done.wait(LOST_CHECK_SECONDS):
        try:
            conn.execute(text("SELECT 1"))
        except DBAPIError:
            lost.set()
            return


def _try_advisory_lock(conn: Connection, key: int) -> bool:
    return bool(conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar())


def lock_directory(database: Path) -> Path:
    """Where the lock files of the SQLite database at `database` live."""
    digest = hashlib.sha256(os.path.realpath(database).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"rapport-locks-{digest}"


@contextmanager
def _file_locks(database: Path, names: list[str], stopping: threading.Event) -> Iterator[None]:
    directory = lock_directory(database)
    directory.mkdir(exist_ok=True)
    with ExitStack() as stack:
        # A shared lock on the directory while its files are in use: cleaners of
        # the temporary directory (systemd-tmpfiles) leave a locked directory
        # alone, so no lock file vanishes from under a long-running holder.
        folder = _opened(stack, directory, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(folder, fcntl.LOCK_SH)
        for name in names:
            handle = _opened(stack, directory / f"{name}.lock", os.O_RDONLY | os.O_CREAT)
            _wait_for(partial(_try_flock, handle), stopping)
        yield


def _opened(stack: ExitStack, path: Path, flags: int) -> int:
    descriptor = os.open(path, flags, 0o666)
    stack.callback(os.close, descriptor)
    return descriptor


def _try_flock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def either(first: threading.Event, second: threading.Event, seconds: float) -> None:
    """Wait until one of the events is set, or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while not (first.is_set() or second.is_set()):
        left = deadline - time.monotonic()
        if left <= 0:
            return
        first.wait(min(left, 0.1))


def work_while_holding(
    take: Callable[..., AbstractContextManager[None]],
    names: Sequence[str],
    work: Callable[[threading.Event], None],
    *,
    stopping: threading.Event,
    what: str,
) -> None:
    """Run `work` while holding the named locks (`take(names, stopping=...,
    lost=...)`, such as a view store's `exclusive`), until `stopping` is set.

    When the locks are lost with their database session (a restart, a
    failover), `work` is told so by the event it is given and must return;
    the locks are then taken again once the database answers, by this process
    or, first, by a standby. Returns when `stopping` is set."""
    pause = RETRY_FIRST_SECONDS
    while not stopping.is_set():
        lost = threading.Event()
        try:
            with take(names, stopping=stopping, lost=lost):
                pause = RETRY_FIRST_SECONDS
                work(lost)
        except LockWaitStopped:
            return
        except Exception as error:
            if not unavailable(error):
                raise
            log.warning("%s: the database cannot be reached; trying in %.1f s", what, pause)
            stopping.wait(pause)
            pause = min(pause * 2, RETRY_LONGEST_SECONDS)
            continue
        if lost.is_set() and not stopping.is_set():
            log.warning("%s: its lock went with its database session; taking it again", what)
