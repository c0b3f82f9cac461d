from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.base import Stamp
from domain.complaint import (
    ClockStatus,
    Complaint,
    ComplaintChannel,
    ComplaintState,
    RootCause,
    Severity,
    SlaClock,
)
from domain.errors import InvalidValue
from domain.sla import DEFAULT_POLICY_ID, SlaTerms
from tests.unit.domain.checks import assert_invalid, assert_rule, replay

S = ComplaintState
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
RECORDED = T0 + timedelta(days=30)
FIRST_RESPONSE_DUE = T0 + timedelta(hours=4)
RESOLUTION_DUE = T0 + timedelta(hours=24)
LATER = 600  # minutes; after every step of the paths below
# Wall-clock terms of 4 and 24 hours, so the due times are simple sums.
TERMS = SlaTerms(DEFAULT_POLICY_ID, 1, first_response_seconds=4 * 3600, resolution_seconds=86400)

Command = Callable[[Complaint, Stamp], None]


def stamp_at(minutes: float, actor: str = "alice") -> Stamp:
    return Stamp(actor=actor, occurred_at=T0 + timedelta(minutes=minutes), recorded_at=RECORDED)


def hours(h: float) -> Stamp:
    return stamp_at(h * 60)


def receive(**overrides: Any) -> Complaint:
    fields: dict[str, Any] = {
        "id": uuid4(),
        "engagement_id": uuid4(),
        "channel": "phone",
        "severity": "high",
        "category": " Billing ",
        "description": "Invoice charged twice.",
        "sla": TERMS,
    }
    stamp = overrides.pop("stamp", stamp_at(0))
    fields.update(overrides)
    return Complaint.receive(**fields, stamp=stamp)


def acknowledge(c: Complaint, s: Stamp) -> None:
    c.acknowledge(agent="bob", message="We are on it", stamp=s)


def assign(c: Complaint, s: Stamp) -> None:
    c.assign(agent="dana", stamp=s)


def wait(c: Complaint, s: Stamp) -> None:
    c.wait_on_client(reason="Need the invoice number", stamp=s)


def reply(c: Complaint, s: Stamp) -> None:
    c.client_replied(message="INV-42", stamp=s)


def resolve(c: Complaint, s: Stamp) -> None:
    c.resolve(resolution="Refunded", corrective_action="Fix billing job", stamp=s)


def reopen(c: Complaint, s: Stamp) -> None:
    c.reopen(reason="Charged again", stamp=s)


def close(c: Complaint, s: Stamp) -> None:
    c.close(client_confirmed=True, csat=4, stamp=s)


def escalate(c: Complaint, s: Stamp) -> None:
    c.escalate(level=c.escalation_level + 1, reason="Client called twice", stamp=s)


def note(c: Complaint, s: Stamp) -> None:
    c.add_note(visibility="internal", text="Checked the ledger", stamp=s)


def root_cause(c: Complaint, s: Stamp) -> None:
    c.identify_root_cause(category="software", analysis="Retry without idempotency", stamp=s)


def breach(clock: SlaClock) -> Command:
    def command(c: Complaint, s: Stamp) -> None:
        c.record_sla_breach(clock=clock, stamp=s)

    return command


PATHS: dict[ComplaintState, list[Command]] = {
    S.RECEIVED: [],
    S.ACKNOWLEDGED: [acknowledge],
    S.IN_PROGRESS: [acknowledge, assign],
    S.WAITING_ON_CLIENT: [acknowledge, assign, wait],
    S.RESOLVED: [acknowledge, assign, resolve],
    S.REOPENED: [acknowledge, assign, resolve, reopen],
    S.CLOSED: [acknowledge, assign, resolve, close],
}


def complaint_in(state: ComplaintState) -> Complaint:
    complaint = receive()
    for minutes, step in enumerate(PATHS[state], start=1):
        step(complaint, stamp_at(minutes))
    assert complaint.state is state
    return complaint


# Receiving


