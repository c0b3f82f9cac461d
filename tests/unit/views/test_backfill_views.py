"""What the views count of a complaint back-filled while the SLA watchdog
judged it: a withdrawn breach is not breached, compliance comes from the facts,
and "as it was at T" may fold a withdrawal without the breach it withdraws."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from application.views.base import LoggedEvent, fold
from application.views.portfolio import PortfolioView
from application.views.rows import ComplaintRowsView
from application.views.satisfaction import SatisfactionView
from domain.base import Stamp
from domain.complaint import Complaint
from domain.sla import DEFAULT_POLICY_ID, EscalationRule, SlaClock, SlaTerms, SlaTrigger
from tests.unit.views.builders import EventLog, moment, open_engagement, receive_complaint

ROWS, SATISFACTION, PORTFOLIO = ComplaintRowsView(), SatisfactionView(), PortfolioView()
T0 = moment(date(2026, 3, 2))
NOW = T0 + timedelta(days=3)  # when the history is moved in
# Critical, wall clock: 1 h to answer, 8 h to resolve; a breach escalates to 2.
TERMS = SlaTerms(
    DEFAULT_POLICY_ID,
    1,
    first_response_seconds=3600,
    resolution_seconds=8 * 3600,
    escalation_rules=(EscalationRule(SlaTrigger.BREACH, None, (), 2),),
)


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def fact(occurred: datetime) -> Stamp:
    return Stamp("integrator", occurred, NOW + timedelta(seconds=1))


def back_filled() -> tuple[EventLog, Complaint]:
    """Received at T0; the watchdog breaches both clocks now; then the history
    arrives: answered in 30 minutes, resolved in 5 hours, both in time."""
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0, sla=TERMS)
    complaint.watch_sla(stamp=Stamp("sla-watchdog", NOW, NOW))
    log.record(complaint)
    complaint.acknowledge(agent="bo", message="On it", stamp=fact(h(0.5)))
    complaint.assign(agent="bo", stamp=fact(h(0.6)))
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(5)))
    log.record(complaint)
    return log, complaint


def as_it_was(log: EventLog, at: datetime) -> list[LoggedEvent]:
    return [e for e in log.events if e.occurred_at <= at]


def test_a_complaint_row_counts_a_withdrawn_breach_as_not_breached() -> None:
    log, complaint = back_filled()
    row = fold(ROWS, log.events)[str(complaint.id)]
    assert (row.breaches, row.breached) == (0, False)
    assert not row.first_response.breached and not row.resolution.breached
    assert row.escalation_level == 2  # the rule's escalation happened: it stays
    assert ROWS.column_values(row)["breached"] is False


def test_satisfaction_and_portfolio_leave_out_withdrawn_breaches_and_judge_by_facts() -> None:
    log, complaint = back_filled()
    satisfaction = SATISFACTION.report(log.state(SATISFACTION, complaint.engagement_id), NOW)
    assert (satisfaction.sla_breaches.recorded, satisfaction.sla_breaches.occurred_times) == (0, ())
    compliance = satisfaction.complaints.sla_compliance
    assert compliance[SlaClock.FIRST_RESPONSE].percent == Decimal("100.00")
    assert compliance[SlaClock.RESOLUTION].percent == Decimal("100.00")
    portfolio = PORTFOLIO.report(log.state(PORTFOLIO, complaint.engagement_id), NOW)
    assert portfolio.sla_breaches_in_window == 0


def test_as_it_was_a_withdrawal_folded_without_its_breach_counts_nothing() -> None:
    log, complaint = back_filled()
    earlier = as_it_was(log, h(6))  # the withdrawals (dated by the facts), not the breaches
    assert any(isinstance(e.event, Complaint.SlaBreachWithdrawn) for e in earlier)
    assert not any(isinstance(e.event, Complaint.SlaBreached) for e in earlier)

    row = fold(ROWS, earlier)[str(complaint.id)]
    satisfaction = fold(SATISFACTION, earlier)[str(complaint.engagement_id)]
    portfolio = fold(PORTFOLIO, earlier)[str(complaint.engagement_id)]
    assert (row.breaches, satisfaction.breach_times, portfolio.sla_breaches) == (0, [], [])


def test_a_breach_that_stands_is_counted_once_by_every_view() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0, sla=TERMS)
    complaint.watch_sla(stamp=Stamp("sla-watchdog", NOW, NOW))
    log.record(complaint)
    complaint.acknowledge(agent="bo", message="Sorry", stamp=fact(h(2)))  # late
    log.record(complaint)

    row = fold(ROWS, log.events)[str(complaint.id)]
    satisfaction = log.state(SATISFACTION, engagement.id)
    assert (row.breaches, row.first_response.breached) == (2, True)  # both clocks
    assert satisfaction.breach_times == [NOW, NOW]


def test_a_persons_escalation_back_dated_before_a_rules_leaves_the_row_at_the_higher_level() -> (
    None
):
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0, sla=TERMS)
    complaint.watch_sla(stamp=Stamp("sla-watchdog", NOW, NOW))  # the rule escalates to 2
    complaint.escalate(level=1, reason="Client called", stamp=fact(h(0.2)))
    log.record(complaint)
    assert fold(ROWS, log.events)[str(complaint.id)].escalation_level == 2
