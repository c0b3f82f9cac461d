"""Where `rapport serve` spends its CPU on `receiveComplaint`: the API benchmark's
mutation (tests/benchmarks/test_api_benchmarks.py: four clients, the server in
its own process on a fresh PostgreSQL schema, views projected inside it, each
mutation answered once the views show it), sampled by py-spy attached to the
server. Not a test: pytest does not collect it.

    .venv/bin/python -m tests.benchmarks.profile_mutations [--seconds 20] [--rate 250]

After a warm-up come five load windows of the same length: one unsampled, to
see what sampling costs; two recorded as folded stacks (every running thread's
samples; only the samples of the thread holding the GIL) and summed into the
table printed at the end; and the same two drawn as flame graphs. All four go
to docs/profiles, the folded stacks gzipped.

A sample counts for one part of the path: the part its stack is in, the
innermost where parts nest (a view-row write inside the projector, a resolver
inside strawberry's execution), so each part includes the libraries it calls.
A part's milliseconds per mutation are its share of the samples times the
server's CPU per mutation over the same window, two ways: every running
thread's samples against all its CPU; the GIL holder's against its user CPU,
with its system CPU (the kernel's work on its sockets and locks, held by no
Python frame) a part of its own. The GIL holder's samples add up to its user
CPU, so the second way is the one to trust where they differ.

py-spy's own test of whether a thread is idle lets through many samples of
threads blocked on a lock or a socket when the machine is this busy: a sample
whose innermost frame waits (for a lock, for PostgreSQL, or in the event loop's
C code, which also polls there) is counted apart as waiting, not as CPU. A
thread waiting to take the GIL back after PostgreSQL answered still counts as
running, which inflates the parts that talk to PostgreSQL in the first way.
"""

from __future__ import annotations

import argparse
import gzip
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from interfaces.bootstrap import bootstrap, build_tokens, build_views
from tests.benchmarks.http_load import ROOT, Load, Server, run_load, serving, wait_for_views
from tests.benchmarks.workloads import receive_body, received
from tests.builders import open_engagement
from tests.conftest import fresh_schema, make_settings

CLIENTS = 4  # as in the API benchmark
WARM_UP_SECONDS = 3.0
PROFILES = ROOT / "docs" / "profiles"
PY_SPY = Path(sys.executable).with_name("py-spy")


@dataclass(frozen=True)
class Recording:
    """One py-spy recording of a window: `gil` keeps only the samples of the
    thread holding the GIL; `fmt` is py-spy's "raw" (folded stacks, without line
    numbers, for the table) or "flamegraph" (an SVG, with them)."""

    file: str
    fmt: str
    gil: bool

    @property
    def path(self) -> Path:
        return PROFILES / self.file

    @property
    def threads(self) -> str:
        return "the thread holding the GIL" if self.gil else "every running thread"

    def command(self, pid: int, rate: int, output: Path) -> list[str]:
        options = ["--gil"] if self.gil else []
        if self.fmt == "raw":
            options.append("--nolineno")
        return [
            *(str(PY_SPY), "record", "--pid", str(pid), "--rate", str(rate)),
            *("--format", self.fmt, "--output", str(output), *options),
        ]

    def keep(self, output: Path, title: str) -> None:
        """Folded stacks are kept gzipped; a flame graph's title, py-spy's
        command line, becomes `title`."""
        if self.fmt == "raw":
            with gzip.GzipFile(self.path, "wb", mtime=0) as kept:
                kept.write(output.read_bytes())
            return
        drawn = output.read_text()
        named = re.sub(r'(<text id="title"[^>]*>)[^<]*', lambda m: m[1] + title, drawn, count=1)
        self.path.write_text(named)


FOLDED = Recording("mutation.folded.gz", "raw", gil=False)
FOLDED_GIL = Recording("mutation-gil.folded.gz", "raw", gil=True)
DRAWN = Recording("mutation.svg", "flamegraph", gil=False)
DRAWN_GIL = Recording("mutation-gil.svg", "flamegraph", gil=True)


