"""API processes through PgBouncer in transaction pooling mode, as
docs/operations.md ("Through PgBouncer") runs them: `rapport serve
--no-projectors --no-sla-watch --no-webhooks` with RAPPORT_TRANSACTION_POOLER,
and `rapport project` on a direct connection.

PgBouncer runs for real, in front of the test's database, with 4 server
connections for all its clients: each transaction of a client takes whichever
is free, so one client's statements land on different server connections.
Mutations from concurrent clients are each acknowledged with current views and
logged once, queries on the other API process see them, and a subscription
learns of events written by the other API process and by a direct writer
(by polling the head of the log: no LISTEN through the pooler). Without the
setting, mutations through the pooler fail; the background jobs refuse to run
through it."""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import psycopg
import pytest
from typer.testing import CliRunner
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

from application.service import Rapport
from infrastructure.event_store.environment import PostgresUrl
from interfaces.bootstrap import bootstrap, build_tokens, build_views
from interfaces.cli.main import app as cli_app
from tests.builders import open_engagement, receive_complaint
from tests.clusters import Pooler, transaction_pooler
from tests.conftest import make_settings, postgres_url
from tests.e2e.live_server import STEP, TRANSPORT_WS, Stream
from tests.integration.conftest import assert_one_line_error
from tests.processes import (
    RECEIVE,
    ReadBackClients,
    complaint_input,
    free_port,
    graphql_data,
    received_complaints,
    serving,
    start_rapport,
    stop,
    wait_until,
)

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

POOL_SIZE = 4  # server connections PgBouncer keeps for all its clients
API_ONLY = ("--no-projectors", "--no-sla-watch", "--no-webhooks")
THROUGH_POOLER = {"RAPPORT_TRANSACTION_POOLER": "true"}
CLIENTS, MUTATIONS = 4, 50

REPLAY = "mutation { replayViews { __typename ... on Error { message } } }"
VERIFY = """mutation { verifyViews { __typename
    ... on ViewsVerified { differences { view key problem } } ... on Error { message } } }"""
SUBSCRIPTION = """subscription($id: UUID!, $after: Int) {
    engagementEvents(engagementId: $id, after: $after) { position eventType aggregateId } }"""


@pytest.fixture
def pooler(postgres_schema_url: str) -> Iterator[Pooler]:
    with transaction_pooler(postgres_schema_url, pool_size=POOL_SIZE) as running:
        yield running


def test_one_client_s_statements_land_on_different_server_connections(pooler: Pooler) -> None:
    pooled = pooler.url(postgres_url())
    pid = "SELECT pg_backend_pid()"
    with (
        psycopg.connect(pooled, autocommit=True, prepare_threshold=None) as one,
        psycopg.connect(pooled, prepare_threshold=None) as other,
    ):
        first = _scalar(one, pid)
        # PgBouncer lends the server connection freed last; `other` keeps it
        # for as long as its transaction lasts.
        assert _scalar(other, pid) == first
        assert _scalar(one, pid) != first
        other.rollback()


def _scalar(conn: psycopg.Connection[Any], query: str) -> Any:
    row = conn.execute(query).fetchone()
    assert row is not None
    return row[0]


