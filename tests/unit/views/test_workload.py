from __future__ import annotations

from datetime import date, datetime, timedelta

from application.views.workload import PersonLoad, WorkloadReport, WorkloadView
from domain.engagement import Engagement
from domain.requirement import Requirement, RequirementState
from tests.unit.views.builders import (
    EventLog,
    acknowledge_only,
    assert_plain,
    assign,
    close_complaint,
    deliver_requirement,
    moment,
    open_engagement,
    receive_complaint,
    reopen,
    request_change,
    requirement_in,
    resolve,
    stamp,
    start_requirement,
)

VIEW = WorkloadView()
T0 = moment(date(2026, 3, 2))
BO, CY, DI = "bo@rapport.test", "cy@rapport.test", "di@rapport.test"


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def report(log: EventLog, engagement: Engagement, at: datetime | None = None) -> WorkloadReport:
    """As of `at`, by default h(100): long after every complaint's SLA came due."""
    return VIEW.report(log.state(VIEW, engagement.id), at or h(100))


def confirmed(log: EventLog, engagement: Engagement) -> Requirement:
    return requirement_in(log, engagement.id, RequirementState.CONFIRMED, T0)


def test_an_engagement_with_no_work_lists_nobody() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    assert report(log, engagement) == WorkloadReport(people=(), unassigned_open_complaints=0)


def test_a_complaint_nobody_is_assigned_to_is_counted_apart() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    receive_complaint(log, engagement.id, T0)

    assert report(log, engagement, h(0.5)) == WorkloadReport(
        people=(), unassigned_open_complaints=1, unassigned_overdue_complaints=0
    )
    assert report(log, engagement) == WorkloadReport(
        people=(), unassigned_open_complaints=1, unassigned_overdue_complaints=1
    )


def test_a_complaint_counts_for_its_agent_until_resolved_and_again_once_reopened() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)
    acknowledge_only(log, complaint, h(1))
    assign(log, complaint, h(1), BO)
    assert report(log, engagement, h(2)).people == (PersonLoad(BO, 1, 0),)

    resolve(log, complaint, h(2))
    assert report(log, engagement).people == ()

    reopen(log, complaint, h(3))
    assert report(log, engagement, h(4)).people == (PersonLoad(BO, 1, 0),)

    resolve(log, complaint, h(4))
    close_complaint(log, complaint, h(5))
    assert report(log, engagement).people == ()


def test_reassignment_moves_the_complaint_from_one_person_to_the_other() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    moved, kept = (receive_complaint(log, engagement.id, T0) for _ in range(2))
    assign(log, moved, h(1), BO)
    assign(log, kept, h(1), BO)
    assign(log, moved, h(2), CY)

    # BO: 2 - 1 moved away = 1; CY: 0 + 1 = 1; neither acknowledged, so both overdue
    assert report(log, engagement).people == (PersonLoad(BO, 1, 0, 1), PersonLoad(CY, 1, 0, 1))


def test_a_requirement_in_progress_counts_for_whoever_started_it_until_delivered() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    delivered, in_progress = confirmed(log, engagement), confirmed(log, engagement)
    start_requirement(log, delivered, h(1), actor=CY)
    start_requirement(log, in_progress, h(1), actor=CY)
    deliver_requirement(log, delivered, h(2))

    assert report(log, engagement).people == (PersonLoad(CY, 0, 1),)


def test_a_rejected_requirement_restarted_counts_for_whoever_restarts_it() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    requirement = confirmed(log, engagement)
    start_requirement(log, requirement, h(1), actor=CY)
    deliver_requirement(log, requirement, h(2))
    requirement.reject(
        reason="Labels missing", unmet_criterion_ids=requirement.criterion_ids, stamp=stamp(h(3))
    )
    log.record(requirement)
    start_requirement(log, requirement, h(4), actor=DI)

    assert report(log, engagement).people == (PersonLoad(DI, 0, 1),)


def test_a_change_request_or_withdrawal_takes_a_requirement_out_of_progress() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    changed, withdrawn = confirmed(log, engagement), confirmed(log, engagement)
    start_requirement(log, changed, h(1), actor=CY)
    start_requirement(log, withdrawn, h(1), actor=CY)
    request_change(log, changed, h(2))
    withdrawn.withdraw(reason="No longer needed", stamp=stamp(h(2)))
    log.record(withdrawn)

    assert report(log, engagement).people == ()


def test_people_are_listed_by_name_with_both_loads() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    assign(log, receive_complaint(log, engagement.id, T0), h(1), CY)
    start_requirement(log, confirmed(log, engagement), h(1), actor=BO)
    start_requirement(log, confirmed(log, engagement), h(1), actor=CY)

    assert report(log, engagement).people == (PersonLoad(BO, 0, 1), PersonLoad(CY, 1, 1, 1))
    assert [p.load for p in report(log, engagement).people] == [1, 2]


def test_a_complaint_is_overdue_for_its_agent_once_a_clock_runs_past_due() -> None:
    # Critical, as built: the first response is due at h(1), resolution at h(8).
    log = EventLog()
    engagement = open_engagement(log)
    late, answered = (receive_complaint(log, engagement.id, T0) for _ in range(2))
    assign(log, late, h(0.5), BO)
    acknowledge_only(log, answered, h(0.5))
    assign(log, answered, h(0.5), BO)

    assert report(log, engagement, h(1)).people == (PersonLoad(BO, 2, 0, 0),)
    assert report(log, engagement, h(2)).people == (PersonLoad(BO, 2, 0, 1),)
    assert report(log, engagement, h(9)).people == (PersonLoad(BO, 2, 0, 2),)


def test_a_complaint_waiting_on_the_client_is_not_overdue_until_it_runs_again() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)
    acknowledge_only(log, complaint, h(0.5))
    assign(log, complaint, h(0.5), BO)
    complaint.wait_on_client(reason="Need the invoice number", stamp=stamp(h(2)))
    log.record(complaint)

    assert report(log, engagement, h(48)).people == (PersonLoad(BO, 1, 0, 0),)
    complaint.client_replied(message="It is 4711", stamp=stamp(h(50)))
    log.record(complaint)
    # 6 of the 8 hours were left when the wait began: due again at h(56).
    assert report(log, engagement, h(56)).people == (PersonLoad(BO, 1, 0, 0),)
    assert report(log, engagement, h(57)).people == (PersonLoad(BO, 1, 0, 1),)


def test_the_state_holds_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    assign(log, receive_complaint(log, engagement.id, T0), h(1), CY)
    start_requirement(log, confirmed(log, engagement), h(1), actor=BO)

    assert_plain(log.state(VIEW, engagement.id))
