"""All engagements at a glance: one row each, with its health (DESIGN §2 `portfolio`).

CPI and SPI come from the budget view itself: the row keeps a `BudgetState` and
BudgetView's handlers fold into it, and `report` asks BudgetView for the figures,
so the portfolio can never disagree with the budget. For the rest of health the
row keeps only what the rules read:
- CSAT mean: the CSAT scores of `SurveyResponseRecorded` (a complaint's closing
  CSAT rates one ticket, not the engagement, so it is not counted);
- critical complaints' SLA clocks, folded by the complaint lifecycle
  (`lifecycle.ComplaintLifecycle`) as every view folds them, and past due when
  the first response or the current resolution cycle is;
- SLA breaches of any severity standing (not withdrawn), by occurred time; a
  breach counts in the window (at - `breach_window_days`, at];
- risks: latest exposure, whether a response is planned, whether open. Closed
  risks count for nothing; unassessed ones have no exposure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TypeVar, cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from application.views.budget import BudgetState, BudgetView
from application.views.clocks import withdraw_breach_time
from application.views.compose import merge_handlers
from application.views.figures import ratio, rounded_or_none
from application.views.health import Health, HealthInputs, HealthThresholds, health
from application.views.lifecycle import ComplaintLifecycle, complaint_handlers, entry_in
from application.views.moments import earliest, next_day, window_turns
from domain.complaint import Complaint
from domain.engagement import Engagement, EngagementState
from domain.risk import Risk
from domain.sla import DEFAULT_POLICY_ID, Severity

C = TypeVar("C")


@dataclass
class WatchedRisk:
    exposure: int | None = None
    planned: bool = False
    open: bool = True


@dataclass
class PortfolioState:
    engagement_id: UUID
    budget: BudgetState
    client_id: UUID | None = None
    client_name: str = ""
    title: str = ""
    owner: str = ""
    engagement_state: EngagementState = EngagementState.PLANNED
    csat_total: int = 0
    csat_count: int = 0
    critical_complaints: dict[str, ComplaintLifecycle] = field(default_factory=dict)
    sla_breaches: list[datetime] = field(default_factory=list)
    risks: dict[str, WatchedRisk] = field(default_factory=dict)
    sla_policy_id: UUID | None = None  # None: the default policy


@dataclass(frozen=True)
class PortfolioRow:
    engagement_id: UUID
    client_id: UUID | None
    client_name: str
    title: str
    owner: str
    state: EngagementState
    cpi: Decimal | None
    spi: Decimal | None
    csat_mean: Decimal | None
    critical_complaints_past_due: int
    sla_breaches_in_window: int
    unplanned_critical_risks: int
    max_open_risk_exposure: int | None
    health: Health
    health_reasons: tuple[str, ...]
    sla_policy_id: UUID


# Engagement


def _opened(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    event = cast(Engagement.Opened, logged.event)
    state.client_id, state.client_name = event.client_id, event.client_name
    state.title, state.owner = event.title, event.owner
    return state


def _engagement_becomes(target: EngagementState) -> Handler[PortfolioState]:
    def handler(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
        state.engagement_state = target
        return state

    return handler


def _sla_policy_chosen(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    state.sla_policy_id = cast(Engagement.SlaPolicyChosen, logged.event).policy_id
    return state


def _survey_response(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    csat = cast(Engagement.SurveyResponseRecorded, logged.event).csat
    if csat is not None:
        state.csat_total += csat
        state.csat_count += 1
    return state


def _in_budget(handler: Handler[BudgetState]) -> Handler[PortfolioState]:
    def delegate(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
        state.budget = handler(state.budget, logged)
        return state

    return delegate


# Complaints


def _received(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    # Only critical complaints count in health: only theirs are followed.
    if cast(Complaint.Received, logged.event).severity is Severity.CRITICAL:
        state.critical_complaints[logged.aggregate_key] = ComplaintLifecycle.received(logged)
    return state


def _sla_breached(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    state.sla_breaches.append(logged.occurred_at)
    return state


def _sla_breach_withdrawn(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    withdraw_breach_time(state.sla_breaches, cast(Complaint.SlaBreachWithdrawn, logged.event))
    return state


# Risks


def _identified(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    state.risks[logged.aggregate_key] = WatchedRisk()
    return state


def _assessed(risk: WatchedRisk, logged: LoggedEvent) -> None:
    event = cast(Risk.Assessed, logged.event)
    risk.exposure = event.probability * event.impact


def _response_planned(risk: WatchedRisk, logged: LoggedEvent) -> None:
    risk.planned = True


def _risk_closed(risk: WatchedRisk, logged: LoggedEvent) -> None:
    risk.open = False


def _on(
    children: Callable[[PortfolioState], dict[str, C]], change: Callable[[C, LoggedEvent], None]
) -> Handler[PortfolioState]:
    """A handler applying `change` to the event's aggregate in `children`."""

    def handler(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
        child = children(state).get(logged.aggregate_key)
        if child is not None:
            change(child, logged)
        return state

    return handler


def _complaint_closed(state: PortfolioState, logged: LoggedEvent) -> PortfolioState:
    # A closed complaint is never past due again: forgetting it keeps the state small.
    state.critical_complaints.pop(logged.aggregate_key, None)
    return state


def _critical(state: PortfolioState) -> dict[str, ComplaintLifecycle]:
    return state.critical_complaints


def _risks(state: PortfolioState) -> dict[str, WatchedRisk]:
    return state.risks


# BudgetView's handlers run on the row's BudgetState; for Opened, which both
# tables handle, the budget's handler runs first, then the row's.
_OWN_HANDLERS: dict[type[Event], Handler[PortfolioState]] = {
    Engagement.Opened: _opened,
    Engagement.Started: _engagement_becomes(EngagementState.ACTIVE),
    Engagement.PutOnHold: _engagement_becomes(EngagementState.ON_HOLD),
    Engagement.Resumed: _engagement_becomes(EngagementState.ACTIVE),
    Engagement.Closed: _engagement_becomes(EngagementState.CLOSED),
    Engagement.Archived: _engagement_becomes(EngagementState.ARCHIVED),
    Engagement.SurveyResponseRecorded: _survey_response,
    Engagement.SlaPolicyChosen: _sla_policy_chosen,
    Complaint.Received: _received,
    Complaint.Closed: _complaint_closed,
    Complaint.SlaBreached: _sla_breached,
    Complaint.SlaBreachWithdrawn: _sla_breach_withdrawn,
    Risk.Identified: _identified,
    Risk.Assessed: _on(_risks, _assessed),
    Risk.ResponsePlanned: _on(_risks, _response_planned),
    Risk.Closed: _on(_risks, _risk_closed),
}

_BUDGET_VIEW = BudgetView()
_BUDGET_HANDLERS = {t: _in_budget(h) for t, h in BudgetView.handlers.items()}
# The critical complaints' clocks, folded by the complaint lifecycle.
_COMPLAINT_HANDLERS = complaint_handlers(entry_in(_critical))


class PortfolioView(EngagementView[PortfolioState, PortfolioRow]):
    """One row per engagement: who it is for, where it stands, and its health."""

    name = "portfolio"
    state_type = PortfolioState
    columns = {"engagement_id": UUID, "client_id": UUID, "state": str}
    handlers = merge_handlers(_BUDGET_HANDLERS, _COMPLAINT_HANDLERS, _OWN_HANDLERS)
    entry_fields = ("critical_complaints", "risks")

    def __init__(self, thresholds: HealthThresholds | None = None) -> None:
        self.thresholds = thresholds or HealthThresholds()

    def initial(self, logged: LoggedEvent) -> PortfolioState:
        return PortfolioState(logged.engagement_id, _BUDGET_VIEW.initial(logged))

    def column_values(self, state: PortfolioState) -> dict[str, object]:
        return {
            "engagement_id": state.engagement_id,
            "client_id": state.client_id,
            "state": state.engagement_state.value,
        }

    def unchanged_until(self, state: PortfolioState, at: datetime) -> datetime | None:
        # The date (earned value), a critical complaint falling due, a breach
        # entering or leaving the health rules' window.
        window = timedelta(days=self.thresholds.breach_window_days)
        return earliest(
            next_day(at),
            window_turns(state.sla_breaches, at, window),
            *(c.turns_past_due(at) for c in state.critical_complaints.values()),
        )

    def report(self, state: PortfolioState, at: datetime) -> PortfolioRow:
        earned = _BUDGET_VIEW.report(state.budget, at).earned_value
        csat_mean = rounded_or_none(ratio(Decimal(state.csat_total), Decimal(state.csat_count)))
        past_due = sum(1 for c in state.critical_complaints.values() if c.past_due(at))
        breaches = _breaches_in_window(state.sla_breaches, at, self.thresholds.breach_window_days)
        unplanned, top = _risk_figures(state, self.thresholds.critical_risk_exposure)
        colour, reasons = health(
            HealthInputs(
                earned.cpi, earned.spi, csat_mean, past_due > 0, unplanned > 0, breaches, top
            ),
            self.thresholds,
        )
        return PortfolioRow(
            engagement_id=state.engagement_id,
            client_id=state.client_id,
            client_name=state.client_name,
            title=state.title,
            owner=state.owner,
            state=state.engagement_state,
            cpi=earned.cpi,
            spi=earned.spi,
            csat_mean=csat_mean,
            critical_complaints_past_due=past_due,
            sla_breaches_in_window=breaches,
            unplanned_critical_risks=unplanned,
            max_open_risk_exposure=top,
            health=colour,
            health_reasons=tuple(reasons),
            sla_policy_id=state.sla_policy_id or DEFAULT_POLICY_ID,
        )


def _breaches_in_window(breaches: list[datetime], at: datetime, days: int) -> int:
    since = at - timedelta(days=days)
    return sum(1 for occurred in breaches if since < occurred <= at)


def _risk_figures(state: PortfolioState, critical_exposure: int) -> tuple[int, int | None]:
    """How many open risks of at least `critical_exposure` have no response plan, and
    the highest exposure of an open risk (None when no open risk is assessed)."""
    risks = state.risks.values()
    exposures = [(r.exposure, r.planned) for r in risks if r.open and r.exposure is not None]
    unplanned = sum(1 for e, planned in exposures if e >= critical_exposure and not planned)
    return unplanned, max((e for e, _ in exposures), default=None)
