"""`engagementEvents` over a real WebSocket to a real uvicorn server, with the
events written by a second process: what a dashboard sees when agents work.

Each test starts the API on a free port in a thread (real clock, in-process
projectors), speaks graphql-transport-ws (or the legacy graphql-ws) with the
`websockets` client, and writes through `tests/e2e/writer.py` in a subprocess,
so the only way the server can learn of those events is the log itself
(LISTEN/NOTIFY on PostgreSQL, polling on SQLite)."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterator
from contextlib import asynccontextmanager
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

OTHER_CLIENT_ID = UUID("0b7e2d4c-9a51-4f0e-8c3d-5e6f7a8b9c0d")
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


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    # Small pools: the tests' PostgreSQL is shared, and its connections are few.
    settings = make_settings(database_url, rate_limit_per_minute=0, pool_size=4)
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
        yield Server(f"http://127.0.0.1:{port}", app.state.services)
    finally:
        uvicorn_server.should_exit = True
        thread.join(STEP)


def run(scenario: Coroutine[Any, Any, T], timeout: float = 45) -> T:
    """Run an async scenario; a stuck one fails instead of hanging the suite."""
    return asyncio.run(asyncio.wait_for(scenario, timeout))


@pytest.fixture
def writer(database_url: str) -> Iterator[Writer]:
    process = Writer(database_url)
    try:
        yield process
    finally:
        process.close()


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
            message: dict[str, Any] = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
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


def test_events_written_by_another_process_reach_the_subscriber_once_each_in_log_order(
    writer: Writer, server: Server
) -> None:
    engagement_id = server.open_engagement()
    before = server.trail(engagement_id)

    async def scenario() -> tuple[list[int], list[dict[str, Any]]]:
        token = server.token("viewer")
        async with subscribe(server, token, engagement_id, after=before[-1]) as stream:
            written = await write(writer, engagement_id, 4)
            events = await stream.take(4)
            await stream.assert_quiet()
        return written, events

    written, events = run(scenario())
    received = positions(events)
    assert received == written
    assert received == sorted(set(received))
    assert received == server.trail(engagement_id)[len(before) :]
    assert {(e["eventType"], e["actor"], e["engagementId"]) for e in events} == {
        ("Complaint.Received", "writer", engagement_id)
    }


def test_a_client_that_reconnects_with_after_gets_exactly_the_events_it_missed_then_new_ones(
    writer: Writer, server: Server
) -> None:
    engagement_id = server.open_engagement()
    before = server.trail(engagement_id)
    token = server.token("viewer")

    async def scenario() -> tuple[list[int], list[int]]:
        async with subscribe(server, token, engagement_id, after=before[-1]) as stream:
            written = await write(writer, engagement_id, 2)
            seen = positions(await stream.take(2))
        written += await write(writer, engagement_id, 3)  # while nobody listens
        async with subscribe(server, token, engagement_id, after=seen[-1]) as stream:
            seen += positions(await stream.take(3))
            written += await write(writer, engagement_id, 2)
            seen += positions(await stream.take(2))
            await stream.assert_quiet()
        return written, seen

    written, seen = run(scenario())
    assert seen == written
    assert seen == server.trail(engagement_id)[len(before) :]


def test_without_after_the_stream_starts_at_the_head_and_replays_nothing_older(
    writer: Writer, server: Server
) -> None:
    engagement_id = server.open_engagement()  # its Opened event is in the log already

    async def scenario() -> tuple[list[int], list[dict[str, Any]]]:
        async with subscribe(server, server.token("viewer"), engagement_id) as stream:
            # No message tells a client that the server has read the head; give it time,
            # or the first event written might land before the stream's starting point.
            await asyncio.sleep(0.5)
            written = await write(writer, engagement_id, 2)
            events = await stream.take(2)
            await stream.assert_quiet()
        return written, events

    written, events = run(scenario())
    assert positions(events) == written


def test_the_legacy_graphql_ws_protocol_delivers_events_too(writer: Writer, server: Server) -> None:
    engagement_id = server.open_engagement()

    async def scenario() -> tuple[list[int], list[dict[str, Any]]]:
        token = server.token("viewer")
        head = server.head()
        async with subscribe(server, token, engagement_id, head, protocol=LEGACY_WS) as stream:
            written = await write(writer, engagement_id, 2)
            events = await stream.take(2)
            await stream.assert_quiet()
        return written, events

    written, events = run(scenario())
    assert positions(events) == written


def test_two_subscribers_of_one_engagement_each_get_every_event(
    writer: Writer, server: Server
) -> None:
    engagement_id = server.open_engagement()
    token = server.token("agent")
    head = server.head()

    async def scenario() -> tuple[list[int], list[int], list[int]]:
        # One authenticates on the upgrade request, the other in connection_init.
        async with (
            subscribe(server, token, engagement_id, head, token_in_header=True) as first,
            subscribe(server, token, engagement_id, head) as second,
        ):
            written = await write(writer, engagement_id, 3)
            got_first, got_second = await asyncio.gather(first.take(3), second.take(3))
            await asyncio.gather(first.assert_quiet(), second.assert_quiet())
        return written, positions(got_first), positions(got_second)

    written, got_first, got_second = run(scenario())
    assert got_first == got_second == written


def test_a_client_token_streams_its_own_engagement_and_not_another_clients(
    writer: Writer, server: Server
) -> None:
    mine = server.open_engagement(CLIENT_ID)
    theirs = server.open_engagement(OTHER_CLIENT_ID)
    token = server.token("client", CLIENT_ID)
    head = server.head()

    async def scenario() -> tuple[list[int], list[dict[str, Any]], list[dict[str, Any]]]:
        async with (
            subscribe(server, token, mine, head) as own,
            subscribe(server, token, theirs, head) as other,
        ):
            refused = [await other.message(), await other.message()]
            await write(writer, theirs, 2)
            written = await write(writer, mine, 2)
            events = await own.take(2)
            await asyncio.gather(own.assert_quiet(), other.assert_quiet())
        return written, events, refused

    written, events, refused = run(scenario())
    assert positions(events) == written
    # Another client's engagement looks like one that does not exist.
    not_found = {"message": f"no engagement with id {theirs}", "extensions": {"code": "NOT_FOUND"}}
    assert refused == [
        {"id": "1", "type": "next", "payload": {"data": None, "errors": [not_found]}},
        {"id": "1", "type": "complete"},
    ]


def test_a_websocket_without_a_valid_token_is_rejected(server: Server) -> None:
    async def close_code(init: dict[str, str]) -> int:
        async with connect(server.ws_url, subprotocols=[Subprotocol(TRANSPORT_WS.name)]) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": init}))
            with pytest.raises(ConnectionClosed) as closed:
                message = await asyncio.wait_for(ws.recv(), STEP)
                pytest.fail(f"unexpected message {message!r}")
        assert closed.value.rcvd is not None
        return closed.value.rcvd.code

    async def scenario() -> list[int]:
        unknown = {"Authorization": "Bearer rpt_not-a-token"}
        return [await close_code({}), await close_code(unknown)]

    assert run(scenario()) == [4403, 4403]
