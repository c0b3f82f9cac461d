"""Every setting Rapport reads, from `RAPPORT_*` environment variables."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal
from enum import StrEnum

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from application.views.health import HealthThresholds


class DirectConnectionRequired(ValueError):
    """A job that needs a direct connection was asked of a process whose
    database_url goes through a transaction pooler."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RAPPORT_", extra="ignore")

    env: Environment = Field(
        Environment.DEVELOPMENT,
        description="development: GraphiQL, introspection and a local admin token at "
        "start-up; production: none of these",
    )

    database_url: str = Field(
        "sqlite:///./rapport.db",
        description="postgresql://user:password@host:port/db[?schema=name] or sqlite:///path",
    )
    read_database_url: str | None = Field(
        None,
        description="A streaming replica of the PostgreSQL database, for queries of the "
        "views (the audit trail included); commands and the views' writes stay on "
        "database_url. A mutation answers once the replica shows it too (within the "
        "view wait), so the caller's next query sees its own write",
    )
    transaction_pooler: bool = Field(
        False,
        description="database_url goes through a pooler in transaction mode (PgBouncer's "
        "pool_mode = transaction): no statement is prepared, subscriptions poll the head "
        "of the log instead of LISTEN, and the projectors, the SLA watchdog, the "
        "webhook deliveries and view replays refuse to run (they need a direct connection)",
    )
    snapshot_interval: int = Field(
        25, ge=0, description="Snapshot an aggregate every N events (0: never)"
    )
    aggregate_cache_size: int = Field(
        1000, ge=0, description="Aggregates kept in memory between commands (0: none)"
    )
    pool_size: int = Field(10, ge=1, description="Database connections per process")
    lock_timeout_seconds: int = Field(5, ge=1, description="Wait for the events table lock")
    command_attempts: int = Field(
        50, ge=1, description="Times a command is re-decided after losing a write race"
    )
    projector_batch_size: int = Field(
        2000, ge=1, description="Events a projector folds and writes per transaction"
    )
    view_wait_seconds: float = Field(
        2.0, ge=0, description="How long a command waits for the views to show it"
    )
    projectors: bool = Field(
        True, description="Project the views inside the API process (off: `rapport project` does)"
    )
    sla_watch: bool = Field(
        True,
        description="Run the SLA breach watchdog inside the API process "
        "(off: `rapport sla-watch` runs it)",
    )
    sla_watch_seconds: float = Field(
        10.0,
        ge=0.1,
        le=30.0,
        description="How often the watchdog looks for clocks that came due: a breach or "
        "warning is recorded at most this late, plus the time a tick takes",
    )
    webhooks: bool = Field(
        True,
        description="Deliver webhooks from inside the API process "
        "(off: `rapport webhook deliver` does)",
    )
    webhook_timeout_seconds: float = Field(
        10.0, gt=0, description="How long an endpoint has to answer a delivery"
    )
    webhook_max_backoff_seconds: float = Field(
        300.0, gt=0, description="The longest pause between two tries of one delivery"
    )
    webhook_disable_after_hours: float = Field(
        72.0, gt=0, description="An endpoint failing this long is disabled"
    )
    max_page_size: int = Field(100, ge=1, description="Most items one connection page returns")
    max_query_depth: int = Field(12, ge=2, description="Deepest nesting a GraphQL query may have")
    max_query_tokens: int = Field(
        5000, ge=100, description="Most tokens a GraphQL document may have"
    )
    max_query_aliases: int = Field(30, ge=1, description="Most aliases a GraphQL document may use")
    max_query_cost: int = Field(
        20_000,
        ge=100,
        description="Most a GraphQL operation may cost: each field 1, a page multiplying "
        "what is under it by its `first`",
    )
    max_body_bytes: int = Field(
        256 * 1024, ge=1024, description="Largest request body the API reads, in bytes"
    )
    token_cache_seconds: float = Field(
        1.0,
        ge=0,
        description="How long a checked token is trusted before it is looked up again; "
        "a revocation made in another process takes effect within it (0: look up every request)",
    )
    response_cache_mib: float = Field(
        32.0,
        ge=0,
        description="How much of its query answers, in MiB of JSON, each process keeps to give "
        "again while the views they read are unchanged and no figure in them has moved with "
        "time (0: none)",
    )
    rate_limit_per_minute: int = Field(
        6000, ge=0, description="Requests per minute one token may make (0: unlimited)"
    )
    auth_failures_per_minute: int = Field(
        30,
        ge=0,
        description="Failed authentications per minute one client address may make; "
        "past them its requests with a token not checked a moment ago get 429 "
        "without a lookup (0: unlimited)",
    )
    ready_max_lag: int = Field(
        10_000, ge=0, description="Most events the views may trail the log by and be ready"
    )
    health_thresholds: dict[str, Decimal] = Field(
        default_factory=dict,
        description="Overrides of the health thresholds, as JSON, e.g. "
        '{"red_cpi_below": 0.8, "amber_csat_below": 4.0, "breach_window_days": 28}',
    )

    def require_direct_connection(self, job: str) -> None:
        """Refuse `job` when database_url goes through a transaction pooler: a
        job holds its lock with a database session, across transactions, and
        the pooler gives each transaction whichever server connection is free."""
        if self.transaction_pooler:
            raise DirectConnectionRequired(
                f"{job} needs a direct connection to PostgreSQL, but "
                "RAPPORT_TRANSACTION_POOLER says RAPPORT_DATABASE_URL goes through a "
                "transaction pooler (the job's lock is held by a database session)"
            )

    def thresholds(self) -> HealthThresholds:
        defaults = HealthThresholds()
        unknown = set(self.health_thresholds) - {f.name for f in fields(defaults)}
        if unknown:
            raise ValueError(f"unknown health thresholds: {', '.join(sorted(unknown))}")
        overrides = {
            name: type(getattr(defaults, name))(value)
            for name, value in self.health_thresholds.items()
        }
        return replace(defaults, **overrides)
