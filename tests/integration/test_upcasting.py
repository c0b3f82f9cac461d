"""Old stored events are read through upcasters, from their raw JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from application.service import Rapport
from domain.base import EventSourcedAggregate


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
