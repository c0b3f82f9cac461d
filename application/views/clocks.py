"""An SLA clock as the views follow it, from a complaint's events (occurred times).

The views mirror the rules of `domain.complaint`: a clock starts with a due time
(fixed at receipt, or at a reopen for a new resolution cycle), is paused while
waiting on the client, which pushes its due time back by the time waited, and
stops when answered (acknowledged, or resolved). Being a view state, it holds
plain values only; whether it is met, missed or not yet due is asked at a moment.
The portfolio view's critical-complaint clocks follow the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from application.views.figures import percent


class ClockOutcome(StrEnum):
    MET = "met"  # answered by its (pushed-back) due time
    MISSED = "missed"  # answered late, or still unanswered after its due time


@dataclass
class TrackedClock:
    due: datetime  # before any pause
    paused_seconds: float = 0.0
    waiting_since: datetime | None = None
    stopped_at: datetime | None = None

    @property
    def running(self) -> bool:
        return self.stopped_at is None

    def pause(self, at: datetime) -> None:
        self.waiting_since = at

    def resume(self, at: datetime) -> None:
        if self.waiting_since is not None:
            self.paused_seconds += (at - self.waiting_since).total_seconds()
            self.waiting_since = None

    def stop(self, at: datetime) -> None:
        """Answer the clock; an answer given while waiting ends the wait first."""
        self.resume(at)
        self.stopped_at = at

    @property
    def effective_due(self) -> datetime | None:
        """The due time pushed back by the time waited; None while waiting (paused)."""
        if self.waiting_since is not None:
            return None
        return self.due + timedelta(seconds=self.paused_seconds)

    def past_due(self, at: datetime) -> bool:
        """Running, not paused, and `at` is after its effective due time.

        Strictly after: a clock answered at its due time is met, so at that instant
        it is not yet missed. A paused clock has no due time, as in the domain.
        """
        due = self.effective_due
        return self.running and due is not None and at > due

    def outcome(self, at: datetime) -> ClockOutcome | None:
        """Met or missed as of `at`; None while running and not past due (not counted)."""
        if self.stopped_at is not None:
            due = self.due + timedelta(seconds=self.paused_seconds)
            return ClockOutcome.MET if self.stopped_at <= due else ClockOutcome.MISSED
        return ClockOutcome.MISSED if self.past_due(at) else None


@dataclass(frozen=True)
class SlaCompliance:
    met: int
    answered: int
    unanswered_past_due: int
    percent: Decimal | None  # met / (answered + unanswered_past_due) * 100


def compliance(clocks: list[TrackedClock], at: datetime, settled: Settled) -> SlaCompliance:
    """Met / (answered + unanswered past due) at `at`; clocks not yet due are left out.

    `settled` adds the clocks already answered and folded into counts."""
    answered = [c for c in clocks if not c.running]
    met = settled.met + sum(1 for c in answered if c.outcome(at) is ClockOutcome.MET)
    answered_count = settled.answered + len(answered)
    past_due = sum(1 for c in clocks if c.past_due(at))
    return SlaCompliance(
        met=met,
        answered=answered_count,
        unanswered_past_due=past_due,
        percent=percent(met, answered_count + past_due),
    )


@dataclass
class Settled:
    """Answered clocks kept only as counts."""

    met: int = 0
    answered: int = 0

    def add(self, clock: TrackedClock) -> None:
        self.answered += 1
        self.met += clock.outcome(clock.due) is ClockOutcome.MET
