"""Who may do what over HTTP: every role against every mutation, the reads every
role has, and authentication refusals. The table of who may do what is in
`access_cases.py`; a client held to its own engagements is `test_client_scope.py`."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import build_schema as parse_sdl

from application.access import GRANTS
from interfaces.graphql.schema import build_schema
from tests.e2e.access_cases import (
    BY_ID,
    LISTS,
    MATRIX,
    ROLES,
    STAFF_AREAS,
    allowed,
    arguments,
    named_token,
    open_subjects,
    read_all,
)
from tests.e2e.conftest import CLIENT_ID, Api, audit_trail

# The operations that are not commands: how their arguments are declared and passed.
NOT_COMMANDS = {
    "createToken": "($input: CreateTokenInput!) { r: createToken(input: $input)",
    "revokeToken": "($id: UUID!) { r: revokeToken(id: $id)",
    "replayViews": "($views: [String!]) { r: replayViews(views: $views)",
    "verifyViews": "($views: [String!]) { r: verifyViews(views: $views)",
    "registerWebhook": "($input: RegisterWebhookInput!) { r: registerWebhook(input: $input)",
    "disableWebhook": "($id: UUID!) { r: disableWebhook(id: $id)",
    "enableWebhook": "($id: UUID!) { r: enableWebhook(id: $id)",
    "removeWebhook": "($id: UUID!) { r: removeWebhook(id: $id)",
}


def run(api: Api, mutation: str, subjects: dict[str, str], token: str) -> str:
    """The `__typename` of the mutation's answer."""
    given = arguments(mutation, subjects)
    if mutation in NOT_COMMANDS:
        query = f"mutation{NOT_COMMANDS[mutation]} {{ __typename }} }}"
        return str(api.data(query, given, token=token)["r"]["__typename"])
    return str(api.mutate(mutation, given, token=token)["__typename"])


def test_the_matrix_covers_every_mutation_and_every_role() -> None:
    sdl = parse_sdl(build_schema().as_str())
    assert sdl.mutation_type is not None
    assert set(MATRIX) == set(sdl.mutation_type.fields)
    assert set(ROLES) == {role.value for role in GRANTS} == set(STAFF_AREAS)


@pytest.mark.parametrize("role", ROLES)
def test_a_role_runs_exactly_the_mutations_its_rules_allow_recorded_under_its_name(
    shared_api: Api, role: str
) -> None:
    api = shared_api
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
    # `me` lists exactly the mutations the role was let through; every other one
    # was refused as forbidden.
    listed = api.data("{ me { mutations } }", token=token)["me"]["mutations"]
    assert sorted(listed) == sorted(m for m, answer in seen.items() if answer == "allowed")
    trail = audit_trail(api, subjects["engagement"], after=head)["nodes"]
    writes = any(allowed(role, m) for m in MATRIX if MATRIX[m][0] != "replay")
    assert {event["actor"] for event in trail} == ({f"matrix-{role}"} if writes else set())


def test_a_view_replayed_by_an_admin_keeps_following_the_log(api: Api) -> None:
    engagement = api.open_engagement()  # the views are at the head when the replay switches
    replayed = api.data('mutation { replayViews(views: ["workload"]) { __typename } }')
    assert replayed["replayViews"]["__typename"] == "ViewsReplayed"

    api.mutate("recordCost", arguments("recordCost", {"engagement": engagement}))

    lags = api.data("{ projections { name lag } }")["projections"]
    assert {view["name"]: view["lag"] for view in lags}["workload"] == 0


def test_every_role_reads_its_scope_only_an_admin_lists_tokens_and_no_client_sees_operations(
    api: Api,
) -> None:
    subjects = open_subjects(api)
    expected: dict[str, Any] = {name: subjects[name] for name in BY_ID}
    expected |= {f: [subjects[name]] for f, name in LISTS.items()}

    for role in ROLES:
        token = named_token(api, role, f"reader-{role}", CLIENT_ID if role == "client" else None)
        body = read_all(api, subjects, token)
        tokens = api.gql("{ tokens { name } }", token=token)
        operations = api.gql("{ projections { name lag } }", token=token)

        assert "errors" not in body, (role, body["errors"])
        data = body["data"]
        seen: dict[str, Any] = {name: data[name]["id"] for name in BY_ID}
        seen |= {f: [node["id"] for node in data[f]["nodes"]] for f in LISTS}
        assert seen == expected, role
        assert data["portfolio"] == {"engagements": 1}
        assert data["auditTrail"]["nodes"], role
        assert data["workload"]["unassignedOpenComplaints"] == 1, role  # its complaint
        codes = [error["extensions"]["code"] for error in tokens.get("errors", [])]
        assert codes == ([] if role == "admin" else ["FORBIDDEN"]), role
        # The service's own activity (the log's head, each view's lag) is the team's.
        codes = [error["extensions"]["code"] for error in operations.get("errors", [])]
        assert codes == (["FORBIDDEN"] if role == "client" else []), role
        # ... nor may a client learn the head by asking about positions past it
        # (the team may: it waits for them).
        if role == "client":
            beyond = api.gql("{ viewsReached(position: 1000000) }", token=token)
            assert [error["extensions"]["code"] for error in beyond["errors"]] == ["NOT_FOUND"]


# Authentication.


def post_with(api: Api, authorization: str | None) -> Any:
    headers = {} if authorization is None else {"Authorization": authorization}
    body = {"query": "{ portfolio { engagements } }"}
    return api.client.post("/graphql", json=body, headers=headers)


def assert_unauthorized(response: Any) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["www-authenticate"] == "Bearer"
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["HTTP_401"]


def test_a_request_without_a_token_is_refused_with_401_and_a_json_error(shared_api: Api) -> None:
    assert_unauthorized(post_with(shared_api, None))


MALFORMED = ["", "Bearer", "Bearer   ", "Basic dXNlcjpwYXNz", "Token {s}", "{s}", "Bearer {s}x",
             "Bearer {s} {s}", "Bearer rpt_unknown"]  # fmt: skip


def test_a_malformed_or_unknown_authorization_header_is_refused_with_401(
    shared_api: Api,
) -> None:
    secret = shared_api.token("viewer")
    assert post_with(shared_api, f"Bearer {secret}").status_code == 200

    for header in MALFORMED:
        assert_unauthorized(post_with(shared_api, header.format(s=secret)))


def test_a_token_revoked_over_the_api_is_refused_with_401_from_the_next_request(
    shared_api: Api,
) -> None:
    api = shared_api
    secret, record = api.services.tokens.create("manager", "leaving")
    assert post_with(api, f"Bearer {secret}").status_code == 200
    query = "mutation($id: UUID!) { revokeToken(id: $id) { __typename } }"

    revoked = api.data(query, {"id": str(record.token_id)})

    assert revoked["revokeToken"]["__typename"] == "TokenRevoked"
    assert_unauthorized(post_with(api, f"Bearer {secret}"))
