"""One risk as its list page shows it: the state `RiskRowsView` folds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast
from uuid import UUID

from application.views.aggregates import on
from application.views.base import Event, Handler, LoggedEvent
from domain.risk import (
    OPEN_STATES,
    ResponseStrategy,
    Risk,
    RiskCategory,
    RiskLevel,
    RiskState,
    risk_level,
)


@dataclass
class RiskRow:
    risk_id: UUID
    engagement_id: UUID
    title: str
    category: RiskCategory
    description: str
    owner: str
    state: RiskState
    identified_at: datetime
    updated_at: datetime  # occurred time of the latest event
    state_since: datetime
    version: int = 1
    probability: int | None = None  # latest assessment; None until assessed
    impact: int | None = None
    assessments: int = 0
    strategy: ResponseStrategy | None = None
    next_review_on: date | None = None
    reviews: int = 0
    linked_complaint_id: UUID | None = None

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def exposure(self) -> int | None:
        if self.probability is None or self.impact is None:
            return None
        return self.probability * self.impact

    @property
    def level(self) -> RiskLevel | None:
        exposure = self.exposure
        return None if exposure is None else risk_level(exposure)


def new_risk_row(logged: LoggedEvent) -> RiskRow:
    event = cast(Risk.Identified, logged.event)
    at = logged.occurred_at
    return RiskRow(
        risk_id=logged.aggregate_id,
        engagement_id=event.engagement_id,
        title=event.title,
        category=event.category,
        description=event.description,
        owner=event.owner,
        state=RiskState.IDENTIFIED,
        identified_at=at,
        updated_at=at,
        state_since=at,
    )


def _assessed(row: RiskRow, event: Risk.Assessed, at: datetime) -> None:
    row.probability, row.impact = event.probability, event.impact
    row.assessments += 1
    if row.state is RiskState.IDENTIFIED:
        row.state = RiskState.ASSESSED


def _response_planned(row: RiskRow, event: Risk.ResponsePlanned, at: datetime) -> None:
    row.strategy = event.plan.strategy
    row.next_review_on = event.plan.next_review_on
    if row.state is not RiskState.OCCURRED:
        row.state = RiskState.RESPONDING


def _reviewed(row: RiskRow, event: Risk.Reviewed, at: datetime) -> None:
    row.reviews += 1
    row.next_review_on = event.next_review_on


def _occurred(row: RiskRow, event: Risk.Occurred, at: datetime) -> None:
    row.state = RiskState.OCCURRED
    row.linked_complaint_id = event.linked_complaint_id


def _closed(row: RiskRow, event: Risk.Closed, at: datetime) -> None:
    row.state = RiskState.CLOSED
    row.next_review_on = None


RISK_ROW_HANDLERS: dict[type[Event], Handler[RiskRow]] = dict(
    [
        on(Risk.Assessed, _assessed),
        on(Risk.ResponsePlanned, _response_planned),
        on(Risk.Reviewed, _reviewed),
        on(Risk.Occurred, _occurred),
        on(Risk.Closed, _closed),
    ]
)
