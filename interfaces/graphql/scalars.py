"""Scalars beyond GraphQL's own: money and figures as exact decimal strings."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import strawberry
from strawberry.types.scalar import ScalarDefinition


def _parse_decimal(value: object) -> Decimal:
    # A string keeps every digit; a JSON number is accepted through its text.
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError('a Decimal is a string of digits, e.g. "1250.00"')
    try:
        parsed = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not parsed.is_finite():
        raise ValueError("a Decimal must be a finite number")
    return parsed


# Python's Decimal is the field type everywhere; the schema maps it to this.
SCALARS: dict[object, ScalarDefinition] = {
    Decimal: strawberry.scalar(
        name="Decimal",
        description="An exact decimal number, sent as a string (money, percentages, ratios).",
        serialize=str,
        parse_value=_parse_decimal,
    )
}
