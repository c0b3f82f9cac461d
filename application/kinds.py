"""Every kind of aggregate Rapport keeps, each declared once: its class, its
commands and how it belongs to an engagement. The application (index rows,
snapshots, not-found messages), the permission checks and the views read the
declarations, so a new kind is one declaration here plus its own files; a
kind declared wrong fails on import, not on some later request.

A kind's name is its class's name in snake case (`SlaPolicy` -> `sla_policy`),
the name the views read off each event (`application.views.aggregates`) and
the event index stores."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from uuid import UUID

from application.commands import complaint as complaint_commands
from application.commands import engagement as engagement_commands
from application.commands import requirement as requirement_commands
from application.commands import risk as risk_commands
from application.commands import sla as sla_commands
from application.commands.base import ChangeCommand, Command
from application.ports import NO_ENGAGEMENT
from application.views.aggregates import kind_name
from domain.base import EventSourcedAggregate
from domain.calendar import BusinessCalendar
from domain.complaint import Complaint
from domain.engagement import Engagement
from domain.requirement import Requirement
from domain.risk import Risk
from domain.sla import SlaPolicy

EngagementOf = Callable[[EventSourcedAggregate], UUID]


def itself(aggregate: EventSourcedAggregate) -> UUID:
    """The engagement an engagement belongs to: itself."""
    return aggregate.id


def its_engagement(aggregate: EventSourcedAggregate) -> UUID:
    """The engagement a requirement, complaint or risk was raised in."""
    engagement_id: UUID = aggregate.engagement_id  # type: ignore[attr-defined]
    return engagement_id


def no_engagement(aggregate: EventSourcedAggregate) -> UUID:
    """Calendars and policies serve every engagement and belong to none."""
    return NO_ENGAGEMENT


@dataclass(frozen=True)
class Kind:
    aggregate: type[EventSourcedAggregate]
    commands: tuple[type[Command], ...]
    engagement_of: EngagementOf

    @property
    def name(self) -> str:
        return kind_name(self.aggregate.__name__)


def commands_in(module: ModuleType) -> tuple[type[Command], ...]:
    """The commands a module defines: its concrete Command classes."""
    return tuple(
        member
        for _, member in inspect.getmembers(module, inspect.isclass)
        if issubclass(member, Command)
        and member.__module__ == module.__name__
        and not inspect.isabstract(member)
    )


class Kinds:
    """The declared kinds, by aggregate class and by name."""

    def __init__(self) -> None:
        self._by_class: dict[type[EventSourcedAggregate], Kind] = {}

    def declare(self, kind: Kind) -> Kind:
        """Add `kind`; ValueError, at once, for a kind declared twice or a
        command that names no permission or addresses another kind."""
        if kind.aggregate in self._by_class or kind.name in self.names():
            raise ValueError(f"the kind {kind.name} is declared twice")
        for command in kind.commands:
            if not isinstance(getattr(command, "permission", None), str):
                raise ValueError(f"{command.__name__} names no permission")
            if issubclass(command, ChangeCommand) and command.target_class is not kind.aggregate:
                raise ValueError(f"{command.__name__} addresses another kind than {kind.name}")
        self._by_class[kind.aggregate] = kind
        return kind

    def withdraw(self, kind: Kind) -> None:
        """Remove a kind declared for a while (a test's own kind)."""
        del self._by_class[kind.aggregate]

    def of(self, aggregate_class: type[EventSourcedAggregate]) -> Kind:
        try:
            return self._by_class[aggregate_class]
        except KeyError:
            raise LookupError(
                f"{aggregate_class.__name__} is not a declared kind (see application.kinds)"
            ) from None

    def named(self, name: str) -> Kind:
        for kind in self:
            if kind.name == name:
                return kind
        raise LookupError(f"no kind is named {name}")

    def name_of(self, aggregate_class: type[EventSourcedAggregate], default: str) -> str:
        kind = self._by_class.get(aggregate_class)
        return kind.name if kind else default

    def names(self) -> set[str]:
        return {kind.name for kind in self}

    def __iter__(self) -> Iterator[Kind]:
        return iter(list(self._by_class.values()))


KINDS = Kinds()
ENGAGEMENT = KINDS.declare(Kind(Engagement, commands_in(engagement_commands), itself))
REQUIREMENT = KINDS.declare(Kind(Requirement, commands_in(requirement_commands), its_engagement))
COMPLAINT = KINDS.declare(Kind(Complaint, commands_in(complaint_commands), its_engagement))
RISK = KINDS.declare(Kind(Risk, commands_in(risk_commands), its_engagement))
_CALENDAR_COMMANDS = (sla_commands.DefineBusinessCalendar, sla_commands.ReviseBusinessCalendar)
BUSINESS_CALENDAR = KINDS.declare(Kind(BusinessCalendar, _CALENDAR_COMMANDS, no_engagement))
SLA_POLICY = KINDS.declare(
    Kind(SlaPolicy, (sla_commands.DefineSlaPolicy, sla_commands.ReviseSlaPolicy), no_engagement)
)
