"""Webhook endpoints and their delivery log, in SQL tables beside the views.

The signing secret is kept as given: it must be read back to sign each
request. It is never returned to a caller after registration.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    Uuid,
    and_,
    delete,
    or_,
    select,
    update,
)

from application.webhooks import DeliveryAttempt, WebhookEndpoint
from infrastructure.sql_times import read_time, stored_time
from infrastructure.views.locks import turn


class SqlWebhookStore:
    """The `WebhookStore` on SQLite or PostgreSQL, in the given schema (PostgreSQL)."""

    def __init__(self, engine: Engine, schema: str | None = None) -> None:
        self.engine = engine
        self.reads = engine.execution_options(isolation_level="AUTOCOMMIT")  # single statements
        self.metadata = MetaData(schema=schema)
        self.endpoints = Table(
            "rapport_webhooks",
            self.metadata,
            Column("endpoint_id", Uuid, primary_key=True),
            Column("url", String, nullable=False),
            Column("event_types", String, nullable=False),  # a JSON list
            Column("client_id", Uuid, nullable=True),
            Column("secret", String, nullable=False),
            Column("created_at", DateTime(timezone=True), nullable=False),
            Column("created_by", String, nullable=False),
            Column("position", BigInteger, nullable=False),
            Column("failing_since", DateTime(timezone=True), nullable=True),
            Column("disabled_at", DateTime(timezone=True), nullable=True),
            Column("disabled_reason", String, nullable=False, default=""),
        )
        self.deliveries = Table(
            "rapport_webhook_deliveries",
            self.metadata,
            Column("endpoint_id", Uuid, primary_key=True),
            Column("position", BigInteger, primary_key=True),
            Column("attempt", Integer, primary_key=True),
            Column("event_id", Uuid, nullable=False),
            Column("attempted_at", DateTime(timezone=True), nullable=False),
            Column("status", Integer, nullable=True),
            Column("error", String, nullable=False),
            Column("latency_ms", Float, nullable=False),
        )
        # In turns: two processes starting at once would otherwise both see no
        # table and race to create it.
        with turn(engine, "webhook-tables", schema=schema) as conn:
            self.metadata.create_all(conn, checkfirst=True)

    def add(self, endpoint: WebhookEndpoint, secret: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                self.endpoints.insert().values(
                    endpoint_id=endpoint.endpoint_id,
                    url=endpoint.url,
                    event_types=json.dumps(list(endpoint.event_types)),
                    client_id=endpoint.client_id,
                    secret=secret,
                    created_at=stored_time(endpoint.created_at),
                    created_by=endpoint.created_by,
                    position=endpoint.position,
                    disabled_reason="",
                )
            )

    def all(self) -> list[WebhookEndpoint]:
        query = self._endpoints().order_by(self.endpoints.c.created_at)
        with self.reads.connect() as conn:
            return [_endpoint(row) for row in conn.execute(query)]

    def get(self, endpoint_id: UUID) -> WebhookEndpoint | None:
        query = self._endpoints().where(self.endpoints.c.endpoint_id == endpoint_id)
        with self.reads.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _endpoint(row)

    def secret(self, endpoint_id: UUID) -> str:
        query = select(self.endpoints.c.secret).where(self.endpoints.c.endpoint_id == endpoint_id)
        with self.reads.connect() as conn:
            secret: str = conn.execute(query).scalar_one()
        return secret

    def remove(self, endpoint_id: UUID) -> bool:
        with self.engine.begin() as conn:
            conn.execute(
                delete(self.deliveries).where(self.deliveries.c.endpoint_id == endpoint_id)
            )
            gone = conn.execute(
                delete(self.endpoints).where(self.endpoints.c.endpoint_id == endpoint_id)
            )
        return bool(gone.rowcount)

    def set_disabled(self, endpoint_id: UUID, at: datetime | None, reason: str) -> None:
        values: dict[str, Any] = {"disabled_at": stored_time(at), "disabled_reason": reason}
        if at is None:
            values["failing_since"] = None
        with self.engine.begin() as conn:
            conn.execute(
                update(self.endpoints)
                .where(self.endpoints.c.endpoint_id == endpoint_id)
                .values(**values)
            )

    def record(
        self,
        endpoint_id: UUID,
        position: int,
        failing_since: datetime | None,
        attempts: Sequence[DeliveryAttempt],
    ) -> None:
        with self.engine.begin() as conn:
            moved = conn.execute(
                update(self.endpoints)
                .where(self.endpoints.c.endpoint_id == endpoint_id)
                .values(position=position, failing_since=stored_time(failing_since))
            )
            # A removed endpoint keeps no log of what was tried while it went.
            if attempts and moved.rowcount:
                conn.execute(self.deliveries.insert(), [_attempt_row(a) for a in attempts])

    def attempts(
        self, endpoint_id: UUID, limit: int, before: tuple[int, int] | None
    ) -> list[DeliveryAttempt]:
        c = self.deliveries.c
        query = select(self.deliveries).where(c.endpoint_id == endpoint_id)
        if before is not None:
            position, attempt = before
            query = query.where(
                or_(c.position < position, and_(c.position == position, c.attempt < attempt))
            )
        query = query.order_by(c.position.desc(), c.attempt.desc()).limit(limit)
        with self.reads.connect() as conn:
            return [_attempt(row) for row in conn.execute(query)]

    def _endpoints(self) -> Any:
        """Every column but the secret: nothing read back for a caller needs it."""
        return select(*(c for c in self.endpoints.c if c.name != "secret"))


def _endpoint(row: Row[Any]) -> WebhookEndpoint:
    return WebhookEndpoint(
        endpoint_id=row.endpoint_id,
        url=row.url,
        event_types=tuple(json.loads(row.event_types)),
        client_id=row.client_id,
        created_at=read_time(row.created_at),
        created_by=row.created_by,
        position=row.position,
        failing_since=read_time(row.failing_since),
        disabled_at=read_time(row.disabled_at),
        disabled_reason=row.disabled_reason,
    )


def _attempt_row(attempt: DeliveryAttempt) -> dict[str, Any]:
    return {
        "endpoint_id": attempt.endpoint_id,
        "position": attempt.position,
        "attempt": attempt.attempt,
        "event_id": attempt.event_id,
        "attempted_at": stored_time(attempt.attempted_at),
        "status": attempt.status,
        "error": attempt.error,
        "latency_ms": attempt.latency_ms,
    }


def _attempt(row: Row[Any]) -> DeliveryAttempt:
    return DeliveryAttempt(
        endpoint_id=row.endpoint_id,
        position=row.position,
        event_id=row.event_id,
        attempt=row.attempt,
        attempted_at=read_time(row.attempted_at),
        status=row.status,
        error=row.error,
        latency_ms=row.latency_ms,
    )
