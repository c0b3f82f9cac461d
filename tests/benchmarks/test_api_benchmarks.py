"""API benchmarks on PostgreSQL: mutations per second over HTTP against the bare
library's save rate, the same command through `Rapport.execute` and the thinnest
strawberry mutation that saves one event; the engagement dashboard's latency
under 50 concurrent clients; and the server's peak memory. The server is
`rapport serve` itself, in its own process (production settings, views
projected inside it, no rate limit) on a fresh schema, so every figure, memory
included, is the real server's. Run with `make bench`; figures go to
docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from application.commands.base import CommandMeta
from application.commands.complaint import ReceiveComplaint
from application.service import Rapport
from interfaces.bootstrap import ViewRuntime, bootstrap, build_tokens
from tests.benchmarks.http_load import (
    API_ONLY,
    Check,
    Load,
    Server,
    graphql,
    latency_row,
    load_average_row,
    run_load,
    serving,
    serving_thinnest,
    wait_for_views,
    working,
)
from tests.benchmarks.measure import (
    Encoding,
    Parcel,
    Spread,
    bare_application,
    interleaved,
    rate,
    report,
)
from tests.benchmarks.workloads import (
    COMPLAINT,
    DASHBOARD,
    REGISTER_PARCEL,
    answered,
    check_dashboard,
    realistic_engagement,
    receive_body,
    received,
    registered,
)
from tests.builders import open_engagement
from tests.conftest import fresh_schema, make_settings

pytestmark = pytest.mark.postgres

WRITERS = 4  # HTTP clients, and the bare library's threads (as in the core benchmark)
WRITE_SECONDS = 3.0  # per HTTP round
SAVES = 1000  # per round of the bare save and of `Rapport.execute`
READERS = 50
DASHBOARD_RUNS = 3
DASHBOARD_REQUESTS = 2_000  # per figure and run
# A dashboard open in 50 browsers, each refreshing every 2 s: far more often than
# people look, and a load the server can carry, so the figure is its latency
# rather than the length of a queue.
REFRESH = 2.0
ENGAGEMENTS = 10  # the paced clients' second figure spreads them over this many
NO_CACHE = {"RAPPORT_RESPONSE_CACHE_MIB": "0"}


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
    every = Load.pooled(loads)
    thinnest_every = Load.pooled(thinnest)
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


def test_engagement_dashboard_latency_under_fifty_concurrent_clients(
    pg: tuple[Rapport, ViewRuntime, str], tmp_path: Path
) -> None:
    """Three runs, each of one client alone, 50 back to back and 50 paced,
    every figure from DASHBOARD_REQUESTS requests: a tail percentile of fewer
    moves with a handful of slow requests. Two servers on the same views: one
    answers a dashboard asked again from its response cache (hits: the views
    do not change meanwhile), the other has none (every request is worked out,
    as a miss is). Both serve the API only, alike, beside one `rapport
    project`. Paced clients also ask about ten engagements, five each."""
    app, runtime, url = pg
    token, _ = build_tokens(runtime).create("viewer", "bench-viewer")
    engagements = [realistic_engagement(app, seed=11 + n) for n in range(ENGAGEMENTS)]
    bodies = [graphql(DASHBOARD, {"id": str(e)}) for e in engagements]
    body = bodies[0]
    runs: dict[str, list[Load]] = {}
    with (
        working(url, tmp_path / "project.log", "project"),
        serving(url, tmp_path / "cached.log", *API_ONLY) as cached,
        serving(url, tmp_path / "uncached.log", *API_ONLY, **NO_CACHE) as uncached,
    ):
        wait_for_views(app, runtime)
        complaints = check_dashboard(cached, token, body)
        assert check_dashboard(uncached, token, body) == complaints
        for server in (cached, uncached):  # warm up
            run_load(server, token, bodies, clients=READERS, seconds=2.0, ok=answered)
        for _ in range(DASHBOARD_RUNS):
            for name, server, clients, every, asked in (
                ("alone, hits", cached, 1, None, body),
                ("alone, misses", uncached, 1, None, body),
                ("crowd, hits", cached, READERS, None, body),
                ("crowd, misses", uncached, READERS, None, body),
                ("paced, hits", cached, READERS, REFRESH, body),
                ("paced, hits over ten", cached, READERS, REFRESH, bodies),
                ("paced, misses", uncached, READERS, REFRESH, body),
            ):
                load = run_load(
                    server,
                    token,
                    asked,
                    clients=clients,
                    requests=DASHBOARD_REQUESTS,
                    ok=answered,
                    every=every,
                )
                runs.setdefault(name, []).append(load)
        peak = cached.peak_mib()
    events = app.head()
    rows: list[tuple[str, str]] = []
    for name, loads in runs.items():
        rows += [
            (f"{name}: requests per second", Spread.of([x.rate for x in loads]).shown(0, " /s")),
            *percentile_rows(loads, "... latency", " (target < 30)" if "paced" in name else ""),
        ]
        if name.startswith("crowd"):
            cpu = Spread.of([load.cpu_ms() for load in loads])
            rows.append(("... server CPU per request", cpu.shown(1, " ms")))
    report(
        f"Engagement dashboard over HTTP, PostgreSQL ({complaints} complaints, {events} "
        f"events in all), {DASHBOARD_RUNS} runs of {DASHBOARD_REQUESTS} requests per figure "
        f"(median of runs, lowest-highest); {READERS} clients, paced ones every {REFRESH:.0f} s",
        [
            *rows,
            ("server peak memory (VmHWM), with its cache", f"{peak:8.1f} MiB"),
            load_average_row(),
        ],
    )


def percentile_rows(loads: list[Load], name: str, target: str = "") -> list[tuple[str, str]]:
    """p50, p95 and p99 over the runs, each the median of runs with their range."""
    return [
        (
            f"{name} p{percentile}{target if percentile == 99 else ''}",
            Spread.of([load.ms(percentile) for load in loads]).shown(1, " ms"),
        )
        for percentile in (50, 95, 99)
    ]
