"""Every command mutation over HTTP: the refusals every mutation gives the same
way (unknown id, stale version, missing permission), and the admin mutations.

Each area's table of cases lives in `test_mutations_<area>.py`, run by
`mutation_cases.check_case`; here every case of every area is checked at once.
"""

from __future__ import annotations

import importlib
from typing import Any
from uuid import uuid4

import pytest
from graphql import build_schema as parse_sdl

from application.views.aggregates import kind_name
from interfaces.graphql.schema import build_schema
from tests.e2e.access_cases import CLIENT_MUTATIONS, allowed
from tests.e2e.conftest import CLIENT_ID, Api, engagement_input
from tests.e2e.mutation_cases import (
    CAPTURE,
    IDENTIFY,
    RECEIVE,
    Case,
    Ids,
    active,
    resolve,
    run_steps,
)
from tests.e2e.test_mutations_sla import CASES as SLA_CASE_LIST
from tests.e2e.test_mutations_sla import DEFINE_CALENDAR, DEFINE_POLICY

AREAS = ("engagement", "requirement", "complaint", "risk", "sla")
ADMIN_MUTATIONS = {
    "createToken",
    "revokeToken",
    "replayViews",
    "verifyViews",
    "registerWebhook",
    "disableWebhook",
    "enableWebhook",
    "removeWebhook",
}


# Cross-cutting refusals, over every case of every area.


SLA_CASES = {case.mutation: case for case in SLA_CASE_LIST}


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for area in AREAS:
        module = importlib.import_module(f"tests.e2e.test_mutations_{area}")
        cases.extend(module.CASES)
    return cases


def test_every_command_mutation_in_the_schema_has_exactly_one_case() -> None:
    mutation_type = parse_sdl(build_schema().as_str()).mutation_type
    assert mutation_type is not None
    in_schema = set(mutation_type.fields)
    names = [case.mutation for case in all_cases()]
    assert len(names) == len(set(names))
    assert set(names) == in_schema - ADMIN_MUTATIONS
    assert in_schema >= ADMIN_MUTATIONS  # each has its own tests below


def test_every_mutation_has_a_rule_a_second_attempt_breaks_but_creating_and_watching() -> None:
    """Something new may be made again and again; a second watch finds nothing owed."""
    assert [case.mutation for case in all_cases() if case.rule is None] == [
        "openEngagement",
        "watchSla",
        "defineBusinessCalendar",
        "defineSlaPolicy",
    ]


def random_ids() -> Ids:
    names = ("engagement", "requirement", "criterion", "complaint", "risk", "milestone")
    return {name: str(uuid4()) for name in (*names, "objective", "businessCalendar", "slaPolicy")}


def naming_something(cases: list[Case]) -> list[Case]:
    """The cases whose input names an object that must exist."""
    return [case for case in cases if case.names]


def one_of_each(api: Api) -> Ids:
    """An engagement, a requirement (with a criterion), a complaint, a risk, a
    business calendar and an SLA policy, each at version 2."""
    ids = run_steps(
        api, random_ids() | active(api),
        ("captureRequirement", CAPTURE, "requirement"),
        ("addAcceptanceCriterion", {"requirementId": "$requirement", "text": "Met"}, "criterion"),
        ("receiveComplaint", RECEIVE, "complaint"),
        ("acknowledgeComplaint", {"complaintId": "$complaint", "agent": "sam", "message": "Hi"},
         None),
        ("identifyRisk", IDENTIFY, "risk"),
        ("assessRisk", {"riskId": "$risk", "probability": 2, "impact": 2}, None),
    )  # fmt: skip
    return run_steps(
        api, ids,
        ("defineBusinessCalendar", DEFINE_CALENDAR, "businessCalendar"),
        ("reviseBusinessCalendar", SLA_CASES["reviseBusinessCalendar"].input, None),
        ("defineSlaPolicy", DEFINE_POLICY, "slaPolicy"),
        ("reviseSlaPolicy", SLA_CASES["reviseSlaPolicy"].input, None),
    )  # fmt: skip


def _target(case: Case, ids: Ids) -> tuple[str, str]:
    """The kind and id a command is addressed to: the object, or for a new one
    the first thing it names (its engagement, a policy's calendar)."""
    name = case.names[0] if case.creates_object else case.key
    return kind_name(name[:1].upper() + name[1:]), ids[name]


