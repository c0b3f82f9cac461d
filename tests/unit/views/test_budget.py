"""Budget figures on a 100-day schedule (1 Jan - 11 Apr 2026) and a 10 000.00 budget,
unless a test says otherwise; every expected figure is worked out beside it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import UUID

from application.views.budget import BudgetReport, BudgetView, BurnPoint, EarnedValue
from application.views.figures import iso_week
from domain.engagement import CostCategory, Engagement
from tests.unit.views.builders import (
    EventLog,
    assert_plain,
    complete_milestone,
    moment,
    open_engagement,
    plan_milestone,
    record_cost,
    stamp,
)

VIEW = BudgetView()
DAY1 = moment(date(2026, 1, 2))
NOTHING = Decimal("0.00")


def report(log: EventLog, engagement: Engagement, on: date) -> BudgetReport:
    return VIEW.report(log.state(VIEW, engagement.id), moment(on))


def test_an_engagement_with_only_its_opened_event_has_budget_and_no_cost() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    result = report(log, engagement, date(2026, 1, 1))

    # The week of Thursday 1 Jan starts on Monday 29 Dec: AC 0, PV 10 000 * 0 elapsed.
    assert result.burn.points() == [BurnPoint(date(2025, 12, 29), NOTHING, NOTHING, None)]
    assert result == BudgetReport(
        currency="EUR",
        original_budget=Decimal("10000.00"),
        budget=Decimal("10000.00"),
        actual_cost=Decimal(0),
        remaining_budget=Decimal("10000.00"),
        cost_by_category={category: Decimal(0) for category in CostCategory},
        cost_by_week={},
        consumed_percent=NOTHING,
        elapsed_percent=NOTHING,  # day 0 of 100
        burn_rate_per_week=NOTHING,
        projected_exhaustion=None,  # nothing is burning
        # No milestones: PV = 10 000 * 0 elapsed; EV unknown, so no CPI, SPI or EAC.
        earned_value=EarnedValue(NOTHING, None, None, None, None),
        burn=result.burn,
    )


def test_costs_add_up_by_category_and_by_iso_week_of_the_day_incurred() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    record_cost(log, engagement, "1200.00", date(2026, 2, 2), category="labour")  # Monday, W06
    record_cost(log, engagement, "300.50", date(2026, 2, 4), category="travel")  # Wednesday, W06
    record_cost(log, engagement, "800.00", date(2026, 2, 9), category="labour")  # Monday, W07

    result = report(log, engagement, date(2026, 2, 10))

    assert result.actual_cost == Decimal("2300.50")  # 1200 + 300.50 + 800
    assert result.remaining_budget == Decimal("7699.50")  # 10 000 - 2300.50
    assert result.cost_by_category == {
        CostCategory.LABOUR: Decimal("2000.00"),  # 1200 + 800
        CostCategory.MATERIAL: Decimal(0),
        CostCategory.TRAVEL: Decimal("300.50"),
        CostCategory.SUBCONTRACT: Decimal(0),
        CostCategory.OTHER: Decimal(0),
    }
    assert result.cost_by_week == {"2026-W06": Decimal("1500.50"), "2026-W07": Decimal("800.00")}
    # 2300.50 / 10 000 * 100 = 23.005 -> 23.00 (half to even)
    assert result.consumed_percent == Decimal("23.00")


def test_weeks_are_keyed_by_iso_year_at_the_turn_of_the_year() -> None:
    log = EventLog()
    engagement = open_engagement(log, moment(date(2025, 12, 1)))
    # Tuesday 30 Dec 2025 is in the week of Monday 29 Dec, ISO week 1 of 2026.
    record_cost(log, engagement, "50.00", date(2025, 12, 30))

    assert report(log, engagement, date(2026, 1, 2)).cost_by_week == {"2026-W01": Decimal("50.00")}
    assert iso_week(date(2027, 1, 1)) == "2026-W53"  # a Friday; 2026 has 53 ISO weeks


def test_a_revised_budget_replaces_the_budget_in_every_figure() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    record_cost(log, engagement, "2300.50", date(2026, 2, 2))
    engagement.revise_budget(
        new_budget=Decimal("12000.00"), reason="Scope grew", stamp=stamp(moment(date(2026, 2, 3)))
    )
    log.record(engagement)

    result = report(log, engagement, date(2026, 2, 20))

    assert (result.original_budget, result.budget) == (Decimal("10000.00"), Decimal("12000.00"))
    assert result.remaining_budget == Decimal("9699.50")  # 12 000 - 2300.50
    # 2300.50 / 12 000 * 100 = 19.1708... -> 19.17
    assert result.consumed_percent == Decimal("19.17")
    # No milestones: PV = 12 000 * 50 / 100 days elapsed
    assert result.earned_value.planned_value == Decimal("6000.00")


def test_elapsed_share_of_the_schedule_is_linear_and_clamped_to_0_and_100() -> None:
    log = EventLog()
    engagement = open_engagement(log)

    def elapsed(on: date) -> Decimal | None:
        return report(log, engagement, on).elapsed_percent

    assert elapsed(date(2025, 12, 15)) == NOTHING  # -17 / 100 days, clamped to 0
    assert elapsed(date(2026, 1, 1)) == NOTHING  # 0 / 100
    assert elapsed(date(2026, 2, 20)) == Decimal("50.00")  # 50 / 100
    assert elapsed(date(2026, 4, 11)) == Decimal("100.00")  # 100 / 100
    assert elapsed(date(2026, 5, 1)) == Decimal("100.00")  # 120 / 100, clamped to 100


def test_a_schedule_of_one_day_is_0_elapsed_before_it_and_100_from_it() -> None:
    log = EventLog()
    day = date(2026, 1, 10)
    engagement = open_engagement(log, moment(date(2026, 1, 1)), planned_start=day, planned_end=day)

    assert report(log, engagement, date(2026, 1, 9)).elapsed_percent == NOTHING
    assert report(log, engagement, day).elapsed_percent == Decimal("100.00")


def test_without_milestones_planned_value_is_linear_in_time_and_earned_value_unknown() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    record_cost(log, engagement, "1000.00", date(2026, 1, 20))

    at_day_25 = report(log, engagement, date(2026, 1, 26)).earned_value
    at_day_50 = report(log, engagement, date(2026, 2, 20)).earned_value

    assert at_day_25.planned_value == Decimal("2500.00")  # 10 000 * 25 / 100
    assert at_day_50.planned_value == Decimal("5000.00")  # 10 000 * 50 / 100
    assert at_day_50 == EarnedValue(Decimal("5000.00"), None, None, None, None)


def test_burn_rate_counts_only_costs_incurred_in_the_28_days_up_to_the_date() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    record_cost(log, engagement, "400.00", date(2026, 2, 1))  # 29th day back: outside
    record_cost(log, engagement, "1000.00", date(2026, 2, 2))  # 28th day back: inside
    record_cost(log, engagement, "1800.00", date(2026, 3, 1))  # the date itself: inside

    result = report(log, engagement, date(2026, 3, 1))

    assert result.actual_cost == Decimal("3200.00")  # every cost: 400 + 1000 + 1800
    assert result.burn_rate_per_week == Decimal("700.00")  # (1000 + 1800) / 4
    # Remaining 10 000 - 3200 = 6800 at a daily burn of 2800 / 28 = 100: 68 days,
    # 1 Mar + 68 days = 8 May.
    assert result.projected_exhaustion == date(2026, 5, 8)


def test_costs_dated_after_the_report_date_are_not_burning_yet() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    record_cost(log, engagement, "1000.00", date(2026, 2, 2))
    record_cost(log, engagement, "5000.00", date(2026, 3, 1))

    result = report(log, engagement, date(2026, 2, 20))

    assert result.actual_cost == Decimal("6000.00")  # 1000 + 5000: in the state
    assert result.burn_rate_per_week == Decimal("250.00")  # only 1000 / 4


def test_projected_exhaustion_counts_the_whole_days_the_remaining_budget_covers() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    record_cost(log, engagement, "1000.00", date(2026, 2, 2))
    record_cost(log, engagement, "1900.00", date(2026, 3, 1))

    result = report(log, engagement, date(2026, 3, 1))

    assert result.burn_rate_per_week == Decimal("725.00")  # 2900 / 4
    # 7100 remaining / (2900 / 28 a day) = 68.55 days, rounded down to 68: 8 May.
    assert result.projected_exhaustion == date(2026, 5, 8)


def test_projected_exhaustion_is_none_when_nothing_remains() -> None:
    log = EventLog()
    engagement = open_engagement(log, budget=Decimal("1000.00"))
    record_cost(log, engagement, "1000.00", date(2026, 1, 20))

    result = report(log, engagement, date(2026, 1, 21))

    assert result.remaining_budget == Decimal("0.00")
    assert result.consumed_percent == Decimal("100.00")
    assert result.projected_exhaustion is None


def test_projected_exhaustion_is_none_past_the_end_of_the_calendar() -> None:
    log = EventLog()
    engagement = open_engagement(log, budget=Decimal("999999999999999"))
    record_cost(log, engagement, "0.01", date(2026, 1, 20))

    # 10^15 - 1 / (0.01 / 28) days is far beyond year 9999.
    assert report(log, engagement, date(2026, 1, 21)).projected_exhaustion is None


def _three_milestones(log: EventLog, engagement: Engagement) -> list[UUID]:
    """Weights 2, 3, 5 (total 10), due 31 Jan, 28 Feb and 10 Apr."""
    return [
        plan_milestone(log, engagement, DAY1, date(2026, 1, 31), weight=2),
        plan_milestone(log, engagement, DAY1, date(2026, 2, 28), weight=3),
        plan_milestone(log, engagement, DAY1, date(2026, 4, 10), weight=5),
    ]


def test_earned_value_uses_the_weights_due_and_the_weights_completed() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    first, _, _ = _three_milestones(log, engagement)
    complete_milestone(log, engagement, moment(date(2026, 1, 30)), first)
    record_cost(log, engagement, "2500.00", date(2026, 2, 2))

    result = report(log, engagement, date(2026, 3, 1)).earned_value

    assert result == EarnedValue(
        planned_value=Decimal("5000.00"),  # 10 000 * (2 + 3) / 10 due by 1 Mar
        earned_value=Decimal("2000.00"),  # 10 000 * 2 / 10 completed
        cpi=Decimal("0.80"),  # 2000 / 2500
        spi=Decimal("0.40"),  # 2000 / 5000
        eac=Decimal("12500.00"),  # 10 000 / 0.8
    )


def test_a_milestone_due_on_the_report_date_counts_as_planned() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    _three_milestones(log, engagement)

    def planned_value(on: date) -> Decimal | None:
        return report(log, engagement, on).earned_value.planned_value

    assert planned_value(date(2026, 2, 27)) == Decimal("2000.00")  # 10 000 * 2 / 10
    assert planned_value(date(2026, 2, 28)) == Decimal("5000.00")  # 10 000 * (2 + 3) / 10


def test_with_no_cost_yet_cpi_and_eac_are_none() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    first, _, _ = _three_milestones(log, engagement)
    complete_milestone(log, engagement, moment(date(2026, 1, 30)), first)

    result = report(log, engagement, date(2026, 2, 1))

    # EV 2000, AC 0: CPI has no denominator, so neither has EAC; SPI = 2000 / 2000.
    assert result.earned_value == EarnedValue(
        Decimal("2000.00"), Decimal("2000.00"), None, Decimal("1.00"), None
    )
    assert result.projected_exhaustion is None


def test_with_nothing_due_yet_spi_is_none() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    _, _, last = _three_milestones(log, engagement)
    complete_milestone(log, engagement, moment(date(2026, 1, 10)), last)
    record_cost(log, engagement, "1000.00", date(2026, 1, 10))

    result = report(log, engagement, date(2026, 1, 11)).earned_value

    assert result.planned_value == NOTHING  # no milestone due by 11 Jan
    assert result.earned_value == Decimal("5000.00")  # 10 000 * 5 / 10
    assert result.cpi == Decimal("5.00")  # 5000 / 1000
    assert result.spi is None


def test_ratios_are_rounded_once_from_exact_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    done = plan_milestone(log, engagement, DAY1, date(2026, 1, 31), weight=1)
    plan_milestone(log, engagement, DAY1, date(2026, 2, 28), weight=2)
    complete_milestone(log, engagement, DAY1, done)
    record_cost(log, engagement, "1000.00", date(2026, 1, 2))

    result = report(log, engagement, date(2026, 1, 3)).earned_value

    assert result.earned_value == Decimal("3333.33")  # 10 000 * 1 / 3
    assert result.cpi == Decimal("3.33")  # 3333.33... / 1000
    # EAC = 10 000 / 3.333... = 3000 exactly; from the rounded CPI it would be 3003.00.
    assert result.eac == Decimal("3000.00")


def test_money_has_exactly_its_currencys_minor_unit_places_divisions_rounded_half_even() -> None:
    log = EventLog()
    yen = open_engagement(log, budget=Decimal("1000000"), currency="JPY")
    record_cost(log, yen, "1530", date(2026, 3, 1))
    dinar = open_engagement(log, budget=Decimal("100"), currency="KWD")
    record_cost(log, dinar, "0.125", date(2026, 3, 1))

    in_yen = report(log, yen, date(2026, 3, 1))
    in_dinar = report(log, dinar, date(2026, 3, 1))

    assert (str(in_yen.budget), str(in_yen.actual_cost)) == ("1000000", "1530")
    assert str(in_yen.burn_rate_per_week) == "382"  # 1530 / 4 = 382.5: the even neighbour
    assert str(in_yen.cost_by_category[CostCategory.TRAVEL]) == "0"
    assert (str(in_dinar.budget), str(in_dinar.remaining_budget)) == ("100.000", "99.875")
    assert str(in_dinar.burn_rate_per_week) == "0.031"  # 0.125 / 4 = 0.03125: half to even
    assert str(report(log, open_engagement(log), date(2026, 3, 1)).actual_cost) == "0.00"


def test_the_state_holds_only_plain_values() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    _three_milestones(log, engagement)
    record_cost(log, engagement, "10.00", date(2026, 1, 5))

    assert_plain(log.state(VIEW, engagement.id))


# Burn over time


def burn(log: EventLog, engagement: Engagement, on: date) -> list[BurnPoint]:
    return report(log, engagement, on).burn.points()


def euros(amount: str) -> Decimal:
    return Decimal(amount)


def test_burn_has_a_point_per_week_with_cost_to_date_and_linear_planned_value() -> None:
    log = EventLog()
    engagement = open_engagement(log)  # Thursday 1 Jan - 11 Apr, no milestones
    record_cost(log, engagement, "1000.00", date(2026, 1, 5))
    record_cost(log, engagement, "500.00", date(2026, 1, 14))
    record_cost(log, engagement, "300.00", date(2026, 1, 20))

    points = burn(log, engagement, date(2026, 1, 21))  # a Wednesday

    assert points == [
        # Week's Monday, AC to its Sunday, PV = 10 000 * days elapsed by then / 100.
        BurnPoint(date(2025, 12, 29), NOTHING, euros("300.00"), None),  # to 4 Jan: 3 days
        BurnPoint(date(2026, 1, 5), euros("1000.00"), euros("1000.00"), None),  # 11 Jan: 10
        BurnPoint(date(2026, 1, 12), euros("1500.00"), euros("1700.00"), None),  # 18 Jan: 17
        # The current week stops at 21 Jan, day 20: the budget's own figures.
        BurnPoint(date(2026, 1, 19), euros("1800.00"), euros("2000.00"), None),
    ]
    budget = report(log, engagement, date(2026, 1, 21))
    assert (points[-1].actual_cost, points[-1].planned_value) == (
        budget.actual_cost,
        budget.earned_value.planned_value,
    )


def test_burn_values_milestones_due_and_completed_by_the_end_of_each_week() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    first, second, _ = _three_milestones(log, engagement)  # 2, 3, 5 due 31 Jan, 28 Feb, 10 Apr
    complete_milestone(log, engagement, moment(date(2026, 1, 30)), first)
    record_cost(log, engagement, "2500.00", date(2026, 2, 2))
    # At midnight starting Monday 9 Feb: in that week, not the one before.
    complete_milestone(log, engagement, moment(date(2026, 2, 9), 0), second)

    points = burn(log, engagement, date(2026, 2, 10))

    nothing_yet = [BurnPoint(date(2025, 12, 29) + timedelta(weeks=i), NOTHING, NOTHING, NOTHING)
                   for i in range(4)]  # fmt: skip
    assert points == [
        *nothing_yet,  # the weeks of 29 Dec, 5, 12 and 19 Jan: nothing due, done or spent
        # To 1 Feb: the first (weight 2 of 10) due 31 Jan and done 30 Jan.
        BurnPoint(date(2026, 1, 26), NOTHING, euros("2000.00"), euros("2000.00")),
        BurnPoint(date(2026, 2, 2), euros("2500.00"), euros("2000.00"), euros("2000.00")),
        # To 10 Feb: the second (3) done, not due till 28 Feb: EV 10 000 * 5 / 10.
        BurnPoint(date(2026, 2, 9), euros("2500.00"), euros("2000.00"), euros("5000.00")),
    ]
    earned = report(log, engagement, date(2026, 2, 10)).earned_value
    assert (earned.planned_value, earned.earned_value) == (euros("2000.00"), euros("5000.00"))


def test_burn_starts_with_a_cost_incurred_before_the_planned_start() -> None:
    log = EventLog()
    engagement = open_engagement(log, moment(date(2025, 12, 1)))  # planned from 1 Jan
    record_cost(log, engagement, "50.00", date(2025, 12, 20))  # a Saturday

    assert burn(log, engagement, date(2025, 12, 31)) == [
        BurnPoint(date(2025, 12, 15), euros("50.00"), NOTHING, None),  # elapsed clamped to 0
        BurnPoint(date(2025, 12, 22), euros("50.00"), NOTHING, None),
        BurnPoint(date(2025, 12, 29), euros("50.00"), NOTHING, None),
    ]


def test_burn_is_empty_before_the_planned_start_and_the_first_cost() -> None:
    log = EventLog()
    engagement = open_engagement(log, moment(date(2025, 12, 1)))

    assert burn(log, engagement, date(2025, 12, 31)) == []


def test_burn_of_the_current_week_counts_every_cost_the_budget_counts() -> None:
    log = EventLog()
    engagement = open_engagement(log)
    # Monday 26 Jan at 01:00 in UTC+2 is still Sunday 25 Jan in UTC.
    east = datetime(2026, 1, 26, 1, tzinfo=timezone(timedelta(hours=2)))
    record_cost(log, engagement, "70.00", date(2026, 1, 26), at=east)
    sunday_night = datetime(2026, 1, 25, 23, 30, tzinfo=UTC)

    result = VIEW.report(log.state(VIEW, engagement.id), sunday_night)

    assert result.actual_cost == euros("70.00")
    # The week of 19 Jan ends on 25 Jan, day 24 of 100: PV 2400.
    assert result.burn.points()[-1] == BurnPoint(
        date(2026, 1, 19), euros("70.00"), euros("2400.00"), None
    )


def test_burn_money_has_its_currencys_minor_unit_places() -> None:
    log = EventLog()
    yen = open_engagement(log, budget=Decimal("1000001"), currency="JPY")

    # 1 000 001 * 3 / 100 = 30 000.03 yen by Sunday 4 Jan.
    [point] = burn(log, yen, date(2026, 1, 4))

    assert (str(point.actual_cost), str(point.planned_value)) == ("0", "30000")
