"""Back-filling complaints' histories while a real SLA watchdog ticks every 0.1 s,
on SQLite and PostgreSQL.

An integrator moves 24 complaints in from another tool, each dated days ago:
met on time, answered late, resolved late, paused by waits on the client in
time or too late, reopened, still open, escalated by a person. The projector
and the watchdog run in their threads meanwhile, so the watchdog breaches
clocks the facts still to come will show met. Every command must be accepted,
and in the end each clock's standing breach must follow from the facts alone:
breached exactly when the facts show it unmet at its due time. The views must
count the same, and equal a rebuild from the log.

Half the complaints are moved in step by step across all of them, waiting
for the watchdog to judge what it sees in between; the others go in one
after another at full speed, so the watchdog sees them at any point, or not
at all."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

import pytest

from application.access import SYSTEM
from application.commands.base import Command
from application.commands.complaint import (
    AcknowledgeComplaint,
    AssignComplaint,
    CloseComplaint,
    EscalateComplaint,
    ReceiveComplaint,
    RecordClientReply,
    ReopenComplaint,
    ResolveComplaint,
    WaitOnClient,
)
from application.commands.engagement import ChooseSlaPolicy
from application.commands.sla import DefineSlaPolicy, EscalationRuleSpec
from application.service import Rapport
from domain.complaint import Complaint
from domain.sla import SlaClock
from infrastructure.sla.worker import SlaWatchWorker
from infrastructure.views.maintenance import verify
from interfaces.bootstrap import ViewRuntime, bootstrap, build_views
from tests.builders import open_engagement, run
from tests.conftest import make_settings
from tests.integration.test_sla import targets
from tests.processes import wait_until

pytestmark = pytest.mark.slow

FIRST, RESOLUTION = SlaClock.FIRST_RESPONSE, SlaClock.RESOLUTION
# Every complaint is high: 1 h to answer, 8 h to resolve, wall clock.
Step = tuple[float, Callable[[UUID], Command]]  # hours after receipt, the command


def acknowledge(complaint_id: UUID) -> Command:
    return AcknowledgeComplaint(complaint_id=complaint_id, agent="bo", message="On it")


def assign(complaint_id: UUID) -> Command:
    return AssignComplaint(complaint_id=complaint_id, agent="bo")


def wait(complaint_id: UUID) -> Command:
    return WaitOnClient(complaint_id=complaint_id, reason="Which invoice?")


def reply(complaint_id: UUID) -> Command:
    return RecordClientReply(complaint_id=complaint_id, message="INV-7")


def resolve(complaint_id: UUID) -> Command:
    return ResolveComplaint(complaint_id=complaint_id, resolution="Refunded")


def reopen(complaint_id: UUID) -> Command:
    return ReopenComplaint(complaint_id=complaint_id, reason="Charged again")


def close(complaint_id: UUID) -> Command:
    return CloseComplaint(complaint_id=complaint_id, client_confirmed=True, csat=4)


def escalate(complaint_id: UUID) -> Command:
    return EscalateComplaint(complaint_id=complaint_id, level=1, reason="Key account")


@dataclass(frozen=True)
class History:
    """A complaint's handling, and each clock's outcome as the facts show it:
    (clock, cycle) -> met (answered by its due time), or not."""

    name: str
    steps: tuple[Step, ...]
    met: dict[tuple[SlaClock, int], bool]

    @property
    def breached(self) -> set[tuple[SlaClock, int]]:
        return {clock for clock, met in self.met.items() if not met}


HISTORIES = (
    History(
        "met on time",
        ((0.5, acknowledge), (0.6, assign), (5, resolve), (6, close)),
        {(FIRST, 1): True, (RESOLUTION, 1): True},
    ),
    History(
        "answered late",
        ((2, acknowledge), (2.1, assign), (6, resolve), (7, close)),
        {(FIRST, 1): False, (RESOLUTION, 1): True},
    ),
    History(
        "resolved late",
        ((0.2, acknowledge), (0.3, assign), (10, resolve), (11, close)),
        {(FIRST, 1): True, (RESOLUTION, 1): False},
    ),
    History(  # 6 h left when the wait began: due 6 h after the reply
        "paused in time",
        ((0.2, acknowledge), (0.3, assign), (2, wait), (48, reply), (53, resolve), (54, close)),
        {(FIRST, 1): True, (RESOLUTION, 1): True},
    ),
    History(
        "paused too late",
        ((0.2, acknowledge), (0.3, assign), (9, wait), (24, reply), (25, resolve)),
        {(FIRST, 1): True, (RESOLUTION, 1): False},
    ),
    History(  # the second cycle is due 8 h after the reopen
        "reopened",
        ((0.2, acknowledge), (0.3, assign), (3, resolve), (24, reopen), (34, resolve)),
        {(FIRST, 1): True, (RESOLUTION, 1): True, (RESOLUTION, 2): False},
    ),
    History(
        "still open",
        ((0.2, acknowledge), (0.3, assign)),
        {(FIRST, 1): True, (RESOLUTION, 1): False},
    ),
    History(  # the breach rule may have escalated it to 2 meanwhile
        "escalated by a person",
        ((0.1, escalate), (0.5, acknowledge), (0.6, assign), (4, resolve)),
        {(FIRST, 1): True, (RESOLUTION, 1): True},
    ),
)


@dataclass
class Backfill:
    app: Rapport
    runtime: ViewRuntime
    watchdog: SlaWatchWorker
    engagement_id: UUID

    def run(self, command: Command, occurred_at: datetime) -> UUID:
        """Record `command` as happened at `occurred_at`; a refusal fails the test."""
        return run(self.app, command, actor="integrator", occurred_at=occurred_at).aggregate_id

    def receive(self, at: datetime) -> UUID:
        command = ReceiveComplaint(
            engagement_id=self.engagement_id,
            channel="email",
            severity="high",
            category="billing",
            description="Charged twice",
        )
        return self.run(command, at)

    def let_the_watchdog_look(self) -> None:
        """Wait until the complaint list shows everything recorded, then for a
        whole tick of the watchdog after that."""
        assert self.runtime.store.wait(self.app.head(), ["complaint_rows"], 30)
        since = self.app.clock.now()
        wait_until(lambda: self.watchdog.last is not None and self.watchdog.last.at > since, 30)


@pytest.fixture
def backfill(database_url: str) -> Iterator[Backfill]:
    """The application, its projector and a watchdog ticking every 0.1 s, and an
    engagement on a policy with a breach rule, both dated a month ago."""
    settings = make_settings(database_url, sla_watch_seconds=0.1)
    app = bootstrap(settings)
    runtime = build_views(app, settings)
    month_ago = app.clock.now() - timedelta(days=30)
    engagement_id = open_engagement(app, occurred_at=month_ago)
    rule = EscalationRuleSpec(trigger="breach", level=2)
    policy = DefineSlaPolicy(name="Gold", targets=targets(60, 480), escalation_rules=(rule,))
    policy_id = run(app, policy, occurred_at=month_ago).aggregate_id
    choose = ChooseSlaPolicy(engagement_id=engagement_id, policy_id=policy_id)
    run(app, choose, occurred_at=month_ago)
    projector, watchdog = runtime.worker(), runtime.sla_watch_worker()
    projector.start()
    watchdog.start()
    try:
        assert watchdog.active.wait(30)
        yield Backfill(app, runtime, watchdog, engagement_id)
    finally:
        watchdog.stop(timeout=10)
        projector.stop(timeout=10)
        runtime.close()
        app.close()


def breaches_recorded(app: Rapport, complaint_ids: list[UUID]) -> int:
    return sum(
        isinstance(event, Complaint.SlaBreached)
        for complaint_id in complaint_ids
        for event in app.history(complaint_id)
    )


def standing(app: Rapport, complaint_id: UUID) -> set[tuple[SlaClock, int]]:
    return {(b.clock, b.cycle) for b in app.get(complaint_id, Complaint).breaches}


def test_back_filling_24_complaints_while_the_watchdog_ticks_keeps_breaches_true_to_the_facts(
    backfill: Backfill,
) -> None:
    app, rng = backfill.app, random.Random(7)
    start = app.clock.now() - timedelta(days=5)
    histories = [HISTORIES[i % len(HISTORIES)] for i in range(24)]
    received = [start + timedelta(minutes=10 * i) for i in range(24)]
    stepwise = list(range(0, 24, 2))  # the others go in at full speed

    ids = {i: backfill.receive(received[i]) for i in stepwise}
    # Every clock of these is long past due: let the watchdog judge them first.
    wait_until(lambda: breaches_recorded(app, list(ids.values())) >= len(ids), timeout=60)
    for i in range(1, 24, 2):
        ids[i] = backfill.receive(received[i])
        for hours, command in histories[i].steps:
            backfill.run(command(ids[i]), received[i] + timedelta(hours=hours))
    for round_ in range(max(len(h.steps) for h in HISTORIES)):
        for i in stepwise:
            if round_ < len(histories[i].steps):
                hours, command = histories[i].steps[round_]
                backfill.run(command(ids[i]), received[i] + timedelta(hours=hours))
        rng.shuffle(stepwise)
        backfill.let_the_watchdog_look()

    expected = {i: histories[i].breached for i in range(24)}
    # The watchdog breaches the clocks left running late, in its own time.
    wait_until(lambda: all(standing(app, ids[i]) == expected[i] for i in range(24)), timeout=60)
    _check_the_views(backfill, ids, histories)


def _check_the_views(backfill: Backfill, ids: dict[int, UUID], histories: list[History]) -> None:
    app, runtime = backfill.app, backfill.runtime
    views = [view.name for view in runtime.views]
    assert runtime.store.wait(app.head(), views, 30)
    reader = runtime.reader()
    rows = reader.reports(SYSTEM, "complaint_rows", [str(ids[i]) for i in range(24)])
    for i in range(24):
        row = rows[str(ids[i])].row
        assert (histories[i].name, row.breaches) == (histories[i].name, len(histories[i].breached))
    engagement = str(backfill.engagement_id)
    satisfaction = reader.reports(SYSTEM, "satisfaction", [engagement])[engagement]
    breached = sum(len(h.breached) for h in histories)
    assert satisfaction.sla_breaches.recorded == breached
    portfolio = reader.reports(SYSTEM, "portfolio", [engagement])[engagement]
    assert portfolio.sla_breaches_in_window == breached  # all within the last 28 days
    for clock in SlaClock:
        outcomes = [met for h in histories for (c, _), met in h.met.items() if c is clock]
        figures = satisfaction.complaints.sla_compliance[clock]
        assert (figures.met, figures.answered + figures.unanswered_past_due) == (
            sum(outcomes),
            len(outcomes),
        )
    assert verify(app, runtime.store, runtime.views) == []
