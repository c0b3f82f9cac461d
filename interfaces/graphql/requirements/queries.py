"""Requirement queries: one by id, or a filtered connection."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.context import Info
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, connection
from interfaces.graphql.requirements.types import Requirement, load_requirement


@strawberry.input
class RequirementFilter:
    engagement_id: UUID | None = None
    state: str | None = None
    priority: str | None = None


async def requirement_page(
    info: Info,
    filter: RequirementFilter | None,
    first: int,
    after: str | None,
) -> Connection[Requirement]:
    context = info.context
    page = await context.query(
        context.services.reader.page,
        context.principal,
        "requirement_rows",
        where_of(filter),
        first,
        after,
    )
    return connection(page, Requirement.of)


@strawberry.type
class RequirementQueries:
    @strawberry.field(description="A requirement by id; null when there is none you may see.")
    async def requirement(self, info: Info, id: UUID) -> Requirement | None:
        return await load_requirement(info, id)

    @strawberry.field(description="Requirements in id order, filtered.")
    async def requirements(
        self,
        info: Info,
        filter: RequirementFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Requirement]:
        return await requirement_page(info, filter, first, after)
