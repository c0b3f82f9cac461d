"""An engagement asked for as of a moment answers for that moment in every field
beneath it: its figures, team, objectives and milestones, communication plan,
meetings and status reports, its history, its children, their histories and
their engagement. Checked by asking, later, as
of the moment a live answer was taken: both must be the same."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import Api
from tests.e2e.mutation_cases import CAPTURE, IDENTIFY, RECEIVE, E, Ids, active, run_steps

EVENTS = "history(first: 40) { nodes { position eventType occurredAt recordedAt } }"
CHILD = f"id version state engagement {{ id state version asOf asOfAxis }} {EVENTS}"
EVERYTHING = f"""
    id state version health asOf asOfAxis
    team {{ person role area }}
    objectives {{ id description actual }}
    milestones {{ id name dueOn completedAt }}
    communicationPlan {{ cadence channels audience }}
    meetings {{ id heldOn attendees minutes actionItems {{ owner dueOn }} loggedAt }}
    statusReports {{ periodEnd rag summary publishedAt }}
    progress {{ milestoneCompletionPercent acceptancePercent latestRag }}
    budget {{ budget actualCost consumedPercent
              burn {{ week actualCost plannedValue earnedValue }} }}
    satisfaction {{ csatMean nps weekly {{ week csatMean nps }} }}
    riskRegister {{ heatMap }}
    {EVENTS}
    requirements(first: 5) {{ nodes {{ {CHILD} }} }}
    complaints(first: 5) {{ nodes {{ {CHILD} }} }}
    risks(first: 5) {{ nodes {{ {CHILD} }} }}
