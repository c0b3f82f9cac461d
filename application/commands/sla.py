"""Commands on business calendars and SLA policies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from application.commands.base import ChangeCommand, CreateCommand, Decision
from domain.calendar import BusinessCalendar, CalendarRules, Weekday, calendar_rules, working_hours
from domain.errors import InvalidValue
from domain.sla import (
    PolicyRules,
    Severity,
    SlaClock,
    SlaPolicy,
    SlaTrigger,
    escalation_rule,
    policy_rules,
    severity_targets,
)


@dataclass(frozen=True)
class WorkingHoursSpec:
    """One working interval: a weekday ("monday"...) and local times "HH:MM"
    ("24:00" ends the day)."""

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
    """On `trigger` ("breach" or "warning") of `clock` ("first_response",
    "resolution"; any when null) for complaints of `severities` (any when empty),
    escalate to `level` (1-5)."""

    trigger: SlaTrigger
    level: int
    clock: SlaClock | None = None
    severities: tuple[Severity, ...] = ()


def _rules(
    time_zone: str, hours: tuple[WorkingHoursSpec, ...], holidays: tuple[date, ...]
) -> CalendarRules:
    intervals = [working_hours(h.day, h.start, h.end) for h in hours]
    return calendar_rules(time_zone, intervals, holidays)


@dataclass(frozen=True, kw_only=True)
class DefineBusinessCalendar(CreateCommand):
    """Working hours per weekday in a time zone, and holidays."""

    name: str
    time_zone: str
    hours: tuple[WorkingHoursSpec, ...]
    holidays: tuple[date, ...] = ()

    def create(self, decision: Decision) -> BusinessCalendar:
        return BusinessCalendar.define(
            id=decision.new_id(),
            name=self.name,
            rules=_rules(self.time_zone, self.hours, self.holidays),
            stamp=decision.stamp,
        )


@dataclass(frozen=True, kw_only=True)
class ReviseBusinessCalendar(ChangeCommand):
    """New rules from now on: they replace the calendar's hours and holidays whole."""

    target_class: ClassVar[type[BusinessCalendar]] = BusinessCalendar
    calendar_id: UUID
    time_zone: str
    hours: tuple[WorkingHoursSpec, ...]
    holidays: tuple[date, ...] = ()
    reason: str

    @property
    def target_id(self) -> UUID:
        return self.calendar_id

    def change(self, calendar: BusinessCalendar, decision: Decision) -> None:
        rules = _rules(self.time_zone, self.hours, self.holidays)
        calendar.revise(rules=rules, reason=self.reason, stamp=decision.stamp)


def _policy_rules(
    decision: Decision,
    targets: tuple[SeverityTargetsSpec, ...],
    calendar_id: UUID | None,
    warning_percent: int | None,
    escalation_rules: tuple[EscalationRuleSpec, ...],
) -> PolicyRules:
    if calendar_id is not None:
        decision.calendar(calendar_id)  # NotFound unless it exists
    if not targets:
        raise InvalidValue("targets", "every severity needs targets")
    return policy_rules(
        tuple(
            severity_targets(t.severity, t.first_response_minutes, t.resolution_minutes)
            for t in targets
        ),
        calendar_id,
        warning_percent,
        tuple(escalation_rule(r.trigger, r.clock, r.severities, r.level) for r in escalation_rules),
    )


@dataclass(frozen=True, kw_only=True)
class DefineSlaPolicy(CreateCommand):
    """Targets for every severity, optionally counted on a business calendar,
    with a warning at a share of each target and escalation rules."""

    name: str
    targets: tuple[SeverityTargetsSpec, ...]
    calendar_id: UUID | None = None
    warning_percent: int | None = None
    escalation_rules: tuple[EscalationRuleSpec, ...] = ()

    def create(self, decision: Decision) -> SlaPolicy:
        rules = _policy_rules(
            decision, self.targets, self.calendar_id, self.warning_percent, self.escalation_rules
        )
        return SlaPolicy.define(
            id=decision.new_id(), name=self.name, rules=rules, stamp=decision.stamp
        )


@dataclass(frozen=True, kw_only=True)
class ReviseSlaPolicy(ChangeCommand):
    """A new version of the policy, for complaints received from now on. The
    default policy (`DEFAULT_POLICY_ID`) is revised like any other."""

    target_class: ClassVar[type[SlaPolicy]] = SlaPolicy
    policy_id: UUID
    targets: tuple[SeverityTargetsSpec, ...]
    calendar_id: UUID | None = None
    warning_percent: int | None = None
    escalation_rules: tuple[EscalationRuleSpec, ...] = ()
    reason: str

    @property
    def target_id(self) -> UUID:
        return self.policy_id

    def change(self, policy: SlaPolicy, decision: Decision) -> None:
        rules = _policy_rules(
            decision, self.targets, self.calendar_id, self.warning_percent, self.escalation_rules
        )
        policy.revise(rules=rules, reason=self.reason, stamp=decision.stamp)
