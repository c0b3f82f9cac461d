"""Who carries what in an engagement (DESIGN §2 `workload`).

Per person:
- open complaints: complaints not resolved or closed, counted for their assigned
  agent; a reassignment moves the complaint from one person to the other, and a
  reopened complaint counts again for whoever is assigned;
- overdue complaints: of those, the ones an SLA clock has run past its due time
  at the moment asked (a clock paused while waiting on the client is not due);
- requirements in progress: counted for the actor who issued the requirement's
  `Started` event, while it stays in progress (a restart after a rejection counts
  for whoever restarts it);
- load: open complaints plus requirements in progress, the items a person carries.
Open complaints nobody is assigned to are counted apart. People with nothing open
are not listed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from application.views.compose import merge_handlers
from application.views.lifecycle import ComplaintLifecycle, complaint_handlers, entry_in
from application.views.moments import earliest
from domain.complaint import Complaint
from domain.engagement import Engagement
from domain.requirement import Requirement


@dataclass(kw_only=True)
class ComplaintLoad(ComplaintLifecycle):
    """A complaint's lifecycle (its clocks; open until resolved) and who has it."""

    assignee: str | None = None

    def overdue(self, at: datetime) -> bool:
        return self.open and self.past_due(at)


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
    overdue_complaints: int = 0

    @property
    def load(self) -> int:
        return self.open_complaints + self.requirements_in_progress


@dataclass(frozen=True)
class WorkloadReport:
    people: tuple[PersonLoad, ...]  # by person
    unassigned_open_complaints: int
    unassigned_overdue_complaints: int = 0


def _noop(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    # Opened only makes sure the engagement has a state, even before any work.
    return state


def _received(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    state.complaints[logged.aggregate_key] = ComplaintLoad.received(logged)
    return state


def _assigned(state: WorkloadState, logged: LoggedEvent) -> WorkloadState:
    event = cast(Complaint.Assigned, logged.event)
    state.complaints[logged.aggregate_key].assignee = event.agent
    return state


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


def _complaints(state: WorkloadState) -> dict[str, ComplaintLoad]:
    return state.complaints


_OWN_HANDLERS: dict[type[Event], Handler[WorkloadState]] = {
    Engagement.Opened: _noop,
    Complaint.Received: _received,
    Complaint.Assigned: _assigned,
    Complaint.Closed: _complaint_closed,
    Requirement.Started: _started,
    # The ways out of in_progress: Accepted and Rejected follow Delivered.
    Requirement.Delivered: _work_stops,
    Requirement.ChangeRequested: _work_stops,
    Requirement.Withdrawn: _work_stops,
}
# The complaints' clocks and whether they are open: the complaint lifecycle's.
_HANDLERS = merge_handlers(complaint_handlers(entry_in(_complaints)), _OWN_HANDLERS)


class WorkloadView(EngagementView[WorkloadState, WorkloadReport]):
    """Open complaints and requirements in progress per person, per engagement."""

    name = "workload"
    state_type = WorkloadState
    handlers = _HANDLERS
    entry_fields = ("complaints", "requirements_in_progress")

    def initial(self, logged: LoggedEvent) -> WorkloadState:
        return WorkloadState(engagement_id=logged.engagement_id)

    def unchanged_until(self, state: WorkloadState, at: datetime) -> datetime | None:
        # An open complaint falling due.
        return earliest(*(c.turns_past_due(at) for c in state.complaints.values() if c.open))

    def report(self, state: WorkloadState, at: datetime) -> WorkloadReport:
        open_complaints = [c for c in state.complaints.values() if c.open]
        overdue = [c for c in open_complaints if c.overdue(at)]
        complaints = Counter(c.assignee for c in open_complaints)
        late = Counter(c.assignee for c in overdue)
        requirements = Counter(state.requirements_in_progress.values())
        assigned = {person for person in complaints if person is not None}
        people = sorted(assigned | set(requirements))
        return WorkloadReport(
            people=tuple(PersonLoad(p, complaints[p], requirements[p], late[p]) for p in people),
            unassigned_open_complaints=complaints[None],
            unassigned_overdue_complaints=late[None],
        )


def combined(reports: Iterable[WorkloadReport]) -> WorkloadReport:
    """Several engagements' workloads as one: each person's loads added up."""
    totals: dict[str, list[int]] = {}
    unassigned = [0, 0]
    for report in reports:
        for person in report.people:
            total = totals.setdefault(person.person, [0, 0, 0])
            total[0] += person.open_complaints
            total[1] += person.requirements_in_progress
            total[2] += person.overdue_complaints
        unassigned[0] += report.unassigned_open_complaints
        unassigned[1] += report.unassigned_overdue_complaints
    return WorkloadReport(
        people=tuple(PersonLoad(name, *totals[name]) for name in sorted(totals)),
        unassigned_open_complaints=unassigned[0],
        unassigned_overdue_complaints=unassigned[1],
    )
