"""View benchmarks on PostgreSQL: catch-up rate against the raw read rate of the
same log, live lag under steady writes, as-of query time, and a projector's
memory as the log grows. Run with `make bench`; figures go to docs/benchmarks.md."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from statistics import median, quantiles
from typing import Any

import pytest

from application.commands.base import CommandMeta
from application.commands.engagement import RecordCost
from application.ports import TimeAxis
from application.service import Rapport
from application.views.as_of import views_as_of
from application.views.base import EngagementView, View
from application.views.log import read_log
from infrastructure.views.projector import DEFAULT_CACHE_SIZE
from interfaces.bootstrap import ViewRuntime
from tests.benchmarks.measure import ROUNDS, Spread, interleaved, report
from tests.builders import open_engagement
from tests.generate import generate

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
LOG_SIZES = (50_000, 200_000)
# A query takes a tenth of a second: more rounds cost little and steady the median.
AS_OF_ROUNDS = 3 * ROUNDS


REBUILD = """
import sys, time
from interfaces.bootstrap import bootstrap, build_views
from infrastructure.views.maintenance import rebuild
from interfaces.settings import Settings

settings = Settings(database_url=sys.argv[1])
cache_size = int(sys.argv[2])
rapport = bootstrap(settings)
runtime = build_views(rapport, settings)
position = 0
started = time.perf_counter()
while True:
    notifications = rapport.recorder.select_notifications(
        start=position, limit=2000, inclusive_of_start=False
    )
    if not notifications:
        break
    position = notifications[-1].id
raw = time.perf_counter() - started
started = time.perf_counter()
events = rebuild(
    rapport,
    runtime.store,
    runtime.views,
    batch_size=settings.projector_batch_size,
    cache_size=cache_size,
)
projected = time.perf_counter() - started
peak = open("/proc/self/status").read().split("VmHWM:")[1].split()[0]
print(events, raw, projected, peak)
"""


def rebuild_in_a_fresh_process(
    url: str, cache_size: int = DEFAULT_CACHE_SIZE
) -> tuple[int, float, float, int]:
    """Events, raw read seconds, rebuild seconds, peak KiB: in a new process, so its
    memory is the projector's alone."""
    done = subprocess.run(
        [sys.executable, "-c", REBUILD, url, str(cache_size)],
        cwd=ROOT,
        env=dict(os.environ),
        check=True,
        capture_output=True,
        text=True,
    )
    events, raw, projected, peak = done.stdout.split()
    return int(events), float(raw), float(projected), int(peak)


# The rebuild's target, 10,000 events /s on a 200,000-event log, was set on a
# machine that read that log raw at about 150,000 events /s. This machine's
# speed moves by a third from one minute to the next, and the raw read with it,
# so the target is asserted as the share of the raw read that it stood for,
# both taken in the same round.
REBUILD_TARGET_SHARE_OF_RAW_READ = 10_000 / 150_000


def test_rebuilding_every_view_from_a_long_log(pg: tuple[Rapport, ViewRuntime, str]) -> None:
    app, _, url = pg
    rows: list[tuple[str, str]] = []
    written = 0
    for size in LOG_SIZES:
        written += generate(app, size - written, engagements=50, seed=size)
        # Each round reads the log raw, then rebuilds every view from it, in a new
        # process; the first round warms the database's cache and is dropped.
        rounds = [rebuild_in_a_fresh_process(url) for _ in range(ROUNDS + 1)][1:]
        # Without the state cache, what is left is the interpreter and the folds' states.
        *_, uncached_peak = rebuild_in_a_fresh_process(url, cache_size=0)
        events = rounds[0][0]
        read_seconds = [seconds for _, seconds, _, _ in rounds]
        rebuild_seconds = [seconds for _, _, seconds, _ in rounds]
        read_rate = Spread.of([events / seconds for seconds in read_seconds])
        rebuild_rate = Spread.of([events / seconds for seconds in rebuild_seconds])
        share = Spread.ratio(read_seconds, rebuild_seconds)  # the rebuild's rate over the read's
        peak = Spread.of([kib / 1024 for *_, kib in rounds])
        rows += [
            (f"{events:,} events: raw read (select_notifications), /s", read_rate.shown(0)),
            (f"{events:,} events: rebuild of all views, /s", rebuild_rate.shown(0)),
            (f"{events:,} events: ratio rebuild / raw read", share.shown()),
            (f"{events:,} events: projector peak memory (VmHWM), MiB", peak.shown(1)),
            (f"{events:,} events: the same, no state cache, MiB", f"{uncached_peak / 1024:8.1f}"),
        ]
    rows.append(("target: ratio >= 10,000 / 150,000", f"{REBUILD_TARGET_SHARE_OF_RAW_READ:8.3f}"))
    report(f"Rebuilding all views on PostgreSQL, median of {ROUNDS} rounds (lowest-highest)", rows)
    assert share.median >= REBUILD_TARGET_SHARE_OF_RAW_READ  # on the longest log, measured last


