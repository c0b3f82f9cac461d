"""Engagement queries: one (live or as of a moment), a filtered connection, the portfolio."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from uuid import UUID

import strawberry

from application.ports import TimeAxis
from interfaces.graphql.context import Info
from interfaces.graphql.engagements.as_of import engagement_as_of
from interfaces.graphql.engagements.types import (
    Axis,
    Engagement,
    EngagementFilter,
    load_engagement,
)
from interfaces.graphql.errors import PublicError
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, connection
from interfaces.graphql.reports import Count, counts


@strawberry.type(description="All engagements at a glance.")
class Portfolio:
    engagements: int
    by_health: list[Count]
    by_state: list[Count]


@strawberry.type
class EngagementQueries:
    @strawberry.field(
        description="An engagement by id, live or as of a past moment; null when there is "
        "none you may see (or none yet at that moment)."
    )
    async def engagement(
        self,
        info: Info,
        id: UUID,
        as_of: datetime | None = None,
        axis: Axis = Axis.RECORDED,
    ) -> Engagement | None:
        if as_of is None:
            return await load_engagement(info, id)
        try:
            snapshot = await engagement_as_of(info, id, as_of, TimeAxis(axis.value))
        except PublicError as error:
            if (error.extensions or {}).get("code") == "NOT_FOUND":
                return None
            raise
        row = snapshot.reports["portfolio"].get(str(id))
        return Engagement.of(row, snapshot) if row else None

    @strawberry.field(description="Engagements in id order, filtered.")
    async def engagements(
        self,
        info: Info,
        filter: EngagementFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Engagement]:
        where = where_of(filter)
        # Health depends on the moment (a complaint falls past due), so it is
        # judged on each row as of now rather than stored in a column.
        health = where.pop("health", None)
        context = info.context
        page = await context.read_views(
            context.services.reader.page,
            context.principal,
            "portfolio",
            where,
            first,
            after,
            keep=(lambda row: row.health == health) if health else None,
        )
        return connection(page, Engagement.of)

    @strawberry.field(description="How many engagements, by health and by state.")
    async def portfolio(self, info: Info) -> Portfolio:
        context = info.context
        rows = await context.read_views(context.services.reader.portfolio, context.principal)
        return Portfolio(
            engagements=len(rows),
            by_health=counts(Counter(row.health for row in rows)),
            by_state=counts(Counter(row.state for row in rows)),
        )
