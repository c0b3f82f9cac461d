"""The GraphQL endpoint: strawberry's ASGI view, with our callers and limits.

Mounted as a plain ASGI route rather than through FastAPI's router: the router
builds each request's context through FastAPI's dependency injection, which
cost a quarter of the HTTP layer's time on a small mutation and bought nothing
here, since the context needs only the request's headers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import anyio.to_thread
import cross_web
import orjson
from cross_web import AsyncHTTPRequestAdapter
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.schema import BaseSchema
from strawberry.types import ExecutionResult

from application.access import Principal
from interfaces.graphql.context import Context, Services
from interfaces.graphql.errors import UNAVAILABLE
from interfaces.graphql.response_cache import ResponseCache
from interfaces.http.auth import Authenticator
from interfaces.http.graphiql import graphiql_page
from interfaces.http.limits import RateLimits
from interfaces.http.media import (
    CONTENT_TYPES,
    GRAPHQL_RESPONSE,
    JSON,
    is_request_error,
    response_media_type,
)
from interfaces.http.websocket import TextFrames, TokenWatch


class GraphQLEndpoint(GraphQL[Context, None]):
    """Answers with orjson, in the media type the caller's `Accept` asks for; a
    request needs a live token, within its token's rate; a WebSocket may name
    its token in `connection_init` instead of its upgrade request, and gets its
    messages as text frames. An address whose authentications failed too often
    gets 429 before any token it names is looked up. A query asked again is
    answered from `responses` while what it read stands still."""

    websocket_adapter_class = TextFrames

    def __init__(
        self,
        schema: BaseSchema,
        services: Services,
        authenticator: Authenticator,
        limits: RateLimits,
        *,
        development: bool,
        responses: ResponseCache | None = None,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if development else None,
            allow_queries_via_get=False,
        )
        self.services = services
        self.authenticator = authenticator
        self.limits = limits
        self.responses = responses

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._serve_websocket(WebSocket(scope, receive, send))
            return
        try:
            response = await self.run(Request(scope, receive))
        except cross_web.HTTPException as refusal:
            # strawberry's own refusals (an operation it cannot pick, a method it
            # does not serve), in the JSON shape every refusal has.
            allow = {"Allow": "GET, POST"} if refusal.status_code == 405 else None
            raise HTTPException(refusal.status_code, refusal.reason, allow) from None
        await response(scope, receive, send)

    async def _serve_websocket(self, websocket: WebSocket) -> None:
        # The context is made here, not by strawberry, so that its token watch
        # ends with the connection.
        context = await self.get_context(websocket, websocket)
        try:
            await self.run(websocket, context)
        finally:
            if isinstance(context.connection, TokenWatch):
                context.connection.stop()

    async def execute_single(  # noqa: PLR0917
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        responses, caller, query = self.responses, context.caller, request_data.query
        key = None
        if responses is not None and caller is not None and query is not None:
            variables, name = request_data.variables, request_data.operation_name
            key = responses.key(caller, query, variables, name, request_data.extensions)
        if responses is not None and key is not None:
            kept = await responses.recall(key)
            if kept is not None:
                return kept
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if responses is not None and key is not None:
            responses.keep(key, context.reads, result)
        return result

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def render_graphql_ide(self, request: Request) -> Response:
        return graphiql_page()

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        # It carries the media type the caller accepts to `create_response`.
        sub_response = await super().get_sub_response(request)
        sub_response.media_type = response_media_type(request.headers.get("accept")) or JSON
        return sub_response

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        answer = process_result(result)
        if is_request_error(result):
            # Nothing was executed, so there is no data, not even null.
            del answer["data"]
        return answer

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        # Only its media type is read from the sub-response: nothing else can be
        # set on it, since the context does not hand it to resolvers.
        media_type = sub_response.media_type or JSON
        # In application/json every GraphQL answer is a 200; in the newer type a
        # request GraphQL refused before executing it (no data) is a 400.
        refused = media_type == GRAPHQL_RESPONSE and "data" not in response_data
        content = self.encode_json(response_data)
        return Response(content, 400 if refused else 200, media_type=CONTENT_TYPES[media_type])

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        authorization = request.headers.get("authorization")
        address = request.client.host if request.client else ""
        if isinstance(request, WebSocket):
            # It may still name its token in `connection_init` (`on_ws_connect`).
            principal = await self._ws_principal(authorization, address)
            tokens = self.authenticator.tokens
            watch = TokenWatch(
                request, authorization, self._checked, tokens.clock, tokens.cache_for
            )
            return Context(self.services, principal, address, watch)
        if request.method == "GET":
            # A GET only ever serves GraphiQL (queries over GET are off).
            return Context(self.services, None, address)
        principal = await self._principal(authorization, address)
        if principal is None:
            raise HTTPException(401, "a valid token is required", {"WWW-Authenticate": "Bearer"})
        wait = self.limits.requests.allow(principal.token_id)
        if wait is not None:
            raise _too_many("too many requests", wait)
        return Context(self.services, principal, address)

    async def on_ws_connect(self, context: Context) -> dict[str, object] | None:
        watch = context.connection
        assert isinstance(watch, TokenWatch)
        if context.caller is None:
            params: dict[str, Any] = context.connection_params or {}
            header = params.get("Authorization") or params.get("authorization")
            watch.authorization = header if isinstance(header, str) else None
            try:
                principal = await self._principal(watch.authorization, context.client_address)
            except HTTPException as refused:
                raise ConnectionRejectionError({"message": refused.detail}) from None
            if principal is None:
                raise ConnectionRejectionError({"message": "a valid token is required"})
            context.caller = principal
        watch.start(context.caller)
        return None

    async def _ws_principal(self, authorization: str | None, address: str) -> Principal | None:
        """The caller the upgrade request names; None when it names no live
        token, or when its address may not try now: `connection_init` may then
        name one, under the same limit."""
        try:
            return await self._principal(authorization, address)
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
        principal = await self._checked(authorization)
        if principal is None:
            self.limits.failures.charge(address)
        return principal

    async def _checked(
        self, authorization: str | None, since: datetime | None = None
    ) -> Principal | None:
        """The caller a header names, checked at `since` or later; a token
        checked a moment ago needs no trip to the worker threads. A 503 when
        the database cannot be reached to look the token up."""
        remembered = self.authenticator.remembered(authorization, since)
        if remembered is not None:
            return remembered
        try:
            return await anyio.to_thread.run_sync(
                self.authenticator.principal, authorization, since, limiter=self.services.limiter
            )
        except Exception as error:
            if not self.services.unavailable(error):
                raise
            raise HTTPException(503, UNAVAILABLE, {"Retry-After": "1"}) from None


def _too_many(message: str, wait: float) -> HTTPException:
    return HTTPException(
        429, f"{message}; retry in {int(wait) + 1} s", {"Retry-After": str(int(wait) + 1)}
    )