def test_live_lag_under_a_steady_hundred_commands_a_second(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, _ = pg
    engagements = [open_engagement(app) for _ in range(10)]
    thread = runtime.worker()
    thread.start()
    assert thread.following.wait(30), "the projection worker never took its views' lock"
    pending: dict[int, float] = {}
    lags: list[float] = []
    lock = threading.Lock()
    writing = threading.Event()
    writing.set()

    def watch() -> None:
        while writing.is_set() or pending:
            reached = min(runtime.store.live_positions().values())
            now = time.perf_counter()
            with lock:
                for position in [p for p in pending if p <= reached]:
                    lags.append(now - pending.pop(position))
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    watcher.start()
    seconds, rate = 60, 100
    started = time.perf_counter()
    try:
        for n in range(seconds * rate):
            time.sleep(max(0.0, started + n / rate - time.perf_counter()))
            result = app.execute(
                RecordCost(
                    engagement_id=engagements[n % 10],
                    amount=Decimal("12.50"),
                    category="labour",
                    incurred_on=date(2026, 3, 1),
                ),
                CommandMeta(actor="bench"),
            )
            with lock:
                pending[result.position or 0] = time.perf_counter()
    finally:
        writing.clear()
        watcher.join(timeout=30)
        thread.stop()
    achieved = seconds * rate / (time.perf_counter() - started)
    p95 = quantiles(lags, n=20)[-1]
    report(
        "Live lag, commit to every view, PostgreSQL",
        [
            ("commands per second achieved", f"{achieved:8.1f}"),
            ("lag median", f"{median(lags) * 1000:8.1f} ms"),
            ("lag p95 (target < 250 ms)", f"{p95 * 1000:8.1f} ms"),
            ("lag max", f"{max(lags) * 1000:8.1f} ms"),
        ],
    )
    assert p95 < 0.250


def test_as_of_query_for_an_engagement_with_five_thousand_events(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, _ = pg
    generate(app, 5_000, engagements=1)
    first_events, _ = read_log(app, 0, 10)
    (engagement_id,) = {e.engagement_id for e in first_events}
    now = app.clock.now()
    figures = [v for v in runtime.views if isinstance(v, EngagementView)]

    def as_of(views: list[View[Any, Any]]) -> Callable[[], float]:
        def seconds() -> float:
            started = time.perf_counter()
            views_as_of(app, views, engagement_id, now, TimeAxis.OCCURRED)
            return time.perf_counter() - started

        return seconds

    timings = interleaved(
        {"figures": as_of(figures), "everything": as_of(runtime.views)}, rounds=AS_OF_ROUNDS
    )
    engagement = Spread.of([t * 1000 for t in timings["figures"]])
    everything = Spread.of([t * 1000 for t in timings["everything"]])
    report(
        f"As-of query, one engagement with 5,000 events, median of {AS_OF_ROUNDS} rounds",
        [
            (
                f"its figures: the {len(figures)} engagement views (target < 200 ms)",
                engagement.shown(1, " ms"),
            ),
            ("every view, with the audit trail and list rows", everything.shown(1, " ms")),
        ],
    )
    assert engagement.median < 200
