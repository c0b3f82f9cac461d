"""Milestones: planned with a weight, rescheduled with a reason, completed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from domain.base import EventSourcedAggregate, Stamp, require_line, require_positive, require_text
from domain.engagement.part import EngagementPart
from domain.errors import RuleViolation


@dataclass(frozen=True)
class Milestone:
    name: str
    due_on: date
    weight: Decimal
    completed_at: datetime | None


class MilestonesPart(EngagementPart):
    milestones: dict[UUID, Milestone]

    class MilestonePlanned(EventSourcedAggregate.Event):
        milestone_id: UUID
        name: str
        due_on: date
        weight: Decimal

        def apply(self, engagement: Any) -> None:
            engagement.milestones[self.milestone_id] = Milestone(
                name=self.name, due_on=self.due_on, weight=self.weight, completed_at=None
            )

    def plan_milestone(
        self, *, milestone_id: UUID, name: str, due_on: date, weight: Decimal, stamp: Stamp
    ) -> None:
        self._require_editable("plan a milestone")
        if milestone_id in self.milestones:
            raise RuleViolation(
                "engagement.milestone_id_unique", f"milestone {milestone_id} is already planned"
            )
        self._record(
            self.MilestonePlanned,
            stamp,
            milestone_id=milestone_id,
            name=require_line("name", name),
            due_on=due_on,
            weight=require_positive("weight", weight),
        )

    class MilestoneRescheduled(EventSourcedAggregate.Event):
        milestone_id: UUID
        due_on: date
        reason: str

        def apply(self, engagement: Any) -> None:
            milestone = engagement.milestones[self.milestone_id]
            engagement.milestones[self.milestone_id] = replace(milestone, due_on=self.due_on)

    def reschedule_milestone(
        self, *, milestone_id: UUID, due_on: date, reason: str, stamp: Stamp
    ) -> None:
        self._require_editable("reschedule a milestone")
        self._require_open_milestone(milestone_id, "reschedule")
        self._record(
            self.MilestoneRescheduled,
            stamp,
            milestone_id=milestone_id,
            due_on=due_on,
            reason=require_text("reason", reason),
        )

    class MilestoneCompleted(EventSourcedAggregate.Event):
        milestone_id: UUID

        def apply(self, engagement: Any) -> None:
            milestone = engagement.milestones[self.milestone_id]
            engagement.milestones[self.milestone_id] = replace(
                milestone, completed_at=self.occurred_at
            )

    def complete_milestone(self, *, milestone_id: UUID, stamp: Stamp) -> None:
        """Complete a milestone; it counts as completed at the stamp's occurred time."""
        self._require_editable("complete a milestone")
        self._require_open_milestone(milestone_id, "complete")
        self._record(self.MilestoneCompleted, stamp, milestone_id=milestone_id)

    def _require_open_milestone(self, milestone_id: UUID, action: str) -> None:
        milestone = self.milestones.get(milestone_id)
        if milestone is None:
            raise RuleViolation(
                "engagement.known_milestone", f"milestone {milestone_id} has not been planned"
            )
        if milestone.completed_at is not None:
            raise RuleViolation(
                "engagement.milestone_open",
                f"cannot {action} milestone {milestone_id}: it is already completed",
            )
