"""How the views turn exact Decimal arithmetic into reported figures.

Every percentage and ratio a view reports is rounded to 2 decimal places with
`Decimal.quantize` and ROUND_HALF_EVEN (banker's rounding, so halves do not
drift upwards in sums), and only at the end: figures are computed from exact
values and rounded once, never from other rounded figures. Money is reported
with exactly its currency's minor-unit places (two for EUR, none for JPY): sums
of recorded amounts are exact at that precision already, and money that comes
out of a division (a burn rate, planned or earned value, an estimate at
completion) is rounded to it, halves to even. Nothing here uses float.
Weekly figures are keyed by ISO week, "2026-W09", or listed by the date of the
week's Monday, the day an ISO week starts.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from domain.money import minor_unit_places

HUNDREDTH = Decimal("0.01")
HUNDRED = Decimal(100)


def rounded(value: Decimal) -> Decimal:
    """`value` to 2 decimal places, halves to even."""
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_EVEN)


def rounded_or_none(value: Decimal | None) -> Decimal | None:
    return None if value is None else rounded(value)


def money(value: Decimal, currency: str) -> Decimal:
    """An amount of `currency` with exactly its minor unit's places, halves to even."""
    unit = Decimal(1).scaleb(-minor_unit_places(currency))
    return value.quantize(unit, rounding=ROUND_HALF_EVEN)


def money_or_none(value: Decimal | None, currency: str) -> Decimal | None:
    return None if value is None else money(value, currency)


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """numerator / denominator, exact (unrounded); None when either is missing or
    the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole * 100, rounded to 2 places; None when `whole` is zero."""
    share = ratio(Decimal(part), Decimal(whole))
    return None if share is None else rounded(share * HUNDRED)


def iso_week(day: date) -> str:
    """The ISO week of `day` (or of a datetime's date in its own offset), e.g.
    "2026-W09". The year is the ISO year: 2027-01-01, a Friday, is "2026-W53"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(day: date) -> date:
    """The Monday that starts the ISO week of `day`."""
    return day - timedelta(days=day.weekday())
