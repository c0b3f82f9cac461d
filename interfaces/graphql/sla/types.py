"""Business calendars, SLA policies and what-if simulations as the API shows them."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry

from application.sla_simulation import Simulation
from application.views.sla_rows import CalendarRow, PolicyRow
from domain.calendar import WorkingHours as WorkingHoursValue
from interfaces.graphql.children import Recorded
from interfaces.graphql.enums import Severity, SlaClock, SlaTrigger, Weekday
from interfaces.graphql.reports import SlaCompliance


@strawberry.type(description="A working interval of a weekday, in local time.")
class WorkingHours:
    day: Weekday
    start: str = strawberry.field(description="HH:MM")
    end: str = strawberry.field(description="HH:MM; 24:00 is the end of the day")

    @staticmethod
    def of(hours: WorkingHoursValue) -> WorkingHours:
        start, end = hours.start_minute, hours.end_minute
        return WorkingHours(
            day=hours.day,
            start=f"{start // 60:02d}:{start % 60:02d}",
            end=f"{end // 60:02d}:{end % 60:02d}",
        )


@strawberry.type(description="When a service team works: SLA time counts only then.")
class BusinessCalendar(Recorded):
    name: str
    time_zone: str
    hours: list[WorkingHours]
    holidays: list[date]
    defined_at: datetime
    updated_at: datetime
    last_reason: str | None = strawberry.field(description="Why it was last revised.")

    @staticmethod
    def of(row: CalendarRow) -> BusinessCalendar:
        return BusinessCalendar(
            id=row.calendar_id,
            name=row.name,
            time_zone=row.rules.time_zone,
            hours=[WorkingHours.of(h) for h in row.rules.hours],
            holidays=list(row.rules.holidays),
            version=row.version,
            defined_at=row.defined_at,
            updated_at=row.updated_at,
            last_reason=row.last_reason or None,
        )


@strawberry.type(description="A severity's targets, in minutes of the policy's time.")
class SeverityTargets:
    severity: Severity
    first_response_minutes: int
    resolution_minutes: int


@strawberry.type(description="On a breach or a warning, escalate the complaint to a level.")
class EscalationRule:
    trigger: SlaTrigger
    clock: SlaClock | None = strawberry.field(description="The clock it watches; null: either.")
    severities: list[Severity] = strawberry.field(description="Empty: every severity.")
    level: int


@strawberry.type(
    description="How soon complaints must be answered and resolved; complaints keep the "
    "version in force when they were received."
)
class SlaPolicy(Recorded):
    name: str
    is_default: bool = strawberry.field(
        description="The policy engagements follow until they choose another; "
        "at version 0 until first revised."
    )
    targets: list[SeverityTargets]
    calendar_id: UUID | None = strawberry.field(
        description="The business calendar its time is counted on; null: wall-clock time."
    )
    warning_percent: int | None = strawberry.field(
        description="A warning when a clock has used this share of its target; null: none."
    )
    escalation_rules: list[EscalationRule]
    defined_at: datetime | None
    updated_at: datetime | None
    last_reason: str | None

    @staticmethod
    def of(row: PolicyRow) -> SlaPolicy:
        rules = row.rules
        return SlaPolicy(
            id=row.policy_id,
            name=row.name,
            is_default=row.is_default,
            version=row.version,
            targets=[
                SeverityTargets(
                    severity=t.severity,
                    first_response_minutes=t.first_response_minutes,
                    resolution_minutes=t.resolution_minutes,
                )
                for t in rules.targets
            ],
            calendar_id=rules.calendar_id,
            warning_percent=rules.warning_percent,
            escalation_rules=[
                EscalationRule(
                    trigger=r.trigger,
                    clock=r.clock,
                    severities=list(r.severities),
                    level=r.level,
                )
                for r in rules.escalation_rules
            ],
            defined_at=row.defined_at,
            updated_at=row.updated_at,
            last_reason=row.last_reason or None,
        )


@strawberry.type(description="One severity's compliance as it was and as it would have been.")
class SeverityComparison:
    severity: Severity
    complaints: int
    actual: list[SlaCompliance] = strawberry.field(
        description="Under the policy each complaint was received under."
    )
    simulated: list[SlaCompliance] = strawberry.field(description="Under the given policy.")


@strawberry.type(
    description="Past complaints' SLA compliance under another policy, beside what it was; "
    "nothing is recorded."
)
class SlaSimulation:
    policy_id: UUID
    policy_version: int
    received_from: datetime
    received_until: datetime
    at: datetime = strawberry.field(description="Unanswered clocks are judged as of this.")
    complaints: int
    by_severity: list[SeverityComparison]

    @staticmethod
    def of(simulation: Simulation) -> SlaSimulation:
        return SlaSimulation(
            policy_id=simulation.policy_id,
            policy_version=simulation.policy_version,
            received_from=simulation.received_from,
            received_until=simulation.received_until,
            at=simulation.at,
            complaints=simulation.complaints,
            by_severity=[
                SeverityComparison(
                    severity=s.severity,
                    complaints=s.complaints,
                    actual=SlaCompliance.per_clock(s.actual),
                    simulated=SlaCompliance.per_clock(s.simulated),
                )
                for s in simulation.by_severity
            ],
        )
