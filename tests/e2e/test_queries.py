"""Every query over HTTP: objects by id (live and as of a moment), the filtered
connections and their cursors, the portfolio, the audit trail, projections and tokens."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import pytest

from tests.e2e import test_mutations
from tests.e2e.conftest import CLIENT_ID, Api, engagement_input
from tests.e2e.test_mutations import (
    CAPTURE,
    IDENTIFY,
    RECEIVE,
    Ids,
    active,
    run_steps,
    step,
)

# One app per database for the tests that look only at objects of their own and
# never move the clock; the others get a fresh app (`api`).
shared_api = test_mutations.shared_api

OTHER_CLIENT = UUID("0b7e6f3c-2f8e-4c55-9a53-5f0c3c9d1e27")
E = {"engagementId": "$engagement"}
HISTORY = "history(first: 100) { nodes { eventType } }"
CHILD = f"id state engagement {{ id }} {HISTORY}"


def ids_of(connection: dict[str, Any]) -> list[str]:
    return [node["id"] for node in connection["nodes"]]


def event_types(connection: dict[str, Any]) -> list[str]:
    return [node["eventType"] for node in connection["nodes"]]


def nonzero(counts: list[dict[str, Any]]) -> dict[str, int]:
    return {c["key"]: c["count"] for c in counts if c["count"]}


# One engagement, live.


def busy_engagement(api: Api) -> Ids:
    """An active engagement with an objective, two milestones (one overdue, one
    done), a member, a cost, a survey, and a requirement, complaint and risk."""
    return run_steps(
        api, active(api),
        ("setObjective", {**E, "description": "Answer in a day", "metric": "hours",
                          "target": "24", "dueOn": "2026-06-30"}, "objective"),
        ("planMilestone", {**E, "name": "Kick-off", "dueOn": "2026-02-01", "weight": "1"},
         "kickoff"),
        ("planMilestone", {**E, "name": "Go-live", "dueOn": "2026-06-01", "weight": "3"},
         "golive"),
        ("completeMilestone", {**E, "milestoneId": "$golive"}, None),
        ("assignMember", {**E, "person": "sam", "role": "accountable", "area": "support"}, None),
        ("recordCost", {**E, "amount": "1000.00", "category": "labour",
                        "incurredOn": "2026-03-01"}, None),
        ("recordSurveyResponse", {**E, "csat": 4, "nps": 10, "respondent": "Ann",
                                  "channel": "email"}, None),
        ("captureRequirement", CAPTURE, "requirement"),
        ("receiveComplaint", RECEIVE, "complaint"),
        ("identifyRisk", IDENTIFY, "risk"),
        ("assessRisk", {"riskId": "$risk", "probability": 3, "impact": 4}, None),
    )  # fmt: skip


ENGAGEMENT = f"""query($id: UUID!) {{ engagement(id: $id) {{
    id clientId clientName title owner state health version asOf asOfAxis
    progress {{ milestonesTotal milestonesCompleted milestoneCompletionPercent
                overdueMilestones {{ name }} requirementsByState {{ key count }} latestRag }}
    budget {{ budget actualCost costByCategory {{ key amount }}
              earnedValue {{ plannedValue earnedValue }} }}
    satisfaction {{ csatResponses csatMean npsResponses nps complaintsReceived
                    openBySeverity {{ key count }} }}
    riskRegister {{ risksTotal heatMap topExposures {{ title exposure level }} }}
    team {{ person role area }}
    objectives {{ id metric target actual }}
    milestones {{ id name weight completedAt }}
    requirements {{ nodes {{ {CHILD} priority }} }}
    complaints {{ nodes {{ {CHILD} severity }} }}
    risks {{ nodes {{ {CHILD} exposure }} }}
    {HISTORY}
}} }}"""


def test_an_engagement_shows_its_figures_people_plans_children_and_history(shared_api: Api) -> None:
    api = shared_api
    ids = busy_engagement(api)
    found = api.data(ENGAGEMENT, {"id": ids["engagement"]})["engagement"]
    assert {key: found[key] for key in ("id", "clientId", "state", "version", "asOf")} == {
        "id": ids["engagement"], "clientId": str(CLIENT_ID), "state": "active", "version": 9,
        "asOf": None,
    }  # fmt: skip
    progress = found["progress"]
    assert nonzero(progress.pop("requirementsByState")) == {"captured": 1}
    assert progress == {
        "milestonesTotal": 2, "milestonesCompleted": 1, "milestoneCompletionPercent": "75.00",
        "overdueMilestones": [{"name": "Kick-off"}], "latestRag": None,
    }  # fmt: skip
    budget = found["budget"]
    assert (budget["budget"], budget["actualCost"]) == ("120000.00", "1000.00")
    assert budget["earnedValue"] == {"plannedValue": "30000.00", "earnedValue": "90000.00"}
    satisfaction = found["satisfaction"]
    assert (satisfaction["csatMean"], satisfaction["nps"]) == ("4.00", "100.00")
    assert nonzero(satisfaction["openBySeverity"]) == {"high": 1}
    register = found["riskRegister"]
    assert (register["risksTotal"], register["heatMap"][2][3]) == (1, 1)
    assert register["topExposures"] == [
        {"title": "Key person leaves", "exposure": 12, "level": "high"}
    ]
    assert found["team"] == [{"person": "sam", "role": "accountable", "area": "support"}]
    assert found["objectives"] == [
        {"id": ids["objective"], "metric": "hours", "target": "24", "actual": None}
    ]
    assert [(m["id"], m["completedAt"] is None) for m in found["milestones"]] == [
        (ids["kickoff"], True), (ids["golive"], False)
    ]  # fmt: skip
    check_children(found, ids)
    assert len(event_types(found["history"])) == 13  # its own 9 and its children's 4


def check_children(engagement: dict[str, Any], ids: Ids) -> None:
    """Each child names its engagement and its own history."""
    expected = {
        "requirements": (ids["requirement"], ["Requirement.Captured"]),
        "complaints": (ids["complaint"], ["Complaint.Received"]),
        "risks": (ids["risk"], ["Risk.Identified", "Risk.Assessed"]),
    }
    for name, (child_id, history) in expected.items():
        [child] = engagement[name]["nodes"]
        assert (child["id"], child["engagement"], event_types(child["history"])) == (
            child_id, {"id": ids["engagement"]}, history
        )  # fmt: skip


def test_each_child_by_id_shows_its_fields_engagement_and_history(shared_api: Api) -> None:
    api = shared_api
    ids = run_steps(
        api, active(api),
        ("captureRequirement", CAPTURE, "requirement"),
        ("receiveComplaint", RECEIVE, "complaint"),
        ("identifyRisk", IDENTIFY, "risk"),
    )  # fmt: skip
    found = api.data(
        f"""query($r: UUID!, $c: UUID!, $k: UUID!) {{
            requirement(id: $r) {{ {CHILD} title priority version }}
            complaint(id: $c) {{ {CHILD} severity assignee version }}
            risk(id: $k) {{ {CHILD} title exposure level version }} }}""",
        {"r": ids["requirement"], "c": ids["complaint"], "k": ids["risk"]},
    )
    engagement = {"id": ids["engagement"]}
    assert found["requirement"] == {
        "id": ids["requirement"], "state": "captured", "engagement": engagement,
        "history": {"nodes": [{"eventType": "Requirement.Captured"}]},
        "title": "Export to CSV", "priority": "must", "version": 1,
    }  # fmt: skip
    assert found["complaint"] == {
        "id": ids["complaint"], "state": "received", "engagement": engagement,
        "history": {"nodes": [{"eventType": "Complaint.Received"}]},
        "severity": "high", "assignee": None, "version": 1,
    }  # fmt: skip
    assert found["risk"] == {
        "id": ids["risk"], "state": "identified", "engagement": engagement,
        "history": {"nodes": [{"eventType": "Risk.Identified"}]},
        "title": "Key person leaves", "exposure": None, "level": None, "version": 1,
    }  # fmt: skip


def test_an_unknown_id_gives_null_without_an_error(shared_api: Api) -> None:
    api = shared_api
    body = api.gql(
        """query($id: UUID!) { engagement(id: $id) { id } requirement(id: $id) { id }
           complaint(id: $id) { id } risk(id: $id) { id } }""",
        {"id": str(uuid4())},
    )
    assert body == {
        "data": {"engagement": None, "requirement": None, "complaint": None, "risk": None}
    }


def test_an_unknown_id_as_of_a_moment_gives_null_without_an_error(shared_api: Api) -> None:
    api = shared_api
    query = """query($id: UUID!) {
        engagement(id: $id, asOf: "2026-03-02T08:00:00+00:00") { id } }"""
    assert api.gql(query, {"id": str(uuid4())}) == {"data": {"engagement": None}}


# One engagement, as of a moment.

AS_OF = """query($id: UUID!, $at: DateTime, $axis: TimeAxis!) {
    engagement(id: $id, asOf: $at, axis: $axis) {
        asOf asOfAxis state version budget { actualCost }
        complaints { nodes { id state } } } }"""


def two_days_of_work(api: Api) -> Ids:
    """Day 1 (Mar 2) opens; day 2 records a cost of 1000 and receives a complaint;
    day 3 records a cost of 500 that occurred on day 2 at 11:00, and answers the complaint."""
    ids = active(api)
    api.clock.advance(days=1)
    run_steps(
        api, ids,
        ("recordCost", {**E, "amount": "1000.00", "category": "labour",
                        "incurredOn": "2026-03-03"}, None),
        ("receiveComplaint", RECEIVE, "complaint"),
    )  # fmt: skip
    api.clock.advance(days=1)
    return run_steps(
        api, ids,
        ("recordCost", {**E, "amount": "500.00", "category": "travel", "incurredOn": "2026-03-03",
                        "occurredAt": "2026-03-03T11:00:00+00:00"}, None),
        ("acknowledgeComplaint", {"complaintId": "$complaint", "agent": "sam", "message": "Hi"},
         None),
    )  # fmt: skip


def as_of(api: Api, ids: Ids, at: str | None, axis: str = "RECORDED") -> Any:
    variables = {"id": ids["engagement"], "at": at, "axis": axis}
    found = api.data(AS_OF, variables)["engagement"]
    if found is None:
        return None
    complaints = [node["state"] for node in found["complaints"]["nodes"]]
    return found["version"], found["budget"]["actualCost"], complaints


def test_as_of_recorded_shows_what_was_known_then_and_occurred_what_had_happened(
    api: Api,
) -> None:
    ids = two_days_of_work(api)
    assert as_of(api, ids, "2026-03-02T08:00:00+00:00") is None  # before it was opened
    assert as_of(api, ids, "2026-03-02T10:00:00+00:00") == (2, "0", [])
    assert as_of(api, ids, "2026-03-03T10:00:00+00:00", "OCCURRED") == (3, "1000.00", ["received"])
    # At 12:00 on day 2 the second cost had happened, but was not recorded until day 3.
    assert as_of(api, ids, "2026-03-03T12:00:00+00:00") == (3, "1000.00", ["received"])
    assert as_of(api, ids, "2026-03-03T12:00:00+00:00", "OCCURRED") == (
        4, "1500.00", ["received"]
    )  # fmt: skip
    assert as_of(api, ids, None) == (4, "1500.00", ["acknowledged"])
    echoed = api.data(AS_OF, {"id": ids["engagement"], "at": "2026-03-03T12:00:00+00:00",
                              "axis": "OCCURRED"})["engagement"]  # fmt: skip
    assert (echoed["asOf"], echoed["asOfAxis"], echoed["state"]) == (
        "2026-03-03T12:00:00+00:00", "OCCURRED", "active"
    )  # fmt: skip


def test_as_of_a_moment_without_an_offset_is_bad_user_input(shared_api: Api) -> None:
    api = shared_api
    ids = active(api)
    body = api.gql(AS_OF, {"id": ids["engagement"], "at": "2026-03-02T10:00:00",
                           "axis": "RECORDED"})  # fmt: skip
    assert body["data"] == {"engagement": None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]


# Engagements: filters, pages, portfolio.


def four_engagements(api: Api) -> dict[str, str]:
    """Client 1: `green` (active, CSAT 5) and `planned`; client 2: `red` (CSAT 1)
    and `amber` (CSAT 3). By name, their ids."""
    names = {"planned": api.mutate("openEngagement", engagement_input())["createdIds"][0]}
    for name, client, csat in (("green", CLIENT_ID, 5), ("red", OTHER_CLIENT, 1),
                               ("amber", OTHER_CLIENT, 3)):  # fmt: skip
        ids = {"engagement": api.open_engagement(client)}
        survey = {**E, "csat": csat, "respondent": "Ann", "channel": "web"}
        step("recordSurveyResponse", survey)(api, ids)
        names[name] = ids["engagement"]
    return names


ENGAGEMENTS = """query($filter: EngagementFilter, $first: Int!, $after: String) {
    engagements(filter: $filter, first: $first, after: $after) {
        nodes { id health } pageInfo { hasNextPage endCursor } } }"""


def engagements(api: Api, first: int = 20, after: str | None = None, **filter: str) -> Any:
    variables = {"filter": filter, "first": first, "after": after}
    return api.data(ENGAGEMENTS, variables)["engagements"]


def test_engagements_filter_by_client_state_and_health(api: Api) -> None:
    found = four_engagements(api)
    picked = {
        "client 1": engagements(api, clientId=str(CLIENT_ID)),
        "client 2": engagements(api, clientId=str(OTHER_CLIENT)),
        "planned": engagements(api, state="planned"),
        "active": engagements(api, state="active"),
        "green": engagements(api, health="green"),
        "amber": engagements(api, health="amber"),
        "red": engagements(api, health="red"),
        "client 2, amber": engagements(api, clientId=str(OTHER_CLIENT), health="amber"),
    }
    named = {found[name]: name for name in found}
    assert {key: sorted(named[i] for i in ids_of(page)) for key, page in picked.items()} == {
        "client 1": ["green", "planned"], "client 2": ["amber", "red"], "planned": ["planned"],
        "active": ["amber", "green", "red"], "green": ["green", "planned"], "amber": ["amber"],
        "red": ["red"], "client 2, amber": ["amber"],
    }  # fmt: skip


def test_engagements_page_in_id_order_and_resume_after_the_end_cursor(api: Api) -> None:
    found = four_engagements(api)
    every = sorted(found.values())
    first = engagements(api, first=3)
    assert (ids_of(first), first["pageInfo"]) == (
        every[:3], {"hasNextPage": True, "endCursor": every[2]}
    )  # fmt: skip
    rest = engagements(api, first=3, after=first["pageInfo"]["endCursor"])
    assert (ids_of(rest), rest["pageInfo"]) == (
        every[3:], {"hasNextPage": False, "endCursor": every[3]}
    )  # fmt: skip
    # Health is judged per row as of now, after the rows are read: pages still fill up.
    greens = sorted([found["green"], found["planned"]])
    one = engagements(api, first=1, health="green")
    two = engagements(api, first=1, after=one["pageInfo"]["endCursor"], health="green")
    assert (ids_of(one), one["pageInfo"]["hasNextPage"]) == (greens[:1], True)
    assert (ids_of(two), two["pageInfo"]["hasNextPage"]) == (greens[1:], False)
    assert engagements(api, first=0) == {
        "nodes": [], "pageInfo": {"hasNextPage": True, "endCursor": None}
    }  # fmt: skip


def test_the_portfolio_counts_engagements_by_health_and_state(api: Api) -> None:
    four_engagements(api)
    portfolio = api.data(
        "{ portfolio { engagements byHealth { key count } byState { key count } } }"
    )["portfolio"]
    assert (portfolio["engagements"], nonzero(portfolio["byHealth"])) == (
        4, {"green": 2, "amber": 1, "red": 1}
    )  # fmt: skip
    assert nonzero(portfolio["byState"]) == {"active": 3, "planned": 1}


# Requirements, complaints and risks: filtered connections, top-level and under an engagement.


def filtered(api: Api, field: str, names: dict[str, str], **filter: Any) -> list[str]:
    """The names of the objects `field`(filter) answers."""
    kind = field[:-1].capitalize()
    query = f"query($f: {kind}Filter) {{ {field}(filter: $f) {{ nodes {{ id }} }} }}"
    return named(ids_of(api.data(query, {"f": filter})[field]), names)


def nested(api: Api, field: str, names: dict[str, str], **filter: Any) -> list[str]:
    """The names `engagement(e1) { field(filter) }` answers."""
    kind = field[:-1].capitalize()
    query = f"""query($id: UUID!, $f: {kind}Filter) {{
        engagement(id: $id) {{ {field}(filter: $f) {{ nodes {{ id }} }} }} }}"""
    found = api.data(query, {"id": names["e1"], "f": filter})["engagement"][field]
    return named(ids_of(found), names)


def named(object_ids: list[str], names: dict[str, str]) -> list[str]:
    by_id = {object_id: name for name, object_id in names.items()}
    return sorted(by_id[object_id] for object_id in object_ids)


def two_engagements(api: Api) -> tuple[Ids, Ids]:
    return active(api), active(api)


def test_complaints_filter_by_engagement_state_severity_assignee_and_breach(api: Api) -> None:
    one, two = two_engagements(api)
    c = {"complaintId": "$c1"}
    run_steps(api, one, ("receiveComplaint", {**RECEIVE, "severity": "critical"}, "c1"),
              ("receiveComplaint", {**RECEIVE, "severity": "low"}, "c2"))  # fmt: skip
    run_steps(api, two, ("receiveComplaint", RECEIVE, "c3"))
    api.clock.advance(hours=2)  # past the critical complaint's first-response target
    run_steps(
        api, one, ("recordSlaBreach", {**c, "clock": "first_response"}, None),
        ("acknowledgeComplaint", {**c, "agent": "sam", "message": "Sorry"}, None),
        ("assignComplaint", {**c, "agent": "lee"}, None),
    )  # fmt: skip
    names = {"e1": one["engagement"], "c1": one["c1"], "c2": one["c2"], "c3": two["c3"]}
    assert {
        "e1": filtered(api, "complaints", names, engagementId=names["e1"]),
        "in progress": filtered(api, "complaints", names, state="in_progress"),
        "received": filtered(api, "complaints", names, state="received"),
        "low": filtered(api, "complaints", names, severity="low"),
        "lee's": filtered(api, "complaints", names, assignee="lee"),
        "breached": filtered(api, "complaints", names, breached=True),
        "not breached": filtered(api, "complaints", names, breached=False),
        "e1 critical": nested(api, "complaints", names, severity="critical"),
        "e1 only, whatever asked": nested(api, "complaints", names, engagementId=two["engagement"]),
    } == {
        "e1": ["c1", "c2"], "in progress": ["c1"], "received": ["c2", "c3"], "low": ["c2"],
        "lee's": ["c1"], "breached": ["c1"], "not breached": ["c2", "c3"],
        "e1 critical": ["c1"], "e1 only, whatever asked": ["c1", "c2"],
    }  # fmt: skip


def test_requirements_filter_by_engagement_state_and_priority(api: Api) -> None:
    one, two = two_engagements(api)
    r = {"requirementId": "$r1"}
    run_steps(
        api, one, ("captureRequirement", CAPTURE, "r1"),
        ("addAcceptanceCriterion", {**r, "text": "Every row"}, None),
        ("confirmRequirement", {**r, "confirmedBy": "Ann"}, None),
        ("captureRequirement", {**CAPTURE, "priority": "could"}, "r2"),
    )  # fmt: skip
    run_steps(api, two, ("captureRequirement", {**CAPTURE, "priority": "should"}, "r3"))
    names = {"e1": one["engagement"], "r1": one["r1"], "r2": one["r2"], "r3": two["r3"]}
    assert {
        "e1": filtered(api, "requirements", names, engagementId=names["e1"]),
        "confirmed": filtered(api, "requirements", names, state="confirmed"),
        "captured": filtered(api, "requirements", names, state="captured"),
        "could": filtered(api, "requirements", names, priority="could"),
        "should": filtered(api, "requirements", names, priority="should"),
        "e1 captured": nested(api, "requirements", names, state="captured"),
    } == {
        "e1": ["r1", "r2"], "confirmed": ["r1"], "captured": ["r2", "r3"], "could": ["r2"],
        "should": ["r3"], "e1 captured": ["r2"],
    }  # fmt: skip


def test_risks_filter_by_engagement_state_and_level(api: Api) -> None:
    one, two = two_engagements(api)
    run_steps(
        api, one, ("identifyRisk", IDENTIFY, "k1"),
        ("assessRisk", {"riskId": "$k1", "probability": 4, "impact": 5}, None),
        ("identifyRisk", IDENTIFY, "k2"),
    )  # fmt: skip
    run_steps(
        api, two, ("identifyRisk", IDENTIFY, "k3"),
        ("assessRisk", {"riskId": "$k3", "probability": 1, "impact": 2}, None),
    )  # fmt: skip
    names = {"e1": one["engagement"], "k1": one["k1"], "k2": one["k2"], "k3": two["k3"]}
    assert {
        "e1": filtered(api, "risks", names, engagementId=names["e1"]),
        "identified": filtered(api, "risks", names, state="identified"),
        "assessed": filtered(api, "risks", names, state="assessed"),
        "critical": filtered(api, "risks", names, level="critical"),
        "low": filtered(api, "risks", names, level="low"),
        "e1 low": nested(api, "risks", names, level="low"),
        "e1 critical": nested(api, "risks", names, level="critical"),
    } == {
        "e1": ["k1", "k2"], "identified": ["k2"], "assessed": ["k1", "k3"], "critical": ["k1"],
        "low": ["k3"], "e1 low": [], "e1 critical": ["k1"],
    }  # fmt: skip


# The audit trail, projections and tokens.

TRAIL = """query($aggregate: UUID, $engagement: UUID, $first: Int!, $after: String) {
    auditTrail(aggregateId: $aggregate, engagementId: $engagement, first: $first, after: $after) {
        edges { cursor node { position aggregateType aggregateId version eventType actor
                              engagementId recordedAt occurredAt data } }
        pageInfo { hasNextPage endCursor } } }"""


def trail(
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
    cost = {**E, "amount": "10", "category": "travel", "incurredOn": "2026-03-01"}
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
    everything = positions(trail(api, engagement=one["engagement"]))
    assert everything == [1, 2, 5, 6, 7]
    pages, after, more = [], None, True
    while more:
        page = trail(api, first=2, after=after, engagement=one["engagement"])
        pages.append(positions(page))
        after = page["data"]["auditTrail"]["pageInfo"]["endCursor"]
        more = page["data"]["auditTrail"]["pageInfo"]["hasNextPage"]
    assert pages == [[1, 2], [5, 6], [7]]
    assert positions(trail(api, after="3", engagement=one["engagement"])) == [5, 6, 7]


def test_the_audit_trail_of_one_aggregate_shows_each_event_with_its_provenance(api: Api) -> None:
    one = interleaved_work(api)
    edges = trail(api, aggregate=one["complaint"])["data"]["auditTrail"]["edges"]
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
    body = trail(shared_api, after=after, aggregate=ids[0], engagement=ids[1])
    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["BAD_USER_INPUT"]


def test_projections_report_each_views_position_at_the_head_of_the_log(api: Api) -> None:
    active(api)
    found = api.data("{ projections { name position head lag } }", token=api.token("viewer"))
    views = ("progress", "budget", "satisfaction", "risks", "workload", "portfolio", "audit",
             "complaint_rows", "requirement_rows", "risk_rows")  # fmt: skip
    reported = {p["name"]: (p["position"], p["head"], p["lag"]) for p in found["projections"]}
    assert reported == dict.fromkeys(views, (2, 2, 0))


def test_an_admin_lists_the_tokens_and_no_one_else_may(api: Api) -> None:
    api.token("viewer")
    api.token("client", CLIENT_ID)
    tokens = api.data("{ tokens { name role clientId revokedAt } }")["tokens"]
    assert sorted(tokens, key=lambda t: t["name"]) == [
        {"name": "admin-staff", "role": "admin", "clientId": None, "revokedAt": None},
        {"name": f"client-{CLIENT_ID}", "role": "client", "clientId": str(CLIENT_ID),
         "revokedAt": None},
        {"name": "viewer-staff", "role": "viewer", "clientId": None, "revokedAt": None},
    ]  # fmt: skip
    refused = api.gql("{ tokens { name } }", token=api.token("manager"))
    assert refused["data"] is None
    assert [error["extensions"]["code"] for error in refused["errors"]] == ["FORBIDDEN"]


# Page sizes.

AS_OF_NOW = 'engagement(id: $e, asOf: "2026-03-02T09:00:00+00:00")'
TOO_LARGE = [
    (None, "engagements"), (None, "requirements"), (None, "complaints"), (None, "risks"),
    (None, "auditTrail(engagementId: $e, first: 101)"), (None, "engagements(first: -1)"),
    ("engagement(id: $e)", "requirements"), ("engagement(id: $e)", "complaints"),
    ("engagement(id: $e)", "risks"), ("engagement(id: $e)", "history"),
    (AS_OF_NOW, "requirements"), (AS_OF_NOW, "complaints"), (AS_OF_NOW, "risks"),
    ("requirement(id: $r)", "history"), ("complaint(id: $c)", "history"),
    ("risk(id: $k)", "history"),
]  # fmt: skip


def page_query(holder: str | None, connection: str, ids: Ids) -> str:
    call = connection if "(" in connection else f"{connection}(first: 101)"
    inner = f"{call} {{ edges {{ cursor }} }}"
    query = f"{{ {holder} {{ __typename {inner} }} }}" if holder else f"{{ {inner} }}"
    for variable, key in (("$e", "engagement"), ("$r", "requirement"), ("$c", "complaint"),
                          ("$k", "risk")):  # fmt: skip
        query = query.replace(variable, f'"{ids[key]}"')
    return query


def test_a_page_larger_than_100_is_bad_user_input_and_shows_nothing(shared_api: Api) -> None:
    """A connection is non-null: its error nulls the whole answer, or the object
    holding it, so nothing of the object is shown."""
    api = shared_api
    ids = run_steps(
        api, active(api), ("captureRequirement", CAPTURE, "requirement"),
        ("receiveComplaint", RECEIVE, "complaint"), ("identifyRisk", IDENTIFY, "risk"),
    )  # fmt: skip
    answers, expected = {}, {}
    for holder, connection in TOO_LARGE:
        name = f"{holder or ''} {connection}"
        body = api.gql(page_query(holder, connection, ids))
        codes = [error["extensions"].get("code") for error in body.get("errors", [])]
        answers[name] = (codes, body["data"])
        expected[name] = (["BAD_USER_INPUT"], {holder.split("(")[0]: None} if holder else None)
    assert answers == expected
