"""The risk register of an engagement (DESIGN §2 `risks`).

- risks by state, every state listed (zero when none);
- heat map: open risks counted by their latest assessment, 5 x 5, rows by
  probability 1-5 and columns by impact 1-5 (`heat_map[p - 1][i - 1]`);
  unassessed risks are not on it;
- top exposures: the 5 open assessed risks with the highest exposure (probability
  x impact), with title and level (`domain.risk.risk_level`); ties go to the risk
  identified first;
- reviews overdue: open risks whose next review date is before `at`'s calendar
  date (in `at`'s own offset, as the progress view's overdue milestones);
- the highest exposure among open risks with no response plan (portfolio health).
Open means identified, assessed, responding or occurred (`domain.risk.OPEN_STATES`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from application.views.moments import next_day
from domain.engagement import Engagement
from domain.risk import OPEN_STATES, Risk, RiskLevel, RiskState, risk_level

TOP_EXPOSURES = 5
SCALE = range(1, 6)  # probability and impact, 1-5


@dataclass(frozen=True)
class LatestAssessment:
    probability: int
    impact: int

    @property
    def exposure(self) -> int:
        return self.probability * self.impact


@dataclass
class TrackedRisk:
    title: str
    state: RiskState
    identified_at: datetime
    assessment: LatestAssessment | None = None
    has_response_plan: bool = False
    next_review_on: date | None = None

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass
class RiskRegisterState:
    engagement_id: UUID
    risks: dict[str, TrackedRisk] = field(default_factory=dict)


@dataclass(frozen=True)
class RiskExposure:
    risk_id: UUID
    title: str
    probability: int
    impact: int
    exposure: int
    level: RiskLevel
    has_response_plan: bool


@dataclass(frozen=True)
class OverdueReview:
    risk_id: UUID
    title: str
    next_review_on: date


@dataclass(frozen=True)
class RiskRegisterReport:
    risks_total: int
    risks_by_state: dict[RiskState, int]
    heat_map: tuple[tuple[int, ...], ...]  # [probability - 1][impact - 1]
    top_exposures: tuple[RiskExposure, ...]
    reviews_overdue: tuple[OverdueReview, ...]
    max_exposure_without_plan: int | None


def _noop(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    # Opened only makes sure the engagement has a register, even an empty one.
    return state


def _identified(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    event = cast(Risk.Identified, logged.event)
    state.risks[logged.aggregate_key] = TrackedRisk(
        title=event.title, state=RiskState.IDENTIFIED, identified_at=logged.occurred_at
    )
    return state


def _assessed(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    event = cast(Risk.Assessed, logged.event)
    risk = state.risks[logged.aggregate_key]
    risk.assessment = LatestAssessment(event.probability, event.impact)
    if risk.state is RiskState.IDENTIFIED:
        risk.state = RiskState.ASSESSED
    return state


def _response_planned(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    event = cast(Risk.ResponsePlanned, logged.event)
    risk = state.risks[logged.aggregate_key]
    risk.has_response_plan = True
    risk.next_review_on = event.plan.next_review_on
    if risk.state is not RiskState.OCCURRED:
        risk.state = RiskState.RESPONDING
    return state


def _reviewed(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    event = cast(Risk.Reviewed, logged.event)
    state.risks[logged.aggregate_key].next_review_on = event.next_review_on
    return state


def _occurred(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    state.risks[logged.aggregate_key].state = RiskState.OCCURRED
    return state


def _closed(state: RiskRegisterState, logged: LoggedEvent) -> RiskRegisterState:
    risk = state.risks[logged.aggregate_key]
    risk.state = RiskState.CLOSED
    risk.next_review_on = None
    return state


_HANDLERS: dict[type[Event], Handler[RiskRegisterState]] = {
    Engagement.Opened: _noop,
    Risk.Identified: _identified,
    Risk.Assessed: _assessed,
    Risk.ResponsePlanned: _response_planned,
    Risk.Reviewed: _reviewed,
    Risk.Occurred: _occurred,
    Risk.Closed: _closed,
}


class RiskRegisterView(EngagementView[RiskRegisterState, RiskRegisterReport]):
    """The risks of each engagement, by state, on the heat map and by exposure."""

    name = "risks"
    state_type = RiskRegisterState
    handlers = _HANDLERS

    def initial(self, logged: LoggedEvent) -> RiskRegisterState:
        return RiskRegisterState(engagement_id=logged.engagement_id)

    def unchanged_until(self, state: RiskRegisterState, at: datetime) -> datetime | None:
        return next_day(at)  # reviews overdue are those of the date

    def report(self, state: RiskRegisterState, at: datetime) -> RiskRegisterReport:
        by_state = Counter(risk.state for risk in state.risks.values())
        exposures = _open_exposures(state.risks)
        unplanned = [e.exposure for e in exposures if not e.has_response_plan]
        return RiskRegisterReport(
            risks_total=len(state.risks),
            risks_by_state={s: by_state[s] for s in RiskState},
            heat_map=_heat_map(exposures),
            top_exposures=tuple(exposures[:TOP_EXPOSURES]),
            reviews_overdue=_reviews_overdue(state.risks, at.date()),
            max_exposure_without_plan=max(unplanned, default=None),
        )


def _open_exposures(risks: dict[str, TrackedRisk]) -> list[RiskExposure]:
    """Open assessed risks, highest exposure first, then the earliest identified."""
    ranked = [
        (_exposure(UUID(key), risk, risk.assessment), risk.identified_at)
        for key, risk in risks.items()
        if risk.open and risk.assessment is not None
    ]
    ranked.sort(key=lambda item: (-item[0].exposure, item[1], item[0].risk_id))
    return [exposure for exposure, _ in ranked]


def _exposure(risk_id: UUID, risk: TrackedRisk, assessment: LatestAssessment) -> RiskExposure:
    return RiskExposure(
        risk_id=risk_id,
        title=risk.title,
        probability=assessment.probability,
        impact=assessment.impact,
        exposure=assessment.exposure,
        level=risk_level(assessment.exposure),
        has_response_plan=risk.has_response_plan,
    )


def _heat_map(exposures: list[RiskExposure]) -> tuple[tuple[int, ...], ...]:
    cells = Counter((e.probability, e.impact) for e in exposures)
    return tuple(tuple(cells[(p, i)] for i in SCALE) for p in SCALE)


def _reviews_overdue(risks: dict[str, TrackedRisk], today: date) -> tuple[OverdueReview, ...]:
    overdue = [
        OverdueReview(UUID(key), risk.title, risk.next_review_on)
        for key, risk in risks.items()
        if risk.open and risk.next_review_on is not None and risk.next_review_on < today
    ]
    return tuple(sorted(overdue, key=lambda o: (o.next_review_on, o.title, o.risk_id)))
