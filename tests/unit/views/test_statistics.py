from __future__ import annotations

from decimal import Decimal

import pytest

from application.views.statistics import median, nearest_rank, p90


def test_median_of_nothing_is_none() -> None:
    assert median([]) is None
    assert p90([]) is None


def test_median_of_one_value_is_that_value() -> None:
    assert median([42.0]) == 42.0
    assert p90([42.0]) == 42.0


def test_median_of_an_odd_count_is_the_middle_value_whatever_the_input_order() -> None:
    # sorted: 1, 3, 7, 9, 100 -> the 3rd value
    assert median([9.0, 1.0, 100.0, 3.0, 7.0]) == 7.0


def test_median_of_an_even_count_is_the_mean_of_the_two_middle_values() -> None:
    # sorted: 1, 3, 8, 100 -> (3 + 8) / 2 = 5.5
    assert median([100.0, 3.0, 1.0, 8.0]) == 5.5


def test_median_of_decimals_stays_decimal() -> None:
    # (2.10 + 2.25) / 2 = 2.175, exactly
    result = median([Decimal("2.25"), Decimal("9"), Decimal("2.10"), Decimal("1")])
    assert result == Decimal("2.175")
    assert isinstance(result, Decimal)


def test_p90_of_ten_values_is_the_ninth_smallest() -> None:
    # ceil(0.9 * 10) = 9 -> the 9th smallest of 1..10 is 9 (not interpolated 9.1)
    assert p90([float(v) for v in range(10, 0, -1)]) == 9.0


def test_p90_of_eleven_values_rounds_the_rank_up_to_the_tenth() -> None:
    # ceil(0.9 * 11) = ceil(9.9) = 10 -> the 10th smallest of 1..11 is 10
    assert p90([float(v) for v in range(1, 12)]) == 10.0


def test_p90_of_two_values_is_the_larger() -> None:
    # ceil(0.9 * 2) = ceil(1.8) = 2
    assert p90([5.0, 1.0]) == 5.0


def test_p90_of_nine_values_is_the_largest() -> None:
    # ceil(0.9 * 9) = ceil(8.1) = 9
    assert p90([float(v) for v in range(1, 10)]) == 9.0


def test_nearest_rank_refuses_a_percentile_outside_1_to_100() -> None:
    with pytest.raises(ValueError, match="percentile"):
        nearest_rank([1.0], 0)
    with pytest.raises(ValueError, match="percentile"):
        nearest_rank([1.0], 101)
