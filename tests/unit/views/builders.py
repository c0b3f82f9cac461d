"""Events for view tests, made by the real aggregates at chosen business times.

Run commands on an aggregate with `stamp(at)`, then `log.record(aggregate)` moves
its new events into the log in that order, as the views will see them. Record
after each step when the order between aggregates matters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar, cast
from uuid import UUID, uuid4

from application.views.base import Event, LoggedEvent, View, fold
from domain.base import EventSourcedAggregate, Stamp
from domain.complaint import Complaint
from domain.engagement import Engagement
from domain.requirement import Requirement, RequirementState
from domain.risk import Risk
from domain.sla import DEFAULT_POLICY_ID, SlaTerms

S = TypeVar("S")

CLIENT_ID = UUID("00000000-0000-4000-8000-0000000c1e17")
# A 100-day schedule, so elapsed days read as percentages: 2026-02-20 is day 50.
PLANNED_START = date(2026, 1, 1)
PLANNED_END = date(2026, 4, 11)
BUDGET = Decimal("10000.00")


def moment(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """`day` at `hour`:`minute` UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def stamp(at: datetime, actor: str = "ana@rapport.test") -> Stamp:
    """Occurred at `at`, recorded at the same moment."""
    return Stamp(actor=actor, occurred_at=at, recorded_at=at)


class EventLog:
    """The log as views read it: each event wrapped with its position and engagement."""

    def __init__(self) -> None:
        self.events: list[LoggedEvent] = []

    def record(self, aggregate: EventSourcedAggregate) -> None:
        engagement_id = getattr(aggregate, "engagement_id", aggregate.id)
        for event in aggregate.collect_events():
            position = len(self.events) + 1
            self.events.append(LoggedEvent(position, engagement_id, cast(Event, event)))

    def state(self, view: View[S, Any], engagement_id: UUID) -> S:
        """The view's state for one engagement after every event recorded so far."""
        return fold(view, self.events)[str(engagement_id)]


def open_engagement(
    log: EventLog,
    at: datetime | None = None,
    *,
    budget: Decimal = BUDGET,
    planned_start: date = PLANNED_START,
    planned_end: date = PLANNED_END,
    start: bool = False,
    currency: str = "EUR",
) -> Engagement:
    at = at or moment(planned_start)
    engagement = Engagement.open(
        id=uuid4(),
        client_id=CLIENT_ID,
        client_name="Northwind Retail",
        title="After-sales service desk",
        objectives=["Answer every ticket within SLA"],
        planned_start=planned_start,
        planned_end=planned_end,
        budget=budget,
        currency=currency,
        owner="ana@rapport.test",
        stamp=stamp(at),
    )
    if start:
        engagement.start(stamp=stamp(at))
    log.record(engagement)
    return engagement


def plan_milestone(
    log: EventLog, engagement: Engagement, at: datetime, due_on: date, weight: int | str
) -> UUID:
    milestone_id = uuid4()
    engagement.plan_milestone(
        milestone_id=milestone_id,
        name=f"Milestone due {due_on.isoformat()}",
        due_on=due_on,
        weight=Decimal(weight),
        stamp=stamp(at),
    )
    log.record(engagement)
    return milestone_id


def complete_milestone(
    log: EventLog, engagement: Engagement, at: datetime, milestone_id: UUID
) -> None:
    engagement.complete_milestone(milestone_id=milestone_id, stamp=stamp(at))
    log.record(engagement)


def record_cost(
    log: EventLog,
    engagement: Engagement,
    amount: str,
    incurred_on: date,
    *,
    category: str = "labour",
    at: datetime | None = None,
) -> None:
    """A cost recorded at `at` (default: 18:00 on the day it was incurred)."""
    engagement.record_cost(
        cost_id=uuid4(),
        amount=Decimal(amount),
        category=category,
        incurred_on=incurred_on,
        note="",
        stamp=stamp(at or moment(incurred_on, 18)),
    )
    log.record(engagement)


def record_survey(
    log: EventLog, engagement: Engagement, at: datetime, csat: int | None, nps: int | None = None
) -> None:
    engagement.record_survey_response(
        response_id=uuid4(),
        csat=csat,
        nps=nps,
        respondent="client@northwind.test",
        channel="email",
        comment="",
        stamp=stamp(at),
    )
    log.record(engagement)


# Requirements


def capture_requirement(log: EventLog, engagement_id: UUID, at: datetime) -> Requirement:
    requirement = Requirement.capture(
        id=uuid4(),
        engagement_id=engagement_id,
        title="Self-service returns portal",
        description="Customers can start a return online",
        source="workshop",
        priority="must",
        requested_by="client@northwind.test",
        stamp=stamp(at),
    )
    log.record(requirement)
    return requirement


