"""Where an engagement stands: milestones, requirements, scope churn, latest RAG.

Figures (DESIGN §2 `progress`):
- weighted milestone completion % = completed weight / total weight * 100
  (None with no milestones);
- overdue milestones at `at`: due before `at`'s calendar date (in `at`'s own
  offset) and not completed;
- requirements per state, every state listed (zero when none);
- acceptance % = accepted / requirements not withdrawn * 100 (None when every
  requirement is withdrawn, or there is none);
- scope churn = number of `Requirement.ChangeRequested` events;
- latest RAG from the latest `StatusReportPublished`.
Percentages are rounded to 2 places, halves to even (see `figures`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from application.views.figures import percent
from application.views.milestones import (
    MILESTONE_HANDLERS,
    TrackedMilestone,
    completed_weight,
    total_weight,
)
from application.views.moments import next_day
from domain.engagement import Engagement, Rag
from domain.requirement import Requirement, RequirementState


@dataclass
class ProgressState:
    engagement_id: UUID
    milestones: dict[str, TrackedMilestone] = field(default_factory=dict)
    # Each requirement's current state, keyed by the requirement id as a string.
    requirements: dict[str, RequirementState] = field(default_factory=dict)
    change_requests: int = 0
    latest_rag: Rag | None = None


@dataclass(frozen=True)
class OverdueMilestone:
    milestone_id: UUID
    name: str
    due_on: date


@dataclass(frozen=True)
class ProgressReport:
    milestones_total: int
    milestones_completed: int
    milestone_completion_percent: Decimal | None
    overdue_milestones: tuple[OverdueMilestone, ...]
    requirements_by_state: dict[RequirementState, int]
    acceptance_percent: Decimal | None
    scope_churn: int
    latest_rag: Rag | None


def _requirement_becomes(target: RequirementState) -> Handler[ProgressState]:
    def handler(state: ProgressState, logged: LoggedEvent) -> ProgressState:
        state.requirements[logged.aggregate_key] = target
        return state

    return handler


def _change_requested(state: ProgressState, logged: LoggedEvent) -> ProgressState:
    state.requirements[logged.aggregate_key] = RequirementState.CHANGE_REQUESTED
    state.change_requests += 1
    return state


def _status_report_published(state: ProgressState, logged: LoggedEvent) -> ProgressState:
    state.latest_rag = cast(Engagement.StatusReportPublished, logged.event).rag
    return state


def _noop(state: ProgressState, logged: LoggedEvent) -> ProgressState:
    # Opened only makes sure the engagement has a row, even before anything else.
    return state


_HANDLERS: dict[type[Event], Handler[ProgressState]] = {
    Engagement.Opened: _noop,
    **MILESTONE_HANDLERS,
    Engagement.StatusReportPublished: _status_report_published,
    Requirement.Captured: _requirement_becomes(RequirementState.CAPTURED),
    Requirement.Confirmed: _requirement_becomes(RequirementState.CONFIRMED),
    Requirement.ChangeRequested: _change_requested,
    Requirement.Started: _requirement_becomes(RequirementState.IN_PROGRESS),
    Requirement.Delivered: _requirement_becomes(RequirementState.DELIVERED),
    Requirement.Accepted: _requirement_becomes(RequirementState.ACCEPTED),
    Requirement.Rejected: _requirement_becomes(RequirementState.REJECTED),
    Requirement.Withdrawn: _requirement_becomes(RequirementState.WITHDRAWN),
}


class ProgressView(EngagementView[ProgressState, ProgressReport]):
    """Progress of each engagement; requirements count towards the engagement they
    were captured for (`LoggedEvent.engagement_id`)."""

    name = "progress"
    state_type = ProgressState
    handlers = _HANDLERS

    def initial(self, logged: LoggedEvent) -> ProgressState:
        return ProgressState(engagement_id=logged.engagement_id)

    def unchanged_until(self, state: ProgressState, at: datetime) -> datetime | None:
        return next_day(at)  # overdue milestones are those of the date

    def report(self, state: ProgressState, at: datetime) -> ProgressReport:
        milestones = state.milestones
        by_state = Counter(state.requirements.values())
        not_withdrawn = len(state.requirements) - by_state[RequirementState.WITHDRAWN]
        return ProgressReport(
            milestones_total=len(milestones),
            milestones_completed=sum(1 for m in milestones.values() if m.completed),
            milestone_completion_percent=percent(
                completed_weight(milestones), total_weight(milestones)
            ),
            overdue_milestones=_overdue(milestones, at.date()),
            requirements_by_state={s: by_state[s] for s in RequirementState},
            acceptance_percent=percent(by_state[RequirementState.ACCEPTED], not_withdrawn),
            scope_churn=state.change_requests,
            latest_rag=state.latest_rag,
        )


def _overdue(milestones: dict[str, TrackedMilestone], today: date) -> tuple[OverdueMilestone, ...]:
    overdue = [
        OverdueMilestone(UUID(key), m.name, m.due_on)
        for key, m in milestones.items()
        if m.due_on < today and not m.completed
    ]
    return tuple(sorted(overdue, key=lambda o: (o.due_on, o.name)))
