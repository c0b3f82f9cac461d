"""Commands on engagements: the client project itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from domain.engagement import ActionItem, CostCategory, Engagement, MemberRole, Rag


@dataclass(frozen=True, kw_only=True)
class OpenEngagement(CreateCommand):
    client_id: UUID
    client_name: str
    title: str
    objectives: tuple[str, ...] = ()
    planned_start: date
    planned_end: date
    budget: Decimal
    currency: str
    owner: str

    def create(self, decision: Decision) -> Engagement:
        return Engagement.open(
            id=decision.new_id(),
            client_id=self.client_id,
            client_name=self.client_name,
            title=self.title,
            objectives=list(self.objectives),
            planned_start=self.planned_start,
            planned_end=self.planned_end,
            budget=self.budget,
            currency=self.currency,
            owner=self.owner,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class EngagementCommand(ChangeCommand):
    target_class: ClassVar[type[Engagement]] = Engagement
    engagement_id: UUID

    @property
    def target_id(self) -> UUID:
        return self.engagement_id


@dataclass(frozen=True, kw_only=True)
class SetObjective(EngagementCommand):
    objective_id: UUID | None = None  # None sets a new objective; an id revises that one
    description: str
    metric: str
    target: Decimal
    due_on: date

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.set_objective(
            objective_id=self.objective_id or decision.new_id(),
            description=self.description,
            metric=self.metric,
            target=self.target,
            due_on=self.due_on,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class RecordObjectiveResult(EngagementCommand):
    objective_id: UUID
    actual: Decimal

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.record_objective_result(
            objective_id=self.objective_id, actual=self.actual, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class PlanMilestone(EngagementCommand):
    name: str
    due_on: date
    weight: Decimal

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.plan_milestone(
            milestone_id=decision.new_id(),
            name=self.name,
            due_on=self.due_on,
            weight=self.weight,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class RescheduleMilestone(EngagementCommand):
    milestone_id: UUID
    due_on: date
    reason: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.reschedule_milestone(
            milestone_id=self.milestone_id,
            due_on=self.due_on,
            reason=self.reason,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class CompleteMilestone(EngagementCommand):
    milestone_id: UUID

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.complete_milestone(milestone_id=self.milestone_id, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class AssignMember(EngagementCommand):
    person: str
    role: MemberRole
    area: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.assign_member(
            person=self.person, role=self.role, area=self.area, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ReleaseMember(EngagementCommand):
    person: str
    role: MemberRole
    area: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.release_member(
            person=self.person, role=self.role, area=self.area, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ChooseSlaPolicy(EngagementCommand):
    """The SLA policy complaints received from now on follow."""

    policy_id: UUID

    def change(self, engagement: Engagement, decision: Decision) -> None:
        decision.sla_policy(self.policy_id)  # NotFound unless it exists
        engagement.choose_sla_policy(policy_id=self.policy_id, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class SetCommunicationPlan(EngagementCommand):
    cadence: str
    channels: tuple[str, ...]
    audience: tuple[str, ...]

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.set_communication_plan(
            cadence=self.cadence,
            channels=list(self.channels),
            audience=list(self.audience),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class LogMeeting(EngagementCommand):
    held_on: date
    attendees: tuple[str, ...]
    agenda: str
    minutes: str
    action_items: tuple[ActionItem, ...] = ()

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.log_meeting(
            meeting_id=decision.new_id(),
            held_on=self.held_on,
            attendees=list(self.attendees),
            agenda=self.agenda,
            minutes=self.minutes,
            action_items=list(self.action_items),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class PublishStatusReport(EngagementCommand):
    period_start: date
    period_end: date
    rag: Rag
    summary: str
    next_steps: str = ""

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.publish_status_report(
            period_start=self.period_start,
            period_end=self.period_end,
            rag=self.rag,
            summary=self.summary,
            next_steps=self.next_steps,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class RecordCost(EngagementCommand):
    amount: Decimal
    category: CostCategory
    incurred_on: date
    note: str = ""

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.record_cost(
            cost_id=decision.new_id(),
            amount=self.amount,
            category=self.category,
            incurred_on=self.incurred_on,
            note=self.note,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ReviseBudget(EngagementCommand):
    new_budget: Decimal
    reason: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.revise_budget(
            new_budget=self.new_budget, reason=self.reason, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class RecordSurveyResponse(EngagementCommand):
    csat: int | None = None
    nps: int | None = None
    respondent: str
    channel: str
    comment: str = ""

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.record_survey_response(
            response_id=decision.new_id(),
            csat=self.csat,
            nps=self.nps,
            respondent=self.respondent,
            channel=self.channel,
            comment=self.comment,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class StartEngagement(EngagementCommand):
    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.start(stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class PutEngagementOnHold(EngagementCommand):
    reason: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.put_on_hold(reason=self.reason, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class ResumeEngagement(EngagementCommand):
    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.resume(stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class CloseEngagement(EngagementCommand):
    """Refused while complaints are open or must requirements unaccepted, unless forced."""

    outcome: str
    evaluation: str = ""
    lessons_learned: tuple[str, ...] = ()
    force_reason: str = ""

    def change(self, engagement: Engagement, decision: Decision) -> None:
        open_complaints, unaccepted_musts = decision.closing_blockers(self.engagement_id)
        engagement.close(
            outcome=self.outcome,
            evaluation=self.evaluation,
            lessons_learned=list(self.lessons_learned),
            open_complaint_ids=open_complaints,
            unaccepted_must_ids=unaccepted_musts,
            force_reason=self.force_reason,
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ArchiveEngagement(EngagementCommand):
    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.archive(stamp=decision.stamp)
