"""What every `rapport` command shares: the consoles, failing in one line,
opening the application from the environment's settings, and running a worker
in the foreground."""

from __future__ import annotations

import getpass
import os
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import NoReturn, Protocol
from uuid import UUID

import typer
from rich.console import Console, ConsoleDimensions
from rich.markup import escape

from application.commands.base import Command, CommandMeta, CommandResult
from application.errors import ApplicationError, DomainError, InvalidValue
from application.service import Rapport
from interfaces.bootstrap import bootstrap

# Wider than any line a command prints: piped output is never wrapped.
UNWRAPPED_WIDTH = 100_000


class CommandConsole(Console):
    """On a terminal, lines wrap at its width. Piped or redirected, nothing is
    wrapped: a line stays one line, so an id or a secret reaches `cut`, `grep`
    or a file whole, and a table keeps one row per line."""

    @property
    def size(self) -> ConsoleDimensions:
        measured = super().size
        if self.is_terminal:
            return measured
        return ConsoleDimensions(UNWRAPPED_WIDTH, measured.height)

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        self.width, self.height = new_size


console = CommandConsole()
errors = CommandConsole(stderr=True)

USAGE_ERROR = 2


def fail(message: str) -> NoReturn:
    # The message is text, never markup: a rule's name in brackets stays in it.
    errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(USAGE_ERROR)


# The command line's name for each field a command may refuse a value of:
# `--client` for `client_id`, `NAME` for an argument.
Options = Mapping[str, str]


@contextmanager
def application(options: Options | None = None) -> Iterator[Rapport]:
    """The application built from the environment's settings; errors become one
    line, naming a refused value by its option in `options`."""
    try:
        rapport = bootstrap()
    except Exception as error:  # settings or database unusable: say so in one line
        fail(f"cannot open the event store: {error}")
    try:
        yield rapport
    except (ApplicationError, DomainError) as error:
        fail(refusal(error, options or {}))
    finally:
        rapport.close()


def execute(command: Command, options: Options) -> CommandResult:
    """Run a command as the user at the keyboard; a refusal is one line that
    names the option given a bad value (see `application`)."""
    with application(options) as rapport:
        actor = f"{_login_name()} (command line)"
        return rapport.execute(command, CommandMeta(actor=actor))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # a container user with no name and no $USER
        return f"uid {os.getuid()}"


def refusal(error: ApplicationError | DomainError, options: Options) -> str:
    """Why a command was refused, in the command line's words: a bad value is
    named by the option it was given with, not by the field it fills."""
    if isinstance(error, InvalidValue):
        # An item of a list ("eventTypes[0]") is named by the list's option.
        field = error.field.split("[")[0]
        if field in options:
            return f"{options[field]}: {error.message}"
    return str(error)


def parse_id(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError:
        fail(f"{text!r} is not an id (expected a UUID)")


def parse_time(text: str) -> datetime:
    """ISO 8601 date or time; without an offset it is taken as UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        fail(f"{text!r} is not an ISO 8601 time (for example 2026-03-01T12:00:00+00:00)")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class ForegroundWorker(Protocol):
    """A worker thread that a command runs until it is stopped."""

    stopping: threading.Event

    def start(self) -> None: ...

    def is_alive(self) -> bool: ...

    def join(self, timeout: float | None = None) -> None: ...

    def stop(self, timeout: float | None = None) -> None: ...


def run_until_stopped(
    worker: ForegroundWorker,
    *,
    ready: threading.Event,
    waiting: str,
    running: Callable[[], str],
    stop_timeout: float | None = None,
) -> None:
    """Run `worker` until it ends, or Ctrl-C or SIGTERM stops it: say what it
    waits for (its lock), then, once `ready` is set, what it is doing, and at
    the end that it stopped. A worker still waiting for its lock stops too."""
    signals: list[int] = []
    # The handlers only note the signal: the loop below stops the worker.
    # (Setting an event from a handler could deadlock on the event's own lock.)
    previous = {
        number: signal.signal(number, lambda received, _: signals.append(received))
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    console.print(waiting)
    worker.start()
    try:
        announced = False
        while worker.is_alive() and not signals:
            if ready.is_set() and not announced:
                console.print(running())
                announced = True
            worker.join(timeout=0.1)
    finally:
        worker.stop(stop_timeout)
        for number, handler in previous.items():
            signal.signal(number, handler)
    console.print("Stopped." if ready.is_set() else "Stopped while waiting for the lock.")
