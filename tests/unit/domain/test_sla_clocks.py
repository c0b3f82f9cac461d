"""The clocks' reckoning as plain functions, without a complaint."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import RuleViolation
from domain.sla import SlaClock
from domain.sla_clocks import (
    ClockStatus,
    SlaBreach,
    SlaClockState,
    clock_state,
    new_cycle,
    next_watch,
    require_breach_owed,
    resumed,
)

RESOLUTION = SlaClock.RESOLUTION


def at(hour: int) -> datetime:
    return datetime(2026, 3, 2, hour, tzinfo=UTC)


def running(due: datetime, warning_at: datetime | None = None) -> SlaClockState:
    return clock_state(
        RESOLUTION, 1, met_at=None, due=due, warning_at=warning_at, breaches=(), warnings=()
    )


def test_a_clock_without_a_due_time_is_paused_and_warns_of_nothing() -> None:
    clock = clock_state(
        RESOLUTION, 1, met_at=None, due=None, warning_at=at(9), breaches=(), warnings=()
    )

    assert clock.status is ClockStatus.PAUSED
    assert clock.warning_at is None


def test_a_clock_is_breached_and_warned_only_in_its_own_cycle() -> None:
    breach = SlaBreach(RESOLUTION, 1, at(9), at(10))
    clock = clock_state(
        RESOLUTION,
        2,
        met_at=at(11),
        due=at(12),
        warning_at=None,
        breaches=[breach],
        warnings=((RESOLUTION, 1),),
    )

    assert clock.status is ClockStatus.MET
    assert not clock.breached
    assert not clock.warned


def test_without_terms_a_reply_pushes_the_due_time_back_by_the_wall_clock_wait() -> None:
    assert resumed(None, at(12), at(11), paused_at=at(9), replied_at=at(10)) == (at(13), None)


def test_without_terms_a_new_cycle_runs_the_first_cycles_wall_clock_length() -> None:
    assert new_cycle(None, timedelta(hours=4).total_seconds(), at(9)) == (at(13), None)


def test_the_next_watch_is_the_earliest_warning_or_due_time_still_owed() -> None:
    clocks = [running(due=at(15), warning_at=at(12)), running(due=at(14))]

    assert next_watch(clocks, at(9), next_working=lambda moment: moment) == at(12)
    # Past its warning time and not warned of yet: the warning is owed now.
    assert next_watch(clocks, at(13), next_working=lambda moment: moment) == at(13)


def test_a_breach_before_the_due_time_is_refused() -> None:
    with pytest.raises(RuleViolation) as refused:
        require_breach_owed(running(due=at(12)), at(11))

    assert refused.value.rule == "complaint.breach_after_due"
