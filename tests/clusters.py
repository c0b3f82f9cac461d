"""PostgreSQL clusters of a test's own: made with `initdb`, run with `pg_ctl` as
the `postgres` user on a free port, removed afterwards. For tests that need
what the shared server must not be given (hundreds of connections, replication,
being stopped hard) without touching it: single clusters, streaming replicas
made with `pg_basebackup`, and pg_auto_failover formations. And PgBouncer, run
the same way, in front of a server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg.rows import dict_row

from infrastructure.event_store.environment import PostgresUrl
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


def require_pg_autoctl() -> Path:
    programs = require_postgres_bin()
    if shutil.which("pg_autoctl") is not None:
        return programs
    reason = "no pg_autoctl (Debian's pg-auto-failover-cli; make test installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI requires it)", pytrace=False)
    pytest.skip(f"SKIPPED, NO PG_AUTO_FAILOVER: {reason}")


@dataclass
class Formation:
    """A pg_auto_failover formation: a monitor and two nodes, each node's
    Postgres run by its `pg_autoctl` keeper. The monitor watches the nodes and,
    when the primary fails, promotes the secondary; replication between them is
    synchronous while both are up."""

    programs: Path
    folder: Path
    monitor_port: int
    ports: dict[str, int]  # node name -> port
    keepers: dict[str, subprocess.Popen[bytes]]

    def url(self, database: str = "postgres") -> str:
        """Every node, for a client that must find the one taking writes."""
        hosts = ",".join(f"127.0.0.1:{port}" for port in self.ports.values())
        return f"postgresql://postgres@{hosts}/{database}?target_session_attrs=read-write"

    def node_url(self, name: str, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.ports[name]}/{database}"

    def states(self) -> dict[str, tuple[str, str]]:
        """Each node's reported and assigned state, as the monitor has them."""
        monitor = f"postgresql://postgres@127.0.0.1:{self.monitor_port}/pg_auto_failover"
        with psycopg.connect(monitor, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT nodename, reportedstate::text, goalstate::text FROM pgautofailover.node"
            ).fetchall()
        return {name: (reported, goal) for name, reported, goal in rows}

    def is_up(self, name: str) -> bool:
        reported, _ = self.states().get(name, ("", ""))
        return reported in ("single", "primary", "secondary")

    def primary(self) -> str | None:
        """The node that takes writes, once the monitor and the node agree."""
        for name, (reported, goal) in self.states().items():
            if reported == goal and reported in ("primary", "wait_primary", "single"):
                return name
        return None

    def replicating_synchronously(self) -> bool:
        """A primary and a secondary, agreed with the monitor, and the primary's
        commits waiting for the secondary (the keeper sets that a moment after
        the monitor agrees)."""
        states = sorted(self.states().values())
        if states != [("primary", "primary"), ("secondary", "secondary")]:
            return False
        with psycopg.connect(self.node_url(str(self.primary())), autocommit=True) as conn:
            names = conn.execute("SHOW synchronous_standby_names").fetchone()
        return names is not None and names[0] != ""

    def fail(self, name: str) -> None:
        """The node dies at once, as if its machine lost power: its keeper,
        the keeper's services, its Postgres and every backend are killed
        (all carry the node's mark), so nothing is left to restart it."""
        keeper = self.keepers.pop(name)
        _kill_marked(str(self.folder / name))
        keeper.wait()


# Marks every process a keeper starts (they inherit it): some of them leave
# the keeper's process group, and all of them must die with their node.
MARK = "RAPPORT_TEST_KEEPER"


def _autoctl(
    folder: Path, *args: str, log: Path | None = None, mark: str = ""
) -> subprocess.Popen[bytes]:
    """`pg_autoctl ARGS...` as the postgres user, its configuration and state
    kept in `folder` rather than in that user's home."""
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_RUNTIME_DIR": str(folder / "run"),
        MARK: mark or str(folder),
    }
    output = log.open("ab") if log else subprocess.DEVNULL
    return subprocess.Popen(
        ["pg_autoctl", *args], env=env, stdout=output, stderr=output, cwd=folder, **_as_postgres()
    )