def test_receive_fixes_the_due_times_and_starts_both_clocks() -> None:
    c = receive()
    assert c.state is S.RECEIVED and c.is_open
    assert (c.channel, c.severity, c.category) == (ComplaintChannel.PHONE, Severity.HIGH, "Billing")
    assert c.received_at == T0
    assert (c.first_response_due, c.resolution_due) == (FIRST_RESPONSE_DUE, RESOLUTION_DUE)
    assert c.resolution_target_seconds == 24 * 3600
    first, resolution = c.sla_clocks
    assert (first.status, first.due, first.cycle) == (ClockStatus.RUNNING, FIRST_RESPONSE_DUE, 1)
    assert (resolution.status, resolution.due) == (ClockStatus.RUNNING, RESOLUTION_DUE)
    assert [type(e) for e in c.pending_events] == [Complaint.Received]


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("channel", {"channel": "fax"}),
        ("severity", {"severity": "urgent"}),
        ("category", {"category": " "}),
        ("category", {"category": "x" * 201}),
        ("description", {"description": ""}),
        ("occurredAt", {"stamp": Stamp("alice", datetime(2024, 3, 4, 9), RECORDED)}),
    ],
)
def test_receive_refuses_invalid_fields(field: str, overrides: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue) as caught:
        receive(**overrides)
    assert caught.value.field == field


# Transitions


def test_acknowledge_gives_the_first_response_and_meets_its_clock() -> None:
    c = complaint_in(S.ACKNOWLEDGED)
    assert (c.first_responded_at, c.acknowledged_by) == (stamp_at(1).occurred_at, "bob")
    clock = c.sla_clock(SlaClock.FIRST_RESPONSE)
    assert (clock.status, clock.met_at) == (ClockStatus.MET, stamp_at(1).occurred_at)


@pytest.mark.parametrize(
    ("state", "after"),
    [
        (S.RECEIVED, S.RECEIVED),
        (S.ACKNOWLEDGED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.IN_PROGRESS),
        (S.WAITING_ON_CLIENT, S.WAITING_ON_CLIENT),
        (S.REOPENED, S.IN_PROGRESS),
    ],
)
def test_assign_sets_the_agent_and_starts_work_when_acknowledged_or_reopened(
    state: ComplaintState, after: ComplaintState
) -> None:
    c = complaint_in(state)
    c.assign(agent="erin", stamp=stamp_at(LATER))
    assert (c.assignee, c.state) == ("erin", after)


def test_escalate_raises_the_level_step_by_step() -> None:
    c = complaint_in(S.IN_PROGRESS)
    c.escalate(level=2, reason="VIP client", stamp=stamp_at(LATER))
    c.escalate(level=5, reason="Board complaint", stamp=stamp_at(LATER))
    assert c.escalation_level == 5


@pytest.mark.parametrize("level", [2, 1])
def test_escalate_to_a_level_not_above_the_current_one_is_refused(level: int) -> None:
    c = complaint_in(S.IN_PROGRESS)
    c.escalate(level=2, reason="VIP client", stamp=stamp_at(LATER))
    assert_rule(
        c,
        lambda: c.escalate(level=level, reason="Again", stamp=stamp_at(LATER)),
        "complaint.escalate_upward",
    )


@pytest.mark.parametrize("level", [0, 6, True])
def test_escalate_outside_levels_one_to_five_is_refused(level: int) -> None:
    c = complaint_in(S.IN_PROGRESS)
    assert_invalid(c, lambda: c.escalate(level=level, reason="Why", stamp=stamp_at(LATER)), "level")


@pytest.mark.parametrize("state", [S.RECEIVED, S.RESOLVED])
def test_notes_are_counted_until_closed(state: ComplaintState) -> None:
    c = complaint_in(state)
    c.add_note(visibility="public", text="Update sent", stamp=stamp_at(LATER, actor="dana"))
    assert c.note_count == 1
    assert c.pending_events[-1].text == "Update sent"  # type: ignore[attr-defined]


def test_a_note_with_an_unknown_visibility_is_refused() -> None:
    c = complaint_in(S.RECEIVED)
    assert_invalid(
        c, lambda: c.add_note(visibility="secret", text="x", stamp=stamp_at(LATER)), "visibility"
    )


