"""Commands on engagements: the client project itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from application.permissions import Permission
from domain.engagement import ActionItem, CostCategory, Engagement, MemberRole, Rag


@dataclass(frozen=True, kw_only=True)
class OpenEngagement(CreateCommand):
    """Open an engagement for a client: its title, objectives, planned dates, budget in its
    currency, and owner."""

    permission: ClassVar[Permission] = Permission.MANAGE_ENGAGEMENTS

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
    permission: ClassVar[Permission] = Permission.MANAGE_ENGAGEMENTS
    target_class: ClassVar[type[Engagement]] = Engagement
    engagement_id: UUID

    @property
    def target_id(self) -> UUID:
        return self.engagement_id


@dataclass(frozen=True, kw_only=True)
class SetObjective(EngagementCommand):
    """Set a measurable objective: what, by which metric, the target and the date it is due."""

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
    """Record the measured result of an objective."""

    objective_id: UUID
    actual: Decimal

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.record_objective_result(
            objective_id=self.objective_id, actual=self.actual, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class PlanMilestone(EngagementCommand):
    """Plan a milestone with its due date and weight; weights share out the planned value."""

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
    """Move an open milestone's due date, saying why."""

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
    """Mark a milestone complete: its weight counts as earned."""

    milestone_id: UUID

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.complete_milestone(milestone_id=self.milestone_id, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class AssignMember(EngagementCommand):
    """Give a person a RACI role in an area; an area has one accountable person at most."""

    person: str
    role: MemberRole
    area: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.assign_member(
            person=self.person, role=self.role, area=self.area, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ReleaseMember(EngagementCommand):
    """Take a RACI role in an area from a person."""

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
    """Set how often, through which channels and to whom the engagement reports."""

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
    """Log a meeting held: who attended, the agenda, the minutes and the action items."""

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
    """Publish a status report for a period, with its traffic light, summary and next steps."""

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
    """Record a cost incurred on the engagement, in its currency."""

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
    """Set a new budget, saying why; the original stays in the history."""

    new_budget: Decimal
    reason: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.revise_budget(
            new_budget=self.new_budget, reason=self.reason, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class RecordSurveyResponse(EngagementCommand):
    """Record a client's survey answer: satisfaction (CSAT 1-5) and/or likelihood to recommend
    (NPS 0-10)."""

    by_client: ClassVar[bool] = True  # a client issues it too

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
    """Start a planned engagement."""

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.start(stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class PutEngagementOnHold(EngagementCommand):
    """Put an active engagement on hold, saying why."""

    reason: str

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.put_on_hold(reason=self.reason, stamp=decision.stamp)


@dataclass(frozen=True, kw_only=True)
class ResumeEngagement(EngagementCommand):
    """Resume an engagement on hold."""

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
    """Archive a closed engagement."""

    def change(self, engagement: Engagement, decision: Decision) -> None:
        engagement.archive(stamp=decision.stamp)
