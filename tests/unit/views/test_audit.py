from __future__ import annotations

import json
from datetime import date, timedelta
from uuid import UUID

from application.kinds import KINDS
from application.views.aggregates import aggregate_kind
from application.views.audit import AuditEntry, AuditView
from application.views.base import fold
from domain.base import Stamp
from domain.requirement import RequirementState
from tests.unit.views.builders import (
    CLIENT_ID,
    EventLog,
    assert_plain,
    assessed_risk,
    moment,
    open_engagement,
    plan_risk_response,
    receive_complaint,
    requirement_in,
)

VIEW = AuditView()
T0 = moment(date(2026, 3, 2))


def entries(log: EventLog) -> dict[str, AuditEntry]:
    return fold(VIEW, log.events)


def test_every_event_of_every_aggregate_gets_an_entry_keyed_by_its_log_position() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    receive_complaint(log, engagement.id, T0)
    requirement_in(log, engagement.id, RequirementState.CONFIRMED, T0)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 2, 2), T0)

    result = entries(log)

    # Opened; Received; Captured, AcceptanceCriterionAdded, Confirmed; Identified, Assessed,
    # ResponsePlanned: 8 events at positions 1-8
    assert list(result) == [str(p) for p in range(1, 9)]
    assert [e.aggregate_type for e in result.values()] == [
        "engagement",
        "complaint",
        *["requirement"] * 3,
        *["risk"] * 3,
    ]
    assert {e.engagement_id for e in result.values()} == {engagement.id}


def test_an_entry_carries_provenance_and_the_events_own_fields() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)
    recorded = T0 + timedelta(hours=3)
    complaint.escalate(
        level=2,
        reason="Client called the director",
        stamp=Stamp(
            actor="cy@rapport.test", occurred_at=T0 + timedelta(hours=1), recorded_at=recorded
        ),
    )
    log.record(complaint)

    entry = entries(log)["3"]

    assert entry == AuditEntry(
        position=3,
        recorded_at=recorded,
        occurred_at=T0 + timedelta(hours=1),
        aggregate_type="complaint",
        aggregate_id=complaint.id,
        version=2,
        event_type="Complaint.Escalated",
        actor="cy@rapport.test",
        correlation_id=None,
        engagement_id=engagement.id,
        data={"level": 2, "reason": "Client called the director", "trigger": None},
    )
    assert VIEW.report(entry, T0 + timedelta(days=9)) is entry
    assert VIEW.column_values(entry) == {
        "engagement_id": engagement.id,
        "aggregate_id": complaint.id,
        "position": 3,
        "internal": False,
    }


def test_an_internal_note_is_marked_internal_and_nothing_else_is() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    complaint = receive_complaint(log, engagement.id, T0)
    for visibility in ("internal", "public"):
        stamp = Stamp(actor="cy@rapport.test", occurred_at=T0, recorded_at=T0)
        complaint.add_note(visibility=visibility, text="Checked the logs", stamp=stamp)
    log.record(complaint)

    marked = {e.event_type: e.internal for e in entries(log).values() if not e.internal}
    internal = [e for e in entries(log).values() if e.internal]

    assert [(e.event_type, e.data["visibility"]) for e in internal] == [
        ("Complaint.NoteAdded", "internal")
    ]
    assert set(marked) == {"Engagement.Opened", "Complaint.Received", "Complaint.NoteAdded"}


def test_data_renders_decimals_uuids_dates_enums_and_tuples_as_json_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    receive_complaint(log, engagement.id, T0)

    opened, received = entries(log)["1"].data, entries(log)["2"].data

    assert opened == {
        "client_id": str(CLIENT_ID),
        "client_name": "Northwind Retail",
        "title": "After-sales service desk",
        "objectives": ["Answer every ticket within SLA"],
        "planned_start": "2026-01-01",
        "planned_end": "2026-04-11",
        "budget": "10000.00",
        "currency": "EUR",
        "owner": "ana@rapport.test",
    }
    assert received["severity"] == "critical"
    assert type(received["severity"]) is str  # the enum's value, not the member
    assert received["first_response_due"] == "2026-03-02T10:00:00+00:00"
    assert UUID(received["engagement_id"]) == engagement.id
    assert json.loads(json.dumps(received)) == received


def test_data_renders_a_nested_dataclass_as_a_dict() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 2, 2), T0)

    planned = entries(log)["4"]

    assert planned.event_type == "Risk.ResponsePlanned"
    assert planned.data == {
        "plan": {
            "strategy": "mitigate",
            "actions": ["Train a second agent"],
            "contingency_plan": "Borrow an agent from another desk",
            "trigger": "Resignation",
            "next_review_on": "2026-03-16",
        }
    }


def test_aggregate_types_are_the_kinds_the_application_uses() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    assert aggregate_kind(log.events[0].event) == KINDS.of(type(engagement)).name
    assert KINDS.names() == {
        "engagement", "requirement", "complaint", "risk", "business_calendar", "sla_policy"
    }  # fmt: skip


def test_an_entry_holds_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 2, 2), T0)

    for entry in entries(log).values():
        assert_plain(entry)
        json.dumps(entry.data)
