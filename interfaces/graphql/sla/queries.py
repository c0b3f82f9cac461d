"""Calendar and policy queries, and the what-if simulation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from application.queries import Page
from application.sla_simulation import simulate
from application.views.sla_rows import PolicyRow, built_in_default_policy
from domain.sla import DEFAULT_POLICY_ID
from interfaces.graphql.context import Info
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, connection
from interfaces.graphql.sla.types import BusinessCalendar, SlaPolicy, SlaSimulation

CALENDARS, POLICIES = "calendar_rows", "sla_policy_rows"


@strawberry.type
class SlaQueries:
    @strawberry.field(description="A business calendar by id; null when there is none.")
    async def business_calendar(self, info: Info, id: UUID) -> BusinessCalendar | None:
        context = info.context
        rows = await context.read_views(
            context.services.reader.team_rows, context.principal, CALENDARS, [str(id)]
        )
        row = rows.get(str(id))
        return BusinessCalendar.of(row) if row else None

    @strawberry.field(description="Business calendars in id order.")
    async def business_calendars(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[BusinessCalendar]:
        context = info.context
        page = await context.read_views(
            context.services.reader.team_page, context.principal, CALENDARS, first, after
        )
        return connection(page, BusinessCalendar.of)

    @strawberry.field(description="An SLA policy by id; null when there is none.")
    async def sla_policy(self, info: Info, id: UUID) -> SlaPolicy | None:
        row = await _policy_row(info, id)
        return SlaPolicy.of(row) if row else None

    @strawberry.field(description="SLA policies in id order, the default one first.")
    async def sla_policies(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[SlaPolicy]:
        context = info.context
        page: Page[PolicyRow] = await context.read_views(
            context.services.reader.team_page, context.principal, POLICIES, first, after
        )
        stored = {key for key, _ in page.items}
        default_key = str(DEFAULT_POLICY_ID)
        # The default policy's id sorts first; until revised it has no row.
        if after is None and first > 0 and default_key not in stored:
            default = await _policy_row(info, DEFAULT_POLICY_ID)
            if default is not None:
                items = [(default_key, default), *page.items]
                page = Page(items[:first], has_next=page.has_next or len(items) > first)
        return connection(page, SlaPolicy.of)

    @strawberry.field(
        description="Compliance of the complaints received from `from` until `to` (default "
        "now) under the given policy, beside what it was, per severity (managers only). "
        "Nothing is recorded."
    )
    async def sla_simulation(
        self,
        info: Info,
        policy_id: UUID,
        received_from: Annotated[datetime, strawberry.argument(name="from")],
        to: datetime | None = None,
    ) -> SlaSimulation:
        context = info.context
        rapport = context.services.rapport
        until = to or rapport.clock.now()
        found = await context.query(
            simulate, rapport, context.principal, policy_id, received_from, until
        )
        return SlaSimulation.of(found)


async def _policy_row(info: Info, policy_id: UUID) -> PolicyRow | None:
    context = info.context
    rows = await context.read_views(
        context.services.reader.team_rows, context.principal, POLICIES, [str(policy_id)]
    )
    row: PolicyRow | None = rows.get(str(policy_id))
    if row is None and policy_id == DEFAULT_POLICY_ID and not context.principal.is_client:
        return built_in_default_policy()
    return row
