"""Business calendars: when a service team works, and time counted in working time.

A calendar's rules are working intervals per weekday (several a day, for a lunch
break), in local wall-clock time of one time zone, and holidays (local dates,
on which nobody works). An SLA measured on a calendar counts only working time:
a four-hour target set at 16:00 on a Friday, with a 9-17 week, is due at 12:00
on Monday.

Times are compared and added as UTC instants. A local interval is turned into
instants day by day through the zone's rules, so a day whose clocks change
still works its intervals as the wall clock shows them: the hour that a spring
change skips is not worked, and the hour an autumn change repeats is worked
twice when it falls inside an interval.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from itertools import pairwise
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.base import EventSourcedAggregate, Stamp, require_line, require_text
from domain.errors import InvalidValue, RuleViolation

MINUTES_A_DAY = 24 * 60
# How far ahead the arithmetic looks for working time before it gives up: far
# beyond any SLA target, and a bound on the work a malformed question costs.
_HORIZON = 3 * 366


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def number(self) -> int:
        """0 for Monday, as `date.weekday()` counts."""
        return list(Weekday).index(self)


@dataclass(frozen=True)
class WorkingHours:
    """One working interval of a weekday, [start, end) in minutes after local
    midnight; `end` may be 1440, the midnight that ends the day."""

    day: Weekday
    start_minute: int
    end_minute: int

    @property
    def label(self) -> str:
        return f"{self.day.value} {_clock(self.start_minute)}-{_clock(self.end_minute)}"


def working_hours(day: Weekday | str, start: str, end: str) -> WorkingHours:
    """An interval from "HH:MM" times; "24:00" is the end of the day. An interval
    must end after it starts on the same day: a night shift is two intervals,
    one each side of midnight."""
    try:
        weekday = Weekday(day)
    except ValueError:
        days = ", ".join(d.value for d in Weekday)
        raise InvalidValue("day", f"must be one of: {days}") from None
    start_minute, end_minute = _minutes("start", start), _minutes("end", end)
    if end_minute <= start_minute:
        raise InvalidValue(
            "end",
            f"{end} is not after {start}: an interval ends on the day it starts "
            "(split one that crosses midnight into two)",
        )
    if start_minute == MINUTES_A_DAY:
        raise InvalidValue("start", "24:00 ends a day; it cannot start an interval")
    return WorkingHours(weekday, start_minute, end_minute)


@dataclass(frozen=True)
class CalendarRules:
    """Working hours and holidays in one time zone, and time counted in them."""

    time_zone: str
    hours: tuple[WorkingHours, ...]
    holidays: tuple[date, ...] = ()

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The instant when `duration` of working time has passed after `start`
        (`start` itself when `duration` is zero or less)."""
        remaining = duration
        start = start.astimezone(UTC)
        if remaining <= timedelta(0):
            return start
        for begin, end in self._periods(start):
            since = max(begin, start)
            if remaining <= end - since:
                return since + remaining
            remaining -= end - since
        raise self._no_working_time()

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        """Working time between two instants; negative when `end` comes first."""
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        if end < start:
            return -self.elapsed(end, start)
        total = timedelta(0)
        for begin, finish in self._periods(start):
            if begin >= end:
                break
            total += min(finish, end) - max(begin, start)
        return total

    def next_working(self, at: datetime) -> datetime:
        """`at` when it falls in working time, else the next start of work."""
        at = at.astimezone(UTC)
        for begin, _ in self._periods(at):
            return max(begin, at)
        raise self._no_working_time()

    def _periods(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working periods that end after `start`, in time order, as UTC instants,
        from the local day of `start` (and the day before, whose interval may
        end after `start` when the zone's offset moved)."""
        zone = self._zone
        day = start.astimezone(zone).date() - timedelta(days=1)
        holidays = self._holiday_set
        for _ in range(_HORIZON):
            if day not in holidays:
                for start_minute, end_minute in self._by_weekday[day.weekday()]:
                    begin = _instant(day, start_minute, zone)
                    end = _instant(day, end_minute, zone)
                    if end > begin and end > start:
                        yield begin, end
            day += timedelta(days=1)

    @cached_property
    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @cached_property
    def _holiday_set(self) -> frozenset[date]:
        return frozenset(self.holidays)

    @cached_property
    def _by_weekday(self) -> list[list[tuple[int, int]]]:
        week: list[list[tuple[int, int]]] = [[] for _ in Weekday]
        for hours in sorted(self.hours, key=lambda h: (h.day.number, h.start_minute)):
            week[hours.day.number].append((hours.start_minute, hours.end_minute))
        return week

    def _no_working_time(self) -> RuleViolation:
        return RuleViolation(
            "calendar.has_working_time",
            f"the calendar has no working time in the {_HORIZON} days ahead",
        )


def calendar_rules(
    time_zone: str, hours: Iterable[WorkingHours], holidays: Iterable[date] = ()
) -> CalendarRules:
    """Rules checked: a known time zone, intervals that do not overlap, and some
    working time in the week."""
    zone_name = require_line("timeZone", time_zone, max_length=100)
    try:
        ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidValue("timeZone", f"{zone_name!r} is not a known time zone") from None
    ordered = tuple(sorted(hours, key=lambda h: (h.day.number, h.start_minute)))
    if not ordered:
        raise InvalidValue("hours", "a calendar needs some working hours in the week")
    for before, after in pairwise(ordered):
        if before.day == after.day and after.start_minute < before.end_minute:
            raise InvalidValue("hours", f"{before.label} overlaps {after.label}")
    return CalendarRules(zone_name, ordered, tuple(sorted(set(holidays))))


def _minutes(field: str, text: str) -> int:
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
    except ValueError:
        raise InvalidValue(field, f"{text!r} is not a time of day as HH:MM") from None
    total = hours * 60 + minutes
    if not (0 <= hours <= 24 and 0 <= minutes < 60 and total <= MINUTES_A_DAY):
        raise InvalidValue(field, f"{text!r} is not a time of day from 00:00 to 24:00")
    return total


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _instant(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of a local wall-clock minute of `day` (1440: the next midnight)."""
    if minute == MINUTES_A_DAY:
        day, minute = day + timedelta(days=1), 0
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone)
    return local.astimezone(UTC)


class BusinessCalendar(EventSourcedAggregate):
    """A named calendar; each revision replaces its rules and is kept in its history,
    so the rules in force at any time can be read back."""

    name: str
    rules: CalendarRules

    class Defined(EventSourcedAggregate.Created):
        name: str
        rules: CalendarRules

    def __init__(self, name: str, rules: CalendarRules) -> None:
        self.name = name
        self.rules = rules

    @classmethod
    def define(cls, *, id: UUID, name: str, rules: CalendarRules, stamp: Stamp) -> BusinessCalendar:
        return cls._start_stream(
            cls.Defined, id, stamp, name=require_line("name", name), rules=rules
        )

    class Revised(EventSourcedAggregate.Event):
        rules: CalendarRules
        reason: str

        def apply(self, calendar: Any) -> None:
            calendar.rules = self.rules

    def revise(self, *, rules: CalendarRules, reason: str, stamp: Stamp) -> None:
        """New working hours or holidays from now on; what was decided under the
        old rules keeps them."""
        if rules == self.rules:
            raise RuleViolation("calendar.revision_changes", "the rules are the same as now")
        self._record(self.Revised, stamp, rules=rules, reason=require_text("reason", reason))
