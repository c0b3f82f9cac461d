"""Admin queries: projections and tokens."""

from __future__ import annotations

import strawberry

from interfaces.graphql.admin.types import Projection, Token
from interfaces.graphql.context import Info


@strawberry.type
class AdminQueries:
    @strawberry.field(description="Each view's position in the log and its lag.")
    async def projections(self, info: Info) -> list[Projection]:
        context = info.context
        found = await context.query(context.services.reader.projections, context.principal)
        return [Projection.of(status) for status in found]

    @strawberry.field(description="Every API token (admins only); never their secrets.")
    async def tokens(self, info: Info) -> list[Token]:
        context = info.context
        records = await context.query(context.services.tokens.all, by=context.principal)
        return [Token.of(record) for record in records]
