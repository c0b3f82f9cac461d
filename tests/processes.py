"""For tests of workers running beside each other, in threads or processes:
waiting for what they do, and seeing which of them holds its lock."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import text

from interfaces.bootstrap import ViewRuntime


def wait_until(condition: Callable[[], bool], timeout: float = 60.0, poll: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(poll)


def advisory_lock_holders(runtime: ViewRuntime, name_prefix: str) -> set[str]:
    """Names (`PGAPPNAME`) starting with `name_prefix` of the database sessions
    that hold advisory locks."""
    query = text(
        "SELECT DISTINCT a.application_name FROM pg_locks l "
        "JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE :pattern"
    )
    with runtime.store.engine.connect() as conn:
        return {row.application_name for row in conn.execute(query, {"pattern": f"{name_prefix}%"})}
