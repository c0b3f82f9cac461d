"""Scale-out on PostgreSQL, in one run: one `rapport serve` doing everything,
against 1, 2 and 3 API-only processes beside one process per background job:
`rapport project`, which projects their views, `rapport sla-watch` and
`rapport webhook deliver` (docs/operations.md). Each topology takes the same
mutations and the same dashboard load in interleaved rounds, so the figures
compare like with like. Clients, servers, jobs and database share one
machine, so on two cores the point is the shape (what a process more costs or
gains, where the time goes), not the absolute figures. Run with `make bench`;
figures go to docs/benchmarks.md."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from application.service import Rapport
from interfaces.bootstrap import ViewRuntime, bootstrap, build_tokens, build_views
from tests.benchmarks.http_load import (
    API_ONLY,
    Load,
    Server,
    graphql,
    latency_row,
    load_average_row,
    run_load,
    serving,
    wait_for_views,
    working,
)
from tests.benchmarks.measure import Spread, interleaved, report
from tests.benchmarks.workloads import (
    DASHBOARD,
    answered,
    check_dashboard,
    realistic_engagement,
    receive_body,
    received,
)
from tests.builders import open_engagement
from tests.conftest import fresh_schema, make_settings

pytestmark = pytest.mark.postgres

WRITERS = 4  # mutation clients, spread over the topology's API processes
WRITE_SECONDS = 3.0  # per mutation round
READERS = 50  # dashboard clients, each refreshing every REFRESH seconds
REFRESH = 2.0
READ_SECONDS = 10.0  # per dashboard round
READ_ROUNDS = 8  # dashboard rounds measured, after one to warm up: 2,000 requests pooled
# Seven processes share the server's 100 connections: a smaller pool each than
# the default 10, the same in every API process, and the jobs' 3 as in
# docker/compose.yaml. On two cores more would only queue.
# No response cache: every dashboard is worked out, so the reads measure how
# the topology spreads that work (the cache's own figures are in the API benchmark).
SETTINGS = {"RAPPORT_POOL_SIZE": "4", "RAPPORT_RESPONSE_CACHE_MIB": "0"}
WORKER_SETTINGS = {"RAPPORT_POOL_SIZE": "3"}
API_PROCESSES = 3
JOBS: dict[str, tuple[str, ...]] = {
    "project": ("project",),
    "sla-watch": ("sla-watch",),
    "webhooks": ("webhook", "deliver"),
}


@dataclass
class Database:
    """One schema with Rapport on it: the data and tokens the clients use."""

    app: Rapport
    runtime: ViewRuntime
    url: str
    agent: str
    viewer: str
    receive: bytes
    dashboard: bytes


@dataclass
class Topology:
    """API servers to spread clients over, on a database, the background
    processes beside them (whose CPU counts too), and what each round saw."""

    database: Database
    servers: Sequence[Server]
    workers: Sequence[psutil.Process] = ()
    writes: list[Load] = field(default_factory=list)
    reads: list[Load] = field(default_factory=list)

    def write_round(self) -> float:
        load = run_load(
            self.servers,
            self.database.agent,
            self.database.receive,
            clients=WRITERS,
            seconds=WRITE_SECONDS,
            ok=received,
            workers=self.workers,
        )
        self.writes.append(load)
        return load.rate

    def read_round(self) -> float:
        """The round's p99 latency, in milliseconds."""
        load = run_load(
            self.servers,
            self.database.viewer,
            self.database.dashboard,
            clients=READERS,
            seconds=READ_SECONDS,
            ok=answered,
            every=REFRESH,
            workers=self.workers,
        )
        self.reads.append(load)
        return load.ms(99)


@contextmanager
def database() -> Iterator[Database]:
    with fresh_schema() as url:
        settings = make_settings(url, pool_size=2)
        app = bootstrap(settings)
        runtime = build_views(app, settings)
        try:
            tokens = build_tokens(runtime)
            agent, _ = tokens.create("agent", "bench-agent")
            viewer, _ = tokens.create("viewer", "bench-viewer")
            dashboard = graphql(DASHBOARD, {"id": str(realistic_engagement(app))})
            receive = receive_body(open_engagement(app))
            yield Database(app, runtime, url, agent, viewer, receive, dashboard)
        finally:
            runtime.close()
            app.close()


def test_one_process_against_api_processes_with_a_process_per_job(tmp_path: Path) -> None:
    with database() as alone, database() as fleet, ExitStack() as stack:
        single = stack.enter_context(serving(alone.url, tmp_path / "single.log", **SETTINGS))
        apis = [
            stack.enter_context(
                serving(fleet.url, tmp_path / f"api-{n}.log", *API_ONLY, **SETTINGS)
            )
            for n in range(API_PROCESSES)
        ]
        workers = [
            stack.enter_context(
                working(fleet.url, tmp_path / f"{job}.log", *args, **WORKER_SETTINGS)
            )
            for job, args in JOBS.items()
        ]
        for db in (alone, fleet):
            wait_for_views(db.app, db.runtime)
        topologies = {"one process": Topology(alone, [single])} | {
            f"{n} API + jobs": Topology(fleet, apis[:n], workers)
            for n in range(1, API_PROCESSES + 1)
        }
        for topology in topologies.values():
            for server in topology.servers:
                check_dashboard(server, topology.database.viewer, topology.database.dashboard)
        writes = interleaved({name: t.write_round for name, t in topologies.items()})
        reads = interleaved(
            {name: t.read_round for name, t in topologies.items()}, rounds=READ_ROUNDS
        )
    report_fleet(topologies, writes, reads)


def report_fleet(
    topologies: dict[str, Topology],
    writes: dict[str, list[float]],
    reads: dict[str, list[float]],
) -> None:
    """The warm-up round of each topology's loads is dropped, as `interleaved`
    drops its figures."""
    baseline = writes["one process"]
    rows: list[tuple[str, str]] = []
    for name, topology in topologies.items():
        mutations = Load.pooled(topology.writes[1:])
        dashboard = Load.pooled(topology.reads[1:])
        rows += [
            (f"{name}: receiveComplaint", Spread.of(writes[name]).shown(0, " /s")),
            ("... ratio to one process", Spread.ratio(writes[name], baseline).shown()),
            ("... latency p50 / p95 / p99", latency_row(mutations)),
            ("... CPU per mutation, every Rapport process", f"{mutations.cpu_ms():8.1f} ms"),
            (
                f"... dashboard, {READERS} clients every {REFRESH:.0f} s: p50 / p95 / p99",
                latency_row(dashboard),
            ),
            (
                "... dashboard p99 per round (median, lowest-highest)",
                Spread.of(reads[name]).shown(1, " ms"),
            ),
            ("... CPU per dashboard", f"{dashboard.cpu_ms():8.1f} ms"),
        ]
    report(
        f"One process against a fleet, PostgreSQL, {WRITERS} writers or {READERS} readers "
        f"(median of rounds, lowest-highest; every round's requests pooled for latency)",
        [*rows, load_average_row()],
    )
