from __future__ import annotations

from datetime import date
from decimal import Decimal

from application.views.base import fold
from application.views.progress import ProgressReport, ProgressView
from domain.engagement import Engagement, Rag
from domain.requirement import RequirementState
from tests.unit.views.builders import (
    EventLog,
    assert_plain,
    capture_requirement,
    complete_milestone,
    moment,
    open_engagement,
    plan_milestone,
    request_change,
    requirement_in,
    stamp,
)

VIEW = ProgressView()
DAY1 = moment(date(2026, 1, 2))


def report(log: EventLog, engagement: Engagement, on: date, hour: int = 9) -> ProgressReport:
    return VIEW.report(log.state(VIEW, engagement.id), moment(on, hour))


def test_an_engagement_with_only_its_opened_event_reports_no_figures() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    result = report(log, engagement, date(2026, 2, 1))

    assert result == ProgressReport(
        milestones_total=0,
        milestones_completed=0,
        milestone_completion_percent=None,
        overdue_milestones=(),
        requirements_by_state=dict.fromkeys(RequirementState, 0),
        acceptance_percent=None,
        scope_churn=0,
        latest_rag=None,
    )


def test_a_single_requirement_event_starts_the_state_of_its_engagement() -> None:
    log = EventLog()
    engagement = open_engagement(EventLog())  # its Opened is not in this log
    capture_requirement(log, engagement.id, DAY1)

    states = fold(VIEW, log.events)

    assert list(states) == [str(engagement.id)]
    result = VIEW.report(states[str(engagement.id)], DAY1)
    assert result.requirements_by_state[RequirementState.CAPTURED] == 1
    # 0 accepted / 1 not withdrawn = 0 %
    assert result.acceptance_percent == Decimal("0.00")


def test_milestone_completion_is_weighted_and_rounded_half_even() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    light = plan_milestone(log, engagement, DAY1, date(2026, 2, 1), weight=1)
    medium = plan_milestone(log, engagement, DAY1, date(2026, 3, 1), weight=2)
    plan_milestone(log, engagement, DAY1, date(2026, 4, 1), weight=3)

    complete_milestone(log, engagement, DAY1, light)
    # 1 / (1 + 2 + 3) * 100 = 16.666... -> 16.67
    assert report(log, engagement, date(2026, 1, 3)).milestone_completion_percent == Decimal(
        "16.67"
    )

    complete_milestone(log, engagement, DAY1, medium)
    # (1 + 2) / 6 * 100 = 50
    result = report(log, engagement, date(2026, 1, 3))
    assert result.milestone_completion_percent == Decimal("50.00")
    assert (result.milestones_total, result.milestones_completed) == (3, 2)


def test_a_milestone_is_overdue_only_after_its_due_date_and_while_not_completed() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    due = date(2026, 2, 1)
    milestone = plan_milestone(log, engagement, DAY1, due, weight=1)

    # Due 1 Feb: not overdue on 1 Feb even late in the day, overdue from 2 Feb.
    assert report(log, engagement, date(2026, 2, 1), hour=23).overdue_milestones == ()
    overdue = report(log, engagement, date(2026, 2, 2)).overdue_milestones
    assert [(o.milestone_id, o.due_on) for o in overdue] == [(milestone, due)]

    complete_milestone(log, engagement, moment(date(2026, 2, 3)), milestone)
    assert report(log, engagement, date(2026, 2, 3)).overdue_milestones == ()


def test_rescheduling_a_milestone_moves_its_due_date() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    milestone = plan_milestone(log, engagement, DAY1, date(2026, 2, 1), weight=1)
    engagement.reschedule_milestone(
        milestone_id=milestone, due_on=date(2026, 3, 1), reason="Client holiday", stamp=stamp(DAY1)
    )
    log.record(engagement)

    assert report(log, engagement, date(2026, 2, 15)).overdue_milestones == ()
    overdue = report(log, engagement, date(2026, 3, 2)).overdue_milestones
    assert [o.due_on for o in overdue] == [date(2026, 3, 1)]


def test_requirements_are_counted_per_state_and_acceptance_excludes_withdrawn() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    for state in (
        RequirementState.ACCEPTED,
        RequirementState.ACCEPTED,
        RequirementState.WITHDRAWN,
        RequirementState.IN_PROGRESS,
        RequirementState.CAPTURED,
        RequirementState.REJECTED,
    ):
        requirement_in(log, engagement.id, state, DAY1)

    result = report(log, engagement, date(2026, 1, 3))

    assert result.requirements_by_state == {
        RequirementState.CAPTURED: 1,
        RequirementState.CONFIRMED: 0,
        RequirementState.IN_PROGRESS: 1,
        RequirementState.DELIVERED: 0,
        RequirementState.ACCEPTED: 2,
        RequirementState.REJECTED: 1,
        RequirementState.CHANGE_REQUESTED: 0,
        RequirementState.WITHDRAWN: 1,
    }
    # 2 accepted / (6 - 1 withdrawn) * 100 = 40
    assert result.acceptance_percent == Decimal("40.00")


def test_acceptance_is_none_when_every_requirement_is_withdrawn() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    requirement_in(log, engagement.id, RequirementState.WITHDRAWN, DAY1)

    assert report(log, engagement, date(2026, 1, 3)).acceptance_percent is None


def test_scope_churn_counts_every_change_request_even_after_reconfirmation() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    twice = requirement_in(log, engagement.id, RequirementState.CONFIRMED, DAY1)
    once = requirement_in(log, engagement.id, RequirementState.REJECTED, DAY1)
    request_change(log, twice, DAY1)
    request_change(log, twice, DAY1)  # confirmed again, then changed again
    request_change(log, once, DAY1)

    result = report(log, engagement, date(2026, 1, 3))

    assert result.scope_churn == 3  # 2 + 1
    assert result.requirements_by_state[RequirementState.CHANGE_REQUESTED] == 2


def test_requirements_count_towards_their_own_engagement_only() -> None:
    log = EventLog()
    first, second = open_engagement(log), open_engagement(log)
    requirement_in(log, first.id, RequirementState.ACCEPTED, DAY1)
    requirement_in(log, second.id, RequirementState.CAPTURED, DAY1)

    assert report(log, first, date(2026, 1, 3)).acceptance_percent == Decimal("100.00")
    assert report(log, second, date(2026, 1, 3)).acceptance_percent == Decimal("0.00")


def test_the_latest_status_report_gives_the_rag() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    for rag in (Rag.AMBER, Rag.RED):
        engagement.publish_status_report(
            period_start=date(2026, 1, 1),
            period_end=date(2026, 1, 2),
            rag=rag,
            summary="Weekly report",
            next_steps="",
            stamp=stamp(DAY1),
        )
    log.record(engagement)

    assert report(log, engagement, date(2026, 1, 3)).latest_rag is Rag.RED


def test_the_state_holds_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    done = plan_milestone(log, engagement, DAY1, date(2026, 2, 1), weight=1)
    complete_milestone(log, engagement, DAY1, done)
    requirement_in(log, engagement.id, RequirementState.ACCEPTED, DAY1)

    assert_plain(log.state(VIEW, engagement.id))
