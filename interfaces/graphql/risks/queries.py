"""Risk queries: one by id, or a filtered connection."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.context import Info
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, rows_page
from interfaces.graphql.risks.types import Risk, RiskFilter, load_risk


@strawberry.type
class RiskQueries:
    @strawberry.field(description="A risk by id; null when there is none you may see.")
    async def risk(self, info: Info, id: UUID) -> Risk | None:
        return await load_risk(info, id)

    @strawberry.field(description="Risks in id order, filtered.")
    async def risks(
        self,
        info: Info,
        filter: RiskFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Risk]:
        return await rows_page(
            info, "risk_rows", where_of(filter), first=first, after=after, node=Risk.of
        )
