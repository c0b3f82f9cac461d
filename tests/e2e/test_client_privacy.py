"""What is the service team's alone stays so for a client token: internal notes
on its complaints appear in no trail, history, count or stream it reads (its
cursor still resumes with no gap), and the service's own activity (the log's
head, each view's position and lag) is not shown to it at all, nor can it be
found by asking whether the views have reached a position."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID, Api
from tests.e2e.live_server import Server, positions, run, serve, subscribe
from tests.e2e.mutation_cases import RECEIVE, Ids, active, run_steps

NOTE = "mutation($input: AddComplaintNoteInput!) { addComplaintNote(input: $input) { __typename } }"


def notes_on_a_complaint(api: Api) -> Ids:
    """An engagement of CLIENT_ID with a complaint that has, in this order, a
    public note, an internal one, a public one and another internal one."""
    ids = run_steps(api, active(api), ("receiveComplaint", RECEIVE, "complaint"))
    for visibility, text in [
        ("PUBLIC", "We are on it"),
        ("INTERNAL", "Customer is on the churn list"),
        ("PUBLIC", "Fixed in tonight's release"),
        ("INTERNAL", "Root cause was our own config push"),
    ]:
        note = {"complaintId": ids["complaint"], "visibility": visibility, "text": text}
        assert api.mutate("addComplaintNote", note)["__typename"] == "ComplaintPayload"
    return ids


TRAILS = """query($e: UUID!, $c: UUID!, $first: Int!, $after: String) {
    byEngagement: auditTrail(engagementId: $e, first: $first, after: $after) {
        nodes { eventType data } pageInfo { endCursor } }
    byComplaint: auditTrail(aggregateId: $c, first: 100) { nodes { eventType data } }
    engagement(id: $e) { history(first: 100) { nodes { eventType data } } }
    asOf: engagement(id: $e, asOf: "2100-01-01T00:00:00+00:00") {
        history(first: 100) { nodes { eventType data } }
        complaints { nodes { noteCount history(first: 100) { nodes { eventType data } } } } }
    complaint(id: $c) { noteCount history(first: 100) { nodes { eventType data } } } }"""


def note_texts(nodes: list[dict[str, Any]]) -> list[str]:
    return [n["data"]["text"] for n in nodes if n["eventType"] == "Complaint.NoteAdded"]


def every_trail(api: Api, ids: Ids, token: str) -> dict[str, list[str]]:
    variables = {"e": ids["engagement"], "c": ids["complaint"], "first": 100}
    data = api.data(TRAILS, variables, token=token)
    (as_of_complaint,) = data["asOf"]["complaints"]["nodes"]
    return {
        "audit trail of the engagement": note_texts(data["byEngagement"]["nodes"]),
        "audit trail of the complaint": note_texts(data["byComplaint"]["nodes"]),
        "engagement history": note_texts(data["engagement"]["history"]["nodes"]),
        "complaint history": note_texts(data["complaint"]["history"]["nodes"]),
        "history as of a moment": note_texts(data["asOf"]["history"]["nodes"]),
        "complaint history as of a moment": note_texts(as_of_complaint["history"]["nodes"]),
        "note count": [str(data["complaint"]["noteCount"])],
        "note count as of a moment": [str(as_of_complaint["noteCount"])],
    }


def test_a_client_sees_no_internal_note_anywhere_and_the_team_sees_them_all(api: Api) -> None:
    ids = notes_on_a_complaint(api)
    public = ["We are on it", "Fixed in tonight's release"]
    every = [
        public[0],
        "Customer is on the churn list",
        public[1],
        "Root cause was our own config push",
    ]
    team = every_trail(api, ids, api.token("viewer"))
    client = every_trail(api, ids, api.token("client", CLIENT_ID))
    for trail, texts in team.items():
        assert texts == (["4"] if "count" in trail else every), trail
    for trail, texts in client.items():
        assert texts == (["2"] if "count" in trail else public), trail


def test_a_clients_trail_read_one_event_at_a_time_resumes_with_no_gap(api: Api) -> None:
    ids = notes_on_a_complaint(api)
    token = api.token("client", CLIENT_ID)
    variables: dict[str, Any] = {"e": ids["engagement"], "c": ids["complaint"], "first": 1}
    seen: list[dict[str, Any]] = []
    while True:
        page = api.data(TRAILS, variables, token=token)["byEngagement"]
        seen += page["nodes"]
        if not page["nodes"]:
            break
        variables["after"] = page["pageInfo"]["endCursor"]
    whole = api.data(TRAILS, {**variables, "first": 100, "after": None}, token=token)
    assert seen == whole["byEngagement"]["nodes"]
    assert note_texts(seen) == ["We are on it", "Fixed in tonight's release"]


@pytest.mark.parametrize("role", ["client", "viewer"])
def test_only_the_team_sees_the_services_own_activity(api: Api, role: str) -> None:
    token = api.token(role, CLIENT_ID if role == "client" else None)
    body = api.gql("{ projections { name position head lag } }", token=token)
    if role == "client":
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    else:
        assert body["data"]["projections"]


VIEWS_REACHED = "query($position: Int!) { viewsReached(position: $position) }"
POSITIONS = """query($e: UUID!) {
    auditTrail(engagementId: $e, first: 100) { nodes { position eventType internal } } }"""


def test_a_client_may_ask_whether_the_views_reached_only_an_event_it_can_see(api: Api) -> None:
    ids = notes_on_a_complaint(api)
    others = api.open_engagement(OTHER_CLIENT_ID)
    trail = api.data(POSITIONS, {"e": ids["engagement"]})["auditTrail"]["nodes"]
    public = [n["position"] for n in trail if not n["internal"]]
    internal = [n["position"] for n in trail if n["internal"]]
    elsewhere = [n["position"] for n in api.data(POSITIONS, {"e": others})["auditTrail"]["nodes"]]
    head = api.data("{ projections { head } }")["projections"][0]["head"]
    client = api.token("client", CLIENT_ID)

    def answer(position: int, token: str) -> Any:
        body = api.gql(VIEWS_REACHED, {"position": position}, token=token)
        if "errors" in body:
            return [e["extensions"]["code"] for e in body["errors"]]
        return body["data"]["viewsReached"]

    assert internal and all(answer(p, client) is True for p in public)
    # Any other position (the team's own note, another client's event, one the
    # log has not reached) is one it cannot tell from a position nobody has.
    for position in [*internal, *elsewhere, head + 1, head + 1_000]:
        assert answer(position, client) == ["NOT_FOUND"], position
        if position <= head:
            assert answer(position, api.token("viewer")) is True


@pytest.fixture
def server(database_url: str) -> Iterator[Server]:
    with serve(database_url) as served:
        yield served


def test_a_clients_stream_carries_no_internal_note(server: Server) -> None:
    engagement_id = server.open_engagement(CLIENT_ID)
    staff = server.token("agent")
    received = server.data(
        """mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) {
            ... on ComplaintPayload { complaintId } } }""",
        {"input": {**RECEIVE, "engagementId": engagement_id}},
        staff,
    )["receiveComplaint"]
    head = server.head()

    async def scenario() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        async with (
            subscribe(server, server.token("client", CLIENT_ID), engagement_id, head) as client,
            subscribe(server, server.token("viewer"), engagement_id, head) as team,
        ):
            for visibility in ("INTERNAL", "PUBLIC"):
                note = {"complaintId": received["complaintId"], "visibility": visibility,
                        "text": f"A {visibility} note"}  # fmt: skip
                await asyncio.to_thread(server.data, NOTE, {"input": note}, staff)
            team_events = await team.take(2)
            client_events = await client.take(1)
            await client.assert_quiet()
        return team_events, client_events

    team_events, client_events = run(scenario())
    assert positions(client_events) == positions(team_events)[1:]
