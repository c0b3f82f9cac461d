"""Bad input at every layer gets a 4xx or a typed GraphQL error, never a 500 nor a
stack trace: the HTTP limits, GraphQL's own limits, production's reticence, masked
unexpected errors, the rate limit and the health checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from httpx import Response

from interfaces.http.app import create_app
from tests.conftest import FakeClock, make_settings
from tests.e2e.conftest import Api, engagement_input

# These checks sit in front of the database, so SQLite alone stands for both kinds.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

LEAKS = ("Traceback", 'File "', "site-packages", "secret detail", "RuntimeError", "Exception")
NOBODY = "00000000-0000-4000-8000-000000000000"  # no aggregate has this id
JSON = "application/json"
PORTFOLIO = b'{"query": "{ portfolio { engagements } }"}'
RECEIVE = (
    "mutation($input: ReceiveComplaintInput!) { receiveComplaint(input: $input) { __typename } }"
)
RECORD_COST = "mutation($input: RecordCostInput!) { recordCost(input: $input) { __typename } }"


@contextmanager
def serve(database_url: str, clock: FakeClock, **overrides: Any) -> Iterator[Api]:
    """An API of its own, on settings the shared `api` fixture does not use."""
    settings = make_settings(database_url, **{"rate_limit_per_minute": 0, **overrides})
    with TestClient(create_app(settings, clock=clock), raise_server_exceptions=False) as client:
        yield Api(client, clock)


def lenient(api: Api) -> TestClient:
    """The `api` app, answering a server error with its 500 instead of raising it here."""
    client = TestClient(api.client.app, raise_server_exceptions=False)
    client.portal = api.client.portal  # the app's own event loop, as under a real server
    return client


def send(api: Api, content: Any, content_type: str = JSON, accept: str = "*/*") -> Response:
    headers = {"Authorization": f"Bearer {api.token()}", "Content-Type": content_type}
    headers["Accept"] = accept
    response: Response = lenient(api).post("/graphql", content=content, headers=headers)
    return response


def assert_clean(response: Response, status: int) -> None:
    """`status`, and nothing in the body that tells how the server is built."""
    assert response.status_code == status, response.text
    for leak in LEAKS:
        assert leak not in response.text


def assert_json_error(response: Response, status: int) -> None:
    assert_clean(response, status)
    assert response.headers["content-type"] == JSON
    assert response.json()["errors"][0]["extensions"]["code"] == f"HTTP_{status}"


def graphql_errors(api: Api, query: str, variables: dict[str, Any] | None = None) -> str:
    """The joined messages of a request refused as a whole, with HTTP 200."""
    body = api.gql(query, variables)
    assert body.get("data") is None and body["errors"], body
    for leak in LEAKS:
        assert leak not in str(body)
    return " | ".join(error["message"] for error in body["errors"])


def receive_input(engagement_id: str = NOBODY, **changes: Any) -> dict[str, Any]:
    """A complaint's input with `changes`; a change to `...` leaves the field out."""
    given: dict[str, Any] = {"engagementId": engagement_id, "channel": "EMAIL", "severity": "HIGH"}
    given |= {"category": "billing", "description": "Invoice twice"} | changes
    return {name: value for name, value in given.items() if value is not ...}


# HTTP: what reaches GraphQL at all


@pytest.mark.parametrize("body", [b"{bad", b'{"query": ', b"", b"\xff\xfe"])
def test_a_body_that_is_not_json_gets_400_with_a_json_error(api: Api, body: bytes) -> None:
    assert_json_error(send(api, body), 400)


@pytest.mark.parametrize(
    "body",
    [b"[]", b'"query"', b"42", b"null"],
)
def test_a_json_body_that_is_not_an_object_gets_400(api: Api, body: bytes) -> None:
    assert_clean(send(api, body), 400)


@pytest.mark.parametrize("body", [b"[]", b"{}", b'{"query": 1}'])
def test_every_400_has_the_json_error_shape(api: Api, body: bytes) -> None:
    assert_json_error(send(api, body), 400)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]
)
def test_a_body_not_sent_as_json_gets_415(api: Api, content_type: str) -> None:
    assert_json_error(send(api, PORTFOLIO, content_type), 415)


def test_a_body_over_the_declared_limit_gets_413(api: Api) -> None:
    response = send(api, b" " * (256 * 1024 + 1))
    assert response.request.headers["content-length"] == str(256 * 1024 + 1)
    assert_json_error(response, 413)


