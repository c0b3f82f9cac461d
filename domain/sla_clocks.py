"""A complaint's SLA clocks as plain values and functions: a clock as it
stands, where a reply or a reopen moves its due time, what the watchdog owes
on it, and what a later-recorded fact shows about the watchdog's judgments of
it. The complaint (`domain.complaint`) records the events; the reckoning is
here.

The watchdog judges a clock by what is known when it looks: running past its
due time is a breach, past its warning time a warning. An integrator moving a
complaint's history in from another tool records the facts afterwards, dated
when they happened, and one of them may show that the clock was answered by
its due time, or paused while waiting on the client before it was due: the
breach was wrong. Or a fact may show a clock missed that no watchdog saw
running late (it was answered late before the watchdog looked). `review` says
which; the complaint records the correction as a new event beside the fact,
never by rewriting the judgment, so its log keeps both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import RuleViolation
from domain.sla import SlaClock, SlaTerms


class ClockStatus(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"


@dataclass(frozen=True)
class SlaBreach:
    clock: SlaClock
    cycle: int
    due: datetime
    noticed_at: datetime


@dataclass(frozen=True)
class SlaClockState:
    """One clock as it stands; `due` is the effective due time, None while paused."""

    clock: SlaClock
    cycle: int
    status: ClockStatus
    due: datetime | None
    met_at: datetime | None
    breached: bool
    warning_at: datetime | None = None  # None: no warning, or paused
    warned: bool = False


class ClockEnd(StrEnum):
    """How a fact ends a clock's run."""

    ANSWERED = "answered"  # acknowledged (first response) or resolved (resolution)
    PAUSED = "paused"  # waiting on the client


@dataclass(frozen=True)
class Review:
    """What a fact ending a clock's run shows about the clock's judgments; a
    reason is given for each judgment to withdraw, empty when there is none."""

    withdraw_breach: str = ""  # ended in time: the breach standing was wrong
    withdraw_warning: str = ""  # ended before its warning time
    missed: bool = False  # ended late and no breach stands: one is owed


def review(current: SlaClockState, at: datetime, end: ClockEnd) -> Review:
    """Judge `current` again, knowing it stopped running at `at` by `end`.

    Answered at its due time is met, as the views count it; paused at its due
    time is not in time, as no time is left to carry over the wait."""
    if current.status is not ClockStatus.RUNNING or current.due is None:
        return Review()
    due, warning = current.due, current.warning_at
    in_time = at <= due if end is ClockEnd.ANSWERED else at < due
    ended = f"the {current.clock.value.replace('_', ' ')} clock was {end.value} at {at.isoformat()}"
    by = "by" if end is ClockEnd.ANSWERED else "before"
    breach_reason = f"{ended}, {by} its due time {due.isoformat()}"
    warning_reason = (
        "" if warning is None else f"{ended}, before its warning time {warning.isoformat()}"
    )
    return Review(
        withdraw_breach=breach_reason if in_time and current.breached else "",
        withdraw_warning=warning_reason
        if current.warned and warning is not None and at < warning
        else "",
        missed=not in_time and not current.breached,
    )


def clock_state(
    clock: SlaClock,
    cycle: int,
    *,
    met_at: datetime | None,
    due: datetime | None,
    warning_at: datetime | None,
    breaches: Iterable[SlaBreach],
    warnings: Iterable[tuple[SlaClock, int]],
) -> SlaClockState:
    """A clock in `cycle`, met at `met_at` (None: not met), due at `due` (None:
    paused), with the breaches and the (clock, cycle) warnings standing."""
    status = ClockStatus.RUNNING
    if met_at is not None:
        status = ClockStatus.MET
    elif due is None:
        status = ClockStatus.PAUSED
        warning_at = None
    breached = any(b.clock == clock and b.cycle == cycle for b in breaches)
    warned = (clock, cycle) in warnings
    return SlaClockState(clock, cycle, status, due, met_at, breached, warning_at, warned)


def resumed(
    sla: SlaTerms | None,
    due: datetime,
    warning: datetime | None,
    paused_at: datetime,
    replied_at: datetime,
) -> tuple[datetime, datetime | None]:
    """The resolution clock's due and warning times once the client replied:
    what was left of it when the wait began is left now."""
    if sla is None:  # wall-clock time, as before policies had versions
        return due + (replied_at - paused_at), None
    new_warning = None if warning is None else sla.resumed(warning, paused_at, replied_at)
    return sla.resumed(due, paused_at, replied_at), new_warning


def new_cycle(
    sla: SlaTerms | None, target_seconds: float, at: datetime
) -> tuple[datetime, datetime | None]:
    """The due and warning times of a resolution cycle starting at `at`."""
    if sla is None:  # the first cycle's wall-clock length, as before policies had versions
        return at + timedelta(seconds=target_seconds), None
    return sla.due(at, SlaClock.RESOLUTION), sla.warning(at, SlaClock.RESOLUTION)


def warning_owed(clock: SlaClockState, at: datetime) -> bool:
    warning, due = clock.warning_at, clock.due
    return not clock.warned and warning is not None and due is not None and warning <= at < due


def next_watch(
    clocks: Iterable[SlaClockState], at: datetime, next_working: Callable[[datetime], datetime]
) -> datetime | None:
    """The earliest moment from `at` on at which a running clock owes something:
    its due time, or its warning time (outside working time, the next start of
    work); None when the clocks owe nothing more."""
    moments: list[datetime] = []
    for current in clocks:
        if current.status is not ClockStatus.RUNNING or current.due is None:
            continue
        if not current.breached:
            moments.append(max(current.due, at))
        warning = current.warning_at
        if warning is not None and warning_owed(current, max(warning, at)):
            moments.append(next_working(max(warning, at)))
    return min(moments, default=None)


def require_warning_owed(current: SlaClockState, at: datetime, working: bool) -> None:
    """Refuse a warning unless the clock runs, is not warned of in its cycle, and
    is between its warning and its due time, in working time."""
    clock = current.clock
    _require_running(current)
    if current.warned:
        raise RuleViolation(
            "complaint.warning_once_per_cycle",
            f"the {clock} clock's warning in cycle {current.cycle} is already recorded",
        )
    assert current.due is not None  # running
    if current.warning_at is None or at < current.warning_at or at >= current.due:
        raise RuleViolation(
            "complaint.warning_before_due",
            f"the {clock} clock is not between its warning and its due time",
        )
    if not working:
        raise RuleViolation(
            "complaint.warning_in_working_time",
            "a warning is raised in the calendar's working time, not at night or on a holiday",
        )


def require_breach_owed(current: SlaClockState, at: datetime) -> None:
    """Refuse a breach unless the clock is unmet, not breached in its cycle, and
    past its due time."""
    clock = current.clock
    if current.status is ClockStatus.MET:
        raise RuleViolation("complaint.breach_clock_met", f"the {clock} clock is met")
    if current.breached:
        raise RuleViolation(
            "complaint.breach_once_per_cycle",
            f"the {clock} clock's breach in cycle {current.cycle} already stands",
        )
    if current.due is None or at < current.due:
        raise RuleViolation(
            "complaint.breach_after_due", f"the {clock} clock is not past its due time"
        )


def _require_running(current: SlaClockState) -> None:
    clock = current.clock
    if current.status is ClockStatus.MET:
        raise RuleViolation("complaint.sla_clock_running", f"the {clock} clock is met")
    if current.due is None:
        raise RuleViolation(
            "complaint.sla_clock_running", f"the {clock} clock is paused (waiting on the client)"
        )
