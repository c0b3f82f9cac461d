"""Queries from a streaming replica (`RAPPORT_READ_DATABASE_URL`), commands and
the views' writes on the primary: a mutation answers once the replica shows
it, so the caller's next query sees its own write; a replica that stops
replaying makes mutations say the views have not caught up, `/readyz` says by
how much, and the queries show what the replica has until it resumes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from tests.clusters import Cluster, own_cluster, streaming_replica
from tests.processes import engagement_and_token, serving, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RECEIVE = """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
    ... on ComplaintPayload { complaintId viewsCurrent complaint { id } } } }"""
READ_BACK = "query($id: UUID!) { complaint(id: $id) { id state } }"


@pytest.fixture
def clusters() -> Iterator[tuple[Cluster, Cluster]]:
    with own_cluster() as primary, streaming_replica(primary) as replica:
        yield primary, replica


def replay(replica: Cluster, action: str) -> None:
    with psycopg.connect(replica.url(), autocommit=True) as conn:
        conn.execute(f"SELECT pg_wal_replay_{action}()")


def test_a_mutation_answers_once_the_replica_shows_it_and_queries_read_the_replica(
    clusters: tuple[Cluster, Cluster], tmp_path: Path
) -> None:
    primary, replica = clusters
    engagement_id, token = engagement_and_token(primary.url())
    with serving(
        primary.url(),
        tmp_path / "server.log",
        RAPPORT_READ_DATABASE_URL=replica.url(),
        RAPPORT_VIEW_WAIT_SECONDS="3",
    ) as base:
        http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"})
        complaint = {
            "engagementId": str(engagement_id),
            "channel": "EMAIL",
            "severity": "HIGH",
            "category": "billing",
            "description": "Charged twice",
        }

        first = data(http, RECEIVE, {"input": complaint})["receiveComplaint"]
        assert first["viewsCurrent"] is True
        assert first["complaint"] == {"id": first["complaintId"]}
        seen = data(http, READ_BACK, {"id": first["complaintId"]})["complaint"]
        assert seen == {"id": first["complaintId"], "state": "RECEIVED"}

        replay(replica, "pause")
        second = data(http, RECEIVE, {"input": complaint})["receiveComplaint"]
        assert second["viewsCurrent"] is False  # recorded, but the replica lags
        assert data(http, READ_BACK, {"id": second["complaintId"]})["complaint"] is None
        readiness = http.get("/readyz").json()
        assert readiness["replica"]["wal_bytes_behind"] > 0, readiness

        replay(replica, "resume")
        wait_until(
            lambda: data(http, READ_BACK, {"id": second["complaintId"]})["complaint"] is not None
        )
        wait_until(lambda: http.get("/readyz").json()["replica"]["wal_bytes_behind"] == 0)


def data(http: httpx.Client, query: str, variables: dict[str, Any]) -> Any:
    body = http.post("/graphql", json={"query": query, "variables": variables}).json()
    assert "errors" not in body, body
    return body["data"]
