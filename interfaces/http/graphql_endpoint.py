"""The GraphQL endpoint: strawberry's ASGI view, with our callers and limits.

Mounted as a plain ASGI route rather than through FastAPI's router: the router
builds each request's context through FastAPI's dependency injection, which
cost a quarter of the HTTP layer's time on a small mutation and bought nothing
here, since the context needs only the request's headers.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
import orjson
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.schema import BaseSchema

from application.access import Principal
from interfaces.graphql.context import Context, Services
from interfaces.http.auth import Authenticator
from interfaces.http.graphiql import graphiql_page
from interfaces.http.limits import RateLimits


class GraphQLEndpoint(GraphQL[Context, None]):
    """Answers with orjson; a request needs a live token, within its token's
    rate; a WebSocket may name its token in `connection_init` instead of its
    upgrade request. An address whose authentications failed too often gets
    429 before any token it names is looked up."""

    def __init__(
        self,
        schema: BaseSchema,
        services: Services,
        authenticator: Authenticator,
        limits: RateLimits,
        *,
        development: bool,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if development else None,
            allow_queries_via_get=False,
        )
        self.services = services
        self.authenticator = authenticator
        self.limits = limits

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def render_graphql_ide(self, request: Request) -> Response:
        return graphiql_page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        address = request.client.host if request.client else ""
        if isinstance(request, WebSocket):
            # A WebSocket may still name its token in `connection_init`.
            principal = await self._ws_principal(request, address)
            return Context(self.services, principal, address, over_websocket=True)
        if request.method == "GET":
            # A GET only ever serves GraphiQL (queries over GET are off).
            return Context(self.services, None, address)
        principal = await self._principal(request.headers.get("authorization"), address)
        if principal is None:
            raise HTTPException(401, "a valid token is required", {"WWW-Authenticate": "Bearer"})
        wait = self.limits.requests.allow(principal.token_id)
        if wait is not None:
            raise _too_many("too many requests", wait)
        return Context(self.services, principal, address)

    async def on_ws_connect(self, context: Context) -> dict[str, object] | None:
        if context.caller is None:
            params: dict[str, Any] = context.connection_params or {}
            header = params.get("Authorization") or params.get("authorization")
            try:
                principal = await self._principal(
                    header if isinstance(header, str) else None, context.client_address
                )
            except HTTPException as refused:
                raise ConnectionRejectionError({"message": refused.detail}) from None
            if principal is None:
                raise ConnectionRejectionError({"message": "a valid token is required"})
            context.caller = principal
        return None

    async def _ws_principal(self, websocket: WebSocket, address: str) -> Principal | None:
        """The caller the upgrade request names; None when it names no live
        token, or when its address may not try now: `connection_init` may then
        name one, under the same limit."""
        try:
            return await self._principal(websocket.headers.get("authorization"), address)
        except HTTPException:
            return None

    async def _principal(self, authorization: str | None, address: str) -> Principal | None:
        """The caller a header names; None when it names no live token, which
        counts against the address. An HTTPException 429 instead of a lookup
        once the address failed too often."""
        # A token checked a moment ago costs no lookup, so it goes through.
        remembered = self.authenticator.remembered(authorization)
        if remembered is not None or not (authorization or "").strip():
            return remembered
        wait = self.limits.failures.wait(address)
        if wait is not None:
            raise _too_many("too many failed authentications from this address", wait)
        principal = await anyio.to_thread.run_sync(
            self.authenticator.principal, authorization, limiter=self.services.limiter
        )
        if principal is None:
            self.limits.failures.charge(address)
        return principal


def _too_many(message: str, wait: float) -> HTTPException:
    return HTTPException(
        429, f"{message}; retry in {int(wait) + 1} s", {"Retry-After": str(int(wait) + 1)}
    )
