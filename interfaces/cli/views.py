"""`rapport project`, `replay`, `verify` and `projections`: running and checking the views."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from infrastructure.views.maintenance import failed, rebuild, statuses, verify
from infrastructure.views.projector import ViewFailed
from interfaces.bootstrap import ViewRuntime, build_views
from interfaces.cli.common import (
    Options,
    application,
    console,
    errors,
    fail,
    run_until_stopped,
)

ViewNames = Annotated[
    list[str] | None,
    typer.Option("--view", help="A view's name; repeat for several (default: all)"),
]


@contextmanager
def view_runtime(options: Options | None = None) -> Iterator[ViewRuntime]:
    """The views of the application (see `application` for `options`)."""
    with application(options) as rapport:
        try:
            runtime = build_views(rapport)
        except ValueError as error:
            fail(str(error))
        try:
            yield runtime
        except ValueError as error:
            fail(str(error))
        finally:
            runtime.close()


def register(app: typer.Typer) -> None:
    app.command()(project)
    app.command()(replay)
    app.command(name="verify")(verify_views)
    app.command()(projections)


def project(view: ViewNames = None) -> None:
    """Follow the log and keep the views up to date until stopped (Ctrl-C or SIGTERM).

    One projector per view runs at a time across processes; a second one waits
    and takes over when the first stops."""
    with view_runtime() as runtime:
        worker = runtime.worker(view or ())
        names = ", ".join(v.name for v in worker.views)

        def running() -> str:
            rebuilt = f"Rebuilt for a new schema: {', '.join(worker.rebuilt)}\n"
            return f"{rebuilt if worker.rebuilt else ''}Projecting; Ctrl-C stops."

        run_until_stopped(
            worker,
            ready=worker.following,
            waiting=f"Waiting for the projector lock of: {names}",
            running=running,
        )


def replay(view: ViewNames = None) -> None:
    """Rebuild views from the whole log into new tables, then switch over.

    The live tables keep answering until the switch."""
    with view_runtime() as runtime:
        runtime.settings.require_direct_connection("replaying views")
        views = runtime.select(view or ())
        head = runtime.rapport.head()
        columns = (
            *Progress.get_default_columns()[:1],
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        started = time.perf_counter()
        with Progress(*columns, console=console) as bar:
            task = bar.add_task(f"Replaying {len(views)} view(s)", total=head or 1)
            try:
                total = rebuild(
                    runtime.rapport,
                    runtime.store,
                    views,
                    batch_size=runtime.settings.projector_batch_size,
                    progress=lambda position, _: bar.update(task, completed=position),
                )
            except ViewFailed as error:
                bar.stop()
                errors.print(f"[red]error:[/red] {error}; the live views are unchanged")
                raise typer.Exit(1) from None
        seconds = time.perf_counter() - started
        rate = total / seconds if seconds else 0.0
        console.print(f"Replayed {total} events in {seconds:.1f} s: {rate:,.0f} events/s.")


def verify_views(view: ViewNames = None) -> None:
    """Rebuild views into scratch tables and compare them row by row with the live ones."""
    with view_runtime() as runtime:
        differences = verify(runtime.rapport, runtime.store, runtime.select(view or ()))
    if not differences:
        console.print("Every view equals a rebuild from the log.")
        return
    table = Table(title=f"{len(differences)} difference(s)")
    for column in ("view", "key", "problem"):
        table.add_column(column)
    for difference in differences:
        table.add_row(difference.view, difference.key, escape(difference.problem))
    console.print(table)
    raise typer.Exit(1)


def projections() -> None:
    """Each view's position in the log, the head of the log, the lag, and whether
    it projects; exit 1 when a view cannot take an event."""
    with view_runtime() as runtime:
        rows = statuses(runtime.rapport, runtime.store, runtime.views)
    table = Table(title="Projections")
    for column in ("view", "table generation", "position", "head", "lag", "state"):
        table.add_column(column, justify="left" if column in ("view", "state") else "right")
    for row in rows:
        state = "[red]FAILED[/red]: " + escape(failed(row.failure)) if row.failure else "ok"
        table.add_row(
            row.view, str(row.generation), str(row.position), str(row.head), str(row.lag), state
        )
    console.print(table)
    if any(row.failure for row in rows):
        raise typer.Exit(1)
