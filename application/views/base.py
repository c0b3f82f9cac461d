"""The shape every read model shares.

A view is a fold: `apply(state, event) -> state`, one state per key (an
engagement, an aggregate, a log position). The same fold feeds the live SQL
tables (the projector persists each key's state) and the as-of queries (which
fold a prefix of one engagement's log in memory), so both always agree.

Figures that depend on the clock as well as on the events — what is overdue,
how much of the schedule has elapsed, the trailing four weeks — are not kept in
the state: `report(state, at)` computes them for a moment `at`, now for live
queries and T for as-of queries.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar, Generic, TypeVar
from uuid import UUID

from domain.base import EventSourcedAggregate

S = TypeVar("S")
R = TypeVar("R")

Event = EventSourcedAggregate.Event


@dataclass(frozen=True)
class LoggedEvent:
    """A domain event with its position in the log and the engagement it belongs to."""

    position: int
    engagement_id: UUID
    event: Event

    @property
    def aggregate_id(self) -> UUID:
        return self.event.originator_id

    # Keys as text, worked out once per event rather than once per view.
    @cached_property
    def aggregate_key(self) -> str:
        return str(self.event.originator_id)

    @cached_property
    def engagement_key(self) -> str:
        return str(self.engagement_id)

    @property
    def name(self) -> str:
        """Aggregate and event, e.g. `Complaint.Received`."""
        return type(self.event).__qualname__

    @property
    def occurred_at(self) -> datetime:
        occurred: datetime = self.event.occurred_at
        return occurred


Handler = Callable[[S, LoggedEvent], S]


class View(ABC, Generic[S, R]):
    """A read model: which key an event changes, how, and what it reports.

    `apply` may change `state` in place and return it: the caller owns the state
    it passes in (the projector loads it, the as-of query builds it), and copying
    every state on every event would make rebuilding the views needlessly slow.
    States are dataclasses of plain values so they can be stored as JSON.
    """

    name: ClassVar[str]
    state_type: ClassVar[type]
    # Columns the view's SQL table keeps beside the state, to filter and sort by.
    columns: ClassVar[Mapping[str, type]] = {}
    # True when every event makes a key of its own (a row per log position), so
    # there is never a stored state to load before folding.
    keys_are_new: ClassVar[bool] = False
    # Fields of the state that are dicts keyed by a child aggregate's id (a
    # complaint, a requirement, a risk), stored one row per entry: an event of
    # one complaint then rewrites that complaint's entry rather than every open
    # complaint of the engagement. An entry may change only through events of
    # its own aggregate.
    entry_fields: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def key(self, logged: LoggedEvent) -> str | None:
        """The key of the state this event changes, or None when it changes none."""

    def event_types(self) -> frozenset[type[Event]] | None:
        """The event types the view reads, so others need not even be decoded;
        None when it reads them all."""
        return None

    def starts_key(self, logged: LoggedEvent) -> bool:
        """True when `logged` is the first event of its key, so no state is stored
        for the key yet and none need be looked for."""
        return self.keys_are_new

    @abstractmethod
    def initial(self, logged: LoggedEvent) -> S:
        """The state of a key before its first event (`logged`)."""

    @abstractmethod
    def apply(self, state: S, logged: LoggedEvent) -> S:
        """The state after `logged`."""

    @abstractmethod
    def report(self, state: S, at: datetime) -> R:
        """The view's figures for this state, as of the moment `at`."""

    def unchanged_until(self, state: S, at: datetime) -> datetime | None:
        """Until when (that moment excluded) `report(state, t)` equals
        `report(state, at)` for every t from `at`, with no new event; None when
        the report does not move with time at all. What lets an answer read from
        this state be given again, unchanged, without working it out again.

        The default, `at` itself, promises nothing. Seconds spent in a state,
        which move at every instant, are left out: whoever shows one says so.
        """
        return at

    def column_values(self, state: S) -> dict[str, Any]:
        """Values of `columns` for this state."""
        return {}


class EngagementView(View[S, R]):
    """A view with one state per engagement, changed by the event types it handles."""

    handlers: ClassVar[Mapping[type[Event], Handler[Any]]]
    columns: ClassVar[Mapping[str, type]] = {"engagement_id": UUID}

    def key(self, logged: LoggedEvent) -> str | None:
        if type(logged.event) in self.handlers:
            return logged.engagement_key
        return None

    def event_types(self) -> frozenset[type[Event]] | None:
        return frozenset(self.handlers)

    def starts_key(self, logged: LoggedEvent) -> bool:
        # The engagement's own first event: it is opened before anything else.
        return logged.aggregate_id == logged.engagement_id and logged.event.originator_version == 1

    def apply(self, state: S, logged: LoggedEvent) -> S:
        handler: Handler[S] | None = self.handlers.get(type(logged.event))
        return handler(state, logged) if handler else state

    def column_values(self, state: S) -> dict[str, Any]:
        # Every engagement view's state names its engagement.
        return {"engagement_id": getattr(state, "engagement_id")}  # noqa: B009


def fold(view: View[S, R], events: list[LoggedEvent]) -> dict[str, S]:
    """Every key's state after `events`, in order: the whole fold, in memory."""
    states: dict[str, S] = {}
    for logged in events:
        key = view.key(logged)
        if key is None:
            continue
        state = states[key] if key in states else view.initial(logged)
        states[key] = view.apply(state, logged)
    return states
