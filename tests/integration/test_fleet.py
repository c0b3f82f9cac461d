"""Rapport as a fleet on one PostgreSQL, as docker/compose.yaml runs it: API
processes that only serve (`rapport serve --no-projectors --no-sla-watch
--no-webhooks`) and one process for each job (`rapport project`, `sla-watch`,
`webhook deliver`), each job done by one process at a time under its lock.

The API processes query a streaming replica (`RAPPORT_READ_DATABASE_URL`).
Clients spread their mutations over the API processes and read each answer
back on another one; processes are killed (-9) mid-load and their standbys
take over. Nothing acknowledged is lost or recorded twice, the views equal a
rebuild, and every webhook arrives, in order. The fleet runs on a cluster of
the test's own, allowed the connections so many processes open (see
docs/operations.md for the budget)."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from application.service import Rapport
from infrastructure.views.maintenance import statuses, verify
from interfaces.bootstrap import ViewRuntime, bootstrap, build_tokens, build_views, build_webhooks
from tests.builders import open_engagement
from tests.clusters import own_cluster, streaming_replica
from tests.conftest import make_settings
from tests.processes import (
    ReadBackClients,
    advisory_lock_holders,
    received_complaints,
    serving,
    start_rapport,
    stop,
    wait_until,
)
from tests.webhook_receiver import Receiver, receiving

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

JOBS: dict[str, tuple[str, ...]] = {
    "project": ("project",),
    "sla-watch": ("sla-watch",),
    "webhooks": ("webhook", "deliver"),
}
API_ONLY = ("--no-projectors", "--no-sla-watch", "--no-webhooks")
# A job needs few connections: its lock's, its listener's, and one or two to
# read and write at a time (docs/operations.md; docker/compose.yaml sets the same).
WORKER_POOL_SIZE = 3


@dataclass
class Database:
    app: Rapport
    runtime: ViewRuntime
    url: str  # the primary
    read_url: str  # its streaming replica


@pytest.fixture
def fleet_db() -> Iterator[Database]:
    """The application and its views on a cluster of this test's own, with a
    streaming replica."""
    with own_cluster(max_connections=400) as primary, streaming_replica(primary) as replica:
        settings = make_settings(primary.url())
        app = bootstrap(settings)
        runtime = build_views(app, settings)
        try:
            yield Database(app, runtime, primary.url(), replica.url())
        finally:
            runtime.close()
            app.close()


class Fleet:
    """The processes of one test, each writing its output to a file of its own."""

    def __init__(self, database: Database, folder: Path, stack: ExitStack) -> None:
        self.url, self.read_url = database.url, database.read_url
        self.folder, self.stack = folder, stack
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, *args: str, **settings: str) -> subprocess.Popen[bytes]:
        output = self.stack.enter_context((self.folder / f"{name}.log").open("wb"))
        process = start_rapport(
            self.url,
            *args,
            stdout=output,
            stderr=output,
            PGAPPNAME=name,
            RAPPORT_POOL_SIZE=str(WORKER_POOL_SIZE),
            **settings,
        )
        self.processes[name] = process
        self.stack.callback(stop, process)
        return process

    def api(self, name: str) -> str:
        """An API process that only serves, reading from the replica; its URL."""
        return self.stack.enter_context(
            serving(
                self.url,
                self.folder / f"{name}.log",
                *API_ONLY,
                PGAPPNAME=name,
                RAPPORT_RATE_LIMIT_PER_MINUTE="0",
                RAPPORT_VIEW_WAIT_SECONDS="15",
                RAPPORT_READ_DATABASE_URL=self.read_url,
            )
        )


@contextmanager
def fleet(database: Database, folder: Path) -> Iterator[Fleet]:
    with ExitStack() as stack:
        yield Fleet(database, folder, stack)


def assert_views_equal_a_rebuild(app: Rapport, runtime: ViewRuntime) -> None:
    head = app.head()
    wait_until(
        lambda: min(s.position for s in statuses(app, runtime.store, runtime.views)) >= head,
        timeout=120,
    )
    assert verify(app, runtime.store, runtime.views) == []
    (audit,) = runtime.select(["audit"])
    assert len(runtime.store.stored(audit, runtime.store.live(audit).number)) == head


def test_three_api_processes_and_one_worker_per_job_lose_nothing_and_read_their_writes(
    fleet_db: Database, tmp_path: Path
) -> None:
    app, runtime = fleet_db.app, fleet_db.runtime
    engagements = [open_engagement(app) for _ in range(4)]
    token, _ = build_tokens(runtime).create("agent", "fleet")
    receiver = Receiver()
    with receiving(receiver) as endpoint, fleet(fleet_db, tmp_path) as processes:
        _, receiver.secret = build_webhooks(runtime).register(endpoint)
        first = app.head() + 1
        for job, args in JOBS.items():
            processes.start(f"fleet-{job}", *args)
        apis = [processes.api(f"fleet-api-{n}") for n in range(3)]

        clients = ReadBackClients(apis, token, engagements, "fleet")
        with peak_connections(fleet_db.url) as peaks:
            clients.all(clients=8, count=200)

        assert clients.problems == []
        assert len(clients.acknowledged) == 8 * 200
        received = received_complaints(app)
        assert sorted(received) == sorted(clients.acknowledged)  # each once, none lost
        assert_views_equal_a_rebuild(app, runtime)
        expected = list(range(first, app.head() + 1))
        wait_until(lambda: receiver.positions() == expected, timeout=120)
        assert all(arrival.signed for arrival in receiver.arrivals)
    print(f"\npeak connections per process: {dict(sorted(peaks.items()))}")
    # Each process keeps within its budget (docs/operations.md): two pools of
    # up to 2 x RAPPORT_POOL_SIZE, plus its listeners and lock sessions.
    for name, peak in peaks.items():
        pool_size = 10 if name.startswith("fleet-api-") else WORKER_POOL_SIZE
        assert peak <= 4 * pool_size + 4, peaks


@contextmanager
def peak_connections(url: str) -> Iterator[dict[str, int]]:
    """The most connections each fleet process held at once while inside."""
    peaks: dict[str, int] = {}
    done = threading.Event()
    query = (
        "SELECT application_name, count(*) FROM pg_stat_activity "
        "WHERE application_name LIKE 'fleet-%' GROUP BY application_name"
    )

    def sample() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            while not done.wait(0.05):
                for name, count in conn.execute(query):
                    peaks[name] = max(peaks.get(name, 0), count)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        yield peaks
    finally:
        done.set()
        sampler.join()


def holder(runtime: ViewRuntime, job: str) -> set[str]:
    return advisory_lock_holders(runtime, f"fleet-{job}-")


def test_a_standby_of_each_job_takes_over_when_the_active_one_is_killed_mid_load(
    fleet_db: Database, tmp_path: Path
) -> None:
    app, runtime = fleet_db.app, fleet_db.runtime
    engagements = [open_engagement(app) for _ in range(2)]
    token, _ = build_tokens(runtime).create("agent", "fleet")
    receiver = Receiver()
    takeovers: dict[str, float] = {}
    with receiving(receiver) as endpoint, fleet(fleet_db, tmp_path) as processes:
        _, receiver.secret = build_webhooks(runtime).register(endpoint)
        first = app.head() + 1
        for job, args in JOBS.items():
            processes.start(f"fleet-{job}-a", *args)
            wait_until(lambda: holder(runtime, job) == {f"fleet-{job}-a"})  # noqa: B023
            processes.start(f"fleet-{job}-b", *args)
        apis = [processes.api(f"fleet-api-{n}") for n in range(2)]
        clients = ReadBackClients(apis, token, engagements, "fleet")
        load = threading.Thread(target=clients.all, kwargs={"clients": 4, "count": 100})
        load.start()
        wait_until(lambda: len(clients.acknowledged) >= 100, timeout=120)

        for job in JOBS:
            active = processes.processes[f"fleet-{job}-a"]
            active.send_signal(signal.SIGKILL)
            killed = time.monotonic()
            active.wait()
            wait_until(lambda: holder(runtime, job) == {f"fleet-{job}-b"}, poll=0.01)  # noqa: B023
            takeovers[job] = time.monotonic() - killed
        load.join()

        assert clients.problems == []
        assert sorted(received_complaints(app)) == sorted(clients.acknowledged)
        assert_views_equal_a_rebuild(app, runtime)  # nothing folded twice, nothing lost
        expected = list(range(first, app.head() + 1))
        wait_until(lambda: receiver.positions() == expected, timeout=120)
    print(
        "\ntakeover after kill -9: "
        + ", ".join(f"{job} {seconds * 1000:.0f} ms" for job, seconds in takeovers.items())
    )
    # A standby tries its lock every 0.2 s; the database frees a dead
    # session's locks as soon as its connection drops.
    assert max(takeovers.values()) < 5.0, takeovers
