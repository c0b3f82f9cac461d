"""The shape of a command, and what a command may ask of the application while deciding."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

from application.permissions import Permission
from domain.base import EventSourcedAggregate, Stamp

if TYPE_CHECKING:
    from application.access import Principal
    from domain.calendar import BusinessCalendar
    from domain.engagement import Engagement
    from domain.sla import SlaPolicy, SlaTerms


@dataclass(frozen=True)
class CommandMeta:
    """What travels with every command besides its arguments."""

    actor: str
    occurred_at: datetime | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None
    # Whose permissions the command is checked against; None for trusted
    # callers inside the process (the demo loader, tests of the domain rules).
    principal: Principal | None = None


@dataclass(frozen=True)
class CommandResult:
    aggregate_id: UUID
    version: int
    # Log position of the command's last event (a replay's is the first answer's);
    # None when it wrote nothing.
    position: int | None
    # Ids the command gave to what it created: the new aggregate, or a milestone,
    # criterion, cost... inside an existing one.
    created_ids: tuple[UUID, ...] = ()
    replayed: bool = False  # an earlier command with the same idempotency key answered


class Decision(ABC):
    """What the application offers a command while it decides."""

    stamp: Stamp

    @abstractmethod
    def new_id(self) -> UUID: ...

    @abstractmethod
    def open_engagement(self, engagement_id: UUID) -> Engagement:
        """The engagement, refused when unknown (NotFound) or closed (RuleViolation)."""

    @abstractmethod
    def sla_terms(self, engagement: Engagement, severity: str) -> SlaTerms:
        """The terms a complaint of `severity` received in `engagement` at the
        stamp's occurred time is held to: the policy's version in force then,
        with that policy's calendar as it was then."""

    @abstractmethod
    def sla_policy(self, policy_id: UUID) -> SlaPolicy:
        """The policy, refused when unknown (NotFound); the default always exists."""

    @abstractmethod
    def calendar(self, calendar_id: UUID) -> BusinessCalendar:
        """The business calendar, refused when unknown (NotFound)."""

    @abstractmethod
    def closing_blockers(self, engagement_id: UUID) -> tuple[list[UUID], list[UUID]]:
        """Ids of the engagement's open complaints and of its unaccepted must requirements."""


@dataclass(frozen=True, kw_only=True)
class Command(ABC):
    """A request to change the domain. Subclasses are frozen dataclasses of plain values.

    Each names the permission the service team needs to issue it (most through
    their kind's base class), and whether a client issues it too; declaring
    its kind (`application.kinds`) fails for a command that names none."""

    permission: ClassVar[Permission]
    by_client: ClassVar[bool] = False

    def fingerprint(self) -> str:
        """Stable digest of the command, to tell a retried command from a different one.

        Made of the values as JSON (an enum by its value, a decimal by its digits),
        never of their Python spelling, which changes whenever a type does."""
        values = {"command": type(self).__name__, "fields": dataclasses.asdict(self)}
        canonical = json.dumps(values, sort_keys=True, separators=(",", ":"), default=_plain)
        return hashlib.sha256(canonical.encode()).hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    raise TypeError(f"a command cannot hold a value of type {type(value).__name__}")


@dataclass(frozen=True, kw_only=True)
class CreateCommand(Command):
    """A command that starts a new aggregate."""

    @abstractmethod
    def create(self, decision: Decision) -> EventSourcedAggregate: ...


@dataclass(frozen=True, kw_only=True)
class ChangeCommand(Command):
    """A command addressed to one existing aggregate of `target_class`."""

    target_class: ClassVar[type[EventSourcedAggregate]]

    @property
    @abstractmethod
    def target_id(self) -> UUID: ...

    @abstractmethod
    def change(self, aggregate: Any, decision: Decision) -> None: ...