def test_waiting_on_the_client_and_the_reply_move_between_states() -> None:
    c = complaint_in(S.WAITING_ON_CLIENT)
    assert c.waiting_since == stamp_at(3).occurred_at
    reply(c, stamp_at(LATER))
    assert c.state is S.IN_PROGRESS
    assert c.waiting_since is None


@pytest.mark.parametrize("state", [S.RECEIVED, S.IN_PROGRESS, S.RESOLVED])
def test_root_cause_is_identified_while_open_or_resolved(state: ComplaintState) -> None:
    c = complaint_in(state)
    root_cause(c, stamp_at(LATER))
    at = stamp_at(LATER).occurred_at
    assert c.root_cause == RootCause("software", "Retry without idempotency", at)


@pytest.mark.parametrize("state", [S.ACKNOWLEDGED, S.IN_PROGRESS, S.WAITING_ON_CLIENT, S.REOPENED])
def test_resolve_from_an_open_acknowledged_state(state: ComplaintState) -> None:
    c = complaint_in(state)
    resolve(c, stamp_at(LATER))
    assert (c.state, c.is_open) == (S.RESOLVED, False)
    assert (c.resolution, c.corrective_action) == ("Refunded", "Fix billing job")
    assert c.resolved_at == stamp_at(LATER).occurred_at
    assert c.sla_clock(SlaClock.RESOLUTION).status is ClockStatus.MET


def test_resolve_keeps_the_first_resolution_time_and_counts_resolutions() -> None:
    c = complaint_in(S.REOPENED)
    resolve(c, stamp_at(LATER))
    assert c.first_resolved_at == stamp_at(3).occurred_at
    assert c.resolved_at == stamp_at(LATER).occurred_at
    assert (c.resolutions, c.reopens) == (2, 1)


def test_reopen_starts_a_new_resolution_cycle_of_the_same_length() -> None:
    c = complaint_in(S.IN_PROGRESS)
    wait(c, hours(1))
    reply(c, hours(3))
    resolve(c, hours(5))
    reopen(c, hours(30))
    assert (c.state, c.is_open, c.reopens, c.resolution_cycle) == (S.REOPENED, True, 1, 2)
    assert c.resolution_due == hours(54).occurred_at
    assert c.paused_seconds == 0
    clock = c.sla_clock(SlaClock.RESOLUTION)
    assert (clock.status, clock.cycle, clock.due) == (ClockStatus.RUNNING, 2, c.resolution_due)


def test_close_records_the_client_confirmation_and_csat() -> None:
    c = complaint_in(S.CLOSED)
    assert (c.client_confirmed, c.csat, c.is_open) == (True, 4, False)


def test_close_without_a_csat_is_allowed() -> None:
    c = complaint_in(S.RESOLVED)
    c.close(client_confirmed=False, csat=None, stamp=stamp_at(LATER))
    assert (c.state, c.client_confirmed, c.csat) == (S.CLOSED, False, None)


@pytest.mark.parametrize(
    ("field", "confirmed", "csat"),
    [("csat", True, 0), ("csat", True, 6), ("clientConfirmed", "yes", 5)],
)
def test_close_refuses_a_csat_outside_one_to_five_or_a_non_boolean_confirmation(
    field: str, confirmed: Any, csat: int
) -> None:
    c = complaint_in(S.RESOLVED)
    assert_invalid(
        c, lambda: c.close(client_confirmed=confirmed, csat=csat, stamp=stamp_at(LATER)), field
    )


# Refusals by state

OPEN = {S.RECEIVED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.WAITING_ON_CLIENT, S.REOPENED}
NOT_CLOSED = set(S) - {S.CLOSED}
RULES: dict[str, tuple[Command, set[ComplaintState], str]] = {
    "acknowledge": (acknowledge, {S.RECEIVED}, "complaint.acknowledge_once"),
    "assign": (assign, OPEN, "complaint.assign_while_open"),
    "escalate": (escalate, OPEN, "complaint.escalate_while_open"),
    "add_note": (note, NOT_CLOSED, "complaint.note_until_closed"),
    "wait_on_client": (wait, {S.IN_PROGRESS}, "complaint.wait_when_in_progress"),
    "client_replied": (reply, {S.WAITING_ON_CLIENT}, "complaint.reply_when_waiting"),
    "identify_root_cause": (root_cause, NOT_CLOSED, "complaint.root_cause_until_closed"),
    "resolve": (resolve, OPEN - {S.RECEIVED}, "complaint.resolve_while_open"),
    "reopen": (reopen, {S.RESOLVED}, "complaint.reopen_when_resolved"),
    "close": (close, {S.RESOLVED}, "complaint.close_when_resolved"),
}