def _confirm(r: Requirement, s: Stamp) -> None:
    if not r.criteria:
        r.add_acceptance_criterion(criterion_id=uuid4(), text="Return starts online", stamp=s)
    r.confirm(confirmed_by="client@northwind.test", stamp=s)


def _deliver(r: Requirement, s: Stamp) -> None:
    r.deliver(evidence="Demo to the client", stamp=s)


def _accept(r: Requirement, s: Stamp) -> None:
    r.accept(accepted_by="client@northwind.test", met_criterion_ids=r.criterion_ids, stamp=s)


def _reject(r: Requirement, s: Stamp) -> None:
    r.reject(reason="Labels missing", unmet_criterion_ids=r.criterion_ids, stamp=s)


def _change(r: Requirement, s: Stamp) -> None:
    r.request_change(reason="Scope grew", new_description="Returns and exchanges", stamp=s)


def _withdraw(r: Requirement, s: Stamp) -> None:
    r.withdraw(reason="No longer needed", stamp=s)


def _start(r: Requirement, s: Stamp) -> None:
    r.start(stamp=s)


_STEP = Callable[[Requirement, Stamp], None]
# The commands that take a captured requirement to each state.
_PATHS: dict[RequirementState, tuple[_STEP, ...]] = {
    RequirementState.CAPTURED: (),
    RequirementState.CONFIRMED: (_confirm,),
    RequirementState.IN_PROGRESS: (_confirm, _start),
    RequirementState.DELIVERED: (_confirm, _start, _deliver),
    RequirementState.ACCEPTED: (_confirm, _start, _deliver, _accept),
    RequirementState.REJECTED: (_confirm, _start, _deliver, _reject),
    RequirementState.CHANGE_REQUESTED: (_confirm, _change),
    RequirementState.WITHDRAWN: (_withdraw,),
}


def requirement_in(
    log: EventLog, engagement_id: UUID, target: RequirementState, at: datetime
) -> Requirement:
    """A requirement captured and taken to `target` at `at`, its events in the log."""
    requirement = capture_requirement(log, engagement_id, at)
    for step in _PATHS[target]:
        step(requirement, stamp(at))
    log.record(requirement)
    return requirement


def request_change(log: EventLog, requirement: Requirement, at: datetime) -> None:
    """Request a change, confirming first when the requirement is awaiting confirmation."""
    if requirement.state is RequirementState.CHANGE_REQUESTED:
        _confirm(requirement, stamp(at))
    _change(requirement, stamp(at))
    log.record(requirement)


# Complaints


def receive_complaint(
    log: EventLog,
    engagement_id: UUID,
    at: datetime,
    *,
    severity: str = "critical",
    first_response_hours: float = 1,
    resolution_hours: float = 8,
    sla: SlaTerms | None = None,
) -> Complaint:
    """A complaint received at `at`, with due times `at` + the given hours (wall
    clock), or held to the terms `sla`."""
    terms = sla or SlaTerms(
        DEFAULT_POLICY_ID,
        1,
        first_response_seconds=round(first_response_hours * 3600),
        resolution_seconds=round(resolution_hours * 3600),
    )
    complaint = Complaint.receive(
        id=uuid4(),
        engagement_id=engagement_id,
        channel="phone",
        severity=severity,
        category="billing",
        description="Invoice charged twice",
        sla=terms,
        stamp=stamp(at),
    )
    log.record(complaint)
    return complaint


def acknowledge(log: EventLog, complaint: Complaint, at: datetime) -> None:
    complaint.acknowledge(agent="bo@rapport.test", message="On it", stamp=stamp(at))
    complaint.assign(agent="bo@rapport.test", stamp=stamp(at))
    log.record(complaint)


# Risks


def identify_risk(log: EventLog, engagement_id: UUID, at: datetime) -> Risk:
    risk = Risk.identify(
        id=uuid4(),
        engagement_id=engagement_id,
        title="Key agent leaves",
        category="resource",
        description="Only one agent knows the billing system",
        owner="ana@rapport.test",
        stamp=stamp(at),
    )
    log.record(risk)
    return risk


def assess_risk(log: EventLog, risk: Risk, at: datetime, probability: int, impact: int) -> None:
    risk.assess(probability=probability, impact=impact, stamp=stamp(at))
    log.record(risk)


