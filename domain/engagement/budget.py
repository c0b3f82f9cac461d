"""The money: costs recorded against the budget, and the budget's revisions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    optional_text,
    require_choice,
    require_non_negative,
    require_positive,
    require_text,
)
from domain.engagement.part import EngagementPart, require_not_after_stamp


class CostCategory(StrEnum):
    LABOUR = "labour"
    MATERIAL = "material"
    TRAVEL = "travel"
    SUBCONTRACT = "subcontract"
    OTHER = "other"


class BudgetPart(EngagementPart):
    total_cost: Decimal
    cost_count: int

    class CostRecorded(EventSourcedAggregate.Event):
        cost_id: UUID
        amount: Decimal
        category: CostCategory
        incurred_on: date
        note: str

        def apply(self, engagement: Any) -> None:
            engagement.total_cost += self.amount
            engagement.cost_count += 1

    def record_cost(
        self,
        *,
        cost_id: UUID,
        amount: Decimal,
        category: CostCategory | str,
        incurred_on: date,
        note: str,
        stamp: Stamp,
    ) -> None:
        """Record a cost, in the engagement's currency."""
        self._require_editable("record a cost")
        self._record(
            self.CostRecorded,
            stamp,
            cost_id=cost_id,
            amount=self._money("amount", require_positive("amount", amount)),
            category=require_choice("category", category, CostCategory),
            incurred_on=require_not_after_stamp("incurredOn", incurred_on, stamp),
            note=optional_text("note", note),
        )

    class BudgetRevised(EventSourcedAggregate.Event):
        previous_budget: Decimal
        new_budget: Decimal
        reason: str

        def apply(self, engagement: Any) -> None:
            engagement.budget = self.new_budget

    def revise_budget(self, *, new_budget: Decimal, reason: str, stamp: Stamp) -> None:
        self._require_editable("revise the budget")
        self._record(
            self.BudgetRevised,
            stamp,
            previous_budget=self.budget,
            new_budget=self._money("newBudget", require_non_negative("newBudget", new_budget)),
            reason=require_text("reason", reason),
        )
