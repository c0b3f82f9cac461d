"""Operating the service: projection positions and API tokens."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from application.ports import TokenRecord
from application.queries import ProjectionStatus
from interfaces.graphql.enums import Role


@strawberry.type(description="Why a view stopped: the event it cannot take.")
class ProjectionFailure:
    position: int = strawberry.field(
        description="The log position of the event; the view stays just before it."
    )
    event_type: str
    error: str = strawberry.field(description="What the view's database or fold answered.")
    failed_at: datetime = strawberry.field(description="When the latest attempt failed.")
    attempts: int = strawberry.field(
        description="Attempts so far; each waits twice as long as the one before."
    )


@strawberry.type(description="A view's position in the log and how far it trails.")
class Projection:
    name: str
    position: int
    head: int
    lag: int
    failure: ProjectionFailure | None = strawberry.field(
        description="Set while the view cannot take an event: it is not projecting."
    )

    @staticmethod
    def of(status: ProjectionStatus) -> Projection:
        failure = status.failure
        return Projection(
            name=status.view,
            position=status.position,
            head=status.head,
            lag=status.lag,
            failure=ProjectionFailure(
                position=failure.position,
                event_type=failure.event_type,
                error=failure.error,
                failed_at=failure.failed_at,
                attempts=failure.attempts,
            )
            if failure
            else None,
        )


@strawberry.type(description="An API token; its secret is shown only when it is created.")
class Token:
    id: UUID
    name: str
    role: Role
    client_id: UUID | None
    created_at: datetime
    revoked_at: datetime | None

    @staticmethod
    def of(record: TokenRecord) -> Token:
        return Token(
            id=record.token_id,
            name=record.name,
            role=Role(record.role),
            client_id=record.client_id,
            created_at=record.created_at,
            revoked_at=record.revoked_at,
        )


@strawberry.type(description="A new API token, with its secret: shown this once only.")
class TokenCreated:
    token: Token
    secret: str = strawberry.field(description="Send as `Authorization: Bearer <secret>`.")


@strawberry.type(description="A token revoked: refused from the next request on.")
class TokenRevoked:
    token: Token


@strawberry.type(description="Views rebuilt from the whole log, and how many events that read.")
class ViewsReplayed:
    views: list[str]
    events: int


@strawberry.type(description="Where a live view differs from a rebuild of it from the log.")
class ViewDifference:
    view: str
    key: str = strawberry.field(
        description="The row's key; empty when the difference is in no single row."
    )
    problem: str = strawberry.field(
        description="`missing from live`, `not in rebuild`, `differs`, or why the view fails."
    )


@strawberry.type(description="Views rebuilt into scratch tables and compared with the live ones.")
class ViewsVerified:
    views: list[str]
    differences: list[ViewDifference] = strawberry.field(
        description="Empty when every view equals a rebuild from the log."
    )
