"""Webhook queries (admins only)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.context import Info
from interfaces.graphql.webhooks.types import Webhook


@strawberry.type
class WebhookQueries:
    @strawberry.field(description="Every webhook endpoint (admins only); never their secrets.")
    async def webhooks(self, info: Info) -> list[Webhook]:
        context = info.context
        found = await context.query(context.services.webhooks.all, by=context.principal)
        return [Webhook.of(endpoint) for endpoint in found]

    @strawberry.field(description="A webhook endpoint by id (admins only).")
    async def webhook(self, info: Info, id: UUID) -> Webhook:
        context = info.context
        found = await context.query(context.services.webhooks.get, id, by=context.principal)
        return Webhook.of(found)