def _outcomes(answers: dict[str, dict[str, Any]], *keys: str) -> dict[str, tuple[Any, ...]]:
    return {name: (a["__typename"], *(a.get(k) for k in keys)) for name, a in answers.items()}


def test_an_unknown_id_gives_not_found_naming_the_kind_and_the_id(shared_api: Api) -> None:
    api = shared_api
    ids = random_ids()
    cases = naming_something(all_cases())
    answers = {case.mutation: api.mutate(case.mutation, resolve(case.input, ids)) for case in cases}
    assert _outcomes(answers, "kind", "id") == {
        case.mutation: ("NotFound", *_target(case, ids)) for case in cases
    }


def test_a_stale_expected_version_gives_a_concurrency_conflict_and_a_current_one_passes(
    shared_api: Api,
) -> None:
    """A new object has no earlier version to be stale against: creating commands
    are left out."""
    api = shared_api
    ids = one_of_each(api)
    cases = [case for case in all_cases() if not case.creates_object]
    stale = {case.mutation: {**resolve(case.input, ids), "expectedVersion": 1} for case in cases}
    answers = {name: api.mutate(name, given_input) for name, given_input in stale.items()}
    assert _outcomes(answers, "expectedVersion", "actualVersion") == {
        case.mutation: ("ConcurrencyConflict", 1, 2) for case in cases
    }
    current = {"riskId": ids["risk"], "probability": 3, "impact": 3, "expectedVersion": 2}
    assert api.mutate("assessRisk", current)["version"] == 3


@pytest.mark.parametrize("role", ["viewer", "agent", "manager", "client"])
def test_a_role_without_the_permission_gets_forbidden_before_anything_is_looked_up(
    shared_api: Api, role: str
) -> None:
    """With unknown ids, a permitted mutation gets as far as NotFound."""
    api = shared_api
    token = api.token(role, CLIENT_ID if role == "client" else None)
    ids = random_ids()
    cases = naming_something(all_cases())
    answers = {
        case.mutation: api.mutate(case.mutation, resolve(case.input, ids), token=token)
        for case in cases
    }
    assert _outcomes(answers) == {
        case.mutation: ("NotFound" if allowed(role, case.mutation) else "Forbidden",)
        for case in cases
    }
    opened = api.mutate("openEngagement", engagement_input(), token=token)
    assert opened["__typename"] == ("EngagementPayload" if role == "manager" else "Forbidden")


def test_a_client_acting_on_another_clients_engagement_gets_not_found_never_forbidden(
    shared_api: Api,
) -> None:
    api = shared_api
    ids = one_of_each(api)
    cases = [case for case in all_cases() if case.mutation in CLIENT_MUTATIONS]
    other_client = api.token("client", uuid4())
    answers = {
        case.mutation: api.mutate(case.mutation, resolve(case.input, ids), token=other_client)
        for case in cases
    }
    assert _outcomes(answers, "kind", "id") == {
        case.mutation: ("NotFound", *_target(case, ids)) for case in cases
    }
    own = {"engagementId": ids["engagement"], "csat": 4, "respondent": "Ann", "channel": "web"}
    answered = api.mutate("recordSurveyResponse", own, token=api.token("client", CLIENT_ID))
    assert answered["__typename"] == "EngagementPayload"


# The admin mutations: tokens and view replays.

CREATE_TOKEN = """mutation($input: CreateTokenInput!) { createToken(input: $input) {
    __typename ... on TokenCreated { secret token { id name role clientId revokedAt } }
    ... on ValidationError { field } } }"""
REVOKE_TOKEN = """mutation($id: UUID!) { revokeToken(id: $id) {
    __typename ... on TokenRevoked { token { id revokedAt } } ... on NotFound { kind id } } }"""
REPLAY_VIEWS = """mutation($views: [String!]) { replayViews(views: $views) {
    __typename ... on ViewsReplayed { views events } ... on ValidationError { field } } }"""
VERIFY_VIEWS = """mutation($views: [String!]) { verifyViews(views: $views) {
    __typename ... on ViewsVerified { views differences { view key problem } }
    ... on ValidationError { field } } }"""


