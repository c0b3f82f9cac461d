"""Who carries what in an engagement (DESIGN §2 `workload`).

Per person:
- open complaints: complaints not resolved or closed, counted for their assigned
  agent; a reassignment moves the complaint from one person to the other, and a
  reopened complaint counts again for whoever is assigned;
- requirements in progress: counted for the actor who issued the requirement's
  `Started` event, while it stays in progress (a restart after a rejection counts
  for whoever restarts it).
Open complaints nobody is assigned to are counted apart. People with nothing open
are not listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from domain.complaint import Complaint
from domain.engagement import Engagement
from domain.requirement import Requirement


@dataclass
class ComplaintLoad:
    assignee: str | None = None
    open: bool = True


@dataclass
class WorkloadState:
    engagement_id: UUID
    complaints: dict[str, ComplaintLoad] = field(default_factory=dict)
    # Requirements in progress only: requirement id -> who started the work.
    requirements_in_progress: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonLoad:
    person: str
    open_complaints: int
    requirements_in_progress: int


@dataclass(frozen=True)
class WorkloadReport:
    people: tuple[PersonLoad, ...]  # by person
    unassigned_open_complaints: int


def _noop(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    # Opened only makes sure the engagement has a state, even before any work.
    return state


def _received(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    state.complaints[logged.aggregate_key] = ComplaintLoad()
    return state


def _assigned(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    event = cast(Complaint.Assigned, logged.event)
    state.complaints[logged.aggregate_key].assignee = event.agent
    return state


def _complaint_opens(is_open: bool) -> Handler[WorkloadState]:
    def handler(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
        state.complaints[logged.aggregate_key].open = is_open
        return state

    return handler


def _complaint_closed(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    # Closed for good, and resolved before that: it counts for nobody any more.
    state.complaints.pop(logged.aggregate_key, None)
    return state


def _started(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    state.requirements_in_progress[logged.aggregate_key] = logged.event.actor
    return state


def _work_stops(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    state.requirements_in_progress.pop(logged.aggregate_key, None)
    return state


_HANDLERS: dict[type[Event], Handler[WorkloadState]] = {
    Engagement.Opened: _noop,
    Complaint.Received: _received,
    Complaint.Assigned: _assigned,
    Complaint.Resolved: _complaint_opens(False),
    Complaint.Reopened: _complaint_opens(True),
    Complaint.Closed: _complaint_closed,
    Requirement.Started: _started,
    # The ways out of in_progress: Accepted and Rejected follow Delivered.
    Requirement.Delivered: _work_stops,
    Requirement.ChangeRequested: _work_stops,
    Requirement.Withdrawn: _work_stops,
}


class WorkloadView(EngagementView[WorkloadState, WorkloadReport]):
    """Open complaints and requirements in progress per person, per engagement."""

    name = "workload"
    state_type = WorkloadState
    handlers = _HANDLERS
    entry_fields = ("complaints", "requirements_in_progress")

    def initial(self, logged: LoggedEvent) -> WorkloadState:
        return WorkloadState(engagement_id=logged.engagement_id)

    def report(self, state: WorkloadState, at: datetime) -> WorkloadReport:
        open_complaints = [c for c in state.complaints.values() if c.open]
        complaints = Counter(c.assignee for c in open_complaints if c.assignee is not None)
        requirements = Counter(state.requirements_in_progress.values())
        people = sorted(set(complaints) | set(requirements))
        return WorkloadReport(
            people=tuple(PersonLoad(p, complaints[p], requirements[p]) for p in people),
            unassigned_open_complaints=sum(1 for c in open_complaints if c.assignee is None),
        )
