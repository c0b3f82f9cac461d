"""Complaint queries: one by id, or a filtered connection."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.complaints.types import Complaint, ComplaintFilter, load_complaint
from interfaces.graphql.context import Info
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, rows_page


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
