"""`rapport serve`: the GraphQL API over HTTP and WebSocket, with uvicorn."""

from __future__ import annotations

import errno
import os
import socket
from typing import Annotated

import typer
import uvicorn

from interfaces.cli.common import console, fail
from interfaces.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes", min=1)] = 1,
    *,
    no_projectors: Annotated[
        bool,
        typer.Option(
            "--no-projectors", help="Leave the views to `rapport project` in another process"
        ),
    ] = False,
    no_sla_watch: Annotated[
        bool,
        typer.Option(
            "--no-sla-watch",
            help="Leave the SLA watchdog to `rapport sla-watch` in another process",
        ),
    ] = False,
    no_webhooks: Annotated[
        bool,
        typer.Option(
            "--no-webhooks", help="Leave webhooks to `rapport webhook deliver` in another process"
        ),
    ] = False,
) -> None:
    """Serve the GraphQL API at /graphql, with /healthz and /readyz.

    The views are projected, the SLA watchdog runs and webhooks are delivered
    inside the server unless --no-projectors, --no-sla-watch or --no-webhooks
    leaves them to their own processes; with several workers, one of them does
    each job and the others stand by."""
    require_free(host, port)
    # uvicorn's worker processes read their settings from the environment.
    for left_elsewhere, setting in [
        (no_projectors, "RAPPORT_PROJECTORS"),
        (no_sla_watch, "RAPPORT_SLA_WATCH"),
        (no_webhooks, "RAPPORT_WEBHOOKS"),
    ]:
        if left_elsewhere:
            os.environ[setting] = "false"
    settings = Settings()
    jobs = {
        job: flag
        for job, on, flag in [
            ("projecting views", settings.projectors, "--no-projectors"),
            ("watching SLAs", settings.sla_watch, "--no-sla-watch"),
            ("delivering webhooks", settings.webhooks, "--no-webhooks"),
        ]
        if on
    }
    for job in jobs:
        try:
            settings.require_direct_connection(job)
        except ValueError as error:
            fail(
                f"{error}; serve with {' '.join(jobs.values())} and run the jobs "
                "in processes of their own on a direct connection"
            )
    console.print(
        f"Serving GraphQL on http://{host}:{port}/graphql "
        f"({settings.env.value}; {', '.join(jobs) or 'API only'})"
    )
    uvicorn.run(
        "interfaces.http.app:serve_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=True,
    )


def require_free(host: str, port: int) -> None:
    """Fail in one line unless `host:port` can be listened on, before anything
    starts: the app would print a development token before uvicorn found the
    port taken. The socket is made as uvicorn makes it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                fail(f"port {port} on {host} is in use; stop what listens there or give --port")
            fail(f"cannot listen on {host} port {port}: {error.strerror or error}")


def schema() -> None:
    """Print the GraphQL schema (SDL); `schema.graphql` is this output, committed."""
    from interfaces.graphql.schema import build_schema

    print(build_schema().as_str())
