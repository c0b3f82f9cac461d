"""API benchmarks on PostgreSQL: mutations per second over HTTP against the bare
library's save rate, the same command through `Rapport.execute` and the thinnest
strawberry mutation that saves one event; the engagement dashboard's latency
under 50 concurrent clients; and the server's peak memory. The server is
`rapport serve` itself, in its own process (production settings, views
projected inside it, no rate limit) on a fresh schema, so every figure, memory
included, is the real server's. Run with `make bench`; figures go to
docs/benchmarks.md."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from statistics import quantiles
from typing import Any
from uuid import UUID

import aiohttp
import httpx
import orjson
import psutil
import pytest

from application.commands.base import CommandMeta
from application.commands.complaint import ReceiveComplaint
from application.commands.engagement import (
    CompleteMilestone,
    PlanMilestone,
    RecordSurveyResponse,
)
from application.service import Rapport
from application.views.log import read_log
from interfaces.bootstrap import ViewRuntime, bootstrap, build_tokens
from tests.benchmarks.measure import (
    Encoding,
    Parcel,
    Spread,
    bare_application,
    interleaved,
    rate,
    report,
)
from tests.builders import open_engagement
from tests.conftest import fresh_schema, make_settings
from tests.generate import generate

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 4  # HTTP clients, and the bare library's threads (as in the core benchmark)
WRITE_SECONDS = 3.0  # per HTTP round
SAVES = 1000  # per round of the bare save and of `Rapport.execute`
READERS = 50
READ_SECONDS = 10.0
# A dashboard open in 50 browsers, each refreshing every 2 s: far more often than
# people look, and a load the server can carry, so the figure is its latency
# rather than the length of a queue.
REFRESH = 2.0

# `rapport serve`, exactly as the command line runs it.
SERVE = "from interfaces.cli.main import app; app()"

Check = Callable[[Any], bool]


@dataclass
class Server:
    url: str
    process: psutil.Process

    def cpu_seconds(self) -> float:
        times = self.process.cpu_times()
        return float(times.user + times.system)

    def peak_mib(self) -> float:
        """VmHWM: the kernel's own record of the process's peak resident memory,
        which no polling can miss."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(database_url: str, log: Path) -> Iterator[Server]:
    """`rapport serve` on the database, as in production but with no rate limit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORT_")}
    env |= {
        "RAPPORT_DATABASE_URL": database_url,
        "RAPPORT_ENV": "production",
        "RAPPORT_RATE_LIMIT_PER_MINUTE": "0",
    }
    port = free_port()
    with running([sys.executable, "-c", SERVE, "serve", "--port", str(port)], env, log) as popen:
        yield started(port, popen, log)


@contextmanager
def serving_thinnest(database_url: str, log: Path) -> Iterator[Server]:
    """tests/benchmarks/thinnest_api.py, under uvicorn with `rapport serve`'s options."""
    env = {**os.environ, "THINNEST_DATABASE_URL": database_url}
    port = free_port()
    command = [
        *(sys.executable, "-m", "uvicorn", "tests.benchmarks.thinnest_api:app"),
        *("--port", str(port), "--log-level", "info", "--proxy-headers"),
    ]
    with running(command, env, log) as popen:
        yield started(port, popen, log)


