"""How the client feels and how fast the team answers (DESIGN §2 `satisfaction`).

Surveys (`Engagement.SurveyResponseRecorded`), counted as `surveys` says: CSAT
mean and %, NPS, and responses per ISO week of their occurred time, with each
week's CSAT mean and NPS.
Complaints:
- open by severity (received, acknowledged, in progress, waiting on client, reopened);
- first-response time = acknowledged - received; resolution time = first resolved -
  received - time waited on the client before it; each as median and p90 in seconds;
- SLA compliance % per clock = met / (answered + unanswered past due) * 100. Every
  resolution cycle (a reopen starts one) is a resolution clock of its own, as the
  domain and its breach watchdog count them. Met: answered by its due time pushed
  back by the time waited. Not counted: a clock still running and not past due at
  `at`, or paused while waiting on the client (it has no due time then, as in the
  domain);
- reopen rate % = reopened at least once / resolved at least once * 100;
- escalation rate % = escalated at least once / received * 100;
- SLA breaches standing (`Complaint.SlaBreached`, less those withdrawn by
  `Complaint.SlaBreachWithdrawn`): count, occurred times, and how many occurred in
  the 28 days up to `at` (portfolio health). Compliance comes from the clocks'
  facts, never from the breaches.
Scores and percentages are rounded to 2 places (see `figures`); None when nothing counts.
Complaint scores given at closing are not survey responses and are not counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import cast
from uuid import UUID

from application.views.base import EngagementView, Event, Handler, LoggedEvent
from application.views.clocks import (
    Settled,
    SlaCompliance,
    TrackedClock,
    compliance,
    withdraw_breach_time,
)
from application.views.compose import merge_handlers
from application.views.figures import percent
from application.views.lifecycle import ComplaintLifecycle, complaint_handlers, entry_in
from application.views.moments import earliest, window_turns
from application.views.statistics import median, p90
from application.views.surveys import ScoreCounts, SurveyFigures, count_response, survey_figures
from domain.complaint import Complaint
from domain.engagement import Engagement
from domain.sla import Severity, SlaClock

BREACH_WINDOW = timedelta(days=28)


@dataclass(kw_only=True)
class TrackedComplaint(ComplaintLifecycle):
    """A complaint's lifecycle (its clocks; open until resolved), with the
    resolution cycles a reopen ended, each a resolution clock of its own."""

    severity: Severity
    ended_cycles: list[TrackedClock] = field(default_factory=list)
    escalated: bool = False

    @property
    def reopened(self) -> bool:
        return self.reopens > 0

    @property
    def resolution_cycles(self) -> list[TrackedClock]:
        """One clock per resolution cycle; the last is the current one."""
        return [*self.ended_cycles, self.resolution]

    @property
    def first_response_seconds(self) -> float | None:
        answered = self.first_response.stopped_at
        return None if answered is None else (answered - self.received_at).total_seconds()

    @property
    def resolution_seconds(self) -> float | None:
        first = self.resolution_cycles[0]
        if first.stopped_at is None:
            return None
        return (first.stopped_at - self.received_at).total_seconds() - first.waited_seconds


@dataclass
class ClosedComplaints:
    """Complaints closed for good, kept only as what they add to the figures.

    Every clock of a closed complaint has stopped, so nothing about it depends on
    the moment of a report any more; folding it into counts and durations keeps
    an engagement's state from growing with every complaint it ever had."""

    count: int = 0
    escalated: int = 0
    reopened: int = 0
    first_response_seconds: list[float] = field(default_factory=list)
    resolution_seconds: list[float] = field(default_factory=list)
    first_response: Settled = field(default_factory=Settled)
    resolution: Settled = field(default_factory=Settled)

    def add(self, complaint: TrackedComplaint) -> None:
        self.count += 1
        self.escalated += complaint.escalated
        self.reopened += complaint.reopened
        if complaint.first_response_seconds is not None:
            self.first_response_seconds.append(complaint.first_response_seconds)
        if complaint.resolution_seconds is not None:
            self.resolution_seconds.append(complaint.resolution_seconds)
        self.first_response.add(complaint.first_response)
        for cycle in complaint.resolution_cycles:
            self.resolution.add(cycle)


@dataclass
class SatisfactionState:
    engagement_id: UUID
    # Each week's scores, keyed by the week's Monday ("2026-03-02").
    survey_weeks: dict[str, ScoreCounts] = field(default_factory=dict)
    complaints: dict[str, TrackedComplaint] = field(default_factory=dict)  # not closed
    closed: ClosedComplaints = field(default_factory=ClosedComplaints)
    breach_times: list[datetime] = field(default_factory=list)


@dataclass(frozen=True)
class DurationFigures:
    count: int
    median_seconds: float | None
    p90_seconds: float | None


@dataclass(frozen=True)
class ComplaintFigures:
    received: int
    open_by_severity: dict[Severity, int]
    open_past_due_by_severity: dict[Severity, int]
    first_response_time: DurationFigures
    resolution_time: DurationFigures
    sla_compliance: dict[SlaClock, SlaCompliance]
    reopen_rate_percent: Decimal | None
    escalation_rate_percent: Decimal | None


