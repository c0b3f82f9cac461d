"""The breach watchdog on PostgreSQL: killed and restarted it records each breach
once, two of them take turns, and a tick among thousands of open complaints
reads only those due, by index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import text

from application.service import Rapport
from application.views.log import read_log
from domain.base import Stamp
from domain.complaint import Complaint
from domain.sla import Severity, default_terms
from infrastructure.sla.schedule import SqlSlaSchedule
from interfaces.bootstrap import ViewRuntime
from tests.builders import open_engagement
from tests.processes import advisory_lock_holders, wait_until

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


def received_complaints(app: Rapport, engagement_id: UUID, count: int, hours_ago: float) -> None:
    """`count` high complaints received `hours_ago`, saved without commands (fast)."""
    now = app.clock.now()
    stamp = Stamp("client", now - timedelta(hours=hours_ago), now)
    for _ in range(count):
        complaint = Complaint.receive(
            id=uuid4(),
            engagement_id=engagement_id,
            channel="email",
            severity="high",
            category="billing",
            description="Charged twice",
            sla=default_terms(Severity.HIGH),
            stamp=stamp,
        )
        app.record(complaint)


def start_watchdog(url: str, name: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "RAPPORT_DATABASE_URL": url,
        "RAPPORT_SLA_WATCH_SECONDS": "0.2",
        "PGAPPNAME": name,  # names its database sessions, to see who holds the lock
    }
    return subprocess.Popen(
        [sys.executable, "-c", "from interfaces.cli.main import app; app()", "sla-watch"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def breaches(app: Rapport) -> Counter[tuple[UUID, str]]:
    events, _ = read_log(app, 0, 1_000_000)
    return Counter(
        (e.aggregate_id, e.event.clock.value)  # type: ignore[attr-defined]
        for e in events
        if isinstance(e.event, Complaint.SlaBreached)
    )


@pytest.mark.slow
def test_a_watchdog_killed_mid_tick_and_restarted_records_each_breach_once(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, url = pg
    engagement_id = open_engagement(app)
    received_complaints(app, engagement_id, 300, hours_ago=48)  # both clocks long past due
    projector = runtime.worker()
    projector.start()
    first = start_watchdog(url, "watchdog-first")
    try:
        wait_until(lambda: sum(breaches(app).values()) >= 100, timeout=90)
        first.send_signal(signal.SIGKILL)
        first.wait()
        at_kill = sum(breaches(app).values())
        second = start_watchdog(url, "watchdog-second")
        try:
            wait_until(lambda: len(breaches(app)) == 600, timeout=90)
            time.sleep(1.0)  # more ticks: none may record a breach again
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)
    finally:
        first.kill()
        projector.stop(timeout=5)

    assert at_kill < 600, "the watchdog finished before it was killed"
    counted = breaches(app)
    assert len(counted) == 600 and set(counted.values()) == {1}


@pytest.mark.slow
def test_two_watchdogs_one_ticks_and_the_other_takes_over_when_it_dies(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, url = pg
    engagement_id = open_engagement(app)
    projector = runtime.worker()
    projector.start()
    first = start_watchdog(url, "watchdog-first")
    second = None
    try:
        wait_until(
            lambda: advisory_lock_holders(runtime, "watchdog-") == {"watchdog-first"}, timeout=90
        )
        second = start_watchdog(url, "watchdog-second")
        time.sleep(2.0)  # long enough for the second to start and wait for the lock
        assert advisory_lock_holders(runtime, "watchdog-") == {"watchdog-first"}

        first.send_signal(signal.SIGKILL)
        first.wait()
        received_complaints(app, engagement_id, 5, hours_ago=48)

        wait_until(lambda: len(breaches(app)) == 10, timeout=90)
        assert advisory_lock_holders(runtime, "watchdog-") == {"watchdog-second"}
    finally:
        for process in (first, second):
            if process is not None:
                process.kill()
                process.wait()
        projector.stop(timeout=5)


def test_a_tick_among_ten_thousand_open_complaints_reads_only_those_due_by_index(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, _ = pg
    engagement_id = open_engagement(app)
    received_complaints(app, engagement_id, 10_000, hours_ago=0)  # due in 4 hours
    received_complaints(app, engagement_id, 25, hours_ago=5)  # first response past due
    runtime.projector().catch_up()
    (rows,) = runtime.select(["complaint_rows"])
    table = runtime.store.table(rows, runtime.store.live(rows).number)
    with runtime.store.engine.begin() as conn:
        conn.execute(text(f'ANALYZE "{table.schema}"."{table.name}"'))
    schedule = SqlSlaSchedule(runtime.store, rows)
    now = app.clock.now()

    with runtime.store.engine.connect() as conn:
        compiled = schedule.query(now, 500).compile(conn, compile_kwargs={"literal_binds": True})
        plan = conn.execute(text(f"EXPLAIN (ANALYZE, FORMAT JSON) {compiled}")).scalar_one()
    nodes = _plan_nodes(plan[0]["Plan"])  # psycopg reads the JSON plan as a list

    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], nodes
    scans = [n for n in nodes if "Index" in n["Node Type"]]
    assert scans and max(n["Actual Rows"] for n in scans) == 25
    assert len(schedule.due_complaints(now, 500)) == 25


def _plan_nodes(node: dict) -> list[dict]:  # type: ignore[type-arg]
    found = [node]
    for child in node.get("Plans", []):
        found += _plan_nodes(child)
    return found
