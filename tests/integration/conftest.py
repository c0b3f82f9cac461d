"""Fixtures the integration tests share."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner, Result

from interfaces.cli.main import app as cli_app

Cli = Callable[..., Result]


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run `rapport ARGS...` on the test's database, as a shell would."""
    monkeypatch.setenv("RAPPORT_DATABASE_URL", database_url)
    # Wide enough that no table column folds an id or a time across lines.
    monkeypatch.setenv("COLUMNS", "250")
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli_app, list(args))

    return invoke