def plan_risk_response(log: EventLog, risk: Risk, at: datetime) -> None:
    risk.plan_response(
        strategy="mitigate",
        actions=["Train a second agent"],
        contingency_plan="Borrow an agent from another desk",
        trigger="Resignation",
        next_review_on=at.date() + timedelta(days=14),
        stamp=stamp(at),
    )
    log.record(risk)


# Complaint steps, one command each, for the satisfaction, workload and row views.


def acknowledge_only(
    log: EventLog, complaint: Complaint, at: datetime, agent: str = "bo@rapport.test"
) -> None:
    """The first response alone: no assignment, so the complaint stays acknowledged."""
    complaint.acknowledge(agent=agent, message="On it", stamp=stamp(at))
    log.record(complaint)


def assign(log: EventLog, complaint: Complaint, at: datetime, agent: str) -> None:
    complaint.assign(agent=agent, stamp=stamp(at))
    log.record(complaint)


def escalate(log: EventLog, complaint: Complaint, at: datetime, level: int = 1) -> None:
    complaint.escalate(level=level, reason="Client called the director", stamp=stamp(at))
    log.record(complaint)


def wait_on_client(log: EventLog, complaint: Complaint, at: datetime) -> None:
    complaint.wait_on_client(reason="Need the invoice number", stamp=stamp(at))
    log.record(complaint)


def client_replied(log: EventLog, complaint: Complaint, at: datetime) -> None:
    complaint.client_replied(message="INV-2041", stamp=stamp(at))
    log.record(complaint)


def resolve(log: EventLog, complaint: Complaint, at: datetime) -> None:
    complaint.resolve(resolution="Refunded", corrective_action="", stamp=stamp(at))
    log.record(complaint)


def reopen(log: EventLog, complaint: Complaint, at: datetime) -> None:
    complaint.reopen(reason="Charged again", stamp=stamp(at))
    log.record(complaint)


def close_complaint(
    log: EventLog, complaint: Complaint, at: datetime, csat: int | None = None
) -> None:
    complaint.close(client_confirmed=True, csat=csat, stamp=stamp(at))
    log.record(complaint)


def record_breach(log: EventLog, complaint: Complaint, at: datetime, clock: str) -> None:
    complaint.record_sla_breach(clock=clock, stamp=stamp(at, actor="sla-watchdog"))
    log.record(complaint)


# Requirement and risk steps with chosen actors, titles and dates.


def start_requirement(
    log: EventLog, requirement: Requirement, at: datetime, actor: str = "ana@rapport.test"
) -> None:
    requirement.start(stamp=stamp(at, actor=actor))
    log.record(requirement)


def deliver_requirement(log: EventLog, requirement: Requirement, at: datetime) -> None:
    _deliver(requirement, stamp(at))
    log.record(requirement)


def assessed_risk(
    log: EventLog,
    engagement_id: UUID,
    at: datetime,
    probability: int,
    impact: int,
    *,
    title: str = "Key agent leaves",
) -> Risk:
    """A risk identified with `title` and assessed, both at `at`."""
    risk = Risk.identify(
        id=uuid4(),
        engagement_id=engagement_id,
        title=title,
        category="resource",
        description="",
        owner="ana@rapport.test",
        stamp=stamp(at),
    )
    risk.assess(probability=probability, impact=impact, stamp=stamp(at))
    log.record(risk)
    return risk


def review_risk(log: EventLog, risk: Risk, at: datetime, next_review_on: date) -> None:
    risk.review(notes="Still likely", next_review_on=next_review_on, stamp=stamp(at))
    log.record(risk)


def risk_occurred(log: EventLog, risk: Risk, at: datetime) -> None:
    risk.record_occurrence(
        what_happened="The agent left", linked_complaint_id=None, stamp=stamp(at)
    )
    log.record(risk)


def close_risk(log: EventLog, risk: Risk, at: datetime) -> None:
    risk.close(reason="No longer relevant", stamp=stamp(at))
    log.record(risk)


PLAIN_TYPES = (str, int, float, bool, Decimal, datetime, date, UUID, Enum, type(None))


def assert_plain(value: object, path: str = "state") -> None:
    """Fail unless `value` is made only of the values a view state may hold:
    str, int, float, bool, Decimal, date, datetime, UUID, None, enums, and lists,
    tuples, str-keyed dicts and dataclasses of those (no timedelta, no set)."""
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            assert_plain(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), f"{path} has a non-str key {key!r}"
            assert_plain(item, f"{path}[{key!r}]")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            assert_plain(item, f"{path}[{i}]")
    else:
        assert isinstance(value, PLAIN_TYPES), f"{path} is a {type(value).__name__}"
