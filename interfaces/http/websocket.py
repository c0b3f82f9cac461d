"""The GraphQL WebSocket's side of the wire: how messages are framed."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected


class TextFrames(ASGIWebSocketAdapter):
    """Sends every message as a text frame, on both protocols.

    strawberry sends a binary frame whenever the view encodes JSON to bytes, as
    ours does (orjson) for HTTP; the protocols carry JSON text, and the npm
    `graphql-ws` client and browsers cannot read a binary message."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(self.view.encode_json_string(message))
        except WebSocketDisconnect as gone:
            raise WebSocketDisconnected from gone
