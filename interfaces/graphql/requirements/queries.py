"""Requirement queries: one by id, or a filtered connection."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.context import Info
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, rows_page
from interfaces.graphql.requirements.types import Requirement, RequirementFilter, load_requirement


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
        return await rows_page(
            info,
            "requirement_rows",
            where_of(filter),
            first=first,
            after=after,
            node=Requirement.of,
        )
