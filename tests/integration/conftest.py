"""Fixtures the integration tests share."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from typer.testing import CliRunner, Result

from application.service import Rapport
from interfaces.bootstrap import ViewRuntime, build_views
from interfaces.cli.common import USAGE_ERROR
from interfaces.cli.main import app as cli_app
from interfaces.settings import Settings

Cli = Callable[..., Result]


@pytest.fixture
def runtime(app: Rapport, database_url: str) -> Iterator[ViewRuntime]:
    """The views of `app`, waited for at most 0.2 s."""
    views = build_views(app, Settings(database_url=database_url, view_wait_seconds=0.2))
    try:
        yield views
    finally:
        views.close()


@pytest.fixture
def cli(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run `rapport ARGS...` on the test's database, as a shell would."""
    monkeypatch.setenv("RAPPORT_DATABASE_URL", database_url)
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli_app, list(args))

    return invoke


def assert_one_line_error(result: Result, *fragments: str) -> None:
    """The usage-error exit code, and one line on stderr naming the problem
    (each of `fragments`): no traceback, nothing escaped unhandled."""
    assert result.exit_code == USAGE_ERROR, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0]
