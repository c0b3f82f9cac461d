"""Queries and mutations generated from the schema (schemathesis) never meet a server
fault: no 5xx, no masked "Unexpected error.", no null in a non-null field.

One app on SQLite serves every operation in turn, as an admin, so the mutations
run first and leave data behind for the queries. Input values lean towards what
the domain accepts (its enum values, ids that exist, dates near now) so that
generated calls get past validation and into the domain and the views, and the
runs are derandomized so a failure reproduces."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

import graphql
import pytest
import schemathesis
from fastapi.testclient import TestClient
from httpx import Response
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from schemathesis.graphql import nodes
from schemathesis.specs.graphql.scalars import CUSTOM_SCALARS

import application.access
import domain.complaint
import domain.engagement
import domain.requirement
import domain.risk
from interfaces.graphql.schema import build_schema
from interfaces.http.app import create_app
from tests.conftest import FakeClock, make_settings
from tests.e2e.conftest import Api

pytestmark = pytest.mark.slow

EXAMPLES_PER_OPERATION = 25
# A budget or cost of 10**26 and more breaks the views (see test_hardening); keep the
# run on amounts they can report, so it finds faults other than that one.
LARGEST_AMOUNT = 10**12


def operation_labels() -> list[str]:
    """Every mutation, then every query: the queries then read what the mutations left."""
    schema = graphql.build_schema(build_schema(make_settings("sqlite://")).as_str())
    roots = [("Mutation", schema.mutation_type), ("Query", schema.query_type)]
    return [f"{name}.{field}" for name, root in roots if root for field in root.fields]


@dataclass
class Target:
    api: Api
    schema: Any  # schemathesis' GraphQLSchema


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    clock = FakeClock()
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'rapport.db'}"
    app = create_app(make_settings(url, rate_limit_per_minute=0), clock=clock)
    saved = dict(CUSTOM_SCALARS)  # schemathesis keeps scalar strategies in a global
    with TestClient(app, raise_server_exceptions=False) as client:
        api = Api(client, clock)
        register_scalars(seed(api), vocabulary(api), clock.now())
        introspection = api.data(graphql.get_introspection_query())
        schema = schemathesis.graphql.from_dict(introspection, config=SchemathesisConfig())
        yield Target(api, schema)
    CUSTOM_SCALARS.clear()
    CUSTOM_SCALARS.update(saved)


SEEDS = {  # each mutation's input but the engagement's id
    "captureRequirement": {
        "title": "SSO",
        "source": "WORKSHOP",
        "priority": "MUST",
        "requestedBy": "ana",
    },
    "identifyRisk": {"title": "Key person leaves", "category": "RESOURCE", "owner": "maria"},
    "setObjective": {
        "description": "Answer fast",
        "metric": "hours",
        "target": "4",
        "dueOn": "2026-06-30",
    },
    "planMilestone": {"name": "Go live", "weight": "1", "dueOn": "2026-06-30"},
}


def seed(api: Api) -> list[str]:
    """The ids of one of each kind of object, for generated inputs to aim at."""
    engagement = api.open_engagement()
    ids = [engagement, api.receive_complaint(engagement)]
    for name, values in SEEDS.items():
        ids += api.mutate(name, {"engagementId": engagement, **values})["createdIds"]
    return ids


def vocabulary(api: Api) -> list[str]:
    """Every value of the domain's enumerations, the view names and a few plain words."""
    modules = [domain.complaint, domain.engagement, domain.requirement, domain.risk]
    enums = [
        enum
        for module in [*modules, application.access]
        for _, enum in inspect.getmembers(module, inspect.isclass)
        if issubclass(enum, StrEnum) and enum is not StrEnum
    ]
    words = {member.value for enum in enums for member in enum}
    return sorted(words | set(api.services.reader.views) | {"EUR", "Acme", "sam"})


def mostly(usual: st.SearchStrategy[Any], unusual: st.SearchStrategy[Any]) -> Any:
    """`usual` three times in four."""
    return st.one_of(usual, usual, usual, unusual)


def register_scalars(ids: list[str], words: list[str], now: datetime) -> None:
    # Business time may not be in the future: mostly the past year, up to a day ahead.
    near = st.integers(-365 * 24, 24).map(lambda hours: now + timedelta(hours=hours))
    anywhen = st.datetimes(timezones=st.sampled_from([UTC, None]))
    amounts = st.decimals(-LARGEST_AMOUNT, LARGEST_AMOUNT, places=2).map(str)
    strategies: dict[str, st.SearchStrategy[Any]] = {
        "String": mostly(st.sampled_from(words), st.text(max_size=40)),
        "Int": mostly(st.integers(-1, 10), st.integers(-(2**31), 2**31 - 1)),
        "UUID": mostly(st.sampled_from(ids), st.uuids().map(str)),
        "Decimal": mostly(amounts, st.sampled_from(["0", "NaN", "-Infinity", "1e3", "x"])),
        "DateTime": mostly(near, anywhen).map(datetime.isoformat),
        "Date": mostly(near.map(datetime.date), st.dates()).map(date.isoformat),
    }
    for name, values in strategies.items():
        node = nodes.Int if name == "Int" else nodes.String
        schemathesis.graphql.scalar(name, values.map(node))


class _DropMeta(graphql.Visitor):
    def enter_object_field(self, node: graphql.ObjectFieldNode, *_: Any) -> Any:
        return graphql.REMOVE if node.name.value in ("expectedVersion", "occurredAt") else None


def without_meta(query: str) -> str:
    """`query` with no `expectedVersion` nor `occurredAt`: a generated one is mostly a
    conflict or in the future, and would keep most mutations out of the domain."""
    return graphql.print_ast(graphql.visit(graphql.parse(query), _DropMeta()))


def server_fault(response: Response) -> str | None:
    """What in a response shows the server at fault rather than the request."""
    if response.status_code != 200 or "Traceback" in response.text:
        return f"HTTP {response.status_code}: {response.text[:500]}"
    for error in response.json().get("errors") or []:
        message = error["message"]
        if message == "Unexpected error." or "Cannot return null" in message:
            return f"{message} at {error.get('path')}"
    return None


@pytest.mark.parametrize("label", operation_labels())
def test_generated_calls_never_meet_a_server_fault(target: Target, label: str) -> None:
    operation = target.schema.find_operation_by_label(label)
    token = target.api.token("admin")
    faults: dict[str, str] = {}  # fault -> the first query that met it

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), plain=st.booleans())
    def call(case: Any, plain: bool) -> None:
        query = without_meta(case.body) if plain else case.body
        fault = server_fault(target.api.post({"query": query}, token))
        if fault is not None:
            faults.setdefault(fault, query)

    call()
    assert not faults, "\n\n".join(f"{fault}\n{query}" for fault, query in faults.items())
