"""For tests of workers running beside each other, in threads or processes:
starting `rapport` as a process, waiting for what they do, and seeing which of
them holds its lock."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text

from interfaces.bootstrap import ViewRuntime

ROOT = Path(__file__).resolve().parents[1]


def start_rapport(
    database_url: str,
    *args: str,
    stdout: IO[Any] | int = subprocess.DEVNULL,
    stderr: IO[Any] | int = subprocess.DEVNULL,
    cwd: Path = ROOT,
    **settings: str,
) -> subprocess.Popen[bytes]:
    """`rapport ARGS...` as its own process on `database_url`, as a shell runs
    it; `settings` are more environment variables (`RAPPORT_...`, `PGAPPNAME`)."""
    return subprocess.Popen(
        [sys.executable, "-c", "from interfaces.cli.main import app; app()", *args],
        cwd=cwd,
        env={
            **os.environ,
            "RAPPORT_DATABASE_URL": database_url,
            "PYTHONUNBUFFERED": "1",
            **settings,
        },
        stdout=stdout,
        stderr=stderr,
    )


def free_port() -> int:
    """A port nothing listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


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