"""
LIVE = f"query($id: UUID!) {{ engagement(id: $id) {{ {EVERYTHING} }} }}"
AS_OF = f"""query($id: UUID!, $at: DateTime!, $axis: TimeAxis!) {{
    engagement(id: $id, asOf: $at, axis: $axis) {{ {EVERYTHING} }} }}"""
THEN = "2026-03-03T09:00:00+00:00"


def first_day(api: Api) -> Ids:
    return run_steps(
        api, active(api),
        ("setObjective", {**E, "description": "Answer in a day", "metric": "hours",
                          "target": "24", "dueOn": "2026-06-30"}, "objective"),
        ("planMilestone", {**E, "name": "Go-live", "dueOn": "2026-06-01", "weight": "3"},
         "golive"),
        ("assignMember", {**E, "person": "sam", "role": "ACCOUNTABLE", "area": "support"}, None),
        ("recordCost", {**E, "amount": "1000.00", "category": "LABOUR",
                        "incurredOn": "2026-03-01"}, None),
        ("captureRequirement", CAPTURE, "requirement"),
        ("receiveComplaint", RECEIVE, "complaint"),
        ("identifyRisk", IDENTIFY, "risk"),
        ("setCommunicationPlan", {**E, "cadence": "weekly", "channels": ["email"],
                                  "audience": ["Ann"]}, None),
        ("logMeeting", {**E, "heldOn": "2026-03-02", "attendees": ["sam", "Ann"],
                        "agenda": "Kick-off", "minutes": "Scope agreed", "actionItems": [
                            {"description": "Plan", "owner": "sam", "dueOn": "2026-03-09"}]},
         None),
        ("publishStatusReport", {**E, "periodStart": "2026-02-23", "periodEnd": "2026-03-01",
                                 "rag": "GREEN", "summary": "On track"}, None),
        ("recordSurveyResponse", {**E, "csat": 5, "nps": 9, "respondent": "Ann",
                                  "channel": "email"}, None),
    )  # fmt: skip


def second_day(api: Api, ids: Ids) -> None:
    """Changes to every part: one of them back-dated to the first morning."""
    run_steps(
        api, ids,
        ("recordObjectiveResult", {**E, "objectiveId": "$objective", "actual": "20"}, None),
        ("completeMilestone", {**E, "milestoneId": "$golive"}, None),
        ("releaseMember", {**E, "person": "sam", "role": "ACCOUNTABLE", "area": "support"},
         None),
        ("assignMember", {**E, "person": "lee", "role": "RESPONSIBLE", "area": "billing"}, None),
        ("recordSurveyResponse", {**E, "csat": 2, "nps": 3, "respondent": "Ann",
                                  "channel": "email"}, None),
        ("addAcceptanceCriterion", {"requirementId": "$requirement", "text": "CSV opens"},
         None),
        ("acknowledgeComplaint", {"complaintId": "$complaint", "agent": "sam",
                                  "message": "On it", "occurredAt": "2026-03-03T08:30:00+00:00"},
         None),
        ("assessRisk", {"riskId": "$risk", "probability": 4, "impact": 5}, None),
        ("captureRequirement", {**CAPTURE, "title": "Second ask"}, None),
        ("setCommunicationPlan", {**E, "cadence": "daily", "channels": ["phone"],
                                  "audience": ["Ann", "Bo"]}, None),
        ("logMeeting", {**E, "heldOn": "2026-03-03", "attendees": ["lee"], "agenda": "",
                        "minutes": "Go-live done"}, None),
        ("publishStatusReport", {**E, "periodStart": "2026-03-02", "periodEnd": "2026-03-03",
                                 "rag": "AMBER", "summary": "Low CSAT"}, None),
    )  # fmt: skip


def without_moment(found: dict[str, Any]) -> dict[str, Any]:
    """The answer without what says which moment it is for."""
    if isinstance(found, dict):
        return {
            key: without_moment(value)
            for key, value in found.items()
            if key not in ("asOf", "asOfAxis")
        }
    if isinstance(found, list):
        return [without_moment(item) for item in found]  # type: ignore[return-value]
    return found


def test_every_field_as_known_then_is_what_was_answered_then(api: Api) -> None:
    api.clock.advance(hours=23)  # Mar 3, 08:00: the first day's work
    ids = first_day(api)
    api.clock.advance(hours=1)  # 09:00, THEN: nothing recorded since
    then = api.data(LIVE, {"id": ids["engagement"]})["engagement"]
    api.clock.advance(hours=5)
    second_day(api, ids)

    later = api.data(AS_OF, {"id": ids["engagement"], "at": THEN, "axis": "RECORDED"})
    found = later["engagement"]
    assert without_moment(found) == without_moment(then)
    moments = {(c["engagement"]["asOf"], c["engagement"]["asOfAxis"])
               for kind in ("requirements", "complaints", "risks")
               for c in found[kind]["nodes"]}  # fmt: skip
    assert moments == {(THEN, "RECORDED")}
    assert (found["asOf"], found["asOfAxis"]) == (THEN, "RECORDED")


def test_every_history_as_it_was_then_holds_what_had_happened_by_then(api: Api) -> None:
    api.clock.advance(hours=23)
    ids = first_day(api)
    api.clock.advance(hours=6)
    second_day(api, ids)
    live = api.data(LIVE, {"id": ids["engagement"]})["engagement"]

    found = api.data(AS_OF, {"id": ids["engagement"], "at": THEN, "axis": "OCCURRED"})
    engagement = found["engagement"]
    happened = [e for e in live["history"]["nodes"] if e["occurredAt"] <= THEN]
    assert engagement["history"]["nodes"] == happened
    # The acknowledgement recorded in the afternoon had happened by 09:00 (at 08:30).
    assert "Complaint.Acknowledged" in [e["eventType"] for e in happened]
    assert engagement["complaints"]["nodes"][0]["state"] == "ACKNOWLEDGED"
    for kind in ("requirements", "complaints", "risks"):
        for child in engagement[kind]["nodes"]:
            own = [e for e in happened if e["position"] in positions(live, kind, child["id"])]
            assert child["history"]["nodes"] == own
            assert child["engagement"]["asOfAxis"] == "OCCURRED"
    assert len(engagement["requirements"]["nodes"]) == 1  # the second came in the afternoon
    assert [m["person"] for m in engagement["team"]] == ["sam"]
    assert engagement["communicationPlan"]["cadence"] == "weekly"
    assert [m["minutes"] for m in engagement["meetings"]] == ["Scope agreed"]
    assert [r["rag"] for r in engagement["statusReports"]] == ["GREEN"]
    assert [r["rag"] for r in live["statusReports"]] == ["AMBER", "GREEN"]
    assert engagement["satisfaction"]["weekly"] == [
        {"week": "2026-03-02", "csatMean": "5.00", "nps": "100.00"}
    ]
    assert live["satisfaction"]["weekly"] == [
        {"week": "2026-03-02", "csatMean": "3.50", "nps": "0.00"}  # with 2 and 3 from day 2
    ]


def positions(live: dict[str, Any], kind: str, child_id: str) -> set[int]:
    (child,) = [c for c in live[kind]["nodes"] if c["id"] == child_id]
    return {e["position"] for e in child["history"]["nodes"]}


def test_an_as_of_history_pages_by_log_position_like_the_live_one(api: Api) -> None:
    api.clock.advance(hours=23)
    ids = first_day(api)
    api.clock.advance(hours=1)
    second_day(api, ids)
    query = """query($id: UUID!, $at: DateTime!, $after: String) {
        engagement(id: $id, asOf: $at) { history(first: 3, after: $after) {
            nodes { position } pageInfo { hasNextPage endCursor } } } }"""
    seen: list[int] = []
    after = None
    while True:
        variables = {"id": ids["engagement"], "at": api.clock.now().isoformat(), "after": after}
        page = api.data(query, variables)["engagement"]["history"]
        seen += [node["position"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    live = api.data(LIVE, {"id": ids["engagement"]})["engagement"]["history"]["nodes"]
    assert seen == [node["position"] for node in live] == sorted(seen)
    assert len(seen) > 9  # positions past 9, which sort wrongly as text
