from __future__ import annotations

from datetime import date, datetime, timedelta

from application.views.risks import (
    OverdueReview,
    RiskExposure,
    RiskRegisterReport,
    RiskRegisterView,
)
from domain.engagement import Engagement
from domain.risk import RiskLevel, RiskState
from tests.unit.views.builders import (
    EventLog,
    assert_plain,
    assess_risk,
    assessed_risk,
    close_risk,
    identify_risk,
    moment,
    open_engagement,
    plan_risk_response,
    review_risk,
    risk_occurred,
)

VIEW = RiskRegisterView()
DAY = date(2026, 3, 2)
T0 = moment(DAY)
EMPTY_MAP = tuple(tuple(0 for _ in range(5)) for _ in range(5))


def report(log: EventLog, engagement: Engagement, at: datetime = T0) -> RiskRegisterReport:
    return VIEW.report(log.state(VIEW, engagement.id), at)


def cell(heat_map: tuple[tuple[int, ...], ...], probability: int, impact: int) -> int:
    return heat_map[probability - 1][impact - 1]


def test_an_engagement_with_no_risk_reports_an_empty_register() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    assert report(log, engagement) == RiskRegisterReport(
        risks_total=0,
        risks_by_state=dict.fromkeys(RiskState, 0),
        heat_map=EMPTY_MAP,
        top_exposures=(),
        reviews_overdue=(),
        max_exposure_without_plan=None,
    )


def test_a_risk_only_identified_is_counted_by_state_but_not_on_the_heat_map() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    identify_risk(log, engagement.id, T0)

    result = report(log, engagement)

    assert result.risks_by_state[RiskState.IDENTIFIED] == 1
    assert result.heat_map == EMPTY_MAP
    assert result.top_exposures == ()


def test_risks_by_state_list_every_state() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    identify_risk(log, engagement.id, T0)
    assessed_risk(log, engagement.id, T0, 2, 2)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 2, 2), T0)
    risk_occurred(log, assessed_risk(log, engagement.id, T0, 2, 2), T0)
    close_risk(log, assessed_risk(log, engagement.id, T0, 2, 2), T0)

    assert report(log, engagement).risks_by_state == {
        RiskState.IDENTIFIED: 1,
        RiskState.ASSESSED: 1,
        RiskState.RESPONDING: 1,
        RiskState.OCCURRED: 1,
        RiskState.CLOSED: 1,
    }


def test_heat_map_counts_open_risks_by_their_latest_assessment() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    reassessed = assessed_risk(log, engagement.id, T0, 2, 3)
    assess_risk(log, reassessed, T0 + timedelta(hours=1), 4, 5)
    assessed_risk(log, engagement.id, T0, 4, 5)
    close_risk(log, assessed_risk(log, engagement.id, T0, 5, 5), T0)
    risk_occurred(log, assessed_risk(log, engagement.id, T0, 1, 2), T0)

    heat_map = report(log, engagement).heat_map

    # (p 4, i 5): the re-assessed risk and the other one; its first (2, 3) no longer counts;
    # the closed (5, 5) is not open; an occurred risk is still open: (1, 2)
    assert (cell(heat_map, 4, 5), cell(heat_map, 2, 3), cell(heat_map, 5, 5)) == (2, 0, 0)
    assert cell(heat_map, 1, 2) == 1
    assert sum(map(sum, heat_map)) == 3


def test_top_exposures_are_the_five_highest_open_ones_with_their_level() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    for probability, impact in ((2, 2), (3, 3), (4, 4), (5, 5), (4, 5), (2, 5)):
        assessed_risk(log, engagement.id, T0, probability, impact, title=f"{probability}x{impact}")
    close_risk(log, assessed_risk(log, engagement.id, T0, 5, 5, title="closed"), T0)

    top = report(log, engagement).top_exposures

    # exposures 25, 20, 16, 10, 9 (and 4 left out; the closed 25 does not count);
    # levels: 20-25 critical, 10-16 high, 5-9 medium
    assert [(e.title, e.exposure, e.level) for e in top] == [
        ("5x5", 25, RiskLevel.CRITICAL),
        ("4x5", 20, RiskLevel.CRITICAL),
        ("4x4", 16, RiskLevel.HIGH),
        ("2x5", 10, RiskLevel.HIGH),
        ("3x3", 9, RiskLevel.MEDIUM),
    ]


def test_top_exposures_of_equal_exposure_list_the_earlier_identified_first() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    later = assessed_risk(log, engagement.id, T0 + timedelta(hours=1), 4, 3, title="later")
    earlier = assessed_risk(log, engagement.id, T0, 3, 4, title="earlier")

    top = report(log, engagement, T0 + timedelta(hours=2)).top_exposures

    assert top == (
        RiskExposure(earlier.id, "earlier", 3, 4, 12, RiskLevel.HIGH, False),
        RiskExposure(later.id, "later", 4, 3, 12, RiskLevel.HIGH, False),
    )


def test_a_review_is_overdue_only_after_its_date() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    risk = assessed_risk(log, engagement.id, T0, 3, 3)
    plan_risk_response(log, risk, T0)  # next review on DAY + 14 days = 16 March

    on_the_day = report(log, engagement, moment(date(2026, 3, 16), 23))
    day_after = report(log, engagement, moment(date(2026, 3, 17), 0))

    assert on_the_day.reviews_overdue == ()
    assert day_after.reviews_overdue == (
        OverdueReview(risk.id, "Key agent leaves", date(2026, 3, 16)),
    )


def test_a_review_moves_the_next_review_date_and_a_closed_risk_needs_none() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    reviewed = assessed_risk(log, engagement.id, T0, 3, 3, title="reviewed")
    plan_risk_response(log, reviewed, T0)
    review_risk(log, reviewed, T0 + timedelta(days=1), date(2026, 4, 1))
    closed = assessed_risk(log, engagement.id, T0, 3, 3, title="closed")
    plan_risk_response(log, closed, T0)
    close_risk(log, closed, T0 + timedelta(days=1))
    occurred = assessed_risk(log, engagement.id, T0, 3, 3, title="occurred")
    plan_risk_response(log, occurred, T0)
    risk_occurred(log, occurred, T0 + timedelta(days=1))

    result = report(log, engagement, moment(date(2026, 3, 20)))

    # 16 March passed: the occurred risk (still open) is overdue; reviewed is due 1 April
    assert [o.title for o in result.reviews_overdue] == ["occurred"]


def test_max_exposure_without_plan_ignores_planned_and_closed_risks() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 5, 5), T0)
    close_risk(log, assessed_risk(log, engagement.id, T0, 5, 4), T0)
    assessed_risk(log, engagement.id, T0, 4, 4)
    assessed_risk(log, engagement.id, T0, 2, 2)

    # unplanned and open: 16 and 4 -> 16
    assert report(log, engagement).max_exposure_without_plan == 16


def test_the_state_holds_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    plan_risk_response(log, assessed_risk(log, engagement.id, T0, 5, 5), T0)

    assert_plain(log.state(VIEW, engagement.id))
