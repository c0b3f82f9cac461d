"""Operating the service: projection positions and API tokens."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from application.ports import TokenRecord
from application.queries import ProjectionStatus


@strawberry.type(description="A view's position in the log and how far it trails.")
class Projection:
    name: str
    position: int
    head: int
    lag: int

    @staticmethod
    def of(status: ProjectionStatus) -> Projection:
        return Projection(
            name=status.view, position=status.position, head=status.head, lag=status.lag
        )


@strawberry.type(description="An API token; its secret is shown only when it is created.")
class Token:
    id: UUID
    name: str
    role: str
    client_id: UUID | None
    created_at: datetime
    revoked_at: datetime | None

    @staticmethod
    def of(record: TokenRecord) -> Token:
        return Token(
            id=record.token_id,
            name=record.name,
            role=record.role,
            client_id=record.client_id,
            created_at=record.created_at,
            revoked_at=record.revoked_at,
        )


@strawberry.type
class TokenCreated:
    token: Token
    secret: str = strawberry.field(description="Send as `Authorization: Bearer <secret>`.")


@strawberry.type
class TokenRevoked:
    token: Token


@strawberry.type
class ViewsReplayed:
    views: list[str]
    events: int
