"""A page of engagements with their views costs the same few SQL statements
however many engagements it holds: each view is read once per page, not once
per engagement."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event

from application.commands.base import CommandMeta
from application.commands.engagement import OpenEngagement
from tests.conftest import FakeClock
from tests.e2e.conftest import CLIENT_ID, Api, running_api

DASHBOARD_PAGE = """query($first: Int!) { engagements(first: $first) { nodes {
    title health version team { person } milestones { name } objectives { metric }
    communicationPlan { cadence }
    progress { milestoneCompletionPercent scopeChurn }
    budget { consumedPercent earnedValue { cpi } }
    satisfaction { csatMean slaCompliance { clock percent } }
    riskRegister { risksTotal heatMap }
} } }"""


def open_engagements(api: Api, count: int) -> None:
    rapport = api.services.rapport
    for number in range(count):
        command = OpenEngagement(
            client_id=CLIENT_ID,
            client_name="Acme",
            title=f"Engagement {number}",
            planned_start=date(2026, 1, 5),
            planned_end=date(2026, 12, 18),
            budget=Decimal("1000"),
            currency="EUR",
            owner="maria",
        )
        result = rapport.execute(command, CommandMeta(actor="test"))
    assert rapport.wait_for_views(result, list(api.services.reader.views))


@pytest.fixture
def api(database_url: str, clock: FakeClock) -> Iterator[Api]:
    """The app with no response cache: every request here reads the views."""
    with running_api(database_url, clock, response_cache_mib=0) as started:
        yield started


@contextmanager
def statements(api: Api) -> Iterator[list[str]]:
    """Every SQL statement the view store runs inside the block."""
    engine = api.services.runtime.store.engine
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_a_page_of_fifty_engagements_with_their_views_reads_each_view_once(api: Api) -> None:
    open_engagements(api, 50)
    api.data(DASHBOARD_PAGE, {"first": 5})  # the token is looked up once and for all
    with statements(api) as few:
        small = api.data(DASHBOARD_PAGE, {"first": 5})
    with statements(api) as many:
        large = api.data(DASHBOARD_PAGE, {"first": 50})
    assert len(small["engagements"]["nodes"]) == 5
    assert len(large["engagements"]["nodes"]) == 50
    assert all(node["progress"] and node["riskRegister"] for node in large["engagements"]["nodes"])
    # Not one statement per engagement: at most a read more when the fields of
    # a longer page reach the loader over two turns of the event loop (two
    # batches, each looking up the live tables once).
    assert len(many) - len(few) <= 2, (few, many)
    # Token, the page (its live table, then its rows), then for each of the five
    # views its live table and its rows; no engagement is loaded from the log.
    assert len(many) <= 13, many


def test_a_field_that_fails_beside_others_waiting_on_a_shared_report_fails_alone(
    api: Api,
) -> None:
    # Complaints of one engagement share its progress report. When one of them
    # fails (a page too large), GraphQL stops its siblings; they must not take
    # the shared read down with them, which would end the request without an
    # answer instead of with the error.
    engagement_id = api.open_engagement()
    for _ in range(3):
        api.receive_complaint(engagement_id)
    body = api.gql("""{ complaints(first: 7) { nodes { engagement {
        progress { acceptancePercent } risks(first: 205) { nodes { id } } } } } }""")
    assert "Unexpected error" not in str(body), body
    assert body["errors"], body