@pytest.mark.parametrize(
    ("command", "state"),
    [
        (name, state)
        for name, (_, allowed, _) in RULES.items()
        for state in S
        if state not in allowed
    ],
)
def test_a_command_outside_its_states_is_refused_and_changes_nothing(
    command: str, state: ComplaintState
) -> None:
    run, _, rule = RULES[command]
    c = complaint_in(state)
    assert_rule(c, lambda: run(c, stamp_at(LATER)), rule)


@pytest.mark.parametrize(
    ("state", "command", "field"),
    [
        (S.RECEIVED, lambda c, s: c.acknowledge(agent=" ", message="Hi", stamp=s), "agent"),
        (S.RECEIVED, lambda c, s: c.acknowledge(agent="bob", message="", stamp=s), "message"),
        (S.RECEIVED, lambda c, s: c.assign(agent="", stamp=s), "agent"),
        (S.RECEIVED, lambda c, s: c.escalate(level=1, reason="", stamp=s), "reason"),
        (S.RECEIVED, lambda c, s: c.add_note(visibility="public", text="", stamp=s), "text"),
        (S.IN_PROGRESS, lambda c, s: c.wait_on_client(reason="", stamp=s), "reason"),
        (
            S.RECEIVED,
            lambda c, s: c.identify_root_cause(category="", analysis="x", stamp=s),
            "category",
        ),
        (
            S.RECEIVED,
            lambda c, s: c.identify_root_cause(category="x", analysis="", stamp=s),
            "analysis",
        ),
        (
            S.IN_PROGRESS,
            lambda c, s: c.resolve(resolution="", corrective_action="", stamp=s),
            "resolution",
        ),
        (S.RESOLVED, lambda c, s: c.reopen(reason=" ", stamp=s), "reason"),
    ],
)
def test_a_blank_required_text_is_refused(
    state: ComplaintState, command: Command, field: str
) -> None:
    c = complaint_in(state)
    assert_invalid(c, lambda: command(c, stamp_at(LATER)), field)


def test_an_event_before_the_previous_one_is_refused() -> None:
    c = complaint_in(S.ACKNOWLEDGED)
    assert_rule(c, lambda: assign(c, stamp_at(0)), "event.occurred_in_order")


# SLA clocks


def test_waiting_on_the_client_pauses_the_resolution_clock() -> None:
    c = complaint_in(S.IN_PROGRESS)
    wait(c, hours(2))
    clock = c.sla_clock(SlaClock.RESOLUTION)
    assert (clock.status, clock.due, c.effective_resolution_due) == (ClockStatus.PAUSED, None, None)


def test_time_waiting_on_the_client_shifts_the_effective_resolution_due() -> None:
    c = complaint_in(S.IN_PROGRESS)
    wait(c, hours(2))
    reply(c, hours(5))
    wait(c, hours(6))
    reply(c, hours(6.5))
    assert c.paused_seconds == 3.5 * 3600
    assert c.effective_resolution_due == RESOLUTION_DUE + timedelta(hours=3.5)
    assert c.resolution_due == RESOLUTION_DUE
    assert c.effective_first_response_due == FIRST_RESPONSE_DUE


def test_resolving_while_waiting_ends_the_pause() -> None:
    c = complaint_in(S.IN_PROGRESS)
    wait(c, hours(2))
    resolve(c, hours(4))
    assert (c.waiting_since, c.paused_seconds) == (None, 2 * 3600)


