"""Back-filling a complaint's history while the SLA watchdog judges it.

The watchdog judges the clocks by what is known when it looks; the history it
did not know yet arrives afterwards, dated when it happened. Each test records
the facts after the watchdog's judgments, as an integrator moving history in
from another tool does, and checks what the complaint keeps of both."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from domain.base import Stamp
from domain.complaint import Complaint
from domain.sla import DEFAULT_POLICY_ID, EscalationRule, SlaClock, SlaTerms, SlaTrigger
from tests.unit.domain.checks import assert_rule, replay

# Wall-clock time: 1 h to answer (warning at 30 min), 8 h to resolve (warning at 4 h).
TERMS = SlaTerms(
    DEFAULT_POLICY_ID,
    3,
    first_response_seconds=3600,
    resolution_seconds=8 * 3600,
    warning_percent=50,
    escalation_rules=(EscalationRule(SlaTrigger.BREACH, None, (), 3),),
)
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
NOW = T0 + timedelta(days=3)  # when the history is moved in


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def fact(occurred: datetime) -> Stamp:
    return Stamp("integrator", occurred, NOW + timedelta(seconds=1))


def received() -> Complaint:
    return Complaint.receive(
        id=uuid4(),
        engagement_id=uuid4(),
        channel="email",
        severity="high",
        category="billing",
        description="Charged twice",
        sla=TERMS,
        stamp=fact(T0),
    )


def watched(complaint: Complaint, at: datetime = NOW) -> Complaint:
    complaint.watch_sla(stamp=Stamp("sla-watchdog", at, at))
    return complaint


def in_progress(ack_at: datetime, assign_at: datetime) -> Complaint:
    complaint = received()
    complaint.acknowledge(agent="bo", message="On it", stamp=fact(ack_at))
    complaint.assign(agent="bo", stamp=fact(assign_at))
    return complaint


def kinds(complaint: Complaint, after: int = 0) -> list[str]:
    return [type(e).__name__ for e in complaint.pending_events[after:]]


def standing(complaint: Complaint) -> list[tuple[SlaClock, int]]:
    return [(b.clock, b.cycle) for b in complaint.breaches]


def test_an_acknowledgement_back_dated_before_the_due_time_withdraws_the_breach() -> None:
    complaint = watched(received())  # both clocks long past due by now
    assert kinds(complaint) == ["Received", "SlaBreached", "Escalated", "SlaBreached"]

    complaint.acknowledge(agent="bo", message="On it", stamp=fact(h(0.5)))

    assert kinds(complaint, 4) == ["Acknowledged", "SlaBreachWithdrawn"]
    withdrawn = complaint.pending_events[-1]
    assert isinstance(withdrawn, Complaint.SlaBreachWithdrawn)
    assert (withdrawn.clock, withdrawn.cycle, withdrawn.due) == (SlaClock.FIRST_RESPONSE, 1, h(1))
    assert (withdrawn.noticed_at, withdrawn.occurred_at) == (NOW, h(0.5))
    assert "first response clock was answered" in withdrawn.reason
    assert standing(complaint) == [(SlaClock.RESOLUTION, 1)]
    assert not complaint.sla_clock(SlaClock.FIRST_RESPONSE).breached


def test_an_acknowledgement_back_dated_after_the_due_time_leaves_the_breach_standing() -> None:
    complaint = watched(received())
    complaint.acknowledge(agent="bo", message="Sorry", stamp=fact(h(2)))
    assert kinds(complaint, 4) == ["Acknowledged"]
    assert standing(complaint) == [(SlaClock.FIRST_RESPONSE, 1), (SlaClock.RESOLUTION, 1)]


def test_an_answer_at_the_due_time_itself_is_met() -> None:
    complaint = watched(received(), at=h(1))  # the watchdog looked at the due time
    complaint.acknowledge(agent="bo", message="On it", stamp=Stamp("bo", h(1), h(1)))
    assert kinds(complaint, 3) == ["Acknowledged", "SlaBreachWithdrawn"]


def test_an_answer_after_the_due_time_records_the_breach_no_watchdog_saw() -> None:
    complaint = received()
    complaint.acknowledge(agent="bo", message="Sorry", stamp=fact(h(2)))
    assert kinds(complaint, 1) == ["Acknowledged", "SlaBreached"]
    breach = complaint.pending_events[-1]
    assert isinstance(breach, Complaint.SlaBreached)
    assert (breach.clock, breach.due, breach.occurred_at) == (SlaClock.FIRST_RESPONSE, h(1), h(2))
    assert complaint.escalation_level == 0  # the rules are the watchdog's, for what is unanswered


def test_a_resolution_back_dated_before_the_due_time_withdraws_the_breach() -> None:
    complaint = watched(in_progress(h(0.5), h(0.6)))  # the resolution is past due by now
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(5)))
    assert kinds(complaint, 3) == ["SlaBreached", "Escalated", "Resolved", "SlaBreachWithdrawn"]
    assert standing(complaint) == []
    assert complaint.escalation_level == 3  # the rule's escalation happened: it stays


def test_a_wait_back_dated_before_the_due_time_withdraws_the_breach_until_the_clock_runs_late() -> (
    None
):
    complaint = watched(in_progress(h(0.5), h(0.6)))
    complaint.wait_on_client(reason="Which invoice?", stamp=fact(h(2)))  # 6 h were left
    assert kinds(complaint, 5) == ["WaitingOnClient", "SlaBreachWithdrawn"]
    withdrawn = complaint.pending_events[-1]
    assert isinstance(withdrawn, Complaint.SlaBreachWithdrawn)
    assert withdrawn.reason == (
        "the resolution clock was paused at 2026-03-02T11:00:00+00:00, "
        "before its due time 2026-03-02T17:00:00+00:00"
    )
    watched(complaint, NOW + timedelta(seconds=2))  # paused: owes nothing
    assert kinds(complaint, 7) == []

    complaint.client_replied(message="INV-7", stamp=fact(h(26)))
    assert complaint.sla_clock(SlaClock.RESOLUTION).due == h(32)
    watched(complaint, NOW + timedelta(seconds=3))  # due again, and past due by now
    assert kinds(complaint, 8) == ["SlaBreached"]
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(30)))
    assert kinds(complaint, 9) == ["Resolved", "SlaBreachWithdrawn"]
    assert standing(complaint) == []


def test_a_wait_back_dated_after_the_due_time_leaves_the_breach_standing() -> None:
    complaint = watched(in_progress(h(0.5), h(0.6)))
    complaint.wait_on_client(reason="Which invoice?", stamp=fact(h(9)))
    complaint.client_replied(message="INV-7", stamp=fact(h(30)))
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(31)))
    assert kinds(complaint, 5) == ["WaitingOnClient", "ClientReplied", "Resolved"]
    assert standing(complaint) == [(SlaClock.RESOLUTION, 1)]


def test_a_wait_begun_after_the_due_time_records_the_breach_no_watchdog_saw() -> None:
    complaint = in_progress(h(0.5), h(0.6))
    complaint.wait_on_client(reason="Which invoice?", stamp=fact(h(9)))
    assert kinds(complaint, 3) == ["WaitingOnClient", "SlaBreached"]
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(40)))
    assert standing(complaint) == [(SlaClock.RESOLUTION, 1)]  # once, not again


def test_a_reopened_cycle_is_judged_on_its_own() -> None:
    complaint = in_progress(h(0.5), h(0.6))
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(5)))
    complaint.reopen(reason="Charged again", stamp=fact(h(24)))
    watched(complaint)  # the second cycle, due at h(32), is past due by now
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(30)))
    assert kinds(complaint, 5) == ["SlaBreached", "Escalated", "Resolved", "SlaBreachWithdrawn"]
    withdrawn = complaint.pending_events[-1]
    assert isinstance(withdrawn, Complaint.SlaBreachWithdrawn) and withdrawn.cycle == 2


def test_an_answer_back_dated_before_the_warning_time_withdraws_the_warning() -> None:
    complaint = watched(received(), at=h(0.75))  # the first response: warned at 30 min
    assert kinds(complaint, 1) == ["SlaWarningRaised"]
    complaint.acknowledge(agent="bo", message="On it", stamp=Stamp("bo", h(0.25), h(0.8)))
    assert kinds(complaint, 2) == ["Acknowledged", "SlaWarningWithdrawn"]
    withdrawn = complaint.pending_events[-1]
    assert isinstance(withdrawn, Complaint.SlaWarningWithdrawn)
    assert (withdrawn.clock, withdrawn.cycle) == (SlaClock.FIRST_RESPONSE, 1)
    assert "before its warning time" in withdrawn.reason
    assert not complaint.sla_clock(SlaClock.FIRST_RESPONSE).warned


def test_an_answer_after_the_warning_time_leaves_the_warning_standing() -> None:
    complaint = watched(received(), at=h(0.75))
    complaint.acknowledge(agent="bo", message="On it", stamp=Stamp("bo", h(0.6), h(0.8)))
    assert kinds(complaint, 2) == ["Acknowledged"]
    assert complaint.warnings == ((SlaClock.FIRST_RESPONSE, 1),)


def test_a_warning_withdrawn_by_a_wait_is_owed_again_once_the_client_replies() -> None:
    complaint = watched(in_progress(h(0.5), h(0.6)), at=h(5))  # resolution warned at 4 h
    assert kinds(complaint, 3) == ["SlaWarningRaised"]
    complaint.wait_on_client(reason="Which invoice?", stamp=Stamp("bo", h(3), h(5.1)))
    assert kinds(complaint, 4) == ["WaitingOnClient", "SlaWarningWithdrawn"]
    complaint.client_replied(message="INV-7", stamp=Stamp("bo", h(5.2), h(5.2)))
    clock = complaint.sla_clock(SlaClock.RESOLUTION)
    assert (clock.warned, clock.warning_at, clock.due) == (False, h(6.2), h(10.2))
    watched(complaint, at=h(6.5))
    assert kinds(complaint, 7) == ["SlaWarningRaised"]


def test_a_persons_escalation_back_dated_before_a_rules_escalation_is_accepted() -> None:
    complaint = watched(in_progress(h(0.5), h(0.6)))  # the rule escalated to 3 by now
    complaint.escalate(level=2, reason="Client called the director", stamp=fact(h(3)))
    assert complaint.escalation_level == 3  # the rule's level came later: it stays
    assert_rule(
        complaint,
        lambda: complaint.escalate(
            level=3, reason="Again", stamp=Stamp("bo", NOW + timedelta(hours=1), NOW)
        ),
        "complaint.escalate_upward",
    )


def test_judgments_hold_back_no_fact_but_facts_stay_in_order() -> None:
    complaint = watched(received())
    complaint.acknowledge(agent="bo", message="On it", stamp=fact(h(0.5)))
    assert complaint.last_occurred_at == h(0.5)
    assert_rule(
        complaint,
        lambda: complaint.assign(agent="bo", stamp=fact(h(0.4))),
        "event.occurred_in_order",
    )


def test_a_back_filled_history_rebuilds_exactly_from_its_events() -> None:
    complaint = watched(in_progress(h(0.5), h(0.6)))
    complaint.wait_on_client(reason="Which invoice?", stamp=fact(h(2)))
    complaint.client_replied(message="INV-7", stamp=fact(h(26)))
    watched(complaint, NOW + timedelta(seconds=3))
    complaint.escalate(level=4, reason="Director", stamp=fact(h(27)))
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=fact(h(30)))
    expected = (complaint.breaches, complaint.escalation_level, complaint.last_occurred_at)
    rebuilt = replay(complaint)
    assert (rebuilt.breaches, rebuilt.escalation_level, rebuilt.last_occurred_at) == expected
    assert expected == ([], 4, h(30))


def test_a_snapshot_taken_before_rules_said_so_counts_its_level_as_peoples() -> None:
    complaint = received()
    complaint.escalate(level=2, reason="Key account", stamp=fact(h(0.1)))
    # Such a snapshot restores neither field: the class's defaults stand in.
    del complaint.__dict__["people_escalation_level"], complaint.__dict__["rule_escalations"]
    watched(complaint)  # the breach rule escalates to 3 now
    assert complaint.escalation_level == 3
    assert_rule(
        complaint,
        lambda: complaint.escalate(level=2, reason="Again", stamp=fact(h(0.2))),
        "complaint.escalate_upward",
    )
    complaint.escalate(level=3, reason="Director", stamp=fact(h(0.2)))
    assert complaint.escalation_level == 3
