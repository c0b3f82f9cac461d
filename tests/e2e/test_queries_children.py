"""Requirements, complaints and risks over HTTP: each by id, an unknown id, the
filtered connections (top-level and under an engagement), and the page-size limit
on every connection."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tests.e2e.conftest import CHILD, Api, ids_of
from tests.e2e.mutation_cases import (
    CAPTURE,
    IDENTIFY,
    RECEIVE,
    Ids,
    active,
    run_steps,
    two_engagements,
)

# One object of each kind by id.


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
        "id": ids["requirement"], "state": "CAPTURED", "engagement": engagement,
        "history": {"nodes": [{"eventType": "Requirement.Captured"}]},
        "title": "Export to CSV", "priority": "MUST", "version": 1,
    }  # fmt: skip
    assert found["complaint"] == {
        "id": ids["complaint"], "state": "RECEIVED", "engagement": engagement,
        "history": {"nodes": [{"eventType": "Complaint.Received"}]},
        "severity": "HIGH", "assignee": None, "version": 1,
    }  # fmt: skip
    assert found["risk"] == {
        "id": ids["risk"], "state": "IDENTIFIED", "engagement": engagement,
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


def test_complaints_filter_by_engagement_state_severity_assignee_and_breach(api: Api) -> None:
    one, two = two_engagements(api)
    c = {"complaintId": "$c1"}
    run_steps(api, one, ("receiveComplaint", {**RECEIVE, "severity": "CRITICAL"}, "c1"),
              ("receiveComplaint", {**RECEIVE, "severity": "LOW"}, "c2"))  # fmt: skip
    run_steps(api, two, ("receiveComplaint", RECEIVE, "c3"))
    api.clock.advance(hours=2)  # past the critical complaint's first-response target
    run_steps(
        api, one, ("recordSlaBreach", {**c, "clock": "FIRST_RESPONSE"}, None),
        ("acknowledgeComplaint", {**c, "agent": "sam", "message": "Sorry"}, None),
        ("assignComplaint", {**c, "agent": "lee"}, None),
    )  # fmt: skip
    names = {"e1": one["engagement"], "c1": one["c1"], "c2": one["c2"], "c3": two["c3"]}
    assert {
        "e1": filtered(api, "complaints", names, engagementId=names["e1"]),
        "in progress": filtered(api, "complaints", names, state="IN_PROGRESS"),
        "received": filtered(api, "complaints", names, state="RECEIVED"),
        "low": filtered(api, "complaints", names, severity="LOW"),
        "lee's": filtered(api, "complaints", names, assignee="lee"),
        "breached": filtered(api, "complaints", names, breached=True),
        "not breached": filtered(api, "complaints", names, breached=False),
        "e1 critical": nested(api, "complaints", names, severity="CRITICAL"),
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
        ("captureRequirement", {**CAPTURE, "priority": "COULD"}, "r2"),
    )  # fmt: skip
    run_steps(api, two, ("captureRequirement", {**CAPTURE, "priority": "SHOULD"}, "r3"))
    names = {"e1": one["engagement"], "r1": one["r1"], "r2": one["r2"], "r3": two["r3"]}
    assert {
        "e1": filtered(api, "requirements", names, engagementId=names["e1"]),
        "confirmed": filtered(api, "requirements", names, state="CONFIRMED"),
        "captured": filtered(api, "requirements", names, state="CAPTURED"),
        "could": filtered(api, "requirements", names, priority="COULD"),
        "should": filtered(api, "requirements", names, priority="SHOULD"),
        "e1 captured": nested(api, "requirements", names, state="CAPTURED"),
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
        "identified": filtered(api, "risks", names, state="IDENTIFIED"),
        "assessed": filtered(api, "risks", names, state="ASSESSED"),
        "critical": filtered(api, "risks", names, level="CRITICAL"),
        "low": filtered(api, "risks", names, level="LOW"),
        "e1 low": nested(api, "risks", names, level="LOW"),
        "e1 critical": nested(api, "risks", names, level="CRITICAL"),
    } == {
        "e1": ["k1", "k2"], "identified": ["k2"], "assessed": ["k1", "k3"], "critical": ["k1"],
        "low": ["k3"], "e1 low": [], "e1 critical": ["k1"],
    }  # fmt: skip


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
