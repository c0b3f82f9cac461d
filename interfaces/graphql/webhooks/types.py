"""Webhook endpoints and their delivery log as the API shows them (admins only)."""

from __future__ import annotations

import re
from datetime import datetime
from uuid import UUID

import strawberry

from application.webhooks import DeliveryAttempt, WebhookEndpoint
from interfaces.graphql.context import Info
from interfaces.graphql.errors import PublicError
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, Edge, PageInfo


@strawberry.type(description="One try at delivering one event to an endpoint.")
class WebhookDelivery:
    position: int = strawberry.field(description="The event's log position.")
    event_id: UUID
    attempt: int = strawberry.field(description="1 for the first try of an event.")
    attempted_at: datetime
    status: int | None = strawberry.field(description="The HTTP status; null: no answer came.")
    error: str | None
    latency_ms: float

    @staticmethod
    def of(attempt: DeliveryAttempt) -> WebhookDelivery:
        return WebhookDelivery(
            position=attempt.position,
            event_id=attempt.event_id,
            attempt=attempt.attempt,
            attempted_at=attempt.attempted_at,
            status=attempt.status,
            error=attempt.error or None,
            latency_ms=round(attempt.latency_ms, 3),
        )


@strawberry.type(
    description="An endpoint that receives the log's events it wants, in order, signed; "
    "its secret is shown only when it is registered."
)
class Webhook:
    id: UUID
    url: str
    event_types: list[str] = strawberry.field(
        description='Event types ("Complaint.Escalated") or patterns ("Complaint.*", "*").'
    )
    client_id: UUID | None = strawberry.field(
        description="Only this client's events; null: every event."
    )
    created_at: datetime
    created_by: str
    position: int = strawberry.field(description="The log position delivered up to.")
    failing_since: datetime | None = strawberry.field(
        description="When the current run of failed deliveries began; null: none."
    )
    disabled_at: datetime | None
    disabled_reason: str | None

    @strawberry.field(description="Delivery attempts, the latest first.")
    async def deliveries(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[WebhookDelivery]:
        context = info.context
        context.services.reader.check_page_size(first)
        attempts = await context.query(
            context.services.webhooks.attempts,
            self.id,
            first + 1,
            _cursor(after),
            by=context.principal,
        )
        edges = [
            Edge(cursor=f"{a.position}:{a.attempt}", node=WebhookDelivery.of(a)) for a in attempts
        ]
        shown = edges[:first]
        return Connection(
            edges=shown,
            page_info=PageInfo(
                has_next_page=len(edges) > first,
                end_cursor=shown[-1].cursor if shown else None,
            ),
        )

    @staticmethod
    def of(endpoint: WebhookEndpoint) -> Webhook:
        return Webhook(
            id=endpoint.endpoint_id,
            url=endpoint.url,
            event_types=list(endpoint.event_types),
            client_id=endpoint.client_id,
            created_at=endpoint.created_at,
            created_by=endpoint.created_by,
            position=endpoint.position,
            failing_since=endpoint.failing_since,
            disabled_at=endpoint.disabled_at,
            disabled_reason=endpoint.disabled_reason or None,
        )


@strawberry.type(
    description="A registered endpoint, with its signing secret: shown this once only."
)
class WebhookRegistered:
    webhook: Webhook
    secret: str = strawberry.field(
        description="Signs every request (the Rapport-Signature header); shown only now."
    )


@strawberry.type(description="An endpoint after the change.")
class WebhookChanged:
    webhook: Webhook


def _cursor(after: str | None) -> tuple[int, int] | None:
    """A delivery's cursor, `position:attempt`."""
    if after is None:
        return None
    found = _DELIVERY_CURSOR.fullmatch(after)
    if found is None:
        raise PublicError(
            "after is a delivery's cursor: position:attempt", "BAD_USER_INPUT", field="after"
        )
    return int(found[1]), int(found[2])


# A 64-bit log position and an attempt, in ASCII digits.
_DELIVERY_CURSOR = re.compile(r"([0-9]{1,18}):([0-9]{1,9})")
