"""The Rapport application: runs commands against the event store and answers
questions about one aggregate, now or in the past.

One `Application` serves the whole engagement domain. Requirements, complaints
and risks are decided against their engagement (it must exist and be open, and
it may not close while they block it), and one log in one order is what the
views and the audit trail read. Splitting it would buy nothing but a
cross-application consistency problem.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast, overload
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import RecordConflictError

from application.access import Principal
from application.commands.base import (
    ChangeCommand,
    Command,
    CommandMeta,
    CommandResult,
    CreateCommand,
)
from application.decision import CommandDecision
from application.errors import (
    ApplicationError,
    ConcurrencyConflict,
    DomainError,
    Forbidden,
    IdempotencyKeyReused,
    NotFound,
)
from application.kinds import KINDS
from application.ports import (
    Clock,
    EventIndex,
    IdempotencyRecord,
    IndexedEvent,
    TimeAxis,
    ViewTracker,
)
from domain.base import (
    EventSourcedAggregate,
    Stamp,
    require_line,
)
from domain.engagement import Engagement
from domain.sla import DEFAULT_POLICY_ID, SlaPolicy

A = TypeVar("A", bound=EventSourcedAggregate)


class Rapport(Application[UUID]):
    name = "Rapport"

    def __init__(
        self,
        env: dict[str, str],
        *,
        clock: Clock,
        new_id: Callable[[], UUID],
        snapshot_interval: int = 0,
        max_attempts: int = 50,
    ) -> None:
        super().__init__(env)
        if not isinstance(self.recorder, EventIndex):
            raise TypeError("the event store's recorder must keep the event index")
        self.index: EventIndex = self.recorder
        self.clock = clock
        self.new_id = new_id
        self.max_attempts = max_attempts
        self.tracker: ViewTracker | None = None  # set when views are kept
        self.view_wait_seconds = 2.0
        if snapshot_interval > 0:
            # The library reads this class variable through the instance; the
            # interval is a setting, so it is set per application.
            self.snapshotting_intervals = {  # type: ignore[misc]
                kind.aggregate: snapshot_interval for kind in KINDS
            }

    # Commands

    def execute(self, command: Command, meta: CommandMeta) -> CommandResult:
        """Decide `command` on the latest state and save its events at once.

        A lost write race is decided again on the new state, up to `max_attempts`
        times, unless the caller pinned `expected_version`. A command whose
        idempotency key was already accepted returns that first result, also
        when it was accepted while this copy was on its way."""
        if meta.principal is not None:
            meta.principal.check_command(command)
        if meta.idempotency_key is not None:
            require_line("idempotencyKey", meta.idempotency_key)
        key = _Key.of(command, meta)
        if earlier := self._earlier_answer(key):
            return earlier
        try:
            return self._decide_and_save(command, meta, key)
        except (DomainError, ApplicationError):
            # Refused, perhaps only because a copy sent with the same key got in
            # first: its events and its key commit together, so once this copy
            # has seen the state that refused it, it sees the key too.
            if earlier := self._earlier_answer(key):
                return earlier
            raise

    def _decide_and_save(
        self, command: Command, meta: CommandMeta, key: _Key | None
    ) -> CommandResult:
        for attempt in range(self.max_attempts):
            aggregate, created_ids = self._decide(command, meta)
            try:
                return self._save_decided(aggregate, key, created_ids)
            except RecordConflictError:
                if earlier := self._earlier_answer(key):
                    return earlier
                if meta.expected_version is not None or isinstance(command, CreateCommand):
                    actual = self._current_version(aggregate.id)
                    raise ConcurrencyConflict(aggregate.id, meta.expected_version, actual) from None
                _back_off(attempt)
        raise ConcurrencyConflict(aggregate.id, None, None)

    def _earlier_answer(self, key: _Key | None) -> CommandResult | None:
        """The answer already given under the command's idempotency key, if any;
        IdempotencyKeyReused when it answered another command."""
        if key is None:
            return None
        earlier = self.index.idempotency_record(key.scoped)
        if earlier is None:
            return None
        if earlier.fingerprint != key.fingerprint:
            raise IdempotencyKeyReused(key.given)
        return CommandResult(
            earlier.aggregate_id, earlier.version, earlier.position, earlier.created_ids, True
        )

    def _decide(
        self, command: Command, meta: CommandMeta
    ) -> tuple[EventSourcedAggregate, tuple[UUID, ...]]:
        """The aggregate with the command's events pending, and the ids it created."""
        if isinstance(command, CreateCommand):
            engagement_id = getattr(command, "engagement_id", None)
            if engagement_id is not None:
                self._check_scope(meta, engagement_id, "engagement", engagement_id)
            elif meta.principal is not None and meta.principal.is_client:
                raise Forbidden("a client may only act on its own engagements")
            decision = CommandDecision(self, self._stamp(meta))
            return command.create(decision), tuple(decision.created_ids)
        assert isinstance(command, ChangeCommand)
        aggregate = self._target(command, meta)
        self._check_scope(
            meta,
            KINDS.of(type(aggregate)).engagement_of(aggregate),
            KINDS.of(command.target_class).name,
            aggregate.id,
        )
        if meta.expected_version is not None and aggregate.version != meta.expected_version:
            raise ConcurrencyConflict(aggregate.id, meta.expected_version, aggregate.version)
        # Stamped after loading, so a default "now" is never earlier than an event
        # another writer saved while this command was on its way.
        decision = CommandDecision(self, self._stamp(meta))
        command.change(aggregate, decision)
        return aggregate, tuple(decision.created_ids)

    def _target(self, command: ChangeCommand, meta: CommandMeta) -> EventSourcedAggregate:
        """The aggregate a command changes. The default SLA policy exists before
        anyone stores it: its first revision stores it, built-in targets first."""
        try:
            return self.get(command.target_id, command.target_class)
        except NotFound:
            if command.target_class is not SlaPolicy or command.target_id != DEFAULT_POLICY_ID:
                raise
            return SlaPolicy.default(self._stamp(meta))

    def _check_scope(self, meta: CommandMeta, engagement_id: UUID, kind: str, target: UUID) -> None:
        """A client acts only on its own client's engagements; anything else is,
        as far as it can tell, not there."""
        principal = meta.principal
        if principal is None or not principal.is_client:
            return
        try:
            client_id = self.get(engagement_id, Engagement).client_id
        except NotFound:
            client_id = None
        if not principal.sees_client(client_id):
            raise NotFound(kind, target)

    def _save_decided(
        self,
        aggregate: EventSourcedAggregate,
        key: _Key | None,
        created_ids: tuple[UUID, ...],
    ) -> CommandResult:
        idempotency = (
            IdempotencyRecord(
                key.scoped, key.fingerprint, aggregate.id, aggregate.version, created_ids
            )
            if key
            else None
        )
        position = self.record(aggregate, idempotency=idempotency)
        return CommandResult(aggregate.id, aggregate.version, position, created_ids)

    def record(
        self, *aggregates: EventSourcedAggregate, idempotency: IdempotencyRecord | None = None
    ) -> int | None:
        """Save the aggregates' pending events with their index rows, atomically;
        returns the log position of the last one. Commands come through `execute`;
        this is also how generated data for tests and benchmarks is written."""
        index = [
            IndexedEvent(
                aggregate.id,
                event.originator_version,
                KINDS.of(type(aggregate)).name,
                KINDS.of(type(aggregate)).engagement_of(aggregate),
                event.timestamp,
                event.occurred_at,  # type: ignore[attr-defined]
            )
            for aggregate in aggregates
            for event in aggregate.pending_events
        ]
        recordings = self.save(*aggregates, index=index, idempotency=idempotency)
        return recordings[-1].notification.id if recordings else None

    def _stamp(self, meta: CommandMeta) -> Stamp:
        now = self.clock.now()
        return Stamp(meta.actor, meta.occurred_at or now, now)

    def _current_version(self, aggregate_id: UUID) -> int | None:
        try:
            return self.repository.get(aggregate_id).version
        except AggregateNotFoundError:
            return None

    # Queries about one aggregate

    @overload
    def get(self, aggregate_id: UUID, expected: type[A], *, version: int | None = None) -> A: ...

    @overload
    def get(
        self, aggregate_id: UUID, expected: None = None, *, version: int | None = None
    ) -> EventSourcedAggregate: ...

    def get(
        self,
        aggregate_id: UUID,
        expected: type[EventSourcedAggregate] | None = None,
        *,
        version: int | None = None,
    ) -> EventSourcedAggregate:
        """The aggregate now, or at `version`; NotFound unless it is an `expected`."""
        expected = expected or EventSourcedAggregate
        kind = KINDS.name_of(expected, "aggregate")
        if version is not None and version < 1:
            raise NotFound(f"{kind} version", f"{aggregate_id}@{version}")
        try:
            aggregate: EventSourcedAggregate = self.repository.get(aggregate_id, version=version)
        except AggregateNotFoundError:
            raise NotFound(kind, aggregate_id) from None
        if not isinstance(aggregate, expected):
            raise NotFound(kind, aggregate_id)
        if version is not None and aggregate.version != version:
            raise NotFound(f"{kind} version", f"{aggregate_id}@{version}")
        return aggregate

    @overload
    def get_at(self, aggregate_id: UUID, at: datetime, axis: TimeAxis, expected: type[A]) -> A: ...

    @overload
    def get_at(
        self, aggregate_id: UUID, at: datetime, axis: TimeAxis = ..., expected: None = None
    ) -> EventSourcedAggregate: ...

    def get_at(
        self,
        aggregate_id: UUID,
        at: datetime,
        axis: TimeAxis = TimeAxis.RECORDED,
        expected: type[EventSourcedAggregate] | None = None,
    ) -> EventSourcedAggregate:
        """The aggregate as known at `at` (recorded axis) or as it was at `at` (occurred axis)."""
        version = self._version_at(aggregate_id, at, axis, expected)
        return self.get(aggregate_id, expected, version=version)

    def _version_at(
        self,
        aggregate_id: UUID,
        at: datetime,
        axis: TimeAxis,
        expected: type[EventSourcedAggregate] | None,
    ) -> int:
        version = self.index.version_at(aggregate_id, at, axis)
        if version is None:
            kind = KINDS.name_of(expected or EventSourcedAggregate, "aggregate")
            if self.index.aggregate_kind(aggregate_id) is None:
                raise NotFound(kind, aggregate_id)
            raise NotFound(f"{kind} at {at.isoformat()}", aggregate_id)
        return version

    def history(
        self, aggregate_id: UUID, *, version: int | None = None
    ) -> list[EventSourcedAggregate.Event]:
        """Every event of one aggregate, oldest first; with `version`, up to it."""
        found = self.events.get(aggregate_id, lte=version)
        events = cast(list[EventSourcedAggregate.Event], list(found))
        if not events:
            raise NotFound("aggregate", aggregate_id)
        return events

    def history_at(
        self, aggregate_id: UUID, at: datetime, axis: TimeAxis = TimeAxis.RECORDED
    ) -> list[EventSourcedAggregate.Event]:
        """The events of one aggregate up to the version `get_at` gives for `at`."""
        version = self._version_at(aggregate_id, at, axis, None)
        return self.history(aggregate_id, version=version)

    def all_of(self, aggregate_class: type[A]) -> list[A]:
        """Every aggregate of a kind, as it stands, oldest first: for the kinds
        there are few of (calendars, policies)."""
        ids = self.index.aggregates_of(KINDS.of(aggregate_class).name)
        return [self.get(aggregate_id, aggregate_class) for aggregate_id in ids]

    def kind(self, aggregate_id: UUID) -> str:
        kind = self.index.aggregate_kind(aggregate_id)
        if kind is None:
            raise NotFound("aggregate", aggregate_id)
        return kind

    def children(self, engagement_id: UUID, kind: str) -> list[Any]:
        """The engagement's requirements, complaints or risks, current state."""
        aggregate_class = KINDS.named(kind).aggregate
        return [
            self.get(child.aggregate_id, aggregate_class)
            for child in self.index.children_of(engagement_id)
            if child.kind == kind
        ]

    def wait_for_views(self, result: CommandResult, views: Sequence[str]) -> bool:
        """Read-your-writes: wait (bounded) until `views` show the command's events.

        True when they do, or when there is nothing to wait for; False on timeout."""
        return result.position is None or self.wait_for_position(result.position, views)

    def wait_for_position(self, position: int, views: Sequence[str]) -> bool:
        """Wait (bounded) until `views` have taken the log up to `position`: what
        a reader who saw that event somewhere else (a subscription) asks before
        reading the views again. True when they have; False on timeout."""
        if self.tracker is None or not views:
            return True
        return self.tracker.wait(position, views, self.view_wait_seconds)

    def head(self) -> int:
        """Position of the latest event in the log (0 when empty)."""
        return self.recorder.max_notification_id() or 0


@dataclass(frozen=True)
class _Key:
    """A command's idempotency key as the caller gave it and as it is stored,
    with the fingerprint that tells a retry from another command under the key."""

    given: str
    scoped: str
    fingerprint: str

    @classmethod
    def of(cls, command: Command, meta: CommandMeta) -> _Key | None:
        if not meta.idempotency_key:
            return None
        given = meta.idempotency_key
        return cls(given, _scoped(given, meta.principal), command.fingerprint())


def _scoped(key: str, principal: Principal | None) -> str:
    """Each client has idempotency keys of its own: one client's key can neither
    replay another's answer nor reveal that it was used. The team's keys are
    shared by its members, so a retry from another of its tokens still counts."""
    if principal is None or not principal.is_client:
        return key
    return f"client:{principal.client_id}:{key}"


def _back_off(attempt: int) -> None:
    # Jittered, so writers that collided do not collide again in lockstep.
    time.sleep(random.uniform(0, min(0.05, 0.001 * 2**attempt)))
