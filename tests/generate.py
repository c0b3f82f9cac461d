"""A fast generator of realistic logs for tests and benchmarks.

Aggregates are built with the domain's own commands (so every rule holds) and
each is saved once with all its events, which writes tens of thousands of
events a second instead of one command at a time."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID, uuid4

from application.service import Rapport
from domain.base import Stamp
from domain.complaint import Complaint
from domain.engagement import Engagement
from domain.requirement import Requirement
from domain.risk import Risk
from domain.sla import DEFAULT_POLICY_ID, SlaTerms

SEVERITIES = ("critical", "high", "medium", "low")
# Wall-clock targets of 4 and 48 hours for every generated complaint.
GENERATED_TERMS = SlaTerms(
    DEFAULT_POLICY_ID, 1, first_response_seconds=4 * 3600, resolution_seconds=48 * 3600
)
START = datetime(2026, 1, 5, 9, tzinfo=UTC)


class Moments:
    """Business times an hour apart, so every event follows the one before it."""

    def __init__(self, recorded_at: datetime) -> None:
        self.recorded_at = recorded_at
        self.current = START

    def stamp(self, actor: str = "generator") -> Stamp:
        self.current += timedelta(minutes=7)
        return Stamp(actor, min(self.current, self.recorded_at), self.recorded_at)


def generate(rapport: Rapport, events: int, *, engagements: int = 20, seed: int = 7) -> int:
    """Write about `events` events spread over `engagements`; returns how many were written."""
    rng = random.Random(seed)
    moments = Moments(rapport.clock.now())
    opened = [_open(rapport, moments, rng) for _ in range(engagements)]
    written = 2 * engagements
    while written < events:
        engagement = rng.choice(opened)
        make = rng.choice((_complaint, _complaint, _requirement, _risk, None))
        # The generator is the only writer, so it keeps its engagements in memory
        # and saves just the costs it adds.
        aggregate = (
            _costs(engagement, moments, rng) if make is None else make(engagement.id, moments, rng)
        )
        written += len(aggregate.pending_events)
        rapport.record(aggregate)
    return written


def _open(rapport: Rapport, moments: Moments, rng: random.Random) -> Engagement:
    engagement = Engagement.open(
        id=uuid4(),
        client_id=UUID(int=rng.randrange(1, 4)),
        client_name="Generated client",
        title="Generated engagement",
        objectives=[],
        planned_start=date(2026, 1, 1),
        planned_end=date(2026, 12, 31),
        budget=Decimal("250000.00"),
        currency="EUR",
        owner="owner",
        stamp=moments.stamp(),
    )
    engagement.start(stamp=moments.stamp())
    rapport.record(engagement)
    return engagement


def _costs(engagement: Engagement, moments: Moments, rng: random.Random) -> Engagement:
    for _ in range(rng.randrange(5, 30)):
        engagement.record_cost(
            cost_id=uuid4(),
            amount=Decimal(rng.randrange(100, 5000)),
            category="labour",
            incurred_on=START.date(),
            note="",
            stamp=moments.stamp(),
        )
    return engagement


def _complaint(engagement_id: UUID, moments: Moments, rng: random.Random) -> Complaint:
    received = moments.stamp("client")
    severity = rng.choice(SEVERITIES)
    complaint = Complaint.receive(
        id=uuid4(),
        engagement_id=engagement_id,
        channel="email",
        severity=severity,
        category="service",
        description="Generated complaint",
        sla=GENERATED_TERMS,
        stamp=received,
    )
    complaint.acknowledge(agent="agent", message="On it", stamp=moments.stamp("agent"))
    complaint.assign(agent=f"agent-{rng.randrange(5)}", stamp=moments.stamp())
    for _ in range(rng.randrange(0, 12)):
        complaint.add_note(visibility="internal", text="Working", stamp=moments.stamp("agent"))
    if rng.random() < 0.8:
        complaint.resolve(resolution="Fixed", corrective_action="", stamp=moments.stamp("agent"))
        if rng.random() < 0.2:
            complaint.reopen(reason="Again", stamp=moments.stamp("client"))
        elif rng.random() < 0.8:  # most clients confirm, and the complaint is closed
            complaint.close(
                client_confirmed=True, csat=rng.randrange(1, 6), stamp=moments.stamp("client")
            )
    return complaint


def _requirement(engagement_id: UUID, moments: Moments, rng: random.Random) -> Requirement:
    requirement = Requirement.capture(
        id=uuid4(),
        engagement_id=engagement_id,
        title="Generated requirement",
        description="",
        source="workshop",
        priority=rng.choice(("must", "should", "could")),
        requested_by="client",
        stamp=moments.stamp("client"),
    )
    criterion = uuid4()
    requirement.add_acceptance_criterion(
        criterion_id=criterion, text="Works", stamp=moments.stamp()
    )
    requirement.confirm(confirmed_by="client", stamp=moments.stamp("client"))
    requirement.start(stamp=moments.stamp("agent"))
    if rng.random() < 0.7:
        requirement.deliver(evidence="Release", stamp=moments.stamp("agent"))
        requirement.accept(
            accepted_by="client", met_criterion_ids=[criterion], stamp=moments.stamp("client")
        )
    return requirement


def _risk(engagement_id: UUID, moments: Moments, rng: random.Random) -> Risk:
    risk = Risk.identify(
        id=uuid4(),
        engagement_id=engagement_id,
        title="Generated risk",
        category="schedule",
        description="",
        owner="owner",
        stamp=moments.stamp(),
    )
    for _ in range(rng.randrange(1, 4)):
        risk.assess(
            probability=rng.randrange(1, 6), impact=rng.randrange(1, 6), stamp=moments.stamp()
        )
    return risk