@contextmanager
def sampled(
    server: Server, recording: Recording, rate: int, seconds: float, scratch: Path
) -> Iterator[None]:
    """py-spy attached to the server for as long as the block runs; it writes
    its recording when interrupted."""
    log, output = scratch / "py-spy.log", scratch / "recording"
    command = recording.command(server.process.pid, rate, output)
    with log.open("wb") as messages:
        spy = subprocess.Popen(command, stdout=messages, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while b"Sampling process" not in log.read_bytes():
            if spy.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"py-spy did not start:\n{log.read_text()}")
            time.sleep(0.05)
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        if spy.wait(timeout=120) != 0 or not output.exists():
            raise RuntimeError(f"py-spy failed:\n{log.read_text()}")
    recording.keep(
        output,
        f"rapport serve: receiveComplaint, {CLIENTS} clients for {seconds:.0f} s, "
        f"{recording.threads} sampled {rate} times a second",
    )


@dataclass
class Window:
    """A load window: what the clients saw, and the server's user and system CPU."""

    name: str
    load: Load
    user: float
    system: float

    @classmethod
    def measured(cls, name: str, server: Server, run: Callable[[], Load]) -> Window:
        before = server.process.cpu_times()
        load = run()
        after = server.process.cpu_times()
        return cls(name, load, after.user - before.user, after.system - before.system)

    @property
    def mutations(self) -> int:
        return len(self.load.latencies)

    def row(self) -> str:
        per = 1000 / self.mutations
        return (
            f"  {self.name:<34} {self.mutations:6d} mutations in {self.load.seconds:5.1f} s "
            f"({self.load.rate:5.1f} /s), server CPU {self.load.cpu_ms():4.2f} ms per mutation "
            f"(user {self.user * per:4.2f}, system {self.system * per:4.2f})"
        )


# Stacks


@dataclass(frozen=True)
class Frame:
    function: str
    file: str  # as py-spy shortens it: from the package, `psycopg/cursor.py`

    @classmethod
    def parsed(cls, text: str) -> Frame:
        function, _, file = text.rpartition(" (")
        return cls(function, file.rstrip(")"))

    def within(self, *prefixes: str) -> bool:
        return self.file.startswith(prefixes)


Stack = tuple[Frame, ...]  # outermost first


def folded(path: Path) -> Counter[Stack]:
    """py-spy's raw format: one `frame;frame;...;frame count` line per stack."""
    stacks: Counter[Stack] = Counter()
    for line in gzip.decompress(path.read_bytes()).decode().splitlines():
        stack, _, count = line.rpartition(" ")
        stacks[tuple(Frame.parsed(frame) for frame in stack.split(";"))] += int(count)
    return stacks


WAITING = "(waiting: a lock, PostgreSQL, or the event loop's poll)"
WAITS = {
    ("Condition.wait", "threading.py"),
    ("Connection.wait", "psycopg/connection.py"),  # the socket to PostgreSQL, in C
    ("Runner.run", "asyncio/runners.py"),  # uvloop's loop, in C: polls, reads and writes
}


def calls(stack: Stack, *functions: str) -> bool:
    return any(frame.function in functions for frame in stack)


def innermost(stack: Stack, owners: dict[str, str]) -> str | None:
    """The part of the innermost frame whose file one of `owners` (file prefix:
    part) names; frames of other files (the standard library, psycopg) count
    for whoever called them."""
    for frame in reversed(stack):
        for prefix, part in owners.items():
            if frame.within(prefix):
                return part
    return None


def part(stack: Stack) -> str:
    if (stack[-1].function, stack[-1].file) in WAITS:
        return WAITING
    if calls(stack, "ProjectionWorker.run"):
        return projector_part(stack)
    if calls(stack, "WorkerThread.run"):  # anyio's worker threads: the resolver's own work
        return worker_part(stack)
    if stack[0].function == "<module>":
        return event_loop_part(stack)
    return "other threads: SLA watch, webhooks, log follower, pool"


