"""What the application needs from the outside world, as protocols.

Infrastructure provides the implementations; the composition root wires them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable
from uuid import UUID

from eventsourcing.persistence import Notification


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class IdFactory(Protocol):
    def __call__(self) -> UUID: ...


class TimeAxis(StrEnum):
    """Which time an as-of question is asked on."""

    RECORDED = "recorded"  # as known at T: events Rapport had stored by T
    OCCURRED = "occurred"  # as it was at T: events that had happened in the business by T


@dataclass(frozen=True)
class IndexedEvent:
    """One row of the event index, written in the same transaction as the event."""

    aggregate_id: UUID
    version: int
    kind: str
    engagement_id: UUID
    recorded_at: datetime
    occurred_at: datetime


@dataclass(frozen=True)
class IdempotencyRecord:
    """The accepted result of a command sent with an idempotency key."""

    key: str
    fingerprint: str
    aggregate_id: UUID
    version: int
    created_ids: tuple[UUID, ...] = ()


@dataclass(frozen=True)
class Child:
    kind: str
    aggregate_id: UUID


@dataclass(frozen=True)
class IndexedPosition:
    """Where an event of an engagement sits in the log."""

    position: int
    aggregate_id: UUID
    version: int


@runtime_checkable
class EventIndex(Protocol):
    """Lookups the event store keeps beside the events, written atomically with them.

    Saving accepts two extra keyword arguments: `index` (a sequence of
    IndexedEvent) and `idempotency` (an IdempotencyRecord or None)."""

    def idempotency_record(self, key: str) -> IdempotencyRecord | None: ...

    def version_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis) -> int | None: ...

    def aggregate_kind(self, aggregate_id: UUID) -> str | None: ...

    def children_of(self, engagement_id: UUID) -> Sequence[Child]: ...

    def engagement_ids(self, first: int, last: int) -> dict[int, UUID]:
        """The engagement of each event at log positions `first` to `last`."""
        ...

    def notifications_at(self, positions: Sequence[int]) -> Sequence[Notification]:
        """The stored events at these log positions, in log order, in one read."""
        ...

    def engagement_positions(
        self, engagement_id: UUID, until: datetime, axis: TimeAxis
    ) -> Sequence[IndexedPosition]:
        """The engagement's events (its own and its children's) up to `until`, in log order."""
        ...


class ViewTracker(Protocol):
    def wait(self, position: int, views: Sequence[str], timeout: float) -> bool:
        """True once every named view has processed the log up to `position`;
        False if `timeout` seconds pass first."""
        ...
