"""One requirement as its list page shows it: the state `RequirementRowsView` folds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import cast
from uuid import UUID

from application.views.aggregates import on
from application.views.base import Event, Handler, LoggedEvent
from domain.requirement import (
    Requirement,
    RequirementPriority,
    RequirementSource,
    RequirementState,
)


@dataclass
class CriterionRow:
    criterion_id: UUID
    text: str
    unmet: bool = False  # named by the latest rejection, not met since


@dataclass
class RequirementRow:
    requirement_id: UUID
    engagement_id: UUID
    title: str
    description: str
    source: RequirementSource
    priority: RequirementPriority
    requested_by: str
    state: RequirementState
    captured_at: datetime
    updated_at: datetime  # occurred time of the latest event
    state_since: datetime
    version: int = 1
    criteria: list[CriterionRow] = field(default_factory=list)  # currently defined
    confirmed_by: str = ""
    started_by: str = ""  # who issued the latest Started
    change_requests: int = 0
    rejections: int = 0
    accepted_by: str = ""


def new_requirement_row(logged: LoggedEvent) -> RequirementRow:
    event = cast(Requirement.Captured, logged.event)
    at = logged.occurred_at
    return RequirementRow(
        requirement_id=logged.aggregate_id,
        engagement_id=event.engagement_id,
        title=event.title,
        description=event.description,
        source=event.source,
        priority=event.priority,
        requested_by=event.requested_by,
        state=RequirementState.CAPTURED,
        captured_at=at,
        updated_at=at,
        state_since=at,
    )


def _criterion_added(
    row: RequirementRow, event: Requirement.AcceptanceCriterionAdded, at: datetime
) -> None:
    row.criteria.append(CriterionRow(event.criterion_id, event.text))


def _criterion_removed(
    row: RequirementRow, event: Requirement.AcceptanceCriterionRemoved, at: datetime
) -> None:
    row.criteria = [c for c in row.criteria if c.criterion_id != event.criterion_id]


def _confirmed(row: RequirementRow, event: Requirement.Confirmed, at: datetime) -> None:
    row.state = RequirementState.CONFIRMED
    row.confirmed_by = event.confirmed_by


def _change_requested(
    row: RequirementRow, event: Requirement.ChangeRequested, at: datetime
) -> None:
    row.state = RequirementState.CHANGE_REQUESTED
    row.description = event.new_description
    row.change_requests += 1


def _started(row: RequirementRow, event: Requirement.Started, at: datetime) -> None:
    row.state = RequirementState.IN_PROGRESS
    row.started_by = event.actor


def _delivered(row: RequirementRow, event: Requirement.Delivered, at: datetime) -> None:
    row.state = RequirementState.DELIVERED


def _accepted(row: RequirementRow, event: Requirement.Accepted, at: datetime) -> None:
    row.state = RequirementState.ACCEPTED
    row.accepted_by = event.accepted_by
    for criterion in row.criteria:
        criterion.unmet = False


def _rejected(row: RequirementRow, event: Requirement.Rejected, at: datetime) -> None:
    row.state = RequirementState.REJECTED
    row.rejections += 1
    for criterion in row.criteria:
        criterion.unmet = criterion.criterion_id in event.unmet_criterion_ids


def _withdrawn(row: RequirementRow, event: Requirement.Withdrawn, at: datetime) -> None:
    row.state = RequirementState.WITHDRAWN


REQUIREMENT_ROW_HANDLERS: dict[type[Event], Handler[RequirementRow]] = dict(
    [
        on(Requirement.AcceptanceCriterionAdded, _criterion_added),
        on(Requirement.AcceptanceCriterionRemoved, _criterion_removed),
        on(Requirement.Confirmed, _confirmed),
        on(Requirement.ChangeRequested, _change_requested),
        on(Requirement.Started, _started),
        on(Requirement.Delivered, _delivered),
        on(Requirement.Accepted, _accepted),
        on(Requirement.Rejected, _rejected),
        on(Requirement.Withdrawn, _withdrawn),
    ]
)
