"""Requirement queries: one by id, or a filtered connection."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.context import Info
from interfaces.graphql.enums import RequirementPriority, RequirementState
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, rows_page
from interfaces.graphql.requirements.types import Requirement, load_requirement


@strawberry.input(description="Requirements whose fields equal every value given.")
class RequirementFilter:
    engagement_id: UUID | None = strawberry.field(default=None, description="The engagement's id.")
    state: RequirementState | None = strawberry.field(default=None, description="In this state.")
    priority: RequirementPriority | None = strawberry.field(
        default=None, description="Of this priority."
    )


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
