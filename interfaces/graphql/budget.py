"""The GraphQL shape of the budget view's report: burn, earned value and the
burn over time."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from application.views.budget import BudgetReport, BurnCurve
from interfaces.graphql.reports import Amount, amounts


@strawberry.type(
    description="Earned value figures: planned value (PV), earned value (EV), the cost and "
    "schedule performance indexes (CPI = EV / actual cost, SPI = EV / PV) and the estimate "
    "at completion (EAC = budget / CPI); null where a figure has no data."
)
class EarnedValue:
    planned_value: Decimal | None
    earned_value: Decimal | None
    cpi: Decimal | None
    spi: Decimal | None
    eac: Decimal | None


@strawberry.type(
    description="Where the budget stood at the end of one ISO week, in the engagement's "
    "currency; the week of the budget's moment is as the budget stands then."
)
class BurnPoint:
    week: date = strawberry.field(description="The week's Monday.")
    actual_cost: Decimal = strawberry.field(
        description="Costs incurred up to the end of the week, added up."
    )
    planned_value: Decimal | None = strawberry.field(
        description="Planned value (PV) at the end of the week, computed as `plannedValue` "
        "of the earned value is; null when it is."
    )
    earned_value: Decimal | None = strawberry.field(
        description="Earned value (EV) of the milestones completed by the end of the week; "
        "null with no milestones."
    )


@strawberry.type(description="Budget burn and earned value.")
class Budget:
    currency: str
    original_budget: Decimal
    budget: Decimal
    actual_cost: Decimal
    remaining_budget: Decimal
    cost_by_category: list[Amount]
    cost_by_week: list[Amount]
    consumed_percent: Decimal | None
    elapsed_percent: Decimal | None
    burn_rate_per_week: Decimal
    projected_exhaustion: date | None
    earned_value: EarnedValue
    curve: strawberry.Private[BurnCurve]

    @strawberry.field(
        description="The burn over time: one point per ISO week from the week of the "
        "planned start (or of the first cost, when earlier) to the week of this budget's "
        "moment, oldest first. Every point is drawn against the budget and milestones as "
        "they stand at that moment."
    )
    def burn(self) -> list[BurnPoint]:
        return [
            BurnPoint(
                week=p.week,
                actual_cost=p.actual_cost,
                planned_value=p.planned_value,
                earned_value=p.earned_value,
            )
            for p in self.curve.points()
        ]

    @staticmethod
    def of(report: BudgetReport) -> Budget:
        earned = report.earned_value
        return Budget(
            currency=report.currency,
            original_budget=report.original_budget,
            budget=report.budget,
            actual_cost=report.actual_cost,
            remaining_budget=report.remaining_budget,
            cost_by_category=amounts(report.cost_by_category),
            cost_by_week=amounts(report.cost_by_week),
            consumed_percent=report.consumed_percent,
            elapsed_percent=report.elapsed_percent,
            burn_rate_per_week=report.burn_rate_per_week,
            projected_exhaustion=report.projected_exhaustion,
            earned_value=EarnedValue(
                planned_value=earned.planned_value,
                earned_value=earned.earned_value,
                cpi=earned.cpi,
                spi=earned.spi,
                eac=earned.eac,
            ),
            curve=report.burn,
        )
