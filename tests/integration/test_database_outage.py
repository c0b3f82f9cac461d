"""The database goes away under a running server and comes back: while it is
gone every request gets a clear, typed answer (`UNAVAILABLE`, never a 500 or
"Unexpected error."), `/readyz` says so, and once it is back the same server
answers again, its connection pools renewed, with no restart."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.clusters import Cluster, own_cluster
from tests.processes import engagement_and_token, serving, wait_until

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RECEIVE = """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
    __typename ... on ComplaintPayload { complaintId viewsCurrent } } }"""
PORTFOLIO = "{ portfolio { engagements } }"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with own_cluster() as made:
        yield made


# With no token cache the request is refused (503) when its token cannot be
# looked up; with one, it reaches GraphQL, whose field answers the same code.
@pytest.mark.parametrize(("token_cache", "status"), [("0", 503), ("60", 200)])
def test_a_server_answers_unavailable_while_the_database_is_down_and_recovers_after(
    cluster: Cluster, tmp_path: Path, token_cache: str, status: int
) -> None:
    engagement_id, token = engagement_and_token(cluster.url())
    complaint = {
        "engagementId": str(engagement_id),
        "channel": "EMAIL",
        "severity": "HIGH",
        "category": "billing",
        "description": "Charged twice",
    }
    log = tmp_path / "server.log"
    with serving(cluster.url(), log, RAPPORT_TOKEN_CACHE_SECONDS=token_cache) as base:
        http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60)
        assert post(http, RECEIVE, {"input": complaint})["data"]["receiveComplaint"]

        cluster.stop("immediate")
        for query, variables in [(RECEIVE, {"input": complaint}), (PORTFOLIO, {})]:
            response = http.post("/graphql", json={"query": query, "variables": variables})
            assert response.status_code == status, response.text
            codes = [e["extensions"]["code"] for e in response.json()["errors"]]
            assert codes == ["UNAVAILABLE"], response.text
        readiness = http.get("/readyz")
        assert readiness.status_code == 503
        assert readiness.json()["database"] == "unreachable"

        cluster.start()
        back = time.monotonic()
        wait_until(lambda: answers(http, RECEIVE, {"input": complaint}), timeout=60, poll=0.1)
        print(f"\nanswering again {time.monotonic() - back:.2f} s after the database")
        wait_until(lambda: http.get("/readyz").status_code == 200, timeout=60)
    assert "unexpected error" not in log.read_text()


def post(http: httpx.Client, query: str, variables: dict[str, Any]) -> Any:
    return http.post("/graphql", json={"query": query, "variables": variables}).json()


def answers(http: httpx.Client, query: str, variables: dict[str, Any]) -> bool:
    body = post(http, query, variables)
    return "errors" not in body
