"""`rapport calendar`, `rapport sla` and `rapport webhook`, run through typer's
CliRunner on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from uuid import UUID

import pytest

from application.service import Rapport
from domain.calendar import BusinessCalendar
from domain.sla import DEFAULT_POLICY_ID, PolicyRules, SlaPolicy
from interfaces.bootstrap import bootstrap
from interfaces.cli.common import USAGE_ERROR
from tests.builders import open_engagement, receive_complaint
from tests.conftest import make_settings
from tests.integration.conftest import Cli

ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TARGETS = ["--target", "critical:60:480", "--target", "high:240:1440",
           "--target", "medium:480:4320", "--target", "low:1440:7200"]  # fmt: skip


def created_id(output: str) -> UUID:
    found = ID.search(output)
    assert found, output
    return UUID(found.group(0))


@pytest.fixture
def store(database_url: str) -> Iterator[Rapport]:
    rapport = bootstrap(make_settings(database_url))
    try:
        yield rapport
    finally:
        rapport.close()


def test_a_calendar_defined_and_revised_on_the_command_line(cli: Cli, store: Rapport) -> None:
    defined = cli("calendar", "define", "Berlin office", "--time-zone", "Europe/Berlin",
                  "--hours", "mon-fri 09:00-12:00,13:00-17:00",
                  "--holiday", "2026-12-25")  # fmt: skip
    assert defined.exit_code == 0, defined.output
    calendar_id = created_id(defined.output)

    revised = cli("calendar", "revise", str(calendar_id), "--time-zone", "Europe/Berlin",
                  "--hours", "mon-thu 08:00-16:00", "--reason", "Four-day week")  # fmt: skip
    assert revised.exit_code == 0, revised.output
    assert "version 2" in revised.output

    calendar = store.get(calendar_id, BusinessCalendar)
    assert [h.label for h in calendar.rules.hours] == [
        f"{day} 08:00-16:00" for day in ("monday", "tuesday", "wednesday", "thursday")
    ]
    listed = cli("calendar", "list")
    assert "Berlin office" in listed.output and "thursday 08:00-16:00" in listed.output


@pytest.mark.parametrize(
    ("hours", "problem"),
    [("someday 09:00-17:00", "not a day"), ("mon-fri 9-17", "HH:MM"),
     ("mon-fri 17:00-09:00", "is not after")],
)  # fmt: skip
def test_bad_hours_are_refused_in_one_line(cli: Cli, hours: str, problem: str) -> None:
    refused = cli("calendar", "define", "X", "--time-zone", "UTC", "--hours", hours)
    assert refused.exit_code == USAGE_ERROR
    assert problem in refused.output and len(refused.output.strip().splitlines()) <= 2


def test_a_policy_defined_chosen_listed_and_simulated(cli: Cli, store: Rapport) -> None:
    defined = cli("sla", "define", "Gold", *TARGETS, "--warning-percent", "75",
                  "--escalate", "breach:resolution:critical,high=2")  # fmt: skip
    assert defined.exit_code == 0, defined.output
    policy_id = created_id(defined.output)
    policy = store.get(policy_id, SlaPolicy)
    (rule,) = policy.rules.escalation_rules
    assert (rule.level, [s.value for s in rule.severities]) == (2, ["critical", "high"])

    engagement_id = open_engagement(store)
    chosen = cli("sla", "choose", str(engagement_id), str(policy_id))
    assert chosen.exit_code == 0, chosen.output
    receive_complaint(store, engagement_id, severity="critical")

    listed = cli("sla", "list")
    assert "Default (default)" in listed.output and "Gold" in listed.output
    assert listed.output.index(str(DEFAULT_POLICY_ID)) < listed.output.index(str(policy_id))
    simulated = cli("sla", "simulate", "--policy", str(DEFAULT_POLICY_ID),
                    "--from", "2020-01-01")  # fmt: skip
    assert simulated.exit_code == 0, simulated.output
    assert "1 complaint(s)" in simulated.output and "critical" in simulated.output


def test_a_calendar_revision_keeps_what_it_does_not_name_until_told_to_drop_it(
    cli: Cli, store: Rapport
) -> None:
    defined = cli("calendar", "define", "Lyon", "--time-zone", "Europe/Paris",
                  "--hours", "mon-fri 09:00-17:00", "--holiday", "2026-07-14")  # fmt: skip
    calendar_id = created_id(defined.output)

    assert cli("calendar", "revise", str(calendar_id), "--hours", "mon-thu 09:00-17:00",
               "--reason", "Fridays off").exit_code == 0  # fmt: skip
    kept = store.get(calendar_id, BusinessCalendar).rules
    assert cli("calendar", "revise", str(calendar_id), "--no-holidays",
               "--reason", "Holidays by contract now").exit_code == 0  # fmt: skip
    dropped = store.get(calendar_id, BusinessCalendar).rules

    assert (kept.time_zone, kept.holidays, len(kept.hours)) == (
        "Europe/Paris", (date(2026, 7, 14),), 4)  # fmt: skip
    assert (dropped.time_zone, dropped.holidays, dropped.hours) == (
        "Europe/Paris", (), kept.hours)  # fmt: skip


def test_a_policy_revision_changes_the_targets_it_names_and_keeps_the_rest_until_removed(
    cli: Cli, store: Rapport
) -> None:
    calendar = created_id(cli("calendar", "define", "Office", "--time-zone", "UTC",
                              "--hours", "mon-fri 08:00-18:00").output)  # fmt: skip
    defined = cli("sla", "define", "Gold", *TARGETS, "--calendar", str(calendar),
                  "--warning-percent", "75", "--escalate", "breach:resolution=2")  # fmt: skip
    policy_id = created_id(defined.output)
    before = store.get(policy_id, SlaPolicy).rules

    faster = cli("sla", "revise", str(policy_id), "--target", "critical:30:240",
                 "--reason", "Critical first")  # fmt: skip
    assert faster.exit_code == 0, faster.output
    kept = store.get(policy_id, SlaPolicy).rules
    plain = cli("sla", "revise", str(policy_id), "--no-calendar", "--no-warning",
                "--no-escalations", "--reason", "Plain wall clock")  # fmt: skip
    assert plain.exit_code == 0, plain.output
    removed = store.get(policy_id, SlaPolicy).rules

    critical, *others = kept.targets
    assert (critical.first_response_minutes, critical.resolution_minutes) == (30, 240)
    assert others == list(before.targets[1:])
    assert (kept.calendar_id, kept.warning_percent, kept.escalation_rules) == (
        calendar, 75, before.escalation_rules)  # fmt: skip
    assert removed == PolicyRules(kept.targets)


def test_revising_the_default_policy_stores_it(cli: Cli, store: Rapport) -> None:
    revised = cli("sla", "revise", str(DEFAULT_POLICY_ID), *TARGETS, "--warning-percent", "80",
                  "--reason", "Warn before breaching")  # fmt: skip
    assert revised.exit_code == 0, revised.output
    assert store.get(DEFAULT_POLICY_ID, SlaPolicy).version == 2


def test_an_unknown_policy_is_one_line_and_exit_2(cli: Cli) -> None:
    refused = cli("sla", "simulate", "--policy", "00000000-0000-0000-0000-000000000099")
    assert refused.exit_code == USAGE_ERROR
    assert "no sla_policy" in refused.output


def test_a_webhook_added_listed_disabled_and_removed(cli: Cli) -> None:
    added = cli("webhook", "add", "https://hooks.example.com/x", "--event", "Complaint.*")
    assert added.exit_code == 0, added.output
    endpoint_id = created_id(added.output)
    assert "whsec_" in added.output

    listed = cli("webhook", "list")
    assert str(endpoint_id) in listed.output and "whsec_" not in listed.output
    assert cli("webhook", "disable", str(endpoint_id)).exit_code == 0
    assert "disabled by" in cli("webhook", "list").output
    assert cli("webhook", "deliveries", str(endpoint_id)).exit_code == 0
    assert cli("webhook", "remove", str(endpoint_id)).exit_code == 0
    assert "No webhooks yet" in cli("webhook", "list").output
