"""A complaint's clocks under SLA terms: working time on a calendar, waits on the
client, reopens, warnings, breaches and escalation rules, and what a
complaint received before policies had versions keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import pytest

from domain.base import Stamp
from domain.calendar import calendar_rules, working_hours
from domain.complaint import ClockStatus, Complaint
from domain.sla import (
    DEFAULT_POLICY_ID,
    EscalationRule,
    Severity,
    SlaClock,
    SlaTerms,
    SlaTrigger,
)
from tests.unit.domain.checks import assert_rule

BERLIN = ZoneInfo("Europe/Berlin")
NINE_TO_FIVE = calendar_rules(
    "Europe/Berlin",
    [working_hours(d, "09:00", "17:00") for d in ("monday", "tuesday", "wednesday", "thursday",
                                                   "friday")],
)  # fmt: skip
ESCALATE = (
    EscalationRule(SlaTrigger.WARNING, SlaClock.RESOLUTION, (), 1),
    EscalationRule(SlaTrigger.BREACH, None, (Severity.HIGH, Severity.CRITICAL), 3),
)
# 2 working hours to answer, 8 to resolve, a warning at 75%.
TERMS = SlaTerms(
    DEFAULT_POLICY_ID,
    2,
    first_response_seconds=2 * 3600,
    resolution_seconds=8 * 3600,
    calendar_id=UUID(int=7),
    calendar_version=1,
    calendar=NINE_TO_FIVE,
    warning_percent=75,
    escalation_rules=ESCALATE,
)
RECORDED = datetime(2026, 12, 31, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A Berlin time in March 2026 (the 6th is a Friday)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)


def stamp(moment: datetime) -> Stamp:
    return Stamp("ana", moment, RECORDED)


def receive(moment: datetime, terms: SlaTerms = TERMS, severity: str = "high") -> Complaint:
    return Complaint.receive(
        id=uuid4(),
        engagement_id=uuid4(),
        channel="email",
        severity=severity,
        category="billing",
        description="Charged twice",
        sla=terms,
        stamp=stamp(moment),
    )


def in_progress(moment: datetime) -> Complaint:
    complaint = receive(moment)
    complaint.acknowledge(agent="bo", message="On it", stamp=stamp(moment + timedelta(minutes=5)))
    complaint.assign(agent="bo", stamp=stamp(moment + timedelta(minutes=6)))
    return complaint


def test_due_and_warning_times_count_working_hours_only() -> None:
    complaint = receive(at(6, 15))  # Friday 15:00
    first, resolution = complaint.sla_clocks
    assert first.due == at(6, 17)  # two working hours: the rest of Friday
    assert resolution.due == at(9, 15)  # 2 h on Friday, 6 h on Monday
    # 75% of 2 h is 1.5 h: 16:30 on Friday; 75% of 8 h is 6 h: Monday 13:00.
    assert (first.warning_at, resolution.warning_at) == (at(6, 16, 30), at(9, 13))
    received = complaint.pending_events[0]
    assert isinstance(received, Complaint.Received) and received.sla == TERMS


def test_a_wait_on_the_client_keeps_the_working_time_that_was_left() -> None:
    complaint = in_progress(at(9, 9))  # Monday 09:00: resolution due 17:00, warning 15:00
    complaint.wait_on_client(reason="Invoice?", stamp=stamp(at(9, 13)))  # 4 h left
    assert complaint.sla_clock(SlaClock.RESOLUTION).status is ClockStatus.PAUSED
    complaint.client_replied(message="INV-7", stamp=stamp(at(10, 16)))  # Tuesday 16:00

    clock = complaint.sla_clock(SlaClock.RESOLUTION)
    assert clock.due == at(11, 12)  # 1 h on Tuesday, 3 h on Wednesday
    assert clock.warning_at == at(11, 10)  # 2 h of the warning's time were left
    replied = complaint.pending_events[-1]
    assert isinstance(replied, Complaint.ClientReplied)
    assert (replied.resolution_due, replied.resolution_warning_at) == (at(11, 12), at(11, 10))


def test_a_wait_begun_after_the_due_time_leaves_the_clock_late() -> None:
    complaint = in_progress(at(9, 9))
    complaint.wait_on_client(reason="Invoice?", stamp=stamp(at(10, 9, 30)))  # past 17:00 Monday
    complaint.client_replied(message="INV-7", stamp=stamp(at(11, 9)))
    assert complaint.sla_clock(SlaClock.RESOLUTION).due == at(9, 17)


def test_a_reopen_starts_a_full_cycle_in_working_time() -> None:
    complaint = in_progress(at(9, 9))
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=stamp(at(9, 12)))
    complaint.reopen(reason="Charged again", stamp=stamp(at(9, 16)))
    clock = complaint.sla_clock(SlaClock.RESOLUTION)
    assert (clock.cycle, clock.due, clock.warning_at) == (2, at(10, 16), at(10, 14))


def test_a_watch_records_a_warning_then_a_breach_each_once_and_escalates_by_the_rules() -> None:
    complaint = in_progress(at(9, 9))  # resolution: warning 15:00, due 17:00
    complaint.watch_sla(stamp=stamp(at(9, 14)))
    assert complaint.version == 3  # received, acknowledged, assigned: nothing owed yet

    complaint.watch_sla(stamp=stamp(at(9, 15, 1)))
    complaint.watch_sla(stamp=stamp(at(9, 15, 2)))  # owed nothing more
    warned = [type(e).__name__ for e in complaint.pending_events[3:]]
    assert warned == ["SlaWarningRaised", "Escalated"]
    assert complaint.escalation_level == 1

    complaint.watch_sla(stamp=stamp(at(9, 17, 1)))
    complaint.watch_sla(stamp=stamp(at(9, 17, 2)))
    breached = [type(e).__name__ for e in complaint.pending_events[5:]]
    assert breached == ["SlaBreached", "Escalated"]
    assert complaint.escalation_level == 3
    assert complaint.sla_clock(SlaClock.RESOLUTION).breached


def test_a_watch_late_for_the_warning_records_only_the_breach() -> None:
    complaint = receive(at(9, 9))  # first response: warning 10:30, due 11:00
    complaint.watch_sla(stamp=stamp(at(9, 11, 30)))
    kinds = [type(e).__name__ for e in complaint.pending_events[1:]]
    assert kinds == ["SlaBreached", "Escalated"]  # high: the breach rule applies


def test_a_low_complaint_is_not_escalated_by_a_rule_for_high_and_critical() -> None:
    complaint = receive(at(9, 9), severity="low")
    complaint.watch_sla(stamp=stamp(at(9, 11, 30)))
    assert [type(e).__name__ for e in complaint.pending_events[1:]] == ["SlaBreached"]


def test_a_paused_or_met_clock_owes_nothing() -> None:
    complaint = in_progress(at(9, 9))
    complaint.wait_on_client(reason="Invoice?", stamp=stamp(at(9, 10)))
    complaint.watch_sla(stamp=stamp(at(12, 9)))  # days later, still waiting
    assert complaint.version == 4


@pytest.mark.parametrize(
    ("moment", "rule"),
    [(at(9, 14), "complaint.warning_before_due"), (at(9, 18), "complaint.warning_before_due")],
)
def test_a_warning_is_refused_outside_its_window(moment: datetime, rule: str) -> None:
    complaint = in_progress(at(9, 9))
    assert_rule(
        complaint,
        lambda: complaint.record_sla_warning(clock="resolution", stamp=stamp(moment)),
        rule,
    )


def test_a_warning_owed_at_night_waits_for_the_start_of_work() -> None:
    complaint = in_progress(at(9, 10))  # resolution: warning 16:00 Monday, due 10:00 Tuesday
    complaint.watch_sla(stamp=stamp(at(9, 20)))  # the watchdog was down until 20:00
    assert complaint.version == 3  # nothing recorded at night
    assert complaint.next_sla_watch(at(9, 20)) == at(10, 9)
    assert_rule(
        complaint,
        lambda: complaint.record_sla_warning(clock="resolution", stamp=stamp(at(9, 20))),
        "complaint.warning_in_working_time",
    )

    complaint.watch_sla(stamp=stamp(at(10, 9)))
    kinds = [type(e).__name__ for e in complaint.pending_events[3:]]
    assert kinds == ["SlaWarningRaised", "Escalated"]


def test_the_next_watch_is_the_next_warning_or_due_time_and_none_once_all_is_recorded() -> None:
    complaint = in_progress(at(9, 9))  # resolution: warning 15:00, due 17:00
    assert complaint.next_sla_watch(at(9, 10)) == at(9, 15)
    complaint.watch_sla(stamp=stamp(at(9, 15, 30)))
    assert complaint.next_sla_watch(at(9, 15, 30)) == at(9, 17)
    complaint.watch_sla(stamp=stamp(at(9, 17, 30)))
    assert complaint.next_sla_watch(at(9, 17, 30)) is None  # breached; the answer was met


def test_a_second_warning_of_a_cycle_is_refused() -> None:
    complaint = in_progress(at(9, 9))
    complaint.record_sla_warning(clock="resolution", stamp=stamp(at(9, 15, 30)))
    assert_rule(
        complaint,
        lambda: complaint.record_sla_warning(clock="resolution", stamp=stamp(at(9, 15, 40))),
        "complaint.warning_once_per_cycle",
    )


# Complaints received before policies had versions


def legacy_complaint() -> Complaint:
    """A complaint whose Received event was stored before policies had versions."""
    complaint_id, engagement_id = uuid4(), uuid4()
    received = Complaint.Received(
        originator_id=complaint_id, originator_version=1, timestamp=RECORDED,
        originator_topic="domain.complaint:Complaint", actor="ana", occurred_at=at(9, 9),
        engagement_id=engagement_id, channel="email", severity=Severity.HIGH,
        category="billing", description="Twice", first_response_due=at(9, 13),
        resolution_due=at(10, 9),
    )  # fmt: skip
    complaint = received.mutate(None)
    assert isinstance(complaint, Complaint)
    return complaint


def test_a_complaint_received_before_policies_keeps_wall_clock_rules() -> None:
    complaint = legacy_complaint()
    assert complaint.sla is None
    complaint.acknowledge(agent="bo", message="Hi", stamp=stamp(at(9, 10)))
    complaint.assign(agent="bo", stamp=stamp(at(9, 10)))
    complaint.wait_on_client(reason="Invoice?", stamp=stamp(at(9, 12)))
    complaint.client_replied(message="INV-7", stamp=stamp(at(9, 15)))
    # Pushed back by the three hours waited, nights and all.
    assert complaint.sla_clock(SlaClock.RESOLUTION).due == at(10, 12)
    complaint.resolve(resolution="Done", corrective_action="", stamp=stamp(at(9, 16)))
    complaint.reopen(reason="Again", stamp=stamp(at(9, 17)))
    assert complaint.sla_clock(SlaClock.RESOLUTION).due == at(10, 17)  # 24 h, wall clock
