"""`rapport calendar`, `rapport sla` and `rapport sla-watch`: business calendars,
SLA policies, the what-if simulation and the breach watchdog.

Calendars and policies change through the same commands as over the API, so
each revision is in the log; `rapport show ID` prints one as it stands, and
`rapport history ID` every version of it.
"""

from __future__ import annotations

import getpass
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table

from application.commands.base import Command, CommandMeta
from application.commands.engagement import ChooseSlaPolicy
from application.commands.sla import (
    DefineBusinessCalendar,
    DefineSlaPolicy,
    EscalationRuleSpec,
    ReviseBusinessCalendar,
    ReviseSlaPolicy,
    SeverityTargetsSpec,
    WorkingHoursSpec,
)
from application.sla_simulation import simulate as simulate_policy
from application.views.sla_rows import built_in_default_policy
from domain.calendar import BusinessCalendar, Weekday
from domain.sla import DEFAULT_POLICY_ID, Severity, SlaClock, SlaPolicy, SlaTrigger
from interfaces.cli.common import (
    application,
    console,
    fail,
    parse_id,
    parse_time,
    run_until_stopped,
)
from interfaces.cli.views import view_runtime

C = TypeVar("C", bound=StrEnum)

calendar_app = typer.Typer(no_args_is_help=True, add_completion=False, help="Business calendars.")
sla_app = typer.Typer(no_args_is_help=True, add_completion=False, help="SLA policies.")

Hours = Annotated[
    list[str],
    typer.Option(
        "--hours",
        help='Working hours, e.g. "mon-fri 09:00-12:00,13:00-17:00"; repeat for more days',
    ),
]
Holidays = Annotated[
    list[str] | None, typer.Option("--holiday", help="A holiday (YYYY-MM-DD); repeat")
]
Targets = Annotated[
    list[str],
    typer.Option(
        "--target",
        help="SEVERITY:FIRST_RESPONSE_MINUTES:RESOLUTION_MINUTES, e.g. high:240:1440; "
        "one for every severity",
    ),
]
Escalations = Annotated[
    list[str] | None,
    typer.Option(
        "--escalate",
        help="TRIGGER[:CLOCK[:SEVERITY,...]]=LEVEL, e.g. breach:resolution:critical,high=2",
    ),
]


def _execute(command: Command) -> Any:
    with application() as rapport:
        actor = f"{getpass.getuser()} (command line)"
        return rapport.execute(command, CommandMeta(actor=actor))


# Calendars


@calendar_app.command("define")
def define_calendar(
    name: Annotated[str, typer.Argument(help="The calendar's name")],
    time_zone: Annotated[str, typer.Option("--time-zone", help="e.g. Europe/Berlin")],
    hours: Hours,
    holiday: Holidays = None,
) -> None:
    """Define a calendar and print its id."""
    result = _execute(
        DefineBusinessCalendar(
            name=name, time_zone=time_zone, hours=_hours(hours), holidays=_dates(holiday)
        )
    )
    console.print(f"Defined calendar {result.aggregate_id}.")


@calendar_app.command("revise")
def revise_calendar(
    calendar_id: Annotated[str, typer.Argument(help="The calendar's id")],
    time_zone: Annotated[str, typer.Option("--time-zone", help="e.g. Europe/Berlin")],
    hours: Hours,
    reason: Annotated[str, typer.Option(help="Why the rules change")],
    holiday: Holidays = None,
) -> None:
    """Replace a calendar's rules from now on; complaints received before keep theirs."""
    result = _execute(
        ReviseBusinessCalendar(
            calendar_id=parse_id(calendar_id),
            time_zone=time_zone,
            hours=_hours(hours),
            holidays=_dates(holiday),
            reason=reason,
        )
    )
    console.print(f"Calendar {result.aggregate_id} is at version {result.version}.")


@calendar_app.command("list")
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


# Policies


@sla_app.command("define")
def define_policy(
    name: Annotated[str, typer.Argument(help="The policy's name")],
    target: Targets,
    calendar: Annotated[
        str | None, typer.Option(help="A calendar's id: count working time only")
    ] = None,
    warning_percent: Annotated[
        int | None, typer.Option(help="Warn when a clock has used this share of its target")
    ] = None,
    escalate: Escalations = None,
) -> None:
    """Define a policy and print its id."""
    result = _execute(
        DefineSlaPolicy(
            name=name,
            targets=_targets(target),
            calendar_id=parse_id(calendar) if calendar else None,
            warning_percent=warning_percent,
            escalation_rules=_escalations(escalate),
        )
    )
    console.print(f"Defined SLA policy {result.aggregate_id}.")


@sla_app.command("revise")
def revise_policy(
    policy_id: Annotated[
        str, typer.Argument(help=f"The policy's id ({DEFAULT_POLICY_ID}: default)")
    ],
    *,
    target: Targets,
    reason: Annotated[str, typer.Option(help="Why the policy changes")],
    calendar: Annotated[str | None, typer.Option(help="A calendar's id")] = None,
    warning_percent: Annotated[int | None, typer.Option(help="Warning share, in %")] = None,
    escalate: Escalations = None,
) -> None:
    """A new version of a policy, for complaints received from now on."""
    result = _execute(
        ReviseSlaPolicy(
            policy_id=parse_id(policy_id),
            targets=_targets(target),
            calendar_id=parse_id(calendar) if calendar else None,
            warning_percent=warning_percent,
            escalation_rules=_escalations(escalate),
            reason=reason,
        )
    )
    console.print(f"SLA policy {result.aggregate_id} is at version {result.version}.")


