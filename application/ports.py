"""What the application needs from the outside world, as protocols.

Infrastructure provides the implementations; the composition root wires them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable
from uuid import UUID

from eventsourcing.persistence import Notification

from application.views.base import View


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


# The engagement of what belongs to none (business calendars, SLA policies):
# an id no engagement has, so every event keeps an index row.
NO_ENGAGEMENT = UUID(int=0)


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
    # The log position of the command's last event: read back from the event
    # index beside the key, so a replayed answer can wait for the views too.
    position: int | None = None


@dataclass(frozen=True)
class Child:
    kind: str
    aggregate_id: UUID


@runtime_checkable
class EventIndex(Protocol):
    """Lookups the event store keeps beside the events, written atomically with them.

    Saving accepts two extra keyword arguments: `index` (a sequence of
    IndexedEvent) and `idempotency` (an IdempotencyRecord or None)."""

    def idempotency_record(self, key: str) -> IdempotencyRecord | None: ...

    def version_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis) -> int | None: ...

    def aggregate_kind(self, aggregate_id: UUID) -> str | None: ...

    def children_of(self, engagement_id: UUID) -> Sequence[Child]: ...

    def logged_notifications(
        self, after: int, limit: int, stop: int | None = None
    ) -> Sequence[tuple[Notification, UUID | None]]:
        """Up to `limit` stored events after log position `after` (and up to
        `stop`), in log order, each with its engagement: None for an event
        outside the engagement domain, which has no index row."""
        ...

    def aggregates_of(self, kind: str) -> Sequence[UUID]:
        """Every aggregate of `kind`, in the order they were created."""
        ...

    def positions_of_created(self, kind: str, start: datetime, end: datetime) -> Sequence[int]:
        """Log positions of every event of the aggregates of `kind` whose first
        event occurred in [start, end), in log order."""
        ...

    def notifications_at(self, positions: Sequence[int]) -> Sequence[Notification]:
        """The stored events at these log positions, in log order, in one read."""
        ...

    def engagement_notifications(
        self,
        engagement_id: UUID,
        until: datetime,
        axis: TimeAxis,
        after: int = 0,
        topics: Collection[str] | None = None,
    ) -> Sequence[Notification]:
        """The engagement's stored events (its own and its children's) after log
        position `after` and up to `until`, in log order, in one read; with
        `topics`, only events of those topics."""
        ...


class ViewTracker(Protocol):
    def wait(self, position: int, views: Sequence[str], timeout: float) -> bool:
        """True once every named view has processed the log up to `position`;
        False if `timeout` seconds pass first."""
        ...


@dataclass(frozen=True)
class RowQuery:
    """One page of a view's rows: those whose columns equal `where`, in key order
    (or by `order_by`, an integer column), after the row `after`.

    `client_id`, when given, keeps only rows of that client's engagements."""

    where: Mapping[str, Any] = field(default_factory=dict)
    after: str | None = None
    limit: int = 50
    client_id: UUID | None = None
    order_by: str | None = None


@dataclass(frozen=True)
class ViewFailure:
    """A view that cannot take the event at `position`: it stays just before it,
    and its projector tries again, waiting longer after each attempt."""

    view: str
    position: int
    event_type: str
    error: str
    failed_at: datetime
    attempts: int


class ViewRows(Protocol):
    """Reading the live view tables."""

    def page(self, view: View[Any, Any], query: RowQuery) -> list[tuple[str, Any]]:
        """(key, state) pairs of the page, in order."""
        ...

    def by_keys(self, view: View[Any, Any], keys: Sequence[str]) -> dict[str, Any]:
        """The states stored under these keys; missing keys are left out."""
        ...

    def live_positions(self) -> dict[str, int]:
        """Each view's position in the log."""
        ...

    def live_versions(self) -> dict[str, tuple[int, int]]:
        """Each view's live generation (a rebuild makes a new one) and position
        in the log. Rows read after this read are at least as new; a view whose
        version has not changed since has the same rows."""
        ...

    def failures(self) -> dict[str, ViewFailure]:
        """The views that cannot take an event, by name."""
        ...


@dataclass(frozen=True)
class ViewDifference:
    """Where a view's live table and a rebuild of it from the log disagree."""

    view: str
    key: str  # empty when the whole view differs
    problem: str  # "missing from live", "not in rebuild", "differs", or why it failed


class ViewMaintenance(Protocol):
    """Rebuilding the views from the log, and checking them against a rebuild.

    `names` picks views (all when empty); an unknown name raises ValueError."""

    def view_names(self, names: Sequence[str] = ()) -> list[str]:
        """The names of the views picked, in order."""
        ...

    def rebuild(self, names: Sequence[str] = ()) -> int:
        """Fold the whole log into new tables for the views, then make them live;
        the events read."""
        ...

    def verify(self, names: Sequence[str] = ()) -> list[ViewDifference]:
        """Rebuild the views into scratch tables and compare them with the live ones,
        which are not changed."""
        ...


@dataclass(frozen=True)
class TokenRecord:
    """A stored API token: everything but the secret, which is kept only as a hash."""

    token_id: UUID
    name: str
    role: str
    client_id: UUID | None
    created_at: datetime
    revoked_at: datetime | None = None


class TokenStore(Protocol):
    def add(self, record: TokenRecord, secret_hash: str) -> None: ...

    def find(self, secret_hash: str) -> TokenRecord | None:
        """The token with this hash, revoked or not; None when there is none."""
        ...

    def all(self) -> list[TokenRecord]: ...

    def revoke(self, token_id: UUID, at: datetime) -> TokenRecord | None:
        """Marks the token revoked; returns it, or None when there is no such token."""
        ...
