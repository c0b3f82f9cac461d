"""`rapport sla` and `rapport sla-watch`: SLA policies, the what-if simulation
and the breach watchdog.

Policies change through the same commands as over the API, so each revision is
in the log; `rapport show ID` prints one as it stands, and `rapport history ID`
every version of it.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table

from application.commands.engagement import ChooseSlaPolicy
from application.commands.sla import (
    DefineSlaPolicy,
    EscalationRuleSpec,
    ReviseSlaPolicy,
    SeverityTargetsSpec,
)
from application.sla_simulation import simulate as simulate_policy
from application.views.sla_rows import built_in_default_policy
from domain.sla import DEFAULT_POLICY_ID, Severity, SlaClock, SlaPolicy, SlaTrigger
from interfaces.cli.common import (
    application,
    console,
    execute,
    fail,
    parse_id,
    parse_time,
    run_until_stopped,
)
from interfaces.cli.views import view_runtime

C = TypeVar("C", bound=StrEnum)

app = typer.Typer(no_args_is_help=True, add_completion=False, help="SLA policies.")

# Where the command line takes each value a policy command may refuse.
OPTIONS = {
    "name": "NAME",
    "targets": "--target",
    "severity": "--target (severity)",
    "firstResponseMinutes": "--target (first-response minutes)",
    "resolutionMinutes": "--target (resolution minutes)",
    "warningPercent": "--warning-percent",
    "escalationRules": "--escalate",
    "level": "--escalate (level)",
    "reason": "--reason",
    "removeCalendar": "--no-calendar",
    "removeWarning": "--no-warning",
    "removeEscalationRules": "--no-escalations",
}
SIMULATE_OPTIONS = {"from": "--from", "to": "--to"}

TARGETS_HELP = "SEVERITY:FIRST_RESPONSE_MINUTES:RESOLUTION_MINUTES, e.g. high:240:1440"
Escalations = Annotated[
    list[str] | None,
    typer.Option(
        "--escalate",
        help="TRIGGER[:CLOCK[:SEVERITY,...]]=LEVEL, e.g. breach:resolution:critical,high=2",
    ),
]


# Policies


@app.command("define")
def define(
    name: Annotated[str, typer.Argument(help="The policy's name")],
    target: Annotated[
        list[str], typer.Option("--target", help=f"{TARGETS_HELP}; one for every severity")
    ],
    calendar: Annotated[
        str | None, typer.Option(help="A calendar's id: count working time only")
    ] = None,
    warning_percent: Annotated[
        int | None, typer.Option(help="Warn when a clock has used this share of its target")
    ] = None,
    escalate: Escalations = None,
) -> None:
    """Define a policy and print its id."""
    command = DefineSlaPolicy(
        name=name,
        targets=_targets(target),
        calendar_id=parse_id(calendar) if calendar else None,
        warning_percent=warning_percent,
        escalation_rules=_escalations(escalate),
    )
    result = execute(command, OPTIONS)
    console.print(f"Defined SLA policy {result.aggregate_id}.")


@app.command("revise")
def revise(
    policy_id: Annotated[
        str, typer.Argument(help=f"The policy's id ({DEFAULT_POLICY_ID}: default)")
    ],
    *,
    reason: Annotated[str, typer.Option(help="Why the policy changes")],
    target: Annotated[
        list[str] | None,
        typer.Option("--target", help=f"{TARGETS_HELP}; the severities not given keep theirs"),
    ] = None,
    calendar: Annotated[str | None, typer.Option(help="A new calendar's id")] = None,
    no_calendar: Annotated[
        bool, typer.Option("--no-calendar", help="Count wall-clock time from now on")
    ] = False,
    warning_percent: Annotated[int | None, typer.Option(help="A new warning share, in %")] = None,
    no_warning: Annotated[
        bool, typer.Option("--no-warning", help="No warnings from now on")
    ] = False,
    escalate: Escalations = None,
    no_escalations: Annotated[
        bool, typer.Option("--no-escalations", help="No escalation rules from now on")
    ] = False,
) -> None:
    """A new version of a policy, for complaints received from now on.

    What is not given stays as it is; --escalate, when given, replaces every rule."""
    command = ReviseSlaPolicy(
        policy_id=parse_id(policy_id),
        targets=_targets(target or []),
        calendar_id=parse_id(calendar) if calendar else None,
        remove_calendar=no_calendar,
        warning_percent=warning_percent,
        remove_warning=no_warning,
        escalation_rules=_escalations(escalate),
        remove_escalation_rules=no_escalations,
        reason=reason,
    )
    result = execute(command, OPTIONS)
    console.print(f"SLA policy {result.aggregate_id} is at version {result.version}.")


@app.command("list")
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


@app.command("choose")
def choose(
    engagement_id: Annotated[str, typer.Argument(help="The engagement's id")],
    policy_id: Annotated[str, typer.Argument(help="The policy's id")],
) -> None:
    """The policy an engagement's complaints follow from now on."""
    command = ChooseSlaPolicy(engagement_id=parse_id(engagement_id), policy_id=parse_id(policy_id))
    execute(command, {})
    console.print(f"Engagement {engagement_id} follows SLA policy {policy_id} from now on.")


@app.command("simulate")
def simulate(
    policy: Annotated[str, typer.Option(help="The policy to play past complaints under")],
    from_: Annotated[
        str | None, typer.Option("--from", help="Received from (ISO 8601; default: 30 days ago)")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Received until (default: now)")] = None,
) -> None:
    """Past complaints' compliance under the policy, beside what it was. Nothing is written."""
    with application(SIMULATE_OPTIONS) as rapport:
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
            level = _choice(Severity, severity, "--target (severity)", "a severity")
            found.append(SeverityTargetsSpec(level, int(first), int(resolution)))
        except ValueError:
            fail(f"{spec!r}: give SEVERITY:FIRST_RESPONSE_MINUTES:RESOLUTION_MINUTES")
    return tuple(found)


def _choice(kind: type[C], text: str, option: str, what: str) -> C:
    """`text` as one of `kind`'s values, or a one-line refusal naming the option."""
    try:
        return kind(text.strip().lower())
    except ValueError:
        allowed = ", ".join(choice.value for choice in kind)
        fail(f"{option}: {text!r} is not {what} ({allowed})")


def _escalations(specs: list[str] | None) -> tuple[EscalationRuleSpec, ...]:
    found = []
    for spec in specs or ():
        condition, _, level = spec.partition("=")
        trigger, _, rest = condition.partition(":")
        clock, _, severities = rest.partition(":")
        try:
            found.append(
                EscalationRuleSpec(
                    trigger=_choice(SlaTrigger, trigger, "--escalate (trigger)", "a trigger"),
                    level=int(level),
                    clock=_choice(SlaClock, clock, "--escalate (clock)", "a clock")
                    if clock
                    else None,
                    severities=tuple(
                        _choice(Severity, s, "--escalate (severity)", "a severity")
                        for s in severities.split(",")
                        if s
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