def test_a_streamed_body_over_the_limit_gets_413_without_a_content_length(api: Api) -> None:
    response = send(api, (b" " * 1024 for _ in range(300)))
    assert "content-length" not in response.request.headers
    assert_json_error(response, 413)


def test_a_query_over_get_is_refused_and_not_run(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.token()}"}
    params = {"query": "{ portfolio { engagements } }"}
    response = lenient(api).get("/graphql", params=params, headers=headers)
    assert_clean(response, 405)
    assert "engagements" not in response.text
    assert_clean(lenient(api).get("/graphql?query=", headers=headers), 405)
    assert lenient(api).get("/graphql?subquery=1", headers=headers).status_code != 405
    assert_clean(lenient(api).put("/graphql", content=PORTFOLIO, headers=headers), 405)


@pytest.mark.parametrize("authorization", [None, "Bearer", "Basic abc", "Bearer rpt_unknown"])
def test_a_request_without_a_live_token_gets_401_with_a_json_body(
    api: Api, authorization: str | None
) -> None:
    headers = {"Content-Type": JSON} | ({"Authorization": authorization} if authorization else {})
    response = lenient(api).post("/graphql", content=PORTFOLIO, headers=headers)
    assert_json_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "body",
    [
        b'{"query": "{ portfolio { engagements } }", "operationName": 1}',
        b'{"query": "{ portfolio { engagements } }", "operationName": ["a"]}',
        b'{"query": "{ portfolio { engagements } }", "extensions": "x"}',
        b'{"query": "{ portfolio { engagements } }", "extensions": []}',
        b'{"query": "{ portfolio { engagements } }", "variables": ""}',
        b'{"query": "{ portfolio { engagements } }", "variables": false}',
    ],
    ids=["number name", "list name", "string extensions", "list extensions", "empty variables",
         "false variables"],
)  # fmt: skip
def test_request_parameters_of_the_wrong_type_get_400_with_a_json_error(
    api: Api, body: bytes
) -> None:
    assert_json_error(send(api, body), 400)


@pytest.mark.parametrize(
    "content_type",
    ["APPLICATION/JSON", "Application/Json; charset=UTF-8", "application/json;charset=utf-8",
     "application/graphql-response+json"],
)  # fmt: skip
def test_a_json_body_is_read_whatever_the_content_types_case_and_parameters(
    api: Api, content_type: str
) -> None:
    response = send(api, PORTFOLIO, content_type)
    assert_clean(response, 200)
    assert response.json() == {"data": {"portfolio": {"engagements": 0}}}


@pytest.mark.parametrize(
    ("body", "status", "allow"),
    [
        (b'{"query": "query A { portfolio { engagements } }", "operationName": "B"}', 400, None),
        (b'{"query": "subscription { engagementEvents(engagementId: \\"%s\\") { position } }"}'
         % NOBODY.encode(), 400, None),
        (None, 405, "GET, POST"),
    ],
    ids=["unknown operation", "subscription over POST", "PUT"],
)  # fmt: skip
def test_what_strawberry_refuses_itself_gets_a_json_error_not_plain_text(
    api: Api, body: bytes | None, status: int, allow: str | None
) -> None:
    if body is None:
        headers = {"Authorization": f"Bearer {api.token()}"}
        response = lenient(api).put("/graphql", content=PORTFOLIO, headers=headers)
    else:
        response = send(api, body)
    assert_json_error(response, status)
    assert response.headers.get("allow") == allow


# Media types: application/json by default, application/graphql-response+json on request

GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        (JSON, JSON),
        (GRAPHQL_RESPONSE, f"{GRAPHQL_RESPONSE}; charset=utf-8"),
        (f"{GRAPHQL_RESPONSE}; charset=utf-8, {JSON}; charset=utf-8",
         f"{GRAPHQL_RESPONSE}; charset=utf-8"),
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.5", JSON),
        (f"{GRAPHQL_RESPONSE};q=0, */*", JSON),
        (f"text/html, {GRAPHQL_RESPONSE};q=0.9", f"{GRAPHQL_RESPONSE}; charset=utf-8"),
    ],
)  # fmt: skip
def test_the_answer_is_in_the_media_type_the_accept_header_ranks_highest(
    api: Api, accept: str, media_type: str
) -> None:
    response = send(api, PORTFOLIO, accept=accept)
    assert_clean(response, 200)
    assert response.headers["content-type"] == media_type
    assert response.json() == {"data": {"portfolio": {"engagements": 0}}}


