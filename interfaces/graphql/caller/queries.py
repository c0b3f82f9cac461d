"""`me`: who the calling token is and what it may do."""

from __future__ import annotations

import strawberry

from application.access import Permission
from interfaces.graphql.caller.types import Caller
from interfaces.graphql.context import Info
from interfaces.graphql.errors import PublicError
from interfaces.graphql.permissions import runnable_mutations


@strawberry.type
class CallerQueries:
    @strawberry.field(
        description="Who you are, as your token says: its id, name, role and client, the "
        "mutations your role may run and whether you may see the service's operations. "
        "Any token may ask."
    )
    def me(self, info: Info) -> Caller:
        principal = info.context.principal
        info.context.reads.not_reusable()  # the answer is the caller's own
        if principal.token_id is None:
            # Only the built-in system principal has no token, and it never asks over the API.
            raise PublicError("the caller has no token", "UNAUTHENTICATED")
        return Caller(
            token_id=principal.token_id,
            name=principal.name,
            role=principal.role,
            client_id=principal.client_id,
            mutations=runnable_mutations(info.schema, principal),
            sees_operations=principal.can(Permission.SEE_OPERATIONS),
        )
