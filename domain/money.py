"""How precise money is in each currency: the decimal places of its minor unit.

ISO 4217 gives every currency its minor unit: a cent is a hundredth of a euro,
while the yen has none and the Kuwaiti dinar's fils is a thousandth. An amount
never has more places than its currency's minor unit, so every sum of recorded
amounts is exact at that precision, and every figure is answered with exactly
that many places.
"""

from __future__ import annotations

from decimal import Decimal

from domain.errors import InvalidValue

# The currencies whose minor unit is not a hundredth (ISO 4217); every other has two places.
_PLACES = {
    **dict.fromkeys(
        ("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
         "VND", "VUV", "XAF", "XOF", "XPF"),
        0,
    ),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    "CLF": 4,
    "UYW": 4,
}  # fmt: skip


def minor_unit_places(currency: str) -> int:
    """Decimal places of the currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD."""
    return _PLACES.get(currency, 2)


def require_minor_units(field: str, amount: Decimal, currency: str) -> Decimal:
    """`amount`, refused when it has more decimal places than `currency` has."""
    places = minor_unit_places(currency)
    exponent = amount.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        unit = "no decimal places" if places == 0 else f"at most {places} decimal places"
        raise InvalidValue(field, f"{currency} amounts have {unit}")
    return amount
