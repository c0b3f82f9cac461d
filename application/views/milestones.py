"""Milestones as the progress and budget views both follow them.

One sub-state and one set of handlers, shared by every view whose state has a
`milestones` mapping, so weighted completion (progress) and earned value
(budget) read the same milestones the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol, TypeVar, cast

from application.views.base import Event, Handler, LoggedEvent
from domain.engagement import Engagement


@dataclass(frozen=True)
class TrackedMilestone:
    """A milestone as the views see it; `completed_at` is the occurred time."""

    name: str
    due_on: date
    weight: Decimal
    completed_at: datetime | None = None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


class HasMilestones(Protocol):
    # Keyed by the milestone id as a string, so the state stays JSON-able.
    milestones: dict[str, TrackedMilestone]


M = TypeVar("M", bound=HasMilestones)


def on_milestone_planned(state: M, logged: LoggedEvent) -> M:
    event = cast(Engagement.MilestonePlanned, logged.event)
    state.milestones[str(event.milestone_id)] = TrackedMilestone(
        name=event.name, due_on=event.due_on, weight=event.weight
    )
    return state


def on_milestone_rescheduled(state: M, logged: LoggedEvent) -> M:
    event = cast(Engagement.MilestoneRescheduled, logged.event)
    key = str(event.milestone_id)
    state.milestones[key] = replace(state.milestones[key], due_on=event.due_on)
    return state


def on_milestone_completed(state: M, logged: LoggedEvent) -> M:
    event = cast(Engagement.MilestoneCompleted, logged.event)
    key = str(event.milestone_id)
    state.milestones[key] = replace(state.milestones[key], completed_at=logged.occurred_at)
    return state


MILESTONE_HANDLERS: Mapping[type[Event], Handler[Any]] = {
    Engagement.MilestonePlanned: on_milestone_planned,
    Engagement.MilestoneRescheduled: on_milestone_rescheduled,
    Engagement.MilestoneCompleted: on_milestone_completed,
}


def total_weight(milestones: dict[str, TrackedMilestone]) -> Decimal:
    return sum((m.weight for m in milestones.values()), Decimal(0))


def completed_weight(
    milestones: dict[str, TrackedMilestone], before: datetime | None = None
) -> Decimal:
    """Weight of the milestones completed (before the instant `before`, when given)."""
    return sum(
        (
            m.weight
            for m in milestones.values()
            if m.completed_at is not None and (before is None or m.completed_at < before)
        ),
        Decimal(0),
    )


def weight_due_by(milestones: dict[str, TrackedMilestone], day: date) -> Decimal:
    """Weight of the milestones due on or before `day`, completed or not."""
    return sum((m.weight for m in milestones.values() if m.due_on <= day), Decimal(0))
