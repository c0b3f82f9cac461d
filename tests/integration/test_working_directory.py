"""What `make serve` runs (`rapport demo --if-empty`, then `rapport serve`) and
the other commands leave nothing in the working directory but the SQLite
database (and its WAL and shared-memory files): the lock files live in the
system's temporary directory, where every process on that database finds them,
whatever its working directory."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from infrastructure.views.engine import view_engine
from infrastructure.views.locks import lock_directory
from infrastructure.views.store import ViewStore
from tests.processes import free_port, start_rapport, wait_until

DATABASE_FILES = {"rapport.db", "rapport.db-wal", "rapport.db-shm"}


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty working directory."""
    directory = tmp_path / "work"
    directory.mkdir()
    return directory


def rapport(workdir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`rapport ARGS...` run in `workdir` on ./rapport.db, to its end."""
    process = start_rapport("sqlite:///rapport.db", *args, cwd=workdir)
    process.wait(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode)


def serve_until_healthy_then_stop(workdir: Path) -> None:
    port = free_port()
    server = start_rapport("sqlite:///rapport.db", "serve", "--port", str(port), cwd=workdir)
    try:
        wait_until(lambda: server.poll() is not None or healthy(port))
        assert server.poll() is None, "the server exited"
        server.send_signal(signal.SIGTERM)  # uvicorn shuts down, then dies of it
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_make_serve_and_the_cli_leave_only_the_database_in_the_working_directory(
    workdir: Path,
) -> None:
    assert rapport(workdir, "demo", "--if-empty").returncode == 0
    for command in (["token", "create", "--role", "admin", "--name", "Ada"], ["projections"],
                    ["replay", "--view", "progress"], ["verify", "--view", "audit"]):  # fmt: skip
        assert rapport(workdir, *command).returncode == 0, command
    serve_until_healthy_then_stop(workdir)

    assert {path.name for path in workdir.iterdir()} <= DATABASE_FILES
    assert (workdir / "rapport.db").exists()
    assert list(lock_directory(workdir / "rapport.db").glob("*.lock"))


def test_a_lock_taken_through_an_absolute_path_holds_off_a_process_on_a_relative_one(
    workdir: Path, tmp_path: Path
) -> None:
    engine, schema = view_engine(f"sqlite:///{workdir / 'rapport.db'}")
    store = ViewStore(engine, schema)
    out = tmp_path / "stdout"
    try:
        with store.exclusive(["sla-watch"]):
            with out.open("wb") as stdout:
                watchdog = start_rapport("sqlite:///rapport.db", "sla-watch", cwd=workdir,
                                         stdout=stdout)  # fmt: skip
            wait_until(lambda: "Waiting" in out.read_text())
            assert watchdog.poll() is None
            assert "Watching" not in out.read_text()
        wait_until(lambda: "Watching" in out.read_text())
        watchdog.send_signal(signal.SIGTERM)
        assert watchdog.wait(timeout=30) == 0
    finally:
        if watchdog.poll() is None:
            watchdog.kill()
            watchdog.wait()
        engine.dispose()
