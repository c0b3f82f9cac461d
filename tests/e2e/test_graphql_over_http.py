"""The GraphQL-over-HTTP spec's conformance audit (`serverAudits` of the npm
package `graphql-http`, the one its website runs) against a live server: every
MUST and every SHOULD passes. What is left failing is listed, with why.

The probes of each class of request are also in `test_hardening.py`, with the
answers they get in full."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.live_server import Server, serve
from tests.e2e.node import NodeScript

# The audit probes HTTP in front of the database: SQLite stands for both kinds.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

GET_REFUSED = "a query sent by GET is refused with 405: queries and mutations come by POST"
# Audits that fail on purpose, by id, with the reason. MAYs are optional.
LEFT_FAILING = {
    "5A70": GET_REFUSED,  # MAY accept GET requests
    "D6D5": GET_REFUSED,  # MAY accept variables in GET requests (graphql-response+json)
    "6A70": GET_REFUSED,  # MAY accept variables in GET requests (application/json)
}
# Production refuses introspection (no map of the API for a stranger), and these
# two probe a variable with `__type(name: $name)`: their `variables` are accepted,
# and the document is refused as a validation error, as it should be there.
LEFT_FAILING_IN_PRODUCTION = LEFT_FAILING | {
    "28B9": "MUST allow map {variables}: its probe queries `__type`, refused in production",
    "2EA1": "SHOULD allow map {variables}: its probe queries `__type`, refused in production",
}


def audit(server: Server) -> list[dict[str, Any]]:
    """Each audit's id, name (starting MUST, SHOULD or MAY), status and reason."""
    with NodeScript("audit.mjs", f"{server.base_url}/graphql", server.token()) as script:
        results: list[dict[str, Any]] = script.lines()
    return results


def failing(results: list[dict[str, Any]]) -> dict[str, str]:
    return {
        r["id"]: f"{r['name']}: {r['reason']} {r.get('body', '')}"
        for r in results
        if r["status"] != "ok"
    }


@pytest.fixture
def production(database_url: str) -> Iterator[Server]:
    with serve(database_url, env="production") as served:
        yield served


def test_every_must_and_should_of_the_graphql_over_http_audit_passes(server: Server) -> None:
    results = audit(server)

    assert len(results) > 50  # the whole audit ran
    assert set(failing(results)) == set(LEFT_FAILING), failing(results)
    assert all(r["name"].startswith("MAY") for r in results if r["id"] in LEFT_FAILING)


def test_in_production_only_the_audits_that_need_introspection_fail_besides(
    production: Server,
) -> None:
    assert set(failing(audit(production))) == set(LEFT_FAILING_IN_PRODUCTION)
