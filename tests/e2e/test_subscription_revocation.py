"""A revoked token stops streaming: its connection is closed with 4403 within the
token cache time (`RAPPORT_TOKEN_CACHE_SECONDS`) of the revocation, wherever the
token was revoked, and nothing recorded after the revocation reaches it.

Each test subscribes over a real WebSocket to a live server (`live_server.py`),
sees events written by another process arrive, revokes the token, and waits for
the close."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from application.tokens import Tokens
from tests.e2e.live_server import (
    LEGACY_WS,
    TRANSPORT_WS,
    Protocol,
    Server,
    Stream,
    positions,
    run,
    serve,
    subscribe,
    write,
)
from tests.e2e.writer import Writer

FORBIDDEN = 4403
# Time for the close to travel and for a loaded machine's scheduling, beyond
# the cache time the server promises.
MARGIN = 0.75

Revoke = Callable[[Server, UUID], None]


def by_the_command_line(server: Server, token_id: UUID) -> None:
    """`rapport token revoke` in a process of its own."""
    environment = os.environ | {"RAPPORT_DATABASE_URL": server.database_url}
    rapport = Path(sys.executable).with_name("rapport")
    done = subprocess.run(
        [rapport, "token", "revoke", str(token_id)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


REVOKE_TOKEN = """mutation($id: UUID!) { revokeToken(id: $id) { __typename } }"""


def by_revoke_token_here(server: Server, token_id: UUID) -> None:
    """`revokeToken` sent to the server the subscription is on."""
    revoked = server.data(REVOKE_TOKEN, {"id": str(token_id)}, server.token())
    assert revoked["revokeToken"]["__typename"] == "TokenRevoked", revoked


def by_revoke_token_on_another_server(server: Server, token_id: UUID) -> None:
    """`revokeToken` sent to a second API process on the same database."""
    with serve(server.database_url) as other:
        by_revoke_token_here(other, token_id)


def revoke_and_wait_for_the_close(
    server: Server,
    writer: Writer,
    protocol: Protocol,
    revoke: Revoke,
    *,
    write_after: int = 0,
) -> tuple[int, float]:
    """Subscribe, see two events arrive, revoke the token, write `write_after`
    events, and wait for the close: its code, and the seconds from the moment
    the token was revoked (as recorded) to the close."""
    engagement_id = server.open_engagement()
    secret, record = server.services.tokens.create("viewer", "dashboard")

    async def closed(stream: Stream) -> tuple[int, datetime]:
        code = await stream.close_code()
        return code, datetime.now(UTC)

    async def scenario() -> tuple[int, datetime]:
        async with subscribe(
            server, secret, engagement_id, server.head(), protocol=protocol
        ) as stream:
            written = await write(writer, engagement_id, 2)
            assert positions(await stream.take(2)) == written
            # Waiting already: the close may come before `revoke` returns.
            close = asyncio.create_task(closed(stream))
            await asyncio.to_thread(revoke, server, record.token_id)
            if write_after:
                await write(writer, engagement_id, write_after)
            return await close

    code, closed_at = run(scenario())
    revoked_at = next(
        t.revoked_at for t in server.services.tokens.all() if t.token_id == record.token_id
    )
    assert revoked_at is not None
    return code, (closed_at - revoked_at).total_seconds()


def cache_time(server: Server) -> float:
    return server.services.tokens.cache_for.total_seconds()


@pytest.mark.parametrize(
    ("revoke", "protocol"),
    [
        (by_the_command_line, TRANSPORT_WS),
        (by_the_command_line, LEGACY_WS),
        (by_revoke_token_here, TRANSPORT_WS),
        (by_revoke_token_on_another_server, TRANSPORT_WS),
    ],
    ids=["command line", "command line, legacy protocol", "this server", "another server"],
)
def test_a_waiting_subscription_is_closed_with_4403_within_the_cache_time_of_a_revocation(
    server: Server, writer: Writer, revoke: Revoke, protocol: Protocol
) -> None:
    code, elapsed = revoke_and_wait_for_the_close(server, writer, protocol, revoke)

    assert code == FORBIDDEN
    assert elapsed <= cache_time(server) + MARGIN


def elsewhere(server: Server, token_id: UUID) -> None:
    """Revoked through tokens of its own, as another process would: the server's
    memory of the token is not touched, and this returns the moment it is done."""
    store = server.services.tokens.store
    Tokens(store, server.services.tokens.clock, uuid4).revoke(token_id)


@pytest.fixture
def trusting_server(database_url: str) -> Iterator[Server]:
    """A server that trusts a checked token for a while: its watch would not
    notice a revocation before the events written right after it arrive."""
    with serve(database_url, token_cache_seconds=5.0) as served:
        yield served


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS], ids=lambda p: p.name)
def test_no_event_recorded_after_a_revocation_elsewhere_reaches_the_subscriber(
    trusting_server: Server, writer: Writer, protocol: Protocol
) -> None:
    # The server checked the token before these events were recorded, so it
    # checks again before sending them, whatever it still trusts.
    code, elapsed = revoke_and_wait_for_the_close(
        trusting_server, writer, protocol, elsewhere, write_after=3
    )

    assert code == FORBIDDEN  # `close_code` fails on any event before the close
    assert elapsed <= cache_time(trusting_server) + MARGIN
