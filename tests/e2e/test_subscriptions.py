"""`engagementEvents` over a real WebSocket to a real uvicorn server, with the
events written by a second process: what a dashboard sees when agents work.

Each test starts the API on a free port in a thread (real clock, in-process
projectors), speaks graphql-transport-ws (or the legacy graphql-ws) with the
`websockets` client, and writes through `tests/e2e/writer.py` in a subprocess,
so the only way the server can learn of those events is the log itself
(LISTEN/NOTIFY on PostgreSQL, polling on SQLite). The server and the WebSocket
client are in `live_server.py`; the client refuses binary frames, which the
reference JavaScript client cannot read, and one test drives that client itself."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID
from tests.e2e.live_server import (
    LEGACY_WS,
    STEP,
    TRANSPORT_WS,
    Server,
    positions,
    run,
    subscribe,
    write,
)
from tests.e2e.node import NodeScript
from tests.e2e.writer import Writer


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


def test_the_npm_graphql_ws_client_receives_the_events_in_log_order_then_completes_cleanly(
    writer: Writer, server: Server
) -> None:
    engagement_id = server.open_engagement()
    token, head = server.token("viewer"), str(server.head())
    with NodeScript("subscribe.mjs", server.ws_url, token, engagement_id, head, "5") as client:
        assert client.line() == {"connected": True}
        written = writer.write(engagement_id, 3)
        events = [client.line()["event"] for _ in range(3)]
        written += writer.write(engagement_id, 2)
        events += [client.line()["event"] for _ in range(2)]
        # It completed the subscription, then closed the connection normally.
        assert client.line() == {"closed": 1000}
        assert client.finish() == "exit 0: "

    assert positions(events) == written
    assert {(e["eventType"], e["actor"], e["engagementId"]) for e in events} == {
        ("Complaint.Received", "writer", engagement_id)
    }


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
