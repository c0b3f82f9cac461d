"""Engagements over HTTP: one by id with every figure and child, as of a moment
on either time axis, the filtered and paged list, and the portfolio."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tests.e2e.conftest import (
    CHILD,
    CLIENT_ID,
    HISTORY,
    OTHER_CLIENT_ID,
    Api,
    engagement_input,
    event_types,
    ids_of,
)
from tests.e2e.mutation_cases import (
    CAPTURE,
    IDENTIFY,
    RECEIVE,
    E,
    Ids,
    active,
    run_steps,
    step,
)


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
        ("assignMember", {**E, "person": "sam", "role": "ACCOUNTABLE", "area": "support"}, None),
        ("recordCost", {**E, "amount": "1000.00", "category": "LABOUR",
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
                    openBySeverity {{ key count }}
                    weekly {{ week csatResponses csatMean npsResponses nps }} }}
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
        "id": ids["engagement"], "clientId": str(CLIENT_ID), "state": "ACTIVE", "version": 9,
        "asOf": None,
    }  # fmt: skip
    progress = found["progress"]
    assert nonzero(progress.pop("requirementsByState")) == {"CAPTURED": 1}
    assert progress == {
        "milestonesTotal": 2, "milestonesCompleted": 1, "milestoneCompletionPercent": "75.00",
        "overdueMilestones": [{"name": "Kick-off"}], "latestRag": None,
    }  # fmt: skip
    budget = found["budget"]
    assert (budget["budget"], budget["actualCost"]) == ("120000.00", "1000.00")
    assert budget["earnedValue"] == {"plannedValue": "30000.00", "earnedValue": "90000.00"}
    satisfaction = found["satisfaction"]
    assert (satisfaction["csatMean"], satisfaction["nps"]) == ("4.00", "100.00")
    assert nonzero(satisfaction["openBySeverity"]) == {"HIGH": 1}
    assert satisfaction["weekly"] == [
        {"week": "2026-03-02", "csatResponses": 1, "csatMean": "4.00", "npsResponses": 1,
         "nps": "100.00"}
    ]  # fmt: skip
    register = found["riskRegister"]
    assert (register["risksTotal"], register["heatMap"][2][3]) == (1, 1)
    assert register["topExposures"] == [
        {"title": "Key person leaves", "exposure": 12, "level": "HIGH"}
    ]
    assert found["team"] == [{"person": "sam", "role": "ACCOUNTABLE", "area": "support"}]
    assert found["objectives"] == [
        {"id": ids["objective"], "metric": "hours", "target": "24", "actual": None}
    ]
    assert [(m["id"], m["completedAt"] is None) for m in found["milestones"]] == [
        (ids["kickoff"], True), (ids["golive"], False)
    ]  # fmt: skip
    check_children(found, ids)
    assert len(event_types(found["history"])) == 13  # its own 9 and its children's 4


def test_budget_burn_has_a_point_per_week_from_the_planned_start(shared_api: Api) -> None:
    api = shared_api
    ids = busy_engagement(api)  # planned from Monday 5 Jan; now Monday 2 Mar, 09:00
    query = """query($id: UUID!) { engagement(id: $id) { budget {
        burn { week actualCost plannedValue earnedValue } } } }"""

    burn = api.data(query, {"id": ids["engagement"]})["engagement"]["budget"]["burn"]

    def point(week: str, cost: str, planned: str, earned: str) -> dict[str, str]:
        return {"week": week, "actualCost": cost, "plannedValue": planned, "earnedValue": earned}

    before = ("2026-01-05", "2026-01-12", "2026-01-19")
    nothing = [point(week, "0.00", "0.00", "0.00") for week in before]
    # Kick-off (weight 1 of 4) is due Sunday 1 Feb and never done; Go-live (3) was
    # done this morning; 1000.00 was spent on Sunday 1 Mar.
    after = ("2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16")
    due = [point(week, "0.00", "30000.00", "0.00") for week in after]
    assert burn == [
        *nothing, *due,
        point("2026-02-23", "1000.00", "30000.00", "0.00"),
        point("2026-03-02", "1000.00", "30000.00", "90000.00"),
    ]  # fmt: skip


def test_meetings_come_latest_held_first_and_status_reports_latest_published_first(
    shared_api: Api,
) -> None:
    api = shared_api

    def meeting(held_on: str, minutes: str) -> tuple[str, dict[str, Any], str]:
        fields = {**E, "heldOn": held_on, "attendees": ["sam"], "agenda": "", "minutes": minutes}
        return ("logMeeting", fields, minutes)

    def report(period_end: str, rag: str) -> tuple[str, dict[str, Any], None]:
        fields = {**E, "periodStart": "2026-02-01", "periodEnd": period_end, "rag": rag,
                  "summary": f"Until {period_end}"}  # fmt: skip
        return ("publishStatusReport", fields, None)

    ids = run_steps(
        api, active(api),
        meeting("2026-03-01", "first"), meeting("2026-02-27", "held earlier, logged later"),
        meeting("2026-03-01", "same day, logged later"),
        report("2026-02-22", "GREEN"), report("2026-03-01", "AMBER"),
    )  # fmt: skip
    query = """query($id: UUID!) { engagement(id: $id) { communicationPlan { cadence }
        meetings { id minutes } statusReports { periodEnd rag summary } } }"""

    found = api.data(query, {"id": ids["engagement"]})["engagement"]

    assert found["communicationPlan"] is None  # none set
    assert found["meetings"] == [
        {"id": ids["same day, logged later"], "minutes": "same day, logged later"},
        {"id": ids["first"], "minutes": "first"},
        {"id": ids["held earlier, logged later"], "minutes": "held earlier, logged later"},
    ]
    assert found["statusReports"] == [
        {"periodEnd": "2026-03-01", "rag": "AMBER", "summary": "Until 2026-03-01"},
        {"periodEnd": "2026-02-22", "rag": "GREEN", "summary": "Until 2026-02-22"},
    ]


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


# One engagement, as of a moment.


def test_an_unknown_id_as_of_a_moment_gives_null_without_an_error(shared_api: Api) -> None:
    api = shared_api
    query = """query($id: UUID!) {
        engagement(id: $id, asOf: "2026-03-02T08:00:00+00:00") { id } }"""
    assert api.gql(query, {"id": str(uuid4())}) == {"data": {"engagement": None}}


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
        ("recordCost", {**E, "amount": "1000.00", "category": "LABOUR",
                        "incurredOn": "2026-03-03"}, None),
        ("receiveComplaint", RECEIVE, "complaint"),
    )  # fmt: skip
    api.clock.advance(days=1)
    return run_steps(
        api, ids,
        ("recordCost", {**E, "amount": "500.00", "category": "TRAVEL", "incurredOn": "2026-03-03",
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
    assert as_of(api, ids, "2026-03-02T10:00:00+00:00") == (2, "0.00", [])
    assert as_of(api, ids, "2026-03-03T10:00:00+00:00", "OCCURRED") == (3, "1000.00", ["RECEIVED"])
    # At 12:00 on day 2 the second cost had happened, but was not recorded until day 3.
    assert as_of(api, ids, "2026-03-03T12:00:00+00:00") == (3, "1000.00", ["RECEIVED"])
    assert as_of(api, ids, "2026-03-03T12:00:00+00:00", "OCCURRED") == (
        4, "1500.00", ["RECEIVED"]
    )  # fmt: skip
    assert as_of(api, ids, None) == (4, "1500.00", ["ACKNOWLEDGED"])
    echoed = api.data(AS_OF, {"id": ids["engagement"], "at": "2026-03-03T12:00:00+00:00",
                              "axis": "OCCURRED"})["engagement"]  # fmt: skip
    assert (echoed["asOf"], echoed["asOfAxis"], echoed["state"]) == (
        "2026-03-03T12:00:00+00:00", "OCCURRED", "ACTIVE"
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
    for name, client, csat in (("green", CLIENT_ID, 5), ("red", OTHER_CLIENT_ID, 1),
                               ("amber", OTHER_CLIENT_ID, 3)):  # fmt: skip
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
        "client 2": engagements(api, clientId=str(OTHER_CLIENT_ID)),
        "planned": engagements(api, state="PLANNED"),
        "active": engagements(api, state="ACTIVE"),
        "green": engagements(api, health="GREEN"),
        "amber": engagements(api, health="AMBER"),
        "red": engagements(api, health="RED"),
        "client 2, amber": engagements(api, clientId=str(OTHER_CLIENT_ID), health="AMBER"),
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
    one = engagements(api, first=1, health="GREEN")
    two = engagements(api, first=1, after=one["pageInfo"]["endCursor"], health="GREEN")
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
        4, {"GREEN": 2, "AMBER": 1, "RED": 1}
    )  # fmt: skip
    assert nonzero(portfolio["byState"]) == {"ACTIVE": 3, "PLANNED": 1}