@dataclass(frozen=True)
class BreachFigures:
    recorded: int
    occurred_times: tuple[datetime, ...]
    trailing_28_days: int  # occurred in (at - 28 days, at]


@dataclass(frozen=True)
class SatisfactionReport:
    surveys: SurveyFigures
    complaints: ComplaintFigures
    sla_breaches: BreachFigures


def _noop(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    # Opened only makes sure the engagement has a state, even before any response.
    return state


def _survey_response(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    event = cast(Engagement.SurveyResponseRecorded, logged.event)
    # The calendar date of the occurred time in its own offset, as recorded.
    count_response(state.survey_weeks, logged.occurred_at.date(), event.csat, event.nps)
    return state


def _received(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    severity = cast(Complaint.Received, logged.event).severity
    state.complaints[logged.aggregate_key] = TrackedComplaint.received(logged, severity=severity)
    return state


def _escalated(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    state.complaints[logged.aggregate_key].escalated = True
    return state


def _cycle_ends(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    # Before the lifecycle's Reopened starts the next cycle: this one's clock is kept.
    complaint = state.complaints[logged.aggregate_key]
    complaint.ended_cycles.append(complaint.resolution)
    return state


def _closed(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    state.closed.add(state.complaints.pop(logged.aggregate_key))
    return state


def _sla_breached(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    state.breach_times.append(logged.occurred_at)
    return state


def _sla_breach_withdrawn(state: SatisfactionState, logged: LoggedEvent) -> SatisfactionState:
    withdraw_breach_time(state.breach_times, cast(Complaint.SlaBreachWithdrawn, logged.event))
    return state


def _complaints(state: SatisfactionState) -> dict[str, TrackedComplaint]:
    return state.complaints


_OWN_HANDLERS: dict[type[Event], Handler[SatisfactionState]] = {
    Engagement.Opened: _noop,
    Engagement.SurveyResponseRecorded: _survey_response,
    Complaint.Received: _received,
    Complaint.Escalated: _escalated,
    Complaint.Closed: _closed,
    Complaint.SlaBreached: _sla_breached,
    Complaint.SlaBreachWithdrawn: _sla_breach_withdrawn,
}
_HANDLERS = merge_handlers(
    {Complaint.Reopened: _cycle_ends},
    complaint_handlers(entry_in(_complaints)),
    _OWN_HANDLERS,
)


class SatisfactionView(EngagementView[SatisfactionState, SatisfactionReport]):
    """Survey scores and complaint handling of each engagement."""

    name = "satisfaction"
    state_type = SatisfactionState
    handlers = _HANDLERS
    entry_fields = ("complaints",)

    def initial(self, logged: LoggedEvent) -> SatisfactionState:
        return SatisfactionState(engagement_id=logged.engagement_id)

    def unchanged_until(self, state: SatisfactionState, at: datetime) -> datetime | None:
        # A complaint's clock falling due, a breach entering or leaving the window.
        return earliest(
            window_turns(state.breach_times, at, BREACH_WINDOW),
            *(c.turns_past_due(at) for c in state.complaints.values()),
        )

    def report(self, state: SatisfactionState, at: datetime) -> SatisfactionReport:
        return SatisfactionReport(
            surveys=survey_figures(state.survey_weeks),
            complaints=_complaint_figures(list(state.complaints.values()), state.closed, at),
            sla_breaches=BreachFigures(
                recorded=len(state.breach_times),
                occurred_times=tuple(sorted(state.breach_times)),
                trailing_28_days=sum(1 for t in state.breach_times if at - BREACH_WINDOW < t <= at),
            ),
        )


def _complaint_figures(
    complaints: list[TrackedComplaint], closed: ClosedComplaints, at: datetime
) -> ComplaintFigures:
    resolved_once = [c for c in complaints if c.resolution_seconds is not None]
    cycles = [cycle for c in complaints for cycle in c.resolution_cycles]
    received = len(complaints) + closed.count
    # Every closed complaint was resolved at least once.
    ever_resolved = len(resolved_once) + closed.count
    return ComplaintFigures(
        received=received,
        open_by_severity=_by_severity(c for c in complaints if c.open),
        open_past_due_by_severity=_by_severity(c for c in complaints if c.open and c.past_due(at)),
        first_response_time=_durations(
            [c.first_response_seconds for c in complaints], closed.first_response_seconds
        ),
        resolution_time=_durations(
            [c.resolution_seconds for c in complaints], closed.resolution_seconds
        ),
        sla_compliance={
            SlaClock.FIRST_RESPONSE: compliance(
                [c.first_response for c in complaints], at, closed.first_response
            ),
            SlaClock.RESOLUTION: compliance(cycles, at, closed.resolution),
        },
        reopen_rate_percent=percent(
            sum(c.reopened for c in resolved_once) + closed.reopened, ever_resolved
        ),
        escalation_rate_percent=percent(
            sum(c.escalated for c in complaints) + closed.escalated, received
        ),
    )


def _by_severity(complaints: Iterable[TrackedComplaint]) -> dict[Severity, int]:
    counts = Counter(c.severity for c in complaints)
    return {severity: counts[severity] for severity in Severity}


def _durations(seconds: list[float | None], settled: list[float]) -> DurationFigures:
    values = [s for s in seconds if s is not None] + settled
    return DurationFigures(len(values), median(values), p90(values))
