"""The two rate limits: requests per token, counted by the token's id; and failed
authentications per client address, refused with 429 before any lookup once
over budget, over HTTP and WebSocket alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from httpx import Response
from starlette.websockets import WebSocketDisconnect

from application.ports import TokenRecord
from tests.conftest import FakeClock
from tests.e2e.conftest import Api, running_api
from tests.e2e.live_server import serve

PORTFOLIO = {"query": "{ portfolio { engagements } }"}
BAD = "rpt_not-a-token"
OTHER_ADDRESS = "198.51.100.7"
TOO_MANY = "too many failed authentications from this address"


class Lookups:
    """Counts the token store's lookups, which go on to the real store."""

    def __init__(self, api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        store = api.services.tokens.store
        find = store.find

        def counted(secret_hash: str) -> TokenRecord | None:
            self.count += 1
            return find(secret_hash)

        monkeypatch.setattr(store, "find", counted)


@contextmanager
def limited(database_url: str, clock: FakeClock, **overrides: Any) -> Iterator[Api]:
    """The app with these limits and no others."""
    with running_api(database_url, clock, **{"auth_failures_per_minute": 0, **overrides}) as api:
        yield api


def statuses(api: Api, token: str, count: int) -> list[int]:
    return [api.post(PORTFOLIO, token).status_code for _ in range(count)]


def from_address(api: Api, address: str) -> TestClient:
    """A client of the same running app that connects from another address."""
    client = TestClient(api.client.app, client=(address, 40000))
    client.portal = api.client.portal  # the app's own event loop, as under a real server
    return client


def assert_too_many(response: Response, per_minute: int) -> None:
    """A JSON 429 for failing too often, whose Retry-After is at most the time
    one failure takes to come back."""
    assert response.status_code == 429, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "HTTP_429"
    assert TOO_MANY in error["message"]
    assert 1 <= int(response.headers["retry-after"]) <= 60 / per_minute + 1


def ws_close_code(api: Api, payload: dict[str, str], headers: dict[str, str] | None = None) -> int:
    """How the server closes a graphql-transport-ws connection begun with `payload`."""
    with api.client.websocket_connect(
        "/graphql", subprotocols=["graphql-transport-ws"], headers=dict(headers or {})
    ) as ws:
        ws.send_json({"type": "connection_init", "payload": payload})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    return closed.value.code


def legacy_ws_refusal(api: Api, payload: dict[str, str]) -> str:
    """The message of a graphql-ws `connection_error` answering `payload`."""
    with api.client.websocket_connect("/graphql", subprotocols=["graphql-ws"]) as ws:
        ws.send_json({"type": "connection_init", "payload": payload})
        message = ws.receive()
    # Text or binary: the protocol's messages are JSON either way.
    refusal = json.loads(message.get("text") or message["bytes"])
    assert refusal["type"] == "connection_error", refusal
    message: str = refusal["payload"]["message"]
    return message


# Requests per token


def test_two_tokens_with_the_same_name_have_separate_budgets(
    database_url: str, clock: FakeClock
) -> None:
    with limited(database_url, clock, rate_limit_per_minute=3) as api:
        busy, _ = api.services.tokens.create("viewer", "robot")
        fresh, _ = api.services.tokens.create("viewer", "robot")

        assert statuses(api, busy, 4) == [200, 200, 200, 429]
        assert statuses(api, fresh, 3) == [200, 200, 200]


# Failed authentications per address


def test_bad_tokens_from_one_address_get_429_with_retry_after_and_no_more_lookups(
    database_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with limited(database_url, clock, auth_failures_per_minute=3) as api:
        lookups = Lookups(api, monkeypatch)

        answers = [api.post(PORTFOLIO, f"{BAD}-{n}") for n in range(6)]

        assert [r.status_code for r in answers] == [401, 401, 401, 429, 429, 429]
        assert lookups.count == 3
        assert_too_many(answers[3], per_minute=3)


def test_successful_authentications_are_not_charged_to_the_failure_budget(
    database_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No cache: every request looks its token up.
    with limited(database_url, clock, auth_failures_per_minute=2, token_cache_seconds=0) as api:
        lookups = Lookups(api, monkeypatch)

        assert statuses(api, api.token("viewer"), 5) == [200] * 5
        assert statuses(api, BAD, 3) == [401, 401, 429]
        assert lookups.count == 5 + 2


def test_a_blocked_address_still_passes_with_a_token_checked_a_moment_ago(
    database_url: str, clock: FakeClock
) -> None:
    # Such a token costs no lookup; one not checked lately cannot be told from
    # a guess without one, so it waits like a guess.
    with limited(database_url, clock, auth_failures_per_minute=1) as api:
        known = api.token("viewer")
        assert statuses(api, known, 1) == [200]
        assert statuses(api, BAD, 2) == [401, 429]

        assert statuses(api, known, 1) == [200]
        assert_too_many(api.post(PORTFOLIO, api.token("agent")), per_minute=1)


def test_another_address_is_unaffected_by_one_over_its_failure_budget(
    database_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with limited(database_url, clock, auth_failures_per_minute=2) as api:
        assert statuses(api, BAD, 3) == [401, 401, 429]
        lookups = Lookups(api, monkeypatch)
        other = from_address(api, OTHER_ADDRESS)
        bearer = {"Authorization": f"Bearer {BAD}"}

        assert other.post("/graphql", json=PORTFOLIO, headers=bearer).status_code == 401
        assert lookups.count == 1
        bearer = {"Authorization": f"Bearer {api.token('viewer')}"}
        assert other.post("/graphql", json=PORTFOLIO, headers=bearer).status_code == 200


def test_websocket_attempts_with_bad_tokens_count_against_the_address(
    database_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with limited(database_url, clock, auth_failures_per_minute=2) as api:
        lookups = Lookups(api, monkeypatch)
        bearer = {"Authorization": f"Bearer {BAD}"}

        assert ws_close_code(api, bearer) == 4403  # the token in connection_init
        assert ws_close_code(api, {}, headers=bearer) == 4403  # in the upgrade request
        assert_too_many(api.post(PORTFOLIO, BAD), per_minute=2)
        assert ws_close_code(api, bearer) == 4403
        assert TOO_MANY in legacy_ws_refusal(api, bearer)
        assert lookups.count == 2


def test_behind_a_proxy_failures_count_per_forwarded_address(database_url: str) -> None:
    # uvicorn takes the client's address from X-Forwarded-For when the proxy
    # is a trusted one (by default, this machine), as under `rapport serve`.
    with serve(database_url, auth_failures_per_minute=1) as server:

        def status(forwarded_for: str) -> int:
            headers = {"Authorization": f"Bearer {BAD}", "X-Forwarded-For": forwarded_for}
            url = f"{server.base_url}/graphql"
            return httpx.post(url, json=PORTFOLIO, headers=headers, timeout=15).status_code

        assert [status("203.0.113.1"), status("203.0.113.1")] == [401, 429]
        assert status("203.0.113.2") == 401
