"""A second process writing to the log, so subscription tests see events that the
API process did not write itself (and so could only learn of from the log).

Usage: python -m tests.e2e.writer <database_url>
then one request a line on stdin, "<engagement_id> <count>": receives `count`
complaints on the engagement and answers with their log positions on one line.
It connects on the first request, so it may start before the API has created
the tables; it runs until stdin closes. `Writer` starts and drives it."""

from __future__ import annotations

import select
import subprocess
import sys
from pathlib import Path
from uuid import UUID

from application.commands.base import CommandMeta
from application.commands.complaint import ReceiveComplaint
from application.service import Rapport
from interfaces.bootstrap import bootstrap
from interfaces.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


class Writer:
    """The tests' handle on this module running in its own process: start it
    early, so its imports overlap the server's start-up."""

    def __init__(self, database_url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.writer", database_url],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def write(self, engagement_id: str, count: int, timeout: float = 30) -> list[int]:
        """Receive `count` complaints on the engagement; their log positions."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{engagement_id} {count}\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        assert line, f"the writer did not answer: {self.close()}"
        return [int(position) for position in line.split()]

    def close(self) -> str:
        """Stop the process (it ends when stdin closes); what it said on stderr."""
        assert self.process.stdin is not None and self.process.stderr is not None
        if not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.process.stderr.read()


def receive_complaints(rapport: Rapport, engagement_id: UUID, count: int) -> list[int]:
    positions = []
    for n in range(count):
        command = ReceiveComplaint(
            engagement_id=engagement_id,
            channel="email",
            severity="low",
            category="billing",
            description=f"Written by another process ({n})",
        )
        result = rapport.execute(command, CommandMeta(actor="writer"))
        assert result.position is not None
        positions.append(result.position)
    return positions


def main(database_url: str) -> None:
    rapport: Rapport | None = None
    try:
        for line in sys.stdin:
            engagement_id, count = line.split()
            rapport = rapport or bootstrap(Settings(database_url=database_url, pool_size=1))
            positions = receive_complaints(rapport, UUID(engagement_id), int(count))
            print(" ".join(map(str, positions)), flush=True)
    finally:
        if rapport is not None:
            rapport.close()


if __name__ == "__main__":
    main(sys.argv[1])
