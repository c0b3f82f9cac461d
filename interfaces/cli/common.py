"""What every `rapport` command shares: the consoles, failing in one line, and
opening the application from the environment's settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import NoReturn
from uuid import UUID

import typer
from rich.console import Console

from application.errors import ApplicationError, DomainError
from application.service import Rapport
from interfaces.bootstrap import bootstrap

console = Console()
errors = Console(stderr=True)

USAGE_ERROR = 2


def fail(message: str) -> NoReturn:
    errors.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(USAGE_ERROR)


@contextmanager
def application() -> Iterator[Rapport]:
    """The application built from the environment's settings; errors become one line."""
    try:
        rapport = bootstrap()
    except Exception as error:  # settings or database unusable: say so in one line
        fail(f"cannot open the event store: {error}")
    try:
        yield rapport
    except (ApplicationError, DomainError) as error:
        fail(str(error))
    finally:
        rapport.close()


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
