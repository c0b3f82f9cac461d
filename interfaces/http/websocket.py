"""The GraphQL WebSocket's side of the wire: how messages are framed, and how a
connection whose token is revoked is closed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected

from application.access import Principal
from application.ports import Clock

log = logging.getLogger("rapport")

# The close code both protocols use for a caller that may not go on.
FORBIDDEN = 4403
# A connection checks its token at least this far apart, however short the cache time.
LEAST_CHECK_INTERVAL = 0.25

Authenticate = Callable[[str | None, datetime | None], Awaitable[Principal | None]]


class TextFrames(ASGIWebSocketAdapter):
    """Sends every message as a text frame, on both protocols.

    strawberry sends a binary frame whenever the view encodes JSON to bytes, as
    ours does (orjson) for HTTP; the protocols carry JSON text, and the npm
    `graphql-ws` client and browsers cannot read a binary message. A message
    for a connection the server has closed (a revoked token) is dropped."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        if self.ws.application_state is WebSocketState.DISCONNECTED:
            return
        try:
            await self.ws.send_text(self.view.encode_json_string(message))
        except WebSocketDisconnect as gone:
            raise WebSocketDisconnected from gone


class TokenWatch:
    """A WebSocket's hold on the token it authenticated with.

    A stream asks `still_allowed` before each event; meanwhile the watch checks
    the token every half cache time, so a connection waiting for events learns
    of a revocation too. Either way, a token that no longer checks out closes
    the connection with 4403 within the cache time (`RAPPORT_TOKEN_CACHE_SECONDS`)
    of its revocation, wherever it was revoked."""

    def __init__(
        self,
        websocket: WebSocket,
        authorization: str | None,
        authenticate: Authenticate,
        clock: Clock,
        cache: timedelta,
    ) -> None:
        self.websocket = websocket
        # The upgrade request's header, until `connection_init` names the token.
        self.authorization = authorization
        self.authenticate = authenticate
        self.clock = clock
        # Each check trusts only a look-up younger than the interval: a revocation
        # shows after at most two intervals, the cache time.
        self.interval = max(cache.total_seconds() / 2, LEAST_CHECK_INTERVAL)
        self.principal: Principal | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self, principal: Principal) -> None:
        """Watch the token in `authorization`, which authenticated as `principal`."""
        self.stop()  # the legacy protocol lets a client initialise again
        self.principal = principal
        self._task = asyncio.create_task(self._watch(), name="rapport-token-watch")

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def still_allowed(self, since: datetime) -> bool:
        principal = await self.authenticate(self.authorization, since)
        if principal is not None and principal == self.principal:
            return True
        if self.websocket.application_state is not WebSocketState.DISCONNECTED:
            await self.websocket.close(FORBIDDEN, "the token was revoked")
        return False

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            since = self.clock.now() - timedelta(seconds=self.interval)
            try:
                if not await self.still_allowed(since):
                    return
            except Exception:  # the database may be restarting; check again next time
                log.exception("could not check a WebSocket's token")
