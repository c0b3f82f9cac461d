"""Money over the API: sent as a string of digits with no more places than its
currency's minor unit, and answered with exactly that many places, whatever
the figure (a sum, a zero, a rate that came out of a division)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import Api, engagement_input

BUDGET = """query($id: UUID!) { engagement(id: $id) { budget { currency budget actualCost
    remainingBudget burnRatePerWeek costByCategory { key amount } } } }"""


def open_in(api: Api, currency: str, budget: str) -> str:
    return api.open_engagement(currency=currency, budget=budget)


def cost(api: Api, engagement_id: str, amount: Any) -> dict[str, Any]:
    given = {"engagementId": engagement_id, "amount": amount, "category": "LABOUR",
             "incurredOn": "2026-03-01"}  # fmt: skip
    return api.mutate("recordCost", given)


@pytest.mark.parametrize(
    ("currency", "budget", "amount", "answered"),
    [("EUR", "120000", "1530", ("120000.00", "1530.00", "118470.00", "382.50", "0.00")),
     ("JPY", "1500000", "1530", ("1500000", "1530", "1498470", "382", "0")),
     ("KWD", "100.5", "0.125", ("100.500", "0.125", "100.375", "0.031", "0.000"))],
)  # fmt: skip
def test_every_money_figure_has_its_currencys_minor_unit_places(
    shared_api: Api, currency: str, budget: str, amount: str, answered: tuple[str, ...]
) -> None:
    engagement_id = open_in(shared_api, currency, budget)
    assert cost(shared_api, engagement_id, amount)["__typename"] == "EngagementPayload"
    found = shared_api.data(BUDGET, {"id": engagement_id})["engagement"]["budget"]
    by_category = {c["key"]: c["amount"] for c in found["costByCategory"]}
    assert found["currency"] == currency
    assert (
        found["budget"],
        found["actualCost"],
        found["remainingBudget"],
        found["burnRatePerWeek"],
        by_category["TRAVEL"],
    ) == answered


@pytest.mark.parametrize(
    ("currency", "amount"), [("EUR", "10.005"), ("JPY", "10.5"), ("KWD", "0.0001")]
)
def test_an_amount_finer_than_its_currency_is_a_validation_error_naming_it(
    shared_api: Api, currency: str, amount: str
) -> None:
    engagement_id = open_in(shared_api, currency, "1000")
    refused = cost(shared_api, engagement_id, amount)
    assert (refused["__typename"], refused["field"]) == ("ValidationError", ["input", "amount"])
    assert currency in refused["message"]


@pytest.mark.parametrize("amount", [1530, 15.3, "15,30", "1.5e3", " "])
def test_money_is_taken_as_a_string_of_digits_only(shared_api: Api, amount: Any) -> None:
    engagement_id = open_in(shared_api, "EUR", "1000")
    given = {"engagementId": engagement_id, "amount": amount, "category": "LABOUR",
             "incurredOn": "2026-03-01"}  # fmt: skip
    query = "mutation($i: RecordCostInput!) { recordCost(input: $i) { __typename } }"
    body = shared_api.gql(query, {"i": given})
    assert "data" not in body and "invalid value at .amount" in body["errors"][0]["message"]


def test_the_input_that_opens_an_engagement_takes_its_currencys_places(shared_api: Api) -> None:
    refused = shared_api.mutate("openEngagement", {**engagement_input(), "currency": "JPY",
                                                   "budget": "100.50"})  # fmt: skip
    assert (refused["__typename"], refused["field"]) == ("ValidationError", ["input", "budget"])
