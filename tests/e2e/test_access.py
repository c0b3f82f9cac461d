"""Who may do what over HTTP: every role against every mutation, the reads every
role has, authentication refusals, and a client held to its own engagements.

The expected answers come from the table below, written from the rules in
application/access.py's docstring and DESIGN §5, not computed from `GRANTS`:
a test that derived them from the code it checks would pass whatever it said."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient
from graphql import build_schema as parse_sdl

from application.access import GRANTS
from interfaces.graphql.schema import build_schema
from interfaces.http.app import create_app
from tests.conftest import FakeClock, make_settings
from tests.e2e.conftest import CLIENT_ID, Api, engagement_input

ROLES = ("admin", "manager", "agent", "viewer", "client")
STAFF_AREAS: dict[str, set[str]] = {
    "viewer": set(),
    "agent": {"complaint", "requirement"},
    "manager": {"complaint", "requirement", "engagement", "risk"},
    "admin": {"complaint", "requirement", "engagement", "risk", "tokens", "replay"},
    "client": set(),
}
# What a client does itself, on its own engagements; nothing else.
CLIENT_MUTATIONS = {
    "recordSurveyResponse",
    "confirmRequirement",
    "acceptRequirement",
    "rejectRequirement",
    "receiveComplaint",
    "recordClientReply",
}
LATER = "2026-04-01"


def eng(**fields: Any) -> dict[str, Any]:
    return {"engagementId": "$engagement", **fields}


def req(**fields: Any) -> dict[str, Any]:
    return {"requirementId": "$requirement", **fields}


def cpl(**fields: Any) -> dict[str, Any]:
    return {"complaintId": "$complaint", **fields}


def rsk(**fields: Any) -> dict[str, Any]:
    return {"riskId": "$risk", **fields}


MEMBER = eng(person="sam", role="responsible", area="support")
# Arguments per area; "$name" stands for a subject's id. Valid inputs, in an
# order that lets most of them succeed for a role that may run them all.
ENGAGEMENT = {
    "openEngagement": engagement_input(CLIENT_ID),
    "setObjective": eng(description="Fast", metric="h", target="8", dueOn=LATER),
    "recordObjectiveResult": eng(objectiveId="$objective", actual="6"),
    "planMilestone": eng(name="Go-live", dueOn=LATER, weight="1"),
    "rescheduleMilestone": eng(milestoneId="$milestone", dueOn="2026-05-01", reason="Late"),
    "completeMilestone": eng(milestoneId="$milestone"),
    "assignMember": MEMBER,
    "releaseMember": MEMBER,
    "setCommunicationPlan": eng(cadence="weekly", channels=["email"], audience=["client"]),
    "logMeeting": eng(heldOn="2026-03-01", attendees=["sam"], agenda="Kick-off", minutes="Ok"),
    "publishStatusReport": eng(
        periodStart="2026-02-23", periodEnd="2026-03-01", rag="green", summary="On track"
    ),
    "recordCost": eng(amount="100.00", category="labour", incurredOn="2026-03-01"),
    "reviseBudget": eng(newBudget="130000.00", reason="Scope"),
    "recordSurveyResponse": eng(csat=5, respondent="ann", channel="email"),
    "startEngagement": eng(),
    "putEngagementOnHold": eng(reason="Parts"),
    "resumeEngagement": eng(),
}
REQUIREMENT = {
    "captureRequirement": eng(
        title="Export", source="interview", priority="should", requestedBy="ann"
    ),
    "addAcceptanceCriterion": req(text="CSV opens"),
    "removeAcceptanceCriterion": req(criterionId="$spare_criterion"),
    "confirmRequirement": req(confirmedBy="ann"),
    "startRequirement": req(),
    "deliverRequirement": req(evidence="Build 42"),
    "rejectRequirement": req(reason="Fails", unmetCriterionIds=["$criterion"]),
    "acceptRequirement": req(acceptedBy="ann", metCriterionIds=["$criterion"]),
    "requestRequirementChange": req(reason="More", newDescription="XLSX too"),
    "withdrawRequirement": req(reason="Dropped"),
}
COMPLAINT = {
    "receiveComplaint": eng(
        channel="email", severity="high", category="billing", description="Twice"
    ),
    "acknowledgeComplaint": cpl(agent="sam", message="On it"),
    "assignComplaint": cpl(agent="sam"),
    "escalateComplaint": cpl(level=1, reason="Angry"),
    "addComplaintNote": cpl(visibility="internal", text="Called"),
    "waitOnClient": cpl(reason="Invoice number?"),
    "recordClientReply": cpl(message="INV-7"),
    "identifyRootCause": cpl(category="process", analysis="Ran twice"),
    "recordSlaBreach": cpl(clock="first_response"),
    "resolveComplaint": cpl(resolution="Refunded"),
    "reopenComplaint": cpl(reason="Charged again"),
    "closeComplaint": cpl(clientConfirmed=True, csat=4),
}
RISK = {
    "identifyRisk": eng(title="Supplier", category="external", owner="sam"),
    "assessRisk": rsk(probability=3, impact=4),
    "planRiskResponse": rsk(strategy="mitigate", actions=["Backup"], nextReviewOn=LATER),
    "reviewRisk": rsk(notes="Stable", nextReviewOn=LATER),
    "recordRiskOccurrence": rsk(whatHappened="Supplier late"),
    "closeRisk": rsk(reason="Passed"),
}
TOKENS: dict[str, dict[str, Any]] = {
    "createToken": {"input": {"role": "viewer", "name": "new-viewer"}},
    "revokeToken": {"id": "$spare_token"},
}
CLOSING = {"closeEngagement": eng(outcome="Done", forceReason="End"), "archiveEngagement": eng()}
AREAS: list[tuple[str, dict[str, dict[str, Any]]]] = [
    ("engagement", ENGAGEMENT),
    ("requirement", REQUIREMENT),
    ("complaint", COMPLAINT),
    ("risk", RISK),
    ("tokens", TOKENS),
    ("engagement", CLOSING),
    ("replay", {"replayViews": {"views": ["audit"]}}),
]
# Mutation -> (area, arguments), in the order the matrix runs them.
MATRIX = {name: (area, arguments) for area, table in AREAS for name, arguments in table.items()}
# The operations that are not commands: how their arguments are declared and passed.
NOT_COMMANDS = {
    "createToken": "($input: CreateTokenInput!) { r: createToken(input: $input)",
    "revokeToken": "($id: UUID!) { r: revokeToken(id: $id)",
    "replayViews": "($views: [String!]) { r: replayViews(views: $views)",
}


def allowed(role: str, mutation: str) -> bool:
    if role == "client":
        return mutation in CLIENT_MUTATIONS
    return MATRIX[mutation][0] in STAFF_AREAS[role]


@pytest.fixture
def quick_api(database_url: str, clock: FakeClock) -> Iterator[Api]:
    """`api`, except that a mutation answers without waiting for the views. On
    SQLite the in-process projector polls every half second, and these tests run
    hundreds of mutations whose views they never read; `settle` waits once where
    a test does read them."""
    settings = make_settings(
        database_url, env="development", rate_limit_per_minute=0, view_wait_seconds=0
    )
    with TestClient(create_app(settings, clock=clock, new_id=uuid4)) as client:
        yield Api(client, clock)


def settle(api: Api, timeout: float = 10) -> None:
    """Wait until every view has folded the whole log."""
    rapport = api.services.rapport
    assert rapport.tracker is not None
    assert rapport.tracker.wait(rapport.head(), list(api.services.reader.views), timeout)


def fill(value: Any, subjects: dict[str, str]) -> Any:
    """`value` with each "$name" replaced by that subject's id."""
    if isinstance(value, dict):
        return {key: fill(item, subjects) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, subjects) for item in value]
    if isinstance(value, str) and value.startswith("$"):
        return subjects[value[1:]]
    return value


