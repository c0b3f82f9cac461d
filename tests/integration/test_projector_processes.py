"""Projectors as separate processes on PostgreSQL: killed at random moments they
lose and repeat nothing, and only one works a view at a time."""

from __future__ import annotations

import random
import signal
import subprocess
import time

import pytest

from application.service import Rapport
from infrastructure.views.maintenance import statuses, verify
from interfaces.bootstrap import ViewRuntime
from tests.generate import generate
from tests.processes import advisory_lock_holders, start_rapport, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def start_projector(
    url: str, name: str = "projector", batch_size: int = 200
) -> subprocess.Popen[bytes]:
    # PGAPPNAME names the process's database sessions, to see who holds a lock.
    return start_rapport(
        url, "project", RAPPORT_PROJECTOR_BATCH_SIZE=str(batch_size), PGAPPNAME=name
    )


def lowest_position(app: Rapport, runtime: ViewRuntime) -> int:
    return min(s.position for s in statuses(app, runtime.store, runtime.views))


def test_a_projector_killed_twenty_times_leaves_views_equal_to_a_rebuild(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, url = pg
    generate(app, 20_000)
    rng = random.Random(20)
    reached = []
    for _ in range(20):
        before = lowest_position(app, runtime)
        process = start_projector(url, batch_size=100)
        # Killed at a random moment once it is committing batches, so that
        # every kill lands in the middle of the catch-up.
        wait_until(lambda: lowest_position(app, runtime) > before, poll=0.005)  # noqa: B023
        time.sleep(rng.uniform(0.0, 0.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        reached.append(lowest_position(app, runtime))

    assert reached[-1] < app.head(), f"caught up before the last kill: {reached}"
    runtime.projector().catch_up()
    assert verify(app, runtime.store, runtime.views) == []
    (audit,) = runtime.select(["audit"])
    audit_rows = runtime.store.stored(audit, runtime.store.live(audit).number)
    assert len(audit_rows) == app.head()  # one row per event: none applied twice, none lost


def test_two_projectors_one_works_and_the_other_takes_over_when_it_dies(
    pg: tuple[Rapport, ViewRuntime, str],
) -> None:
    app, runtime, url = pg
    generate(app, 2_000)
    first = start_projector(url, "projector-first")
    wait_until(lambda: lowest_position(app, runtime) == app.head())
    second = start_projector(url, "projector-second")
    try:
        time.sleep(2.0)  # long enough for the second to start and block on the lock
        assert advisory_lock_holders(runtime, "projector-") == {"projector-first"}

        first.send_signal(signal.SIGKILL)
        first.wait()
        generate(app, 500, engagements=2, seed=8)

        wait_until(lambda: lowest_position(app, runtime) == app.head())
        assert advisory_lock_holders(runtime, "projector-") == {"projector-second"}
    finally:
        for process in (first, second):
            process.kill()
            process.wait()