def test_api_processes_through_the_pooler_serve_mutations_queries_and_subscriptions(
    pooler: Pooler, postgres_schema_url: str, tmp_path: Path
) -> None:
    direct = postgres_schema_url
    pooled = pooler.url(direct)
    settings = make_settings(direct)
    app = bootstrap(settings)
    runtime = build_views(app, settings)
    # Without views to wait for: its commands return as soon as they commit.
    writer = bootstrap(settings)
    with ExitStack() as stack:
        for close in (app.close, runtime.close, writer.close):
            stack.callback(close)
        engagement = open_engagement(app)
        token, _ = build_tokens(runtime).create("agent", "through-the-pooler")
        admin, _ = build_tokens(runtime).create("admin", "through-the-pooler")
        projector = stack.enter_context(_started(direct, tmp_path / "project.log", "project"))
        apis = [
            stack.enter_context(
                serving(
                    pooled,
                    tmp_path / f"api-{n}.log",
                    *API_ONLY,
                    RAPPORT_RATE_LIMIT_PER_MINUTE="0",
                    RAPPORT_VIEW_WAIT_SECONDS="15",
                    **THROUGH_POOLER,
                )
            )
            for n in range(2)
        ]
        subscriber = stack.enter_context(_subscribed(apis[0], token, engagement, app.head()))

        clients = ReadBackClients(apis, token, [engagement], "pooled")
        with _pooler_use(pooler, PostgresUrl.parse(direct).dbname) as use:
            clients.all(CLIENTS, MUTATIONS)

        assert clients.problems == []
        assert len(clients.acknowledged) == CLIENTS * MUTATIONS
        assert sorted(received_complaints(app)) == sorted(clients.acknowledged)  # each once
        # Written by both API processes: the subscriber, on the first, hears of all.
        wait_until(lambda: subscriber.last_position() >= app.head(), timeout=30)
        assert sorted(subscriber.received("Complaint.Received")) == sorted(clients.acknowledged)

        delays = _delays_after_direct_writes(writer, engagement, subscriber, count=20)
        assert subscriber.problems == []
        assert subscriber.positions() == sorted(set(subscriber.positions()))  # once, in order

        with httpx.Client(headers=_bearer(admin), timeout=60) as http:
            # Rebuilt in scratch tables through the pooler, the views equal the live ones.
            verified = graphql_data(http, apis[1], VERIFY, {})["verifyViews"]
            # A replay holds its lock across transactions: refused, not half done.
            replay = graphql_data(http, apis[1], REPLAY, {})["replayViews"]
        assert verified == {"__typename": "ViewsVerified", "differences": []}, verified
        assert replay["__typename"] == "ValidationError", replay
        assert "needs a direct connection" in replay["message"]
        # Nothing the API processes did (their start-up included) left a lock
        # on a server connection.
        servers = {row["remote_pid"] for row in pooler.show("SERVERS")} | use.server_pids
        assert _advisory_locks_of(servers) == []
        assert projector.poll() is None

    print(
        f"\nthrough PgBouncer: up to {use.clients} client connections of two API processes "
        f"on {use.servers} server connections (pool of {POOL_SIZE}); "
        f"a subscriber heard of a direct write after median {statistics.median(delays):.0f} ms, "
        f"max {max(delays):.0f} ms ({len(delays)} writes)"
    )
    assert use.clients > POOL_SIZE
    assert use.servers <= POOL_SIZE
    # The follower looks at the head every 0.2 s when no notification can come.
    assert max(delays) < 1000, delays


def test_without_the_setting_mutations_through_the_pooler_fail(
    pooler: Pooler, postgres_schema_url: str, tmp_path: Path
) -> None:
    settings = make_settings(postgres_schema_url)
    app = bootstrap(settings)
    runtime = build_views(app, settings)
    try:
        engagement = open_engagement(app)
        token, _ = build_tokens(runtime).create("agent", "without-the-setting")
    finally:
        runtime.close()
        app.close()
    log = tmp_path / "api.log"
    answers = []
    with (
        serving(pooler.url(postgres_schema_url), log, *API_ONLY) as api,
        httpx.Client(headers=_bearer(token), timeout=30) as http,
    ):
        for i in range(10):
            variables = {"input": complaint_input(engagement, f"without-{i}")}
            response = http.post(f"{api}/graphql", json={"query": RECEIVE, "variables": variables})
            answers.append(response.json())
    failed = [answer for answer in answers if answer.get("errors")]
    print(f"\nwithout RAPPORT_TRANSACTION_POOLER: {len(failed)} of {len(answers)} mutations failed")
    assert failed, answers
    # psycopg prepares the statements the event store asks it to; the pooler
    # runs them on server connections that do not have them, or that have
    # another client's statement of the same name.
    assert "prepared statement" in log.read_text()


@pytest.mark.parametrize(
    ("command", "job"),
    [
        (("project",), "projecting views"),
        (("sla-watch",), "watching SLAs"),
        (("webhook", "deliver"), "delivering webhooks"),
        (("replay",), "replaying views"),
        (("serve",), "projecting views"),
        (("serve", "--no-projectors", "--no-webhooks"), "watching SLAs"),
    ],
)
def test_the_background_jobs_refuse_to_run_through_the_pooler(
    pooler: Pooler,
    postgres_schema_url: str,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
    job: str,
) -> None:
    monkeypatch.setenv("RAPPORT_DATABASE_URL", pooler.url(postgres_schema_url))
    monkeypatch.setenv("RAPPORT_TRANSACTION_POOLER", "true")
    # `serve` sets these for its uvicorn workers: put back as they were after the test.
    for setting in ("RAPPORT_PROJECTORS", "RAPPORT_SLA_WATCH", "RAPPORT_WEBHOOKS"):
        monkeypatch.setenv(setting, "true")
    port = ("--port", str(free_port())) if command[0] == "serve" else ()
    result = CliRunner().invoke(cli_app, [*command, *port])
    assert_one_line_error(result, f"{job} needs a direct connection to PostgreSQL")
    if command[0] == "serve":
        assert "serve with " in result.stderr


