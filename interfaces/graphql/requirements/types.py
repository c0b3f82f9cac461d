"""A requirement as its row in the `requirement_rows` view shows it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from application.views.rows import RequirementRowReport
from interfaces.graphql.audit.types import AuditEvent, audit_page
from interfaces.graphql.context import Info
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection

if TYPE_CHECKING:
    from interfaces.graphql.engagements.types import Engagement

EngagementRef = Annotated["Engagement", strawberry.lazy("interfaces.graphql.engagements.types")]


@strawberry.type(description="What the client asked for.")
class Requirement:
    id: UUID
    engagement_id: UUID
    version: int
    title: str
    description: str
    source: str
    priority: str
    requested_by: str
    state: str
    captured_at: datetime
    updated_at: datetime
    seconds_in_state: float
    acceptance_criteria: int
    confirmed_by: str | None
    change_requests: int
    rejections: int
    accepted_by: str | None

    @strawberry.field
    async def engagement(self, info: Info) -> EngagementRef | None:
        from interfaces.graphql.engagements.types import load_engagement

        return await load_engagement(info, self.engagement_id)

    @strawberry.field(description="This requirement's events, oldest first.")
    async def history(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[AuditEvent]:
        return await audit_page(info, {"aggregate_id": self.id}, first, after)

    @staticmethod
    def of(report: RequirementRowReport) -> Requirement:
        row = report.row
        return Requirement(
            id=row.requirement_id,
            engagement_id=row.engagement_id,
            version=row.version,
            title=row.title,
            description=row.description,
            source=row.source.value,
            priority=row.priority.value,
            requested_by=row.requested_by,
            state=row.state.value,
            captured_at=row.captured_at,
            updated_at=row.updated_at,
            seconds_in_state=report.seconds_in_state,
            acceptance_criteria=row.criteria,
            confirmed_by=row.confirmed_by or None,
            change_requests=row.change_requests,
            rejections=row.rejections,
            accepted_by=row.accepted_by or None,
        )


async def load_requirement(info: Info, requirement_id: UUID) -> Requirement | None:
    report = await info.context.reports("requirement_rows").load(str(requirement_id))
    return Requirement.of(report) if report else None
