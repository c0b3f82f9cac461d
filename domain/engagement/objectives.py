"""SMART objectives set for the engagement, and the results measured against them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from domain.base import (
    EventSourcedAggregate,
    Stamp,
    require_line,
    require_non_negative,
    require_text,
)
from domain.engagement.part import EngagementPart
from domain.errors import RuleViolation


@dataclass(frozen=True)
class Objective:
    """A SMART objective; `actual` is the latest measured result, if any."""

    description: str
    metric: str
    target: Decimal
    due_on: date
    actual: Decimal | None


class ObjectivesPart(EngagementPart):
    objectives_set: dict[UUID, Objective]

    class ObjectiveSet(EventSourcedAggregate.Event):
        objective_id: UUID
        description: str
        metric: str
        target: Decimal
        due_on: date

        def apply(self, engagement: Any) -> None:
            # A revision keeps the result already measured: it is still a fact.
            previous = engagement.objectives_set.get(self.objective_id)
            engagement.objectives_set[self.objective_id] = Objective(
                description=self.description,
                metric=self.metric,
                target=self.target,
                due_on=self.due_on,
                actual=previous.actual if previous else None,
            )

    def set_objective(
        self,
        *,
        objective_id: UUID,
        description: str,
        metric: str,
        target: Decimal,
        due_on: date,
        stamp: Stamp,
    ) -> None:
        """Set a SMART objective; setting an existing `objective_id` again revises it."""
        self._require_editable("set an objective")
        self._record(
            self.ObjectiveSet,
            stamp,
            objective_id=objective_id,
            description=require_text("description", description),
            metric=require_line("metric", metric),
            target=require_non_negative("target", target),
            due_on=due_on,
        )

    class ObjectiveResultRecorded(EventSourcedAggregate.Event):
        objective_id: UUID
        actual: Decimal

        def apply(self, engagement: Any) -> None:
            objective = engagement.objectives_set[self.objective_id]
            engagement.objectives_set[self.objective_id] = replace(objective, actual=self.actual)

    def record_objective_result(self, *, objective_id: UUID, actual: Decimal, stamp: Stamp) -> None:
        self._require_editable("record an objective result")
        if objective_id not in self.objectives_set:
            raise RuleViolation(
                "engagement.known_objective", f"objective {objective_id} has not been set"
            )
        self._record(
            self.ObjectiveResultRecorded,
            stamp,
            objective_id=objective_id,
            actual=require_non_negative("actual", actual),
        )