def _as_postgres() -> dict[str, str]:
    """`Popen`'s arguments that run a program as `postgres` when we are root:
    `as_postgres` for a program that must be signalled itself, not through `runuser`."""
    return {"user": "postgres", "group": "postgres"} if os.geteuid() == 0 else {}


def _kill_marked(mark: str) -> None:
    """SIGKILL every process carrying `mark` in its environment."""
    wanted = f"{MARK}={mark}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if wanted in (proc / "environ").read_bytes().split(b"\0"):
                os.kill(int(proc.name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            continue  # gone, or not ours to read


@contextmanager
def auto_failover_formation() -> Iterator[Formation]:
    """A monitor and two nodes on free ports, started, agreed on a primary and
    a secondary and replicating synchronously; stopped and removed on leaving."""
    programs = require_pg_autoctl()
    folder = _new_folder()
    monitor_port = free_port()
    ports = {"node1": free_port(), "node2": free_port()}
    keepers: dict[str, subprocess.Popen[bytes]] = {}
    formation = Formation(programs, folder, monitor_port, ports, keepers)
    common = ["--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl"]
    common += ["--pgctl", str(programs / "pg_ctl")]

    def created(*args: str) -> None:
        log = folder / "create.log"
        assert _autoctl(folder, "create", *args, *common, log=log).wait() == 0, log.read_text()

    try:
        created("monitor", "--pgdata", str(folder / "monitor"), "--pgport", str(monitor_port))
        keepers["monitor"] = _autoctl(
            folder, "run", "--pgdata", str(folder / "monitor"), log=folder / "monitor.log"
        )
        monitor = f"postgres://autoctl_node@127.0.0.1:{monitor_port}/pg_auto_failover"
        wait_for(lambda: _answers(f"postgresql://postgres@127.0.0.1:{monitor_port}/postgres"))
        _watch_closely(f"postgresql://postgres@127.0.0.1:{monitor_port}/pg_auto_failover")
        for name, port in ports.items():
            pgdata = str(folder / name)
            created("postgres", "--pgdata", pgdata, "--pgport", str(port), "--name", name,
                    "--monitor", f"{monitor}?sslmode=disable")  # fmt: skip
            keepers[name] = _autoctl(
                folder, "run", "--pgdata", pgdata, log=folder / f"{name}.log", mark=pgdata
            )
            wait_for(partial(formation.is_up, name), seconds=120)
        wait_for(formation.replicating_synchronously, seconds=120)
        yield formation
    finally:
        for keeper in keepers.values():
            keeper.terminate()
        for keeper in keepers.values():
            try:
                keeper.wait(timeout=20)
            except subprocess.TimeoutExpired:
                keeper.kill()
                keeper.wait()
        for mark in (folder, *(folder / name for name in ports)):
            _kill_marked(str(mark))  # whatever a keeper left behind
        for pgdata in ("monitor", *ports):
            with suppress(subprocess.CalledProcessError):
                pg_ctl = [str(programs / "pg_ctl"), "-D", str(folder / pgdata)]
                subprocess.run(
                    as_postgres([*pg_ctl, "-m", "immediate", "-w", "stop"]),
                    check=True,
                    capture_output=True,
                )
        shutil.rmtree(folder, ignore_errors=True)


# With its defaults the monitor takes 35-60 s to promote a standby: it calls a
# silent primary unhealthy after 20 s, then waits 30 s for it to demote itself
# (more than the 20 s after which a keeper cut off from the monitor demotes its
# own primary, so there are never two). A drill measures the mechanism, not
# those margins, and its dead primary's keeper is dead too, so it checks every
# second and waits 3 s. Production keeps the defaults (docs/operations.md).
MONITOR_SETTINGS = {
    "pgautofailover.health_check_period": 1000,
    "pgautofailover.health_check_timeout": 1000,
    "pgautofailover.health_check_max_retries": 1,
    "pgautofailover.health_check_retry_delay": 500,
    "pgautofailover.node_considered_unhealthy_timeout": 3000,
    "pgautofailover.primary_demote_timeout": 3000,
}


def _watch_closely(monitor: str) -> None:
    with psycopg.connect(monitor, autocommit=True) as conn:
        for name, value in MONITOR_SETTINGS.items():
            conn.execute(f"ALTER SYSTEM SET {name} = {value}")
        conn.execute("SELECT pg_reload_conf()")


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


def wait_for(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


PGBOUNCER = Path("/usr/sbin/pgbouncer")


def require_pgbouncer() -> Path:
    if PGBOUNCER.exists():
        return PGBOUNCER
    reason = f"no {PGBOUNCER} (Debian's pgbouncer; make test installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI requires it)", pytrace=False)
    pytest.skip(f"SKIPPED, NO PGBOUNCER: {reason}")


@dataclass
class Pooler:
    """PgBouncer on 127.0.0.1, in front of one server."""

    folder: Path
    port: int

    def url(self, database_url: str) -> str:
        """`database_url` (a URL of the server) through the pooler."""
        parts = urlsplit(database_url)
        userinfo, _, _ = parts.netloc.rpartition("@")
        return urlunsplit(parts._replace(netloc=f"{userinfo}@127.0.0.1:{self.port}"))

    def show(self, what: str) -> list[dict[str, Any]]:
        """`SHOW what` on PgBouncer's console (SERVERS, CLIENTS, POOLS, STATS): a
        dict per row. The console speaks the simple query protocol only."""
        console = f"postgresql://postgres@127.0.0.1:{self.port}/pgbouncer"
        with psycopg.connect(
            console, autocommit=True, cursor_factory=psycopg.ClientCursor, row_factory=dict_row
        ) as conn:
            return conn.execute(f"SHOW {what}").fetchall()


@contextmanager
def transaction_pooler(server_url: str, *, pool_size: int = 4) -> Iterator[Pooler]:
    """PgBouncer in transaction pooling mode on a free port, in front of the
    server of `server_url`, its files in a folder of its own: the transactions
    of all its clients of one database and user share `pool_size` server
    connections, each transaction taking whichever is free. Trust
    authentication, as the test servers have. Stopped and removed on leaving."""
    program = require_pgbouncer()
    server = PostgresUrl.parse(server_url)
    (host, port), folder = server.hosts[0], _new_folder()
    pooler = Pooler(folder, free_port())
    (folder / "users.txt").write_text(f'"{server.user}" ""\n"postgres" ""\n')
    settings = {
        "listen_addr": "127.0.0.1",
        "listen_port": pooler.port,
        "unix_socket_dir": "",
        "auth_type": "trust",
        "auth_file": folder / "users.txt",
        "admin_users": "postgres",
        "pool_mode": "transaction",
        "default_pool_size": pool_size,
        "max_client_conn": 500,
        "logfile": folder / "pgbouncer.log",
        "pidfile": folder / "pgbouncer.pid",
    }
    config = folder / "pgbouncer.ini"
    config.write_text(
        f"[databases]\n* = host={host} port={port}\n\n[pgbouncer]\n"
        + "".join(f"{key} = {value}\n" for key, value in settings.items())
    )
    running = subprocess.Popen(
        [str(program), str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **_as_postgres(),
    )
    try:
        wait_for(lambda: _pooler_answers(running, pooler, server_url), seconds=30)
        yield pooler
    finally:
        running.terminate()  # SIGTERM: PgBouncer closes every connection at once
        try:
            running.wait(timeout=10)
        except subprocess.TimeoutExpired:
            running.kill()
            running.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _pooler_answers(running: subprocess.Popen[bytes], pooler: Pooler, server_url: str) -> bool:
    log = pooler.folder / "pgbouncer.log"
    assert running.poll() is None, f"PgBouncer exited:\n{log.read_text() if log.exists() else ''}"
    # Without Rapport's options (`schema`), which libpq does not take.
    return _answers(urlsplit(pooler.url(server_url))._replace(query="").geturl())
