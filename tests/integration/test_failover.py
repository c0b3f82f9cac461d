"""A failover drill under load, with pg_auto_failover: a monitor and two nodes
replicating synchronously; the primary node dies at once mid-load (its keeper,
Postgres and every backend killed) and the monitor promotes the standby.

The drill runs on one `rapport serve` doing everything, and on a fleet: two
API-only processes and one process for each background job. Every process,
given both hosts in one URL (`target_session_attrs=read-write`), finds the
new primary by itself, with no restart; clients that retry with the same
idempotency key lose nothing they were acknowledged and record nothing twice;
the views converge and equal a rebuild; every webhook arrives, in order; the
jobs' locks are held again on the new primary.

And what synchronous replication is for: with a plain asynchronous standby, a
promotion loses what the standby had not received, acknowledged or not."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import psycopg
import pytest

from application.commands.base import CommandMeta
from application.commands.complaint import ReceiveComplaint
from application.service import Rapport
from application.views.log import read_log
from infrastructure.views.maintenance import statuses, verify
from interfaces.bootstrap import ViewRuntime, bootstrap, build_views, build_webhooks
from tests.builders import open_engagement
from tests.clusters import Formation, auto_failover_formation, own_cluster, streaming_replica
from tests.conftest import make_settings
from tests.processes import (
    advisory_lock_holders,
    engagement_and_token,
    received_complaints,
    serving,
    start_rapport,
    stop,
    wait_until,
)
from tests.webhook_receiver import Receiver, receiving

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RECEIVE = """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
    __typename ... on ComplaintPayload { complaintId } ... on Error { message } } }"""
CLIENTS = 4
MUTATIONS = 60  # per client
JOBS: dict[str, tuple[str, ...]] = {
    "project": ("project",),
    "sla-watch": ("sla-watch",),
    "webhooks": ("webhook", "deliver"),
}
API_ONLY = ("--no-projectors", "--no-sla-watch", "--no-webhooks")
# Five processes on a node allowed 100 connections: pools of 4 keep them well within.
FLEET_SETTINGS = {"RAPPORT_POOL_SIZE": "4"}


@pytest.fixture
def formation() -> Iterator[Formation]:
    with auto_failover_formation() as made:
        yield made


class Client(threading.Thread):
    """Sends its mutations one after another; a mutation that fails (the
    database unavailable, the connection lost) is sent again with the same
    idempotency key until it is answered."""

    def __init__(self, number: int, base: str, token: str, engagement_id: str) -> None:
        super().__init__(daemon=True)
        self.number, self.base, self.token, self.engagement_id = (
            number,
            base,
            token,
            engagement_id,
        )
        self.acknowledged: list[str] = []
        self.answered_at: list[float] = []
        self.failures = 0

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.base, headers=headers, timeout=30) as http:
            for i in range(MUTATIONS):
                self.acknowledged.append(self.send(http, i))
                self.answered_at.append(time.monotonic())

    def send(self, http: httpx.Client, i: int) -> str:
        complaint = {
            "engagementId": self.engagement_id,
            "channel": "EMAIL",
            "severity": "HIGH",
            "category": "billing",
            "description": f"Client {self.number}, complaint {i}",
            "idempotencyKey": f"drill-{self.number}-{i}",
        }
        deadline = time.monotonic() + 120
        while True:
            answer = attempt(http, {"query": RECEIVE, "variables": {"input": complaint}})
            if answer is not None:
                assert answer["__typename"] == "ComplaintPayload", answer
                return str(answer["complaintId"])
            self.failures += 1
            assert time.monotonic() < deadline, "no answer for two minutes"
            time.sleep(0.2)


def attempt(http: httpx.Client, body: dict[str, Any]) -> Any:
    """The mutation's answer; None when the server could not reach the database."""
    try:
        response = http.post("/graphql", json=body)
    except httpx.TransportError:
        return None
    payload = response.json()
    codes = [e.get("extensions", {}).get("code") for e in payload.get("errors", [])]
    if codes:
        assert set(codes) == {"UNAVAILABLE"}, payload
        return None
    return payload["data"]["receiveComplaint"]


def start_processes(
    topology: str, formation: Formation, folder: Path, stack: ExitStack
) -> tuple[list[str], list[Path]]:
    """The topology's processes on the formation's URL: the API servers' URLs,
    and every process's log."""
    if topology == "one process":
        log = folder / "server.log"
        return [stack.enter_context(serving(formation.url(), log))], [log]
    logs = []
    for job, args in JOBS.items():
        log = folder / f"{job}.log"
        output = stack.enter_context(log.open("wb"))
        settings = {"PGAPPNAME": f"drill-{job}", **FLEET_SETTINGS}
        worker = start_rapport(formation.url(), *args, stdout=output, stderr=output, **settings)
        stack.callback(stop, worker)
        logs.append(log)
    apis = []
    for n in range(2):
        log = folder / f"api-{n}.log"
        apis.append(stack.enter_context(serving(formation.url(), log, *API_ONLY, **FLEET_SETTINGS)))
        logs.append(log)
    return apis, logs


def register_webhook(database_url: str, receiver: Receiver, endpoint: str) -> int:
    """Registers the endpoint; returns the position of the first event it is sent."""
    settings = make_settings(database_url)
    app = bootstrap(settings)
    runtime = build_views(app, settings)
    try:
        _, receiver.secret = build_webhooks(runtime).register(endpoint)
        return app.head() + 1
    finally:
        runtime.close()
        app.close()


