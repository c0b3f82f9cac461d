from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.base import Stamp
from domain.calendar import BusinessCalendar, CalendarRules, calendar_rules, working_hours
from domain.errors import InvalidValue, RuleViolation
from tests.unit.domain.checks import assert_invalid, assert_rule

BERLIN, NEW_YORK = "Europe/Berlin", "America/New_York"


def week(zone: str, *spans: tuple[str, str], days: str = "mon-fri", holidays: tuple[date, ...] = ()
         ) -> CalendarRules:  # fmt: skip
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    chosen = names[:5] if days == "mon-fri" else names
    hours = [working_hours(day, start, end) for day in chosen for start, end in spans]
    return calendar_rules(zone, hours, holidays)


OFFICE = week(BERLIN, ("09:00", "12:00"), ("13:00", "17:00"))  # 7 working hours a weekday


def local(zone: str, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=ZoneInfo(zone))  # type: ignore[misc]


# Arithmetic


def test_time_added_skips_lunch_the_night_and_the_weekend() -> None:
    friday_eleven = local(BERLIN, 2026, 3, 6, 11)
    # 1 h before lunch, 4 h in the afternoon, then Monday from 09:00.
    assert OFFICE.add(friday_eleven, timedelta(hours=7)) == local(BERLIN, 2026, 3, 9, 11)
    assert OFFICE.elapsed(friday_eleven, local(BERLIN, 2026, 3, 9, 11)) == timedelta(hours=7)


def test_time_started_outside_working_hours_starts_counting_at_the_next_start() -> None:
    saturday = local(BERLIN, 2026, 3, 7, 22)
    assert OFFICE.add(saturday, timedelta(minutes=30)) == local(BERLIN, 2026, 3, 9, 9, 30)
    assert OFFICE.next_working(saturday) == local(BERLIN, 2026, 3, 9, 9)


def test_a_target_that_ends_with_the_day_is_due_at_its_last_minute() -> None:
    monday_nine = local(BERLIN, 2026, 3, 9, 9)
    assert OFFICE.add(monday_nine, timedelta(hours=7)) == local(BERLIN, 2026, 3, 9, 17)


def test_a_holiday_has_no_working_time() -> None:
    holiday = date(2026, 3, 9)
    rules = week(BERLIN, ("09:00", "17:00"), holidays=(holiday,))
    friday_four = local(BERLIN, 2026, 3, 6, 16)
    assert rules.add(friday_four, timedelta(hours=2)) == local(BERLIN, 2026, 3, 10, 10)
    assert rules.elapsed(local(BERLIN, 2026, 3, 9, 0), local(BERLIN, 2026, 3, 10, 0)) == timedelta(
        0
    )


@pytest.mark.parametrize(
    ("zone", "spring_forward", "fall_back"),
    [(BERLIN, date(2026, 3, 29), date(2026, 10, 25)),
     (NEW_YORK, date(2026, 3, 8), date(2026, 11, 1))],
)  # fmt: skip
def test_a_night_shift_works_the_hours_the_wall_clock_shows_across_clock_changes(
    zone: str, spring_forward: date, fall_back: date
) -> None:
    # 01:00-04:00 every night: the spring change skips an hour of it, the
    # autumn change repeats one.
    rules = week(zone, ("01:00", "04:00"), days="all")
    for day, hours in ((spring_forward, 2), (fall_back, 4), (date(2026, 6, 1), 3)):
        start = datetime.combine(day, datetime.min.time(), ZoneInfo(zone))
        assert rules.elapsed(start, start + timedelta(days=1)) == timedelta(hours=hours), day


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK])
def test_office_hours_span_a_clock_change_weekend_by_the_wall_clock(zone: str) -> None:
    rules = week(zone, ("09:00", "17:00"))
    friday = {BERLIN: date(2026, 3, 27), NEW_YORK: date(2026, 3, 6)}[zone]
    friday_four = datetime.combine(friday, datetime.min.time(), ZoneInfo(zone)) + timedelta(
        hours=16
    )
    due = rules.add(friday_four, timedelta(hours=2))
    assert due.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == datetime.combine(
        friday + timedelta(days=3), datetime.min.time()
    ) + timedelta(hours=10)


def test_elapsed_is_negative_when_the_end_comes_first() -> None:
    start, end = local(BERLIN, 2026, 3, 9, 10), local(BERLIN, 2026, 3, 9, 11)
    assert OFFICE.elapsed(end, start) == -timedelta(hours=1)


def test_zero_time_added_is_the_start_itself() -> None:
    sunday = local(BERLIN, 2026, 3, 8, 12)
    assert OFFICE.add(sunday, timedelta(0)) == sunday


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=300))
calendars = st.sampled_from(
    [
        OFFICE,
        week(NEW_YORK, ("08:30", "12:00"), ("12:30", "18:00"), holidays=(date(2026, 7, 3),)),
        week(BERLIN, ("00:00", "03:00"), ("22:00", "24:00"), days="all"),
        week("Asia/Kolkata", ("09:30", "18:30")),
    ]
)


