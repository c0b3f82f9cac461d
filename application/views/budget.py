"""Budget burn and earned value for each engagement (DESIGN §2 `budget`).

Decisions where DESIGN leaves room, in one place:
- Days, not instants: `at` counts by its calendar date in its own offset. The
  schedule, milestones and costs are dated, so figures stay fixed within a day.
- Elapsed % = (at's date - planned start) / (planned end - planned start) in
  days, clamped to 0-100. A schedule that starts and ends on the same day is 0 %
  before that day and 100 % from it.
- Burn rate per week = cost incurred (by `incurred_on`) in the 28 days ending
  on at's date, both ends included, / 4. Costs dated after at's date are not in
  the window, though they are in AC.
- Projected exhaustion = at's date + the whole days the remaining budget covers
  at the daily burn (remaining / (trailing 28-day cost / 28), rounded down).
  None when nothing is burning, when nothing remains (the budget is already
  spent: consumed % says by how much), or when the date would be past the
  calendar's end.
- Earned value: PV = budget * weight due by at's date (due on or before it) /
  total weight; with no milestones, budget * elapsed share. EV = budget *
  completed weight / total weight; with no milestones EV is None (there is no
  measure of work done), and so are CPI, SPI and EAC.
- CPI = EV / AC, SPI = EV / PV, EAC = budget / CPI: None when a denominator is
  zero or missing (no cost yet makes CPI None; PV 0 makes SPI None).
- Burn: one point per ISO week (by its Monday) from the week of the planned
  start, or of the first cost when that is earlier, to the week of at's date;
  none when at's date is before both. Each point is AC, PV and EV at the end of
  its week (Sunday): AC of the costs incurred by then, PV computed as above for
  that day, EV of the milestones completed before the next Monday began (in
  at's offset). The week of at's date is the budget as it stands: AC of every
  cost, PV and EV as the earned value says. Every point uses the budget and the
  milestones' weights and due dates as they stand at `at`: the curve is drawn
  against today's plan. It is drawn only when asked for, as a long schedule has
  many weeks.
- Money is Decimal throughout, reported with its currency's minor-unit places.
  Ratios and percentages are computed from exact values and rounded once to 2
  places, halves to even; money that comes out of a division (burn rate, PV, EV,
  EAC) is rounded the same way, to the currency's minor unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from application.views.figures import (
    iso_week,
    money,
    money_or_none,
    percent,
    ratio,
    rounded_or_none,
    week_start,
)
from application.views.milestones import (
    MILESTONE_HANDLERS,
    TrackedMilestone,
    completed_weight,
    total_weight,
    weight_due_by,
)
from application.views.moments import next_day
from domain.engagement import CostCategory, Engagement

BURN_WINDOW_DAYS = 28
WEEKS_IN_WINDOW = 4


@dataclass(frozen=True)
class CostEntry:
    amount: Decimal
    category: CostCategory
    incurred_on: date


@dataclass
class BudgetState:
    engagement_id: UUID
    currency: str = ""
    original_budget: Decimal = Decimal(0)
    budget: Decimal = Decimal(0)
    planned_start: date | None = None
    planned_end: date | None = None
    milestones: dict[str, TrackedMilestone] = field(default_factory=dict)
    # Costs summed per day and category ("2026-03-02 labour"): every figure needs
    # no finer grain, and the state stays the same size however many are recorded.
    costs: dict[str, CostEntry] = field(default_factory=dict)


@dataclass(frozen=True)
class EarnedValue:
    planned_value: Decimal | None
    earned_value: Decimal | None
    cpi: Decimal | None
    spi: Decimal | None
    eac: Decimal | None


@dataclass(frozen=True)
class BurnPoint:
    week: date  # its Monday
    actual_cost: Decimal
    planned_value: Decimal | None
    earned_value: Decimal | None


@dataclass(frozen=True)
class BurnCurve:
    """What the weekly burn is drawn from, as the budget stands at `at`."""

    currency: str
    budget: Decimal
    planned_start: date | None
    planned_end: date | None
    costs: tuple[CostEntry, ...]
    milestones: dict[str, TrackedMilestone]
    at: datetime

    def points(self) -> list[BurnPoint]:
        today = self.at.date()
        days = [c.incurred_on for c in self.costs]
        if self.planned_start is not None:
            days.append(self.planned_start)
        if not days or min(days) > today:
            return []
        costs = sorted(self.costs, key=lambda c: c.incurred_on)
        points, spent, counted = [], Decimal(0), 0
        week, current = week_start(min(days)), week_start(today)
        while week <= current:
            end = today if week == current else week + timedelta(days=6)
            # The current week counts every cost, as the budget does: one dated
            # in another offset may fall on the day after at's date.
            last_day = date.max if week == current else end
            while counted < len(costs) and costs[counted].incurred_on <= last_day:
                spent += costs[counted].amount
                counted += 1
            next_week = datetime.combine(week + timedelta(days=7), time(), self.at.tzinfo)
            points.append(self._point(week, spent, end, next_week))
            week += timedelta(days=7)
        return points

    def _point(self, week: date, spent: Decimal, end: date, next_week: datetime) -> BurnPoint:
        schedule = (self.planned_start, self.planned_end)
        return BurnPoint(
            week=week,
            actual_cost=money(spent, self.currency),
            planned_value=money_or_none(
                planned_value(self.budget, self.milestones, *schedule, end), self.currency
            ),
            earned_value=money_or_none(
                earned_value(self.budget, self.milestones, next_week), self.currency
            ),
        )


@dataclass(frozen=True)
class BudgetReport:
    currency: str
    original_budget: Decimal
    budget: Decimal
    actual_cost: Decimal
    remaining_budget: Decimal
    cost_by_category: dict[CostCategory, Decimal]
    cost_by_week: dict[str, Decimal]
    consumed_percent: Decimal | None
    elapsed_percent: Decimal | None
    burn_rate_per_week: Decimal
    projected_exhaustion: date | None
    earned_value: EarnedValue
    burn: BurnCurve


def _opened(state: BudgetState, logged: LoggedEvent) -> BudgetState:
    event = cast(Engagement.Opened, logged.event)
    state.currency = event.currency
    state.original_budget = state.budget = event.budget
    state.planned_start, state.planned_end = event.planned_start, event.planned_end
    return state


def _budget_revised(state: BudgetState, logged: LoggedEvent) -> BudgetState:
    state.budget = cast(Engagement.BudgetRevised, logged.event).new_budget
    return state


def _cost_recorded(state: BudgetState, logged: LoggedEvent) -> BudgetState:
    event = cast(Engagement.CostRecorded, logged.event)
    key = f"{event.incurred_on.isoformat()} {event.category.value}"
    earlier = state.costs.get(key)
    amount = event.amount + (earlier.amount if earlier else 0)
    state.costs[key] = CostEntry(amount, event.category, event.incurred_on)
    return state


_HANDLERS: dict[type[Event], Handler[BudgetState]] = {
    Engagement.Opened: _opened,
    Engagement.BudgetRevised: _budget_revised,
    Engagement.CostRecorded: _cost_recorded,
    **MILESTONE_HANDLERS,
}


class BudgetView(EngagementView[BudgetState, BudgetReport]):
    """Budget, actual cost and earned value of each engagement."""

    name = "budget"
    state_type = BudgetState
    handlers = _HANDLERS

    def initial(self, logged: LoggedEvent) -> BudgetState:
        return BudgetState(engagement_id=logged.engagement_id)

    def unchanged_until(self, state: BudgetState, at: datetime) -> datetime | None:
        return next_day(at)  # every figure of the moment is one of its date

    def report(self, state: BudgetState, at: datetime) -> BudgetReport:
        today = at.date()
        costs = list(state.costs.values())
        actual = sum((c.amount for c in costs), Decimal(0))
        elapsed = elapsed_share(state.planned_start, state.planned_end, today)
        trailing = _cost_between(costs, today - timedelta(BURN_WINDOW_DAYS - 1), today)
        currency = state.currency
        return BudgetReport(
            currency=currency,
            original_budget=money(state.original_budget, currency),
            budget=money(state.budget, currency),
            actual_cost=money(actual, currency),
            remaining_budget=money(state.budget - actual, currency),
            cost_by_category={k: money(v, currency) for k, v in _by_category(costs).items()},
            cost_by_week={k: money(v, currency) for k, v in _by_week(costs).items()},
            consumed_percent=percent(actual, state.budget),
            elapsed_percent=rounded_or_none(None if elapsed is None else elapsed * 100),
            burn_rate_per_week=money(trailing / WEEKS_IN_WINDOW, currency),
            projected_exhaustion=_exhaustion(state.budget - actual, trailing, today),
            earned_value=_earned_value(state, actual, today),
            burn=BurnCurve(
                currency=currency,
                budget=state.budget,
                planned_start=state.planned_start,
                planned_end=state.planned_end,
                costs=tuple(costs),
                milestones=dict(state.milestones),
                at=at,
            ),
        )


def elapsed_share(start: date | None, end: date | None, today: date) -> Decimal | None:
    """Share (0-1, exact) of the planned schedule elapsed on `today`; None unknown."""
    if start is None or end is None:
        return None
    span = (end - start).days
    if span == 0:
        return Decimal(1 if today >= start else 0)
    share = Decimal((today - start).days) / span
    return min(max(share, Decimal(0)), Decimal(1))


def _by_category(costs: list[CostEntry]) -> dict[CostCategory, Decimal]:
    totals = {category: Decimal(0) for category in CostCategory}
    for cost in costs:
        totals[cost.category] += cost.amount
    return totals


def _by_week(costs: list[CostEntry]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for cost in costs:
        week = iso_week(cost.incurred_on)
        totals[week] = totals.get(week, Decimal(0)) + cost.amount
    return dict(sorted(totals.items()))


def _cost_between(costs: list[CostEntry], first: date, last: date) -> Decimal:
    return sum((c.amount for c in costs if first <= c.incurred_on <= last), Decimal(0))


def _exhaustion(remaining: Decimal, trailing: Decimal, today: date) -> date | None:
    if trailing <= 0 or remaining <= 0:
        return None
    days = int(remaining * BURN_WINDOW_DAYS / trailing)
    if days > (date.max - today).days:
        return None
    return today + timedelta(days=days)


def _earned_value(state: BudgetState, actual: Decimal, today: date) -> EarnedValue:
    schedule = (state.planned_start, state.planned_end)
    planned = planned_value(state.budget, state.milestones, *schedule, today)
    earned = earned_value(state.budget, state.milestones)
    cpi = ratio(earned, actual)
    currency = state.currency
    return EarnedValue(
        planned_value=money_or_none(planned, currency),
        earned_value=money_or_none(earned, currency),
        cpi=rounded_or_none(cpi),
        spi=rounded_or_none(ratio(earned, planned)),
        eac=money_or_none(ratio(state.budget, cpi), currency),
    )


def planned_value(
    budget: Decimal,
    milestones: dict[str, TrackedMilestone],
    start: date | None,
    end: date | None,
    day: date,
) -> Decimal | None:
    """PV on `day`, exact: by the weight due by then, or with no milestones by
    the schedule's elapsed share (None when there is no schedule)."""
    total = total_weight(milestones)
    if total > 0:
        return budget * weight_due_by(milestones, day) / total
    elapsed = elapsed_share(start, end, day)
    return None if elapsed is None else budget * elapsed


def earned_value(
    budget: Decimal, milestones: dict[str, TrackedMilestone], before: datetime | None = None
) -> Decimal | None:
    """EV, exact, of the milestones completed (before `before`, when given);
    None with no milestones: there is no measure of work done."""
    total = total_weight(milestones)
    if total == 0:
        return None
    return budget * completed_weight(milestones, before) / total
