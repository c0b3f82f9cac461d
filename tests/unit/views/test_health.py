from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from application.views.health import Health, HealthInputs, HealthThresholds, health

# Comfortably green on every figure.
GOOD = HealthInputs(
    cpi=Decimal("1.00"),
    spi=Decimal("1.00"),
    csat_mean=Decimal("4.50"),
    open_critical_past_due=False,
    unplanned_critical_risk=False,
    breaches_last_28_days=0,
    max_open_risk_exposure=10,
)
NO_DATA = HealthInputs(None, None, None, False, False, 0, None)


def colour_with(**changes: Any) -> Health:
    return health(replace(GOOD, **changes), HealthThresholds())[0]


def test_the_default_thresholds_are_those_of_the_design() -> None:
    t = HealthThresholds()
    assert (t.red_cpi_below, t.red_spi_below, t.red_csat_below) == (
        Decimal("0.8"),
        Decimal("0.8"),
        Decimal("3.0"),
    )
    assert (t.amber_cpi_below, t.amber_spi_below, t.amber_csat_below) == (
        Decimal("0.95"),
        Decimal("0.95"),
        Decimal("4.0"),
    )
    assert (t.critical_risk_exposure, t.amber_risk_exposure_from, t.breach_window_days) == (
        20,
        15,
        28,
    )


def test_good_figures_are_green_with_no_reasons() -> None:
    assert health(GOOD, HealthThresholds()) == (Health.GREEN, [])


def test_no_data_never_makes_an_engagement_red_or_amber() -> None:
    assert health(NO_DATA, HealthThresholds()) == (Health.GREEN, [])


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"cpi": Decimal("0.79")}, "CPI 0.79 is below 0.8"),
        ({"spi": Decimal("0.79")}, "SPI 0.79 is below 0.8"),
        ({"csat_mean": Decimal("2.99")}, "CSAT mean 2.99 is below 3.0"),
        ({"open_critical_past_due": True}, "an open critical complaint is past due"),
        ({"unplanned_critical_risk": True}, "a risk with exposure >= 20 has no response plan"),
    ],
)
def test_each_red_rule_makes_the_engagement_red(changes: dict[str, Any], reason: str) -> None:
    assert health(replace(GOOD, **changes), HealthThresholds()) == (Health.RED, [reason])


@pytest.mark.parametrize(
    "changes",
    [
        {"cpi": Decimal("0.80")},
        {"spi": Decimal("0.80")},
        {"csat_mean": Decimal("3.00")},
    ],
)
def test_a_figure_at_the_red_threshold_is_not_red(changes: dict[str, Any]) -> None:
    # Not below 0.8 / 3.0, so not red; still below the amber limits.
    assert colour_with(**changes) is Health.AMBER


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"cpi": Decimal("0.94")}, "CPI 0.94 is below 0.95"),
        ({"spi": Decimal("0.94")}, "SPI 0.94 is below 0.95"),
        ({"csat_mean": Decimal("3.99")}, "CSAT mean 3.99 is below 4.0"),
        ({"breaches_last_28_days": 1}, "1 SLA breach(es) in the last 28 days"),
        ({"max_open_risk_exposure": 15}, "an open risk has exposure 15 (>= 15)"),
    ],
)
def test_each_amber_rule_makes_the_engagement_amber(changes: dict[str, Any], reason: str) -> None:
    assert health(replace(GOOD, **changes), HealthThresholds()) == (Health.AMBER, [reason])


@pytest.mark.parametrize(
    "changes",
    [
        {"cpi": Decimal("0.95")},
        {"spi": Decimal("0.95")},
        {"csat_mean": Decimal("4.00")},
        {"breaches_last_28_days": 0},
        {"max_open_risk_exposure": 12},  # the largest exposure below 15 (3 x 4)
    ],
)
def test_a_figure_at_or_inside_the_amber_threshold_is_green(changes: dict[str, Any]) -> None:
    assert colour_with(**changes) is Health.GREEN


def test_red_wins_over_amber_and_lists_every_red_reason_only() -> None:
    inputs = replace(
        GOOD,
        cpi=Decimal("0.50"),
        csat_mean=Decimal("2.00"),
        breaches_last_28_days=3,  # amber on its own: not listed under red
        max_open_risk_exposure=16,
    )

    assert health(inputs, HealthThresholds()) == (
        Health.RED,
        ["CPI 0.50 is below 0.8", "CSAT mean 2.00 is below 3.0"],
    )


def test_amber_lists_every_amber_reason() -> None:
    inputs = replace(GOOD, spi=Decimal("0.90"), max_open_risk_exposure=16)

    assert health(inputs, HealthThresholds()) == (
        Health.AMBER,
        ["SPI 0.90 is below 0.95", "an open risk has exposure 16 (>= 15)"],
    )


def test_thresholds_are_settings() -> None:
    lenient = HealthThresholds(amber_cpi_below=Decimal("0.90"), amber_risk_exposure_from=20)
    inputs = replace(GOOD, cpi=Decimal("0.92"), max_open_risk_exposure=16)

    assert health(inputs, lenient) == (Health.GREEN, [])
    assert health(inputs, HealthThresholds())[0] is Health.AMBER
