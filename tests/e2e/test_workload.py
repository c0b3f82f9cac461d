"""Who carries what, over HTTP: per engagement (live and as of a moment) and
across the engagements the caller may see, with what has fallen overdue."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID, Api
from tests.e2e.mutation_cases import CAPTURE, RECEIVE, Ids, run_steps

PEOPLE = "people { person openComplaints overdueComplaints requirementsInProgress load }"
WORKLOAD = f"{PEOPLE} unassignedOpenComplaints unassignedOverdueComplaints"
ENGAGEMENT = f"""query($id: UUID!, $at: DateTime) {{
    engagement(id: $id, asOf: $at) {{ workload {{ {WORKLOAD} }} }} }}"""
EVERYWHERE = f"{{ workload {{ {WORKLOAD} }} }}"


def team_at_work(api: Api, client_id: Any) -> Ids:
    """High-severity complaints (first response due in 4 h): one assigned to sam
    and answered, one assigned to sam unanswered, one nobody took; and a
    requirement lee started."""
    ids = {"engagement": api.open_engagement(client_id)}
    e = {"engagementId": ids["engagement"]}
    run_steps(
        api, ids,
        ("receiveComplaint", {**RECEIVE, **e}, "answered"),
        ("receiveComplaint", {**RECEIVE, **e}, "late"),
        ("receiveComplaint", {**RECEIVE, **e}, None),
        ("acknowledgeComplaint", {"complaintId": "$answered", "agent": "sam",
                                  "message": "On it"}, None),
        ("assignComplaint", {"complaintId": "$answered", "agent": "sam"}, None),
        ("assignComplaint", {"complaintId": "$late", "agent": "sam"}, None),
        ("captureRequirement", {**CAPTURE, **e}, "requirement"),
        ("addAcceptanceCriterion", {"requirementId": "$requirement", "text": "Opens"}, None),
        ("confirmRequirement", {"requirementId": "$requirement", "confirmedBy": "Ann"}, None),
    )  # fmt: skip
    lee = api.services.tokens.create("agent", "lee", None)[0]
    started = api.mutate("startRequirement", {"requirementId": ids["requirement"]}, token=lee)
    assert started["__typename"] == "RequirementPayload"
    return ids


def person(name: str, open_: int, overdue: int, requirements: int) -> dict[str, Any]:
    return {
        "person": name,
        "openComplaints": open_,
        "overdueComplaints": overdue,
        "requirementsInProgress": requirements,
        "load": open_ + requirements,
    }


def test_an_engagements_workload_counts_what_each_person_carries_and_what_is_overdue(
    api: Api,
) -> None:
    ids = team_at_work(api, CLIENT_ID)
    before = api.clock.now().isoformat()
    on_time = api.data(ENGAGEMENT, {"id": ids["engagement"]})["engagement"]["workload"]
    assert on_time == {
        "people": [person("lee", 0, 0, 1), person("sam", 2, 0, 0)],
        "unassignedOpenComplaints": 1,
        "unassignedOverdueComplaints": 0,
    }

    api.clock.advance(hours=5)  # past the first responses' 4 hours
    late = api.data(ENGAGEMENT, {"id": ids["engagement"]})["engagement"]["workload"]
    assert late["people"] == [person("lee", 0, 0, 1), person("sam", 2, 1, 0)]
    assert late["unassignedOverdueComplaints"] == 1

    then = api.data(ENGAGEMENT, {"id": ids["engagement"], "at": before})["engagement"]
    assert then["workload"] == on_time


def test_the_workload_across_engagements_adds_up_what_the_caller_may_see(api: Api) -> None:
    team_at_work(api, CLIENT_ID)
    team_at_work(api, OTHER_CLIENT_ID)
    everything = api.data(EVERYWHERE)["workload"]
    assert everything["people"] == [person("lee", 0, 0, 2), person("sam", 4, 0, 0)]
    assert everything["unassignedOpenComplaints"] == 2

    client = api.data(EVERYWHERE, token=api.token("client", CLIENT_ID))["workload"]
    assert client["people"] == [person("lee", 0, 0, 1), person("sam", 2, 0, 0)]
    assert client["unassignedOpenComplaints"] == 1
