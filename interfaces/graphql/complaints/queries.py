"""Complaint queries: one by id, or a filtered connection."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.complaints.types import Complaint, load_complaint
from interfaces.graphql.context import Info
from interfaces.graphql.enums import ComplaintState, Severity
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, rows_page


@strawberry.input(description="Complaints whose fields equal every value given.")
class ComplaintFilter:
    engagement_id: UUID | None = strawberry.field(default=None, description="The engagement's id.")
    state: ComplaintState | None = strawberry.field(default=None, description="In this state.")
    severity: Severity | None = strawberry.field(default=None, description="Of this severity.")
    assignee: str | None = strawberry.field(
        default=None, description="The agent assigned, exactly as assigned."
    )
    breached: bool | None = strawberry.field(
        default=None,
        description="An SLA breach stands (recorded and not withdrawn), on either clock.",
    )


@strawberry.type
class ComplaintQueries:
    @strawberry.field(description="A complaint by id; null when there is none you may see.")
    async def complaint(self, info: Info, id: UUID) -> Complaint | None:
        return await load_complaint(info, id)

    @strawberry.field(description="Complaints in id order, filtered.")
    async def complaints(
        self,
        info: Info,
        filter: ComplaintFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Complaint]:
        return await rows_page(
            info, "complaint_rows", where_of(filter), first=first, after=after, node=Complaint.of
        )