def test_an_admin_creates_a_token_that_works_and_revokes_it_so_it_stops(shared_api: Api) -> None:
    api = shared_api
    created = api.data(CREATE_TOKEN, {"input": {"role": "AGENT", "name": "sam"}})["createToken"]
    token = created["token"]
    assert token | {"id": None} == {"id": None, "name": "sam", "role": "AGENT", "clientId": None,
                                    "revokedAt": None}  # fmt: skip
    portfolio = {"query": "{ portfolio { engagements } }"}
    assert api.post(portfolio, created["secret"]).status_code == 200
    revoked = api.data(REVOKE_TOKEN, {"id": token["id"]})["revokeToken"]
    assert revoked["token"] == {"id": token["id"], "revokedAt": "2026-03-02T09:00:00+00:00"}
    assert api.post(portfolio, created["secret"]).status_code == 401


@pytest.mark.parametrize(
    ("token_input", "field"),
    [({"role": "AGENT", "name": "sam\x00"}, "name"), ({"role": "AGENT", "name": " "}, "name"),
     ({"role": "CLIENT", "name": "Acme"}, "clientId")],
)  # fmt: skip
def test_create_token_refuses_a_bad_value_naming_it(
    shared_api: Api, token_input: dict[str, str], field: str
) -> None:
    api = shared_api
    refused = api.data(CREATE_TOKEN, {"input": token_input})["createToken"]
    assert refused == {"__typename": "ValidationError", "field": ["input", field]}


def test_revoking_an_unknown_token_gives_not_found(shared_api: Api) -> None:
    unknown = str(uuid4())
    refused = shared_api.data(REVOKE_TOKEN, {"id": unknown})["revokeToken"]
    assert refused == {"__typename": "NotFound", "kind": "token", "id": unknown}


def test_replaying_views_rebuilds_them_from_every_event_of_the_log(api: Api) -> None:
    active(api)  # two events
    views = ["budget", "portfolio"]
    replayed = api.data(REPLAY_VIEWS, {"views": views})["replayViews"]
    assert replayed == {"__typename": "ViewsReplayed", "views": views, "events": 2}
    everything = api.data(REPLAY_VIEWS)["replayViews"]
    assert everything["events"] == 2 and "audit" in everything["views"]
    assert api.data("{ engagements { nodes { state } } }")["engagements"]["nodes"] == [
        {"state": "ACTIVE"}
    ]


def test_verifying_views_compares_each_with_a_rebuild_and_names_what_differs(api: Api) -> None:
    active(api)
    views = ["budget", "portfolio"]
    verified = api.data(VERIFY_VIEWS, {"views": views})["verifyViews"]
    assert verified == {"__typename": "ViewsVerified", "views": views, "differences": []}

    store = api.services.runtime.store
    budget = api.services.runtime.select(["budget"])[0]
    with store.engine.begin() as connection:  # a row the log never made
        connection.execute(store.table(budget, store.live(budget).number).delete())
    differs = api.data(VERIFY_VIEWS, {"views": ["budget"]})["verifyViews"]["differences"]
    assert [(d["view"], d["problem"]) for d in differs] == [("budget", "missing from live")]
    refused = api.data(VERIFY_VIEWS, {"views": ["gossip"]})["verifyViews"]
    assert refused == {"__typename": "ValidationError", "field": ["views"]}


def test_replaying_an_unknown_view_is_a_validation_error(shared_api: Api) -> None:
    refused = shared_api.data(REPLAY_VIEWS, {"views": ["budget", "gossip"]})["replayViews"]
    assert refused["__typename"] == "ValidationError"


def test_replaying_an_unknown_view_names_the_views_argument(shared_api: Api) -> None:
    refused = shared_api.data(REPLAY_VIEWS, {"views": ["gossip"]})["replayViews"]
    assert refused["field"] == ["views"]


def test_only_an_admin_may_create_or_revoke_tokens_or_replay_views(shared_api: Api) -> None:
    requests: dict[str, tuple[str, dict[str, Any]]] = {
        "createToken": (CREATE_TOKEN, {"input": {"role": "AGENT", "name": "x"}}),
        "revokeToken": (REVOKE_TOKEN, {"id": str(uuid4())}),
        "replayViews": (REPLAY_VIEWS, {}),
        "verifyViews": (VERIFY_VIEWS, {}),
    }
    answers = {}
    for role, client in (("manager", None), ("agent", None), ("viewer", None),
                         ("client", CLIENT_ID)):  # fmt: skip
        token = shared_api.token(role, client)
        for name, (query, variables) in requests.items():
            answer = shared_api.data(query, variables, token=token)[name]
            answers[role, name] = answer["__typename"]
    assert set(answers.values()) == {"Forbidden"}, answers
