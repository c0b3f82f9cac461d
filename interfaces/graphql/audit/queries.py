"""The audit trail as a connection, and as a stream per engagement."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from uuid import UUID

import strawberry

from interfaces.graphql.audit.types import AuditEvent, audit_page
from interfaces.graphql.context import Info
from interfaces.graphql.errors import PublicError
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="Events in log order, of one aggregate or of one engagement and its "
        "children. The cursor is the log position: resume after the last one seen."
    )
    async def audit_trail(
        self,
        info: Info,
        aggregate_id: UUID | None = None,
        engagement_id: UUID | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[AuditEvent]:
        where = {"aggregate_id": aggregate_id, "engagement_id": engagement_id}
        where = {column: value for column, value in where.items() if value is not None}
        if len(where) != 1:
            raise PublicError("give aggregateId or engagementId, one of them", "BAD_USER_INPUT")
        return await audit_page(info, where, first, after)

    @strawberry.field(
        description="Waits until every view has taken the log up to `position` (an "
        "event's, from a subscription or the audit trail), for at most the server's view "
        "wait (2 s by default): true when they have, false when the wait ran out. Ask it "
        "before reading again what such an event changed. A client token may name only the "
        "position of an event it can see."
    )
    async def views_reached(self, info: Info, position: int) -> bool:
        if position < 0:
            raise PublicError("`position` is a log position: 0 or more", "BAD_USER_INPUT",
                              field="position")  # fmt: skip
        context = info.context
        return await context.query(
            context.services.reader.views_reached, context.principal, position
        )


@strawberry.type
class AuditSubscriptions:
    @strawberry.subscription(
        description="The engagement's new events (its own and its children's) in log order, "
        "as they are written by any process. With `after`, first every event after that "
        "log position, so a client that reconnects misses nothing."
    )
    async def engagement_events(
        self, info: Info, engagement_id: UUID, after: int | None = None
    ) -> AsyncGenerator[AuditEvent, None]:
        context = info.context
        services = context.services
        follower = services.follower
        seen = follower.generation
        last = after if after is not None else await context.run(services.rapport.head)
        while True:
            entries = await context.query(
                services.reader.events_after, context.principal, engagement_id, last
            )
            for entry in entries:
                # A token revoked since it subscribed ends the stream (and its
                # connection) before anything recorded after the revocation goes out.
                if not await context.still_allowed(entry.recorded_at):
                    return
                last = entry.position
                yield AuditEvent.of(entry)
            seen = await follower.changed_since(seen)
