"""What requirements, complaints and risks share: they belong to one engagement
and, like calendars and policies, have a history of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from interfaces.graphql.audit.types import AuditEvent, audit_page
from interfaces.graphql.context import Info
from interfaces.graphql.engagements.as_of import AsOf, snapshot_history
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection

if TYPE_CHECKING:
    from interfaces.graphql.engagements.types import Engagement


def seconds_in_state(root: Any, info: Info) -> float:
    """How long it has been in its current state, as of the request: a figure
    that moves at every instant, so no answer showing it is given twice."""
    info.context.reads.not_reusable()
    seconds: float = root.moving_seconds
    return seconds


EngagementRef = Annotated["Engagement", strawberry.lazy("interfaces.graphql.engagements.types")]


@strawberry.interface(description="Something kept as its events: each version is one.")
class Recorded:
    id: UUID
    version: int
    # Set when read under an engagement as of a moment: everything answers for it.
    snapshot: strawberry.Private[AsOf | None] = None

    @strawberry.field(
        description="Its events, oldest first; under an engagement as of a moment, "
        "the events known (or that had happened) by then."
    )
    async def history(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[AuditEvent]:
        where = {"aggregate_id": self.id}
        if self.snapshot is not None:
            return snapshot_history(info, self.snapshot, where, first=first, after=after)
        return await audit_page(info, where, first, after)


@strawberry.interface(description="A requirement, complaint or risk of an engagement.")
class EngagementChild(Recorded):
    engagement_id: UUID

    @strawberry.field(
        description="Its engagement; under an engagement as of a moment, that engagement."
    )
    async def engagement(self, info: Info) -> EngagementRef | None:
        from interfaces.graphql.engagements.types import Engagement, load_engagement

        if self.snapshot is not None:
            row = self.snapshot.reports["portfolio"].get(str(self.engagement_id))
            return Engagement.of(row, self.snapshot) if row else None
        return await load_engagement(info, self.engagement_id)
