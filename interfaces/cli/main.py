"""The `rapport` command line."""

from __future__ import annotations

from typing import Annotated

import typer

from application.ports import TimeAxis
from interfaces.cli import calendars, sla, tokens, views, webhooks
from interfaces.cli.common import application, console, fail, parse_id, parse_time
from interfaces.cli.render import history_table, state_table
from interfaces.cli.serve import schema, serve

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
views.register(app)
app.add_typer(tokens.app, name="token")
app.add_typer(calendars.app, name="calendar")
app.add_typer(sla.app, name="sla")
app.command(name="sla-watch")(sla.sla_watch)
app.add_typer(webhooks.app, name="webhook")
app.command()(serve)
app.command()(schema)


@app.command()
def history(aggregate_id: Annotated[str, typer.Argument(help="Aggregate id")]) -> None:
    """Print an aggregate's events: version, times, actor, type and data."""
    with application() as rapport:
        console.print(history_table(rapport.history(parse_id(aggregate_id))))


@app.command()
def show(
    aggregate_id: Annotated[str, typer.Argument(help="Aggregate id")],
    version: Annotated[int | None, typer.Option(help="State at this version")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="State as known at this time (ISO 8601)")
    ] = None,
    occurred: Annotated[
        bool,
        typer.Option("--occurred", help="With --as-of: as it was in the business at that time"),
    ] = False,
) -> None:
    """Print an aggregate's state now, at a version, or at a time."""
    if version is not None and as_of is not None:
        fail("give --version or --as-of, not both")
    if occurred and as_of is None:
        fail("--occurred goes with --as-of")
    with application() as rapport:
        target = parse_id(aggregate_id)
        if as_of is not None:
            axis = TimeAxis.OCCURRED if occurred else TimeAxis.RECORDED
            aggregate = rapport.get_at(target, parse_time(as_of), axis)
        else:
            aggregate = rapport.get(target, version=version)
        console.print(state_table(aggregate))


@app.command()
def demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Only when the event store holds no events yet")
    ] = False,
    again: Annotated[
        bool, typer.Option("--again", help="Load another copy when the demo is already loaded")
    ] = False,
) -> None:
    """Load a realistic sample: engagements, requirements, complaints and risks."""
    from interfaces.cli.demo import demo_loaded, load_demo

    with application() as rapport:
        if if_empty and rapport.head() > 0:
            console.print("The event store already holds events; no demo loaded.")
            return
        if not again and demo_loaded(rapport):
            fail("the demo is already loaded; `rapport demo --again` loads another copy")
        summary = load_demo(rapport, progress=lambda line: console.print(line, style="dim"))
    console.print(summary)
