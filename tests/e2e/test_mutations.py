"""Every command mutation over HTTP: the shared case runner, and the refusals
every mutation gives the same way (unknown id, stale version, missing permission).

Each area's table of cases lives in `test_mutations_<area>.py`; a case names the
state a mutation starts from, a valid input, what the changed object then shows,
a value the input refuses, and the rule a second attempt breaks.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient
from graphql import build_schema as parse_sdl

from interfaces.graphql.schema import build_schema
from interfaces.http.app import create_app
from tests.conftest import FakeClock, fresh_schema, make_settings, require_postgres
from tests.e2e.conftest import CLIENT_ID, Api, engagement_input, mutation_noun

Ids = dict[str, str]
Given = Callable[[Api], Ids]
Then = Callable[[Api, Ids], None]

AREAS = ("engagement", "requirement", "complaint", "risk")
ADMIN_MUTATIONS = {"createToken", "revokeToken", "replayViews"}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def shared_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    """The `api` fixture's app, shared by the tests of one module that each work
    on objects of their own and never move the clock: an app takes about a second
    to start and stop (its projector's tables, its poll), longer than a case."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'rapport.db'}"
        else:
            require_postgres()
            url = stack.enter_context(fresh_schema())
        clock = FakeClock()
        settings = make_settings(url, env="development", rate_limit_per_minute=0)
        client = stack.enter_context(TestClient(create_app(settings, clock=clock, new_id=uuid4)))
        yield Api(client, clock)


@dataclass(frozen=True)
class Case:
    """One mutation: from the state `given` builds, `input` succeeds and the
    changed object shows `shows` with `event` last in its history."""

    mutation: str
    given: Given
    input: dict[str, Any]  # "$engagement", "$complaint"... stand for ids `given` made
    shows: dict[str, Any]  # fields of the changed object, as GraphQL answers them
    event: str
    invalid: tuple[str, Any] | None = None  # an input field and a value it refuses
    rule: str | None = None  # the rule the same input breaks once `then` has run...
    then: Then | None = None  # ...(None: right after the success)
    creates: bool = False  # the command gives an id to something inside the object

    def __str__(self) -> str:
        return self.mutation

    @property
    def noun(self) -> str:
        return mutation_noun(self.mutation)

    @property
    def creates_object(self) -> bool:
        """Whether the command makes a new object (its input names none of its kind)."""
        return f"${self.noun.lower()}" not in self.input.values()


def resolve(template: Any, ids: Ids) -> Any:
    """The template with each "$name" replaced by ids[name]."""
    if isinstance(template, str) and template.startswith("$"):
        return ids[template[1:]]
    if isinstance(template, dict):
        return {key: resolve(value, ids) for key, value in template.items()}
    if isinstance(template, list):
        return [resolve(item, ids) for item in template]
    return template


def step(mutation: str, template: dict[str, Any], name: str | None = None) -> Then:
    """A mutation that must succeed; `name` keeps the id it creates."""

    def apply(api: Api, ids: Ids) -> None:
        result = api.mutate(mutation, resolve(template, ids))
        assert result["__typename"].endswith("Payload"), (mutation, result)
        if name:
            ids[name] = result["createdIds"][0]

    return apply


def steps(*each: Then) -> Then:
    def apply(api: Api, ids: Ids) -> None:
        for one in each:
            one(api, ids)

    return apply


def run_steps(api: Api, ids: Ids, *each: tuple[str, dict[str, Any], str | None]) -> Ids:
    """Run (mutation, input, name of the id it creates) steps on `ids`."""
    steps(*(step(*one) for one in each))(api, ids)
    return ids


def given(base: Given, *each: Then) -> Given:
    def build(api: Api) -> Ids:
        ids = base(api)
        steps(*each)(api, ids)
        return ids

    return build


def nothing(api: Api) -> Ids:
    return {}


def active(api: Api) -> Ids:
    return {"engagement": api.open_engagement()}


planned = given(nothing, step("openEngagement", engagement_input(), "engagement"))
CAPTURE = {"engagementId": "$engagement", "title": "Export to CSV", "source": "workshop",
           "priority": "must", "requestedBy": "Ann"}  # fmt: skip
RECEIVE = {"engagementId": "$engagement", "channel": "phone", "severity": "high",
           "category": "billing", "description": "Charged twice"}  # fmt: skip
IDENTIFY = {"engagementId": "$engagement", "title": "Key person leaves", "category": "resource",
            "owner": "maria"}  # fmt: skip
CLOSE_ENGAGEMENT = step(
    "closeEngagement", {"engagementId": "$engagement", "outcome": "Done", "forceReason": "Wrap up"}
)


def selection(shape: dict[str, Any]) -> str:
    """The GraphQL selection that answers with `shape`'s keys."""
    parts = []
    for key, value in shape.items():
        inner = value[0] if isinstance(value, list) and value else value
        parts.append(f"{key} {{ {selection(inner)} }}" if isinstance(inner, dict) else key)
    return " ".join(parts)


def version_of(api: Api, noun: str, object_id: str) -> int:
    name = noun[:1].lower() + noun[1:]
    data = api.data(f"query($id: UUID!) {{ {name}(id: $id) {{ version }} }}", {"id": object_id})
    assert data[name] is not None, f"the views do not show {name} {object_id}"
    version: int = data[name]["version"]
    return version


def refusals(api: Api, case: Case, inputs: dict[str, Any]) -> Iterator[tuple[str, Any, str]]:
    """(label, refused input, field the error must name) for each bad value."""
    if case.invalid:
        name, value = case.invalid
        yield f"bad {name}", {**inputs, name: value}, name
    future = api.clock.now() + timedelta(minutes=5)
    yield "occurredAt in the future", {**inputs, "occurredAt": future.isoformat()}, "occurredAt"
    naive = api.clock.now().replace(tzinfo=None)
    yield "occurredAt without offset", {**inputs, "occurredAt": naive.isoformat()}, "occurredAt"


def check_case(api: Api, case: Case) -> None:
    """Refused values change nothing; the input then succeeds and shows; the
    same input again (after `then`) breaks the case's rule."""
    ids = case.given(api)
    noun, key = case.noun, case.noun.lower()
    inputs = resolve(case.input, ids)
    before = 0 if case.creates_object else version_of(api, noun, ids[key])
    bad_inputs = list(refusals(api, case, inputs))
    answers = {label: api.mutate(case.mutation, bad) for label, bad, _ in bad_inputs}
    assert {label: (a["__typename"], a.get("field")) for label, a in answers.items()} == {
        label: ("ValidationError", ["input", name]) for label, _, name in bad_inputs
    }
    shown = f"... on {noun}Payload {{ {key} {{ version {selection(case.shows)} {_LAST_EVENTS} }} }}"
    result = api.mutate(case.mutation, inputs, shown)
    assert result["__typename"] == f"{noun}Payload", result
    check_payload(case, ids, before, result)
    if case.rule is not None:
        ids[key] = result[f"{key}Id"]
        if case.then:
            case.then(api, ids)
        again = api.mutate(case.mutation, resolve(case.input, ids))
        assert (again["__typename"], again.get("rule")) == ("RuleViolation", case.rule), again


_LAST_EVENTS = "history(first: 100) { nodes { eventType } }"


def check_payload(case: Case, ids: Ids, before: int, result: dict[str, Any]) -> None:
    key = case.noun.lower()
    changed = result[key]
    assert result["version"] == before + 1 == changed.pop("version")
    if case.creates_object:
        assert result["createdIds"] == [result[f"{key}Id"]]
    else:
        assert result[f"{key}Id"] == ids[key]
        assert len(result["createdIds"]) == (1 if case.creates else 0), result["createdIds"]
    events = [node["eventType"] for node in changed.pop("history")["nodes"]]
    assert events[-1] == f"{case.noun}.{case.event}"
    assert changed == case.shows


# Cross-cutting refusals, over every case of every area.


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


def test_every_mutation_but_opening_has_a_rule_a_second_attempt_breaks() -> None:
    assert [case.mutation for case in all_cases() if case.rule is None] == ["openEngagement"]


def random_ids() -> Ids:
    names = ("engagement", "requirement", "criterion", "complaint", "risk", "milestone")
    return {name: str(uuid4()) for name in (*names, "objective")}


def one_of_each(api: Api) -> Ids:
    """An engagement, a requirement (with a criterion), a complaint and a risk,
    each at version 2."""
    return run_steps(
        api, random_ids() | active(api),
        ("captureRequirement", CAPTURE, "requirement"),
        ("addAcceptanceCriterion", {"requirementId": "$requirement", "text": "Met"}, "criterion"),
        ("receiveComplaint", RECEIVE, "complaint"),
        ("acknowledgeComplaint", {"complaintId": "$complaint", "agent": "sam", "message": "Hi"},
         None),
        ("identifyRisk", IDENTIFY, "risk"),
        ("assessRisk", {"riskId": "$risk", "probability": 2, "impact": 2}, None),
    )  # fmt: skip


def _target(case: Case, ids: Ids) -> tuple[str, str]:
    """The kind and id a command is addressed to: the object, or a new one's engagement."""
    kind = "engagement" if case.creates_object else case.noun.lower()
    return kind, ids[kind]


def _outcomes(answers: dict[str, dict[str, Any]], *keys: str) -> dict[str, tuple[Any, ...]]:
    return {name: (a["__typename"], *(a.get(k) for k in keys)) for name, a in answers.items()}


def test_an_unknown_id_gives_not_found_naming_the_kind_and_the_id(shared_api: Api) -> None:
    api = shared_api
    ids = random_ids()
    cases = [case for case in all_cases() if case.mutation != "openEngagement"]
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


CLIENT_MUTATIONS = {"recordSurveyResponse", "confirmRequirement", "acceptRequirement",
                    "rejectRequirement", "receiveComplaint", "recordClientReply"}  # fmt: skip
PERMITTED: dict[str, Callable[[Case], bool]] = {
    "viewer": lambda case: False,
    "agent": lambda case: case.noun in ("Requirement", "Complaint"),
    "manager": lambda case: True,
    "client": lambda case: case.mutation in CLIENT_MUTATIONS,
}


@pytest.mark.parametrize("role", PERMITTED)
def test_a_role_without_the_permission_gets_forbidden_before_anything_is_looked_up(
    shared_api: Api, role: str
) -> None:
    """With unknown ids, a permitted mutation gets as far as NotFound."""
    api = shared_api
    token = api.token(role, CLIENT_ID if role == "client" else None)
    ids = random_ids()
    cases = [case for case in all_cases() if case.mutation != "openEngagement"]
    answers = {
        case.mutation: api.mutate(case.mutation, resolve(case.input, ids), token=token)
        for case in cases
    }
    assert _outcomes(answers) == {
        case.mutation: ("NotFound" if PERMITTED[role](case) else "Forbidden",) for case in cases
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


def test_an_admin_creates_a_token_that_works_and_revokes_it_so_it_stops(shared_api: Api) -> None:
    api = shared_api
    created = api.data(CREATE_TOKEN, {"input": {"role": "agent", "name": "sam"}})["createToken"]
    token = created["token"]
    assert token | {"id": None} == {"id": None, "name": "sam", "role": "agent", "clientId": None,
                                    "revokedAt": None}  # fmt: skip
    portfolio = {"query": "{ portfolio { engagements } }"}
    assert api.post(portfolio, created["secret"]).status_code == 200
    revoked = api.data(REVOKE_TOKEN, {"id": token["id"]})["revokeToken"]
    assert revoked["token"] == {"id": token["id"], "revokedAt": "2026-03-02T09:00:00+00:00"}
    assert api.post(portfolio, created["secret"]).status_code == 401


@pytest.mark.parametrize(
    ("token_input", "field"),
    [({"role": "boss", "name": "sam"}, "role"), ({"role": "agent", "name": " "}, "name"),
     ({"role": "client", "name": "Acme"}, "clientId")],
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
        {"state": "active"}
    ]


def test_replaying_an_unknown_view_is_a_validation_error(shared_api: Api) -> None:
    refused = shared_api.data(REPLAY_VIEWS, {"views": ["budget", "gossip"]})["replayViews"]
    assert refused["__typename"] == "ValidationError"


def test_replaying_an_unknown_view_names_the_views_argument(shared_api: Api) -> None:
    refused = shared_api.data(REPLAY_VIEWS, {"views": ["gossip"]})["replayViews"]
    assert refused["field"] == ["views"]


def test_only_an_admin_may_create_or_revoke_tokens_or_replay_views(shared_api: Api) -> None:
    requests: dict[str, tuple[str, dict[str, Any]]] = {
        "createToken": (CREATE_TOKEN, {"input": {"role": "agent", "name": "x"}}),
        "revokeToken": (REVOKE_TOKEN, {"id": str(uuid4())}),
        "replayViews": (REPLAY_VIEWS, {}),
    }
    answers = {}
    for role, client in (("manager", None), ("agent", None), ("viewer", None),
                         ("client", CLIENT_ID)):  # fmt: skip
        token = shared_api.token(role, client)
        for name, (query, variables) in requests.items():
            answer = shared_api.data(query, variables, token=token)[name]
            answers[role, name] = answer["__typename"]
    assert set(answers.values()) == {"Forbidden"}, answers
