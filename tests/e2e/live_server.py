"""The API served by uvicorn on a free port, and a WebSocket client that speaks
graphql-transport-ws (or the legacy graphql-ws) to it: what the subscription
tests in `test_subscriptions.py` drive."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

import httpx
import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from interfaces.graphql.context import Services
from interfaces.http.app import create_app
from tests.conftest import make_settings
from tests.e2e.conftest import CLIENT_ID, engagement_input
from tests.e2e.writer import Writer

T = TypeVar("T")

STEP = 15.0  # seconds one message may take before the test fails instead of hanging
QUIET = 0.6  # seconds of silence that show nothing more is coming (SQLite polls every 0.2 s)
SUBSCRIPTION = """subscription($id: UUID!, $after: Int) {
    engagementEvents(engagementId: $id, after: $after) {
        position eventType actor engagementId aggregateType
    }
}"""


@dataclass(frozen=True)
class Protocol:
    name: str
    start: str  # the client's message that starts an operation
    data: str  # the server's message that carries a result


TRANSPORT_WS = Protocol("graphql-transport-ws", start="subscribe", data="next")
LEGACY_WS = Protocol("graphql-ws", start="start", data="data")


@dataclass
class Server:
    """The API served by uvicorn, and the plain HTTP calls the tests need."""

    base_url: str
    services: Services
    database_url: str

    @property
    def ws_url(self) -> str:
        return self.base_url.replace("http://", "ws://") + "/graphql"

    def token(self, role: str = "admin", client_id: UUID | None = None) -> str:
        secret, _ = self.services.tokens.create(role, f"{role}-{client_id or 'staff'}", client_id)
        return secret

    def data(self, query: str, variables: dict[str, Any], token: str) -> Any:
        response = httpx.post(
            f"{self.base_url}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
            timeout=STEP,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    def open_engagement(self, client_id: UUID = CLIENT_ID) -> str:
        """A new engagement's id; merely opened, which is enough to receive complaints."""
        opened = self.data(
            """mutation($input: OpenEngagementInput!) { openEngagement(input: $input) {
                __typename ... on EngagementPayload { engagementId } } }""",
            {"input": engagement_input(client_id)},
            self.token(),
        )["openEngagement"]
        assert opened["__typename"] == "EngagementPayload", opened
        self.settle()  # a subscription looks the engagement up in the views
        engagement_id: str = opened["engagementId"]
        return engagement_id

    def head(self) -> int:
        """The log's last position: subscribe after it to get exactly what comes next."""
        return self.services.rapport.head()

    def settle(self) -> None:
        """Wait until every view has projected the whole log."""
        runtime = self.services.runtime
        names = [view.name for view in runtime.views]
        assert runtime.store.wait(self.services.rapport.head(), names, STEP), "views lag"

    def trail(self, engagement_id: str) -> list[int]:
        """Log positions of the engagement's audit trail, once the views caught up."""
        self.settle()
        data = self.data(
            """query($id: UUID!) { auditTrail(engagementId: $id, first: 100) {
                nodes { position } pageInfo { hasNextPage } } }""",
            {"id": engagement_id},
            self.token(),
        )["auditTrail"]
        assert not data["pageInfo"]["hasNextPage"]
        return [node["position"] for node in data["nodes"]]


@contextmanager
def serve(database_url: str, **overrides: Any) -> Iterator[Server]:
    """The API on this database, served by uvicorn in a thread until the block ends;
    `overrides` change settings."""
    # Small pools: the tests' PostgreSQL is shared, and its connections are few.
    # A long view wait, as in `running_api`: the tests read what mutations made.
    defaults = {
        "rate_limit_per_minute": 0,
        "pool_size": 4,
        "sla_watch": False,
        "webhooks": False,
        "view_wait_seconds": 10.0,
    }
    settings = make_settings(database_url, **(defaults | overrides))
    app = create_app(settings)  # the real clock: the writer stamps events with it too
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + STEP
    while not uvicorn_server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    port = uvicorn_server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Server(f"http://127.0.0.1:{port}", app.state.services, database_url)
    finally:
        uvicorn_server.should_exit = True
        thread.join(STEP)


def run(scenario: Coroutine[Any, Any, T], timeout: float = 45) -> T:
    """Run an async scenario; a stuck one fails instead of hanging the suite."""
    return asyncio.run(asyncio.wait_for(scenario, timeout))


async def write(writer: Writer, engagement_id: str, count: int) -> list[int]:
    """`writer.write` off the event loop, so the WebSockets keep receiving meanwhile."""
    return await asyncio.to_thread(writer.write, engagement_id, count)


class Stream:
    """One subscription (operation "1") on a WebSocket, in either protocol."""

    def __init__(self, ws: ClientConnection, protocol: Protocol) -> None:
        self.ws = ws
        self.protocol = protocol

    async def message(self, timeout: float = STEP) -> dict[str, Any]:
        """The next message that is not a keep-alive."""
        while True:
            frame = await asyncio.wait_for(self.ws.recv(), timeout)
            # GraphQL-over-WebSocket clients (npm `graphql-ws`, browsers) read text
            # frames only: a binary one reaches them as a message without a type.
            assert isinstance(frame, str), f"a binary frame, which clients cannot read: {frame!r}"
            message: dict[str, Any] = json.loads(frame)
            if message["type"] == "ping":
                await self.ws.send(json.dumps({"type": "pong"}))
            elif message["type"] not in ("pong", "ka"):
                return message

    async def take(self, count: int) -> list[dict[str, Any]]:
        """The next `count` events; anything else fails the test."""
        events = []
        for _ in range(count):
            message = await self.message()
            assert message["type"] == self.protocol.data and message["id"] == "1", message
            assert not message["payload"].get("errors"), message
            events.append(message["payload"]["data"]["engagementEvents"])
        return events

    async def close_code(self, timeout: float = STEP) -> int:
        """The code the server closes the connection with; any message before it fails."""
        try:
            message = await self.message(timeout)
        except ConnectionClosed as closed:
            assert closed.rcvd is not None, "closed without a close frame"
            return closed.rcvd.code
        pytest.fail(f"a message where the server should have closed the connection: {message}")

    async def assert_quiet(self) -> None:
        """Nothing more arrives: no duplicate, no event of another engagement."""
        try:
            message = await self.message(QUIET)
        except TimeoutError:
            return
        pytest.fail(f"unexpected message {message}")


@asynccontextmanager
async def subscribe(
    server: Server,
    token: str | None,
    engagement_id: str,
    after: int | None = None,
    *,
    protocol: Protocol = TRANSPORT_WS,
    token_in_header: bool = False,
) -> AsyncIterator[Stream]:
    """A connection, acknowledged, with `engagementEvents` subscribed as operation "1"."""
    bearer = {"Authorization": f"Bearer {token}"} if token else {}
    async with connect(
        server.ws_url,
        subprotocols=[Subprotocol(protocol.name)],
        additional_headers=bearer if token_in_header else None,
        open_timeout=STEP,
        close_timeout=2,
    ) as ws:
        init = {} if token_in_header else bearer
        await ws.send(json.dumps({"type": "connection_init", "payload": init}))
        stream = Stream(ws, protocol)
        ack = await stream.message()
        assert ack["type"] == "connection_ack", ack
        variables = {"id": engagement_id, "after": after}
        payload = {"query": SUBSCRIPTION, "variables": variables}
        await ws.send(json.dumps({"id": "1", "type": protocol.start, "payload": payload}))
        yield stream


def positions(events: list[dict[str, Any]]) -> list[int]:
    return [event["position"] for event in events]
