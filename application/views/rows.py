"""The list pages: one row per complaint, requirement and risk, keyed by its id.

Each view folds the events of one aggregate kind (`aggregates.AggregateRowsView`)
into the row a list page shows; its `columns` are what the SQL table keeps beside
the row to filter and sort by. `report(row, at)` adds what depends on the moment:
whether a complaint is past due, whether a risk's review is overdue, and how long
the row has been in its current state. Times are occurred times.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar
from uuid import UUID

from application.views.aggregates import AggregateRowsView
from application.views.base import LoggedEvent
from application.views.complaint_row import (
    COMPLAINT_ROW_HANDLERS,
    ComplaintRow,
    new_complaint_row,
)
from application.views.moments import earliest, next_day
from application.views.requirement_row import (
    REQUIREMENT_ROW_HANDLERS,
    RequirementRow,
    new_requirement_row,
)
from application.views.risk_row import RISK_ROW_HANDLERS, RiskRow, new_risk_row


def _seconds_since(moment: datetime, at: datetime) -> float:
    return max((at - moment).total_seconds(), 0.0)


@dataclass(frozen=True)
class ComplaintRowReport:
    row: ComplaintRow
    first_response_past_due: bool
    resolution_past_due: bool
    past_due: bool  # either clock
    # The current cycle's resolution due time, pushed back by the time waited on
    # the client; None while waiting (the clock is paused), as in the domain.
    resolution_due: datetime | None
    seconds_in_state: float


class ComplaintRowsView(AggregateRowsView[ComplaintRow, ComplaintRowReport]):
    """One row per complaint. `breached`: an SLA breach stands (recorded and not
    withdrawn), on any clock."""

    name = "complaint_rows"
    kind = "complaint"
    state_type = ComplaintRow
    handlers = COMPLAINT_ROW_HANDLERS
    columns: ClassVar[Mapping[str, type]] = {
        "engagement_id": UUID,
        "state": str,
        "severity": str,
        "assignee": str,
        "breached": bool,
        "received_at": datetime,
        # When the breach watchdog next owes the complaint something; what it
        # looks up, by this column's index, at every tick.
        "sla_next_at": datetime,
    }

    def initial(self, logged: LoggedEvent) -> ComplaintRow:
        return new_complaint_row(logged)

    def column_values(self, state: ComplaintRow) -> dict[str, Any]:
        return {
            "engagement_id": state.engagement_id,
            "state": state.state.value,
            "severity": state.severity.value,
            "assignee": state.assignee,
            "breached": state.breached,
            "received_at": state.received_at,
            "sla_next_at": state.sla_next_at,
        }

    def unchanged_until(self, state: ComplaintRow, at: datetime) -> datetime | None:
        # A clock falling due (seconds in the state left out, as everywhere).
        return earliest(
            state.first_response.turns_past_due(at), state.resolution.turns_past_due(at)
        )

    def report(self, state: ComplaintRow, at: datetime) -> ComplaintRowReport:
        first_response = state.first_response.past_due(at)
        resolution = state.resolution.past_due(at)
        return ComplaintRowReport(
            row=state,
            first_response_past_due=first_response,
            resolution_past_due=resolution,
            past_due=first_response or resolution,
            resolution_due=state.resolution.effective_due,
            seconds_in_state=_seconds_since(state.state_since, at),
        )


@dataclass(frozen=True)
class RequirementRowReport:
    row: RequirementRow
    seconds_in_state: float


class RequirementRowsView(AggregateRowsView[RequirementRow, RequirementRowReport]):
    """One row per requirement."""

    name = "requirement_rows"
    kind = "requirement"
    state_type = RequirementRow
    handlers = REQUIREMENT_ROW_HANDLERS
    columns: ClassVar[Mapping[str, type]] = {"engagement_id": UUID, "state": str, "priority": str}

    def initial(self, logged: LoggedEvent) -> RequirementRow:
        return new_requirement_row(logged)

    def column_values(self, state: RequirementRow) -> dict[str, Any]:
        return {
            "engagement_id": state.engagement_id,
            "state": state.state.value,
            "priority": state.priority.value,
        }

    def unchanged_until(self, state: RequirementRow, at: datetime) -> datetime | None:
        return None  # only the seconds in its state move, and they are left out

    def report(self, state: RequirementRow, at: datetime) -> RequirementRowReport:
        return RequirementRowReport(
            row=state, seconds_in_state=_seconds_since(state.state_since, at)
        )


@dataclass(frozen=True)
class RiskRowReport:
    row: RiskRow
    review_overdue: bool  # open, and the next review date is before `at`'s date
    seconds_in_state: float


class RiskRowsView(AggregateRowsView[RiskRow, RiskRowReport]):
    """One row per risk. Until assessed, its `level` column is "" and `exposure` 0."""

    name = "risk_rows"
    kind = "risk"
    state_type = RiskRow
    handlers = RISK_ROW_HANDLERS
    columns: ClassVar[Mapping[str, type]] = {
        "engagement_id": UUID,
        "state": str,
        "level": str,
        "exposure": int,
    }

    def initial(self, logged: LoggedEvent) -> RiskRow:
        return new_risk_row(logged)

    def column_values(self, state: RiskRow) -> dict[str, Any]:
        return {
            "engagement_id": state.engagement_id,
            "state": state.state.value,
            "level": state.level.value if state.level else "",
            "exposure": state.exposure or 0,
        }

    def unchanged_until(self, state: RiskRow, at: datetime) -> datetime | None:
        return next_day(at)  # a review is overdue from a date on

    def report(self, state: RiskRow, at: datetime) -> RiskRowReport:
        return RiskRowReport(
            row=state,
            review_overdue=_review_overdue(state, at.date()),
            seconds_in_state=_seconds_since(state.state_since, at),
        )


def _review_overdue(row: RiskRow, today: date) -> bool:
    return row.open and row.next_review_on is not None and row.next_review_on < today
