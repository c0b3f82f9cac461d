"""The size of a question: nesting, aliases, tokens and cost are limited, each
document is measured in time linear in its length (every fragment walked once),
and preparing a new document never holds the event loop that answers everyone
else."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

import pytest

from application.commands.base import CommandMeta
from application.commands.engagement import RecordCost
from domain.engagement import CostCategory
from interfaces.graphql.preparation import PreparedDocuments
from tests.e2e.conftest import Api
from tests.e2e.test_hardening import NOBODY, graphql_errors, serve

# These checks sit in front of the database, so SQLite alone stands for both kinds.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def fragment_bomb(levels: int, name: str = "F") -> str:
    """Each fragment spreads the next twice: 2^levels spreads if expanded."""
    middle = " ".join(
        f"fragment {name}{i} on Query {{ ...{name}{i + 1} ...{name}{i + 1} }}"
        for i in range(1, levels)
    )
    return (
        f"query Q {{ ...{name}0 }} "
        f"fragment {name}0 on Query {{ portfolio {{ engagements }} ...{name}1 ...{name}1 }} "
        f"{middle} fragment {name}{levels} on Query {{ portfolio {{ engagements }} }}"
    )


def codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body["errors"]]


def test_a_fragment_bomb_is_refused_at_once_by_its_cost(api: Api) -> None:
    query = fragment_bomb(25)
    assert len(query) < 1500
    timings = []
    for attempt in range(3):  # each a new document, so none is answered from memory
        started = time.perf_counter()
        body = api.gql(query.replace("F", f"A{attempt}F"))
        timings.append(time.perf_counter() - started)
        assert "data" not in body and codes(body) == ["QUERY_TOO_COSTLY"]
    assert min(timings) < 0.05, timings


def test_a_bomb_as_deep_as_the_token_limit_allows_is_refused_too(api: Api) -> None:
    body = api.gql(fragment_bomb(400))
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


def test_healthz_answers_while_a_new_document_is_being_prepared(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    preparing, release = threading.Event(), threading.Event()
    prepare = PreparedDocuments.prepare

    def slow_prepare(self: PreparedDocuments, *args: Any) -> Any:
        preparing.set()
        release.wait(10)
        return prepare(self, *args)

    monkeypatch.setattr(PreparedDocuments, "prepare", slow_prepare)
    with ThreadPoolExecutor(1) as pool:
        answer = pool.submit(api.gql, "{ portfolio { engagements } }")
        assert preparing.wait(10)
        started = time.perf_counter()
        health = api.client.get("/healthz")
        waited = time.perf_counter() - started
        release.set()
        assert answer.result(10)["data"] == {"portfolio": {"engagements": 0}}
    assert health.status_code == 200 and waited < 5


def test_a_document_is_prepared_once_then_answered_from_memory(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    prepare = PreparedDocuments.prepare

    def counted(self: PreparedDocuments, *args: Any) -> Any:
        calls.append(args)
        return prepare(self, *args)

    monkeypatch.setattr(PreparedDocuments, "prepare", counted)
    for _ in range(3):
        assert "errors" not in api.gql("{ portfolio { engagements byState { key count } } }")
        assert codes(api.gql(fragment_bomb(22))) == ["QUERY_TOO_COSTLY"]
    assert len(calls) == 2


def test_a_small_document_returning_megabytes_is_refused_by_its_cost(
    database_url: str, clock: Any
) -> None:
    aliases = 23
    selection = (
        "nodes { position recordedAt occurredAt aggregateType aggregateId version "
        "eventType actor correlationId engagementId data }"
    )
    with serve(database_url, clock, max_query_cost=10**9) as lenient_api:
        engagement_id = lenient_api.open_engagement()
        rapport = lenient_api.services.rapport
        note = "receipt " * 250  # 2,000 characters: a long but ordinary note
        for day in range(1, 100):
            cost = RecordCost(
                engagement_id=UUID(engagement_id),
                amount=Decimal("10.00"),
                category=CostCategory.TRAVEL,
                incurred_on=date(2026, 1, day % 28 + 1),
                note=note,
            )
            recorded = rapport.execute(cost, CommandMeta(actor="maria"))
        assert rapport.wait_for_views(recorded, ["audit"])
        query = (
            "{ "
            + " ".join(
                f'a{i}: auditTrail(engagementId: "{engagement_id}", first: 100) {{ {selection} }}'
                for i in range(aliases)
            )
            + " }"
        )
        assert 4000 < len(query.encode()) < 5000
        answer = lenient_api.post({"query": query}, lenient_api.token())
        assert answer.status_code == 200 and len(answer.content) > 5_000_000
    with serve(database_url, clock) as limited_api:
        body = limited_api.gql(query)
    assert "data" not in body and codes(body) == ["QUERY_TOO_COSTLY"]
    assert "the limit is 20,000" in body["errors"][0]["message"]


PAGES_IN_PAGES = """query($n: Int!, $m: Int!) { complaints(first: $n) { nodes {
    id engagement { complaints(first: $m) { nodes { id state } } } } } }"""


def test_pages_multiply_what_is_under_them_and_a_variable_page_counts_as_the_largest(
    api: Api,
) -> None:
    # Counted at the largest pages: 1 + 100 * (1 + 1 + 1 + (1 + 100 * (1 + 1 + 1))) = 30,401
    body = api.gql(PAGES_IN_PAGES, {"n": 2, "m": 2})
    assert codes(body) == ["QUERY_TOO_COSTLY"]
    assert "would cost about 30,401" in body["errors"][0]["message"]
    literal = PAGES_IN_PAGES.replace("$n", "2").replace("$m", "2")
    literal = literal.replace("query(2: Int!, 2: Int!)", "query")
    assert api.data(literal) == {"complaints": {"nodes": []}}


def nested(levels: int) -> str:
    inner = "id"
    for _ in range(levels):
        inner = f"engagement {{ complaints(first: 1) {{ nodes {{ {inner} }} }} }}"
    return f'{{ complaint(id: "{NOBODY}") {{ {inner} }} }}'


def test_a_query_nested_deeper_than_the_limit_is_refused(api: Api) -> None:
    api.data(nested(3))  # so the deeper one fails on its depth alone
    message = graphql_errors(api, nested(5))
    assert message == "the operation nests 16 levels deep; at most 12 are allowed"


NEXT_LEVEL = (
    "fragment N%d on Complaint { engagement { complaints(first: 1) { nodes { ...N%d } } } }"
)


def test_depth_counts_through_fragments_each_measured_once(api: Api) -> None:
    fragments = " ".join(NEXT_LEVEL % (i, i + 1) for i in range(5))
    query = (
        f'query Deep {{ complaint(id: "{NOBODY}") {{ ...N0 }} }} '
        f"{fragments} fragment N5 on Complaint {{ id }}"
    )
    assert graphql_errors(api, query) == (
        "operation Deep nests 16 levels deep; at most 12 are allowed"
    )


def test_more_aliases_than_the_limit_are_refused(api: Api) -> None:
    def aliased(n: int) -> str:
        return "{ " + " ".join(f"a{i}: portfolio {{ engagements }}" for i in range(n)) + " }"

    assert len(api.data(aliased(30))) == 30
    assert (
        graphql_errors(api, aliased(40)) == "the document uses 40 aliases; at most 30 are allowed"
    )


def test_a_document_over_the_token_limit_is_refused(api: Api) -> None:
    query = "{ portfolio { " + " ".join(["engagements"] * 5000) + " } }"
    assert "more than 5000 tokens" in graphql_errors(api, query)


def test_a_syntax_error_is_reported_as_such(api: Api) -> None:
    body = api.gql("{ portfolio { engagements }")
    assert body.get("data") is None
    assert body["errors"][0]["message"].startswith("Syntax Error")
