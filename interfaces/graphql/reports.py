"""GraphQL shapes of the engagement views' reports (DESIGN §2): progress,
satisfaction and the risk register (the budget's are in `budget`). Figures
keyed by a category become lists of (key, value) pairs so a client can ask for
them without knowing the keys."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

import strawberry

from application.views.clocks import SlaCompliance as ClockFigures
from application.views.progress import ProgressReport
from application.views.risks import RiskRegisterReport
from application.views.satisfaction import DurationFigures, SatisfactionReport
from domain.sla import SlaClock
from interfaces.graphql.enums import Rag, RiskLevel


@strawberry.type(description="How many there are of one kind: a state, a severity, a week.")
class Count:
    key: str
    count: int


@strawberry.type(
    description="Money of one kind (a cost category, a week), in the engagement's currency."
)
class Amount:
    key: str
    amount: Decimal


def _key(key: Any) -> str:
    # An enum's GraphQL name, as its own fields answer it: `HIGH`, `LABOUR`.
    return key.name if isinstance(key, Enum) else str(key)


def counts(values: Mapping[Any, int]) -> list[Count]:
    return [Count(key=_key(k), count=v) for k, v in values.items()]


def amounts(values: Mapping[Any, Decimal]) -> list[Amount]:
    return [Amount(key=_key(k), amount=v) for k, v in values.items()]


@strawberry.type(description="A milestone past its due date and not completed.")
class OverdueMilestone:
    milestone_id: UUID
    name: str
    due_on: date


@strawberry.type(description="Where an engagement stands.")
class Progress:
    milestones_total: int
    milestones_completed: int
    milestone_completion_percent: Decimal | None
    overdue_milestones: list[OverdueMilestone]
    requirements_by_state: list[Count]
    acceptance_percent: Decimal | None
    scope_churn: int
    latest_rag: Rag | None

    @staticmethod
    def of(report: ProgressReport) -> Progress:
        return Progress(
            milestones_total=report.milestones_total,
            milestones_completed=report.milestones_completed,
            milestone_completion_percent=report.milestone_completion_percent,
            overdue_milestones=[
                OverdueMilestone(milestone_id=m.milestone_id, name=m.name, due_on=m.due_on)
                for m in report.overdue_milestones
            ],
            requirements_by_state=counts(report.requirements_by_state),
            acceptance_percent=report.acceptance_percent,
            scope_churn=report.scope_churn,
            latest_rag=report.latest_rag,
        )


@strawberry.type(description="How long something took, in seconds: median and 90th percentile.")
class Durations:
    count: int
    median_seconds: float | None
    p90_seconds: float | None

    @staticmethod
    def of(figures: DurationFigures) -> Durations:
        return Durations(
            count=figures.count,
            median_seconds=figures.median_seconds,
            p90_seconds=figures.p90_seconds,
        )


@strawberry.type(
    description="One SLA clock's compliance: met / (answered + unanswered past due); a "
    "clock still running and not yet due is not counted."
)
class SlaCompliance:
    clock: SlaClock
    met: int
    answered: int
    unanswered_past_due: int
    percent: Decimal | None

    @staticmethod
    def per_clock(compliance: Mapping[SlaClock, ClockFigures]) -> list[SlaCompliance]:
        return [
            SlaCompliance(
                clock=clock,
                met=c.met,
                answered=c.answered,
                unanswered_past_due=c.unanswered_past_due,
                percent=c.percent,
            )
            for clock, c in compliance.items()
        ]


@strawberry.type(description="The survey responses of one ISO week, by their occurred time.")
class SatisfactionWeek:
    week: date = strawberry.field(description="The week's Monday.")
    csat_responses: int = strawberry.field(description="Responses with a CSAT score.")
    csat_mean: Decimal | None = strawberry.field(
        description="Their mean CSAT score (1-5), as `Satisfaction.csatMean`; null with none."
    )
    nps_responses: int = strawberry.field(description="Responses with an NPS score.")
    nps: Decimal | None = strawberry.field(
        description="Their NPS, as `Satisfaction.nps`: % promoters - % detractors; null with none."
    )


@strawberry.type(description="How the client feels and how fast the team answers.")
class Satisfaction:
    csat_responses: int
    csat_mean: Decimal | None
    csat_percent: Decimal | None
    nps_responses: int
    promoters: int
    detractors: int
    nps: Decimal | None
    responses_per_week: list[Count]
    weekly: list[SatisfactionWeek] = strawberry.field(
        description="CSAT and NPS per ISO week with any survey response, oldest first."
    )
    complaints_received: int
    open_by_severity: list[Count]
    open_past_due_by_severity: list[Count]
    first_response_time: Durations
    resolution_time: Durations
    sla_compliance: list[SlaCompliance]
    reopen_rate_percent: Decimal | None
    escalation_rate_percent: Decimal | None
    sla_breaches: int
    sla_breaches_trailing_28_days: int
    sla_breach_times: list[datetime]

    @staticmethod
    def of(report: SatisfactionReport) -> Satisfaction:
        surveys, complaints, breaches = report.surveys, report.complaints, report.sla_breaches
        return Satisfaction(
            csat_responses=surveys.csat_responses,
            csat_mean=surveys.csat_mean,
            csat_percent=surveys.csat_percent,
            nps_responses=surveys.nps_responses,
            promoters=surveys.promoters,
            detractors=surveys.detractors,
            nps=surveys.nps,
            responses_per_week=counts(surveys.responses_per_week),
            weekly=[
                SatisfactionWeek(
                    week=w.week,
                    csat_responses=w.csat_responses,
                    csat_mean=w.csat_mean,
                    nps_responses=w.nps_responses,
                    nps=w.nps,
                )
                for w in surveys.weekly
            ],
            complaints_received=complaints.received,
            open_by_severity=counts(complaints.open_by_severity),
            open_past_due_by_severity=counts(complaints.open_past_due_by_severity),
            first_response_time=Durations.of(complaints.first_response_time),
            resolution_time=Durations.of(complaints.resolution_time),
            sla_compliance=SlaCompliance.per_clock(complaints.sla_compliance),
            reopen_rate_percent=complaints.reopen_rate_percent,
            escalation_rate_percent=complaints.escalation_rate_percent,
            sla_breaches=breaches.recorded,
            sla_breaches_trailing_28_days=breaches.trailing_28_days,
            sla_breach_times=list(breaches.occurred_times),
        )


@strawberry.type(description="A risk with its exposure (probability times impact).")
class RiskExposure:
    risk_id: UUID
    title: str
    probability: int
    impact: int
    exposure: int
    level: RiskLevel
    has_response_plan: bool


@strawberry.type(description="A risk whose next review date has passed.")
class OverdueReview:
    risk_id: UUID
    title: str
    next_review_on: date


@strawberry.type(description="The risk register's figures.")
class RiskRegister:
    risks_total: int
    risks_by_state: list[Count]
    heat_map: list[list[int]] = strawberry.field(
        description="Counts of assessed open risks: heatMap[probability - 1][impact - 1]."
    )
    top_exposures: list[RiskExposure]
    reviews_overdue: list[OverdueReview]
    max_exposure_without_plan: int | None

    @staticmethod
    def of(report: RiskRegisterReport) -> RiskRegister:
        return RiskRegister(
            risks_total=report.risks_total,
            risks_by_state=counts(report.risks_by_state),
            heat_map=[list(row) for row in report.heat_map],
            top_exposures=[
                RiskExposure(
                    risk_id=r.risk_id,
                    title=r.title,
                    probability=r.probability,
                    impact=r.impact,
                    exposure=r.exposure,
                    level=r.level,
                    has_response_plan=r.has_response_plan,
                )
                for r in report.top_exposures
            ],
            reviews_overdue=[
                OverdueReview(risk_id=r.risk_id, title=r.title, next_review_on=r.next_review_on)
                for r in report.reviews_overdue
            ],
            max_exposure_without_plan=report.max_exposure_without_plan,
        )