@settings(max_examples=300, deadline=None)
@given(calendar=calendars, start=moments, duration=durations)
def test_adding_then_measuring_working_time_round_trips(
    calendar: CalendarRules, start: datetime, duration: timedelta
) -> None:
    due = calendar.add(start, duration)
    assert due >= start
    assert calendar.elapsed(start, due) == duration


@settings(max_examples=300, deadline=None)
@given(calendar=calendars, start=moments, end=moments)
def test_measuring_then_adding_lands_on_the_end_or_the_work_before_it(
    calendar: CalendarRules, start: datetime, end: datetime
) -> None:
    start, end = min(start, end), max(start, end)
    reached = calendar.add(start, calendar.elapsed(start, end))
    assert reached <= end
    assert calendar.elapsed(reached, end) == timedelta(0)


@settings(max_examples=200, deadline=None)
@given(calendar=calendars, start=moments, a=durations, b=durations)
def test_adding_is_monotonic_and_additive(
    calendar: CalendarRules, start: datetime, a: timedelta, b: timedelta
) -> None:
    first = calendar.add(start, a)
    assert calendar.add(start, a + b) == calendar.add(first, b) or b == timedelta(0)
    assert calendar.add(start, min(a, b)) <= calendar.add(start, max(a, b))


# Rules


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [("22:00", "02:00", "end"), ("09:00", "09:00", "end"), ("9", "17:00", "start"),
     ("09:00", "24:30", "end"), ("24:00", "24:00", "end"), ("25:00", "26:00", "start")],
)  # fmt: skip
def test_an_interval_must_end_after_it_starts_on_the_same_day(
    start: str, end: str, field: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        working_hours("monday", start, end)
    assert caught.value.field == field


def test_a_night_shift_is_two_intervals_either_side_of_midnight() -> None:
    rules = calendar_rules(
        BERLIN,
        [working_hours("monday", "22:00", "24:00"), working_hours("tuesday", "00:00", "06:00")],
    )
    monday_eleven = local(BERLIN, 2026, 3, 9, 23)
    assert rules.add(monday_eleven, timedelta(hours=2)) == local(BERLIN, 2026, 3, 10, 1)


@pytest.mark.parametrize(
    ("zone", "hours", "field"),
    [("Mars/Olympus", [working_hours("monday", "09:00", "17:00")], "timeZone"),
     (BERLIN, [], "hours"),
     (BERLIN, [working_hours("monday", "09:00", "13:00"),
               working_hours("monday", "12:00", "17:00")], "hours")],
)  # fmt: skip
def test_rules_refuse_an_unknown_zone_no_hours_or_overlapping_intervals(
    zone: str,
    hours: list,
    field: str,  # type: ignore[type-arg]
) -> None:
    with pytest.raises(InvalidValue) as caught:
        calendar_rules(zone, hours)
    assert caught.value.field == field


def test_an_unknown_day_is_refused_naming_the_days() -> None:
    with pytest.raises(InvalidValue, match="monday"):
        working_hours("someday", "09:00", "17:00")


# The aggregate

STAMP = Stamp("ana", datetime(2026, 3, 2, 9, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC))


def test_a_revision_replaces_the_rules_and_keeps_the_old_version_in_history() -> None:
    calendar = BusinessCalendar.define(id=UUID(int=1), name=" Berlin ", rules=OFFICE, stamp=STAMP)
    summer = week(BERLIN, ("08:00", "16:00"))
    calendar.revise(rules=summer, reason="Summer hours", stamp=STAMP)
    assert (calendar.name, calendar.rules, calendar.version) == ("Berlin", summer, 2)
    assert [type(e).__name__ for e in calendar.pending_events] == ["Defined", "Revised"]


def test_a_revision_that_changes_nothing_is_refused() -> None:
    calendar = BusinessCalendar.define(id=UUID(int=1), name="Berlin", rules=OFFICE, stamp=STAMP)
    assert_rule(
        calendar,
        lambda: calendar.revise(rules=OFFICE, reason="Again", stamp=STAMP),
        "calendar.revision_changes",
    )
    assert_invalid(
        calendar,
        lambda: calendar.revise(rules=week(BERLIN, ("07:00", "15:00")), reason=" ", stamp=STAMP),
        "reason",
    )


def test_rules_with_no_working_time_in_reach_refuse_to_add() -> None:
    rules = calendar_rules(BERLIN, [working_hours("monday", "09:00", "10:00")],
                           [date(2026, 3, 9) + timedelta(weeks=w) for w in range(200)])  # fmt: skip
    with pytest.raises(RuleViolation):
        rules.add(local(BERLIN, 2026, 3, 8), timedelta(hours=1))
