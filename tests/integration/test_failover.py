"""A failover drill under load, with pg_auto_failover: a monitor and two nodes
replicating synchronously; the primary node dies at once mid-load (its keeper,
Postgres and every backend killed) and the monitor promotes the standby. The
API server, given both hosts in one URL (`target_session_attrs=read-write`),
finds the new primary by itself, with no restart; clients that retry with the
same idempotency key lose nothing they were acknowledged and record nothing
twice; the views converge and equal a rebuild."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from application.service import Rapport
from infrastructure.views.maintenance import statuses, verify
from interfaces.bootstrap import ViewRuntime, bootstrap, build_views
from tests.clusters import Formation, auto_failover_formation
from tests.conftest import make_settings
from tests.processes import engagement_and_token, received_complaints, serving, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RECEIVE = """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
    __typename ... on ComplaintPayload { complaintId } ... on Error { message } } }"""
CLIENTS = 4
MUTATIONS = 60  # per client


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


def test_the_primary_fails_mid_load_and_the_monitor_promotes_the_standby(
    formation: Formation, tmp_path: Path
) -> None:
    first = formation.primary()
    assert first is not None
    with psycopg.connect(formation.node_url(first), autocommit=True) as conn:
        # Synchronous: a commit is acknowledged once the standby has it.
        assert conn.execute("SHOW synchronous_standby_names").fetchone() != ("",)
    engagement_id, token = engagement_and_token(formation.node_url(first))
    log = tmp_path / "server.log"
    with serving(formation.url(), log) as base:
        clients = [Client(n, base, token, str(engagement_id)) for n in range(CLIENTS)]
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
            f"\nthe monitor promoted the standby {promoted - failed:.2f} s after the primary "
            f"died; the first mutation was answered "
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
            # The server's own projector, on the new primary, takes the views to the end.
            head = survivor.head()
            wait_until(lambda: lowest_position(survivor, views) == head, timeout=60)
            assert verify(survivor, views.store, views.views) == []
        finally:
            views.close()
            survivor.close()
    assert "unexpected error" not in log.read_text()


def lowest_position(app: Rapport, runtime: ViewRuntime) -> int:
    return min(s.position for s in statuses(app, runtime.store, runtime.views))
