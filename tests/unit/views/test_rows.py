from __future__ import annotations

from datetime import date, datetime, timedelta

from application.views.base import fold
from application.views.rows import ComplaintRowsView, RequirementRowsView, RiskRowsView
from domain.complaint import ComplaintState
from domain.requirement import RequirementState
from domain.risk import ResponseStrategy, RiskState
from domain.sla import Severity
from tests.unit.views.builders import (
    EventLog,
    acknowledge,
    acknowledge_only,
    assert_plain,
    assess_risk,
    assessed_risk,
    assign,
    client_replied,
    close_risk,
    escalate,
    identify_risk,
    moment,
    open_engagement,
    plan_risk_response,
    receive_complaint,
    record_breach,
    reopen,
    request_change,
    requirement_in,
    resolve,
    review_risk,
    stamp,
    wait_on_client,
)

COMPLAINTS, REQUIREMENTS, RISKS = ComplaintRowsView(), RequirementRowsView(), RiskRowsView()
T0 = moment(date(2026, 3, 2))


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def test_each_rows_view_keys_only_its_own_aggregates_by_id() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)
    requirement = requirement_in(log, engagement.id, RequirementState.CONFIRMED, T0)
    risk = identify_risk(log, engagement.id, T0)

    assert list(fold(COMPLAINTS, log.events)) == [str(complaint.id)]
    assert list(fold(REQUIREMENTS, log.events)) == [str(requirement.id)]
    assert list(fold(RISKS, log.events)) == [str(risk.id)]


# Complaints


def test_a_received_complaint_row_and_its_columns() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0, severity="high")

    row = fold(COMPLAINTS, log.events)[str(complaint.id)]

    assert (row.state, row.severity, row.version, row.assignee) == (
        ComplaintState.RECEIVED,
        Severity.HIGH,
        1,
        "",
    )
    assert COMPLAINTS.column_values(row) == {
        "engagement_id": engagement.id,
        "state": "received",
        "severity": "high",
        "assignee": "",
        "breached": False,
        "received_at": T0,
        "sla_next_at": T0 + timedelta(hours=1),  # when the first response is due
    }


def test_a_complaint_row_follows_its_handling() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)  # critical: due 1 h and 8 h
    record_breach(log, complaint, h(2), "first_response")
    acknowledge_only(log, complaint, h(3))
    assign(log, complaint, h(3), "bo@rapport.test")
    escalate(log, complaint, h(4), level=2)
    complaint.add_note(visibility="internal", text="Called back", stamp=stamp(h(4)))
    complaint.identify_root_cause(category="billing run", analysis="Ran twice", stamp=stamp(h(4)))
    log.record(complaint)
    resolve(log, complaint, h(5))
    reopen(log, complaint, h(6))
    assign(log, complaint, h(7), "cy@rapport.test")

    row = fold(COMPLAINTS, log.events)[str(complaint.id)]

    assert (row.state, row.assignee, row.acknowledged_by) == (
        ComplaintState.IN_PROGRESS,
        "cy@rapport.test",
        "bo@rapport.test",
    )
    assert (row.escalation_level, row.note_count, row.root_cause_category) == (
        2,
        1,
        "billing run",
    )
    assert (row.reopens, row.resolution_cycle, row.breaches, row.breached) == (1, 2, 1, True)
    # Received, breach, acknowledged, assigned, escalated, note, root cause, resolved,
    # reopened, assigned: version 10; the last assignment moved reopened -> in_progress
    assert (row.version, row.updated_at, row.state_since) == (10, h(7), h(7))
    # the new cycle runs 8 h from the reopen at 6 h
    assert row.resolution.current_due == h(14)


def test_a_complaint_report_flags_a_clock_past_due_at_the_moment_asked() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)  # critical: due 1 h and 8 h
    row = fold(COMPLAINTS, log.events)[str(complaint.id)]

    before, after = COMPLAINTS.report(row, h(1)), COMPLAINTS.report(row, h(1.5))

    assert (before.past_due, before.first_response_past_due) == (False, False)
    assert (after.past_due, after.first_response_past_due, after.resolution_past_due) == (
        True,
        True,
        False,
    )
    assert after.seconds_in_state == 5400.0  # 1.5 h received


