"""Webhook mutations (admins only)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from application.access import Permission
from interfaces.graphql.context import Info
from interfaces.graphql.errors import Forbidden, NotFound, ValidationError, refusal_result
from interfaces.graphql.permissions import requires
from interfaces.graphql.webhooks.types import Webhook, WebhookChanged, WebhookRegistered

# What every webhook mutation needs: the permission the webhook service checks.
_ADMIN = requires(Permission.MANAGE_WEBHOOKS)
RegisterWebhookResult = Annotated[
    WebhookRegistered | ValidationError | NotFound | Forbidden,
    strawberry.union(
        "RegisterWebhookResult", description="The endpoint registered, or why it was not."
    ),
]
WebhookChangedResult = Annotated[
    WebhookChanged | ValidationError | NotFound | Forbidden,
    strawberry.union(
        "WebhookChangedResult", description="The endpoint changed, or why nothing changed."
    ),
]


@strawberry.input(description="What `registerWebhook` takes.")
class RegisterWebhookInput:
    url: str = strawberry.field(description="An http:// or https:// URL to POST events to.")
    event_types: list[str] = strawberry.field(
        default_factory=lambda: ["*"],
        description='Event types or patterns, e.g. ["Complaint.*", "Engagement.Closed"].',
    )
    client_id: UUID | None = strawberry.field(
        default=None, description="Only this client's events."
    )


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(
        description="Register an endpoint (admins only): it receives the events recorded "
        "from now on; its signing secret is shown once.",
        metadata=_ADMIN,
    )
    async def register_webhook(
        self, info: Info, input: RegisterWebhookInput
    ) -> RegisterWebhookResult:
        context = info.context
        try:
            endpoint, secret = await context.run(
                context.services.webhooks.register,
                input.url,
                tuple(input.event_types),
                input.client_id,
                by=context.principal,
            )
        except Exception as error:
            return refusal_result(error)
        return WebhookRegistered(webhook=Webhook.of(endpoint), secret=secret)

    @strawberry.mutation(
        description="Stop delivering to an endpoint until it is enabled.", metadata=_ADMIN
    )
    async def disable_webhook(self, info: Info, id: UUID) -> WebhookChangedResult:
        return await _change(info, "disable", id)

    @strawberry.mutation(
        description="Deliver to an endpoint again, from where it stopped: nothing is lost.",
        metadata=_ADMIN,
    )
    async def enable_webhook(self, info: Info, id: UUID) -> WebhookChangedResult:
        return await _change(info, "enable", id)

    @strawberry.mutation(description="Forget an endpoint and its delivery log.", metadata=_ADMIN)
    async def remove_webhook(self, info: Info, id: UUID) -> WebhookChangedResult:
        return await _change(info, "remove", id)


async def _change(info: Info, action: str, endpoint_id: UUID) -> WebhookChangedResult:
    context = info.context
    try:
        endpoint = await context.run(
            getattr(context.services.webhooks, action), endpoint_id, by=context.principal
        )
    except Exception as error:
        return refusal_result(error)
    return WebhookChanged(webhook=Webhook.of(endpoint))
