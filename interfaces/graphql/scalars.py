"""Scalars beyond GraphQL's own: exact decimals (money among them) and ids."""

from __future__ import annotations

import re
from decimal import Decimal
from uuid import UUID

import strawberry
from strawberry.types.scalar import ScalarDefinition

# A plain decimal: digits with an optional sign and point, nothing else.
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def _parse_decimal(value: object) -> Decimal:
    # Only a string says exactly which digits were meant: a JSON number may have
    # passed through a float on its way, and 0.1 + 0.2 is not 0.3 there.
    if not isinstance(value, str):
        raise ValueError('a Decimal is sent as a string of digits, e.g. "1250.00"')
    if not _DECIMAL.fullmatch(value.strip()):
        raise ValueError(f"{value!r} is not a decimal number such as 1250.00")
    return Decimal(value.strip())


def _parse_uuid(value: object) -> UUID:
    if not isinstance(value, str):
        raise ValueError("an id is sent as a string")
    try:
        return UUID(value)
    except ValueError:
        raise ValueError(f"{value!r} is not an id (a UUID)") from None


# The field types are Python's; the schema maps them to these.
SCALARS: dict[object, ScalarDefinition] = {
    Decimal: strawberry.scalar(
        name="Decimal",
        description="A decimal number, sent and answered as a string, never a float: money "
        "(in its engagement's currency, with as many decimal places as the currency's minor "
        'unit, e.g. "1250.00" EUR or "1250" JPY), percentages and ratios (two places). Sums '
        "of recorded amounts are exact; money that comes out of a division (burn rate, "
        "planned and earned value, estimate at completion) is rounded to the currency's "
        "places, and percentages and ratios to two, halves to even.",
        serialize=str,
        parse_value=_parse_decimal,
    ),
    UUID: strawberry.scalar(
        name="UUID",
        description="An id, as a UUID string, e.g. 6f1c8a52-4a1e-4d5e-9d7e-0c1f2b3a4d5e.",
        serialize=str,
        parse_value=_parse_uuid,
    ),
}