def test_a_complaint_report_pushes_the_resolution_due_time_back_by_the_wait() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)  # resolution due 8 h
    acknowledge(log, complaint, h(1))
    wait_on_client(log, complaint, h(2))
    waiting = COMPLAINTS.report(fold(COMPLAINTS, log.events)[str(complaint.id)], h(10))
    client_replied(log, complaint, h(5))
    replied = COMPLAINTS.report(fold(COMPLAINTS, log.events)[str(complaint.id)], h(10))

    # while waiting: paused, no due time, not past due even after 8 h
    assert (waiting.resolution_due, waiting.past_due) == (None, False)
    # 8 h + 3 h waited (2 h to 5 h) = 11 h: not past due at 10 h
    assert (replied.resolution_due, replied.past_due) == (h(11), False)
    assert COMPLAINTS.report(replied.row, h(11.5)).resolution_past_due


# Requirements


def test_a_requirement_row_follows_its_path_and_columns() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    requirement = requirement_in(log, engagement.id, RequirementState.IN_PROGRESS, T0)
    request_change(log, requirement, h(2))

    row = fold(REQUIREMENTS, log.events)[str(requirement.id)]

    assert (row.state, row.description, row.change_requests) == (
        RequirementState.CHANGE_REQUESTED,
        "Returns and exchanges",
        1,
    )
    assert (len(row.criteria), row.confirmed_by, row.started_by) == (
        1,
        "client@northwind.test",
        "ana@rapport.test",
    )
    assert (row.version, row.state_since) == (5, h(2))  # Captured, criterion, Confirmed, ...
    assert REQUIREMENTS.column_values(row) == {
        "engagement_id": engagement.id,
        "state": "change_requested",
        "priority": "must",
    }
    assert REQUIREMENTS.report(row, h(3)).seconds_in_state == 3600.0


def test_an_accepted_requirement_row_names_who_accepted_it() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    requirement = requirement_in(log, engagement.id, RequirementState.ACCEPTED, T0)

    row = fold(REQUIREMENTS, log.events)[str(requirement.id)]

    assert (row.state, row.accepted_by) == (RequirementState.ACCEPTED, "client@northwind.test")


def test_a_requirement_row_lists_its_criteria_and_which_a_rejection_found_unmet() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    requirement = requirement_in(log, engagement.id, RequirementState.REJECTED, T0)
    (criterion,) = requirement.criteria

    row = fold(REQUIREMENTS, log.events)[str(requirement.id)]

    assert [(c.criterion_id, c.text, c.unmet) for c in row.criteria] == [
        (criterion.id, "Return starts online", True)
    ]


# Risks


def test_an_unassessed_risk_has_no_level_and_exposure_0_in_its_columns() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    risk = identify_risk(log, engagement.id, T0)

    row = fold(RISKS, log.events)[str(risk.id)]

    assert (row.exposure, row.level) == (None, None)
    assert RISKS.column_values(row) == {
        "engagement_id": engagement.id,
        "state": "identified",
        "level": "",
        "exposure": 0,
    }


def test_a_risk_row_shows_its_latest_assessment_plan_and_reviews() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    risk = assessed_risk(log, engagement.id, T0, 2, 2)
    assess_risk(log, risk, h(1), 4, 5)
    plan_risk_response(log, risk, h(2))
    review_risk(log, risk, h(3), date(2026, 3, 20))

    row = fold(RISKS, log.events)[str(risk.id)]

    assert (row.state, row.assessments, row.strategy, row.reviews) == (
        RiskState.RESPONDING,
        2,
        ResponseStrategy.MITIGATE,
        1,
    )
    # latest assessment 4 x 5 = 20: critical (20-25)
    assert RISKS.column_values(row)["level"] == "critical"
    assert RISKS.column_values(row)["exposure"] == 20
    assert row.next_review_on == date(2026, 3, 20)


def test_a_risk_report_flags_an_overdue_review_while_the_risk_is_open() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    risk = assessed_risk(log, engagement.id, T0, 3, 3)
    plan_risk_response(log, risk, T0)  # next review on 16 March
    open_row = fold(RISKS, log.events)[str(risk.id)]
    on_the_day = RISKS.report(open_row, moment(date(2026, 3, 16), 20)).review_overdue
    day_after = RISKS.report(open_row, moment(date(2026, 3, 17))).review_overdue
    close_risk(log, risk, h(1))
    closed_row = fold(RISKS, log.events)[str(risk.id)]

    assert (on_the_day, day_after) == (False, True)
    assert not RISKS.report(closed_row, moment(date(2026, 3, 17))).review_overdue


def test_row_states_hold_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)
    acknowledge(log, complaint, h(1))
    wait_on_client(log, complaint, h(2))
    requirement_in(log, engagement.id, RequirementState.REJECTED, T0)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 3, 3), T0)

    for view in (COMPLAINTS, REQUIREMENTS, RISKS):
        for state in fold(view, log.events).values():
            assert_plain(state)
