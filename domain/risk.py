"""The risk register: a risk is identified, assessed, answered with a plan,
reviewed, may occur, and is closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_choice,
    require_line,
    require_range,
    require_state,
    require_text,
    require_texts,
)


class RiskState(StrEnum):
    IDENTIFIED = "identified"
    ASSESSED = "assessed"
    RESPONDING = "responding"
    OCCURRED = "occurred"
    CLOSED = "closed"


class RiskCategory(StrEnum):
    TECHNICAL = "technical"
    RESOURCE = "resource"
    SCHEDULE = "schedule"
    COST = "cost"
    CUSTOMER = "customer"
    EXTERNAL = "external"


class ResponseStrategy(StrEnum):
    AVOID = "avoid"
    TRANSFER = "transfer"
    MITIGATE = "mitigate"
    ACCEPT = "accept"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


def risk_level(exposure: int) -> RiskLevel:
    """Level by exposure (probability x impact): 1-4 low, 5-9 medium, 10-16 high, 20-25 critical."""
    if exposure >= 20:
        return RiskLevel.CRITICAL
    if exposure >= 10:
        return RiskLevel.HIGH
    if exposure >= 5:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


@dataclass(frozen=True)
class Assessment:
    probability: int
    impact: int
    assessed_at: datetime

    @property
    def exposure(self) -> int:
        return self.probability * self.impact


@dataclass(frozen=True)
class ResponsePlan:
    strategy: ResponseStrategy
    actions: tuple[str, ...]
    contingency_plan: str
    trigger: str
    next_review_on: date


OPEN_STATES = (RiskState.IDENTIFIED, RiskState.ASSESSED, RiskState.RESPONDING, RiskState.OCCURRED)


class Risk(EventSourcedAggregate):
    engagement_id: UUID
    title: str
    category: RiskCategory
    description: str
    owner: str
    state: RiskState
    assessments: list[Assessment]
    response: ResponsePlan | None
    next_review_on: date | None
    reviews: int
    occurrence: str
    linked_complaint_id: UUID | None
    close_reason: str

    class Identified(EventSourcedAggregate.Created):
        engagement_id: UUID
        title: str
        category: RiskCategory
        description: str
        owner: str

    def __init__(
        self, engagement_id: UUID, title: str, category: RiskCategory, description: str, owner: str
    ) -> None:
        self.engagement_id = engagement_id
        self.title = title
        self.category = category
        self.description = description
        self.owner = owner
        self.state = RiskState.IDENTIFIED
        self.assessments = []
        self.response = None
        self.next_review_on = None
        self.reviews = 0
        self.occurrence = ""
        self.linked_complaint_id = None
        self.close_reason = ""

    @classmethod
    def identify(
        cls,
        *,
        id: UUID,
        engagement_id: UUID,
        title: str,
        category: RiskCategory | str,
        description: str,
        owner: str,
        stamp: Stamp,
    ) -> Risk:
        return cls._start_stream(
            cls.Identified,
            id,
            stamp,
            engagement_id=engagement_id,
            title=require_line("title", title),
            category=require_choice("category", category, RiskCategory),
            description=optional_text("description", description),
            owner=require_line("owner", owner),
        )

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def assessment(self) -> Assessment | None:
        return self.assessments[-1] if self.assessments else None

    @property
    def exposure(self) -> int | None:
        return self.assessment.exposure if self.assessment else None

    @property
    def level(self) -> RiskLevel | None:
        exposure = self.exposure
        return risk_level(exposure) if exposure is not None else None

    class Assessed(EventSourcedAggregate.Event):
        probability: int
        impact: int

        def apply(self, risk: Any) -> None:
            risk.assessments.append(Assessment(self.probability, self.impact, self.occurred_at))
            if risk.state is RiskState.IDENTIFIED:
                risk.state = RiskState.ASSESSED

    def assess(self, *, probability: int, impact: int, stamp: Stamp) -> None:
        """Assess, or re-assess; every assessment is kept as history."""
        require_state("risk.assess_while_open", self.state, OPEN_STATES, "assess a risk")
        self._record(
            self.Assessed,
            stamp,
            probability=require_range("probability", probability, 1, 5),
            impact=require_range("impact", impact, 1, 5),
        )

    class ResponsePlanned(EventSourcedAggregate.Event):
        plan: ResponsePlan

        def apply(self, risk: Any) -> None:
            risk.response = self.plan
            risk.next_review_on = self.plan.next_review_on
            if risk.state is not RiskState.OCCURRED:
                risk.state = RiskState.RESPONDING

    def plan_response(
        self,
        *,
        strategy: ResponseStrategy | str,
        actions: list[str] | tuple[str, ...],
        contingency_plan: str,
        trigger: str,
        next_review_on: date,
        stamp: Stamp,
    ) -> None:
        require_state(
            "risk.plan_after_assessment",
            self.state,
            (RiskState.ASSESSED, RiskState.RESPONDING, RiskState.OCCURRED),
            "plan a response to a risk",
        )
        plan = ResponsePlan(
            strategy=require_choice("strategy", strategy, ResponseStrategy),
            actions=require_texts("actions", actions, at_least=1),
            contingency_plan=optional_text("contingencyPlan", contingency_plan),
            trigger=optional_text("trigger", trigger),
            next_review_on=next_review_on,
        )
        self._record(self.ResponsePlanned, stamp, plan=plan)

    class Reviewed(EventSourcedAggregate.Event):
        notes: str
        next_review_on: date

        def apply(self, risk: Any) -> None:
            risk.reviews += 1
            risk.next_review_on = self.next_review_on

    def review(self, *, notes: str, next_review_on: date, stamp: Stamp) -> None:
        require_state("risk.review_while_open", self.state, OPEN_STATES, "review a risk")
        self._record(
            self.Reviewed,
            stamp,
            notes=require_text("notes", notes),
            next_review_on=next_review_on,
        )

    class Occurred(EventSourcedAggregate.Event):
        what_happened: str
        linked_complaint_id: UUID | None

        def apply(self, risk: Any) -> None:
            risk.state = RiskState.OCCURRED
            risk.occurrence = self.what_happened
            risk.linked_complaint_id = self.linked_complaint_id

    def record_occurrence(
        self, *, what_happened: str, linked_complaint_id: UUID | None, stamp: Stamp
    ) -> None:
        require_state(
            "risk.occur_once",
            self.state,
            (RiskState.IDENTIFIED, RiskState.ASSESSED, RiskState.RESPONDING),
            "record an occurrence of a risk",
        )
        self._record(
            self.Occurred,
            stamp,
            what_happened=require_text("whatHappened", what_happened),
            linked_complaint_id=linked_complaint_id,
        )

    class Closed(EventSourcedAggregate.Event):
        reason: str

        def apply(self, risk: Any) -> None:
            risk.state = RiskState.CLOSED
            risk.close_reason = self.reason
            risk.next_review_on = None

    def close(self, *, reason: str, stamp: Stamp) -> None:
        require_state("risk.close_once", self.state, OPEN_STATES, "close a risk")
        self._record(self.Closed, stamp, reason=require_text("reason", reason))
