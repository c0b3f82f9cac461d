"""A complaint as its row in the `complaint_rows` view shows it."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from application.views.rows import ComplaintRowReport
from interfaces.graphql.children import EngagementChild, seconds_in_state
from interfaces.graphql.context import Info
from interfaces.graphql.engagements.as_of import AsOf
from interfaces.graphql.enums import ComplaintChannel, ComplaintState, Severity


@strawberry.type(description="A client's complaint or support ticket.")
class Complaint(EngagementChild):
    channel: ComplaintChannel
    severity: Severity
    category: str
    description: str
    state: ComplaintState
    received_at: datetime
    updated_at: datetime
    seconds_in_state: float = strawberry.field(resolver=seconds_in_state)
    moving_seconds: strawberry.Private[float]  # what `seconds_in_state` answers
    first_response_due: datetime
    resolution_due: datetime | None = strawberry.field(
        description="The current cycle's due time, moved by the client's replies; null "
        "while waiting on the client (the clock is paused)."
    )
    first_response_warning_at: datetime | None = strawberry.field(
        description="When the policy warns that the first response is getting late; "
        "null when it gives no warning."
    )
    resolution_warning_at: datetime | None = strawberry.field(
        description="When the policy warns that the current cycle's resolution is "
        "getting late; null when it gives no warning, or while waiting on the client."
    )
    sla_policy_id: UUID | None = strawberry.field(
        description="The SLA policy the complaint was received under; null for "
        "complaints received before policies had versions."
    )
    sla_policy_version: int | None = strawberry.field(
        description="The version of that policy (0: the built-in default), fixed at receipt."
    )
    first_response_past_due: bool
    resolution_past_due: bool
    past_due: bool
    acknowledged_by: str
    assignee: str | None
    escalation_level: int
    notes: strawberry.Private[tuple[int, int]]  # (all, public)
    root_cause_category: str | None
    resolution: str | None
    reopens: int
    sla_breaches: int = strawberry.field(
        description="SLA breaches standing: recorded and not withdrawn, every clock and cycle."
    )
    client_confirmed: bool
    csat: int | None

    @staticmethod
    def of(report: ComplaintRowReport, snapshot: AsOf | None = None) -> Complaint:
        row = report.row
        return Complaint(
            snapshot=snapshot,
            id=row.complaint_id,
            engagement_id=row.engagement_id,
            version=row.version,
            channel=row.channel,
            severity=row.severity,
            category=row.category,
            description=row.description,
            state=row.state,
            received_at=row.received_at,
            updated_at=row.updated_at,
            moving_seconds=report.seconds_in_state,
            first_response_due=row.first_response.current_due,
            resolution_due=report.resolution_due,
            first_response_warning_at=row.first_response.warning_at,
            resolution_warning_at=(
                row.resolution.warning_at if row.resolution.waiting_since is None else None
            ),
            sla_policy_id=row.sla_policy_id,
            sla_policy_version=row.sla_policy_version,
            first_response_past_due=report.first_response_past_due,
            resolution_past_due=report.resolution_past_due,
            past_due=report.past_due,
            acknowledged_by=row.acknowledged_by,
            assignee=row.assignee or None,
            escalation_level=row.escalation_level,
            notes=(row.note_count, row.public_note_count),
            root_cause_category=row.root_cause_category or None,
            resolution=row.resolution_text or None,
            reopens=row.reopens,
            sla_breaches=row.breaches,
            client_confirmed=row.client_confirmed,
            csat=row.csat,
        )

    @strawberry.field(
        description="Notes added: for a client token, the public ones only (the team's "
        "internal notes are its own)."
    )
    def note_count(self, info: Info) -> int:
        every, public = self.notes
        return public if info.context.principal.is_client else every


async def load_complaint(info: Info, complaint_id: UUID) -> Complaint | None:
    report = await info.context.report("complaint_rows", str(complaint_id))
    return Complaint.of(report) if report else None


@strawberry.input(description="Complaints whose fields equal every value given.")
class ComplaintFilter:
    engagement_id: UUID | None = strawberry.field(default=None, description="The engagement's id.")
    state: ComplaintState | None = strawberry.field(default=None, description="In this state.")
    severity: Severity | None = strawberry.field(default=None, description="Of this severity.")
    assignee: str | None = strawberry.field(
        default=None, description="The agent assigned, exactly as assigned."
    )
    breached: bool | None = strawberry.field(
        default=None,
        description="An SLA breach stands (recorded and not withdrawn), on either clock.",
    )
