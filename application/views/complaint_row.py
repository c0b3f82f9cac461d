"""One complaint as its list page shows it: the state `ComplaintRowsView` folds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast
from uuid import UUID

from application.views.aggregates import on
from application.views.base import Event, Handler, LoggedEvent
from application.views.clocks import TrackedClock
from application.views.compose import merge_handlers
from application.views.lifecycle import ComplaintLifecycle, complaint_handlers, itself
from domain.complaint import Complaint, ComplaintChannel, ComplaintState, NoteVisibility
from domain.sla import Severity, SlaClock


@dataclass(kw_only=True)
class ComplaintRow(ComplaintLifecycle):
    """The clocks, `received_at`, `resolution_cycle` and `reopens` are the
    lifecycle's (`lifecycle.ComplaintLifecycle`), folded by its handlers."""

    complaint_id: UUID
    engagement_id: UUID
    channel: ComplaintChannel
    severity: Severity
    category: str
    description: str
    state: ComplaintState
    updated_at: datetime  # occurred time of the latest event
    state_since: datetime
    version: int = 1
    acknowledged_by: str = ""
    assignee: str = ""  # empty while nobody is assigned
    escalation_level: int = 0
    note_count: int = 0
    public_note_count: int = 0  # what a client may know of: internal notes are the team's
    root_cause_category: str = ""
    resolution_text: str = ""
    breaches: int = 0  # SLA breaches standing (recorded, not withdrawn), every clock and cycle
    client_confirmed: bool = False
    csat: int | None = None
    # The SLA policy version the complaint was received under; None for
    # complaints received before policies had versions.
    sla_policy_id: UUID | None = None
    sla_policy_version: int | None = None

    @property
    def breached(self) -> bool:
        return self.breaches > 0

    def clock(self, clock: SlaClock) -> TrackedClock:
        return self.first_response if clock is SlaClock.FIRST_RESPONSE else self.resolution

    @property
    def sla_next_at(self) -> datetime | None:
        """When the breach watchdog next owes the complaint something."""
        moments = [c.next_action_at for c in (self.first_response, self.resolution)]
        return min((m for m in moments if m is not None), default=None)


def new_complaint_row(logged: LoggedEvent) -> ComplaintRow:
    event = cast(Complaint.Received, logged.event)
    at = logged.occurred_at
    return ComplaintRow.received(
        logged,
        complaint_id=logged.aggregate_id,
        engagement_id=event.engagement_id,
        channel=event.channel,
        severity=event.severity,
        category=event.category,
        description=event.description,
        state=ComplaintState.RECEIVED,
        updated_at=at,
        state_since=at,
        sla_policy_id=event.sla.policy_id if event.sla else None,
        sla_policy_version=event.sla.policy_version if event.sla else None,
    )


def _acknowledged(row: ComplaintRow, event: Complaint.Acknowledged, at: datetime) -> None:
    row.state = ComplaintState.ACKNOWLEDGED
    row.acknowledged_by = event.agent


def _assigned(row: ComplaintRow, event: Complaint.Assigned, at: datetime) -> None:
    row.assignee = event.agent
    if row.state in (ComplaintState.ACKNOWLEDGED, ComplaintState.REOPENED):
        row.state = ComplaintState.IN_PROGRESS


def _escalated(row: ComplaintRow, event: Complaint.Escalated, at: datetime) -> None:
    # A person's escalation back-dated before a rule's leaves the higher level.
    row.escalation_level = max(row.escalation_level, event.level)


def _note_added(row: ComplaintRow, event: Complaint.NoteAdded, at: datetime) -> None:
    row.note_count += 1
    if event.visibility is NoteVisibility.PUBLIC:
        row.public_note_count += 1


def _waiting(row: ComplaintRow, event: Complaint.WaitingOnClient, at: datetime) -> None:
    row.state = ComplaintState.WAITING_ON_CLIENT


def _client_replied(row: ComplaintRow, event: Complaint.ClientReplied, at: datetime) -> None:
    row.state = ComplaintState.IN_PROGRESS


def _root_cause(row: ComplaintRow, event: Complaint.RootCauseIdentified, at: datetime) -> None:
    row.root_cause_category = event.category


def _resolved(row: ComplaintRow, event: Complaint.Resolved, at: datetime) -> None:
    row.state = ComplaintState.RESOLVED
    row.resolution_text = event.resolution


def _reopened(row: ComplaintRow, event: Complaint.Reopened, at: datetime) -> None:
    row.state = ComplaintState.REOPENED


def _closed(row: ComplaintRow, event: Complaint.Closed, at: datetime) -> None:
    row.state = ComplaintState.CLOSED
    row.client_confirmed = event.client_confirmed
    row.csat = event.csat


def _sla_breached(row: ComplaintRow, event: Complaint.SlaBreached, at: datetime) -> None:
    row.breaches += 1
    clock = row.current_clock(event.clock, event.cycle)
    if clock is not None:
        clock.breached = True


def _sla_breach_withdrawn(
    row: ComplaintRow, event: Complaint.SlaBreachWithdrawn, at: datetime
) -> None:
    # Only a breach folded here is taken back: "as it was at T" may fold the
    # withdrawal (dated by the fact that showed it) without the breach (dated later).
    clock = row.current_clock(event.clock, event.cycle)
    if clock is not None and clock.breached:
        clock.breached = False
        row.breaches -= 1


def _sla_warning(row: ComplaintRow, event: Complaint.SlaWarningRaised, at: datetime) -> None:
    clock = row.current_clock(event.clock, event.cycle)
    if clock is not None:
        clock.warned = True


def _sla_warning_withdrawn(
    row: ComplaintRow, event: Complaint.SlaWarningWithdrawn, at: datetime
) -> None:
    clock = row.current_clock(event.clock, event.cycle)
    if clock is not None:
        clock.warned = False


# The lifecycle's handlers run first: the row's own read no clock they move.
_OWN_HANDLERS: dict[type[Event], Handler[ComplaintRow]] = dict(
    [
        on(Complaint.Acknowledged, _acknowledged),
        on(Complaint.Assigned, _assigned),
        on(Complaint.Escalated, _escalated),
        on(Complaint.NoteAdded, _note_added),
        on(Complaint.WaitingOnClient, _waiting),
        on(Complaint.ClientReplied, _client_replied),
        on(Complaint.RootCauseIdentified, _root_cause),
        on(Complaint.Resolved, _resolved),
        on(Complaint.Reopened, _reopened),
        on(Complaint.Closed, _closed),
        on(Complaint.SlaBreached, _sla_breached),
        on(Complaint.SlaBreachWithdrawn, _sla_breach_withdrawn),
        on(Complaint.SlaWarningRaised, _sla_warning),
        on(Complaint.SlaWarningWithdrawn, _sla_warning_withdrawn),
    ]
)

_LIFECYCLE_HANDLERS: dict[type[Event], Handler[ComplaintRow]] = complaint_handlers(itself)
COMPLAINT_ROW_HANDLERS = merge_handlers(_LIFECYCLE_HANDLERS, _OWN_HANDLERS)
