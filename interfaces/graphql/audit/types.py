"""An event of the audit trail, and reading pages of it."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from application.views.audit import AuditEntry
from interfaces.graphql.context import Info
from interfaces.graphql.pagination import Connection, rows_page


@strawberry.type(description="One event of the log, with where it sits and who caused it.")
class AuditEvent:
    position: int = strawberry.field(description="Log position; resume a stream after it.")
    recorded_at: datetime
    occurred_at: datetime
    aggregate_type: str
    aggregate_id: UUID
    version: int
    event_type: str
    actor: str
    correlation_id: str | None
    engagement_id: UUID
    data: JSON
    internal: bool = strawberry.field(
        description="An internal note of the service team: never shown to a client token."
    )

    @staticmethod
    def of(entry: AuditEntry) -> AuditEvent:
        return AuditEvent(
            position=entry.position,
            recorded_at=entry.recorded_at,
            occurred_at=entry.occurred_at,
            aggregate_type=entry.aggregate_type,
            aggregate_id=entry.aggregate_id,
            version=entry.version,
            event_type=entry.event_type,
            actor=entry.actor,
            correlation_id=entry.correlation_id,
            engagement_id=entry.engagement_id,
            data=entry.data,  # type: ignore[arg-type]
            internal=entry.internal,
        )


async def audit_page(
    info: Info, where: dict[str, Any], first: int, after: str | None
) -> Connection[AuditEvent]:
    """A page of the trail in log order; the cursor is the log position."""
    return await rows_page(info, "audit", where, first=first, after=after, node=AuditEvent.of)