@pytest.mark.parametrize("accept", ["text/html", "application/xml, text/*", f"{JSON};q=0"])
def test_an_accept_header_that_rules_out_both_media_types_gets_406(api: Api, accept: str) -> None:
    assert_json_error(send(api, PORTFOLIO, accept=accept), 406)


REQUEST_ERRORS = {
    "parse": {"query": "{"},
    "validation": {"query": "{ portfolio { engagementz } }"},
    "variable coercion": {"query": RECEIVE, "variables": {"input": {"severity": 3}}},
}


@pytest.mark.parametrize(("accept", "status"), [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
@pytest.mark.parametrize("request_", REQUEST_ERRORS.values(), ids=REQUEST_ERRORS)
def test_a_request_graphql_refuses_before_executing_it_has_errors_and_no_data(
    api: Api, request_: dict[str, Any], accept: str, status: int
) -> None:
    response = send(api, orjson.dumps(request_), accept=accept)
    assert_clean(response, status)
    body = response.json()
    assert "data" not in body and body["errors"], body


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_an_error_while_executing_keeps_its_null_data_and_status_200(api: Api, accept: str) -> None:
    headers = {"Authorization": f"Bearer {api.token('viewer')}", "Accept": accept}
    response = api.client.post("/graphql", json={"query": "{ tokens { name } }"}, headers=headers)
    assert_clean(response, 200)
    assert response.json()["data"] is None
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


# GraphQL: values it cannot coerce, and text the domain refuses


@pytest.mark.parametrize(
    "changes",
    [
        {"severity": 3},
        {"engagementId": "not-a-uuid"},
        {"description": None},
        {"description": ...},
        {"priority": "p1"},
    ],
    ids=["wrong type", "bad uuid", "null required", "missing required", "unknown field"],
)
def test_an_input_graphql_cannot_coerce_is_an_error_that_records_nothing(
    api: Api, changes: dict[str, Any]
) -> None:
    head = api.services.rapport.head()
    variables = {"input": receive_input(**changes)}
    assert "Variable '$input' has invalid value" in graphql_errors(api, RECEIVE, variables)
    assert api.services.rapport.head() == head


@pytest.mark.parametrize("amount", ["abc", "NaN", "Infinity", True, "1,5", "1e3", 1500, 12.5])
def test_a_decimal_that_is_not_a_string_of_digits_is_an_error(api: Api, amount: Any) -> None:
    given = {"engagementId": NOBODY, "amount": amount, "category": "LABOUR"}
    variables = {"input": given | {"incurredOn": "2026-03-01"}}
    assert "invalid value at .amount" in graphql_errors(api, RECORD_COST, variables)


@pytest.mark.parametrize(
    ("field", "length", "limit"), [("description", 200_000, 10_000), ("category", 201, 200)]
)
def test_text_over_the_domain_limit_is_a_validation_error_that_records_nothing(
    api: Api, field: str, length: int, limit: int
) -> None:
    engagement_id = api.open_engagement()
    head = api.services.rapport.head()
    result = api.mutate("receiveComplaint", receive_input(engagement_id, **{field: "y" * length}))
    assert result["__typename"] == "ValidationError"
    assert (result["field"], result["message"]) == (
        ["input", field],
        f"must be at most {limit} characters",
    )
    assert api.services.rapport.head() == head


def test_a_description_at_the_limit_is_accepted(api: Api) -> None:
    engagement_id = api.open_engagement()
    result = api.mutate("receiveComplaint", receive_input(engagement_id, description="y" * 10_000))
    assert result["__typename"] == "ComplaintPayload"


def test_a_budget_too_large_to_report_is_refused_or_reported(api: Api) -> None:
    result = api.mutate("openEngagement", engagement_input() | {"budget": "1" + "0" * 27})
    if result["__typename"] == "EngagementPayload":
        assert "errors" not in api.gql("{ portfolio { engagements } }")
    else:
        assert result["__typename"] == "ValidationError"


PAGED = [
    "{ engagements(first: %d) { nodes { id } } }",
    "{ complaints(first: %d) { nodes { id } } }",
    f'{{ auditTrail(aggregateId: "{NOBODY}", first: %d) {{ nodes {{ position }} }} }}',
    '{ engagement(id: "%s") { complaints(first: %%d) { nodes { id } } } }',
]


@pytest.mark.parametrize("first", [1000, -1])
@pytest.mark.parametrize("template", PAGED, ids=["engagements", "complaints", "audit", "nested"])
def test_a_page_size_out_of_range_is_bad_user_input(api: Api, template: str, first: int) -> None:
    if "%s" in template:
        template %= api.open_engagement()
    errors = api.gql(template % first)["errors"]
    assert [e["extensions"] for e in errors] == [{"code": "BAD_USER_INPUT", "field": "first"}]
    assert errors[0]["message"] == "must be between 0 and 100"


# Production: no map of the API for a stranger


@pytest.fixture
def production(database_url: str, clock: FakeClock) -> Iterator[Api]:
    with serve(database_url, clock, env="production") as api:
        yield api


INTROSPECTION = ["{ __schema { queryType { name } } }", '{ __type(name: "Query") { name } }']
MISSPELT_FIELD = "{ portfolio { engagementz } }"


@pytest.mark.parametrize("query", INTROSPECTION)
def test_production_refuses_introspection(production: Api, query: str) -> None:
    assert "introspection has been disabled" in graphql_errors(production, query)


def test_development_answers_introspection_and_suggests_field_names(api: Api) -> None:
    assert all(api.data(query) for query in INTROSPECTION)
    assert "Did you mean 'engagements'?" in graphql_errors(api, MISSPELT_FIELD)


def test_production_still_answers_typename_which_unions_need(production: Api) -> None:
    assert production.data("{ portfolio { __typename } }") == {
        "portfolio": {"__typename": "Portfolio"}
    }


def test_production_does_not_suggest_field_names(production: Api) -> None:
    message = graphql_errors(production, MISSPELT_FIELD)
    assert message == "Cannot query field 'engagementz' on type 'Portfolio'."


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ engagements(frist: 1) { nodes { id } } }", None),
        ("query($id: UUDI!) { engagement(id: $id) { id } }", {"id": NOBODY}),
        (f'{{ engagement(id: "{NOBODY}", axis: RECORDD) {{ id }} }}', None),
        (RECEIVE, {"input": receive_input(description=..., descriptio="x")}),
    ],
    ids=["argument", "type", "enum value", "input field"],
)
def test_production_suggests_no_name_at_all(
    production: Api, query: str, variables: dict[str, Any] | None
) -> None:
    assert "Did you mean" not in graphql_errors(production, query, variables)