@contextmanager
def running(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as output:
        popen = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        yield popen
    finally:
        popen.terminate()
        try:
            popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            popen.kill()
            popen.wait()


def started(port: int, popen: subprocess.Popen[bytes], log: Path) -> Server:
    wait_until_healthy(f"http://127.0.0.1:{port}", popen, log)
    return Server(f"http://127.0.0.1:{port}", psutil.Process(popen.pid))


def wait_until_healthy(url: str, popen: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if popen.poll() is not None:
            pytest.fail(f"the server exited:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"the server did not answer within 30 s:\n{log.read_text()}")


def wait_for_views(app: Rapport, runtime: ViewRuntime) -> None:
    """Until the server's projectors have every event written before it started."""
    names = [view.name for view in runtime.views]
    assert runtime.store.wait(app.head(), names, timeout=120), "the views did not catch up"


@dataclass
class Load:
    """What a run of clients saw, and what it cost the server."""

    latencies: list[float] = field(default_factory=list)
    failures: list[bytes] = field(default_factory=list)
    seconds: float = 1.0
    server_cpu: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def ms(self, percentile: int) -> float:
        return quantiles(self.latencies, n=100)[percentile - 1] * 1000

    def cpu_ms(self) -> float:
        return self.server_cpu / len(self.latencies) * 1000


async def one_client(
    session: aiohttp.ClientSession,
    url: str,
    body: bytes,
    *,
    until: float,
    load: Load,
    ok: Check,
    every: float | None,
) -> None:
    if every:  # paced clients start spread over one interval, as real ones would
        await asyncio.sleep(random.uniform(0, every))
    while time.perf_counter() < until:
        started = time.perf_counter()
        async with session.post(url, data=body) as response:
            content = await response.read()
        load.latencies.append(time.perf_counter() - started)
        if response.status != 200 or not ok(orjson.loads(content)):
            load.failures.append(content)
        if every:
            await asyncio.sleep(max(every - (time.perf_counter() - started), 0))


def run_load(
    server: Server,
    token: str,
    body: bytes,
    *,
    clients: int,
    seconds: float,
    ok: Check,
    every: float | None = None,
) -> Load:
    """`clients` clients, each on its own connection, sending `body` back to back,
    or with `every`, once every that many seconds.

    The clients are aiohttp's: they share the machine with the server, and
    they spend a quarter of the CPU per request that httpx's would, so the
    figures measure the server rather than its load."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    load = Load()

    async def main() -> None:
        until = time.perf_counter() + seconds
        connector = aiohttp.TCPConnector(limit=clients)
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(
            connector=connector, headers=headers, timeout=timeout
        ) as session:
            await asyncio.gather(
                *(
                    one_client(
                        session,
                        f"{server.url}/graphql",
                        body,
                        until=until,
                        load=load,
                        ok=ok,
                        every=every,
                    )
                    for _ in range(clients)
                )
            )

    cpu, started = server.cpu_seconds(), time.perf_counter()
    asyncio.run(main())
    load.seconds = time.perf_counter() - started
    load.server_cpu = server.cpu_seconds() - cpu
    assert not load.failures, load.failures[0][:500]
    return load


def graphql(query: str, variables: dict[str, Any]) -> bytes:
    return orjson.dumps({"query": query, "variables": variables})


def load_average_row() -> tuple[str, str]:
    """Client, server and database share the machine: how busy it was says how
    far the figures can be trusted."""
    return ("machine load average over the last minute", f"{os.getloadavg()[0]:8.1f}")


def latency_row(load: Load) -> str:
    return f"{load.ms(50):8.1f} / {load.ms(95):.1f} / {load.ms(99):.1f} ms"


RECEIVE = """mutation($input: ReceiveComplaintInput!) {
  receiveComplaint(input: $input) {
    __typename
    ... on ComplaintPayload { complaintId version }
    ... on Error { message }
  }
}"""

REGISTER_PARCEL = """mutation($label: String!) { registerParcel(label: $label) }"""


def received(body: Any) -> bool:
    return bool(body["data"]["receiveComplaint"]["__typename"] == "ComplaintPayload")


def registered(body: Any) -> bool:
    return bool(body["data"]["registerParcel"])


COMPLAINT = {
    "channel": "email",
    "severity": "high",
    "category": "billing",
    "description": "Invoice charged twice",
}


def receive_body(engagement_id: UUID) -> bytes:
    complaint = {**COMPLAINT, "channel": "EMAIL", "severity": "HIGH"}
    return graphql(RECEIVE, {"input": {"engagementId": str(engagement_id), **complaint}})


def test_mutations_over_http_against_the_bare_library_save_rate(
    pg: tuple[Rapport, ViewRuntime, str], tmp_path: Path
) -> None:
    """Four ways of recording one new event, in interleaved rounds: the bare
    library's save; `receiveComplaint` through `Rapport.execute` (its own
    schema, no views); the thinnest strawberry mutation saving one event over
    HTTP; and `receiveComplaint` over HTTP, answered once the views show it."""
    app, runtime, url = pg
    token, _ = build_tokens(runtime).create("agent", "bench-agent")
    body = receive_body(open_engagement(app))
    bare = bare_application(url, WRITERS, Encoding.LIBRARY)
    with fresh_schema() as direct_url, fresh_schema() as thinnest_url:
        direct = bootstrap(make_settings(direct_url, pool_size=WRITERS * 2))
        receive = ReceiveComplaint(engagement_id=open_engagement(direct), **COMPLAINT)
        meta = CommandMeta(actor="bench")
        try:
            with (
                serving(url, tmp_path / "server.log") as server,
                serving_thinnest(thinnest_url, tmp_path / "thinnest.log") as thinnest,
            ):
                wait_for_views(app, runtime)
                thinnest_body = graphql(REGISTER_PARCEL, {"label": "parcel"})
                loads: dict[str, list[Load]] = {"thinnest": [], "http": []}

                def over_http(name: str, target: Server, body: bytes, ok: Check) -> float:
                    load = run_load(
                        target, token, body, clients=WRITERS, seconds=WRITE_SECONDS, ok=ok
                    )
                    loads[name].append(load)
                    return load.rate

                rates = interleaved(
                    {
                        "bare": lambda: rate(lambda i: bare.save(Parcel(f"p-{i}")), SAVES, WRITERS),
                        "execute": lambda: rate(
                            lambda i: direct.execute(receive, meta), SAVES, WRITERS
                        ),
                        "thinnest": lambda: over_http(
                            "thinnest", thinnest, thinnest_body, registered
                        ),
                        "http": lambda: over_http("http", server, body, received),
                    }
                )
                peak = server.peak_mib()
        finally:
            bare.close()
            direct.close()
    report_writes(rates, loads["http"][1:], loads["thinnest"][1:], peak)


def report_writes(
    rates: dict[str, list[float]], loads: list[Load], thinnest: list[Load], peak_mib: float
) -> None:
    """`loads` and `thinnest` are the measured rounds' loads, the warm-up dropped."""
    every = Load(
        [t for load in loads for t in load.latencies],
        server_cpu=sum(load.server_cpu for load in loads),
    )
    thinnest_every = Load(
        [t for load in thinnest for t in load.latencies],
        server_cpu=sum(load.server_cpu for load in thinnest),
    )
    http = Spread.ratio(rates["http"], rates["bare"])
    report(
        f"Mutations, PostgreSQL, {WRITERS} clients or threads (median, lowest-highest)",
        [
            ("bare library: save one-event aggregates", Spread.of(rates["bare"]).shown(0, " /s")),
            (
                "Rapport.execute: receiveComplaint, no views",
                Spread.of(rates["execute"]).shown(0, " /s"),
            ),
            (
                "thinnest strawberry mutation saving one event, HTTP",
                Spread.of(rates["thinnest"]).shown(0, " /s"),
            ),
            ("receiveComplaint over HTTP, views awaited", Spread.of(rates["http"]).shown(0, " /s")),
            ("ratio receiveComplaint over HTTP / bare save (>= 0.5)", http.shown()),
            (
                "ratio receiveComplaint over HTTP / Rapport.execute",
                Spread.ratio(rates["http"], rates["execute"]).shown(),
            ),
            (
                "ratio receiveComplaint over HTTP / thinnest mutation",
                Spread.ratio(rates["http"], rates["thinnest"]).shown(),
            ),
            (
                "ratio Rapport.execute / bare save",
                Spread.ratio(rates["execute"], rates["bare"]).shown(),
            ),
            (
                "ratio thinnest mutation / bare save",
                Spread.ratio(rates["thinnest"], rates["bare"]).shown(),
            ),
            ("receiveComplaint latency p50 / p95 / p99 (views show it)", latency_row(every)),
            ("thinnest mutation latency p50 / p95 / p99", latency_row(thinnest_every)),
            ("server CPU per mutation (its projector included)", f"{every.cpu_ms():8.1f} ms"),
            ("thinnest server CPU per mutation", f"{thinnest_every.cpu_ms():8.1f} ms"),
            ("server peak memory (VmHWM)", f"{peak_mib:8.1f} MiB"),
            load_average_row(),
        ],
    )


DASHBOARD = """query Dashboard($id: UUID!) {
  engagement(id: $id) {
    id title state health healthReasons
    progress {
      milestonesTotal milestonesCompleted milestoneCompletionPercent
      overdueMilestones { milestoneId name dueOn }
      requirementsByState { key count }
      acceptancePercent scopeChurn latestRag
    }
    budget {
      currency budget actualCost remainingBudget consumedPercent elapsedPercent
      burnRatePerWeek projectedExhaustion costByCategory { key amount }
      earnedValue { plannedValue earnedValue cpi spi eac }
    }
    satisfaction {
      csatResponses csatMean nps complaintsReceived
      openBySeverity { key count }
      firstResponseTime { count medianSeconds p90Seconds }
      resolutionTime { count medianSeconds p90Seconds }
      slaCompliance { clock met answered unansweredPastDue percent }
      slaBreaches
    }
    riskRegister {
      risksTotal risksByState { key count } heatMap
      topExposures { riskId title exposure level hasResponsePlan }
      maxExposureWithoutPlan
    }
    complaints(first: 20) {
      nodes { id severity state receivedAt firstResponseDue resolutionDue pastDue assignee }
      pageInfo { hasNextPage endCursor }
    }
  }
}"""


def answered(body: Any) -> bool:
    return "errors" not in body and body["data"]["engagement"] is not None


def realistic_engagement(app: Rapport) -> UUID:
    """One engagement with about 50 complaints (most closed), requirements,
    assessed risks, a few hundred costs, six milestones and survey responses."""
    generate(app, 1_000, engagements=1, seed=11)
    first_events, _ = read_log(app, 0, 10)
    (engagement_id,) = {e.engagement_id for e in first_events}
    meta = CommandMeta(actor="bench")
    today = app.clock.now().date()
    for n in range(6):
        due = today + timedelta(days=30 * (n - 2))  # two in the past, the first completed
        milestone = PlanMilestone(
            engagement_id=engagement_id, name=f"M{n}", due_on=due, weight=Decimal(1)
        )
        planned = app.execute(milestone, meta)
        if n == 0:
            (milestone_id,) = planned.created_ids
            app.execute(
                CompleteMilestone(engagement_id=engagement_id, milestone_id=milestone_id), meta
            )
    for n in range(20):
        survey = RecordSurveyResponse(
            engagement_id=engagement_id, csat=1 + n % 5, nps=n % 11, respondent="c", channel="web"
        )
        app.execute(survey, meta)
    return engagement_id


def test_engagement_dashboard_latency_under_fifty_concurrent_clients(
    pg: tuple[Rapport, ViewRuntime, str], tmp_path: Path
) -> None:
    app, runtime, url = pg
    token, _ = build_tokens(runtime).create("viewer", "bench-viewer")
    body = graphql(DASHBOARD, {"id": str(realistic_engagement(app))})
    with serving(url, tmp_path / "server.log") as server:
        wait_for_views(app, runtime)
        complaints = check_dashboard(server, token, body)
        run_load(server, token, body, clients=READERS, seconds=2.0, ok=answered)  # warm up
        alone = run_load(server, token, body, clients=1, seconds=3.0, ok=answered)
        crowd = run_load(server, token, body, clients=READERS, seconds=READ_SECONDS, ok=answered)
        paced = run_load(
            server, token, body, clients=READERS, seconds=READ_SECONDS, ok=answered, every=REFRESH
        )
        peak = server.peak_mib()
    events = app.head()
    report(
        f"Engagement dashboard over HTTP, PostgreSQL ({complaints} complaints, {events} events)",
        [
            (
                f"{READERS} clients refreshing every {REFRESH:.0f} s: requests per second",
                f"{paced.rate:8.0f} /s",
            ),
            ("... latency p50 / p95 / p99 (target p99 < 30)", latency_row(paced)),
            (f"{READERS} clients back to back: requests per second", f"{crowd.rate:8.0f} /s"),
            ("... latency p50 / p95 / p99", latency_row(crowd)),
            ("one client alone: requests per second", f"{alone.rate:8.0f} /s"),
            ("one client alone: latency p50 / p95 / p99", latency_row(alone)),
            ("server CPU per request", f"{crowd.cpu_ms():8.1f} ms"),
            ("server peak memory (VmHWM)", f"{peak:8.1f} MiB"),
            load_average_row(),
        ],
    )


def check_dashboard(server: Server, token: str, body: bytes) -> int:
    """The query answers what a dashboard shows: a full page of complaints and
    every figure. Returns the engagement's number of complaints."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    response = httpx.post(f"{server.url}/graphql", content=body, headers=headers)
    engagement = response.json()["data"]["engagement"]
    assert len(engagement["complaints"]["nodes"]) == 20
    assert engagement["progress"]["milestonesTotal"] == 6
    assert engagement["satisfaction"]["csatResponses"] >= 20
    assert engagement["riskRegister"]["risksTotal"] > 0
    received: int = engagement["satisfaction"]["complaintsReceived"]
    assert received >= 40
    return received
