"""An engagement: its portfolio row, its views, its children and its history.

Live figures come from the view tables through the request's loaders. An
engagement asked for `asOf` a moment carries the views folded from the log up to
that moment, and every figure under it answers for that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

import strawberry

from application import engagement_records
from application.ports import TimeAxis
from application.views.plan import PlanState
from application.views.portfolio import PortfolioRow
from domain.base import EventSourcedAggregate
from interfaces.graphql.audit.types import AuditEvent, audit_page
from interfaces.graphql.budget import Budget
from interfaces.graphql.complaints.types import Complaint, ComplaintFilter
from interfaces.graphql.context import Info
from interfaces.graphql.engagements.as_of import AsOf, snapshot_history, snapshot_page
from interfaces.graphql.engagements.parts import (
    CommunicationPlan,
    Meeting,
    Milestone,
    Objective,
    StatusReport,
    TeamMember,
)
from interfaces.graphql.enums import EngagementState, Health
from interfaces.graphql.errors import PublicError
from interfaces.graphql.filters import where_of
from interfaces.graphql.pagination import DEFAULT_PAGE_SIZE, Connection, Node, rows_page
from interfaces.graphql.reports import Progress, RiskRegister, Satisfaction
from interfaces.graphql.requirements.types import Requirement, RequirementFilter
from interfaces.graphql.risks.types import Risk, RiskFilter
from interfaces.graphql.workload.types import Workload


@strawberry.enum(
    name="TimeAxis",
    description="Which time an as-of question is on: RECORDED (as known at T: what "
    "Rapport had stored by T) or OCCURRED (as it was in the business at T).",
)
class Axis(Enum):
    RECORDED = TimeAxis.RECORDED.value
    OCCURRED = TimeAxis.OCCURRED.value


@strawberry.type(description="One client project.")
class Engagement:
    id: UUID
    client_id: UUID | None
    client_name: str
    title: str
    owner: str
    state: EngagementState
    health: Health = strawberry.field(
        description="RED or AMBER when a figure is past its threshold, else GREEN; "
        "`healthReasons` says which."
    )
    health_reasons: list[str]
    cpi: Decimal | None
    spi: Decimal | None
    csat_mean: Decimal | None
    critical_complaints_past_due: int
    sla_breaches_in_window: int
    max_open_risk_exposure: int | None
    sla_policy_id: UUID = strawberry.field(
        description="The SLA policy complaints received now follow (the default one "
        "until the engagement chooses another)."
    )
    as_of: datetime | None = strawberry.field(
        description="The moment these figures are for; null for live figures."
    )
    as_of_axis: Axis | None
    snapshot: strawberry.Private[AsOf | None]

    @staticmethod
    def of(row: PortfolioRow, snapshot: AsOf | None = None) -> Engagement:
        return Engagement(
            id=row.engagement_id,
            client_id=row.client_id,
            client_name=row.client_name,
            title=row.title,
            owner=row.owner,
            state=row.state,
            health=row.health,
            health_reasons=list(row.health_reasons),
            cpi=row.cpi,
            spi=row.spi,
            csat_mean=row.csat_mean,
            critical_complaints_past_due=row.critical_complaints_past_due,
            sla_breaches_in_window=row.sla_breaches_in_window,
            max_open_risk_exposure=row.max_open_risk_exposure,
            sla_policy_id=row.sla_policy_id,
            as_of=snapshot.at if snapshot else None,
            as_of_axis=Axis(snapshot.axis.value) if snapshot else None,
            snapshot=snapshot,
        )

    async def _report(self, info: Info, view_name: str) -> Any:
        if self.snapshot is not None:
            return self.snapshot.reports[view_name].get(str(self.id))
        return await info.context.report(view_name, str(self.id))

    @strawberry.field
    async def progress(self, info: Info) -> Progress | None:
        report = await self._report(info, "progress")
        return Progress.of(report) if report else None

    @strawberry.field
    async def budget(self, info: Info) -> Budget | None:
        report = await self._report(info, "budget")
        return Budget.of(report) if report else None

    @strawberry.field
    async def satisfaction(self, info: Info) -> Satisfaction | None:
        report = await self._report(info, "satisfaction")
        return Satisfaction.of(report) if report else None

    @strawberry.field
    async def risk_register(self, info: Info) -> RiskRegister | None:
        report = await self._report(info, "risks")
        return RiskRegister.of(report) if report else None

    @strawberry.field(description="Who carries what in this engagement.")
    async def workload(self, info: Info) -> Workload | None:
        report = await self._report(info, "workload")
        return Workload.of(report) if report else None

    @strawberry.field
    async def requirements(
        self,
        info: Info,
        filter: RequirementFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Requirement]:
        return await self._children(
            info,
            "requirement_rows",
            filter or RequirementFilter(),
            first=first,
            after=after,
            node=Requirement.of,
        )

    @strawberry.field
    async def complaints(
        self,
        info: Info,
        filter: ComplaintFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Complaint]:
        return await self._children(
            info,
            "complaint_rows",
            filter or ComplaintFilter(),
            first=first,
            after=after,
            node=Complaint.of,
        )

    @strawberry.field
    async def risks(
        self,
        info: Info,
        filter: RiskFilter | None = None,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
    ) -> Connection[Risk]:
        return await self._children(
            info, "risk_rows", filter or RiskFilter(), first=first, after=after, node=Risk.of
        )

    @strawberry.field(description="The version of the engagement itself (its own events).")
    async def version(self, info: Info) -> int:
        return (await self._plan(info)).version

    @strawberry.field(description="Who works on the engagement, in which role and area (RACI).")
    async def team(self, info: Info) -> list[TeamMember]:
        members = (await self._plan(info)).team
        return [TeamMember(person=m.person, role=m.role, area=m.area) for m in members]

    @strawberry.field
    async def objectives(self, info: Info) -> list[Objective]:
        found = (await self._plan(info)).objectives
        return [
            Objective(
                id=UUID(key),
                description=o.description,
                metric=o.metric,
                target=o.target,
                due_on=o.due_on,
                actual=o.actual,
            )
            for key, o in found.items()
        ]

    @strawberry.field
    async def milestones(self, info: Info) -> list[Milestone]:
        found = (await self._plan(info)).milestones
        return [
            Milestone(
                id=UUID(key),
                name=m.name,
                due_on=m.due_on,
                weight=m.weight,
                completed_at=m.completed_at,
            )
            for key, m in found.items()
        ]

    @strawberry.field(
        description="How the engagement reports: cadence, channels and audience; null until "
        "a plan is set."
    )
    async def communication_plan(self, info: Info) -> CommunicationPlan | None:
        plan = (await self._plan(info)).communication_plan
        return CommunicationPlan.of(plan) if plan else None

    @strawberry.field(
        description="The meetings logged, the latest held first (of one day's, the latest "
        "logged first)."
    )
    async def meetings(self, info: Info) -> list[Meeting]:
        return [Meeting.of(e) for e in engagement_records.meetings(await self._own_events(info))]

    @strawberry.field(description="The status reports published, the latest first.")
    async def status_reports(self, info: Info) -> list[StatusReport]:
        events = await self._own_events(info)
        return [StatusReport.of(e) for e in engagement_records.status_reports(events)]

    @strawberry.field(
        description="Every event of the engagement and its children, in log order; as of "
        "a moment, those known (or that had happened) by then."
    )
    async def history(
        self, info: Info, first: int = DEFAULT_PAGE_SIZE, after: str | None = None
    ) -> Connection[AuditEvent]:
        where = {"engagement_id": self.id}
        if self.snapshot is not None:
            return snapshot_history(info, self.snapshot, where, first=first, after=after)
        return await audit_page(info, where, first, after)

    async def _children(
        self,
        info: Info,
        view_name: str,
        filter: Any,
        *,
        first: int,
        after: str | None,
        node: Callable[[Any, AsOf | None], Node],
    ) -> Connection[Node]:
        """A page of the engagement's requirements, complaints or risks: live, or
        as of the engagement's moment."""
        where = where_of(filter) | {"engagement_id": self.id}
        snapshot = self.snapshot
        if snapshot is not None:
            return snapshot_page(
                info,
                snapshot,
                view_name,
                where=where,
                first=first,
                after=after,
                node=lambda report: node(report, snapshot),
            )
        return await rows_page(
            info, view_name, where, first=first, after=after, node=lambda report: node(report, None)
        )

    async def _own_events(self, info: Info) -> list[EventSourcedAggregate.Event]:
        """The engagement's own events (not its children's): as of a moment,
        those known (or that had happened) by then."""
        rapport = info.context.services.rapport
        if self.snapshot is not None:
            at, axis = self.snapshot.at, self.snapshot.axis
            return await info.context.query(rapport.history_at, self.id, at, axis)
        return await info.context.query(rapport.history, self.id)

    async def _plan(self, info: Info) -> PlanState:
        """The engagement's plan from its view, read with the rest of the page;
        as of a moment, as it stood then."""
        plan: PlanState | None = await self._report(info, "engagement_plan")
        if plan is None:  # the engagement was visible, so its view is behind
            raise PublicError(
                "the engagement's plan is not projected yet; ask again in a moment",
                "VIEWS_BEHIND",
            )
        return plan


async def load_engagement(info: Info, engagement_id: UUID) -> Engagement | None:
    row = await info.context.report("portfolio", str(engagement_id))
    return Engagement.of(row) if row else None


@strawberry.input(description="Engagements whose fields equal every value given.")
class EngagementFilter:
    client_id: UUID | None = strawberry.field(default=None, description="The client's id.")
    state: EngagementState | None = strawberry.field(default=None, description="In this state.")
    health: Health | None = strawberry.field(
        default=None, description="Health as of now (it moves with time, e.g. a clock due)."
    )
