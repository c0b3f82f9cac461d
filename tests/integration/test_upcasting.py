"""Old stored events are read through upcasters, from their raw JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from application.commands.complaint import AcknowledgeComplaint, EscalateComplaint
from application.service import Rapport
from domain.base import EventSourcedAggregate
from domain.complaint import Complaint
from domain.errors import RuleViolation
from domain.sla import SlaClock
from tests.builders import run


class Invoice(EventSourcedAggregate):
    """An aggregate whose event changed shape: version 1 stored `amount` as a
    float in euros; version 2 stores exact `amount` plus `currency`."""

    amount: Decimal
    currency: str

    class Issued(EventSourcedAggregate.Created):
        class_version = 2
        amount: Decimal
        currency: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["amount"] = str(Decimal(repr(state["amount"])))
            state["currency"] = "EUR"

    def __init__(self, amount: Decimal, currency: str) -> None:
        self.amount = amount
        self.currency = currency


def store_raw(app: Rapport, aggregate_id: UUID, topic: str, state: bytes) -> None:
    app.recorder.insert_events([StoredEvent(aggregate_id, 1, topic, state)])


def test_a_version_one_event_stored_as_raw_json_is_upcast_on_read(app: Rapport) -> None:
    invoice_id = uuid4()
    raw = (
        b'{"timestamp": "2025-01-31T10:00:00+00:00", "actor": "ana", '
        b'"occurred_at": "2025-01-31T09:00:00+00:00", '
        b'"originator_topic": "' + get_topic(Invoice).encode() + b'", "amount": 19.99}'
    )
    store_raw(app, invoice_id, get_topic(Invoice.Issued), raw)

    invoice = app.repository.get(invoice_id)

    assert invoice.amount == Decimal("19.99")
    assert invoice.currency == "EUR"
    assert invoice.last_occurred_at == datetime(2025, 1, 31, 9, tzinfo=UTC)


def test_new_events_are_stored_with_their_class_version(app: Rapport, clock) -> None:  # type: ignore[no-untyped-def]
    from domain.base import Stamp

    now = clock.now()
    invoice = Invoice._start_stream(
        Invoice.Issued, uuid4(), Stamp("ana", now, now), amount=Decimal("5.00"), currency="SEK"
    )
    app.save(invoice)

    stored = app.recorder.select_events(invoice.id)[0]

    assert b'"class_version":2' in stored.state
    assert app.repository.get(invoice.id).amount == Decimal("5.00")


def test_a_complaint_stored_before_sla_policies_had_versions_reads_on_wall_clock_rules(
    app: Rapport,
    clock,  # type: ignore[no-untyped-def]
) -> None:
    """Its Received event has no terms, and its reply no due time: the fields
    added since default to None, and the clocks keep the old rules."""
    complaint_id, engagement_id = uuid4(), uuid4()
    received = (
        b'{"timestamp": "2025-01-31T10:00:00+00:00", "actor": "ana", '
        b'"occurred_at": "2025-01-31T09:00:00+00:00", '
        b'"originator_topic": "' + get_topic(Complaint).encode() + b'", '
        b'"engagement_id": "' + str(engagement_id).encode() + b'", "channel": "email", '
        b'"severity": "high", "category": "billing", "description": "Twice", '
        b'"first_response_due": "2025-01-31T13:00:00+00:00", '
        b'"resolution_due": "2025-02-01T09:00:00+00:00"}'
    )
    store_raw(app, complaint_id, get_topic(Complaint.Received), received)
    steps = [
        (2, Complaint.Acknowledged, b'"agent": "bo", "message": "Hi"', "10:00"),
        (3, Complaint.Assigned, b'"agent": "bo"', "10:00"),
        (4, Complaint.WaitingOnClient, b'"reason": "Invoice?"', "11:00"),
        (5, Complaint.ClientReplied, b'"message": "INV-7"', "14:00"),
    ]
    for version, event, fields, hour in steps:
        raw = (
            b'{"timestamp": "2025-01-31T15:00:00+00:00", "actor": "ana", '
            b'"occurred_at": "2025-01-31T' + hour.encode() + b':00+00:00", ' + fields + b"}"
        )
        app.recorder.insert_events([StoredEvent(complaint_id, version, get_topic(event), raw)])

    complaint = app.get(complaint_id, Complaint)

    assert complaint.sla is None
    # Pushed back by the three hours waited, as complaints were then.
    resolution = complaint.sla_clock(SlaClock.RESOLUTION)
    assert resolution.due == datetime(2025, 2, 1, 12, tzinfo=UTC)


def test_an_escalation_and_a_breach_stored_before_judgments_keep_their_meaning(
    app: Rapport,
) -> None:
    """An escalation stored without a trigger reads as a person's, as every
    escalation did then. A breach stored then is the watchdog's judgment: a fact
    back-dated before it now withdraws it, by a new event."""
    complaint_id = uuid4()
    received = (
        b'{"timestamp": "2025-01-31T09:00:00+00:00", "actor": "ana", '
        b'"occurred_at": "2025-01-31T09:00:00+00:00", '
        b'"originator_topic": "' + get_topic(Complaint).encode() + b'", '
        b'"engagement_id": "' + str(uuid4()).encode() + b'", "channel": "email", '
        b'"severity": "high", "category": "billing", "description": "Twice", '
        b'"first_response_due": "2025-01-31T10:00:00+00:00", '
        b'"resolution_due": "2025-02-01T09:00:00+00:00"}'
    )
    store_raw(app, complaint_id, get_topic(Complaint.Received), received)
    steps = [
        (2, Complaint.Escalated, "ana", "09:10", b'"level": 2, "reason": "Key account"'),
        (3, Complaint.SlaBreached, "sla-watchdog", "11:00", b'"clock": "first_response", '
         b'"cycle": 1, "due": "2025-01-31T10:00:00+00:00"'),
    ]  # fmt: skip
    for version, event, actor, hour, fields in steps:
        raw = (
            b'{"timestamp": "2025-01-31T11:00:00+00:00", "actor": "' + actor.encode() + b'", '
            b'"occurred_at": "2025-01-31T' + hour.encode() + b':00+00:00", ' + fields + b"}"
        )
        app.recorder.insert_events([StoredEvent(complaint_id, version, get_topic(event), raw)])

    escalated = app.history(complaint_id)[1]
    assert isinstance(escalated, Complaint.Escalated) and escalated.trigger is None
    again = EscalateComplaint(complaint_id=complaint_id, level=2, reason="Director")
    with pytest.raises(RuleViolation, match="already at level 2"):
        run(app, again, occurred_at=datetime(2025, 1, 31, 9, 20, tzinfo=UTC))
    acknowledge = AcknowledgeComplaint(complaint_id=complaint_id, agent="bo", message="Hi")
    run(app, acknowledge, occurred_at=datetime(2025, 1, 31, 9, 30, tzinfo=UTC))

    withdrawn = app.history(complaint_id)[-1]
    assert isinstance(withdrawn, Complaint.SlaBreachWithdrawn)
    assert app.get(complaint_id, Complaint).breaches == []