def run(api: Api, mutation: str, subjects: dict[str, str], token: str) -> str:
    """The `__typename` of the mutation's answer."""
    arguments = fill(MATRIX[mutation][1], subjects)
    if mutation in NOT_COMMANDS:
        query = f"mutation{NOT_COMMANDS[mutation]} {{ __typename }} }}"
        return str(api.data(query, arguments, token=token)["r"]["__typename"])
    return str(api.mutate(mutation, arguments, token=token)["__typename"])


def created(api: Api, mutation: str, subjects: dict[str, str]) -> str:
    result = api.mutate(mutation, fill(MATRIX[mutation][1], subjects))
    assert result["createdIds"], result
    return str(result["createdIds"][0])


def open_subjects(api: Api, client_id: UUID = CLIENT_ID) -> dict[str, str]:
    """An engagement of `client_id` with a requirement (two criteria), a complaint,
    a risk, an objective and a milestone, set up by an admin."""
    subjects = {"engagement": api.open_engagement(client_id)}
    for name, mutation in [
        ("requirement", "captureRequirement"),
        ("criterion", "addAcceptanceCriterion"),
        ("spare_criterion", "addAcceptanceCriterion"),
        ("risk", "identifyRisk"),
        ("objective", "setObjective"),
        ("milestone", "planMilestone"),
    ]:
        subjects[name] = created(api, mutation, subjects)
    subjects["complaint"] = api.receive_complaint(subjects["engagement"])
    return subjects


