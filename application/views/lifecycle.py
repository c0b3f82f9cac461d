"""A complaint's lifecycle as the views fold it: its SLA clocks, once for every view.

`ComplaintLifecycle` is what every view that follows complaints keeps of one:
when it was received, its first-response clock, the current resolution cycle's
clock (`clocks.TrackedClock`, with the rules of `domain.complaint`) and how many
times it was reopened. A view keeps one per complaint, or a subclass of it with
what else it needs (an assignee, a severity), and composes `complaint_handlers`
into its own handler table, as the portfolio composes the budget's fold:

    handlers = merge_handlers(complaint_handlers(entry_in(lambda s: s.complaints)), own)

The view creates the entry on `Complaint.Received` (`ComplaintLifecycle.received`)
and decides what becomes of it on `Complaint.Closed`; the sub-fold handles the
events that move the clocks between the two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Self, TypeVar, cast

from application.views.base import Event, Handler, LoggedEvent
from application.views.clocks import (
    TrackedClock,
    received_clocks,
    reopened_clock,
    resume_on_reply,
)
from application.views.moments import earliest
from domain.complaint import Complaint
from domain.sla import SlaClock

S = TypeVar("S")
L = TypeVar("L", bound="ComplaintLifecycle")


# Keyword-only, so a view's subclass may add fields without defaults.
@dataclass(kw_only=True)
class ComplaintLifecycle:
    received_at: datetime
    first_response: TrackedClock
    resolution: TrackedClock  # the current cycle's clock
    resolution_target_seconds: float  # the first cycle's length, for old reopens
    resolution_cycle: int = 1
    reopens: int = 0

    @classmethod
    def received(cls, logged: LoggedEvent, **fields: Any) -> Self:
        """The lifecycle a `Complaint.Received` starts, with a subclass's `fields`."""
        event = cast(Complaint.Received, logged.event)
        at = logged.occurred_at
        first_response, resolution = received_clocks(event)
        return cls(
            received_at=at,
            first_response=first_response,
            resolution=resolution,
            resolution_target_seconds=(event.resolution_due - at).total_seconds(),
            **fields,
        )

    @property
    def open(self) -> bool:
        """Not resolved, or reopened since: the current resolution clock runs."""
        return self.resolution.running

    def past_due(self, at: datetime) -> bool:
        return self.first_response.past_due(at) or self.resolution.past_due(at)

    def turns_past_due(self, at: datetime) -> datetime | None:
        """When `past_due` next turns true with no event in between; None never."""
        return earliest(self.first_response.turns_past_due(at), self.resolution.turns_past_due(at))

    def current_clock(self, clock: SlaClock, cycle: int) -> TrackedClock | None:
        """The clock an SLA event names, unless it names a resolution cycle since
        ended by a reopen."""
        if clock is SlaClock.FIRST_RESPONSE:
            return self.first_response
        return self.resolution if cycle == self.resolution_cycle else None


def _acknowledged(complaint: ComplaintLifecycle, logged: LoggedEvent) -> None:
    complaint.first_response.stop(logged.occurred_at)


def _waiting(complaint: ComplaintLifecycle, logged: LoggedEvent) -> None:
    complaint.resolution.pause(logged.occurred_at)


def _client_replied(complaint: ComplaintLifecycle, logged: LoggedEvent) -> None:
    event = cast(Complaint.ClientReplied, logged.event)
    resume_on_reply(complaint.resolution, event, logged.occurred_at)


def _resolved(complaint: ComplaintLifecycle, logged: LoggedEvent) -> None:
    complaint.resolution.stop(logged.occurred_at)


def _reopened(complaint: ComplaintLifecycle, logged: LoggedEvent) -> None:
    event = cast(Complaint.Reopened, logged.event)
    target = complaint.resolution_target_seconds
    complaint.resolution = reopened_clock(event, logged.occurred_at, target)
    complaint.resolution_cycle += 1
    complaint.reopens += 1


_CHANGES: dict[type[Event], Callable[[ComplaintLifecycle, LoggedEvent], None]] = {
    Complaint.Acknowledged: _acknowledged,
    Complaint.WaitingOnClient: _waiting,
    Complaint.ClientReplied: _client_replied,
    Complaint.Resolved: _resolved,
    Complaint.Reopened: _reopened,
}

Entry = Callable[[S, LoggedEvent], ComplaintLifecycle | None]


def complaint_handlers(entry: Entry[S]) -> dict[type[Event], Handler[S]]:
    """The lifecycle's handlers for a view whose state is `S`: each changes the
    lifecycle `entry` finds for the event's complaint, when there is one."""

    def handler(change: Callable[[ComplaintLifecycle, LoggedEvent], None]) -> Handler[S]:
        def run(state: S, logged: LoggedEvent) -> S:
            complaint = entry(state, logged)
            if complaint is not None:
                change(complaint, logged)
            return state

        return run

    return {event_type: handler(change) for event_type, change in _CHANGES.items()}


def itself(state: L, logged: LoggedEvent) -> L:
    """The entry of a view whose state is one complaint's: the state itself."""
    return state


def entry_in(entries: Callable[[S], Mapping[str, ComplaintLifecycle]]) -> Entry[S]:
    """The entry of a view keeping complaints by id in `entries(state)`; none
    for a complaint it does not keep."""

    def find(state: S, logged: LoggedEvent) -> ComplaintLifecycle | None:
        return entries(state).get(logged.aggregate_key)

    return find
