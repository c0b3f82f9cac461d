"""`rapport calendar`: business calendars, defined and revised through the same
commands as over the API, so each revision is in the log; `rapport show ID`
prints one as it stands, and `rapport history ID` every version of it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from application.commands.sla import (
    DefineBusinessCalendar,
    ReviseBusinessCalendar,
    WorkingHoursSpec,
)
from domain.calendar import BusinessCalendar, Weekday
from interfaces.cli.common import application, console, execute, fail, parse_id

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Business calendars.")

# Where the command line takes each value a calendar command may refuse.
OPTIONS = {
    "name": "NAME",
    "timeZone": "--time-zone",
    "hours": "--hours",
    "day": "--hours",
    "start": "--hours",
    "end": "--hours",
    "reason": "--reason",
    "removeHolidays": "--no-holidays",
}

HOURS_HELP = 'Working hours, e.g. "mon-fri 09:00-12:00,13:00-17:00"; repeat for more days'
Holidays = Annotated[
    list[str] | None, typer.Option("--holiday", help="A holiday (YYYY-MM-DD); repeat")
]


@app.command("define")
def define(
    name: Annotated[str, typer.Argument(help="The calendar's name")],
    time_zone: Annotated[str, typer.Option("--time-zone", help="e.g. Europe/Berlin")],
    hours: Annotated[list[str], typer.Option("--hours", help=HOURS_HELP)],
    holiday: Holidays = None,
) -> None:
    """Define a calendar and print its id."""
    command = DefineBusinessCalendar(
        name=name, time_zone=time_zone, hours=_hours(hours), holidays=_dates(holiday)
    )
    result = execute(command, OPTIONS)
    console.print(f"Defined calendar {result.aggregate_id}.")


@app.command("revise")
def revise(
    calendar_id: Annotated[str, typer.Argument(help="The calendar's id")],
    *,
    reason: Annotated[str, typer.Option(help="Why the rules change")],
    time_zone: Annotated[
        str | None, typer.Option("--time-zone", help="A new time zone (default: as now)")
    ] = None,
    hours: Annotated[
        list[str] | None,
        typer.Option("--hours", help=f"The whole week's new hours (default: as now). {HOURS_HELP}"),
    ] = None,
    holiday: Annotated[
        list[str] | None,
        typer.Option("--holiday", help="Every holiday from now on (default: as now); repeat"),
    ] = None,
    no_holidays: Annotated[
        bool, typer.Option("--no-holidays", help="No holidays from now on")
    ] = False,
) -> None:
    """Change a calendar's rules from now on; complaints received before keep theirs.

    What is not given stays as it is."""
    command = ReviseBusinessCalendar(
        calendar_id=parse_id(calendar_id),
        time_zone=time_zone,
        hours=_hours(hours or []),
        holidays=_dates(holiday),
        remove_holidays=no_holidays,
        reason=reason,
    )
    result = execute(command, OPTIONS)
    console.print(f"Calendar {result.aggregate_id} is at version {result.version}.")


@app.command("list")
def list_calendars() -> None:
    """Every calendar with its rules now."""
    with application() as rapport:
        calendars = rapport.all_of(BusinessCalendar)
    table = Table(title=f"{len(calendars)} business calendar(s)")
    for column in ("id", "name", "v", "time zone", "hours", "holidays"):
        table.add_column(column, overflow="fold")
    for calendar in calendars:
        rules = calendar.rules
        table.add_row(
            str(calendar.id),
            escape(calendar.name),
            str(calendar.version),
            rules.time_zone,
            ", ".join(h.label for h in rules.hours),
            ", ".join(d.isoformat() for d in rules.holidays),
        )
    console.print(table)


_DAYS = list(Weekday)
_SHORT = {day.value[:3]: day for day in Weekday}


def _hours(specs: list[str]) -> tuple[WorkingHoursSpec, ...]:
    """`mon-fri 09:00-12:00,13:00-17:00` and the like, as working intervals."""
    found: list[WorkingHoursSpec] = []
    for spec in specs:
        days_text, _, times_text = spec.strip().partition(" ")
        days = _days(days_text)
        for span in times_text.split(","):
            start, _, end = span.strip().partition("-")
            if not start or not end:
                fail(f"{spec!r}: give times as HH:MM-HH:MM")
            found += [WorkingHoursSpec(day, start, end) for day in days]
    return tuple(found)


def _days(text: str) -> list[Weekday]:
    first, _, last = text.lower().partition("-")
    try:
        start = _SHORT[first[:3]]
        end = _SHORT[last[:3]] if last else start
    except KeyError:
        fail(f"{text!r} is not a day or a range of days like mon-fri")
    return _DAYS[start.number : end.number + 1] or fail(f"{text!r}: the range runs backwards")


def _dates(texts: list[str] | None) -> tuple[date, ...]:
    try:
        return tuple(date.fromisoformat(text) for text in texts or ())
    except ValueError as error:
        fail(f"a holiday is a date, YYYY-MM-DD: {error}")
