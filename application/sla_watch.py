"""The SLA breach watchdog: records what the complaints' clocks owe as time passes.

The complaint list view keeps, per complaint, the moment its clocks next owe
something (`sla_next_at`: a warning, then a breach), in an indexed column, so a
tick reads only the complaints due, however many are open. For each it runs
`WatchSla`, which lets the complaint itself decide and record its breaches,
warnings and escalations: a breach is recorded once per clock and cycle however
often a tick (or a restarted watchdog) looks, because the domain refuses a
second one.
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

log = logging.getLogger(__name__)

WATCHDOG = "sla-watchdog"  # the actor of what the watchdog records
_COMPLAINT_ROWS = "complaint_rows"


class SlaSchedule(Protocol):
    def due_complaints(self, at: datetime, limit: int) -> list[UUID]:
        """Complaints whose SLA clocks owe something at `at`, soonest first."""
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

    def tick(self) -> Tick:
        """Record everything owed now. Batch after batch until none is due: each
        waits for the list view to show what it recorded, so the next batch
        reads only what is still owed."""
        at = self.rapport.clock.now()
        seen: set[UUID] = set()
        acted = 0
        while True:
            due = [c for c in self.schedule.due_complaints(at, self.batch) if c not in seen]
            if not due:
                return Tick(at, len(seen), acted)
            seen.update(due)
            last = None
            for complaint_id in due:
                result = self._watch(complaint_id)
                if result is not None and result.position is not None:
                    acted += 1
                    last = result
            if last is not None:
                self.rapport.wait_for_views(last, [_COMPLAINT_ROWS])

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
