"""The JavaScript clients Rapport's users run (npm `graphql-ws`, `graphql-http`'s
audit), started with Node from `tests/js` against a live server.

`make test` installs them (`tests/ensure_node.sh`). Without Node or without
them the tests that need them are skipped with a loud reason, and with
`CI=true` they fail, as the PostgreSQL tests do."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

JS = Path(__file__).resolve().parents[1] / "js"
STEP = 15.0  # seconds one line may take before the test fails instead of hanging


def _unavailable_reason() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (make test installs Debian's nodejs and npm)"
    if not (JS / "node_modules").is_dir():
        return f"the JavaScript clients are not installed: run `npm ci` in {JS} (make test does)"
    return None


def require_node() -> None:
    """Skip the test, loudly, when Node or the clients are missing; in CI, fail it."""
    reason = _unavailable_reason()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI requires the JavaScript client tests)", pytrace=False)
    pytest.skip(f"SKIPPED, NO JAVASCRIPT CLIENTS: {reason}")


class NodeScript:
    """A script of `tests/js` running under Node, read one JSON line at a time."""

    def __init__(self, script: str, *args: str) -> None:
        require_node()
        self.process = subprocess.Popen(
            ["node", script, *args],
            cwd=JS,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Read by a thread: a pipe's reader buffers ahead, so waiting on the pipe
        # itself would miss lines that already arrived.
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="node-stdout", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put("")  # the end

    def line(self, timeout: float = STEP) -> Any:
        """The next line the script printed, parsed; fails when none comes in time."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            line = ""
        assert line, f"the script said nothing more: {self.finish()}"
        return json.loads(line)

    def lines(self, timeout: float = 60) -> list[Any]:
        """Every line the script prints until it exits; fails unless it exits with 0."""
        self._reader.join(timeout)
        assert not self._reader.is_alive(), f"the script ran past {timeout} s: {self.finish()}"
        status = self.finish()
        assert status == "exit 0: ", status
        return [json.loads(line) for line in iter(self._lines.get_nowait, "")]

    def finish(self, timeout: float = STEP) -> str:
        """Wait for the script to exit (killing it when it does not); its exit code
        and what it said on stderr."""
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        assert self.process.stderr is not None
        return f"exit {self.process.returncode}: {self.process.stderr.read()}"

    def __enter__(self) -> NodeScript:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._reader.join(STEP)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
