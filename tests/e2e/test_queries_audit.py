"""The audit trail over HTTP, paged by log position, with each event's
provenance; the projections' positions; and the tokens an admin lists."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest

from tests.e2e.conftest import CLIENT_ID, Api
from tests.e2e.mutation_cases import RECEIVE, E, Ids, active, run_steps, two_engagements

TRAIL = """query($aggregate: UUID, $engagement: UUID, $first: Int!, $after: String) {
    auditTrail(aggregateId: $aggregate, engagementId: $engagement, first: $first, after: $after) {
        edges { cursor node { position aggregateType aggregateId version eventType actor
                              engagementId recordedAt occurredAt data } }
        pageInfo { hasNextPage endCursor } } }"""


def trail_page(
    api: Api,
    first: int = 100,
    after: str | None = None,
    aggregate: str | None = None,
    engagement: str | None = None,
) -> Any:
    variables = {"aggregate": aggregate, "engagement": engagement, "first": first, "after": after}
    return api.gql(TRAIL, variables)


def positions(page: dict[str, Any]) -> list[int]:
    edges = page["data"]["auditTrail"]["edges"]
    assert [int(edge["cursor"]) for edge in edges] == [edge["node"]["position"] for edge in edges]
    return [edge["node"]["position"] for edge in edges]


def interleaved_work(api: Api) -> Ids:
    """Positions 1-2 open engagement 1, 3-4 engagement 2; then 5 receives and 6
    acknowledges a complaint on 1, 7 records a cost on 1 and 8 one on 2."""
    one, two = two_engagements(api)
    cost = {**E, "amount": "10", "category": "TRAVEL", "incurredOn": "2026-03-01"}
    acknowledge = {"complaintId": "$complaint", "agent": "sam", "message": "Hi"}
    run_steps(
        api, one, ("receiveComplaint", RECEIVE, "complaint"),
        ("acknowledgeComplaint", acknowledge, None), ("recordCost", cost, None),
    )  # fmt: skip
    run_steps(api, two, ("recordCost", cost, None))
    return one


def test_the_audit_trail_of_an_engagement_resumes_after_any_cursor_without_gap_or_repeat(
    api: Api,
) -> None:
    one = interleaved_work(api)
    everything = positions(trail_page(api, engagement=one["engagement"]))
    assert everything == [1, 2, 5, 6, 7]
    pages, after, more = [], None, True
    while more:
        page = trail_page(api, first=2, after=after, engagement=one["engagement"])
        pages.append(positions(page))
        after = page["data"]["auditTrail"]["pageInfo"]["endCursor"]
        more = page["data"]["auditTrail"]["pageInfo"]["hasNextPage"]
    assert pages == [[1, 2], [5, 6], [7]]
    assert positions(trail_page(api, after="3", engagement=one["engagement"])) == [5, 6, 7]


def test_the_audit_trail_of_one_aggregate_shows_each_event_with_its_provenance(api: Api) -> None:
    one = interleaved_work(api)
    edges = trail_page(api, aggregate=one["complaint"])["data"]["auditTrail"]["edges"]
    nodes = [edge["node"] for edge in edges]
    assert [(n["position"], n["eventType"], n["version"]) for n in nodes] == [
        (5, "Complaint.Received", 1), (6, "Complaint.Acknowledged", 2)
    ]  # fmt: skip
    acknowledged = nodes[1]
    assert {key: acknowledged[key] for key in ("aggregateType", "aggregateId", "actor",
                                               "engagementId", "recordedAt", "occurredAt")} == {
        "aggregateType": "complaint", "aggregateId": one["complaint"], "actor": "admin-staff",
        "engagementId": one["engagement"], "recordedAt": "2026-03-02T09:00:00+00:00",
        "occurredAt": "2026-03-02T09:00:00+00:00",
    }  # fmt: skip
    assert acknowledged["data"] == {"agent": "sam", "message": "Hi"}


@pytest.mark.parametrize(
    ("aggregate", "engagement", "after"),
    [(None, None, None), (uuid4(), uuid4(), None), (None, uuid4(), "abc")],
    ids=["neither id", "both ids", "after not a position"],
)
def test_the_audit_trail_refuses_a_bad_question_as_bad_user_input(
    shared_api: Api, aggregate: UUID | None, engagement: UUID | None, after: str | None
) -> None:
    ids = [str(i) if i else None for i in (aggregate, engagement)]
    body = trail_page(shared_api, after=after, aggregate=ids[0], engagement=ids[1])
    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["BAD_USER_INPUT"]


def test_projections_report_each_views_position_at_the_head_of_the_log(api: Api) -> None:
    active(api)
    found = api.data("{ projections { name position head lag } }", token=api.token("viewer"))
    views = ("progress", "budget", "satisfaction", "risks", "workload", "portfolio",
             "engagement_plan", "audit", "complaint_rows", "requirement_rows", "risk_rows",
             "calendar_rows", "sla_policy_rows")  # fmt: skip
    reported = {p["name"]: (p["position"], p["head"], p["lag"]) for p in found["projections"]}
    assert reported == dict.fromkeys(views, (2, 2, 0))


def test_an_admin_lists_the_tokens_and_no_one_else_may(api: Api) -> None:
    api.token("viewer")
    api.token("client", CLIENT_ID)
    tokens = api.data("{ tokens { name role clientId revokedAt } }")["tokens"]
    assert sorted(tokens, key=lambda t: t["name"]) == [
        {"name": "admin-staff", "role": "ADMIN", "clientId": None, "revokedAt": None},
        {"name": f"client-{CLIENT_ID}", "role": "CLIENT", "clientId": str(CLIENT_ID),
         "revokedAt": None},
        {"name": "viewer-staff", "role": "VIEWER", "clientId": None, "revokedAt": None},
    ]  # fmt: skip
    refused = api.gql("{ tokens { name } }", token=api.token("manager"))
    assert refused["data"] is None
    assert [error["extensions"]["code"] for error in refused["errors"]] == ["FORBIDDEN"]