def projector_part(stack: Stack) -> str:
    if calls(stack, "TypedMapper.to_domain_event"):
        return "projector: decoding events"
    if calls(stack, "read_log"):
        return "projector: reading the log (SQL, psycopg)"
    if calls(stack, "Projector._states"):
        return "projector: loading view states"
    if calls(stack, "Projector._fold"):
        return "projector: folding views"
    if calls(stack, "ViewStore.save"):
        return "projector: writing view rows (SQLAlchemy, psycopg)"
    if calls(stack, "EventWaiter.__call__"):
        return "projector: listening for new events"
    return "projector: the rest"


def worker_part(stack: Stack) -> str:
    if calls(stack, "Rapport.wait_for_views"):
        return "waiting for views (the waiter)"
    if calls(stack, "Rapport._earlier_answer"):
        return "execute: idempotency look-up"
    if calls(stack, "Repository.get"):
        if calls(stack, "CommandDecision._policy_in_force"):
            return "execute: load the SLA policy (eventsourcing, psycopg)"
        if calls(stack, "CommandDecision.open_engagement"):
            return "execute: load the engagement (eventsourcing, psycopg)"
        return "execute: load other aggregates"
    if calls(stack, "Rapport.record"):
        owner = innermost(
            stack,
            {"eventsourcing/": "save", "infrastructure/": "index", "application/": "index"},
        )
        if owner == "index":  # built before the save, written in its transaction
            return "execute: event index rows"
        return "execute: save events (eventsourcing recorder, psycopg)"
    if calls(stack, "Rapport._decide"):
        return "execute: decide (command, domain)"
    if calls(stack, "Rapport.execute"):
        return "execute: the rest (permission, retry loop)"
    return "resolver in the worker thread, anyio's thread"


EVENT_LOOP_OWNERS = {
    "interfaces/graphql/": "resolver on the event loop (arguments, payload)",
    "anyio/": "event loop: anyio's hand-off to worker threads",
    "asyncio/": "event loop: asyncio",
    "logging/": "uvicorn's access log (logging)",
    "strawberry/": "strawberry: execute (framework)",
    "graphql/": "strawberry: execute (framework)",
    **dict.fromkeys(
        ("uvicorn/", "starlette/", "fastapi/", "h11/", "httptools/", "interfaces/http/"),
        "HTTP: uvicorn, starlette, FastAPI, our middleware",
    ),
}


def event_loop_part(stack: Stack) -> str:
    if calls(stack, "GraphQLEndpoint._principal") or any(
        frame.within("interfaces/http/auth.py", "application/tokens.py", "infrastructure/auth/")
        for frame in stack
    ):
        return "token & auth"
    if calls(stack, "GraphQLEndpoint.encode_json", "BaseView.decode_json", "BaseView.parse_json"):
        return "JSON decoding & encoding"
    if calls(stack, "SchemaExtensionsRunner.parsing", "SchemaExtensionsRunner.validation") or any(
        frame.within(
            "interfaces/graphql/preparation.py",
            "interfaces/graphql/query_size.py",
            "graphql/language/",
            "graphql/validation/",
        )
        for frame in stack
    ):
        return "strawberry: parse & validate (remembered per document)"
    return innermost(stack, EVENT_LOOP_OWNERS) or "event loop: the rest"


@dataclass
class Shares:
    """Samples per part of one recording, waits apart, and the window they
    were taken in."""

    parts: Counter[str]
    leaves: Counter[Frame]
    waiting: int
    window: Window

    @classmethod
    def of(cls, recording: Recording, window: Window) -> Shares:
        parts: Counter[str] = Counter()
        leaves: Counter[Frame] = Counter()
        for stack, count in folded(recording.path).items():
            name = part(stack)
            parts[name] += count
            if name != WAITING:
                leaves[stack[-1]] += count
        waiting = parts.pop(WAITING, 0)
        return cls(parts, leaves, waiting, window)

    @property
    def busy(self) -> int:
        return sum(self.parts.values())

    def share(self, name: str) -> float:
        return self.parts[name] / self.busy


