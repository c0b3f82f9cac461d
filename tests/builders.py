"""Short ways to put an engagement and its children into an application under test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

from application.commands.base import Command, CommandMeta, CommandResult
from application.commands.complaint import ReceiveComplaint
from application.commands.engagement import OpenEngagement, StartEngagement
from application.commands.requirement import CaptureRequirement
from application.commands.risk import IdentifyRisk
from application.service import Rapport

CLIENT_ID = UUID("00000000-0000-4000-8000-00000000c1e7")


def run(
    app: Rapport, command: Command, actor: str = "ana@rapport.test", **meta: object
) -> CommandResult:
    return app.execute(command, CommandMeta(actor=actor, **meta))  # type: ignore[arg-type]


def open_engagement(
    app: Rapport, *, start: bool = True, client_id: UUID = CLIENT_ID, **meta: object
) -> UUID:
    """An engagement, started unless `start` is false; `meta` (`occurred_at`...)
    goes with both commands."""
    result = run(
        app,
        OpenEngagement(
            client_id=client_id,
            client_name="Northwind Retail",
            title="After-sales service desk",
            objectives=("Answer every ticket within SLA",),
            planned_start=date(2026, 3, 1),
            planned_end=date(2026, 8, 31),
            budget=Decimal("120000.00"),
            currency="EUR",
            owner="ana@rapport.test",
        ),
        **meta,
    )
    if start:
        run(app, StartEngagement(engagement_id=result.aggregate_id), **meta)
    return result.aggregate_id


def receive_complaint(app: Rapport, engagement_id: UUID, severity: str = "high") -> UUID:
    return run(
        app,
        ReceiveComplaint(
            engagement_id=engagement_id,
            channel="email",
            severity=severity,
            category="billing",
            description="Invoice charged twice",
        ),
    ).aggregate_id


def capture_requirement(app: Rapport, engagement_id: UUID, priority: str = "must") -> UUID:
    return run(
        app,
        CaptureRequirement(
            engagement_id=engagement_id,
            title="Self-service returns portal",
            description="Customers can start a return online",
            source="workshop",
            priority=priority,
            requested_by="client@northwind.test",
        ),
    ).aggregate_id


def identify_risk(app: Rapport, engagement_id: UUID) -> UUID:
    return run(
        app,
        IdentifyRisk(
            engagement_id=engagement_id,
            title="Key agent leaves",
            category="resource",
            description="Only one agent knows the billing system",
            owner="ana@rapport.test",
        ),
    ).aggregate_id


def unknown_id() -> UUID:
    return uuid4()
