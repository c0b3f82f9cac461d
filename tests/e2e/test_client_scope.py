"""A client held to its own engagements over HTTP: client A (`CLIENT_ID`) probes
client B's (`OTHER_CLIENT_ID`) objects by id, in lists, in the audit trail, as of
a moment and with commands, and finds nothing; on its own it runs its commands.
Another client's objects look like objects that do not exist, never forbidden."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from tests.e2e.access_cases import (
    BY_ID,
    CLIENT_MUTATIONS,
    LISTS,
    MATRIX,
    arguments,
    created,
    named_token,
    open_subjects,
    read_all,
    req,
)
from tests.e2e.conftest import CLIENT_ID, OTHER_CLIENT_ID, Api, audit_trail
from tests.e2e.mutation_cases import resolve

# The kind a client's command reports as not found, by the id it names.
OWN_KINDS = {
    "engagementId": "engagement",
    "requirementId": "requirement",
    "complaintId": "complaint",
}


class Clients:
    """Two clients' engagements, each with its children, and a token of client A."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.a = open_subjects(api, CLIENT_ID)
        self.b = open_subjects(api, OTHER_CLIENT_ID)
        self.token = named_token(api, "client", "client-a", CLIENT_ID)

    def as_a(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        return self.api.gql(query, variables, token=self.token)


@pytest.fixture
def clients(api: Api) -> Clients:
    """On an app of their own: some tests count every engagement there is."""
    return Clients(api)


def test_a_client_gets_null_for_another_clients_engagement_and_its_children(
    clients: Clients,
) -> None:
    theirs = read_all(clients.api, clients.b, clients.token)["data"]
    own = read_all(clients.api, clients.a, clients.token)["data"]

    assert {name: theirs[name] for name in BY_ID} == dict.fromkeys(BY_ID)
    assert {name: own[name]["id"] for name in BY_ID} == {name: clients.a[name] for name in BY_ID}


def test_a_clients_lists_hold_nothing_of_another_client_even_filtered_by_it(
    clients: Clients,
) -> None:
    filtered = " ".join(
        f"{f}B: {f}(filter: {{engagementId: $b}}) {{ nodes {{ id }} }}"
        for f in ("complaints", "requirements", "risks")
    )
    query = f"""query($b: UUID!, $client: UUID!) {{
        {" ".join(f"{f} {{ nodes {{ id }} }}" for f in LISTS)} {filtered}
        engagementsB: engagements(filter: {{clientId: $client}}) {{ nodes {{ id }} }} }}"""

    variables = {"b": clients.b["engagement"], "client": str(OTHER_CLIENT_ID)}
    data = clients.as_a(query, variables)["data"]

    assert {f: [n["id"] for n in data[f]["nodes"]] for f in LISTS} == {
        f: [clients.a[name]] for f, name in LISTS.items()
    }
    assert {f: data[f + "B"]["nodes"] for f in LISTS} == {f: [] for f in LISTS}


def test_a_client_sees_no_trail_and_no_portfolio_row_of_another_client(clients: Clients) -> None:
    api, a, b = clients.api, clients.a, clients.b
    token = clients.token

    assert audit_trail(api, b["engagement"], token=token)["nodes"] == []
    assert audit_trail(api, b["complaint"], by="aggregateId", token=token)["nodes"] == []
    assert audit_trail(api, a["complaint"], by="aggregateId", token=token)["nodes"] != []
    portfolio = "{ portfolio { engagements } }"
    assert clients.as_a(portfolio)["data"] == {"portfolio": {"engagements": 1}}
    assert api.data(portfolio) == {"portfolio": {"engagements": 2}}


def test_another_clients_engagement_as_of_a_moment_looks_like_one_that_never_was(
    clients: Clients,
) -> None:
    query = "query($id: UUID!, $at: DateTime!) { engagement(id: $id, asOf: $at) { id } }"
    at = clients.api.clock.now().isoformat()
    theirs, nowhere = clients.b["engagement"], str(uuid4())
    assert clients.api.data(query, {"id": theirs, "at": at}) == {"engagement": {"id": theirs}}

    seen = clients.as_a(query, {"id": theirs, "at": at})
    missing = clients.as_a(query, {"id": nowhere, "at": at})

    assert (seen.get("data") or {}).get("engagement") is None
    assert [error["extensions"]["code"] for error in seen.get("errors", [])] in ([], ["NOT_FOUND"])
    assert str(seen).replace(theirs, "ID") == str(missing).replace(nowhere, "ID")
    own = clients.as_a(query, {"id": clients.a["engagement"], "at": at})["data"]
    assert own == {"engagement": {"id": clients.a["engagement"]}}


def test_a_clients_commands_on_another_clients_objects_are_not_found_and_record_nothing(
    clients: Clients,
) -> None:
    api = clients.api
    before, head = audit_trail(api, clients.b["engagement"]), api.services.rapport.head()
    nowhere = {name: str(uuid4()) for name in clients.b}

    answers = {
        (mutation, place): api.mutate(mutation, arguments(mutation, ids), token=clients.token)
        for mutation in CLIENT_MUTATIONS
        for place, ids in (("theirs", clients.b), ("nowhere", nowhere))
    }

    kinds = {
        m: next(k for f, k in OWN_KINDS.items() if f in MATRIX[m][1]) for m in CLIENT_MUTATIONS
    }
    assert {key: (a["__typename"], a["kind"]) for key, a in answers.items()} == {
        (m, place): ("NotFound", kinds[m]) for m, place in answers
    }
    assert api.services.rapport.head() == head
    assert audit_trail(api, clients.b["engagement"]) == before


def test_a_client_runs_its_own_commands_on_its_own_engagement(clients: Clients) -> None:
    api, a = clients.api, clients.a
    second = {**a, "requirement": created(api, "captureRequirement", a)}
    second["criterion"] = created(api, "addAcceptanceCriterion", second)
    steps = [
        ("client", "recordSurveyResponse", a), ("client", "receiveComplaint", a),
        ("client", "confirmRequirement", a), ("client", "confirmRequirement", second),
        ("admin", "startRequirement", a), ("admin", "deliverRequirement", a),
        ("admin", "startRequirement", second), ("admin", "deliverRequirement", second),
        ("client", "rejectRequirement", second), ("admin", "acknowledgeComplaint", a),
        ("admin", "assignComplaint", a), ("admin", "waitOnClient", a),
        ("client", "recordClientReply", a),
    ]  # fmt: skip
    accept = req(acceptedBy="ann", metCriterionIds=["$criterion", "$spare_criterion"])
    head = api.services.rapport.head()

    answers = [
        api.mutate(m, arguments(m, ids), token=clients.token if who == "client" else None)
        for who, m, ids in steps
    ] + [api.mutate("acceptRequirement", resolve(accept, a), token=clients.token)]

    assert [a["__typename"][-7:] for a in answers] == ["Payload"] * len(answers), answers
    events = audit_trail(api, a["engagement"], after=head, token=clients.token)["nodes"]
    by_client = {event["eventType"] for event in events if event["actor"] == "client-a"}
    assert len(by_client) == 6, by_client
