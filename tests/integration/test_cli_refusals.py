"""Every `rapport` command that takes values refuses a bad one in one line that
names the option (or argument) the user typed it in: `--client`, never the
field it fills (`client_id`, `clientId`). On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest

from application.commands.sla import DefineBusinessCalendar, WorkingHoursSpec
from application.service import Rapport
from domain.sla import DEFAULT_POLICY_ID
from interfaces.bootstrap import bootstrap
from tests.builders import run
from tests.conftest import make_settings
from tests.integration.conftest import Cli, assert_one_line_error

DEFAULT = str(DEFAULT_POLICY_ID)
HOURS = ["--hours", "mon-fri 09:00-17:00"]
TARGETS = ["--target", "critical:60:480", "--target", "high:240:1440",
           "--target", "medium:480:4320", "--target", "low:1440:7200"]  # fmt: skip

CASES = {
    "token create, client role without --client": (
        ["token", "create", "--role", "client", "--name", "Acme"],
        "--client: a client token needs a client",
    ),
    "token create, unknown role": (
        ["token", "create", "--role", "boss", "--name", "Ann"],
        "--role: 'boss' is not one of",
    ),
    "token create, blank name": (
        ["token", "create", "--role", "viewer", "--name", " "],
        "--name: must not be blank",
    ),
    "webhook add, not an http URL": (["webhook", "add", "ftp://x"], "URL: must be an http"),
    "webhook add, blank event": (
        ["webhook", "add", "https://x.example", "--event", " "],
        "--event: must not be blank",
    ),
    "calendar define, blank name": (
        ["calendar", "define", " ", "--time-zone", "UTC", *HOURS],
        "NAME: must not be blank",
    ),
    "calendar define, unknown time zone": (
        ["calendar", "define", "X", "--time-zone", "Mars/Olympus", *HOURS],
        "--time-zone: 'Mars/Olympus' is not a known time zone",
    ),
    "calendar define, hour past midnight": (
        ["calendar", "define", "X", "--time-zone", "UTC", "--hours", "mon 09:00-25:00"],
        "--hours: '25:00' is not a time of day",
    ),
    "calendar define, overlapping hours": (
        ["calendar", "define", "X", "--time-zone", "UTC", "--hours", "mon 09:00-12:00,11:00-13:00"],
        "--hours: monday 09:00-12:00 overlaps monday 11:00-13:00",
    ),
    "calendar revise, blank reason": (
        ["calendar", "revise", "$calendar", "--time-zone", "Europe/Berlin", "--reason", " "],
        "--reason: must not be blank",
    ),
    "calendar revise, holidays given and removed": (
        [
            "calendar",
            "revise",
            "$calendar",
            "--holiday",
            "2026-12-24",
            "--no-holidays",
            "--reason",
            "x",
        ],
        "--no-holidays: either remove it or give a new one",
    ),
    "sla define, a severity without targets": (
        ["sla", "define", "X", "--target", "critical:60:480"],
        "--target: every severity needs targets, not high, medium, low",
    ),
    "sla define, unknown severity": (
        ["sla", "define", "X", "--target", "urgent:60:480"],
        "--target (severity): 'urgent' is not a severity",
    ),
    "sla define, warning share too high": (
        ["sla", "define", "X", *TARGETS, "--warning-percent", "150"],
        "--warning-percent: must be a whole number from 1 to 99",
    ),
    "sla define, warning rule without warnings": (
        ["sla", "define", "X", *TARGETS, "--escalate", "warning=2"],
        "--escalate: a rule on warnings needs a warning percent",
    ),
    "sla define, escalation level too high": (
        ["sla", "define", "X", *TARGETS, "--escalate", "breach=9"],
        "--escalate (level): must be a whole number from 1 to 5",
    ),
    "sla revise, resolution before first response": (
        ["sla", "revise", DEFAULT, "--target", "high:240:60", "--reason", "x"],
        "--target (resolution minutes): must not be shorter than the first response",
    ),
    "sla revise, first response out of range": (
        ["sla", "revise", DEFAULT, "--target", "high:0:60", "--reason", "x"],
        "--target (first-response minutes): must be a whole number",
    ),
    "sla revise, warning given and removed": (
        ["sla", "revise", DEFAULT, "--warning-percent", "50", "--no-warning", "--reason", "x"],
        "--no-warning: either remove it or give a new one",
    ),
    "sla revise, calendar given and removed": (
        ["sla", "revise", DEFAULT, "--calendar", "$calendar", "--no-calendar", "--reason", "x"],
        "--no-calendar: either remove it or give a new one",
    ),
    "sla revise, escalations given and removed": (
        ["sla", "revise", DEFAULT, "--escalate", "breach=2", "--no-escalations", "--reason", "x"],
        "--no-escalations: either remove it or give a new one",
    ),
    "sla revise, blank reason": (
        ["sla", "revise", DEFAULT, "--warning-percent", "50", "--reason", " "],
        "--reason: must not be blank",
    ),
    "sla revise, nothing changes": (
        ["sla", "revise", DEFAULT, "--reason", "x"],
        "the rules are the same as now [sla_policy.revision_changes]",
    ),
    "sla simulate, window backwards": (
        ["sla", "simulate", "--policy", DEFAULT, "--from", "2026-03-02", "--to", "2026-03-01"],
        "--to: must be after from",
    ),
}


@pytest.fixture
def calendar_id(database_url: str) -> Iterator[UUID]:
    rapport: Rapport = bootstrap(make_settings(database_url))
    hours = (WorkingHoursSpec("monday", "09:00", "17:00"),)
    try:
        yield run(
            rapport, DefineBusinessCalendar(name="Office", time_zone="UTC", hours=hours)
        ).aggregate_id
    finally:
        rapport.close()


@pytest.mark.parametrize("case", CASES)
def test_a_refused_value_is_one_line_naming_the_option_it_was_given_with(
    cli: Cli, calendar_id: UUID, case: str
) -> None:
    args, expected = CASES[case]

    result = cli(*(str(calendar_id) if arg == "$calendar" else arg for arg in args))

    assert_one_line_error(result, f"error: {expected}")