def named_token(api: Api, role: str, name: str, client_id: UUID | None = None) -> str:
    secret, _ = api.services.tokens.create(role, name, client_id)
    return str(secret)


def trail(api: Api, id: str, *, after: int = 0, by: str = "engagementId", token: str = "") -> Any:
    """Events of an engagement (or of one aggregate) after a log position."""
    query = f"""query($id: UUID!, $after: String) {{ auditTrail({by}: $id, first: 100,
        after: $after) {{ nodes {{ actor eventType }} }} }}"""
    variables = {"id": id, "after": str(after)}
    return api.data(query, variables, token=token or None)["auditTrail"]["nodes"]


def test_the_matrix_covers_every_mutation_and_every_role() -> None:
    sdl = parse_sdl(build_schema().as_str())
    assert sdl.mutation_type is not None
    assert set(MATRIX) == set(sdl.mutation_type.fields)
    assert set(ROLES) == {role.value for role in GRANTS} == set(STAFF_AREAS)


@pytest.mark.parametrize("role", ROLES)
def test_a_role_runs_exactly_the_mutations_its_rules_allow_recorded_under_its_name(
    quick_api: Api, role: str
) -> None:
    api = quick_api
    subjects = open_subjects(api)
    _, spare = api.services.tokens.create("viewer", "spare")
    subjects["spare_token"] = str(spare.token_id)
    head = api.services.rapport.head()
    token = named_token(api, role, f"matrix-{role}", CLIENT_ID if role == "client" else None)

    answers = {mutation: run(api, mutation, subjects, token) for mutation in MATRIX}

    expected = {m: "allowed" if allowed(role, m) else "Forbidden" for m in MATRIX}
    # Allowed may still be refused by a rule, never as forbidden nor as not found.
    seen = {m: "Forbidden" if a == "Forbidden" else "allowed" for m, a in answers.items()}
    assert seen == expected
    assert "NotFound" not in answers.values()
    settle(api)
    actors = {event["actor"] for event in trail(api, subjects["engagement"], after=head)}
    writes = any(allowed(role, m) for m in MATRIX if MATRIX[m][0] != "replay")
    assert actors == ({f"matrix-{role}"} if writes else set())


def test_a_view_replayed_by_an_admin_keeps_following_the_log(quick_api: Api) -> None:
    api = quick_api
    engagement = api.open_engagement()
    settle(api)  # the projector is idle at the head when the replay switches tables
    replayed = api.data('mutation { replayViews(views: ["workload"]) { __typename } }')
    assert replayed["replayViews"]["__typename"] == "ViewsReplayed"

    api.mutate("recordCost", fill(MATRIX["recordCost"][1], {"engagement": engagement}))

    settle(api, timeout=1.5)


READS = """query($e: UUID!, $r: UUID!, $c: UUID!, $k: UUID!) {
    engagement(id: $e) { id } requirement(id: $r) { id } complaint(id: $c) { id }
    risk(id: $k) { id } engagements { nodes { id } } requirements { nodes { id } }
    complaints { nodes { id } } risks { nodes { id } } portfolio { engagements }
    auditTrail(engagementId: $e) { nodes { actor } } projections { name } }"""
BY_ID = {"engagement": "e", "requirement": "r", "complaint": "c", "risk": "k"}
LISTS = {
    "engagements": "engagement",
    "requirements": "requirement",
    "complaints": "complaint",
    "risks": "risk",
}


def read_all(api: Api, subjects: dict[str, str], token: str) -> Any:
    variables = {short: subjects[name] for name, short in BY_ID.items()}
    return api.gql(READS, variables, token=token)


