"""Workers standing by for a lock held elsewhere stop when told to: `rapport
project`, `sla-watch` and `webhook deliver` run as processes, wait for a lock
the test holds (or another `rapport` process holds), and are sent SIGTERM or
SIGINT (Ctrl-C), on SQLite and PostgreSQL."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from interfaces.bootstrap import ViewRuntime
from tests.processes import start_rapport, wait_until

# A standby stops within a pause between two tries of its lock (at most 0.2 s)
# and says so; the interpreter then tears down what it imported, which on a
# loaded machine takes a while longer before the process is gone.
STOP_SECONDS = 1.0
EXIT_SECONDS = 3.0
LOCKS = {
    ("project",): None,  # every view's projector lock, named from the views
    ("sla-watch",): ["sla-watch"],
    ("webhook", "deliver"): ["webhook-dispatch"],
}
SIGNALS = {"SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}


@pytest.fixture
def output(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    yield tmp_path / "stdout", tmp_path / "stderr"


def start(
    database_url: str, command: tuple[str, ...], output: tuple[Path, Path]
) -> subprocess.Popen[bytes]:
    out, err = output
    with out.open("wb") as stdout, err.open("wb") as stderr:
        return start_rapport(database_url, *command, stdout=stdout, stderr=stderr)


def stop(process: subprocess.Popen[bytes], number: int, out: Path) -> tuple[float, float]:
    """Send the signal: how long the process took after it to say it stopped,
    and to exit."""
    sent = time.monotonic()
    process.send_signal(number)
    said = None
    while process.poll() is None and time.monotonic() < sent + 30:
        if said is None and "Stopped" in out.read_text():
            said = time.monotonic() - sent
        time.sleep(0.01)
    if process.poll() is None:
        process.kill()
        process.wait()
        pytest.fail("the standby ignored the signal and had to be killed")
    exited = time.monotonic() - sent
    return exited if said is None else said, exited


def standing_by(process: subprocess.Popen[bytes], out: Path) -> None:
    """Once the process says it waits for its lock, and a little longer, so its
    worker is in the wait when the signal comes."""
    wait_until(lambda: process.poll() is not None or "Waiting for" in out.read_text())
    assert process.poll() is None, "the standby exited by itself"
    time.sleep(0.5)


@pytest.mark.parametrize("signal_name", SIGNALS)
@pytest.mark.parametrize("command", LOCKS, ids=" ".join)
def test_a_standby_waiting_for_a_lock_held_elsewhere_stops_within_a_second_of_a_signal(
    runtime: ViewRuntime,
    database_url: str,
    output: tuple[Path, Path],
    command: tuple[str, ...],
    signal_name: str,
) -> None:
    names = LOCKS[command] or [f"live:{view.name}" for view in runtime.views]
    with runtime.store.exclusive(names):
        process = start(database_url, command, output)
        try:
            standing_by(process, output[0])
            stopped, exited = stop(process, SIGNALS[signal_name], output[0])
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    out, err = (path.read_text() for path in output)
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    assert out.strip().splitlines()[-1] == "Stopped while waiting for the lock.", out
    assert stopped < STOP_SECONDS, f"stopped {stopped:.2f} s after {signal_name}"
    assert exited < EXIT_SECONDS, f"exited {exited:.2f} s after {signal_name}"


def test_a_second_projector_waiting_for_a_first_one_stops_on_sigterm_and_the_first_goes_on(
    database_url: str, tmp_path: Path
) -> None:
    first_out, second_out = tmp_path / "first", tmp_path / "second"
    first = start(database_url, ("project",), (first_out, tmp_path / "first-err"))
    second: subprocess.Popen[bytes] | None = None
    try:
        wait_until(lambda: "Projecting" in first_out.read_text())
        second = start(database_url, ("project",), (second_out, tmp_path / "second-err"))
        standing_by(second, second_out)

        stopped, exited = stop(second, signal.SIGTERM, second_out)

        assert second.returncode == 0, (tmp_path / "second-err").read_text()
        assert stopped < STOP_SECONDS and exited < EXIT_SECONDS, (stopped, exited)
        assert first.poll() is None, "the working projector stopped too"
        stopped, exited = stop(first, signal.SIGTERM, first_out)
        assert stopped < STOP_SECONDS and exited < EXIT_SECONDS, (stopped, exited)
        assert first_out.read_text().strip().splitlines()[-1] == "Stopped."
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
