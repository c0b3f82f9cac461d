"""Commands on the risk register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from application.permissions import Permission
from domain.risk import ResponseStrategy, Risk, RiskCategory


@dataclass(frozen=True, kw_only=True)
class IdentifyRisk(CreateCommand):
    """Add a risk to the engagement's register: title, category, description and owner."""

    permission: ClassVar[Permission] = Permission.MANAGE_RISKS

    engagement_id: UUID
    title: str
    category: RiskCategory
    description: str = ""
    owner: str

    def create(self, decision: Decision) -> Risk:
        decision.open_engagement(self.engagement_id)
        return Risk.identify(
            id=decision.new_id(),
            engagement_id=self.engagement_id,
            title=self.title,
            category=self.category,
            description=self.description,
            owner=self.owner,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class RiskCommand(ChangeCommand):
    permission: ClassVar[Permission] = Permission.MANAGE_RISKS
    target_class: ClassVar[type[Risk]] = Risk
    risk_id: UUID

    @property
    def target_id(self) -> UUID:
        return self.risk_id


@dataclass(frozen=True, kw_only=True)
class AssessRisk(RiskCommand):
    """Assess the risk's probability and impact (1-5 each); exposure is their product. Each
    assessment stays in the history."""

    probability: int
    impact: int

    def change(self, risk: Risk, decision: Decision) -> None:
        risk.assess(probability=self.probability, impact=self.impact, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class PlanRiskResponse(RiskCommand):
    """Plan the response: the strategy, actions, a contingency plan, what triggers it, and the
    next review."""

    strategy: ResponseStrategy
    actions: tuple[str, ...]
    contingency_plan: str = ""
    trigger: str = ""
    next_review_on: date

    def change(self, risk: Risk, decision: Decision) -> None:
        risk.plan_response(
            strategy=self.strategy,
            actions=self.actions,
            contingency_plan=self.contingency_plan,
            trigger=self.trigger,
            next_review_on=self.next_review_on,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ReviewRisk(RiskCommand):
    """Review the risk, with notes and the next review date."""

    notes: str
    next_review_on: date

    def change(self, risk: Risk, decision: Decision) -> None:
        risk.review(notes=self.notes, next_review_on=self.next_review_on, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class RecordRiskOccurrence(RiskCommand):
    """Record that the risk happened, and what; optionally the complaint it led to."""

    what_happened: str
    linked_complaint_id: UUID | None = None

    def change(self, risk: Risk, decision: Decision) -> None:
        risk.record_occurrence(
            what_happened=self.what_happened,
            linked_complaint_id=self.linked_complaint_id,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class CloseRisk(RiskCommand):
    """Close the risk, saying why."""

    reason: str

    def change(self, risk: Risk, decision: Decision) -> None:
        risk.close(reason=self.reason, stamp=decision.stamp)
