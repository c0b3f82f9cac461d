"""What-if: past complaints' SLA compliance under another policy, beside what it was.

Each complaint received in the period is played again: received under the
given policy's terms (its version now, with its calendar as it stands), then
handled exactly as it was, each step at the moment it happened. The domain
recomputes the due times as it would have; the satisfaction view's clocks then
judge both the complaint as it was and as played again, so "compliance" means
the same thing here as on the dashboard. Nothing is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from uuid import UUID, uuid4

from application.access import Permission, Principal
from application.errors import InvalidValue, NotFound
from application.service import Rapport
from application.views.base import LoggedEvent
from application.views.clocks import SlaCompliance
from application.views.satisfaction import SatisfactionState, SatisfactionView
from domain.base import EventSourcedAggregate, Stamp
from domain.calendar import BusinessCalendar
from domain.complaint import Complaint
from domain.sla import DEFAULT_POLICY_ID, Severity, SlaClock, SlaPolicy, SlaTerms, default_terms

Event = EventSourcedAggregate.Event
_SATISFACTION = SatisfactionView()


@dataclass(frozen=True)
class SeverityComparison:
    severity: Severity
    complaints: int
    actual: dict[SlaClock, SlaCompliance]  # under the policy in force when received
    simulated: dict[SlaClock, SlaCompliance]  # under the given policy


@dataclass(frozen=True)
class Simulation:
    policy_id: UUID
    policy_version: int
    received_from: datetime
    received_until: datetime
    at: datetime  # unanswered clocks are judged as of this moment
    complaints: int
    by_severity: tuple[SeverityComparison, ...]


def simulate(
    rapport: Rapport,
    principal: Principal | None,
    policy_id: UUID,
    received_from: datetime,
    received_until: datetime,
) -> Simulation:
    """Compliance per severity of the complaints received in [from, until), as it
    was and as it would have been under `policy_id`."""
    if principal is not None:
        principal.require(Permission.MANAGE_SLA)
    for name, moment in (("from", received_from), ("to", received_until)):
        if moment.tzinfo is None:
            raise InvalidValue(name, "needs a UTC offset, e.g. 2026-03-01T12:00:00+00:00")
    if received_until <= received_from:
        raise InvalidValue("to", "must be after from")
    at = rapport.clock.now()
    terms_for, version = _terms_under(rapport, policy_id)
    histories = _histories(rapport, received_from, received_until)
    groups: dict[Severity, tuple[SatisfactionState, SatisfactionState, list[int]]] = {}
    for events in histories:
        received = cast(Complaint.Received, events[0])
        actual, replayed, count = groups.setdefault(
            received.severity,
            (SatisfactionState(uuid4()), SatisfactionState(uuid4()), [0]),
        )
        count[0] += 1
        _fold(actual, events)
        _fold(replayed, _played_again(events, terms_for(received.severity)))
    return Simulation(
        policy_id,
        version,
        received_from,
        received_until,
        at,
        len(histories),
        tuple(
            SeverityComparison(
                severity,
                groups[severity][2][0],
                _compliance(groups[severity][0], at),
                _compliance(groups[severity][1], at),
            )
            for severity in Severity
            if severity in groups
        ),
    )


def _terms_under(rapport: Rapport, policy_id: UUID) -> tuple[Callable[[Severity], SlaTerms], int]:
    """The terms the policy gives each severity now, and its version."""
    try:
        policy = rapport.get(policy_id, SlaPolicy)
    except NotFound:
        if policy_id != DEFAULT_POLICY_ID:
            raise
        return default_terms, 0  # nobody revised the default yet
    calendar_id = policy.rules.calendar_id
    if calendar_id is None:
        return (lambda severity: policy.terms(severity, None, None)), policy.version
    calendar = rapport.get(calendar_id, BusinessCalendar)
    rules, calendar_version = calendar.rules, calendar.version
    return (lambda severity: policy.terms(severity, rules, calendar_version)), policy.version


def _histories(rapport: Rapport, start: datetime, end: datetime) -> list[list[Event]]:
    """Every event of each complaint received in [start, end), oldest first."""
    positions = rapport.index.positions_of_created("complaint", start, end)
    by_complaint: dict[UUID, list[Event]] = defaultdict(list)
    for notification in rapport.index.notifications_at(positions):
        event = cast(Event, rapport.mapper.to_domain_event(notification))
        by_complaint[event.originator_id].append(event)
    return list(by_complaint.values())


# How each step of a complaint's handling is taken again. Steps that move no
# clock (notes, root causes, escalations, the old policy's breaches) are left out.
_STEPS: dict[type[Event], Callable[[Complaint, Any, Stamp], None]] = {
    Complaint.Acknowledged: lambda c, e, s: c.acknowledge(
        agent=e.agent, message=e.message, stamp=s
    ),
    Complaint.Assigned: lambda c, e, s: c.assign(agent=e.agent, stamp=s),
    Complaint.WaitingOnClient: lambda c, e, s: c.wait_on_client(reason=e.reason, stamp=s),
    Complaint.ClientReplied: lambda c, e, s: c.client_replied(message=e.message, stamp=s),
    Complaint.Resolved: lambda c, e, s: c.resolve(
        resolution=e.resolution, corrective_action=e.corrective_action, stamp=s
    ),
    Complaint.Reopened: lambda c, e, s: c.reopen(reason=e.reason, stamp=s),
    Complaint.Closed: lambda c, e, s: c.close(
        client_confirmed=e.client_confirmed, csat=e.csat, stamp=s
    ),
}


def _played_again(events: Sequence[Event], terms: SlaTerms) -> list[Event]:
    received = cast(Complaint.Received, events[0])
    complaint = Complaint.receive(
        id=received.originator_id,
        engagement_id=received.engagement_id,
        channel=received.channel,
        severity=received.severity,
        category=received.category,
        description=received.description,
        sla=terms,
        stamp=_stamp(received),
    )
    for event in events[1:]:
        step = _STEPS.get(type(event))
        if step is not None:
            step(complaint, event, _stamp(event))
    return cast(list[Event], list(complaint.collect_events()))


def _stamp(event: Any) -> Stamp:
    return Stamp(event.actor, event.occurred_at, event.timestamp)


def _fold(state: SatisfactionState, events: Iterable[Event]) -> None:
    for event in events:
        logged = LoggedEvent(0, state.engagement_id, event)
        if _SATISFACTION.key(logged) is not None:
            _SATISFACTION.apply(state, logged)


def _compliance(state: SatisfactionState, at: datetime) -> dict[SlaClock, SlaCompliance]:
    return _SATISFACTION.report(state, at).complaints.sla_compliance
