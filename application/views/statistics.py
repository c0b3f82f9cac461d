"""Order statistics the views report, with one meaning each (DESIGN §2 definitions).

- median: the middle value; the mean of the two middle values for an even count;
- p90: nearest rank, the ⌈0.9·n⌉-th smallest value (always one of the values).

Both take floats (durations in seconds) or Decimals, and answer None for no values.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

# Constrained rather than bound, so a list of Decimals gives back a Decimal.
N = TypeVar("N", float, Decimal)


def median(values: Iterable[N]) -> N | None:
    """The middle value, or the mean of the two middle values for an even count."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def nearest_rank(values: Iterable[N], percentile: int) -> N | None:
    """The ⌈percentile/100 · n⌉-th smallest value (nearest-rank method)."""
    if not 0 < percentile <= 100:
        raise ValueError(f"percentile must be from 1 to 100, not {percentile}")
    ordered = sorted(values)
    if not ordered:
        return None
    # Integer ceiling, so no floating-point product can land just above a whole rank.
    rank = -(-percentile * len(ordered) // 100)
    return ordered[rank - 1]


def p90(values: Iterable[N]) -> N | None:
    """The 90th percentile by nearest rank: the ⌈0.9·n⌉-th smallest value."""
    return nearest_rank(values, 90)
