"""`rapport token create`, `list` and `revoke`: the API tokens callers present.

The command line acts with no principal: whoever runs it already holds the
database, so there is nobody to check it against.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from application.ports import TokenRecord
from interfaces.bootstrap import build_tokens
from interfaces.cli.common import console, parse_id
from interfaces.cli.views import view_runtime

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)

CREATE_OPTIONS = {"role": "--role", "name": "--name", "client_id": "--client"}


@app.command()
def create(
    role: Annotated[str, typer.Option(help="admin, manager, agent, viewer or client")],
    name: Annotated[str, typer.Option(help="Who uses it; recorded as the actor of its events")],
    client: Annotated[
        str | None, typer.Option(help="The client a client token speaks for (its id)")
    ] = None,
) -> None:
    """Issue a token and print its secret: the only time it is shown."""
    client_id = None if client is None else parse_id(client)
    with view_runtime(CREATE_OPTIONS) as runtime:
        secret, record = build_tokens(runtime).create(role, name, client_id)
    # A name is free text: shown as typed, never read as rich markup.
    console.print(
        f"Created token {record.token_id} for {record.name} ({_scope(record)}):", markup=False
    )
    console.print(secret, markup=False, highlight=False, soft_wrap=True)
    console.print("Copy the secret now: it will not be shown again.", style="bold")


@app.command(name="list")
def list_tokens() -> None:
    """Every token, revoked ones included; never their secrets."""
    with view_runtime() as runtime:
        records = build_tokens(runtime).all()
    if not records:
        console.print("No API tokens yet; `rapport token create` issues one.")
        return
    table = Table(title=f"{len(records)} API token(s)")
    for column in ("id", "name", "role", "client", "created", "revoked"):
        table.add_column(column)
    for record in records:
        table.add_row(
            str(record.token_id),
            escape(record.name),
            record.role,
            str(record.client_id or ""),
            _time(record.created_at),
            _time(record.revoked_at),
        )
    console.print(table)


@app.command()
def revoke(token_id: Annotated[str, typer.Argument(help="The token's id")]) -> None:
    """Stop a token from authenticating; revoking it again changes nothing."""
    target = parse_id(token_id)
    with view_runtime() as runtime:
        record = build_tokens(runtime).revoke(target)
    revoked = _time(record.revoked_at)
    console.print(f"Token {record.token_id} ({record.name}) revoked at {revoked}.", markup=False)


def _scope(record: TokenRecord) -> str:
    if record.client_id is None:
        return record.role
    return f"{record.role} of {record.client_id}"


def _time(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(timespec="seconds")
