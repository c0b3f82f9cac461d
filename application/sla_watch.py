"""The SLA breach watchdog: records what the complaints' clocks owe as time passes.

The complaint list view keeps, per complaint, the moment its clocks next owe
something (`sla_next_at`: a warning, then a breach), in an indexed column, so a
tick reads only the complaints due, however many are open. For each it runs
`WatchSla`, which lets the complaint itself decide and record its breaches,
warnings and escalations: a breach is recorded once per clock and cycle however
often a tick (or a restarted watchdog) looks, because the domain refuses a
second one while the first stands. Its judgments hold back no fact: history
back-filled later may show one wrong, and the complaint then withdraws it
(`domain.sla_clocks`).

A complaint listed as due may owe nothing yet: a warning that came due while no
watchdog ran, now at night, waits for the start of work. The watchdog asks the
complaint when to look again and leaves it alone until then, and walks the due
list page by page, so any number of waiting complaints never hides one that is
owed something behind them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from application.commands.base import CommandMeta, CommandResult
from application.commands.complaint import WatchSla
from application.errors import ApplicationError, DomainError
from application.service import Rapport
from domain.complaint import Complaint

log = logging.getLogger(__name__)

WATCHDOG = "sla-watchdog"  # the actor of what the watchdog records
_COMPLAINT_ROWS = "complaint_rows"


@dataclass(frozen=True)
class DueComplaint:
    """A complaint on the due list, and the moment the list says it is due."""

    due_at: datetime
    complaint_id: UUID


class SlaSchedule(Protocol):
    def due_complaints(
        self, at: datetime, limit: int, after: DueComplaint | None = None
    ) -> list[DueComplaint]:
        """Complaints whose SLA clocks owe something at `at`, soonest first (then
        by id), starting after `after`."""
        ...


@dataclass(frozen=True)
class Tick:
    """What one tick did."""

    at: datetime
    checked: int  # complaints looked at
    acted: int  # of which something was recorded


class SlaWatchdog:
    def __init__(self, rapport: Rapport, schedule: SlaSchedule, *, batch: int = 500) -> None:
        self.rapport = rapport
        self.schedule = schedule
        self.batch = batch
        # Listed as due but owing nothing until then (a warning waiting for the
        # start of work); kept in memory: a restarted watchdog asks again once.
        self.waiting: dict[UUID, datetime] = {}

    def tick(self) -> Tick:
        """Record everything owed now, then wait for the list view to show it,
        so the next tick reads only what is still owed."""
        at = self.rapport.clock.now()
        self.waiting = {c: until for c, until in self.waiting.items() if until > at}
        checked = acted = 0
        last: CommandResult | None = None
        page = self.schedule.due_complaints(at, self.batch)
        while page:
            for due in page:
                if due.complaint_id in self.waiting:
                    continue
                checked += 1
                result = self._watch(due.complaint_id)
                if result is not None and result.position is not None:
                    acted += 1
                    last = result
                elif result is not None:
                    self._wait_for_next(due.complaint_id, at)
            page = self.schedule.due_complaints(at, self.batch, page[-1])
        if last is not None:
            self.rapport.wait_for_views(last, [_COMPLAINT_ROWS])
        return Tick(at, checked, acted)

    def _watch(self, complaint_id: UUID) -> CommandResult | None:
        try:
            return self.rapport.execute(
                WatchSla(complaint_id=complaint_id), CommandMeta(actor=WATCHDOG)
            )
        except (ApplicationError, DomainError) as error:
            # One complaint that cannot be watched now (it kept changing under
            # the watchdog, say) must not stop the others; the next tick retries.
            log.warning("SLA watch of complaint %s: %s", complaint_id, error)
            return None

    def _wait_for_next(self, complaint_id: UUID, at: datetime) -> None:
        """The complaint owed nothing although listed: leave it until it will.
        (When it will owe nothing at all, the list is behind; look next tick.)"""
        complaint = self.rapport.get(complaint_id, Complaint)
        until = complaint.next_sla_watch(at)
        if until is not None and until > at:
            self.waiting[complaint_id] = until
