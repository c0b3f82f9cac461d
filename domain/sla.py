"""Service-level policies: how soon a complaint must get a first response and a
resolution, on which calendar, when to warn, and whom to escalate to.

A policy is revised by commands, so each of its versions is in the log. When a
complaint is received, the version in force (and its calendar as it stands)
is copied into the complaint as its `SlaTerms`: its clocks follow those terms
for good, whatever later revisions say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.base import EventSourcedAggregate, Stamp, require_line, require_range, require_text
from domain.calendar import CalendarRules
from domain.errors import InvalidValue, RuleViolation

# The policy engagements follow until they choose another. It exists from the
# start with the built-in targets (version 0, never stored); revising it stores it.
DEFAULT_POLICY_ID = UUID("00000000-0000-4000-8000-00000000051a")


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class SlaClock(StrEnum):
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"


class SlaTrigger(StrEnum):
    BREACH = "breach"  # a clock passed its due time unmet
    WARNING = "warning"  # a clock used up the policy's warning share of its target


@dataclass(frozen=True)
class SeverityTargets:
    """First-response and resolution targets of one severity, in minutes of the
    policy's time (working time on its calendar, else wall-clock time)."""

    severity: Severity
    first_response_minutes: int
    resolution_minutes: int


def severity_targets(
    severity: Severity | str, first_response_minutes: int, resolution_minutes: int
) -> SeverityTargets:
    try:
        level = Severity(severity)
    except ValueError:
        raise InvalidValue("severity", f"{severity!r} is not a severity") from None
    first = require_range("firstResponseMinutes", first_response_minutes, 1, 525_600)
    resolution = require_range("resolutionMinutes", resolution_minutes, 1, 525_600)
    if resolution < first:
        raise InvalidValue("resolutionMinutes", "must not be shorter than the first response")
    return SeverityTargets(level, first, resolution)


DEFAULT_TARGETS: tuple[SeverityTargets, ...] = (
    SeverityTargets(Severity.CRITICAL, 60, 8 * 60),
    SeverityTargets(Severity.HIGH, 4 * 60, 24 * 60),
    SeverityTargets(Severity.MEDIUM, 8 * 60, 72 * 60),
    SeverityTargets(Severity.LOW, 24 * 60, 120 * 60),
)


@dataclass(frozen=True)
class EscalationRule:
    """On a breach or a warning of `clock` (any clock when None) of a complaint
    of one of `severities` (any when empty), escalate it to `level`."""

    trigger: SlaTrigger
    clock: SlaClock | None
    severities: tuple[Severity, ...]
    level: int

    def applies(self, trigger: SlaTrigger, clock: SlaClock, severity: Severity) -> bool:
        return (
            self.trigger is trigger
            and self.clock in (None, clock)
            and (not self.severities or severity in self.severities)
        )


def escalation_rule(
    trigger: SlaTrigger | str,
    clock: SlaClock | str | None,
    severities: tuple[Severity | str, ...],
    level: int,
) -> EscalationRule:
    try:
        on = SlaTrigger(trigger)
        which = None if clock is None else SlaClock(clock)
        kinds = tuple(Severity(s) for s in severities)
    except ValueError as error:
        raise InvalidValue("escalationRules", str(error)) from None
    return EscalationRule(on, which, kinds, require_range("level", level, 1, 5))