@contextmanager
def _started(database_url: str, log: Path, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as output:
        process = start_rapport(database_url, *args, stdout=output, stderr=output)
    try:
        yield process
    finally:
        stop(process)


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Subscriber:
    """`engagementEvents` over graphql-transport-ws, read by a thread of its own:
    every event, and when it arrived (`time.monotonic()`)."""

    def __init__(self, base: str, token: str, engagement: UUID, after: int) -> None:
        self.ws_url = base.replace("http://", "ws://") + "/graphql"
        self.token, self.engagement, self.after = token, engagement, after
        self.events: list[tuple[float, dict[str, Any]]] = []
        self.problems: list[str] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._follow()))

    async def _follow(self) -> None:
        try:
            async with connect(
                self.ws_url, subprotocols=[Subprotocol(TRANSPORT_WS.name)], open_timeout=STEP
            ) as ws:
                init = {"type": "connection_init", "payload": _bearer(self.token)}
                await ws.send(json.dumps(init))
                stream = Stream(ws, TRANSPORT_WS)
                assert (await stream.message())["type"] == "connection_ack"
                variables = {"id": str(self.engagement), "after": self.after}
                payload = {"query": SUBSCRIPTION, "variables": variables}
                await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
                while not self.stopping.is_set():
                    try:
                        message = await stream.message(timeout=0.1)
                    except TimeoutError:
                        continue
                    arrived = time.monotonic()
                    assert message["type"] == "next", message
                    self.events.append((arrived, message["payload"]["data"]["engagementEvents"]))
        except Exception as error:  # reported to the test, which fails on it
            self.problems.append(repr(error))

    def positions(self) -> list[int]:
        return [event["position"] for _, event in self.events]

    def last_position(self) -> int:
        assert not self.problems, self.problems
        return max(self.positions(), default=self.after)

    def received(self, event_type: str) -> list[str]:
        return [e["aggregateId"] for _, e in self.events if e["eventType"] == event_type]

    def arrival_of(self, position: int) -> float | None:
        return next((at for at, event in self.events if event["position"] == position), None)


@contextmanager
def _subscribed(base: str, token: str, engagement: UUID, after: int) -> Iterator[Subscriber]:
    subscriber = Subscriber(base, token, engagement, after)
    subscriber.thread.start()
    try:
        yield subscriber
    finally:
        subscriber.stopping.set()
        subscriber.thread.join(STEP)


def _delays_after_direct_writes(
    writer: Rapport, engagement: UUID, subscriber: Subscriber, count: int
) -> list[float]:
    """Milliseconds from a write's commit on a direct connection (this process)
    to its event reaching the subscriber; the writes are spread over the
    follower's polling period, so the delays sample all of it."""
    delays = []
    for i in range(count):
        time.sleep(0.037 * (i % 6))
        receive_complaint(writer, engagement)
        written, position = time.monotonic(), writer.head()
        wait_until(lambda: subscriber.arrival_of(position) is not None, timeout=10, poll=0.005)  # noqa: B023
        arrived = subscriber.arrival_of(position)
        assert arrived is not None
        delays.append((arrived - written) * 1000)
    return delays


@dataclass
class PoolerUse:
    clients: int = 0  # the most client connections at once
    servers: int = 0  # the most server connections at once
    server_pids: set[int] = field(default_factory=set)  # every one that served


@contextmanager
def _pooler_use(pooler: Pooler, database: str) -> Iterator[PoolerUse]:
    """While inside: the most client and server connections PgBouncer had at
    once for `database`, and every server connection it used."""
    use, done = PoolerUse(), threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            clients = [row for row in pooler.show("CLIENTS") if row["database"] == database]
            servers = [row for row in pooler.show("SERVERS") if row["database"] == database]
            use.clients = max(use.clients, len(clients))
            use.servers = max(use.servers, len(servers))
            # 0 while a server connection is still logging in.
            use.server_pids.update(row["remote_pid"] for row in servers if row["remote_pid"])

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        yield use
    finally:
        done.set()
        sampler.join()


def _advisory_locks_of(pids: set[int]) -> list[tuple[int, int]]:
    with psycopg.connect(postgres_url(), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid, objid FROM pg_locks WHERE locktype = 'advisory' AND pid = ANY(%s)",
            (list(pids),),
        ).fetchall()
    return [(pid, objid) for pid, objid in rows]
