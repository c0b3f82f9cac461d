from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from application.views.budget import BudgetView
from application.views.health import Health, HealthThresholds
from application.views.portfolio import PortfolioRow, PortfolioView
from domain.base import Stamp
from domain.engagement import Engagement, EngagementState
from domain.sla import DEFAULT_POLICY_ID
from tests.unit.views.builders import (
    CLIENT_ID,
    EventLog,
    acknowledge,
    assert_plain,
    assess_risk,
    client_replied,
    close_complaint,
    close_risk,
    complete_milestone,
    identify_risk,
    moment,
    open_engagement,
    plan_milestone,
    plan_risk_response,
    receive_complaint,
    record_breach,
    record_cost,
    record_survey,
    reopen,
    resolve,
    stamp,
    wait_on_client,
)

VIEW = PortfolioView()
T = moment(date(2026, 1, 5), 10)  # when the complaints in these tests are received
MINUTE = timedelta(minutes=1)


def row(
    log: EventLog, engagement: Engagement, at: datetime, view: PortfolioView = VIEW
) -> PortfolioRow:
    return view.report(log.state(view, engagement.id), at)


def hours(h: float) -> datetime:
    return T + timedelta(hours=h)


def test_an_engagement_with_only_its_opened_event_is_green_with_no_figures() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    result = row(log, engagement, moment(date(2026, 2, 1)))

    assert result == PortfolioRow(
        engagement_id=engagement.id,
        client_id=CLIENT_ID,
        client_name="Northwind Retail",
        title="After-sales service desk",
        owner="ana@rapport.test",
        state=EngagementState.PLANNED,
        cpi=None,
        spi=None,
        csat_mean=None,
        critical_complaints_past_due=0,
        sla_breaches_in_window=0,
        unplanned_critical_risks=0,
        max_open_risk_exposure=None,
        health=Health.GREEN,
        health_reasons=(),
        sla_policy_id=DEFAULT_POLICY_ID,
    )
    assert VIEW.column_values(log.state(VIEW, engagement.id)) == {
        "engagement_id": engagement.id,
        "client_id": CLIENT_ID,
        "state": "planned",
    }


def test_the_row_follows_the_engagement_through_its_lifecycle() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    s = stamp(moment(date(2026, 1, 2)))
    steps: list[tuple[Callable[[], None], str]] = [
        (lambda: engagement.start(stamp=s), "active"),
        (lambda: engagement.put_on_hold(reason="Client reorganising", stamp=s), "on_hold"),
        (lambda: engagement.resume(stamp=s), "active"),
        (lambda: _close(engagement, s), "closed"),
        (lambda: engagement.archive(stamp=s), "archived"),
    ]
    for command, expected in steps:
        command()
        log.record(engagement)
        assert VIEW.column_values(log.state(VIEW, engagement.id))["state"] == expected


def test_cpi_and_spi_are_the_budget_views_own_figures() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    day1 = moment(date(2026, 1, 2))
    done = plan_milestone(log, engagement, day1, date(2026, 1, 31), weight=2)
    plan_milestone(log, engagement, day1, date(2026, 2, 28), weight=3)
    plan_milestone(log, engagement, day1, date(2026, 4, 10), weight=5)
    complete_milestone(log, engagement, moment(date(2026, 1, 30)), done)
    record_cost(log, engagement, "2500.00", date(2026, 2, 2))
    at = moment(date(2026, 3, 1))

    result = row(log, engagement, at)

    # EV = 10 000 * 2/10 = 2000, AC = 2500, PV = 10 000 * 5/10 = 5000.
    assert (result.cpi, result.spi) == (Decimal("0.80"), Decimal("0.40"))
    budget = BudgetView()
    earned = budget.report(log.state(budget, engagement.id), at).earned_value
    assert (result.cpi, result.spi) == (earned.cpi, earned.spi)
    # CPI 0.80 is not below 0.8; SPI 0.40 is.
    assert (result.health, result.health_reasons) == (Health.RED, ("SPI 0.40 is below 0.8",))


def test_csat_mean_counts_survey_scores_but_not_a_complaints_closing_score() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    for csat in (5, 4, 2):
        record_survey(log, engagement, T, csat)
    record_survey(log, engagement, T, csat=None, nps=9)  # NPS only: no CSAT
    complaint = receive_complaint(log, engagement.id, T, severity="low")
    acknowledge(log, complaint, hours(1))
    resolve(log, complaint, hours(2))
    close_complaint(log, complaint, hours(3), csat=1)

    result = row(log, engagement, hours(4))

    assert result.csat_mean == Decimal("3.67")  # (5 + 4 + 2) / 3 = 3.666...
    assert (result.health, result.health_reasons) == (
        Health.AMBER,
        ("CSAT mean 3.67 is below 4.0",),
    )


def test_an_unacknowledged_critical_complaint_is_past_due_after_its_first_response_due() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    receive_complaint(log, engagement.id, T, severity="critical", first_response_hours=1)

    assert row(log, engagement, hours(1)).health is Health.GREEN  # at the due time: not yet
    result = row(log, engagement, hours(1) + MINUTE)
    assert result.critical_complaints_past_due == 1
    assert (result.health, result.health_reasons) == (
        Health.RED,
        ("an open critical complaint is past due",),
    )


def test_waiting_on_the_client_pushes_a_critical_complaints_resolution_due_time_back() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    complaint = receive_complaint(log, engagement.id, T, severity="critical", resolution_hours=8)
    acknowledge(log, complaint, hours(0.5))
    wait_on_client(log, complaint, hours(2))

    # Still waiting at T+9h, past the original T+8h: a paused clock is not past due.
    assert row(log, engagement, hours(9)).critical_complaints_past_due == 0

    client_replied(log, complaint, hours(10))
    # Waited 10 - 2 = 8 h, so due at T+8h+8h = T+16h.
    assert row(log, engagement, hours(16)).critical_complaints_past_due == 0
    assert row(log, engagement, hours(16) + MINUTE).critical_complaints_past_due == 1


