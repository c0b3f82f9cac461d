"""The caller as its token makes it."""

from __future__ import annotations

from uuid import UUID

import strawberry

from interfaces.graphql.enums import Role


@strawberry.type(
    description="Who the request's token makes you: which token, its name and role, and "
    "what that role may do."
)
class Caller:
    token_id: UUID = strawberry.field(description="The id of the token the request used.")
    name: str = strawberry.field(description="The token's name, recorded as your events' actor.")
    role: Role = strawberry.field(description="The token's role.")
    client_id: UUID | None = strawberry.field(
        description="The client a CLIENT token acts for; null for the service team's tokens."
    )
    mutations: list[str] = strawberry.field(
        description="The mutations your role may run, by name. A client's are still refused "
        "for an engagement that is not its own; any mutation may still be refused by a rule."
    )
    sees_operations: bool = strawberry.field(
        description="Whether you may see the service's own activity: `projections` (the "
        "log's head, each view's position and lag)."
    )
