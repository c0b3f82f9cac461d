"""A complaint's SLA clock as it stands, and what a later-recorded fact shows
about the watchdog's judgments of it.

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

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.sla import SlaClock


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
