"""The schema's areas, each declared once: what a kind of aggregate (or a concern
that is no kind, such as the audit trail) adds to the root Query, Mutation and
Subscription types. `schema.py` composes the roots from this list, so a new
kind is its declaration in `application.kinds`, its GraphQL package and one
entry here; a declared kind with no area fails a test, not a request."""

from __future__ import annotations

from dataclasses import dataclass

from application.kinds import (
    BUSINESS_CALENDAR,
    COMPLAINT,
    ENGAGEMENT,
    REQUIREMENT,
    RISK,
    SLA_POLICY,
    Kind,
)
from interfaces.graphql.admin.mutations import AdminMutations
from interfaces.graphql.admin.queries import AdminQueries
from interfaces.graphql.audit.queries import AuditQueries, AuditSubscriptions
from interfaces.graphql.caller.queries import CallerQueries
from interfaces.graphql.complaints.mutations import ComplaintMutations
from interfaces.graphql.complaints.queries import ComplaintQueries
from interfaces.graphql.engagements.mutations import EngagementMutations
from interfaces.graphql.engagements.queries import EngagementQueries
from interfaces.graphql.requirements.mutations import RequirementMutations
from interfaces.graphql.requirements.queries import RequirementQueries
from interfaces.graphql.risks.mutations import RiskMutations
from interfaces.graphql.risks.queries import RiskQueries
from interfaces.graphql.sla.mutations import BusinessCalendarMutations, SlaPolicyMutations
from interfaces.graphql.sla.queries import SlaQueries
from interfaces.graphql.webhooks.mutations import WebhookMutations
from interfaces.graphql.webhooks.queries import WebhookQueries
from interfaces.graphql.workload.queries import WorkloadQueries


@dataclass(frozen=True)
class Area:
    """Strawberry types whose fields join the roots; `kind` is the aggregate kind
    whose commands `mutations` runs, if any."""

    queries: type | None = None
    mutations: type | None = None
    subscriptions: type | None = None
    kind: Kind | None = None


# In the order their fields appear in the schema.
AREAS: tuple[Area, ...] = (
    Area(EngagementQueries, EngagementMutations, kind=ENGAGEMENT),
    Area(RequirementQueries, RequirementMutations, kind=REQUIREMENT),
    Area(ComplaintQueries, ComplaintMutations, kind=COMPLAINT),
    Area(RiskQueries, RiskMutations, kind=RISK),
    # Calendars and policies are two kinds queried together.
    Area(SlaQueries, BusinessCalendarMutations, kind=BUSINESS_CALENDAR),
    Area(mutations=SlaPolicyMutations, kind=SLA_POLICY),
    Area(AuditQueries, subscriptions=AuditSubscriptions),
    Area(AdminQueries, AdminMutations),
    Area(WebhookQueries, WebhookMutations),
    Area(WorkloadQueries),
    Area(CallerQueries),
)
