"""Bad input by class, for every argument a query takes besides mutation
inputs (those are in the mutation case runner): cursors, filters and ids that
are not what they claim, text no store can hold, and operations sent over the
wrong transport. Each gets a typed error (`BAD_USER_INPUT` naming the argument,
or a 400), never "Unexpected error."; on SQLite and PostgreSQL, whose stores
fail differently when such values reach them.

The other classes of bad input, and where they are probed:
- every mutation input field given text no field takes (NUL, control
  characters, line breaks in a one-line field, over-long), a value of the
  wrong type or enum, an unknown id: the mutation case runner
  (mutation_cases.py, run by test_mutations*.py); the same text classes
  against every command below the API: tests/integration/test_bad_input.py;
- money as a JSON number, with an exponent, or finer than its currency:
  test_hardening.py and test_money.py;
- request bodies: content types in capitals, a non-string operationName,
  non-object extensions or variables, a parse error, an unknown operation:
  test_hardening.py and test_graphql_over_http.py;
- documents too deep, too wide, too costly (fragment bombs included):
  test_query_limits.py;
- tokens: missing, malformed, revoked, rate-limited: test_access_matrix.py
  and test_rate_limits.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import Api

NOBODY = "00000000-0000-4000-8000-000000000000"

# Cursors that are not log positions: too large for 64 bits, digits that are not
# ASCII, a NUL, a sign, a space, nothing.
NOT_POSITIONS = ["99999999999999999999999999", "²", "٣", "1\x00", "-1", " 1", "", "1e3"]
# Text no column holds, or no cursor ever is.
NOT_TEXT = ["x\x00", "x\x1b", "\x7f", "a\u0085b"]


def errors_of(api: Api, query: str, variables: dict[str, Any]) -> list[dict[str, Any]]:
    body = api.gql(query, variables)
    assert "Unexpected error" not in str(body), body
    return list(body.get("errors", []))


@pytest.mark.parametrize("cursor", NOT_POSITIONS)
def test_a_cursor_that_is_not_a_log_position_is_bad_user_input(
    shared_api: Api, cursor: str
) -> None:
    query = f"""query($after: String) {{ auditTrail(engagementId: "{NOBODY}", first: 5,
        after: $after) {{ nodes {{ position }} }} }}"""
    (error,) = errors_of(shared_api, query, {"after": cursor})
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


@pytest.mark.parametrize("cursor", NOT_POSITIONS)
def test_an_as_of_history_cursor_that_is_not_a_log_position_is_bad_user_input(
    shared_api: Api, cursor: str
) -> None:
    engagement_id = shared_api.open_engagement()
    query = """query($id: UUID!, $after: String) { engagement(id: $id,
        asOf: "2030-01-01T00:00:00+00:00") { history(first: 5, after: $after) {
        nodes { position } } } }"""
    (error,) = errors_of(shared_api, query, {"id": engagement_id, "after": cursor})
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


CONNECTIONS = [
    "engagements(first: 5, after: $text) { nodes { id } }",
    "complaints(first: 5, after: $text) { nodes { id } }",
    "requirements(first: 5, after: $text) { nodes { id } }",
    "risks(first: 5, after: $text) { nodes { id } }",
    "businessCalendars(first: 5, after: $text) { nodes { id } }",
    "slaPolicies(first: 5, after: $text) { nodes { id } }",
]


@pytest.mark.parametrize("text", NOT_TEXT)
@pytest.mark.parametrize("connection", CONNECTIONS, ids=lambda c: c.split("(")[0])
def test_a_cursor_no_row_key_can_be_is_bad_user_input(
    shared_api: Api, connection: str, text: str
) -> None:
    (error,) = errors_of(shared_api, f"query($text: String) {{ {connection} }}", {"text": text})
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


@pytest.mark.parametrize("text", NOT_TEXT)
def test_a_filter_no_column_can_match_is_bad_user_input(shared_api: Api, text: str) -> None:
    query = "query($text: String) { complaints(filter: {assignee: $text}) { nodes { id } } }"
    (error,) = errors_of(shared_api, query, {"text": text})
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "assignee"}


@pytest.mark.parametrize("cursor", ["99999999999999999999:1", "²:1", "1:\x00", "1", "a:b"])
def test_a_webhook_delivery_cursor_that_is_not_one_is_bad_user_input(
    shared_api: Api, cursor: str
) -> None:
    registered = shared_api.data(
        """mutation { registerWebhook(input: {url: "http://127.0.0.1:9/hook"}) {
            ... on WebhookRegistered { webhook { id } } } }"""
    )["registerWebhook"]["webhook"]
    query = """query($id: UUID!, $after: String) { webhook(id: $id) {
        deliveries(first: 5, after: $after) { nodes { position } } } }"""
    (error,) = errors_of(shared_api, query, {"id": registered["id"], "after": cursor})
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


@pytest.mark.parametrize("key", NOT_TEXT)
def test_an_idempotency_key_that_is_not_text_is_a_validation_error(
    shared_api: Api, key: str
) -> None:
    engagement_id = shared_api.open_engagement()
    answer = shared_api.mutate(
        "startEngagement", {"engagementId": engagement_id, "idempotencyKey": key}
    )
    assert (answer["__typename"], answer["field"]) == (
        "ValidationError",
        ["input", "idempotencyKey"],
    )


def test_a_subscription_sent_by_post_is_refused_not_run(shared_api: Api) -> None:
    query = f'subscription {{ engagementEvents(engagementId: "{NOBODY}") {{ position }} }}'
    response = shared_api.post({"query": query}, shared_api.token())
    assert response.status_code == 400
    assert "subscriptions are not allowed" in response.text
    assert "Unexpected error" not in response.text