@sla_app.command("list")
def list_policies() -> None:
    """Every policy with its targets now, the default first."""
    with application() as rapport:
        stored = {p.id: (p.name, p.version, p.rules) for p in rapport.all_of(SlaPolicy)}
    default = built_in_default_policy()
    stored.setdefault(DEFAULT_POLICY_ID, (default.name, default.version, default.rules))
    table = Table(title=f"{len(stored)} SLA policies")
    for column in ("id", "name", "v", "targets (minutes)", "calendar", "warning", "escalations"):
        table.add_column(column, overflow="fold")
    for policy_id in sorted(stored, key=str):
        name, version, rules = stored[policy_id]
        targets = ", ".join(
            f"{t.severity.value} {t.first_response_minutes}/{t.resolution_minutes}"
            for t in rules.targets
        )
        table.add_row(
            str(policy_id),
            escape(name) + (" (default)" if policy_id == DEFAULT_POLICY_ID else ""),
            str(version),
            targets,
            str(rules.calendar_id or "wall clock"),
            f"{rules.warning_percent}%" if rules.warning_percent else "",
            "; ".join(_rule_text(r) for r in rules.escalation_rules),
        )
    console.print(table)


@sla_app.command("choose")
def choose(
    engagement_id: Annotated[str, typer.Argument(help="The engagement's id")],
    policy_id: Annotated[str, typer.Argument(help="The policy's id")],
) -> None:
    """The policy an engagement's complaints follow from now on."""
    _execute(ChooseSlaPolicy(engagement_id=parse_id(engagement_id), policy_id=parse_id(policy_id)))
    console.print(f"Engagement {engagement_id} follows SLA policy {policy_id} from now on.")


@sla_app.command("simulate")
def simulate(
    policy: Annotated[str, typer.Option(help="The policy to play past complaints under")],
    from_: Annotated[
        str | None, typer.Option("--from", help="Received from (ISO 8601; default: 30 days ago)")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Received until (default: now)")] = None,
) -> None:
    """Past complaints' compliance under the policy, beside what it was. Nothing is written."""
    with application() as rapport:
        now = rapport.clock.now()
        until = parse_time(to) if to else now
        since = parse_time(from_) if from_ else now - timedelta(days=30)
        result = simulate_policy(rapport, None, parse_id(policy), since, until)
    table = Table(
        title=f"{result.complaints} complaint(s) received {since.isoformat(timespec='seconds')} "
        f"to {until.isoformat(timespec='seconds')}, under policy {result.policy_id} "
        f"v{result.policy_version}"
    )
    for column in ("severity", "complaints", "clock", "as it was", "under the policy"):
        table.add_column(column)
    for severity in result.by_severity:
        for clock, actual in severity.actual.items():
            simulated = severity.simulated[clock]
            table.add_row(
                severity.severity.value,
                str(severity.complaints),
                clock.value,
                _compliance_text(actual),
                _compliance_text(simulated),
            )
    console.print(table)


def _compliance_text(c: Any) -> str:
    percent = "-" if c.percent is None else f"{c.percent}%"
    return f"{percent} ({c.met} met of {c.answered + c.unanswered_past_due})"


def _targets(specs: list[str]) -> tuple[SeverityTargetsSpec, ...]:
    found = []
    for spec in specs:
        try:
            severity, first, resolution = spec.split(":")
            level = _choice(Severity, severity, "--target")
            found.append(SeverityTargetsSpec(level, int(first), int(resolution)))
        except ValueError:
            fail(f"{spec!r}: give SEVERITY:FIRST_RESPONSE_MINUTES:RESOLUTION_MINUTES")
    return tuple(found)


def _choice(kind: type[C], text: str, option: str) -> C:
    """`text` as one of `kind`'s values, or a one-line refusal naming the option."""
    try:
        return kind(text.strip().lower())
    except ValueError:
        fail(f"{option}: {text!r} is not one of {', '.join(choice.value for choice in kind)}")


def _escalations(specs: list[str] | None) -> tuple[EscalationRuleSpec, ...]:
    found = []
    for spec in specs or ():
        condition, _, level = spec.partition("=")
        trigger, _, rest = condition.partition(":")
        clock, _, severities = rest.partition(":")
        try:
            found.append(
                EscalationRuleSpec(
                    trigger=_choice(SlaTrigger, trigger, "--escalate"),
                    level=int(level),
                    clock=_choice(SlaClock, clock, "--escalate") if clock else None,
                    severities=tuple(
                        _choice(Severity, s, "--escalate") for s in severities.split(",") if s
                    ),
                )
            )
        except ValueError:
            fail(f"{spec!r}: give TRIGGER[:CLOCK[:SEVERITY,...]]=LEVEL")
    return tuple(found)


def _rule_text(rule: Any) -> str:
    clock = rule.clock.value if rule.clock else "any clock"
    severities = ",".join(s.value for s in rule.severities) or "any severity"
    return f"{rule.trigger.value} of {clock} ({severities}) -> level {rule.level}"


# The watchdog


def sla_watch() -> None:
    """Record SLA breaches, warnings and escalations as clocks come due.

    Runs until stopped (Ctrl-C or SIGTERM). One watchdog ticks at a time across
    processes; a second one waits and takes over when the first stops."""
    with view_runtime() as runtime:
        worker = runtime.sla_watch_worker()
        run_until_stopped(
            worker,
            ready=worker.active,
            waiting="Waiting for the SLA watchdog's lock.",
            running=lambda: f"Watching SLA clocks every {worker.interval:g} s; Ctrl-C stops.",
        )