def report(windows: list[Window], threads: Shares, gil: Shares, rate: int) -> None:
    """The windows, then each part's share of the samples and milliseconds per
    mutation, two ways: every running thread's samples against the server's
    CPU; the GIL holder's against its user CPU, its system CPU apart (the
    kernel's work for its sockets and locks, which no Python frame holds)."""
    print(f"\n## receiveComplaint over HTTP, {CLIENTS} clients, py-spy at {rate} /s")
    for window in windows:
        print(window.row())
    print(
        f"\n  {FOLDED.file}: {threads.busy} samples running, {threads.waiting} waiting; "
        f"{FOLDED_GIL.file}: {gil.busy} samples holding the GIL, {gil.waiting} waiting\n"
    )
    print(
        f"  the GIL held {gil.busy / rate:.1f} s of the window by its samples; "
        f"the server's user CPU over it {gil.window.user:.1f} s, system CPU "
        f"{gil.window.system:.1f} s\n"
    )
    cpu_ms = threads.window.load.cpu_ms()
    per = 1000 / gil.window.mutations
    user_ms, system_ms = gil.window.user * per, gil.window.system * per
    print(f"  | {'part':<56} | threads % |   ms | GIL % |   ms |")
    print(f"  |{'-' * 58}|----------:|-----:|------:|-----:|")
    for name in sorted(threads.parts.keys() | gil.parts.keys(), key=lambda n: -gil.parts[n]):
        mine, held = threads.share(name), gil.share(name)
        print(
            f"  | {name:<56} | {mine * 100:9.1f} | {mine * cpu_ms:4.2f} "
            f"| {held * 100:5.1f} | {held * user_ms:4.2f} |"
        )
    print(
        f"  | {'kernel (system CPU): sockets, locks, polling':<56} |           |      |       "
        f"| {system_ms:4.2f} |"
    )
    print(
        f"  | {'all':<56} | {100:9.1f} | {cpu_ms:4.2f} | {100:5.1f} | {user_ms + system_ms:4.2f} |"
    )
    print("\n  Innermost frames holding the GIL most often:")
    for frame, count in gil.leaves.most_common(12):
        print(f"  {count / gil.busy * 100:5.1f} %  {frame.function} ({frame.file})")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each window")
    parser.add_argument("--rate", type=int, default=250, help="samples per second")
    args = parser.parse_args()
    PROFILES.mkdir(parents=True, exist_ok=True)
    with fresh_schema() as url, TemporaryDirectory() as tmp:
        logs = Path(tmp)
        settings = make_settings(url)
        app = bootstrap(settings)
        runtime = build_views(app, settings)
        try:
            token, _ = build_tokens(runtime).create("agent", "bench-agent")
            body = receive_body(open_engagement(app))
            with serving(url, logs / "server.log") as server:
                wait_for_views(app, runtime)

                def load(seconds: float = args.seconds) -> Load:
                    return run_load(
                        server, token, body, clients=CLIENTS, seconds=seconds, ok=received
                    )

                load(WARM_UP_SECONDS)
                windows = [Window.measured("unsampled", server, load)]
                for recording in (FOLDED, FOLDED_GIL, DRAWN, DRAWN_GIL):
                    with sampled(server, recording, args.rate, args.seconds, logs):
                        windows.append(Window.measured(recording.file, server, load))
        finally:
            runtime.close()
            app.close()
    threads = Shares.of(FOLDED, windows[1])
    gil = Shares.of(FOLDED_GIL, windows[2])
    report(windows, threads, gil, args.rate)


if __name__ == "__main__":
    main()
