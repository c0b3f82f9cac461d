"""What requirements, complaints and risks share: they belong to one engagement
and, like calendars and policies, have a history of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from interfaces.graphql.audit.types import AuditEvent, audit_page
from interfaces.graphql.context import Info
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection

if TYPE_CHECKING:
    from interfaces.graphql.engagements.types import Engagement

EngagementRef = Annotated["Engagement", strawberry.lazy("interfaces.graphql.engagements.types")]


@strawberry.interface(description="Something kept as its events: each version is one.")
class Recorded:
    id: UUID
    version: int

    @strawberry.field(description="Its events, oldest first.")
    async def history(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[AuditEvent]:
        return await audit_page(info, {"aggregate_id": self.id}, first, after)


@strawberry.interface(description="A requirement, complaint or risk of an engagement.")
class EngagementChild(Recorded):
    engagement_id: UUID

    @strawberry.field
    async def engagement(self, info: Info) -> EngagementRef | None:
        from interfaces.graphql.engagements.types import load_engagement

        return await load_engagement(info, self.engagement_id)
