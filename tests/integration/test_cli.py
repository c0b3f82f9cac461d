"""The `rapport` command line, run for real through typer's CliRunner against a
SQLite file and a PostgreSQL schema (the `database_url` fixture gives both).

The demo is loaded either by the CLI itself or, where a test needs business
times it can predict, by `load_demo` on an application whose clock the test
holds; either way the CLI then reads the same store as a user's shell would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar
from uuid import UUID, uuid4

import pytest

from application.commands.complaint import AddComplaintNote
from application.service import Rapport
from domain.complaint import Complaint, ComplaintState
from domain.engagement import CostCategory, Engagement, EngagementState
from domain.requirement import Requirement, RequirementState
from domain.risk import Risk, RiskState
from domain.sla import Severity, SlaClock
from interfaces.bootstrap import bootstrap
from interfaces.cli.demo import load_demo
from tests.builders import open_engagement, receive_complaint, run
from tests.conftest import FakeClock, make_settings
from tests.integration.conftest import Cli, assert_one_line_error

T = TypeVar("T")
UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SUMMARY = re.compile(
    r"Demo loaded: (\d+) engagements, (\d+) requirements, (\d+) complaints, (\d+) risks, "
    r"(\d+) events\."
)


@pytest.fixture
def store(database_url: str, clock: FakeClock) -> Iterator[Rapport]:
    """The application on the test's database, on the test's clock, for setting up and checking."""
    rapport = bootstrap(make_settings(database_url), clock=clock)
    try:
        yield rapport
    finally:
        rapport.close()


@dataclass
class Demo:
    rapport: Rapport
    summary: str
    engagements: list[Engagement]

    def children(self, kind: str) -> list[Any]:
        return [c for e in self.engagements for c in self.rapport.children(e.id, kind)]

    def complaints(self) -> list[Complaint]:
        return self.children("complaint")

    def event_names(self, aggregate_id: UUID) -> list[str]:
        return [type(event).__name__ for event in self.rapport.history(aggregate_id)]


def engagements_in(summary: str, rapport: Rapport) -> list[Engagement]:
    """The engagements the summary lists, one per line that starts with an id."""
    section = summary.split("Engagements:")[1].split("Worth a look:", maxsplit=1)[0]
    ids = re.findall(rf"^({UUID_PATTERN.pattern})  ", section, flags=re.MULTILINE)
    return [rapport.get(UUID(i), Engagement) for i in ids]


@pytest.fixture
def demo(store: Rapport) -> Demo:
    summary = load_demo(store, progress=lambda line: None)
    return Demo(store, summary, engagements_in(summary, store))


def first(items: list[T], description: str, match: Callable[[T], bool]) -> T:
    found = [item for item in items if match(item)]
    assert found, f"the demo has no {description}"
    return found[0]


def reopened_then_closed(demo: Demo) -> Complaint:
    return first(
        demo.complaints(),
        "complaint reopened and then closed",
        lambda c: c.reopens > 0 and c.state is ComplaintState.CLOSED,
    )


# The demo, through the CLI


def test_demo_command_loads_the_sample_and_prints_counts_and_ids_to_explore(
    cli: Cli, store: Rapport
) -> None:
    result = cli("demo")

    assert result.exit_code == 0, result.output
    counts = SUMMARY.search(result.stdout)
    assert counts is not None, result.stdout
    engagements, requirements, complaints, risks, events = map(int, counts.groups())
    listed = engagements_in(result.stdout, store)
    assert engagements == len(listed) == 3
    assert len({e.client_id for e in listed}) == 2
    for kind, count in (("requirement", requirements), ("complaint", complaints), ("risk", risks)):
        assert count == sum(len(store.children(e.id, kind)) for e in listed)
    assert events == store.head()
    suggested = UUID_PATTERN.findall(result.stdout.split("Worth a look:")[1])
    assert suggested
    assert {store.kind(UUID(i)) for i in suggested} <= {"complaint", "requirement", "risk"}


def test_demo_if_empty_leaves_a_store_that_already_has_events_alone(
    cli: Cli, store: Rapport
) -> None:
    open_engagement(store)
    before = store.head()

    result = cli("demo", "--if-empty")

    assert result.exit_code == 0, result.output
    assert "already holds events" in result.stdout
    assert store.head() == before


def test_demo_run_a_second_time_is_refused_in_one_line_and_loads_nothing(
    cli: Cli, store: Rapport
) -> None:
    assert cli("demo").exit_code == 0
    before = store.head()

    result = cli("demo")

    assert_one_line_error(result, "the demo is already loaded", "rapport demo --again")
    assert result.stdout == ""
    assert store.head() == before


def test_demo_again_loads_a_second_copy_beside_the_first(cli: Cli, store: Rapport) -> None:
    first = cli("demo")

    again = cli("demo", "--again")

    assert again.exit_code == 0, again.output
    engagements = store.index.aggregates_of("engagement")
    assert len(engagements) == 6
    copies = [{e.id for e in engagements_in(r.stdout, store)} for r in (first, again)]
    assert copies[0].isdisjoint(copies[1])


def test_demo_loads_into_a_store_that_holds_other_data(cli: Cli, store: Rapport) -> None:
    open_engagement(store)

    result = cli("demo")

    assert result.exit_code == 0, result.output
    assert SUMMARY.search(result.stdout) is not None


# What the demo contains


def test_demo_complaints_cover_every_severity_state_and_sla_situation(
    demo: Demo, clock: FakeClock
) -> None:
    complaints = demo.complaints()

    assert {c.severity for c in complaints} == set(Severity)
    assert {c.state for c in complaints} == set(ComplaintState)
    assert any(c.escalation_level > 0 for c in complaints)
    assert any(c.root_cause is not None for c in complaints)
    assert any(
        "ClientReplied" in demo.event_names(c.id) and c.paused_seconds > 0 for c in complaints
    )
    assert any(c.reopens > 0 and c.state is ComplaintState.RESOLVED for c in complaints)
    assert any(c.reopens > 0 and c.state is ComplaintState.CLOSED for c in complaints)
    assert any(c.state is ComplaintState.CLOSED and c.csat is not None for c in complaints)
    past_due_critical = [
        c
        for c in complaints
        if c.severity is Severity.CRITICAL
        and c.is_open
        and (c.effective_resolution_due or clock.now()) < clock.now()
    ]
    assert past_due_critical, "no critical complaint is open and past its resolution due time"
    assert {b.clock for c in complaints for b in c.breaches} == set(SlaClock)


def test_demo_requirements_reach_every_state_including_after_a_change_and_a_rejection(
    demo: Demo,
) -> None:
    requirements: list[Requirement] = demo.children("requirement")

    assert {r.state for r in requirements} == set(RequirementState)
    accepted = [r for r in requirements if r.state is RequirementState.ACCEPTED]
    assert any(r.change_requests > 0 for r in accepted)  # re-confirmed, then accepted
    assert any(r.rejections > 0 for r in accepted)  # rejected, redone, then accepted


def test_demo_risks_are_reassessed_reviewed_occur_linked_to_a_complaint_and_close(
    demo: Demo,
) -> None:
    risks: list[Risk] = demo.children("risk")

    assert {r.state for r in risks} == set(RiskState)
    assert any(len(r.assessments) > 1 for r in risks)
    assert any(r.reviews > 0 and r.response is not None for r in risks)
    linked = [r.linked_complaint_id for r in risks if r.linked_complaint_id is not None]
    assert linked
    assert all(demo.rapport.get(i, Complaint) for i in linked)
    assert any(r.state is RiskState.CLOSED and "Occurred" in demo.event_names(r.id) for r in risks)


def test_demo_engagements_end_active_closed_without_force_and_on_hold(demo: Demo) -> None:
    by_state = {e.state: e for e in demo.engagements}

    assert set(by_state) == {
        EngagementState.ACTIVE,
        EngagementState.CLOSED,
        EngagementState.ON_HOLD,
    }
    assert by_state[EngagementState.CLOSED].forced_close_reason == ""
    busiest = by_state[EngagementState.ACTIVE]
    assert busiest.budget != busiest.original_budget
    costs = [e for e in demo.rapport.history(busiest.id) if type(e).__name__ == "CostRecorded"]
    assert {e.category for e in costs} == set(CostCategory)  # type: ignore[attr-defined]
    spent_on: list[date] = [e.incurred_on for e in costs]  # type: ignore[attr-defined]
    assert max(spent_on) - min(spent_on) >= timedelta(weeks=8)


def test_demo_business_times_lie_in_the_last_ten_weeks_in_order_per_aggregate(
    demo: Demo, clock: FakeClock
) -> None:
    now = clock.now()
    children = [c for kind in ("requirement", "complaint", "risk") for c in demo.children(kind)]
    for aggregate in [*demo.engagements, *children]:
        times = [e.occurred_at for e in demo.rapport.history(aggregate.id)]
        assert times == sorted(times)
        assert now - timedelta(weeks=10, days=1) <= times[0]
        assert times[-1] <= now


# history and show


def test_history_prints_every_event_of_a_complaint_in_order(demo: Demo, cli: Cli) -> None:
    complaint = reopened_then_closed(demo)
    events = demo.rapport.history(complaint.id)

    result = cli("history", str(complaint.id))

    assert result.exit_code == 0, result.output
    assert f"History of {complaint.id}" in result.stdout
    position = 0
    for event in events:  # each event's name and occurred time, in log order
        occurred = event.occurred_at.isoformat(timespec="seconds")
        position = result.stdout.index(occurred, position)
        position = result.stdout.index(type(event).__name__, position)
    assert "Reopened" in result.stdout
    assert "csat=" in result.stdout


def test_show_prints_the_current_state_at_the_latest_version(demo: Demo, cli: Cli) -> None:
    complaint = reopened_then_closed(demo)

    result = cli("show", str(complaint.id))

    assert result.exit_code == 0, result.output
    assert f"Complaint {complaint.id} at version {complaint.version}" in result.stdout
    assert re.search(r"│ state\s+│ closed\s", result.stdout)


def test_show_version_1_prints_the_complaint_as_received(demo: Demo, cli: Cli) -> None:
    complaint = reopened_then_closed(demo)

    result = cli("show", str(complaint.id), "--version", "1")

    assert result.exit_code == 0, result.output
    assert f"Complaint {complaint.id} at version 1" in result.stdout
    assert re.search(r"│ state\s+│ received\s", result.stdout)


def test_show_as_of_occurred_time_prints_the_state_as_it_was_in_the_business(
    demo: Demo, cli: Cli
) -> None:
    complaint = reopened_then_closed(demo)
    reopen = next(e for e in demo.rapport.history(complaint.id) if type(e).__name__ == "Reopened")
    reopened_at = reopen.occurred_at
    just_before = (reopened_at - timedelta(seconds=1)).isoformat()

    before = cli("show", str(complaint.id), "--as-of", just_before, "--occurred")
    at = cli("show", str(complaint.id), "--as-of", reopened_at.isoformat(), "--occurred")

    assert before.exit_code == 0, before.output
    assert f"at version {reopen.originator_version - 1}" in before.stdout
    assert re.search(r"│ state\s+│ resolved\s", before.stdout)
    assert at.exit_code == 0, at.output
    assert f"at version {reopen.originator_version}" in at.stdout
    assert re.search(r"│ state\s+│ reopened\s", at.stdout)


def test_show_as_of_recorded_time_prints_the_state_as_rapport_knew_it_then(
    demo: Demo, cli: Cli, clock: FakeClock
) -> None:
    complaint = first(
        demo.complaints(),
        "critical complaint still open",
        lambda c: c.severity is Severity.CRITICAL and c.is_open,
    )
    loaded_at = clock.now()  # every demo event was recorded at this instant
    clock.advance(hours=1)
    note = AddComplaintNote(
        complaint_id=complaint.id, visibility="internal", text="Network operations: fix deployed"
    )
    run(demo.rapport, note)

    known_then = cli("show", str(complaint.id), "--as-of", loaded_at.isoformat())
    known_now = cli("show", str(complaint.id), "--as-of", clock.now().isoformat())
    day_before = (loaded_at - timedelta(days=1)).isoformat()
    before_recording = cli("show", str(complaint.id), "--as-of", day_before)
    happened_by_then = cli("show", str(complaint.id), "--as-of", day_before, "--occurred")

    assert known_then.exit_code == 0, known_then.output
    assert f"at version {complaint.version}" in known_then.stdout
    assert known_now.exit_code == 0, known_now.output
    assert f"at version {complaint.version + 1}" in known_now.stdout
    # Nothing was recorded the day before the load, though the complaint had happened by then.
    assert_one_line_error(before_recording, str(complaint.id))
    assert happened_by_then.exit_code == 0, happened_by_then.output


def test_the_summarys_as_of_suggestion_shows_the_complaint_before_it_was_reopened(
    demo: Demo, cli: Cli
) -> None:
    suggestion = re.search(r"^rapport (show \S+ --as-of \S+ --occurred)$", demo.summary, re.M)
    assert suggestion is not None, demo.summary

    result = cli(*suggestion.group(1).split())

    assert result.exit_code == 0, result.output
    assert re.search(r"│ state\s+│ resolved\s", result.stdout)
    assert re.search(r"│ reopens\s+│ 0\s", result.stdout)


# Refusals: exit code 2 and one line


@pytest.fixture
def complaint_id(store: Rapport) -> UUID:
    return receive_complaint(store, open_engagement(store))


@pytest.mark.parametrize("command", ["show", "history"])
def test_an_unknown_id_is_a_one_line_error(cli: Cli, complaint_id: UUID, command: str) -> None:
    unknown = str(uuid4())

    assert_one_line_error(cli(command, unknown), "no aggregate", unknown)


@pytest.mark.parametrize("command", ["show", "history"])
def test_a_malformed_id_is_a_one_line_error(cli: Cli, command: str) -> None:
    assert_one_line_error(cli(command, "ticket-42"), "'ticket-42' is not an id")


def test_a_malformed_time_is_a_one_line_error(cli: Cli, complaint_id: UUID) -> None:
    result = cli("show", str(complaint_id), "--as-of", "last tuesday")

    assert_one_line_error(result, "'last tuesday' is not an ISO 8601 time")


def test_version_0_is_a_one_line_error(cli: Cli, complaint_id: UUID) -> None:
    result = cli("show", str(complaint_id), "--version", "0")

    assert_one_line_error(result, "version", f"{complaint_id}@0")


def test_version_together_with_as_of_is_a_one_line_error(cli: Cli, complaint_id: UUID) -> None:
    result = cli("show", str(complaint_id), "--version", "1", "--as-of", "2026-03-01")

    assert_one_line_error(result, "--version or --as-of, not both")


def test_occurred_without_as_of_is_a_one_line_error(cli: Cli, complaint_id: UUID) -> None:
    assert_one_line_error(
        cli("show", str(complaint_id), "--occurred"), "--occurred goes with --as-of"
    )