def test_a_first_response_breach_is_recorded_once_past_due() -> None:
    c = complaint_in(S.RECEIVED)
    c.record_sla_breach(clock="first_response", stamp=hours(4))
    event = c.pending_events[-1]
    assert isinstance(event, Complaint.SlaBreached)
    assert (event.clock, event.cycle, event.due) == (SlaClock.FIRST_RESPONSE, 1, FIRST_RESPONSE_DUE)
    assert c.sla_clock(SlaClock.FIRST_RESPONSE).breached
    assert not c.sla_clock(SlaClock.RESOLUTION).breached
    rule = "complaint.breach_once_per_cycle"
    assert_rule(c, lambda: breach(SlaClock.FIRST_RESPONSE)(c, hours(5)), rule)


def test_a_breach_before_the_due_time_is_refused() -> None:
    c = complaint_in(S.RECEIVED)
    assert_rule(
        c, lambda: breach(SlaClock.FIRST_RESPONSE)(c, hours(3.99)), "complaint.breach_after_due"
    )


@pytest.mark.parametrize("clock", list(SlaClock))
def test_a_breach_of_a_met_clock_is_refused(clock: SlaClock) -> None:
    c = complaint_in(S.RESOLVED)
    assert_rule(c, lambda: breach(clock)(c, hours(30)), "complaint.breach_clock_met")


def test_a_breach_while_waiting_on_the_client_is_refused() -> None:
    c = complaint_in(S.WAITING_ON_CLIENT)
    assert_rule(c, lambda: breach(SlaClock.RESOLUTION)(c, hours(30)), "complaint.breach_after_due")


def test_time_waited_delays_the_resolution_breach() -> None:
    c = complaint_in(S.IN_PROGRESS)
    wait(c, hours(2))
    reply(c, hours(5))
    assert_rule(
        c, lambda: breach(SlaClock.RESOLUTION)(c, hours(26.5)), "complaint.breach_after_due"
    )
    c.record_sla_breach(clock=SlaClock.RESOLUTION, stamp=hours(27))
    assert c.breaches[-1].due == RESOLUTION_DUE + timedelta(hours=3)


def test_a_resolution_breach_is_recorded_once_per_reopen_cycle() -> None:
    c = complaint_in(S.IN_PROGRESS)
    c.record_sla_breach(clock=SlaClock.RESOLUTION, stamp=hours(25))
    resolve(c, hours(26))
    reopen(c, hours(27))
    assert_rule(c, lambda: breach(SlaClock.RESOLUTION)(c, hours(50)), "complaint.breach_after_due")
    c.record_sla_breach(clock=SlaClock.RESOLUTION, stamp=hours(51))
    assert [(b.clock, b.cycle) for b in c.breaches] == [
        (SlaClock.RESOLUTION, 1),
        (SlaClock.RESOLUTION, 2),
    ]
    assert_rule(
        c, lambda: breach(SlaClock.RESOLUTION)(c, hours(52)), "complaint.breach_once_per_cycle"
    )


def test_a_breach_on_a_closed_complaint_is_refused() -> None:
    c = complaint_in(S.CLOSED)
    assert_rule(
        c, lambda: breach(SlaClock.RESOLUTION)(c, hours(100)), "complaint.breach_until_closed"
    )


def test_a_breach_of_an_unknown_clock_is_refused() -> None:
    c = complaint_in(S.RECEIVED)
    assert_invalid(c, lambda: c.record_sla_breach(clock="lunch", stamp=hours(30)), "clock")


# Replay and snapshots


@pytest.mark.parametrize("state", list(S))
def test_replaying_the_events_rebuilds_an_equal_complaint(state: ComplaintState) -> None:
    c = complaint_in(state)
    assert replay(c) == c


def test_replaying_a_long_history_rebuilds_an_equal_complaint() -> None:
    c = receive()
    c.record_sla_breach(clock=SlaClock.FIRST_RESPONSE, stamp=hours(5))
    for step in (acknowledge, assign, escalate, note, wait, reply, root_cause, resolve, reopen):
        step(c, hours(6))
    for step in (assign, wait, resolve, close):
        step(c, hours(7))
    assert replay(c) == c


def test_every_state_attribute_is_annotated_for_snapshots() -> None:
    c = complaint_in(S.CLOSED)
    hints = typing.get_type_hints(Complaint)
    assert {name for name in vars(c) if not name.startswith("_")} <= set(hints)
