"""An engagement's health: red, amber or green (DESIGN §2 "Health").

First match wins: red when any red rule trips, else amber when any amber rule
trips, else green. The reasons are every rule of the winning colour that
tripped (not only the first), so a red engagement lists all it must fix; a green
one has none. A figure with no data (None) trips no rule.

Figures are compared as reported (CPI, SPI and the CSAT mean rounded to 2
places), so the figures a user sees explain the colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Health(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


@dataclass(frozen=True)
class HealthThresholds:
    """The settings behind the rules; the defaults are DESIGN's.

    `critical_risk_exposure` and `breach_window_days` are read by whoever builds
    `HealthInputs` (the portfolio view): an unplanned risk counts when its
    exposure is at least `critical_risk_exposure`, and a breach counts when it
    occurred in the `breach_window_days` before the moment of the report.
    """

    red_cpi_below: Decimal = Decimal("0.8")
    red_spi_below: Decimal = Decimal("0.8")
    red_csat_below: Decimal = Decimal("3.0")
    critical_risk_exposure: int = 20
    amber_cpi_below: Decimal = Decimal("0.95")
    amber_spi_below: Decimal = Decimal("0.95")
    amber_csat_below: Decimal = Decimal("4.0")
    breach_window_days: int = 28
    amber_risk_exposure_from: int = 15


@dataclass(frozen=True)
class HealthInputs:
    """What health is judged on; None means no data yet (no cost, no survey,
    no assessed open risk)."""

    cpi: Decimal | None
    spi: Decimal | None
    csat_mean: Decimal | None
    open_critical_past_due: bool
    unplanned_critical_risk: bool
    breaches_last_28_days: int
    max_open_risk_exposure: int | None


Rule = Callable[[HealthInputs, HealthThresholds], str | None]


def _below(label: str, value: Decimal | None, limit: Decimal) -> str | None:
    if value is not None and value < limit:
        return f"{label} {value} is below {limit}"
    return None


def _figure_below(label: str, figure: str, limit: str) -> Rule:
    """A rule that trips when the input named `figure` is below the threshold `limit`."""

    def rule(i: HealthInputs, t: HealthThresholds) -> str | None:
        return _below(label, getattr(i, figure), getattr(t, limit))

    return rule


def _red_critical_past_due(i: HealthInputs, t: HealthThresholds) -> str | None:
    return "an open critical complaint is past due" if i.open_critical_past_due else None


def _red_unplanned_risk(i: HealthInputs, t: HealthThresholds) -> str | None:
    if not i.unplanned_critical_risk:
        return None
    return f"a risk with exposure >= {t.critical_risk_exposure} has no response plan"


def _amber_breaches(i: HealthInputs, t: HealthThresholds) -> str | None:
    if i.breaches_last_28_days <= 0:
        return None
    return f"{i.breaches_last_28_days} SLA breach(es) in the last {t.breach_window_days} days"


def _amber_risk(i: HealthInputs, t: HealthThresholds) -> str | None:
    exposure = i.max_open_risk_exposure
    if exposure is None or exposure < t.amber_risk_exposure_from:
        return None
    return f"an open risk has exposure {exposure} (>= {t.amber_risk_exposure_from})"


RULES: tuple[tuple[Health, tuple[Rule, ...]], ...] = (
    (
        Health.RED,
        (
            _figure_below("CPI", "cpi", "red_cpi_below"),
            _figure_below("SPI", "spi", "red_spi_below"),
            _figure_below("CSAT mean", "csat_mean", "red_csat_below"),
            _red_critical_past_due,
            _red_unplanned_risk,
        ),
    ),
    (
        Health.AMBER,
        (
            _figure_below("CPI", "cpi", "amber_cpi_below"),
            _figure_below("SPI", "spi", "amber_spi_below"),
            _figure_below("CSAT mean", "csat_mean", "amber_csat_below"),
            _amber_breaches,
            _amber_risk,
        ),
    ),
)


def health(
    inputs: HealthInputs, thresholds: HealthThresholds | None = None
) -> tuple[Health, list[str]]:
    """The colour and the reasons for it (empty when green)."""
    limits = thresholds or HealthThresholds()
    for colour, rules in RULES:
        reasons = [reason for rule in rules if (reason := rule(inputs, limits)) is not None]
        if reasons:
            return colour, reasons
    return Health.GREEN, []