def test_every_role_reads_its_scope_and_only_an_admin_lists_tokens(quick_api: Api) -> None:
    api = quick_api
    subjects = open_subjects(api)
    settle(api)
    expected: dict[str, Any] = {name: subjects[name] for name in BY_ID}
    expected |= {f: [subjects[name]] for f, name in LISTS.items()}

    for role in ROLES:
        token = named_token(api, role, f"reader-{role}", CLIENT_ID if role == "client" else None)
        body = read_all(api, subjects, token)
        tokens = api.gql("{ tokens { name } }", token=token)

        assert "errors" not in body, (role, body["errors"])
        data = body["data"]
        seen: dict[str, Any] = {name: data[name]["id"] for name in BY_ID}
        seen |= {f: [node["id"] for node in data[f]["nodes"]] for f in LISTS}
        assert seen == expected, role
        assert data["portfolio"] == {"engagements": 1}
        assert data["auditTrail"]["nodes"] and data["projections"], role
        codes = [error["extensions"]["code"] for error in tokens.get("errors", [])]
        assert codes == ([] if role == "admin" else ["FORBIDDEN"]), role


def post_with(api: Api, authorization: str | None) -> Any:
    headers = {} if authorization is None else {"Authorization": authorization}
    body = {"query": "{ portfolio { engagements } }"}
    return api.client.post("/graphql", json=body, headers=headers)


def assert_unauthorized(response: Any) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["www-authenticate"] == "Bearer"
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["HTTP_401"]


def test_a_request_without_a_token_is_refused_with_401_and_a_json_error(api: Api) -> None:
    assert_unauthorized(post_with(api, None))


MALFORMED = ["", "Bearer", "Bearer   ", "Basic dXNlcjpwYXNz", "Token {s}", "{s}", "Bearer {s}x",
             "Bearer {s} {s}", "Bearer rpt_unknown"]  # fmt: skip


def test_a_malformed_or_unknown_authorization_header_is_refused_with_401(api: Api) -> None:
    secret = api.token("viewer")
    assert post_with(api, f"Bearer {secret}").status_code == 200

    for header in MALFORMED:
        assert_unauthorized(post_with(api, header.format(s=secret)))


def test_a_token_revoked_over_the_api_is_refused_with_401_from_the_next_request(
    api: Api,
) -> None:
    secret, record = api.services.tokens.create("manager", "leaving")
    assert post_with(api, f"Bearer {secret}").status_code == 200
    query = "mutation($id: UUID!) { revokeToken(id: $id) { __typename } }"

    revoked = api.data(query, {"id": str(record.token_id)})

    assert revoked["revokeToken"]["__typename"] == "TokenRevoked"
    assert_unauthorized(post_with(api, f"Bearer {secret}"))


CLIENT_A = UUID("aaaaaaaa-0000-4000-8000-00000000000a")
CLIENT_B = UUID("bbbbbbbb-0000-4000-8000-00000000000b")
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
        self.a = open_subjects(api, CLIENT_A)
        self.b = open_subjects(api, CLIENT_B)
        self.token = named_token(api, "client", "client-a", CLIENT_A)
        settle(api)

    def as_a(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        return self.api.gql(query, variables, token=self.token)


@pytest.fixture
def clients(quick_api: Api) -> Clients:
    return Clients(quick_api)


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

    data = clients.as_a(query, {"b": clients.b["engagement"], "client": str(CLIENT_B)})["data"]

    assert {f: [n["id"] for n in data[f]["nodes"]] for f in LISTS} == {
        f: [clients.a[name]] for f, name in LISTS.items()
    }
    assert {f: data[f + "B"]["nodes"] for f in LISTS} == {f: [] for f in LISTS}


def test_a_client_sees_no_trail_and_no_portfolio_row_of_another_client(clients: Clients) -> None:
    api, b = clients.api, clients.b
    token = clients.token

    assert trail(api, b["engagement"], token=token) == []
    assert trail(api, b["complaint"], by="aggregateId", token=token) == []
    assert trail(api, clients.a["complaint"], by="aggregateId", token=token) != []
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
    before, head = trail(api, clients.b["engagement"]), api.services.rapport.head()
    nowhere = {name: str(uuid4()) for name in clients.b}

    answers = {
        (mutation, place): api.mutate(mutation, fill(MATRIX[mutation][1], ids), token=clients.token)
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
    settle(api)
    assert trail(api, clients.b["engagement"]) == before


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
        api.mutate(m, fill(MATRIX[m][1], ids), token=clients.token if who == "client" else None)
        for who, m, ids in steps
    ] + [api.mutate("acceptRequirement", fill(accept, a), token=clients.token)]

    assert [a["__typename"][-7:] for a in answers] == ["Payload"] * len(answers), answers
    settle(api)
    events = trail(api, a["engagement"], after=head, token=clients.token)
    by_client = {event["eventType"] for event in events if event["actor"] == "client-a"}
    assert len(by_client) == 6, by_client
