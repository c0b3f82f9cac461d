"""What an engagement holds beside its figures: its team, objectives and
milestones, its communication plan, and the meetings logged and status reports
published."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

import strawberry

from domain.engagement import CommunicationPlan as PlanValue
from domain.engagement import Engagement as EngagementAggregate
from interfaces.graphql.enums import MemberRole, Rag


@strawberry.type(description="A person's RACI role in an area of the engagement.")
class TeamMember:
    person: str
    role: MemberRole
    area: str


@strawberry.type(description="A measurable objective, with its result once measured.")
class Objective:
    id: UUID
    description: str
    metric: str
    target: Decimal
    due_on: date
    actual: Decimal | None


@strawberry.type(description="A planned milestone; its weight shares out the planned value.")
class Milestone:
    id: UUID
    name: str
    due_on: date
    weight: Decimal
    completed_at: datetime | None


@strawberry.type(description="How often the engagement reports, through which channels, to whom.")
class CommunicationPlan:
    cadence: str = strawberry.field(description="How often, e.g. weekly.")
    channels: list[str] = strawberry.field(description="Through which channels, e.g. email.")
    audience: list[str] = strawberry.field(description="Who receives the reports.")

    @staticmethod
    def of(plan: PlanValue) -> CommunicationPlan:
        return CommunicationPlan(
            cadence=plan.cadence, channels=list(plan.channels), audience=list(plan.audience)
        )


@strawberry.type(description="An action agreed at a meeting: what, who does it, and by when.")
class MeetingActionItem:
    description: str = strawberry.field(description="What is to be done.")
    owner: str = strawberry.field(description="Who does it.")
    due_on: date = strawberry.field(description="By when.")


@strawberry.type(description="A meeting as it was logged.")
class Meeting:
    id: UUID = strawberry.field(description="The meeting's id, as `logMeeting` gave it.")
    held_on: date = strawberry.field(description="The day it was held.")
    attendees: list[str] = strawberry.field(description="Who attended.")
    agenda: str = strawberry.field(description="The agenda; empty when none was logged.")
    minutes: str = strawberry.field(
        description="The minutes: what was said and decided; empty when none were logged."
    )
    action_items: list[MeetingActionItem] = strawberry.field(
        description="The actions agreed, in the order logged."
    )
    logged_by: str = strawberry.field(description="Who logged it.")
    logged_at: datetime = strawberry.field(
        description="When it was logged, in the business (its `occurredAt`)."
    )

    @staticmethod
    def of(event: EngagementAggregate.MeetingLogged) -> Meeting:
        return Meeting(
            id=event.meeting_id,
            held_on=event.held_on,
            attendees=list(event.attendees),
            agenda=event.agenda,
            minutes=event.minutes,
            action_items=[
                MeetingActionItem(description=i.description, owner=i.owner, due_on=i.due_on)
                for i in event.action_items
            ],
            logged_by=event.actor,
            logged_at=event.occurred_at,
        )


@strawberry.type(description="A status report as it was published.")
class StatusReport:
    period_start: date = strawberry.field(description="The first day the report covers.")
    period_end: date = strawberry.field(description="The last day the report covers.")
    rag: Rag = strawberry.field(description="Its traffic light.")
    summary: str = strawberry.field(description="Where the engagement stands.")
    next_steps: str = strawberry.field(description="What comes next; empty when none were given.")
    published_by: str = strawberry.field(description="Who published it.")
    published_at: datetime = strawberry.field(
        description="When it was published, in the business (its `occurredAt`)."
    )

    @staticmethod
    def of(event: EngagementAggregate.StatusReportPublished) -> StatusReport:
        return StatusReport(
            period_start=event.period_start,
            period_end=event.period_end,
            rag=event.rag,
            summary=event.summary,
            next_steps=event.next_steps,
            published_by=event.actor,
            published_at=event.occurred_at,
        )
