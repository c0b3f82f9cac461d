"""`rapport projections`, `replay`, `verify` and `project`, run for real on a SQLite
file and a PostgreSQL schema (the `database_url` fixture gives both), after the
demo has put a realistic log in the store.

Every command but `project` runs in-process through typer's CliRunner; `project`
follows the log until stopped, so it runs as a subprocess, the way a deployment
runs it, and is stopped with SIGTERM.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import update

from application.service import Rapport
from application.views.catalog import all_views
from interfaces.bootstrap import ViewRuntime, bootstrap, build_views
from interfaces.cli.demo import load_demo
from tests.builders import open_engagement
from tests.conftest import FakeClock, make_settings
from tests.integration.conftest import Cli
from tests.processes import start_rapport

VIEW_NAMES = [view.name for view in all_views()]
# A projecting view's row: name, generation, position, head, lag, "ok".
ROW = re.compile(r"^│ (\w+)\s+│\s+(\d+) │\s+(\d+) │\s+(\d+) │\s+(\d+) │ ok\s+│$", re.MULTILINE)
REPLAYED = re.compile(r"Replayed (\d+) events in [\d.]+ s: [\d,]+ events/s\.")
WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class Status:
    generation: int
    position: int
    head: int
    lag: int


@pytest.fixture
def store(database_url: str, clock: FakeClock) -> Iterator[Rapport]:
    """The application on the test's database, with the demo loaded and nothing projected."""
    rapport = bootstrap(make_settings(database_url), clock=clock)
    load_demo(rapport, progress=lambda line: None)
    try:
        yield rapport
    finally:
        rapport.close()


@pytest.fixture
def runtime(store: Rapport, database_url: str) -> Iterator[ViewRuntime]:
    """The view tables as the test sees them, to inspect and to tamper with."""
    views = build_views(store, make_settings(database_url))
    try:
        yield views
    finally:
        views.close()


def projections(cli: Cli) -> dict[str, Status]:
    """`rapport projections`, read back: each view's row of the table."""
    result = cli("projections")
    assert result.exit_code == 0, result.output
    rows = {name: Status(*map(int, numbers)) for name, *numbers in ROW.findall(result.stdout)}
    assert sorted(rows) == sorted(VIEW_NAMES), result.stdout
    return rows


def test_projections_lists_every_view_with_lag_equal_to_the_head_before_projecting(
    cli: Cli, store: Rapport
) -> None:
    head = store.head()
    assert head > 0

    rows = projections(cli)

    assert rows == {name: Status(1, 0, head, head) for name in VIEW_NAMES}


def test_replay_rebuilds_every_view_into_the_next_generation_and_reports_its_speed(
    cli: Cli, store: Rapport
) -> None:
    projections(cli)  # the live tables now exist, at generation 1, empty

    result = cli("replay")

    assert result.exit_code == 0, result.output
    replayed = REPLAYED.search(result.stdout)
    assert replayed is not None, result.stdout
    assert int(replayed.group(1)) == store.head()
    head = store.head()
    assert projections(cli) == {name: Status(2, head, head, 0) for name in VIEW_NAMES}


def test_replay_of_named_views_rebuilds_only_those(cli: Cli, store: Rapport) -> None:
    projections(cli)

    result = cli("replay", "--view", "budget", "--view", "progress")

    assert result.exit_code == 0, result.output
    head = store.head()
    rows = projections(cli)
    assert {name: row for name, row in rows.items() if row.generation == 2} == {
        "budget": Status(2, head, head, 0),
        "progress": Status(2, head, head, 0),
    }
    assert all(row == Status(1, 0, head, head) for row in rows.values() if row.generation == 1)


def test_verify_passes_on_replayed_views_and_names_the_view_and_key_of_a_tampered_row(
    cli: Cli, runtime: ViewRuntime
) -> None:
    assert cli("replay").exit_code == 0

    faithful = cli("verify")

    assert faithful.exit_code == 0, faithful.output
    assert "Every view equals a rebuild" in faithful.stdout
    (budget,) = runtime.select(["budget"])
    live = runtime.store.live(budget).number
    key = sorted(runtime.store.stored(budget, live))[0]
    table = runtime.store.table(budget, live)
    with runtime.store.engine.begin() as conn:
        conn.execute(update(table).where(table.c.row_key == key).values(row_state=b"{}"))

    tampered = cli("verify")

    assert tampered.exit_code == 1, tampered.output
    assert "1 difference(s)" in tampered.stdout
    assert re.search(rf"│ budget\s+│ {key}\s+│ differs\s+│", tampered.stdout), tampered.stdout


@pytest.mark.parametrize("command", ["replay", "verify", "project"])
def test_an_unknown_view_is_a_one_line_error_listing_the_known_views(
    cli: Cli, store: Rapport, command: str
) -> None:
    result = cli(command, "--view", "nosuch")

    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: unknown view nosuch")
    for name in VIEW_NAMES:
        assert name in lines[0]


def wait_until(process: subprocess.Popen[bytes], condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert process.poll() is None, f"the projector exited ({process.returncode})"
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.1)


def test_project_catches_up_follows_new_events_and_stops_cleanly_on_sigterm(
    cli: Cli, store: Rapport, database_url: str, tmp_path: Path
) -> None:
    projections(cli)  # create the live tables first, so this test never races the projector
    out, err = tmp_path / "stdout", tmp_path / "stderr"

    def caught_up() -> bool:
        return all(row.lag == 0 for row in projections(cli).values())

    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = start_rapport(database_url, "project", stdout=stdout, stderr=stderr)
    try:
        # Polled only once the projector has opened the store: two processes
        # opening it at the same moment is not what this test is about.
        wait_until(process, lambda: "Projecting" in out.read_text(), "the projector started")
        wait_until(process, caught_up, "the projector reached the head of the log")
        open_engagement(store)
        wait_until(process, caught_up, "the projector followed a new event")

        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=WAIT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert returncode == 0, err.read_text()
    assert "Traceback" not in err.read_text()
