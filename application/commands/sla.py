"""Commands on business calendars and SLA policies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, TypeVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from application.permissions import Permission
from domain.calendar import (
    BusinessCalendar,
    Weekday,
    WorkingHours,
    calendar_rules,
    working_hours,
)
from domain.errors import InvalidValue
from domain.sla import (
    EscalationRule,
    Severity,
    SeverityTargets,
    SlaClock,
    SlaPolicy,
    SlaTrigger,
    escalation_rule,
    policy_rules,
    severity_targets,
)

T = TypeVar("T")


@dataclass(frozen=True)
class WorkingHoursSpec:
    """One working interval: a weekday and local times "HH:MM" ("24:00" ends the day)."""

    day: Weekday
    start: str
    end: str


@dataclass(frozen=True)
class SeverityTargetsSpec:
    """Targets of one severity, in minutes of the policy's time."""

    severity: Severity
    first_response_minutes: int
    resolution_minutes: int


@dataclass(frozen=True)
class EscalationRuleSpec:
    """On `trigger` of `clock` (either when null) for complaints of `severities`
    (any when empty), escalate to `level` (1-5)."""

    trigger: SlaTrigger
    level: int
    clock: SlaClock | None = None
    severities: tuple[Severity, ...] = ()


def _hours(specs: tuple[WorkingHoursSpec, ...]) -> tuple[WorkingHours, ...]:
    return tuple(working_hours(h.day, h.start, h.end) for h in specs)


def _revised(now: T | None, given: T | None, remove: bool, field: str) -> T | None:
    """What a revision leaves of one part of the rules: what it gives, nothing
    when it removes the part, else the part as it is `now`."""
    if remove and given is not None:
        raise InvalidValue(field, "either remove it or give a new one, not both")
    if remove:
        return None
    return now if given is None else given


@dataclass(frozen=True, kw_only=True)
class DefineBusinessCalendar(CreateCommand):
    """Working hours per weekday in a time zone, and holidays."""

    permission: ClassVar[Permission] = Permission.MANAGE_SLA

    name: str
    time_zone: str
    hours: tuple[WorkingHoursSpec, ...]
    holidays: tuple[date, ...] = ()

    def create(self, decision: Decision) -> BusinessCalendar:
        return BusinessCalendar.define(
            id=decision.new_id(),
            name=self.name,
            rules=calendar_rules(self.time_zone, _hours(self.hours), self.holidays),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ReviseBusinessCalendar(ChangeCommand):
    """New rules from now on. A revision changes what it gives and keeps the
    rest: the time zone; the working hours, which are the whole week's when given
    (a day left out is a day off); the holidays, all of them when given.
    `removeHolidays` leaves none."""

    permission: ClassVar[Permission] = Permission.MANAGE_SLA

    target_class: ClassVar[type[BusinessCalendar]] = BusinessCalendar
    calendar_id: UUID
    time_zone: str | None = None
    hours: tuple[WorkingHoursSpec, ...] = ()
    holidays: tuple[date, ...] = ()
    remove_holidays: bool = False
    reason: str

    @property
    def target_id(self) -> UUID:
        return self.calendar_id

    def change(self, calendar: BusinessCalendar, decision: Decision) -> None:
        now = calendar.rules
        holidays = _revised(
            now.holidays, self.holidays or None, self.remove_holidays, "removeHolidays"
        )
        rules = calendar_rules(
            now.time_zone if self.time_zone is None else self.time_zone,
            _hours(self.hours) or now.hours,
            holidays or (),
        )
        calendar.revise(rules=rules, reason=self.reason, stamp=decision.stamp)


def _targets(specs: tuple[SeverityTargetsSpec, ...]) -> tuple[SeverityTargets, ...]:
    return tuple(
        severity_targets(t.severity, t.first_response_minutes, t.resolution_minutes) for t in specs
    )


def _escalations(specs: tuple[EscalationRuleSpec, ...]) -> tuple[EscalationRule, ...]:
    return tuple(escalation_rule(r.trigger, r.clock, r.severities, r.level) for r in specs)


def _require_calendar(decision: Decision, calendar_id: UUID | None) -> None:
    if calendar_id is not None:
        decision.calendar(calendar_id)  # NotFound unless it exists


@dataclass(frozen=True, kw_only=True)
class DefineSlaPolicy(CreateCommand):
    """Targets for every severity, optionally counted on a business calendar,
    with a warning at a share of each target and escalation rules."""

    permission: ClassVar[Permission] = Permission.MANAGE_SLA

    name: str
    targets: tuple[SeverityTargetsSpec, ...]
    calendar_id: UUID | None = None
    warning_percent: int | None = None
    escalation_rules: tuple[EscalationRuleSpec, ...] = ()

    def create(self, decision: Decision) -> SlaPolicy:
        _require_calendar(decision, self.calendar_id)
        if not self.targets:
            raise InvalidValue("targets", "every severity needs targets")
        rules = policy_rules(
            _targets(self.targets),
            self.calendar_id,
            self.warning_percent,
            _escalations(self.escalation_rules),
        )
        return SlaPolicy.define(
            id=decision.new_id(), name=self.name, rules=rules, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ReviseSlaPolicy(ChangeCommand):
    """A new version of the policy, for complaints received from now on. A
    revision changes what it gives and keeps the rest: the targets of the
    severities it names, the calendar, the warning share, the escalation rules
    (all of them when given). `removeCalendar`, `removeWarning` and
    `removeEscalationRules` take those away. The default policy
    (`DEFAULT_POLICY_ID`) is revised like any other."""

    permission: ClassVar[Permission] = Permission.MANAGE_SLA

    target_class: ClassVar[type[SlaPolicy]] = SlaPolicy
    policy_id: UUID
    targets: tuple[SeverityTargetsSpec, ...] = ()
    calendar_id: UUID | None = None
    remove_calendar: bool = False
    warning_percent: int | None = None
    remove_warning: bool = False
    escalation_rules: tuple[EscalationRuleSpec, ...] = ()
    remove_escalation_rules: bool = False
    reason: str

    @property
    def target_id(self) -> UUID:
        return self.policy_id

    def change(self, policy: SlaPolicy, decision: Decision) -> None:
        _require_calendar(decision, self.calendar_id)
        now = policy.rules
        given = _targets(self.targets)
        if len({t.severity for t in given}) != len(given):
            raise InvalidValue("targets", "each severity may have one target only")
        targets = {t.severity: t for t in (*now.targets, *given)}  # given ones win
        escalations = _revised(
            now.escalation_rules,
            _escalations(self.escalation_rules) or None,
            self.remove_escalation_rules,
            "removeEscalationRules",
        )
        rules = policy_rules(
            tuple(targets.values()),
            _revised(now.calendar_id, self.calendar_id, self.remove_calendar, "removeCalendar"),
            _revised(
                now.warning_percent, self.warning_percent, self.remove_warning, "removeWarning"
            ),
            escalations or (),
        )
        policy.revise(rules=rules, reason=self.reason, stamp=decision.stamp)