# Unexpected errors: the caller learns only that something failed


def secret_failure(*_: Any, **__: Any) -> Any:
    raise RuntimeError("secret detail")


def test_an_unexpected_error_in_a_query_is_masked(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.services.reader, "page", secret_failure)
    response = api.post({"query": "{ engagements { nodes { id } } }"}, api.token())
    assert_clean(response, 200)
    assert [e["message"] for e in response.json()["errors"]] == ["Unexpected error."]


def test_an_unexpected_error_in_a_mutation_is_masked(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.services.rapport, "execute", secret_failure)
    response = api.post({"query": RECEIVE, "variables": {"input": receive_input()}}, api.token())
    assert_clean(response, 200)
    assert [e["message"] for e in response.json()["errors"]] == ["Unexpected error."]


def test_an_unexpected_error_outside_graphql_is_a_500_without_detail(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.services.tokens, "authenticate", secret_failure)
    response = send(api, PORTFOLIO)
    assert_clean(response, 500)
    assert response.json()["errors"] == [
        {"message": "Unexpected error.", "extensions": {"code": "INTERNAL"}}
    ]


# Rate limit


def test_the_request_over_the_rate_limit_gets_429_and_other_tokens_go_on(
    database_url: str, clock: FakeClock
) -> None:
    with serve(database_url, clock, rate_limit_per_minute=5) as api:
        query = {"query": "{ portfolio { engagements } }"}
        answers = [api.post(query, api.token("viewer")) for _ in range(6)]
        assert [r.status_code for r in answers] == [200] * 5 + [429]
        assert_json_error(answers[-1], 429)
        assert 1 <= int(answers[-1].headers["retry-after"]) <= 12  # one request's refill
        assert api.post(query, api.token("agent")).status_code == 200


# Health


def test_healthz_answers_ok(api: Api) -> None:
    response = api.client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_readyz_reports_each_views_lag(api: Api) -> None:
    api.open_engagement()
    response = api.client.get("/readyz")
    body = response.json()
    assert (response.status_code, body["status"], body["database"]) == (200, "ready", "ok")
    assert set(body["lag"]) == set(api.services.reader.views)
    assert all(isinstance(lag, int) and lag >= 0 for lag in body["lag"].values())


def test_readyz_is_503_when_the_database_does_not_answer(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.services.reader, "projections", secret_failure)
    response = lenient(api).get("/readyz")
    assert_clean(response, 503)
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
