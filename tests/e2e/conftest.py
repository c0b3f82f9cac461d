"""End-to-end fixtures: the whole API over HTTP, on SQLite and on PostgreSQL.

`api` runs the FastAPI app (with its in-process projectors) through Starlette's
test client, and `api.token(role)` mints real tokens through the token store, so
every request goes through authentication, GraphQL and the application.
`shared_api` is the same app, shared by the tests of one module.

Also here: the helpers that read answers (ids, event types, the audit trail).
The mutation case runner is in `mutation_cases.py`; the role table in `access_cases.py`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from interfaces.graphql.schema import Mutation
from interfaces.http.app import create_app
from tests.conftest import FakeClock, fresh_schema, make_settings, require_postgres
from tests.e2e.writer import Writer

if TYPE_CHECKING:
    from tests.e2e.live_server import Server

CLIENT_ID = UUID("6f1c8a52-4a1e-4d5e-9d7e-0c1f2b3a4d5e")
OTHER_CLIENT_ID = UUID("0b7e6f3c-2f8e-4c55-9a53-5f0c3c9d1e27")


class Api:
    """A GraphQL client on the test app, with helpers for the usual calls."""

    def __init__(self, client: TestClient, clock: FakeClock) -> None:
        self.client = client
        self.clock = clock
        self.services = client.app.state.services  # type: ignore[attr-defined]
        self._tokens: dict[tuple[str, UUID | None], str] = {}

    def token(self, role: str = "admin", client_id: UUID | None = None) -> str:
        """A live token's secret for this role (one per role and client, reused)."""
        key = (role, client_id)
        if key not in self._tokens:
            name = f"{role}-{client_id or 'staff'}"
            self._tokens[key], _ = self.services.tokens.create(role, name, client_id)
        return self._tokens[key]

    def post(self, body: Any, token: str | None = None, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.client.post("/graphql", json=body, headers=headers, **kwargs)

    def gql(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        """The response body of a GraphQL request made as `token` (admin by default)."""
        response = self.post(
            {"query": query, "variables": variables or {}}, token or self.token("admin")
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        """The `data` of a request that must not fail."""
        body = self.gql(query, variables, **kw)
        assert "errors" not in body, body["errors"]
        return body["data"]

    def mutate(
        self, name: str, input: dict[str, Any], selection: str = "", *, token: str | None = None
    ) -> dict[str, Any]:
        """Run mutation `name` and return its result: `__typename`, the payload's
        `version`, `createdIds`, `replayed` and `viewsCurrent`, the error's `message`
        (and `field`/`rule`), and whatever `selection` adds (e.g.
        "... on ComplaintPayload { complaint { state } }")."""
        input_type = name[:1].upper() + name[1:] + "Input"
        query = f"""mutation($input: {input_type}!) {{ {name}(input: $input) {{
            __typename
            ... on Error {{ message }}
            ... on ValidationError {{ field }}
            ... on RuleViolation {{ rule subjects }}
            ... on NotFound {{ kind id }}
            ... on ConcurrencyConflict {{ expectedVersion actualVersion }}
            {_payload_fields(name)}
            {selection}
        }} }}"""
        result: dict[str, Any] = self.data(query, {"input": input}, token=token)[name]
        return result

    def open_engagement(self, client_id: UUID = CLIENT_ID, **overrides: Any) -> str:
        """A new engagement's id, opened and started."""
        result = self.mutate("openEngagement", {**engagement_input(client_id), **overrides})
        engagement_id: str = result["createdIds"][0]
        started = self.mutate("startEngagement", {"engagementId": engagement_id})
        assert started["__typename"] == "EngagementPayload", started
        return engagement_id

    def receive_complaint(self, engagement_id: str, severity: str = "HIGH", **kw: Any) -> str:
        result = self.mutate(
            "receiveComplaint",
            {
                "engagementId": engagement_id,
                "channel": "EMAIL",
                "severity": severity,
                "category": "billing",
                "description": "Invoice twice",
            },
            **kw,
        )
        assert result["__typename"] == "ComplaintPayload", result
        complaint_id: str = result["createdIds"][0]
        return complaint_id


_PAYLOADS = {
    "Engagement": "EngagementPayload { engagementId version createdIds replayed viewsCurrent }",
    "Requirement": "RequirementPayload { requirementId version createdIds replayed viewsCurrent }",
    "Complaint": "ComplaintPayload { complaintId version createdIds replayed viewsCurrent }",
    "Risk": "RiskPayload { riskId version createdIds replayed viewsCurrent }",
    "BusinessCalendar": (
        "BusinessCalendarPayload { businessCalendarId version createdIds replayed viewsCurrent }"
    ),
    "SlaPolicy": "SlaPolicyPayload { slaPolicyId version createdIds replayed viewsCurrent }",
}


def _payload_fields(mutation: str) -> str:
    payload = _PAYLOADS.get(mutation_noun(mutation))
    return f"... on {payload}" if payload else ""


def mutation_noun(mutation: str) -> str:
    """The noun of a mutation's result union: `receiveComplaint` -> "Complaint"."""
    field = next(f for f in Mutation.__strawberry_definition__.fields if f.python_name == mutation)
    name: str = field.type.graphql_name
    return name.removesuffix("Result")


def engagement_input(client_id: UUID = CLIENT_ID) -> dict[str, Any]:
    return {
        "clientId": str(client_id),
        "clientName": "Acme",
        "title": "After-sales support",
        "objectives": ["Answer fast"],
        "plannedStart": "2026-01-05",
        "plannedEnd": "2026-12-18",
        "budget": "120000.00",
        "currency": "EUR",
        "owner": "maria",
    }


# Reading answers.

HISTORY = "history(first: 100) { nodes { eventType } }"
CHILD = f"id state engagement {{ id }} {HISTORY}"  # what every EngagementChild has


def ids_of(connection: dict[str, Any]) -> list[str]:
    return [node["id"] for node in connection["nodes"]]


def event_types(connection: dict[str, Any]) -> list[str]:
    return [node["eventType"] for node in connection["nodes"]]


def audit_trail(
    api: Api, id: str, *, after: int = 0, by: str = "engagementId", token: str | None = None
) -> dict[str, Any]:
    """The audit trail of an engagement (or, by="aggregateId", of one object)
    after a log position: its `nodes`, each with `actor` and `eventType`."""
    query = f"""query($id: UUID!, $after: String) {{ auditTrail({by}: $id, first: 100,
        after: $after) {{ nodes {{ actor eventType }} }} }}"""
    variables = {"id": id, "after": str(after)}
    trail: dict[str, Any] = api.data(query, variables, token=token)["auditTrail"]
    return trail


# The app.


@contextmanager
def running_api(database_url: str, clock: FakeClock, **overrides: Any) -> Iterator[Api]:
    """The app on this database, started, and its client; `overrides` change settings."""
    # A small pool: PostgreSQL's connections are shared by every test of the run.
    # No watchdog or webhooks unless a test asks: they would act on its clock.
    # Mutations wait longer for the views than in production: the tests check
    # what the views show, and a loaded machine (a browser beside them) can
    # take more than the usual 2 s; the tests of the wait itself set their own.
    defaults = {
        "env": "development",
        "rate_limit_per_minute": 0,
        "pool_size": 4,
        "sla_watch": False,
        "webhooks": False,
        "view_wait_seconds": 10.0,
    }
    settings = make_settings(database_url, **(defaults | overrides))
    with TestClient(create_app(settings, clock=clock, new_id=uuid4)) as client:
        yield Api(client, clock)


@pytest.fixture
def api(database_url: str, clock: FakeClock) -> Iterator[Api]:
    with running_api(database_url, clock) as started:
        yield started


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def shared_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    """The `api` fixture's app, shared by the tests of one module that each work
    on objects of their own and never move the clock: an app takes about a second
    to start and stop (its projector's tables, its poll), longer than most tests."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'rapport.db'}"
        else:
            require_postgres()
            url = stack.enter_context(fresh_schema())
        yield stack.enter_context(running_api(url, FakeClock()))


# A live server, and a second process writing to its log (see `live_server.py`).


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    """The API served by uvicorn on a free port, for WebSocket and Node clients."""
    from tests.e2e.live_server import serve  # it imports this module's helpers

    with serve(database_url) as served:
        yield served


@pytest.fixture
def writer(database_url: str) -> Iterator[Writer]:
    """A second process that writes complaints to the log on request."""
    process = Writer(database_url)
    try:
        yield process
    finally:
        process.close()
