"""Admin mutations: tokens, view replays and checks."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from application.access import Permission
from interfaces.graphql.admin.types import (
    Token,
    TokenCreated,
    TokenRevoked,
    ViewDifference,
    ViewsReplayed,
    ViewsVerified,
)
from interfaces.graphql.context import Info
from interfaces.graphql.enums import Role
from interfaces.graphql.errors import (
    Forbidden,
    NotFound,
    Refusal,
    ValidationError,
    refusal_result,
)
from interfaces.graphql.permissions import requires
from interfaces.settings import DirectConnectionRequired

CreateTokenResult = Annotated[
    TokenCreated | ValidationError | NotFound | Forbidden,
    strawberry.union("CreateTokenResult", description="The new token, or why none was created."),
]
RevokeTokenResult = Annotated[
    TokenRevoked | ValidationError | NotFound | Forbidden,
    strawberry.union("RevokeTokenResult", description="The revoked token, or why nothing changed."),
]
ReplayViewsResult = Annotated[
    ViewsReplayed | ValidationError | NotFound | Forbidden,
    strawberry.union("ReplayViewsResult", description="The views replayed, or why nothing was."),
]
VerifyViewsResult = Annotated[
    ViewsVerified | ValidationError | NotFound | Forbidden,
    strawberry.union("VerifyViewsResult", description="The views compared, or why they were not."),
]


@strawberry.input(description="What `createToken` takes.")
class CreateTokenInput:
    role: Role = strawberry.field(description="What the token may do.")
    name: str = strawberry.field(
        description="Who uses it (one line); recorded as the actor of its events."
    )
    client_id: UUID | None = strawberry.field(
        default=None, description="The client a CLIENT token acts for; only for such a token."
    )


@strawberry.type
class AdminMutations:
    @strawberry.mutation(
        description="A new API token (admins only); its secret is shown once.",
        metadata=requires(Permission.MANAGE_TOKENS),
    )
    async def create_token(
        self,
        info: Info,
        input: CreateTokenInput,
    ) -> CreateTokenResult:
        context = info.context
        try:
            secret, record = await context.run(
                context.services.tokens.create,
                input.role,
                input.name,
                input.client_id,
                by=context.principal,
            )
        except Exception as error:
            return refusal_result(error)
        return TokenCreated(token=Token.of(record), secret=secret)

    @strawberry.mutation(
        description="Revoke a token (admins only): it stops working at once.",
        metadata=requires(Permission.MANAGE_TOKENS),
    )
    async def revoke_token(
        self,
        info: Info,
        id: UUID,
    ) -> RevokeTokenResult:
        context = info.context
        try:
            record = await context.run(context.services.tokens.revoke, id, by=context.principal)
        except Exception as error:
            return refusal_result(error)
        return TokenRevoked(token=Token.of(record))

    @strawberry.mutation(
        description="Rebuild views from the whole log into new tables, then switch over "
        "(admins only). The live tables keep answering until the switch.",
        metadata=requires(Permission.REPLAY_VIEWS),
    )
    async def replay_views(self, info: Info, views: list[str] | None = None) -> ReplayViewsResult:
        chosen = _views_to_maintain(info, views)
        if not isinstance(chosen, list):
            return chosen
        try:
            events = await info.context.run(info.context.services.runtime.rebuild, chosen)
        except DirectConnectionRequired as error:
            return ValidationError(message=str(error), field=["views"])
        return ViewsReplayed(views=chosen, events=events)

    @strawberry.mutation(
        description="Rebuild views into scratch tables and compare them row by row with "
        "the live ones (admins only); the live tables are not changed.",
        metadata=requires(Permission.REPLAY_VIEWS),
    )
    async def verify_views(self, info: Info, views: list[str] | None = None) -> VerifyViewsResult:
        chosen = _views_to_maintain(info, views)
        if not isinstance(chosen, list):
            return chosen
        found = await info.context.run(info.context.services.runtime.verify, chosen)
        return ViewsVerified(
            views=chosen,
            differences=[ViewDifference(view=d.view, key=d.key, problem=d.problem) for d in found],
        )


def _views_to_maintain(info: Info, views: list[str] | None) -> list[str] | Refusal:
    """The names of the views a replay or verification is asked for (every view
    when none is named), or why the caller may not have it."""
    try:
        info.context.principal.require(Permission.REPLAY_VIEWS)
        return info.context.services.runtime.view_names(views or ())
    except ValueError as error:  # an unknown view's name
        return ValidationError(message=str(error), field=["views"])
    except Exception as error:
        return refusal_result(error)
