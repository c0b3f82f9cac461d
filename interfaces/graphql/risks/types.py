"""A risk as its row in the `risk_rows` view shows it."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry

from application.views.rows import RiskRowReport
from interfaces.graphql.children import EngagementChild, seconds_in_state
from interfaces.graphql.context import Info
from interfaces.graphql.engagements.as_of import AsOf
from interfaces.graphql.enums import ResponseStrategy, RiskCategory, RiskLevel, RiskState


@strawberry.type(description="A risk of the register.")
class Risk(EngagementChild):
    title: str
    category: RiskCategory
    description: str
    owner: str
    state: RiskState
    identified_at: datetime
    updated_at: datetime
    seconds_in_state: float = strawberry.field(resolver=seconds_in_state)
    moving_seconds: strawberry.Private[float]  # what `seconds_in_state` answers
    probability: int | None
    impact: int | None
    exposure: int | None
    level: RiskLevel | None
    assessments: int
    strategy: ResponseStrategy | None
    next_review_on: date | None
    review_overdue: bool
    reviews: int
    linked_complaint_id: UUID | None

    @staticmethod
    def of(report: RiskRowReport, snapshot: AsOf | None = None) -> Risk:
        row = report.row
        return Risk(
            snapshot=snapshot,
            id=row.risk_id,
            engagement_id=row.engagement_id,
            version=row.version,
            title=row.title,
            category=row.category,
            description=row.description,
            owner=row.owner,
            state=row.state,
            identified_at=row.identified_at,
            updated_at=row.updated_at,
            moving_seconds=report.seconds_in_state,
            probability=row.probability,
            impact=row.impact,
            exposure=row.exposure,
            level=row.level,
            assessments=row.assessments,
            strategy=row.strategy,
            next_review_on=row.next_review_on,
            review_overdue=report.review_overdue,
            reviews=row.reviews,
            linked_complaint_id=row.linked_complaint_id,
        )


async def load_risk(info: Info, risk_id: UUID) -> Risk | None:
    report = await info.context.report("risk_rows", str(risk_id))
    return Risk.of(report) if report else None


@strawberry.input(description="Risks whose fields equal every value given.")
class RiskFilter:
    engagement_id: UUID | None = strawberry.field(default=None, description="The engagement's id.")
    state: RiskState | None = strawberry.field(default=None, description="In this state.")
    level: RiskLevel | None = strawberry.field(
        default=None, description="Assessed risks of this level only."
    )
