"""What every `rapport` command shares: the consoles, failing in one line, and
opening the application from the environment's settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

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