@dataclass(frozen=True)
class SlaTerms:
    """What a complaint's clocks follow, copied from its policy when received."""

    policy_id: UUID
    policy_version: int  # 0: the built-in default, never revised
    first_response_seconds: int
    resolution_seconds: int
    calendar_id: UUID | None = None
    calendar_version: int | None = None
    calendar: CalendarRules | None = None  # None: wall-clock time
    warning_percent: int | None = None  # None: no warnings
    escalation_rules: tuple[EscalationRule, ...] = ()

    def target(self, clock: SlaClock) -> timedelta:
        seconds = (
            self.first_response_seconds
            if clock is SlaClock.FIRST_RESPONSE
            else self.resolution_seconds
        )
        return timedelta(seconds=seconds)

    def due(self, start: datetime, clock: SlaClock) -> datetime:
        """When a clock started at `start` is due."""
        return self.later(start, self.target(clock))

    def warning(self, start: datetime, clock: SlaClock) -> datetime | None:
        """When a clock started at `start` has used the warning share of its
        target; on a calendar, always in working time."""
        if self.warning_percent is None:
            return None
        moment = self.later(start, self.target(clock) * self.warning_percent / 100)
        # Not at the very end of a working period: in the next one, if so.
        return moment if self.calendar is None else self.calendar.next_working(moment)

    def later(self, start: datetime, duration: timedelta) -> datetime:
        if self.calendar is None:
            return start + duration
        return self.calendar.add(start, duration)

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Time counted between two instants: working time on a calendar."""
        if self.calendar is None:
            return end - start
        return self.calendar.elapsed(start, end)

    def resumed(self, moment: datetime, paused_at: datetime, resumed_at: datetime) -> datetime:
        """`moment` (a due or warning time) moved by a pause from `paused_at` to
        `resumed_at`: what was left of it when the pause began is left when it
        ends. A moment already past when the pause began stays where it was."""
        left = self.between(paused_at, moment)
        if left <= timedelta(0):
            return moment
        return self.later(resumed_at, left)

    def escalation_level(
        self, trigger: SlaTrigger, clock: SlaClock, severity: Severity
    ) -> int | None:
        """The highest level the rules escalate to on this trigger; None when none apply."""
        levels = [r.level for r in self.escalation_rules if r.applies(trigger, clock, severity)]
        return max(levels, default=None)


def targets_by_severity(targets: tuple[SeverityTargets, ...]) -> tuple[SeverityTargets, ...]:
    """Targets for every severity exactly once, in severity order."""
    found = {t.severity: t for t in targets}
    if len(found) != len(targets):
        raise InvalidValue("targets", "each severity may have one target only")
    missing = [s.value for s in Severity if s not in found]
    if missing:
        raise InvalidValue("targets", f"every severity needs targets, not {', '.join(missing)}")
    return tuple(found[s] for s in Severity)


@dataclass(frozen=True)
class PolicyRules:
    """Everything a version of a policy says."""

    targets: tuple[SeverityTargets, ...]
    calendar_id: UUID | None = None
    warning_percent: int | None = None
    escalation_rules: tuple[EscalationRule, ...] = ()


def policy_rules(
    targets: tuple[SeverityTargets, ...],
    calendar_id: UUID | None,
    warning_percent: int | None,
    escalation_rules: tuple[EscalationRule, ...],
) -> PolicyRules:
    if warning_percent is not None:
        warning_percent = require_range("warningPercent", warning_percent, 1, 99)
    if warning_percent is None and any(r.trigger is SlaTrigger.WARNING for r in escalation_rules):
        raise InvalidValue("escalationRules", "a rule on warnings needs a warning percent")
    return PolicyRules(targets_by_severity(targets), calendar_id, warning_percent, escalation_rules)


DEFAULT_RULES = PolicyRules(DEFAULT_TARGETS)


class SlaPolicy(EventSourcedAggregate):
    """A named policy; each revision is a new version, and complaints keep the
    version they were received under."""

    name: str
    rules: PolicyRules

    class Defined(EventSourcedAggregate.Created):
        name: str
        rules: PolicyRules

    def __init__(self, name: str, rules: PolicyRules) -> None:
        self.name = name
        self.rules = rules

    @classmethod
    def define(cls, *, id: UUID, name: str, rules: PolicyRules, stamp: Stamp) -> SlaPolicy:
        return cls._start_stream(
            cls.Defined, id, stamp, name=require_line("name", name), rules=rules
        )

    @classmethod
    def default(cls, stamp: Stamp) -> SlaPolicy:
        """The default policy as it stands before anyone revised it."""
        return cls.define(id=DEFAULT_POLICY_ID, name="Default", rules=DEFAULT_RULES, stamp=stamp)

    class Revised(EventSourcedAggregate.Event):
        rules: PolicyRules
        reason: str

        def apply(self, policy: Any) -> None:
            policy.rules = self.rules

    def revise(self, *, rules: PolicyRules, reason: str, stamp: Stamp) -> None:
        """New targets, calendar, warnings or escalation rules, for complaints
        received from now on."""
        if rules == self.rules:
            raise RuleViolation("sla_policy.revision_changes", "the rules are the same as now")
        self._record(self.Revised, stamp, rules=rules, reason=require_text("reason", reason))

    def terms(
        self, severity: Severity, calendar: CalendarRules | None, calendar_version: int | None
    ) -> SlaTerms:
        """The terms a complaint of `severity` received now is held to; `calendar`
        is the policy's calendar as it stands (None for wall-clock time)."""
        return terms_of(
            policy_id=self.id,
            version=self.version,
            rules=self.rules,
            severity=severity,
            calendar=calendar,
            calendar_version=calendar_version,
        )


def terms_of(
    *,
    policy_id: UUID,
    version: int,
    rules: PolicyRules,
    severity: Severity,
    calendar: CalendarRules | None,
    calendar_version: int | None,
) -> SlaTerms:
    targets = next(t for t in rules.targets if t.severity is Severity(severity))
    return SlaTerms(
        policy_id=policy_id,
        policy_version=version,
        first_response_seconds=targets.first_response_minutes * 60,
        resolution_seconds=targets.resolution_minutes * 60,
        calendar_id=rules.calendar_id,
        calendar_version=calendar_version if rules.calendar_id else None,
        calendar=calendar if rules.calendar_id else None,
        warning_percent=rules.warning_percent,
        escalation_rules=rules.escalation_rules,
    )


def default_terms(severity: Severity) -> SlaTerms:
    """The built-in default policy's terms (version 0), for when nobody revised it."""
    return terms_of(
        policy_id=DEFAULT_POLICY_ID,
        version=0,
        rules=DEFAULT_RULES,
        severity=severity,
        calendar=None,
        calendar_version=None,
    )
