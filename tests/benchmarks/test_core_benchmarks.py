"""Core benchmarks on PostgreSQL: command rate against the bare library, load time
against history length, and peak memory. Run with `make bench`; figures go to
docs/benchmarks.md. Rates are compared as ratios taken round by round in
interleaved rounds, so the machine's speed and its moods cancel out."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest

from application.commands.base import CommandMeta
from application.commands.complaint import AddComplaintNote
from application.commands.engagement import OpenEngagement, RecordCost
from application.service import Rapport
from domain.complaint import Complaint
from interfaces.bootstrap import bootstrap
from tests.benchmarks.measure import (
    Encoding,
    Parcel,
    Spread,
    bare_application,
    interleaved,
    rate,
    report,
)
from tests.builders import open_engagement, receive_complaint
from tests.conftest import make_settings

pytestmark = pytest.mark.postgres

SAVES = 1000  # per work and round
LOADS = 200  # per history and round


def open_command(i: int) -> OpenEngagement:
    return OpenEngagement(
        client_id=UUID(int=i + 1),
        client_name=f"Client {i}",
        title="Service desk",
        planned_start=date(2026, 1, 1),
        planned_end=date(2026, 12, 31),
        budget=Decimal("50000.00"),
        currency="EUR",
        owner="ana",
    )


@pytest.fixture
def rapport(postgres_schema_url: str) -> Iterator[Rapport]:
    app = bootstrap(make_settings(postgres_schema_url, pool_size=8))
    try:
        yield app
    finally:
        app.close()


def saves(work: Callable[[int], object], threads: int) -> Callable[[], float]:
    """A round of SAVES calls of `work`, each with a number never used before."""
    numbers = itertools.count()

    def one_round() -> float:
        first = next(numbers) * SAVES
        return rate(lambda i: work(first + i), SAVES, threads)

    return one_round


@pytest.mark.parametrize("threads", [1, 4])
def test_command_rate_against_the_bare_library_save_rate(
    postgres_schema_url: str, rapport: Rapport, threads: int
) -> None:
    bare = bare_application(postgres_schema_url, threads, Encoding.LIBRARY)
    bare_orjson = bare_application(postgres_schema_url, threads, Encoding.RAPPORT)
    meta = CommandMeta(actor="bench")
    engagement_id = open_engagement(rapport)
    cost = RecordCost(
        engagement_id=engagement_id,
        amount=Decimal("1.00"),
        category="labour",
        incurred_on=date(2026, 3, 1),
    )
    try:
        rates = interleaved(
            {
                "bare": saves(lambda i: bare.save(Parcel(f"p-{i}")), threads),
                "bare_orjson": saves(lambda i: bare_orjson.save(Parcel(f"p-{i}")), threads),
                "open": saves(lambda i: rapport.execute(open_command(i), meta), threads),
                "cost": saves(lambda i: rapport.execute(cost, meta), threads),
            }
        )
    finally:
        bare.close()
        bare_orjson.close()
    like_for_like = Spread.ratio(rates["open"], rates["bare_orjson"])
    report(
        f"Command rate, PostgreSQL, {threads} thread(s) (median, lowest-highest)",
        [
            ("bare library: save a one-event aggregate, library JSON", rate_row(rates["bare"])),
            ("bare library: the same, Rapport's orjson mapper", rate_row(rates["bare_orjson"])),
            ("Rapport: openEngagement (one new event)", rate_row(rates["open"])),
            ("Rapport: recordCost (load, decide, save)", rate_row(rates["cost"])),
            ("ratio openEngagement / bare save, same mapper (>= 0.8)", like_for_like.shown()),
            (
                "ratio openEngagement / bare save, library JSON",
                Spread.ratio(rates["open"], rates["bare"]).shown(),
            ),
            (
                "ratio recordCost / bare save, same mapper",
                Spread.ratio(rates["cost"], rates["bare_orjson"]).shown(),
            ),
        ],
    )
    assert like_for_like.median >= 0.8


def rate_row(rates: list[float]) -> str:
    return Spread.of(rates).shown(0, " /s")


def load_seconds(app: Rapport, aggregate_id: UUID) -> Callable[[], float]:
    """A round of LOADS loads of one complaint: the mean seconds per load."""

    def one_round() -> float:
        started = time.perf_counter()
        for _ in range(LOADS):
            app.get(aggregate_id, Complaint)
        return (time.perf_counter() - started) / LOADS

    return one_round


def add_notes(app: Rapport, complaint_id: UUID, count: int) -> None:
    for n in range(count):
        app.execute(
            AddComplaintNote(complaint_id=complaint_id, visibility="internal", text=f"Note {n}"),
            CommandMeta(actor="bench"),
        )


def test_loading_a_long_history_costs_no_more_than_twice_a_short_one(
    postgres_schema_url: str,
) -> None:
    # No aggregate cache: every load reads the latest snapshot and the events after it.
    rapport = bootstrap(make_settings(postgres_schema_url, aggregate_cache_size=0))
    try:
        measure_loads(rapport)
    finally:
        rapport.close()


def measure_loads(rapport: Rapport) -> None:
    """A short history against the longest one twice: once with the most events a
    load can meet after its snapshot (the worst case), once on a snapshot (the
    best). The target holds for the worst."""
    interval = next(iter(rapport.snapshotting_intervals.values()))
    engagement_id = open_engagement(rapport)
    short_id = receive_complaint(rapport, engagement_id)
    add_notes(rapport, short_id, 9)
    worst_id = receive_complaint(rapport, engagement_id)
    add_notes(rapport, worst_id, 10_000 - 2)  # 9,999 events: interval - 1 after a snapshot
    best_id = receive_complaint(rapport, engagement_id)
    add_notes(rapport, best_id, 10_000 - 1)  # 10,000 events: a snapshot, nothing after
    seconds = interleaved(
        {
            "short": load_seconds(rapport, short_id),
            "worst": load_seconds(rapport, worst_id),
            "best": load_seconds(rapport, best_id),
        }
    )
    worst = Spread.ratio(seconds["worst"], seconds["short"])
    report(
        f"Loading a complaint, snapshots every {interval} events (median, lowest-highest)",
        [
            ("10 events (no snapshot)", ms_row(seconds["short"])),
            (
                f"9,999 events ({interval - 1} after the last snapshot, the worst case)",
                ms_row(seconds["worst"]),
            ),
            ("10,000 events (a snapshot, nothing after it)", ms_row(seconds["best"])),
            ("ratio 9,999 / 10, the worst case (<= 2)", worst.shown()),
            ("ratio 10,000 / 10", Spread.ratio(seconds["best"], seconds["short"]).shown()),
        ],
    )
    assert worst.median <= 2


def ms_row(seconds: list[float]) -> str:
    return Spread.of([s * 1000 for s in seconds]).shown(2, " ms")


PEAK_MEMORY_OF_DEMO = """
import re
from interfaces.cli.main import app
try:
    app(["demo"])
except SystemExit:
    pass
status = open("/proc/self/status").read()
print(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
"""


def peak_kib() -> int:
    """This process's peak resident memory (VmHWM), which, unlike ru_maxrss, starts
    afresh in a new program rather than counting the parent it was forked from."""
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0])


def test_peak_memory_of_the_demo_and_of_this_process(tmp_path: Path) -> None:
    env = {**os.environ, "RAPPORT_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}"}
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_OF_DEMO],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    demo_kib = int(done.stdout.strip().splitlines()[-1])
    report(
        "Peak resident memory (VmHWM)",
        [
            ("rapport demo (SQLite)", f"{demo_kib / 1024:8.1f} MiB"),
            ("this benchmark process", f"{peak_kib() / 1024:8.1f} MiB"),
        ],
    )
