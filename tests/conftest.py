"""Fixtures shared by every test: a controllable clock, and the application on
SQLite and on PostgreSQL, each test in its own database file or schema."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import psycopg
import pytest

from application.service import Rapport
from infrastructure.views.locks import lock_directory
from interfaces.bootstrap import ViewRuntime, bootstrap, build_views
from interfaces.settings import Settings

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current


def postgres_url() -> str:
    return os.environ.get("RAPPORT_TEST_DATABASE_URL", DEFAULT_POSTGRES_URL)


def _postgres_unavailable_reason() -> str | None:
    try:
        psycopg.connect(postgres_url(), connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL does not answer at {postgres_url()}: {error}".strip()
    return None


_POSTGRES_UNAVAILABLE = _postgres_unavailable_reason()
_postgres_results: dict[str, int] = {}


def require_postgres() -> None:
    if _POSTGRES_UNAVAILABLE is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{_POSTGRES_UNAVAILABLE} (CI requires PostgreSQL)", pytrace=False)
    pytest.skip(f"SKIPPED, NO POSTGRESQL: {_POSTGRES_UNAVAILABLE}")


@pytest.fixture
def postgres_schema_url() -> Iterator[str]:
    """A PostgreSQL URL pointing at a fresh schema, dropped after the test."""
    require_postgres()
    with fresh_schema() as url:
        yield url


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A PostgreSQL URL pointing at a new schema, dropped on leaving."""
    schema = f"test_{uuid4().hex[:16]}"
    with psycopg.connect(postgres_url(), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in postgres_url() else "?"
    try:
        yield f"{postgres_url()}{separator}schema={schema}"
    finally:
        with psycopg.connect(postgres_url(), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_settings(database_url: str, **overrides: object) -> Settings:
    return Settings(database_url=database_url, **overrides)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'rapport.db'}"
    request.node.add_marker(pytest.mark.postgres)
    url: str = request.getfixturevalue("postgres_schema_url")
    return url


@pytest.fixture(scope="session", autouse=True)
def no_lock_files_left(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A SQLite database's lock files live in the system's temporary directory,
    not beside it: once the run ends, remove those of every test database."""
    yield
    for database in tmp_path_factory.getbasetemp().rglob("*.db"):
        shutil.rmtree(lock_directory(database), ignore_errors=True)


@pytest.fixture
def app(database_url: str, clock: FakeClock) -> Iterator[Rapport]:
    application = bootstrap(make_settings(database_url, snapshot_interval=5), clock=clock)
    try:
        yield application
    finally:
        application.close()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and "postgres" in report.keywords:
        _postgres_results[report.outcome] = _postgres_results.get(report.outcome, 0) + 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    ran = sum(_postgres_results.values())
    if _POSTGRES_UNAVAILABLE is not None:
        terminalreporter.write_line(
            f"PostgreSQL tests were SKIPPED: {_POSTGRES_UNAVAILABLE}", red=True, bold=True
        )
    else:
        details = ", ".join(f"{n} {outcome}" for outcome, n in sorted(_postgres_results.items()))
        terminalreporter.write_line(
            f"PostgreSQL tests ran against the real server: {ran} ({details})"
        )


@pytest.fixture
def pg(postgres_schema_url: str) -> Iterator[tuple[Rapport, ViewRuntime, str]]:
    """The application and its views on a fresh PostgreSQL schema, and that schema's URL."""
    settings = make_settings(postgres_schema_url)
    app = bootstrap(settings)
    runtime = build_views(app, settings)
    try:
        yield app, runtime, postgres_schema_url
    finally:
        runtime.close()
        app.close()
