"""PostgreSQL clusters of a test's own: made with `initdb`, run with `pg_ctl` as
the `postgres` user on a free port, removed afterwards. For tests that need
what the shared server must not be given (hundreds of connections, replication,
being stopped hard) without touching it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import free_port


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's programs, as Debian lays them out."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def require_postgres_bin() -> Path:
    programs = postgres_bin()
    if programs is not None:
        return programs
    reason = "no PostgreSQL server programs in /usr/lib/postgresql/*/bin to make a cluster"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI requires them)", pytrace=False)
    pytest.skip(f"SKIPPED, NO CLUSTER OF OUR OWN: {reason}")


def as_postgres(command: list[str]) -> list[str]:
    """The server refuses to run as root: run it as `postgres` when we are root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class Cluster:
    programs: Path
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def ctl(self, *args: str) -> None:
        command = [str(self.programs / "pg_ctl"), "-D", str(self.data), *args]
        subprocess.run(as_postgres(command), check=True, capture_output=True)

    def start(self) -> None:
        self.ctl("-l", str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def promote(self) -> None:
        """A standby becomes a primary, taking writes (what a failover tool does)."""
        self.ctl("-w", "-t", "60", "promote")

    def stop(self, mode: str = "fast") -> None:
        """`fast` shuts down cleanly; `immediate` is a crash, as if the machine
        lost power (the server recovers from its WAL when started again)."""
        self.ctl("-m", mode, "-w", "stop")


def _new_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="rapport-cluster-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    return folder


def _configure(cluster: Cluster, settings: dict[str, str | int]) -> None:
    """Later lines of postgresql.conf win: these over what initdb or the
    primary's copy wrote."""
    conf = {
        "port": cluster.port,
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": f"'{cluster.folder}'",
        **settings,
    }
    with (cluster.data / "postgresql.conf").open("a") as file:
        file.writelines(f"{key} = {value}\n" for key, value in conf.items())


@contextmanager
def _running(cluster: Cluster) -> Iterator[Cluster]:
    cluster.start()
    try:
        yield cluster
    finally:
        with suppress(subprocess.CalledProcessError):  # already stopped by the test
            cluster.stop("immediate")
        shutil.rmtree(cluster.folder, ignore_errors=True)


@contextmanager
def own_cluster(**settings: str | int) -> Iterator[Cluster]:
    """A new cluster, started, with `settings` in its postgresql.conf; trust
    authentication on 127.0.0.1 only. Stopped and removed on leaving."""
    programs = require_postgres_bin()
    cluster = Cluster(programs, _new_folder(), free_port())
    initdb = [str(programs / "initdb"), "-D", str(cluster.data), "-U", "postgres"]
    subprocess.run(
        as_postgres([*initdb, "--auth=trust", "-E", "UTF8", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    _configure(cluster, dict(settings))
    with _running(cluster):
        yield cluster


@contextmanager
def streaming_replica(primary: Cluster, **settings: str | int) -> Iterator[Cluster]:
    """A hot standby of `primary`, streaming its WAL from a base backup, and
    started; removed on leaving. `settings` go into its postgresql.conf."""
    replica = Cluster(primary.programs, _new_folder(), free_port())
    backup = [str(primary.programs / "pg_basebackup"), "-D", str(replica.data)]
    source = ["-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"]
    subprocess.run(
        as_postgres([*backup, *source, "-R", "-X", "stream", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    _configure(replica, dict(settings))
    with _running(replica):
        yield replica
