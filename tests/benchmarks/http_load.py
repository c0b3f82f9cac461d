"""What the HTTP benchmarks share: Rapport's own processes started as the
command line starts them (API servers and background jobs), and clients that
load them with one GraphQL request, back to back or paced, measuring each
request's latency and what the processes spent on it."""

from __future__ import annotations

import asyncio
import math
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import quantiles
from typing import Any

import aiohttp
import httpx
import orjson
import psutil
import pytest

from application.service import Rapport
from interfaces.bootstrap import ViewRuntime
from tests.processes import stop

ROOT = Path(__file__).resolve().parents[2]

# `rapport`, exactly as the command line runs it.
RAPPORT = "from interfaces.cli.main import app; app()"

# Only what `rapport serve` needs to be an API server and nothing else.
API_ONLY = ("--no-projectors", "--no-sla-watch", "--no-webhooks")

Check = Callable[[Any], bool]


@dataclass
class Server:
    url: str
    process: psutil.Process

    def peak_mib(self) -> float:
        """VmHWM: the kernel's own record of the process's peak resident memory,
        which no polling can miss."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024


def cpu_seconds(processes: Sequence[psutil.Process]) -> float:
    """User and system CPU the processes have spent so far."""
    return float(sum(p.cpu_times().user + p.cpu_times().system for p in processes))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def production_env(database_url: str, settings: dict[str, str]) -> dict[str, str]:
    """Production settings on the database, with no rate limit (the clients
    share one token and send far more than a person would), and `settings`:
    more `RAPPORT_...` variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAPPORT_")}
    return env | {
        "RAPPORT_DATABASE_URL": database_url,
        "RAPPORT_ENV": "production",
        "RAPPORT_RATE_LIMIT_PER_MINUTE": "0",
        **settings,
    }


@contextmanager
def serving(database_url: str, log: Path, *options: str, **settings: str) -> Iterator[Server]:
    """`rapport serve OPTIONS...` on the database, in production."""
    port = free_port()
    command = [sys.executable, "-c", RAPPORT, "serve", "--port", str(port), *options]
    with running(command, production_env(database_url, settings), log) as popen:
        yield started(port, popen, log)


@contextmanager
def working(database_url: str, log: Path, *job: str, **settings: str) -> Iterator[psutil.Process]:
    """A background job (`rapport project`, say) in a process of its own."""
    command = [sys.executable, "-c", RAPPORT, *job]
    with running(command, production_env(database_url, settings), log) as popen:
        yield psutil.Process(popen.pid)


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
        stop(popen)


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
    """Until the views, whoever projects them, have every event written so far."""
    names = [view.name for view in runtime.views]
    assert runtime.store.wait(app.head(), names, timeout=120), "the views did not catch up"


@dataclass
class Load:
    """What a run of clients saw, and what it cost Rapport's processes."""

    latencies: list[float] = field(default_factory=list)
    failures: list[bytes] = field(default_factory=list)
    seconds: float = 1.0
    server_cpu: float = 0.0

    @classmethod
    def pooled(cls, loads: Sequence[Load]) -> Load:
        """Several runs' requests as one: a tail percentile needs them all."""
        return cls(
            [t for load in loads for t in load.latencies],
            seconds=sum(load.seconds for load in loads),
            server_cpu=sum(load.server_cpu for load in loads),
        )

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
    requests: float,
    load: Load,
    ok: Check,
    every: float | None,
) -> None:
    if every:  # paced clients start spread over one interval, as real ones would
        await asyncio.sleep(random.uniform(0, every))
    while time.perf_counter() < until and len(load.latencies) < requests:
        started = time.perf_counter()
        async with session.post(url, data=body) as response:
            content = await response.read()
        load.latencies.append(time.perf_counter() - started)
        if response.status != 200 or not ok(orjson.loads(content)):
            load.failures.append(content)
        if every:
            await asyncio.sleep(max(every - (time.perf_counter() - started), 0))


def run_load(
    servers: Server | Sequence[Server],
    token: str,
    body: bytes | Sequence[bytes],
    *,
    clients: int,
    seconds: float = math.inf,
    requests: float = math.inf,
    ok: Check,
    every: float | None = None,
    workers: Sequence[psutil.Process] = (),
) -> Load:
    """`clients` clients, each on its own connection to one of the servers in
    turn, sending `body` (or one of several bodies, in turn) back to back, or
    with `every`, once every that many seconds, for `seconds` or until
    `requests` have been answered (the few sent meanwhile are answered too).
    The CPU counted is the servers' and the `workers'` processes'.

    The clients are aiohttp's: they share the machine with the server, and
    they spend a quarter of the CPU per request that httpx's would, so the
    figures measure the server rather than its load."""
    servers = [servers] if isinstance(servers, Server) else list(servers)
    bodies = [body] if isinstance(body, bytes) else list(body)
    processes = [server.process for server in servers] + list(workers)
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
                        f"{servers[n % len(servers)].url}/graphql",
                        bodies[n % len(bodies)],
                        until=until,
                        requests=requests,
                        load=load,
                        ok=ok,
                        every=every,
                    )
                    for n in range(clients)
                )
            )

    cpu, started = cpu_seconds(processes), time.perf_counter()
    asyncio.run(main())
    load.seconds = time.perf_counter() - started
    load.server_cpu = cpu_seconds(processes) - cpu
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
