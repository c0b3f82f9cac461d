"""A requirement as its row in the `requirement_rows` view shows it."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from application.views.rows import RequirementRowReport
from interfaces.graphql.children import EngagementChild, seconds_in_state
from interfaces.graphql.context import Info
from interfaces.graphql.engagements.as_of import AsOf
from interfaces.graphql.enums import RequirementPriority, RequirementSource, RequirementState


@strawberry.type(
    description="A condition the delivered work must meet for the client to accept it."
)
class AcceptanceCriterion:
    id: UUID
    text: str
    unmet: bool = strawberry.field(
        description="Named by the client's latest rejection and not met since."
    )


@strawberry.type(description="What the client asked for.")
class Requirement(EngagementChild):
    title: str
    description: str
    source: RequirementSource
    priority: RequirementPriority
    requested_by: str
    state: RequirementState
    captured_at: datetime
    updated_at: datetime
    seconds_in_state: float = strawberry.field(resolver=seconds_in_state)
    moving_seconds: strawberry.Private[float]  # what `seconds_in_state` answers
    acceptance_criteria: int = strawberry.field(
        description="How many acceptance criteria it has (they are in `criteria`)."
    )
    criteria: list[AcceptanceCriterion] = strawberry.field(
        description="Its acceptance criteria, in the order they were added."
    )
    confirmed_by: str | None
    change_requests: int
    rejections: int
    accepted_by: str | None

    @staticmethod
    def of(report: RequirementRowReport, snapshot: AsOf | None = None) -> Requirement:
        row = report.row
        return Requirement(
            snapshot=snapshot,
            id=row.requirement_id,
            engagement_id=row.engagement_id,
            version=row.version,
            title=row.title,
            description=row.description,
            source=row.source,
            priority=row.priority,
            requested_by=row.requested_by,
            state=row.state,
            captured_at=row.captured_at,
            updated_at=row.updated_at,
            moving_seconds=report.seconds_in_state,
            acceptance_criteria=len(row.criteria),
            criteria=[
                AcceptanceCriterion(id=c.criterion_id, text=c.text, unmet=c.unmet)
                for c in row.criteria
            ],
            confirmed_by=row.confirmed_by or None,
            change_requests=row.change_requests,
            rejections=row.rejections,
            accepted_by=row.accepted_by or None,
        )


async def load_requirement(info: Info, requirement_id: UUID) -> Requirement | None:
    report = await info.context.report("requirement_rows", str(requirement_id))
    return Requirement.of(report) if report else None


@strawberry.input(description="Requirements whose fields equal every value given.")
class RequirementFilter:
    engagement_id: UUID | None = strawberry.field(default=None, description="The engagement's id.")
    state: RequirementState | None = strawberry.field(default=None, description="In this state.")
    priority: RequirementPriority | None = strawberry.field(
        default=None, description="Of this priority."
    )
