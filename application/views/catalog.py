"""Every view Rapport keeps, in one list."""

from __future__ import annotations

from typing import Any

from application.views.audit import AuditView
from application.views.base import View
from application.views.budget import BudgetView
from application.views.health import HealthThresholds
from application.views.plan import EngagementPlanView
from application.views.portfolio import PortfolioView
from application.views.progress import ProgressView
from application.views.risks import RiskRegisterView
from application.views.rows import ComplaintRowsView, RequirementRowsView, RiskRowsView
from application.views.satisfaction import SatisfactionView
from application.views.sla_rows import CalendarRowsView, SlaPolicyRowsView
from application.views.workload import WorkloadView


def all_views(thresholds: HealthThresholds | None = None) -> list[View[Any, Any]]:
    return [
        ProgressView(),
        BudgetView(),
        SatisfactionView(),
        RiskRegisterView(),
        WorkloadView(),
        PortfolioView(thresholds or HealthThresholds()),
        EngagementPlanView(),
        AuditView(),
        ComplaintRowsView(),
        RequirementRowsView(),
        RiskRowsView(),
        CalendarRowsView(),
        SlaPolicyRowsView(),
    ]
