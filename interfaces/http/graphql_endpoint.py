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
from interfaces.http.limits import RateLimiter
from interfaces.http.websocket import TextFrames


class GraphQLEndpoint(GraphQL[Context, None]):
    """Answers with orjson; a request needs a live token, within its caller's
    rate; a WebSocket may name its token in `connection_init` instead of its
    upgrade request, and gets its messages as text frames."""

    websocket_adapter_class = TextFrames

    def __init__(
        self,
        schema: BaseSchema,
        services: Services,
        authenticator: Authenticator,
        rate_limiter: RateLimiter,
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
        self.rate_limiter = rate_limiter

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        principal = await self._principal(request.headers.get("authorization"))
        if isinstance(request, WebSocket) or request.method == "GET":
            # A WebSocket may still name its token in `connection_init`; a GET
            # only ever serves GraphiQL (queries over GET are off).
            return Context(self.services, principal)
        if principal is None:
            raise HTTPException(401, "a valid token is required", {"WWW-Authenticate": "Bearer"})
        wait = self.rate_limiter.allow(principal.name)
        if wait is not None:
            raise HTTPException(429, "too many requests", {"Retry-After": str(int(wait) + 1)})
        return Context(self.services, principal)

    async def on_ws_connect(self, context: Context) -> dict[str, object] | None:
        if context.caller is None:
            params: dict[str, Any] = context.connection_params or {}
            header = params.get("Authorization") or params.get("authorization")
            principal = await self._principal(header if isinstance(header, str) else None)
            if principal is None:
                raise ConnectionRejectionError({"message": "a valid token is required"})
            context.caller = principal
        return None

    async def _principal(self, authorization: str | None) -> Principal | None:
        # A token checked a moment ago needs no trip to the worker threads.
        return self.authenticator.remembered(authorization) or await anyio.to_thread.run_sync(
            self.authenticator.principal, authorization, limiter=self.services.limiter
        )
