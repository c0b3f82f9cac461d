"""An amount never has more decimal places than its currency's minor unit: two
for the euro, none for the yen, three for the Kuwaiti dinar (ISO 4217)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.errors import InvalidValue
from domain.money import minor_unit_places
from tests.unit.views.builders import EventLog, moment, open_engagement, stamp


def test_each_currency_has_its_minor_units_places() -> None:
    assert [minor_unit_places(c) for c in ("EUR", "USD", "JPY", "KRW", "KWD", "CLF")] == [
        2, 2, 0, 0, 3, 4,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("currency", "budget", "refused"),
    [("EUR", "10.005", "at most 2 decimal places"), ("JPY", "100.5", "no decimal places"),
     ("KWD", "1.0001", "at most 3 decimal places")],
)  # fmt: skip
def test_a_budget_finer_than_its_currency_is_refused(
    currency: str, budget: str, refused: str
) -> None:
    with pytest.raises(InvalidValue, match=refused) as error:
        open_engagement(EventLog(), budget=Decimal(budget), currency=currency)
    assert error.value.field == "budget"


def test_trailing_zeros_are_no_finer_and_whole_amounts_fit_every_currency() -> None:
    assert open_engagement(EventLog(), budget=Decimal("10.500")).budget == Decimal("10.500")
    assert open_engagement(EventLog(), budget=Decimal("1500"), currency="JPY")
    assert open_engagement(EventLog(), budget=Decimal("1E+3"), currency="JPY")


def test_a_cost_and_a_revised_budget_are_held_to_the_engagements_currency() -> None:
    engagement = open_engagement(EventLog(), budget=Decimal("1000"), currency="JPY")
    when = stamp(moment(date(2026, 1, 5)))
    with pytest.raises(InvalidValue, match="JPY amounts have no decimal places") as error:
        engagement.record_cost(
            cost_id=uuid4(),
            amount=Decimal("10.50"),
            category="travel",
            incurred_on=date(2026, 1, 5),
            note="",
            stamp=when,
        )
    assert error.value.field == "amount"
    with pytest.raises(InvalidValue) as error:
        engagement.revise_budget(new_budget=Decimal("999.9"), reason="Scope cut", stamp=when)
    assert error.value.field == "newBudget"