@pytest.mark.parametrize("topology", ["one process", "a fleet"])
def test_the_primary_fails_mid_load_and_the_monitor_promotes_the_standby(
    formation: Formation, tmp_path: Path, topology: str
) -> None:
    first = formation.primary()
    assert first is not None
    with psycopg.connect(formation.node_url(first), autocommit=True) as conn:
        # Synchronous: a commit is acknowledged once the standby has it.
        assert conn.execute("SHOW synchronous_standby_names").fetchone() != ("",)
    engagement_id, token = engagement_and_token(formation.node_url(first))
    receiver = Receiver()
    with receiving(receiver) as endpoint, ExitStack() as stack:
        first_sent = register_webhook(formation.node_url(first), receiver, endpoint)
        apis, logs = start_processes(topology, formation, tmp_path, stack)
        clients = [
            Client(n, apis[n % len(apis)], token, str(engagement_id)) for n in range(CLIENTS)
        ]
        for client in clients:
            client.start()
        wait_until(lambda: sum(len(c.acknowledged) for c in clients) >= 60, timeout=120)

        formation.fail(first)
        failed = time.monotonic()
        wait_until(lambda: formation.primary() not in (None, first), timeout=120, poll=0.1)
        promoted = time.monotonic()
        for client in clients:
            client.join(timeout=300)
        resumed = min(t for c in clients for t in c.answered_at if t > promoted)
        print(
            f"\n{topology}: the monitor promoted the standby {promoted - failed:.2f} s after "
            f"the primary died; the first mutation was answered "
            f"{resumed - promoted:.2f} s after it; "
            f"{sum(c.failures for c in clients)} tries were answered UNAVAILABLE or lost"
        )
        acknowledged = sorted(a for c in clients for a in c.acknowledged)
        assert len(acknowledged) == CLIENTS * MUTATIONS
        survivor_url = formation.node_url(str(formation.primary()))
        survivor = bootstrap(make_settings(survivor_url))
        views = build_views(survivor, make_settings(survivor_url))
        try:
            assert sorted(received_complaints(survivor)) == acknowledged  # each once, none lost
            # The projector, on the new primary, takes the views to the end.
            head = survivor.head()
            wait_until(lambda: lowest_position(survivor, views) == head, timeout=60)
            assert verify(survivor, views.store, views.views) == []
            # The dispatcher resumed where the old primary had it, and sent the rest.
            # Positions have gaps: the new primary's sequence starts past the values
            # the old one may have handed out (PostgreSQL logs sequences ahead).
            logged = positions_after(survivor, first_sent - 1)
            wait_until(lambda: receiver.positions() == logged, timeout=120)
            if topology == "a fleet":
                for job in JOBS:
                    holders = advisory_lock_holders(views, f"drill-{job}")
                    assert holders == {f"drill-{job}"}, job
        finally:
            views.close()
            survivor.close()
    for log in logs:
        assert "unexpected error" not in log.read_text().lower(), log.name


def positions_after(app: Rapport, after: int) -> list[int]:
    """The position of every event in the log after `after`."""
    found: list[int] = []
    last: int | None = after
    while last is not None:
        logged, last = read_log(app, last, 2_000)
        found += [e.position for e in logged]
    return found


def lowest_position(app: Rapport, runtime: ViewRuntime) -> int:
    return min(s.position for s in statuses(app, runtime.store, runtime.views))


def test_with_asynchronous_replication_a_promotion_loses_what_the_standby_had_not_received() -> (
    None
):
    """What docs/operations.md warns of: a streaming standby without
    `synchronous_standby_names`. A commit is acknowledged before the standby
    has it; if the primary dies then, the promoted standby never heard of it.
    Here the standby is cut off before the second complaint, so its WAL never
    arrives: a lag of any size at the moment of the crash does the same. The
    caller's idempotency key is what lets it record the complaint again."""
    with own_cluster() as primary, streaming_replica(primary) as standby:
        app = bootstrap(make_settings(primary.url()))
        try:
            engagement_id = open_engagement(app)
            kept = receive(app, engagement_id, "kept")
            wait_until(lambda: replayed_all(primary.url(), standby.url()))
            standby.stop()  # the standby falls behind: cut off
            lost = receive(app, engagement_id, "lost")  # acknowledged all the same
            assert sorted(received_complaints(app)) == sorted([kept, lost])
        finally:
            app.close()
        primary.stop("immediate")  # the primary dies
        standby.start()
        standby.promote()
        survivor = bootstrap(make_settings(standby.url()))
        try:
            assert received_complaints(survivor) == [kept]  # the acknowledged one is gone
            again = receive(survivor, engagement_id, "lost")  # sent again, with its key
            assert received_complaints(survivor) == [kept, again]
        finally:
            survivor.close()


def receive(app: Rapport, engagement_id: UUID, key: str) -> str:
    command = ReceiveComplaint(
        engagement_id=engagement_id,
        channel="email",
        severity="high",
        category="billing",
        description=f"Complaint {key}",
    )
    result = app.execute(command, CommandMeta(actor="drill", idempotency_key=key))
    return str(result.aggregate_id)


def replayed_all(primary_url: str, standby_url: str) -> bool:
    """The standby has replayed everything the primary has written so far."""
    with psycopg.connect(primary_url, autocommit=True) as conn:
        written = conn.execute("SELECT pg_current_wal_lsn()").fetchone()
    with psycopg.connect(standby_url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT pg_wal_lsn_diff(%s, pg_last_wal_replay_lsn()) <= 0", written
        ).fetchone()
    return bool(row and row[0])
