"""An SLA clock as the views follow it, from a complaint's events (occurred times).

The views mirror the rules of `domain.complaint`: a clock starts with a due time
(fixed at receipt, or at a reopen for a new resolution cycle), is paused while
waiting on the client, and runs again when the client replies, due when the
reply's event says (complaints recorded before replies said so: pushed back by
the time waited), and stops when answered (acknowledged, or resolved). Being a
view state, it holds plain values only; whether it is met, missed or not yet
due is asked at a moment. Which clock a complaint's event moves is the
complaint lifecycle's to say (`lifecycle.ComplaintLifecycle`), for every view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from application.views.figures import percent
from application.views.moments import ONE_INSTANT
from domain.complaint import Complaint


class ClockOutcome(StrEnum):
    MET = "met"  # answered by its (pushed-back) due time
    MISSED = "missed"  # answered late, or still unanswered after its due time


@dataclass
class TrackedClock:
    current_due: datetime  # moved by each reply of the client
    waited_seconds: float = 0.0  # wall-clock time spent waiting on the client
    waiting_since: datetime | None = None
    stopped_at: datetime | None = None
    warning_at: datetime | None = None  # None: the policy gives no warning
    warned: bool = False
    breached: bool = False

    @property
    def running(self) -> bool:
        return self.stopped_at is None

    def pause(self, at: datetime) -> None:
        self.waiting_since = at

    def resume(
        self, at: datetime, due: datetime | None = None, warning_at: datetime | None = None
    ) -> None:
        """The wait ends at `at`; the clock is due at `due` (with its warning at
        `warning_at`) when the reply's event says, else the time waited later."""
        if self.waiting_since is None:
            return
        waited = at - self.waiting_since
        self.waited_seconds += waited.total_seconds()
        self.waiting_since = None
        if due is None:
            self.current_due += waited
        else:
            self.current_due, self.warning_at = due, warning_at

    def stop(self, at: datetime) -> None:
        """Answer the clock. An answer given while waiting ends the wait first,
        so it is met when the wait began before the clock was due."""
        self.resume(at)
        self.stopped_at = at

    @property
    def effective_due(self) -> datetime | None:
        """When the clock is due; None while waiting (paused)."""
        if self.waiting_since is not None:
            return None
        return self.current_due

    @property
    def next_action_at(self) -> datetime | None:
        """When the breach watchdog next owes this clock something (a warning,
        then a breach); None once answered, while paused, or once breached."""
        if not self.running or self.waiting_since is not None or self.breached:
            return None
        warning = self.warning_at
        if warning is not None and not self.warned and warning < self.current_due:
            return warning
        return self.current_due

    def past_due(self, at: datetime) -> bool:
        """Running, not paused, and `at` is after its effective due time.

        Strictly after: a clock answered at its due time is met, so at that instant
        it is not yet missed. A paused clock has no due time, as in the domain.
        """
        due = self.effective_due
        return self.running and due is not None and at > due

    def turns_past_due(self, at: datetime) -> datetime | None:
        """The first moment after `at` at which `past_due` turns true with no
        event in between; None when time alone will not turn it (answered,
        paused, or past due already)."""
        due = self.effective_due
        if not self.running or due is None or at > due:
            return None
        return due + ONE_INSTANT

    def outcome(self, at: datetime) -> ClockOutcome | None:
        """Met or missed as of `at`; None while running and not past due (not counted)."""
        if self.stopped_at is not None:
            return ClockOutcome.MET if self.stopped_at <= self.current_due else ClockOutcome.MISSED
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
        self.met += clock.outcome(clock.current_due) is ClockOutcome.MET


# The clocks' events, as every view that follows clocks reads them.


def received_clocks(event: Complaint.Received) -> tuple[TrackedClock, TrackedClock]:
    """The first-response and resolution clocks a complaint starts with."""
    return (
        TrackedClock(event.first_response_due, warning_at=event.first_response_warning_at),
        TrackedClock(event.resolution_due, warning_at=event.resolution_warning_at),
    )


def resume_on_reply(clock: TrackedClock, event: Complaint.ClientReplied, at: datetime) -> None:
    clock.resume(at, event.resolution_due, event.resolution_warning_at)


def reopened_clock(event: Complaint.Reopened, at: datetime, target_seconds: float) -> TrackedClock:
    """The new resolution cycle's clock; one recorded before reopens said when it
    is due runs the first cycle's wall-clock length from the reopen."""
    due = event.resolution_due or at + timedelta(seconds=target_seconds)
    return TrackedClock(due, warning_at=event.resolution_warning_at)


def withdraw_breach_time(breach_times: list[datetime], event: Complaint.SlaBreachWithdrawn) -> None:
    """Take the withdrawn breach out of a list of breaches' occurred times. It is
    missing when "as it was at T" folds the withdrawal (dated by the fact that
    showed it) without the breach (dated later, when the watchdog noticed it)."""
    if event.noticed_at in breach_times:
        breach_times.remove(event.noticed_at)