def test_a_resolved_critical_complaint_is_not_past_due_until_reopened_for_a_new_cycle() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    complaint = receive_complaint(log, engagement.id, T, severity="critical", resolution_hours=8)
    acknowledge(log, complaint, hours(0.5))
    resolve(log, complaint, hours(3))

    assert row(log, engagement, hours(9)).critical_complaints_past_due == 0

    reopen(log, complaint, hours(20))
    # A new 8 h cycle from the reopen: due at T+28h.
    assert row(log, engagement, hours(28)).critical_complaints_past_due == 0
    assert row(log, engagement, hours(28) + MINUTE).health is Health.RED


def test_a_past_due_complaint_that_is_not_critical_does_not_make_the_engagement_red() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    receive_complaint(log, engagement.id, T, severity="high", first_response_hours=4)

    result = row(log, engagement, hours(48))

    assert (result.critical_complaints_past_due, result.health) == (0, Health.GREEN)


def test_an_sla_breach_makes_the_engagement_amber_for_28_days_after_it_occurred() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    complaint = receive_complaint(log, engagement.id, T, severity="medium", first_response_hours=8)
    breached_at = hours(9)
    record_breach(log, complaint, breached_at, "first_response")

    def in_window(at: datetime) -> int:
        return row(log, engagement, at).sla_breaches_in_window

    assert in_window(breached_at - timedelta(minutes=1)) == 0  # not yet occurred
    assert in_window(breached_at) == 1
    last_minute = breached_at + timedelta(days=28, minutes=-1)
    assert row(log, engagement, last_minute).health_reasons == (
        "1 SLA breach(es) in the last 28 days",
    )
    assert in_window(breached_at + timedelta(days=28)) == 0  # (at - 28 days, at]


def test_a_critical_risk_without_a_response_plan_is_red_and_with_one_amber() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    risk = identify_risk(log, engagement.id, T)
    assess_risk(log, risk, T, probability=4, impact=5)

    unplanned = row(log, engagement, hours(1))
    assert (unplanned.unplanned_critical_risks, unplanned.max_open_risk_exposure) == (1, 20)
    assert unplanned.health_reasons == ("a risk with exposure >= 20 has no response plan",)
    assert unplanned.health is Health.RED

    plan_risk_response(log, risk, hours(1))
    planned = row(log, engagement, hours(2))
    assert (planned.unplanned_critical_risks, planned.health) == (0, Health.AMBER)
    assert planned.health_reasons == ("an open risk has exposure 20 (>= 15)",)


def test_only_the_latest_assessment_of_an_open_risk_counts() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    risk = identify_risk(log, engagement.id, T)
    assert row(log, engagement, hours(1)).max_open_risk_exposure is None  # not assessed

    assess_risk(log, risk, T, probability=3, impact=5)
    assert row(log, engagement, hours(1)).health is Health.AMBER  # 3 * 5 = 15

    assess_risk(log, risk, hours(1), probability=3, impact=4)
    result = row(log, engagement, hours(2))
    assert (result.max_open_risk_exposure, result.health) == (12, Health.GREEN)  # 3 * 4


def test_a_closed_risk_counts_for_nothing() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    risk = identify_risk(log, engagement.id, T)
    assess_risk(log, risk, T, probability=5, impact=5)
    close_risk(log, risk, hours(1))

    result = row(log, engagement, hours(2))

    assert (result.max_open_risk_exposure, result.unplanned_critical_risks) == (None, 0)
    assert result.health is Health.GREEN


def test_the_view_judges_health_by_the_thresholds_it_is_given() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    risk = identify_risk(log, engagement.id, T)
    assess_risk(log, risk, T, probability=3, impact=4)  # exposure 12
    strict = PortfolioView(HealthThresholds(amber_risk_exposure_from=10))

    assert row(log, engagement, hours(1)).health is Health.GREEN
    assert row(log, engagement, hours(1), strict).health is Health.AMBER


def test_complaints_and_risks_of_another_engagement_do_not_count() -> None:
    log = EventLog()
    calm, troubled = open_engagement(log, start=True), open_engagement(log, start=True)
    receive_complaint(log, troubled.id, T, severity="critical")
    assess_risk(log, identify_risk(log, troubled.id, T), T, probability=5, impact=5)

    assert row(log, calm, hours(12)).health is Health.GREEN
    assert row(log, troubled, hours(12)).health is Health.RED


def _close(engagement: Engagement, s: Stamp) -> None:
    engagement.close(
        outcome="Delivered",
        evaluation="",
        lessons_learned=["Survey earlier"],
        open_complaint_ids=[],
        unaccepted_must_ids=[],
        stamp=s,
    )


def test_the_state_holds_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log, start=True)
    plan_milestone(log, engagement, T, date(2026, 2, 1), weight=1)
    record_survey(log, engagement, T, csat=4)
    record_cost(log, engagement, "10.00", date(2026, 1, 5))
    complaint = receive_complaint(log, engagement.id, T, severity="critical")
    acknowledge(log, complaint, hours(0.5))
    wait_on_client(log, complaint, hours(1))
    record_breach(log, receive_complaint(log, engagement.id, T), hours(2), "first_response")
    assess_risk(log, identify_risk(log, engagement.id, T), T, probability=2, impact=3)

    assert_plain(log.state(VIEW, engagement.id))
