"""`rapport webhook`: endpoints that receive the log's events, and their deliveries.

The command line acts with no principal: whoever runs it already holds the
database, so there is nobody to check it against.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from interfaces.bootstrap import build_webhooks
from interfaces.cli.common import console, parse_id, run_until_stopped
from interfaces.cli.views import view_runtime

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Endpoints that receive the log's events, and their deliveries.",
)

ADD_OPTIONS = {"url": "URL", "eventTypes": "--event"}


@app.command()
def add(
    url: Annotated[str, typer.Argument(help="Where to POST events (http:// or https://)")],
    event: Annotated[
        list[str] | None,
        typer.Option("--event", help='An event type or pattern, e.g. "Complaint.*"; repeat'),
    ] = None,
    client: Annotated[str | None, typer.Option(help="Only this client's events (its id)")] = None,
) -> None:
    """Register an endpoint and print its signing secret: the only time it is shown."""
    client_id = None if client is None else parse_id(client)
    with view_runtime(ADD_OPTIONS) as runtime:
        endpoint, secret = build_webhooks(runtime).register(url, tuple(event or ("*",)), client_id)
    console.print(f"Registered webhook {endpoint.endpoint_id} for {endpoint.url}:", markup=False)
    console.print(secret, markup=False, highlight=False, soft_wrap=True)
    console.print("Copy the secret now: it will not be shown again.", style="bold")


@app.command(name="list")
def list_webhooks() -> None:
    """Every endpoint: what it receives, how far it got, and whether it is failing."""
    with view_runtime() as runtime:
        endpoints = build_webhooks(runtime).all()
    if not endpoints:
        console.print("No webhooks yet; `rapport webhook add URL` registers one.")
        return
    table = Table(title=f"{len(endpoints)} webhook(s)")
    for column in ("id", "url", "events", "client", "position", "failing since", "disabled"):
        table.add_column(column, overflow="fold")
    for e in endpoints:
        disabled = f"{_time(e.disabled_at)} {e.disabled_reason}".strip()
        table.add_row(
            str(e.endpoint_id),
            escape(e.url),
            escape(", ".join(e.event_types)),
            str(e.client_id or ""),
            str(e.position),
            _time(e.failing_since),
            escape(disabled),
        )
    console.print(table)


@app.command()
def disable(endpoint_id: Annotated[str, typer.Argument(help="The endpoint's id")]) -> None:
    """Stop delivering to an endpoint until it is enabled."""
    with view_runtime() as runtime:
        build_webhooks(runtime).disable(parse_id(endpoint_id))
    console.print(f"Webhook {endpoint_id} disabled.")


@app.command()
def enable(endpoint_id: Annotated[str, typer.Argument(help="The endpoint's id")]) -> None:
    """Deliver again, from where it stopped: nothing recorded meanwhile is lost."""
    with view_runtime() as runtime:
        build_webhooks(runtime).enable(parse_id(endpoint_id))
    console.print(f"Webhook {endpoint_id} enabled.")


@app.command()
def remove(endpoint_id: Annotated[str, typer.Argument(help="The endpoint's id")]) -> None:
    """Forget an endpoint and its delivery log."""
    with view_runtime() as runtime:
        build_webhooks(runtime).remove(parse_id(endpoint_id))
    console.print(f"Webhook {endpoint_id} removed.")


@app.command()
def deliveries(
    endpoint_id: Annotated[str, typer.Argument(help="The endpoint's id")],
    limit: Annotated[int, typer.Option(help="How many, the latest first", min=1)] = 20,
) -> None:
    """The latest delivery attempts: event, try, status, latency."""
    with view_runtime() as runtime:
        attempts = build_webhooks(runtime).attempts(parse_id(endpoint_id), limit)
    table = Table(title=f"Latest deliveries to {endpoint_id}")
    for column in ("position", "event id", "try", "at", "status", "ms", "error"):
        table.add_column(column, overflow="fold")
    for a in attempts:
        table.add_row(
            str(a.position),
            str(a.event_id),
            str(a.attempt),
            _time(a.attempted_at),
            "" if a.status is None else str(a.status),
            f"{a.latency_ms:.1f}",
            escape(a.error),
        )
    console.print(table)


@app.command()
def deliver() -> None:
    """Deliver webhooks until stopped (Ctrl-C or SIGTERM).

    For when `rapport serve` runs with RAPPORT_WEBHOOKS=false. One process
    delivers at a time; a second waits and takes over when the first stops."""
    with view_runtime() as runtime:
        dispatcher = runtime.webhook_dispatcher()
        run_until_stopped(
            dispatcher,
            ready=dispatcher.active,
            waiting="Waiting for the webhook dispatch lock.",
            running=lambda: "Delivering webhooks; Ctrl-C stops.",
            stop_timeout=15,
        )


def _time(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(timespec="seconds")
